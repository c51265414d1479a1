package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/internal/serve"
)

const serveUsage = `Usage: ssrm serve [flags]

A local web page: drop a vendor's questionnaire and agreement, read the
report, download it as xlsx, json or md. Listens on 127.0.0.1:8080 unless
--addr says otherwise; a non-loopback address needs --allow-remote and an
access token (--token, or one generated and printed at start).

Flags:
`

// serveContext is the parent context of ssrm serve; tests replace it.
var serveContext = context.Background

// serveListening, when set, is called with the address once the server
// listens (tests use it).
var serveListening func(addr string)

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ssrm serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, serveUsage)
		fs.PrintDefaults()
	}
	var (
		addr        = fs.String("addr", "127.0.0.1:8080", "listen address (host:port)")
		allowRemote = fs.Bool("allow-remote", false, "allow a non-loopback --addr (an access token is then required)")
		token       = fs.String("token", "", "access token (default: generated when --allow-remote); also required on loopback when given")
		data        = fs.String("data", "", "keep the analyses in this folder, so a restart lists them again (default: in memory)")
		maxFileMB   = fs.Int("max-file-mb", 25, "largest file accepted, in MB")
		maxReqMB    = fs.Int("max-request-mb", 100, "largest upload (all files of one analysis), in MB")
		maxAnalyses = fs.Int("max-analyses", runtime.NumCPU(), "analyses run at once; past it the page answers \"busy, try again\"")
		timeout     = fs.Duration("timeout", 2*time.Minute, "longest analysis: past it the page answers 504 and the analysis is stopped")
		db          = fs.String("db", os.Getenv(dbEnv), "the decisions store: an SQLite file or postgres://USER@HOST/DB (default $"+dbEnv+", else DATA/ssrm.db with --data, else in memory)")
	)
	pf := addParseFlags(fs, true, false)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: ssrm serve takes no arguments, got %q", errUsage, pos[0])
	}
	if *maxFileMB < 1 || *maxReqMB < 1 || *maxAnalyses < 1 || *timeout <= 0 {
		return fmt.Errorf("%w: --max-file-mb, --max-request-mb, --max-analyses and --timeout must be positive", errUsage)
	}
	x, err := pf.extractor(*timeout)
	if err != nil {
		return err
	}
	srv, err := serve.New(serve.Config{
		Addr: *addr, AllowRemote: *allowRemote, Token: *token, DataDir: *data,
		MaxFileBytes: int64(*maxFileMB) << 20, MaxRequestBytes: int64(*maxReqMB) << 20,
		MaxAnalyses: *maxAnalyses, AnalysisTimeout: *timeout, Extract: x, Version: version, DB: *db,
		Analyze: func(ctx context.Context, in analyze.Inputs, vendor, serviceModel string, rs *analyze.RuleSet) (*analyze.Result, error) {
			return assess(ctx, in, vendor, "", serviceModel, rs)
		},
	})
	if errors.Is(err, serve.ErrRemote) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String() + "/"
	if srv.Token() != "" {
		url += "?token=" + srv.Token()
		if *token == "" {
			fmt.Fprintf(stderr, "ssrm serve: access token %s (generated; pass --token to choose one)\n", srv.Token())
		}
	}
	fmt.Fprintf(stderr, "ssrm serve: open %s (Ctrl-C to stop)\n", url)
	if serveListening != nil {
		serveListening(ln.Addr().String())
	}
	ctx, stop := signal.NotifyContext(serveContext(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	fmt.Fprintln(stderr, "ssrm serve: stopped")
	return nil
}

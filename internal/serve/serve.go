// Package serve is ssrm's local web page (ssrm serve): a reviewer drops a
// vendor's questionnaire and agreement, reads the HTML report in the page
// and downloads the other formats.
//
// Everything the page needs is embedded (no CDN). Uploads are spooled to a
// temporary folder under generated names, read each in a child process
// under memory and time limits (package isolate; formats detected by
// content) and removed before the handler returns, so that no upload can
// end the server. Every
// response carries a Content-Security-Policy; the report is shown in a
// sandboxed frame and document text is escaped by html/template.
package serve

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/internal/isolate"
	db "github.com/ssrm-dev/ssrm/internal/store"
)

// AnalyzeFunc analyses one vendor's documents; cmd/ssrm passes the helper
// that ssrm analyze and ssrm batch use.
type AnalyzeFunc func(ctx context.Context, in analyze.Inputs, vendor, serviceModel string, rs *analyze.RuleSet) (*analyze.Result, error)

// Config configures a Server. Zero values take the defaults noted.
type Config struct {
	// Addr is the listen address (default 127.0.0.1:8080).
	Addr string
	// AllowRemote must be set for an address that is not loopback; such a
	// server always requires the access token.
	AllowRemote bool
	// Token is the access token; when empty and the address is not
	// loopback, New generates one (Server.Token).
	Token string
	// DataDir, when set, keeps the analyses (JSON result, extracted
	// documents, upload names) so a restart lists them again.
	DataDir string
	// TempDir is where uploads are spooled (default os.TempDir()).
	TempDir string
	// MaxFileBytes and MaxRequestBytes bound an upload (default 25 MB and
	// 100 MB).
	MaxFileBytes    int64
	MaxRequestBytes int64
	// MaxFiles bounds the files of one request (default 20).
	MaxFiles int
	// MaxAnalyses bounds the analyses running at once (default
	// runtime.NumCPU()); past it a request is answered 503 at once.
	MaxAnalyses int
	// AnalysisTimeout bounds one analysis (default 2 minutes). Past it the
	// request is answered 504, the child reading a document is killed and
	// the analysis stopped, and the slot is free again.
	AnalysisTimeout time.Duration
	// Extract reads each upload (default: a child process per upload with
	// isolate's default limits, its wall-clock limit AnalysisTimeout). The
	// binary must run isolate.Child when called with isolate.ChildArg.
	Extract *isolate.Extractor
	// MaxStored bounds the analyses kept (default 200; the oldest go).
	MaxStored int
	// Analyze runs an analysis (default analyze.Run).
	Analyze AnalyzeFunc
	// Version is shown in the page footer.
	Version string
	// DB is the decisions store's DSN (store.Open): a reviewer's decisions
	// and the analyses' rows. Default: DataDir/ssrm.db with a data folder,
	// else an SQLite database in memory.
	DB string
}

// ErrRemote is returned by New for a non-loopback address without
// AllowRemote.
var ErrRemote = errors.New("listening on a non-loopback address needs --allow-remote (and an access token, --token or generated)")

// Server is the web page's HTTP handler and its state.
type Server struct {
	cfg     Config
	remote  bool // the address is not loopback: the token is required
	secret  []byte
	sem     chan struct{}
	store   *store
	db      db.Store // decisions and analyses' rows
	handler http.Handler
}

// New checks cfg, fills its defaults, and loads the analyses of DataDir.
func New(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	if cfg.TempDir == "" {
		cfg.TempDir = os.TempDir()
	}
	if cfg.MaxFileBytes <= 0 {
		cfg.MaxFileBytes = 25 << 20
	}
	if cfg.MaxRequestBytes <= 0 {
		cfg.MaxRequestBytes = 100 << 20
	}
	if cfg.MaxFiles <= 0 {
		cfg.MaxFiles = 20
	}
	if cfg.MaxAnalyses <= 0 {
		cfg.MaxAnalyses = runtime.NumCPU()
	}
	if cfg.AnalysisTimeout <= 0 {
		cfg.AnalysisTimeout = 2 * time.Minute
	}
	if cfg.MaxStored <= 0 {
		cfg.MaxStored = 200
	}
	if cfg.Extract == nil {
		cfg.Extract = &isolate.Extractor{Limits: isolate.Limits{Timeout: cfg.AnalysisTimeout}}
	}
	if cfg.Analyze == nil {
		cfg.Analyze = func(ctx context.Context, in analyze.Inputs, vendor, serviceModel string, rs *analyze.RuleSet) (*analyze.Result, error) {
			return analyze.Run(ctx, in, rs, analyze.Options{Vendor: vendor, ServiceModel: serviceModel})
		}
	}
	host, _, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("--addr %q: %v", cfg.Addr, err)
	}
	s := &Server{cfg: cfg, remote: !isLoopback(host), sem: make(chan struct{}, cfg.MaxAnalyses)}
	if s.remote && !cfg.AllowRemote {
		return nil, fmt.Errorf("--addr %s: %w", cfg.Addr, ErrRemote)
	}
	if s.remote && s.cfg.Token == "" {
		s.cfg.Token = randomHex(24)
	}
	s.secret = make([]byte, 32)
	if _, err := rand.Read(s.secret); err != nil {
		return nil, err
	}
	if s.store, err = newStore(cfg.DataDir, cfg.MaxStored); err != nil {
		return nil, err
	}
	if s.db, err = openDB(cfg); err != nil {
		return nil, fmt.Errorf("the decisions store: %w", err)
	}
	s.handler = s.routes()
	return s, nil
}

// isLoopback: "localhost", 127.0.0.0/8 and ::1 are loopback; "" (every
// interface) and any other name are not.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Token is the access token a non-loopback server requires ("" on
// loopback without --token).
func (s *Server) Token() string { return s.cfg.Token }

// Remote reports whether the server requires the access token.
func (s *Server) Remote() bool { return s.remote }

// Handler is the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// HTTPServer returns an http.Server with the request timeouts set.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Addr:              s.cfg.Addr,
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // a large upload on a slow link
		WriteTimeout:      s.cfg.AnalysisTimeout + time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// Serve answers on ln until ctx ends, then shuts down gracefully (the
// requests in progress get 10 seconds to finish).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := s.HTTPServer()
	defer s.cfg.Extract.Close() // the document readers kept for reuse
	defer s.db.Close()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	return hex.EncodeToString(b)
}

// csrfToken is the form token for a browser's CSRF cookie value: an HMAC
// under the server's secret, so only a page this server rendered has it.
func (s *Server) csrfToken(nonce string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte("csrf:" + nonce))
	return hex.EncodeToString(m.Sum(nil))
}

func (s *Server) csrfValid(nonce, token string) bool {
	if nonce == "" || token == "" {
		return false
	}
	return hmac.Equal([]byte(s.csrfToken(nonce)), []byte(token))
}

// tokenValid compares in constant time (hashes, so the length does not
// leak either).
func (s *Server) tokenValid(got string) bool {
	if got == "" {
		return false
	}
	a, b := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(s.cfg.Token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/report"
)

const diffUsage = `Usage: ssrm diff OLD NEW [flags]

Compares two rounds of a negotiation: OLD and NEW are each an agreement
(or any file ssrm analyze reads) or a vendor folder. Each round is analysed
as ssrm analyze does; the report says which terms were fixed, regressed,
new, removed or unchanged (by status: met above weak and by-reference,
above missing and contradicted; a term that keeps its status but loses an
element, gets a longer deadline, turns "shall" into "may" or gains a
weakener counts as regressed), names each such change and shows the cited
clauses' text changes word by word. The exit code gates on NEW as ssrm
analyze does (--fail-on); with --fail-on-regression a regressed term at or
above --fail-on also exits 1.

Flags:
`

func runDiff(args []string, stdout, stderr io.Writer) error {
	tuneGC()
	fs := flag.NewFlagSet("ssrm diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, diffUsage)
		fs.PrintDefaults()
	}
	var (
		vendor       = fs.String("vendor", "", "the vendor's name (default: as the new round's questionnaire or folder names it)")
		serviceModel = fs.String("service-model", "saas", "saas, paas or iaas")
		rules        = fs.String("rules", "", "extra rule packs, comma-separated: embedded names ("+strings.Join(analyze.EmbeddedPacks(), ", ")+") or YAML files; baseline is always on")
		format       = fs.String("format", "text", "output format: "+strings.Join(report.DiffFormats, ", "))
		output       = fs.String("o", "", "write the report to this file instead of stdout")
		failOn       = fs.String("fail-on", "high", "exit 1 when a finding of the NEW round that is not met has this severity or higher: critical, high, medium, low, never")
		password     = fs.String("password", "", "password for encrypted PDFs or workbooks")
		ocr          = fs.Bool("ocr", false, ocrHelp)
		onRegression = fs.Bool("fail-on-regression", false, "also exit 1 when a term at or above --fail-on regressed (its status fell, or it weakened within its status)")
	)
	pf := addParseFlags(fs, true, true)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		fs.Usage()
		return fmt.Errorf("%w: ssrm diff takes OLD and NEW (two agreements or two vendor folders), got %d %s", errUsage, len(pos), plural(len(pos), "argument", "arguments"))
	}
	threshold, err := parseFailOn(*failOn)
	if err != nil {
		return err
	}
	switch *serviceModel {
	case "saas", "paas", "iaas":
	default:
		return fmt.Errorf("%w: --service-model: want saas, paas or iaas, got %q", errUsage, *serviceModel)
	}
	if !slices.Contains(report.DiffFormats, *format) {
		return fmt.Errorf("%w: --format: want one of %s, got %q", errUsage, strings.Join(report.DiffFormats, ", "), *format)
	}
	x, err := pf.extractor(0)
	if err != nil {
		return err
	}
	defer x.Close()
	var packs []string
	if *rules != "" {
		packs = strings.Split(*rules, ",")
	}
	ruleSet := loadRules(packs, true) // the rounds are folders or files of any kind
	opts := extract.Options{Password: *password, ServiceModel: *serviceModel, OCR: *ocr}
	ctx := context.Background()
	var rounds [2]analysis
	for i, p := range pos {
		rounds[i], err = analyzeDocs(ctx, x, docArgs{paths: []string{p}}, opts, *vendor, *serviceModel, ruleSet, stderr)
		if err != nil {
			return err
		}
	}
	d := report.Compare(rounds[0].res, rounds[1].res)
	if err := writeDiff(stdout, *output, *format, d); err != nil {
		return err
	}
	if *onRegression && regressedAtOrAbove(d, threshold) {
		return errFindings
	}
	return gate(rounds[1].res, threshold)
}

// regressedAtOrAbove reports whether a regressed term of d has a severity
// of rank threshold or higher (0: never).
func regressedAtOrAbove(d *report.Diff, threshold int) bool {
	for _, t := range d.Terms {
		if threshold > 0 && t.Change == report.ChangeRegressed && t.Severity.Rank() >= threshold {
			return true
		}
	}
	return false
}

// writeDiff renders d to the file at path, or to stdout.
func writeDiff(stdout io.Writer, path, format string, d *report.Diff) error {
	if path == "" {
		return report.WriteDiff(stdout, format, d)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := report.WriteDiff(f, format, d); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// plural is one for n == 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

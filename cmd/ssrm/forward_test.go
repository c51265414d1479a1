package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/report"
)

// contents is a report file's text: a zip package's parts (xlsx, caiq,
// addendum) one after the other, else the file itself.
func contents(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return string(b)
	}
	var all strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		all.Write(part)
	}
	return all.String()
}

// TestNoAbsolutePaths reads the sample from an absolute temporary folder,
// given as a folder and as files, writes every format and the batch
// outputs, and greps each for the temporary folder: a report is forwarded,
// and the reviewer's disk layout must not go with it.
func TestNoAbsolutePaths(t *testing.T) {
	tmp := copySample(t, 1)
	vendor := filepath.Join(tmp, "vendor-0001")
	out := t.TempDir()
	inputs := map[string][]string{
		"folder": {vendor},
		"files":  {"--questionnaire", filepath.Join(vendor, "questionnaire.xlsx"), "--agreement", filepath.Join(vendor, "agreement.pdf")},
	}
	for how, args := range inputs {
		for _, format := range report.Names() {
			path := filepath.Join(out, how+"."+report.Ext(format))
			var stdout, stderr bytes.Buffer
			if got := Run(append([]string{"analyze", "--format", format, "-o", path, "--fail-on", "never"}, args...), &stdout, &stderr); got != exitOK {
				t.Fatalf("%s %s: exit %d: %s", how, format, got, stderr.String())
			}
			text := contents(t, path)
			if strings.Contains(text, tmp) {
				i := strings.Index(text, tmp)
				t.Errorf("%s %s names %s: …%s…", how, format, tmp, text[max(0, i-60):min(len(text), i+len(tmp)+40)])
			}
			if how == "folder" && format != "addendum" && format != "addendum-md" && format != "caiq" && !strings.Contains(text, "vendor-0001/agreement.pdf") {
				t.Errorf("%s %s: the agreement is not named vendor-0001/agreement.pdf", how, format)
			}
		}
	}
	// ssrm diff and ssrm batch on absolute folders.
	var stdout, stderr bytes.Buffer
	if got := Run([]string{"diff", "--format", "json", "--fail-on", "never", vendor, vendor}, &stdout, &stderr); got != exitOK || strings.Contains(stdout.String(), tmp) {
		t.Errorf("diff: exit %d, names the temporary folder: %v\n%s", got, strings.Contains(stdout.String(), tmp), stderr.String())
	}
	batchOut := filepath.Join(out, "batch")
	for _, format := range []string{"json", "html", "md", "xlsx"} {
		stdout.Reset()
		stderr.Reset()
		if got := Run([]string{"batch", tmp, "-o", batchOut, "--format", format, "--portfolio-format", "html", "--fail-on", "never"}, &stdout, &stderr); got != exitOK {
			t.Fatalf("batch %s: exit %d: %s", format, got, stderr.String())
		}
		entries, err := os.ReadDir(batchOut)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.Contains(contents(t, filepath.Join(batchOut, e.Name())), tmp) {
				t.Errorf("batch --format %s: %s names the temporary folder", format, e.Name())
			}
		}
	}
}

// TestForwardedReport: the text, Markdown and HTML reports open with an
// executive summary (verdict, contradictions, top asks), show a
// contradicted term once (under Contradictions, not again under its
// status), and the HTML prints well (print CSS).
func TestForwardedReport(t *testing.T) {
	render := func(format string) string {
		var stdout, stderr bytes.Buffer
		if got := Run([]string{"analyze", sample, "--format", format, "--fail-on", "never"}, &stdout, &stderr); got != exitOK {
			t.Fatalf("%s: exit %d: %s", format, got, stderr.String())
		}
		return stdout.String()
	}
	tests := []struct {
		format string
		// summary must come before matrix; finding counts a term's entries.
		summary, matrix string
		finding         *regexp.Regexp
		asks            *regexp.Regexp
	}{
		{"text", "\nSummary: verdict review, score 58\n", "Responsibility matrix", regexp.MustCompile(`(?m)^  \[[A-Z-]+\] breach-notification \(`), regexp.MustCompile(`(?m)^    [1-5]\. \[`)},
		{"md", "## Summary\n\nVerdict **review**, score 58.", "## Responsibility matrix", regexp.MustCompile("(?m)^### .* `breach-notification`"), regexp.MustCompile(`(?m)^[1-5]\. `)},
		{"html", `<section id="executive-summary">`, `<section id="matrix">`, regexp.MustCompile(`<article class="finding [a-z-]+" data-rule="breach-notification"`), regexp.MustCompile(`<li><span class="badge">`)},
	}
	for _, tc := range tests {
		out := render(tc.format)
		s, m := strings.Index(out, tc.summary), strings.Index(out, tc.matrix)
		if s < 0 || m < 0 || s > m {
			t.Errorf("%s: summary at %d, matrix at %d; want the summary first:\n%s", tc.format, s, m, out[:min(len(out), 1500)])
			continue
		}
		head := out[s:m]
		if !strings.Contains(head, "breach-notification") || !strings.Contains(head, "within 24 hours") {
			t.Errorf("%s: the summary does not name the contradiction:\n%s", tc.format, head)
		}
		if n := len(tc.asks.FindAllString(head, -1)); n != 5 {
			t.Errorf("%s: %d top asks in the summary, want 5:\n%s", tc.format, n, head)
		}
		body := out[m:]
		if n := len(tc.finding.FindAllString(body, -1)); n != 1 {
			t.Errorf("%s: breach-notification shown %d times among the findings, want once (under Contradictions)", tc.format, n)
		}
	}
	html := render("html")
	for _, want := range []string{"@media print", "@page", "print-color-adjust:exact", "break-inside:avoid"} {
		if !strings.Contains(html, want) {
			t.Errorf("html: no %q in the print styles", want)
		}
	}
}

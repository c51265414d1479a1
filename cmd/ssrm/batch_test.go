package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// copySample writes n vendor folders, each a copy of the sample vendor,
// under a temp folder and returns it.
func copySample(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	var files [][2]string
	for _, name := range []string{"questionnaire.xlsx", "agreement.pdf"} {
		b, err := os.ReadFile(filepath.Join(sample, name))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, [2]string{name, string(b)})
	}
	for i := range n {
		v := filepath.Join(dir, fmt.Sprintf("vendor-%04d", i+1))
		if err := os.Mkdir(v, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(v, f[0]), []byte(f[1]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// TestBatch runs ssrm batch as rows of args and exit code; OUT in args is
// the test's output folder, and stdout (OUT normalised) is compared with a
// golden file where one is named.
func TestBatch(t *testing.T) {
	good := copySample(t, 2)
	// A folder of files, no sub-folder: each file is one vendor.
	flat := t.TempDir()
	for name, from := range map[string]string{"acme.md": "testdata/batch/vendors/acme-cloud/agreement.md", "nimbus.xlsx": filepath.Join(sample, "questionnaire.xlsx"), "broken.bin": "testdata/batch/vendors/broken/contract.bin", ".DS_Store": "testdata/batch/manifest.csv"} {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(flat, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	empty := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		exit   int
		golden string   // under testdata/batch/, compared with stdout
		stderr string   // substring of stderr
		files  []string // expected in OUT
	}{
		{"folder partial csv", []string{"batch", "testdata/batch/vendors", "-o", "OUT", "--portfolio-format", "csv", "--jobs", "2"}, exitPartial, "folder.out", "batch partial: 1 of 3 vendors not assessed", []string{"acme-cloud.html", "Beta-Corp-Co.html", "portfolio.csv"}},
		{"manifest partial xlsx", []string{"batch", "testdata/batch/manifest.csv", "-o", "OUT", "--format", "json"}, exitPartial, "manifest.out", "2 of 4 vendors not assessed", []string{"Nimbus-Ledger.json", "Acme-Cloud.json", "portfolio.xlsx"}},
		{"all read, gate fails", []string{"batch", good, "-o", "OUT", "--format", "xlsx", "--portfolio-format", "html"}, exitFindings, "gate-fails.out", "[2/2]", []string{"vendor-0001.xlsx", "vendor-0002.xlsx", "portfolio.html"}},
		{"all read, fail-on never", []string{"batch", good, "-o", "OUT", "--fail-on", "never", "--format", "oscal"}, exitOK, "gate-never.out", "", []string{"vendor-0001.oscal.json", "portfolio.xlsx"}},
		{"all read, caiq", []string{"batch", good, "-o", "OUT", "--fail-on", "critical", "--format", "caiq", "--jobs", "1"}, exitOK, "gate-passes.out", "", []string{"vendor-0002.caiq.xlsx"}},
		{"no -o", []string{"batch", good}, exitError, "", "needs -o OUTDIR", nil},
		{"two inputs", []string{"batch", good, good, "-o", "OUT"}, exitError, "", "takes one DIR or manifest.csv", nil},
		{"bad portfolio format", []string{"batch", good, "-o", "OUT", "--portfolio-format", "pdf"}, exitError, "", "--portfolio-format: want one of xlsx, html, csv", nil},
		{"bad format", []string{"batch", good, "-o", "OUT", "--format", "pdf"}, exitError, "", "--format: want one of", nil},
		{"bad jobs", []string{"batch", good, "-o", "OUT", "--jobs", "0"}, exitError, "", "--jobs", nil},
		{"missing input", []string{"batch", "testdata/batch/nope", "-o", "OUT"}, exitError, "", "testdata/batch/nope", nil},
		{"flat folder: a vendor per file", []string{"batch", flat, "-o", "OUT", "--format", "json", "--portfolio-format", "csv", "--jobs", "1"}, exitPartial, "flat.out", "has no sub-folders: each file is one vendor", []string{"acme.json", "nimbus.json", "portfolio.csv"}},
		{"empty folder", []string{"batch", empty, "-o", "OUT"}, exitError, "", "no vendors: the folder is empty", nil},
		{"manifest without files", []string{"batch", "testdata/batch/bad-manifest.csv", "-o", "OUT"}, exitError, "", `no "files" column`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "OUT", out)
			}
			var stdout, stderr bytes.Buffer
			got := Run(args, &stdout, &stderr)
			if got != tc.exit {
				t.Errorf("exit %d, want %d; stderr: %s", got, tc.exit, stderr.String())
			}
			if tc.stderr != "" && !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tc.stderr)
			}
			if tc.golden != "" {
				got := bytes.ReplaceAll(stdout.Bytes(), []byte(out), []byte("OUT"))
				compareGolden(t, filepath.Join("testdata", "batch", tc.golden), bytes.ReplaceAll(got, []byte(flat), []byte("FLAT")))
			}
			for _, f := range tc.files {
				if st, err := os.Stat(filepath.Join(out, f)); err != nil || st.Size() == 0 {
					t.Errorf("%s: %v", f, err)
				}
			}
			if tc.golden == "folder.out" {
				b, _ := os.ReadFile(filepath.Join(out, "portfolio.csv"))
				compareGolden(t, filepath.Join("testdata", "batch", "folder-portfolio.csv"), b)
			}
			// No temporary files are left behind.
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".") {
					t.Errorf("left behind: %s", e.Name())
				}
			}
		})
	}
}

// TestBatchPortfolioXLSX reads the manifest batch's portfolio back.
func TestBatchPortfolioXLSX(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"batch", "testdata/batch/manifest.csv", "-o", out, "--format", "json"}, &stdout, &stderr); code != exitPartial {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	f, err := excelize.OpenFile(filepath.Join(out, "portfolio.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Vendors,Heatmap,Subprocessors,Subprocessor terms,Failed" {
		t.Errorf("sheets %s", got)
	}
	rows, _ := f.GetRows("Vendors")
	if len(rows) != 3 || rows[1][1] != "Acme Cloud" || rows[2][1] != "Nimbus Ledger" || rows[2][3] != "high" {
		t.Errorf("Vendors (lowest score first): %v", rows)
	}
	heat, _ := f.GetRows("Heatmap")
	if len(heat) != 3 || heat[0][2] != "breach-notification" {
		t.Errorf("Heatmap header %v", heat[0])
	}
	nimbus := map[string]string{}
	for i, h := range heat[0] {
		if i < len(heat[2]) {
			nimbus[h] = heat[2][i]
		}
	}
	if nimbus["breach-notification"] != "contradicted" || nimbus["audit-rights"] != "missing" {
		t.Errorf("Nimbus heat map row: %v", nimbus)
	}
	failed, _ := f.GetRows("Failed")
	if len(failed) != 3 || failed[1][0] != "Ghost Vendor" || !strings.Contains(failed[2][1], "service_model") {
		t.Errorf("Failed: %v", failed)
	}
}

// TestBatchInterrupt cancels the batch after the first vendor: it stops,
// writes the finished report and a portfolio that lists the rest as not
// assessed, and exits with the partial code.
func TestBatchInterrupt(t *testing.T) {
	dir := copySample(t, 5)
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	batchContext = func() context.Context { return ctx }
	batchVendorDone = func(done int) {
		if done == 1 {
			cancel()
		}
	}
	defer func() { batchContext, batchVendorDone = context.Background, nil }()
	var stdout, stderr bytes.Buffer
	code := Run([]string{"batch", dir, "-o", out, "--jobs", "1", "--portfolio-format", "csv", "--format", "json"}, &stdout, &stderr)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr %s", code, exitPartial, stderr.String())
	}
	if !strings.Contains(stdout.String(), "1 assessed") || !strings.Contains(stdout.String(), "(interrupted)") {
		t.Errorf("summary should say 1 assessed and interrupted:\n%s", stdout.String())
	}
	if _, err := os.Stat(filepath.Join(out, "vendor-0001.json")); err != nil {
		t.Errorf("the finished vendor's report is missing: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(out, "portfolio.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), "not assessed: the batch was interrupted"); n != 4 {
		t.Errorf("%d vendors listed as interrupted, want 4:\n%s", n, b)
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"Acme Cloud":             "Acme-Cloud",
		"../../etc/passwd":       "etc-passwd",
		"Beta Corp & Co.":        "Beta-Corp-Co",
		"CON":                    "vendor-CON",
		"":                       "vendor",
		"Ünïcode/Vendor":         "n-code-Vendor",
		".hidden":                "hidden",
		strings.Repeat("a", 100): strings.Repeat("a", 80),
	} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
	got := uniqueNames([]vendorJob{{Key: "Acme"}, {Key: "acme"}, {Key: "ACME!"}, {Key: "acme-2"}})
	if strings.Join(got, ",") != "Acme,acme-2,ACME-3,acme-2-2" {
		t.Errorf("uniqueNames = %v", got)
	}
}

// BenchmarkBatch runs ssrm batch on generated portfolios of copies of the
// sample vendor (json reports, csv portfolio, --jobs = CPUs). Peak memory:
// see README "Batch".
func BenchmarkBatch(b *testing.B) {
	for _, n := range []int{100, 300, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := copySample(b, n)
			b.ResetTimer()
			for b.Loop() {
				out := b.TempDir()
				var stdout, stderr bytes.Buffer
				if code := Run([]string{"batch", dir, "-o", out, "--format", "json", "--portfolio-format", "csv", "--fail-on", "never", "--jobs", fmt.Sprint(runtime.NumCPU())}, &stdout, &stderr); code != 0 {
					b.Fatalf("exit %d: %s", code, stderr.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(n), "ms/vendor")
		})
	}
}

// TestBatchFileVendorNames: a vendor of one file is named by its document
// where the document names it, and after the file only where none does; the
// file's name is never the engine's vendor name ("dpa-acme" once made every
// "the DPA" the vendor).
func TestBatchFileVendorNames(t *testing.T) {
	dir := t.TempDir()
	for name, from := range map[string]string{"dpa-acme.md": "testdata/batch/vendors/acme-cloud/agreement.md", "nimbus.xlsx": filepath.Join(sample, "questionnaire.xlsx")} {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"batch", dir, "-o", out, "--format", "json", "--portfolio-format", "csv", "--fail-on", "never"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, tc := range []struct{ file, vendor, source string }{
		{"dpa-acme.json", "Acme", "agreement"},
		{"nimbus.json", "nimbus", "file"}, // a file is no folder (trial27e)
	} {
		b, err := os.ReadFile(filepath.Join(out, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		var res struct {
			Vendor string `json:"vendor"`
			Source string `json:"vendor_source"`
		}
		if err := json.Unmarshal(b, &res); err != nil {
			t.Fatal(err)
		}
		if res.Vendor != tc.vendor || res.Source != tc.source {
			t.Errorf("%s: vendor %q from %q, want %q from %q", tc.file, res.Vendor, res.Source, tc.vendor, tc.source)
		}
	}
}

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Benchmarks on real documents beside their anchors (README "Speed and
// memory"). They read ../shared/corpus and skip without it.

// realPair is a real vendor: the filled Instructure CAIQ and the 35-page
// encrypted Flock contract.
func realPair(b *testing.B) (questionnaire, agreement string) {
	q := filepath.Join(corpus, "questionnaires", "caiq-v4.0.3-filled-instructure.xlsx")
	a := filepath.Join(corpus, "agreements", "contract-eugene-flock-2025-encrypted.pdf")
	for _, p := range []string{q, a} {
		if _, err := os.Stat(p); err != nil {
			b.Skipf("corpus not found (it sits beside the repository as ../shared/corpus): %v", err)
		}
	}
	return q, a
}

// BenchmarkAnalyzeRealPair is ssrm analyze of the real pair as the command
// runs it: documents read in child processes, the rules loaded, the
// analysis, the JSON report.
func BenchmarkAnalyzeRealPair(b *testing.B) {
	q, a := realPair(b)
	for b.Loop() {
		if code := Run([]string{"analyze", "--questionnaire", q, "--agreement", a, "--format", "json", "-o", os.DevNull}, io.Discard, io.Discard); code != exitFindings {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkReadRealPairAnchor is the anchor: merely reading the same two
// files, the agreement with pdftotext and the questionnaire with
// excelize's own row loop over every sheet.
func BenchmarkReadRealPairAnchor(b *testing.B) {
	q, a := realPair(b)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext not installed (Debian: poppler-utils)")
	}
	for b.Loop() {
		if out, err := exec.Command("pdftotext", a, os.DevNull).CombinedOutput(); err != nil {
			b.Fatalf("pdftotext: %v: %s", err, out)
		}
		if _, err := excelizeRows(q); err != nil {
			b.Fatal(err)
		}
	}
}

// excelizeRows reads every row of every sheet with excelize's row loop and
// returns the number of rows.
func excelizeRows(path string) (int, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	for _, s := range f.GetSheetList() {
		rows, err := f.Rows(s)
		if err != nil {
			return n, err
		}
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				rows.Close()
				return n, err
			}
			n++
		}
		rows.Close()
	}
	return n, nil
}

// corpusPairs are ten varied real vendors: a questionnaire and an
// agreement each, from the shared corpus.
var corpusPairs = [][2]string{
	{"questionnaires/caiq-v4.0.3-filled-instructure.xlsx", "agreements/contract-eugene-flock-2025-encrypted.pdf"},
	{"questionnaires/caiq-v4.0.3-filled-whitepact.xlsx", "agreements/dpa-make-celonis-2022.pdf"},
	{"questionnaires/hecvat-full-v3.04-filled-canvas-lms.xlsx", "agreements/msa-make-celonis-2022.pdf"},
	{"questionnaires/hecvat-lite-v3.04-filled-canvas-catalog.xlsx", "agreements/csa-commonpaper.md"},
	{"questionnaires/caiq-v3.0.1-filled-synthetic-test.xlsx", "agreements/baa-easeworkflow-2026.pdf"},
	{"questionnaires/crm-nist-800-53r5-filled-meridian-lms.xlsx", "agreements/dpa-commonpaper-v1.1.docx"},
	{"questionnaires/hecvat-lite-export-filled-intelligent-insights.csv", "agreements/tos-github-corporate-2026.md"},
	{"questionnaires/iso27001-soa-filled-instructure.xlsx", "agreements/cuad-msa-kubient-2020.pdf"},
	{"questionnaires/k12cvat-lite-v4.1-filled-canvas-lms.xlsx", "agreements/toms-make-celonis-2022.pdf"},
	{"questionnaires/hecvat-full-v2.11-filled-portfolium.xlsx", "agreements/cuad-outsourcing-bnl-2007.pdf"},
}

// corpusManifest writes a manifest of n vendors cycling through
// corpusPairs (absolute paths) and returns its path.
func corpusManifest(tb testing.TB, n int) string {
	tb.Helper()
	root, err := filepath.Abs(corpus)
	if err != nil {
		tb.Fatal(err)
	}
	var m strings.Builder
	m.WriteString("vendor,service_model,criticality,files\n")
	for i := range n {
		p := corpusPairs[i%len(corpusPairs)]
		for _, f := range p {
			if _, err := os.Stat(filepath.Join(root, f)); err != nil {
				tb.Skipf("corpus not found (it sits beside the repository as ../shared/corpus): %v", err)
			}
		}
		fmt.Fprintf(&m, "Vendor %04d,saas,high,%s;%s\n", i+1, filepath.Join(root, p[0]), filepath.Join(root, p[1]))
	}
	path := filepath.Join(tb.TempDir(), "manifest.csv")
	if err := os.WriteFile(path, []byte(m.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkBatchCorpus runs ssrm batch --jobs 2 on 100, 300 and 1,000 real
// vendors (the ten corpus pairs, cycled; json reports, csv portfolio) and
// reports the time per vendor and the peak RSS of the test process; run
// one size at a time (-bench 'BatchCorpus/1000') to read that peak for that
// size alone.
func BenchmarkBatchCorpus(b *testing.B) {
	for _, n := range []int{100, 300, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			manifest := corpusManifest(b, n)
			b.ResetTimer()
			for b.Loop() {
				out := b.TempDir()
				var stderr bytes.Buffer
				if code := Run([]string{"batch", manifest, "-o", out, "--format", "json", "--portfolio-format", "csv", "--fail-on", "never", "--jobs", "2"}, io.Discard, &stderr); code != exitOK {
					b.Fatalf("exit %d: %s", code, stderr.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(n), "ms/vendor")
			reportPeak(b)
		})
	}
}

// reportPeak reports the peak RSS of this process, MB (getrusage). The
// document readers' peaks are not reported: Linux counts in a child's peak
// the parent's memory at the time it was started, so they are measured
// from outside (README, /usr/bin/time -v).
func reportPeak(b *testing.B) {
	var self syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &self) == nil {
		b.ReportMetric(float64(self.Maxrss)/1024, "peak-MB")
	}
}

// bigSheet writes a CAIQ-shaped workbook of n question rows.
func bigSheet(b *testing.B, n int) string {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const s = "CAIQv4.0.3"
	if err := f.SetSheetName("Sheet1", s); err != nil {
		b.Fatal(err)
	}
	sw, err := f.NewStreamWriter(s)
	if err != nil {
		b.Fatal(err)
	}
	sw.SetRow("A1", []any{"v4.0.3", "CONSENSUS ASSESSMENTS INITIATIVE QUESTIONNAIRE v4.0.3"})
	sw.SetRow("A2", []any{"Question ID", "Question", "CSP CAIQ Answer", "SSRM Control Ownership",
		"CSP Implementation Description (Optional/Recommended)", "CSC Responsibilities (Optional/Recommended)",
		"", "", "CCM Control ID", "CCM Control Specification", "CCM Control Title", "CCM Domain Title"})
	answers, owners := []string{"Yes", "No", "NA"}, []string{"CSP-owned", "CSC-owned", "Shared CSP and CSC", "3rd-party outsourced"}
	for i := range n {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := sw.SetRow(cell, []any{fmt.Sprintf("IAM-%02d.%d", i/10%100, i%10+1),
			fmt.Sprintf("Are identity and access management policies and procedures established, documented, approved, communicated, applied, evaluated and maintained (%d)?", i),
			answers[i%3], owners[i%4],
			fmt.Sprintf("Access is granted on least privilege through the identity provider; reviews run quarterly and are logged (%d).", i),
			"Customers manage their own users and roles.", "", "",
			fmt.Sprintf("IAM-%02d", i/10%100), "Establish, document, approve, communicate, implement, apply, evaluate and maintain policies.",
			"Identity and Access Management Policy and Procedures", "Identity & Access Management"}); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "big.xlsx")
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkExtractBigSheet is ssrm extract of a 100,000-row CAIQ-shaped
// sheet (read in a child process, written as it is read); its anchor is
// BenchmarkExtractBigSheetAnchor, excelize's own row loop over the same
// file. Peak memory: README (measured from outside, per process).
func BenchmarkExtractBigSheet(b *testing.B) {
	path := bigSheet(b, 100_000)
	b.ResetTimer()
	for b.Loop() {
		if code := Run([]string{"extract", path}, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

func BenchmarkExtractBigSheetAnchor(b *testing.B) {
	path := bigSheet(b, 100_000)
	b.ResetTimer()
	for b.Loop() {
		if n, err := excelizeRows(path); err != nil || n != 100_002 {
			b.Fatalf("%d rows, %v", n, err)
		}
	}
}

// BenchmarkAnalyzeRealPairInProcess is BenchmarkAnalyzeRealPair with the
// documents read in this process (--isolate=false), so that a CPU profile
// (-cpuprofile) shows the readers beside the analysis.
func BenchmarkAnalyzeRealPairInProcess(b *testing.B) {
	q, a := realPair(b)
	for b.Loop() {
		if code := Run([]string{"analyze", "--isolate=false", "--questionnaire", q, "--agreement", a, "--format", "json", "-o", os.DevNull}, io.Discard, io.Discard); code != exitFindings {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkBatchCorpusInProcess is BenchmarkBatchCorpus on 20 vendors with
// the documents read in this process (--isolate=false), for a CPU profile
// that shows the readers beside the analysis.
func BenchmarkBatchCorpusInProcess(b *testing.B) {
	manifest := corpusManifest(b, 20)
	for b.Loop() {
		out := b.TempDir()
		var stderr bytes.Buffer
		if code := Run([]string{"batch", manifest, "-o", out, "--isolate=false", "--format", "json", "--portfolio-format", "csv", "--fail-on", "never", "--jobs", "2"}, io.Discard, &stderr); code != exitOK {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}

// BenchmarkExtractBigSheetInProcess is BenchmarkExtractBigSheet with the
// sheet read in this process (--isolate=false), for a CPU profile that
// shows the reader beside the placing and the writing.
func BenchmarkExtractBigSheetInProcess(b *testing.B) {
	path := bigSheet(b, 100_000)
	b.ResetTimer()
	for b.Loop() {
		if code := Run([]string{"extract", "--isolate=false", path}, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

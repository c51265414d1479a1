package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// caiqWithout writes a CAIQ v4 workbook holding only its question sheet
// (the cover removed), and one holding only the CCM reference sheet of a
// CAIQ v1.1 (the questions removed).
func caiqWithout(t *testing.T) (noCover, noQuestions string) {
	t.Helper()
	write := func(name string, sheets ...string) string {
		f := excelize.NewFile()
		defer f.Close()
		for i, s := range sheets {
			if i == 0 {
				f.SetSheetName("Sheet1", s)
			} else {
				f.NewSheet(s)
			}
			f.SetSheetRow(s, "A1", &[]any{"Question ID", "Question", "CSP CAIQ Answer"})
			f.SetSheetRow(s, "A2", &[]any{"SEF-07.1", "Do you notify customers of breaches?", "Yes"})
		}
		p := filepath.Join(t.TempDir(), name)
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return write("caiq.xlsx", "CAIQv4.0.3"), write("caiq11.xlsx", "Guiding Principles", "CSA CCM R1.1")
}

// TestMissingSheets: analyze and extract read a CAIQ without its cover with
// a warning naming the file and the sheet; without its questions sheet it
// is exit 2 naming both.
func TestMissingSheets(t *testing.T) {
	noCover, noQuestions := caiqWithout(t)
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"analyze", noCover, "--format", "json", "--fail-on", "never"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("analyze: exit %d: %s", code, stderr.String())
	}
	want := "ssrm: warning: " + noCover + `: a CAIQ v4 workbook without its "Introduction" sheet (the cover); the questions were read from "CAIQv4.0.3"` + "\n"
	if stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
	stdout.Reset()
	stderr.Reset()
	if code := Run([]string{"extract", noCover}, &stdout, &stderr); code != exitOK {
		t.Fatalf("extract: exit %d: %s", code, stderr.String())
	}
	var doc struct {
		Warnings []string `json:"warnings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil || len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], `"Introduction"`) {
		t.Errorf("extract warnings = %q (%v)", doc.Warnings, err)
	}
	stderr.Reset()
	if code := Run([]string{"analyze", noQuestions}, &stdout, &stderr); code != exitError ||
		!strings.Contains(stderr.String(), noQuestions+`: workbook is incomplete: a CAIQ v1.1 workbook without its "csa-cai v1.1" sheet`) {
		t.Errorf("no questions sheet: exit %d, stderr %q", code, stderr.String())
	}
}

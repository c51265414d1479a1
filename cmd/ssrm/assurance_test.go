package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/ssrm-dev/ssrm/internal/assurancegen"
)

const cobalt = "testdata/cobalt-harbor"

// TestAssuranceFixture keeps testdata/cobalt-harbor/soc2.pdf the PDF that
// internal/assurancegen writes (go test -update rewrites it).
func TestAssuranceFixture(t *testing.T) {
	path := filepath.Join(cobalt, "soc2.pdf")
	tmp := filepath.Join(t.TempDir(), "soc2.pdf")
	if err := assurancegen.PDF(assurancegen.SOC2(), tmp); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/ssrm -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what internal/assurancegen writes (go test ./cmd/ssrm -update rewrites it)", path)
	}
}

// TestAssuranceVendor analyses a vendor folder with a questionnaire, an
// agreement and a SOC 2 in every human and machine format: the matrix shows
// the customer's share where CUECs fall, the subprocessors are merged, and
// the cross-checks are found (golden files; go test -update rewrites).
func TestAssuranceVendor(t *testing.T) {
	for _, tc := range []struct{ format, golden string }{
		{"text", "cobalt-harbor.txt"},
		{"md", "cobalt-harbor.md"},
		{"json", "cobalt-harbor.json"},
		{"html", "cobalt-harbor.html"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := Run([]string{"analyze", "--today", "2026-12-05", "--format", tc.format, cobalt}, &stdout, &stderr); got != 1 {
				t.Errorf("exit %d, want 1 (high findings); stderr: %s", got, stderr.String())
			}
			compareGolden(t, filepath.Join("testdata", tc.golden), stdout.Bytes())
		})
	}
}

// TestAssuranceCLI: the extract command prints an assurance report, a
// report given as an agreement is refused by name, and --today is checked.
func TestAssuranceCLI(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if got := Run([]string{"extract", filepath.Join(cobalt, "soc2.pdf")}, &stdout, &stderr); got != 0 {
		t.Fatalf("extract: exit %d: %s", got, stderr.String())
	}
	for _, want := range []string{`"kind": "assurance"`, `"type": "soc2-type2"`, `"control": "A1.2.2"`, `"name": "Twilio Inc."`} {
		if !bytes.Contains(stdout.Bytes(), []byte(want)) {
			t.Errorf("extract output lacks %s", want)
		}
	}
	stdout.Reset()
	stderr.Reset()
	if got := Run([]string{"analyze", "--agreement", filepath.Join(cobalt, "soc2.pdf")}, &stdout, &stderr); got != 2 || !bytes.Contains(stderr.Bytes(), []byte("given as the agreement, but it reads as an assurance report")) {
		t.Errorf("report as agreement: exit %d, stderr %q", got, stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	if got := Run([]string{"analyze", "--assurance", filepath.Join(cobalt, "agreement.md")}, &stdout, &stderr); got != 2 || !bytes.Contains(stderr.Bytes(), []byte("given as the assurance report, but it reads as an agreement")) {
		t.Errorf("agreement as report: exit %d, stderr %q", got, stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	if got := Run([]string{"analyze", "--format", "json", "--fail-on", "never", "--assurance", filepath.Join(cobalt, "soc2.pdf")}, &stdout, &stderr); got != 0 || !bytes.Contains(stdout.Bytes(), []byte(`"kind": "assurance"`)) {
		t.Errorf("report alone: exit %d, stderr %q", got, stderr.String())
	}
	stderr.Reset()
	if got := Run([]string{"analyze", "--today", "5/12/2026", cobalt}, &stdout, &stderr); got != 2 || !bytes.Contains(stderr.Bytes(), []byte("--today: want a date as YYYY-MM-DD")) {
		t.Errorf("bad --today: exit %d, stderr %q", got, stderr.String())
	}
}

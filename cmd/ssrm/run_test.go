package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

const sample = "../../samples/nimbus-ledger"

// mismatch holds a questionnaire whose answers name Saltmarsh Analytics,
// an agreement with Larkspur Cloud Ltd and one with "Northwind Data
// Holdings LLC d/b/a Saltmarsh Analytics" (our own fixtures).
const mismatch = "testdata/mismatch"

// TestRun runs the command line as rows of args and expected exit code; where
// a golden file is named, stdout must equal it (go test -update rewrites).
func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		exit   int
		golden string // file under testdata/, compared with stdout
		stderr string // substring expected on stderr
	}{
		{"sample text", []string{"analyze", sample}, 1, "sample.txt", ""},
		{"sample json", []string{"analyze", sample, "--format", "json"}, 1, "sample.json", ""},
		{"sample md", []string{"analyze", "--format", "md", sample}, 1, "sample.md", ""},
		{"sample fail-on never", []string{"analyze", sample, "--fail-on", "never", "--format", "json"}, 0, "", ""},
		{"sample fail-on critical", []string{"analyze", sample, "--fail-on", "critical", "--format", "json"}, 0, "", ""},
		{"sample fail-on low", []string{"analyze", sample, "--fail-on", "low", "--format", "json"}, 1, "", ""},
		{"explicit roles", []string{"analyze", "--questionnaire", sample + "/questionnaire.xlsx", "--agreement", sample + "/agreement.pdf", "--vendor", "Nimbus Ledger", "--format", "json", "--fail-on", "never"}, 0, "", ""},
		{"role mismatch", []string{"analyze", "--questionnaire", sample + "/agreement.pdf"}, 2, "", "given as the questionnaire, but it reads as an agreement"},
		{"no command", nil, 2, "", "no command given"},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"nothing to analyze", []string{"analyze"}, 2, "", "nothing to analyze"},
		{"bad format", []string{"analyze", sample, "--format", "pdf"}, 2, "", "--format: want one of text, md, json"},
		{"unknown flag", []string{"analyze", sample, "--frobnicate"}, 2, "", "flag provided but not defined: -frobnicate"},
		{"bad fail-on", []string{"analyze", sample, "--fail-on", "severe"}, 2, "", "--fail-on: want critical, high, medium, low or never"},
		{"bad service model", []string{"analyze", sample, "--service-model", "faas"}, 2, "", "--service-model"},
		{"missing file", []string{"analyze", "no/such/file.pdf"}, 2, "", "no/such/file.pdf"},
		{"unknown pack", []string{"analyze", sample, "--rules", "sox"}, 2, "", `no pack named "sox"`},
		{"unsupported file", []string{"analyze", "testdata/unsupported.bin"}, 2, "", "testdata/unsupported.bin: unsupported file format"},
		{"rules list", []string{"rules", "list"}, 0, "rules-list.txt", ""},
		{"rules list packs", []string{"rules", "list", "--rules", "gdpr,pci"}, 0, "rules-list-gdpr-pci.txt", ""},
		{"rules list packs as args", []string{"rules", "list", "gdpr", "pci"}, 0, "rules-list-gdpr-pci.txt", ""},
		{"rules help", []string{"rules", "--help"}, 0, "", ""},
		{"fake pdf", []string{"analyze", "testdata/login-page.pdf"}, 2, "", "named .pdf but holds an HTML page"},
		{"rules show", []string{"rules", "show", "nope"}, 2, "", `no rule "nope"`},
		{"rules explain", []string{"rules", "explain", "audit-rights"}, 0, "rules-explain-audit-rights.txt", ""},
		{"rules explain a binding rule", []string{"rules", "explain", "breach-notification"}, 0, "rules-explain-breach-notification.txt", ""},
		{"rules explain a rule without elements", []string{"rules", "explain", "regulator-cooperation"}, 0, "rules-explain-regulator-cooperation.txt", ""},
		{"rules explain unknown", []string{"rules", "explain", "nope"}, 2, "", `no rule "nope"`},
		{"rules explain no id", []string{"rules", "explain"}, 2, "", "ssrm rules explain ID"},
		{"rules check bad", []string{"rules", "check", "../../analyze/testdata/rules/invalid/bad-pattern.yaml"}, 2, "", "bad-pattern.yaml: rules[0] (dup-rule): signals[0][0]: bad pattern"},
		{"rules check good", []string{"rules", "check", "../../analyze/testdata/rules/valid/mine.yaml"}, 0, "", ""},
		{"rules check examples", []string{"rules", "check", "testdata/rules/bad-examples.yaml"}, 2, "", `source-code-escrow: present example "Provider shall maintain a source code escrow for the Software.": got absent`},
		{"rules frame", []string{"rules", "frame", "Neither party shall subcontract this agreement without the other party's express, prior written consent."}, 0, "rules-frame.txt", ""},
		{"rules frame no text", []string{"rules", "frame"}, 2, "", "ssrm rules frame TEXT"},
		{"rules check crosswalk", []string{"rules", "check", "../../analyze/testdata/crosswalk/valid/acme.yaml"}, 0, "rules-check-crosswalk.txt", ""},
		{"rules check crosswalk bad domain", []string{"rules", "check", "../../analyze/testdata/crosswalk/invalid/bad-domain.yaml"}, 2, "", `bad-domain.yaml: forms[0] (my-sheet): sections[0] (INC-): domain: "INCIDENTS" is not a CCM v4 domain code`},
		{"rules check crosswalk unknown rule", []string{"rules", "check", "../../analyze/testdata/crosswalk/invalid/unknown-rule.yaml"}, 2, "", `unknown-rule.yaml: topic escrow: rules: no rule "source-code-escrow" in any pack`},
		{"rules check crosswalk example", []string{"rules", "check", "../../analyze/testdata/crosswalk/invalid/failing-example.yaml"}, 2, "", `crosswalk:escrow: match example "Do you deposit the source code with a third party?": got not matched`},
		{"analyze with a crosswalk", []string{"analyze", sample, "--rules", "../../analyze/testdata/crosswalk/valid/acme.yaml", "--fail-on", "never", "--format", "json"}, 0, "", ""},
		{"extract agreement", []string{"extract", sample + "/agreement.pdf"}, 0, "extract-agreement.json", ""},
		{"extract questionnaire", []string{"extract", sample + "/questionnaire.xlsx"}, 0, "extract-questionnaire.json", ""},
		{"extract two files", []string{"extract", "a", "b"}, 2, "", "takes one FILE"},
		// The text report on stdout lists the warning: stderr does not repeat it (new user 49).
		{"vendor mismatch text", []string{"analyze", mismatch + "/questionnaire.csv", mismatch + "/agreement.md", "--fail-on", "never"}, 0, "mismatch.txt", ""},
		{"vendor mismatch json", []string{"analyze", mismatch + "/questionnaire.csv", mismatch + "/agreement.md", "--format", "json", "--fail-on", "never"}, 0, "mismatch.json", "ssrm: warning: the documents name different vendors"},
		{"vendor mismatch gate", []string{"analyze", mismatch + "/questionnaire.csv", mismatch + "/agreement.md", "--format", "json"}, 1, "", "ssrm: warning: the documents name different vendors"},
		{"vendor d/b/a text", []string{"analyze", mismatch + "/questionnaire.csv", mismatch + "/agreement-dba.md", "--fail-on", "never"}, 0, "mismatch-dba.txt", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := Run(tc.args, &stdout, &stderr)
			if got != tc.exit {
				t.Errorf("exit %d, want %d; stderr: %s", got, tc.exit, stderr.String())
			}
			if tc.stderr != "" && !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tc.stderr)
			}
			if tc.golden != "" {
				compareGolden(t, filepath.Join("testdata", tc.golden), stdout.Bytes())
			}
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/ssrm -update to create it)", err)
	}
	if !bytes.Equal(bytes.ReplaceAll(want, []byte("\r\n"), []byte("\n")), got) {
		t.Errorf("output differs from %s (go test ./cmd/ssrm -update rewrites it); got:\n%s", path, got)
	}
}

// TestSampleShowsEveryStatus checks what the sample vendor is for: every
// status at least once and a questionnaire promise the agreement breaks.
func TestSampleShowsEveryStatus(t *testing.T) {
	res := runJSON(t, "analyze", sample, "--format", "json")
	want := map[string]string{
		"notification-content":      analyze.StatusByReference,
		"change-notice":             analyze.StatusWeak,
		"service-levels":            analyze.StatusMet,
		"breach-notification":       analyze.StatusWeak,
		"incident-cooperation":      analyze.StatusMet,
		"audit-rights":              analyze.StatusMissing,
		"security-reports":          analyze.StatusMet,
		"subprocessors":             analyze.StatusWeak,
		"customer-responsibilities": analyze.StatusMet,
		"hardening-guidance":        analyze.StatusMet,
		"vulnerability-disclosure":  analyze.StatusMissing,
	}
	checkStatuses(t, res, want)
	if len(res.Contradictions) != 1 || res.Contradictions[0].Rule != "breach-notification" {
		t.Fatalf("contradictions = %+v, want one for breach-notification", res.Contradictions)
	}
	c := res.Contradictions[0]
	if c.Evidence[0].Cell == nil || *c.Evidence[0].Cell == "" || !strings.Contains(c.Evidence[0].Text, "24 hours") {
		t.Errorf("contradiction should quote the questionnaire cell first: %+v", c.Evidence[0])
	}
	// The agreement names the vendor; the folder's name is only the last
	// resort (VendorFromFolder).
	if res.Vendor != "Nimbus Ledger Inc." || res.VendorSource != analyze.VendorFromAgreement {
		t.Errorf("vendor = %q (%s), want Nimbus Ledger Inc. named by the agreement", res.Vendor, res.VendorSource)
	}
}

func runJSON(t *testing.T, args ...string) analyze.Result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := Run(args, &stdout, &stderr); code != 0 && code != 1 {
		t.Fatalf("ssrm %v: exit %d: %s", args, code, stderr.String())
	}
	var res analyze.Result
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatalf("json: %v", err)
	}
	return res
}

func checkStatuses(t *testing.T, res analyze.Result, want map[string]string) map[string]analyze.Finding {
	t.Helper()
	got := map[string]analyze.Finding{}
	for _, f := range res.Findings {
		if _, dup := got[f.Rule]; dup {
			t.Errorf("rule %s appears twice in findings", f.Rule)
		}
		got[f.Rule] = f
	}
	for id, st := range want {
		f, ok := got[id]
		if !ok {
			t.Errorf("%s: no finding", id)
			continue
		}
		if f.Status != st {
			t.Errorf("%s: status %s, want %s (%s)", id, f.Status, st, f.Explanation)
		}
	}
	return got
}

// TestVendorMismatchWarning: documents of two vendors get a warning on
// stderr and in the report, and the exit code is the one the findings
// give (the same pair with the agreement of the same company, under its
// d/b/a, exits alike and warns of nothing).
func TestVendorMismatchWarning(t *testing.T) {
	codes := map[string]int{}
	for _, agreement := range []string{"agreement.md", "agreement-dba.md"} {
		var stdout, stderr bytes.Buffer
		codes[agreement] = Run([]string{"analyze", "--format", "json", mismatch + "/questionnaire.csv", mismatch + "/" + agreement}, &stdout, &stderr)
		var res analyze.Result
		if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
			t.Fatalf("%s: %v", agreement, err)
		}
		warned := strings.Contains(stderr.String(), "ssrm: warning: the documents name different vendors")
		if want := agreement == "agreement.md"; warned != want || (len(res.Warnings) == 1) != want {
			t.Errorf("%s: stderr warning %v, report warnings %+v; want a warning: %v", agreement, warned, res.Warnings, want)
		}
	}
	if codes["agreement.md"] != codes["agreement-dba.md"] || codes["agreement.md"] != 1 {
		t.Errorf("exit codes %v: want 1 for both (the findings), the warning changing nothing", codes)
	}
}

// TestDocs49WarningOnceInATerminal: a text or Markdown report on stdout
// lists the result's warnings, so stderr does not print them a second
// time; a report written to a file (-o) leaves them on stderr (new user
// 49, issue 11).
func TestDocs49WarningOnceInATerminal(t *testing.T) {
	const w = "ssrm: warning: the documents name different vendors"
	for _, tc := range []struct {
		args   []string
		stderr bool
	}{
		{[]string{}, false},
		{[]string{"--format", "md"}, false},
		{[]string{"-o", filepath.Join(t.TempDir(), "r.txt")}, true},
	} {
		var stdout, stderr bytes.Buffer
		Run(append([]string{"analyze", mismatch + "/questionnaire.csv", mismatch + "/agreement.md", "--fail-on", "never"}, tc.args...), &stdout, &stderr)
		if got := strings.Count(stderr.String(), w); got != map[bool]int{false: 0, true: 1}[tc.stderr] {
			t.Errorf("%v: stderr holds the warning %d times: %q", tc.args, got, stderr.String())
		}
	}
}

// TestBatchVendorMismatch: the portfolio shows the warning in its own
// column and counts the vendors warned in its line.
func TestBatchVendorMismatch(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"batch", "testdata/batch/mismatch-manifest.csv", "-o", out, "--portfolio-format", "csv", "--fail-on", "never", "--jobs", "1"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "warning: the documents name different vendors") {
		t.Errorf("stderr lacks the warning: %s", stderr.String())
	}
	compareGolden(t, filepath.Join("testdata", "batch", "mismatch.out"), bytes.ReplaceAll(stdout.Bytes(), []byte(out), []byte("OUT")))
	b, err := os.ReadFile(filepath.Join(out, "portfolio.csv"))
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, filepath.Join("testdata", "batch", "mismatch-portfolio.csv"), b)
}

// TestFolderNamesVendorLast: a vendor folder's name names the vendor only
// when no document does (VendorFromFolder); when the agreement defines
// the vendor, that name wins over the folder's (analyze and batch alike).
func TestFolderNamesVendorLast(t *testing.T) {
	for _, tc := range []struct {
		name, text, vendor, source string
	}{
		{"unnamed", "1. Security\n\nThe provider shall notify the customer of any security incident within 48 hours.\n", "zeta-systems", analyze.VendorFromFolder},
		{"named", "This Agreement is between Quillon Data Ltd. (\"Provider\") and the customer (\"Customer\").\n\n1. Security\n\nProvider shall notify Customer of any security incident within 48 hours.\n", "Quillon Data Ltd.", analyze.VendorFromAgreement},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "zeta-systems")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "agreement.md"), []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			res := runJSON(t, "analyze", dir, "--format", "json")
			if res.Vendor != tc.vendor || res.VendorSource != tc.source {
				t.Errorf("vendor %q (%s), want %q (%s)", res.Vendor, res.VendorSource, tc.vendor, tc.source)
			}
		})
	}
}

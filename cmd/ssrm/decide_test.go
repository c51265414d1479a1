package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/internal/store/storetest"
	"github.com/ssrm-dev/ssrm/report"
)

// The two rounds of one agreement (testdata/decide, written for these
// tests): round 2 rewrites the audit clause (weak in round 1: once a year,
// at the customer's cost) and leaves every other clause as it was.
const (
	round1 = "testdata/decide/round1"
	round2 = "testdata/decide/round2"
	harbor = "Harbor Tide"
)

func fixedDecideClock(t *testing.T) {
	t.Helper()
	old := decideNow
	decideNow = func() time.Time { return time.Date(2026, 12, 5, 15, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { decideNow = old })
}

func runOK(t *testing.T, want int, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if got := Run(args, &stdout, &stderr); got != want {
		t.Fatalf("ssrm %s: exit %d, want %d; stderr: %s", strings.Join(args, " "), got, want, stderr.String())
	}
	return stdout.String()
}

func analyzeJSON(t *testing.T, args ...string) *analyze.Result {
	t.Helper()
	out := runOK(t, 1, append([]string{"analyze", "--isolate=false", "--format", "json", "--fail-on", "low"}, args...)...)
	var res analyze.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	// Every report with decisions in it still matches the JSON Schema.
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := reportSchema(t).Validate(inst); err != nil {
		t.Fatalf("the JSON report does not match report/schema: %v", err)
	}
	return &res
}

func reportSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(report.JSONSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("report-v1.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("report-v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func finding(t *testing.T, res *analyze.Result, rule string) analyze.Finding {
	t.Helper()
	for _, f := range res.Findings {
		if f.Rule == rule {
			return f
		}
	}
	t.Fatalf("no finding %s", rule)
	return analyze.Finding{}
}

// TestDecideArgs runs ssrm decide as rows of args, exit code and output:
// a golden stdout for a decision recorded, the message on stderr for one
// refused. The rows share one store holding an analysis of round 1.
func TestDecideArgs(t *testing.T) {
	fixedDecideClock(t)
	t.Setenv(dbEnv, "")
	db := filepath.Join(t.TempDir(), "ssrm.db")
	analyzeJSON(t, "--db", db, "--vendor", harbor, round1)
	base := []string{"decide", "--db", db, "--vendor", harbor}
	tests := []struct {
		name   string
		args   []string
		exit   int
		golden string // under testdata/decide/
		stderr string
	}{
		{"accepted", append(base, "--rule", "audit-rights", "--status", "accepted", "--reason", "a yearly audit suffices for this service", "--reviewer", "ana"), 0, "accepted.txt", ""},
		{"overridden", append(base, "--rule", "breach-notification", "--status", "overridden", "--as", "weak", "--reason", "48 hours is too slow for our regulator", "--reviewer", "ben"), 0, "overridden.txt", ""},
		{"waived", append(base, "--rule", "log-access", "--status", "waived", "--until", "2027-03-31", "--reason", "the SIEM export ships in Q1", "--reviewer", "ana"), 0, "waived.txt", ""},
		{"vendor in another case", []string{"decide", "--db", db, "--vendor", "HARBOR TIDE", "--rule", "cyber-insurance", "--status", "accepted", "--reason", "covered by our own policy", "--reviewer", "ana"}, 0, "other-case.txt", ""},
		{"from the documents", []string{"decide", "--isolate=false", "--db", db, "--vendor", harbor, "--rule", "data-return-exit", "--status", "accepted", "--reason", "30 days is fine", "--reviewer", "ana", round2}, 0, "from-documents.txt", ""},
		{"unknown rule", append(base, "--rule", "audit-right", "--status", "accepted", "--reason", "x"), 2, "", `--rule: unknown rule id "audit-right": analysis 1 of 2026-12-05 15:00 UTC has no such finding (rules: audit-rights, awareness-training,`},
		{"bad date", append(base, "--rule", "log-access", "--status", "waived", "--until", "31.03.2027", "--reason", "x"), 2, "", `--until: want a date YYYY-MM-DD, got "31.03.2027"`},
		{"date passed", append(base, "--rule", "log-access", "--status", "waived", "--until", "2026-12-04", "--reason", "x"), 2, "", "--until: 2026-12-04 has already passed: the decision would never apply"},
		{"waiver without date", append(base, "--rule", "log-access", "--status", "waived", "--reason", "x"), 2, "", "--until: a waiver needs the last day it applies"},
		{"override without as", append(base, "--rule", "audit-rights", "--status", "overridden", "--reason", "x"), 2, "", "--as: an overridden decision needs the status that replaces ssrm's"},
		{"override to the same status", append(base, "--rule", "audit-rights", "--status", "overridden", "--as", "weak", "--reason", "x"), 2, "", "--as: ssrm already says weak for audit-rights"},
		{"as contradicted", append(base, "--rule", "audit-rights", "--status", "overridden", "--as", "contradicted", "--reason", "x"), 2, "", `--as: want one of met, weak, by-reference, missing, got "contradicted"`},
		{"bad status", append(base, "--rule", "audit-rights", "--status", "ok", "--reason", "x"), 2, "", `--status: want accepted, overridden or waived, got "ok"`},
		{"no reason", append(base, "--rule", "audit-rights", "--status", "accepted"), 2, "", "--reason: missing"},
		{"no vendor", []string{"decide", "--db", db, "--rule", "audit-rights", "--status", "accepted", "--reason", "x"}, 2, "", "--vendor: missing"},
		{"no store", []string{"decide", "--vendor", harbor, "--rule", "audit-rights", "--status", "accepted", "--reason", "x"}, 2, "", "no store: give --db"},
		{"vendor never analysed", []string{"decide", "--db", db, "--vendor", "Nobody", "--rule", "audit-rights", "--status", "accepted", "--reason", "x"}, 2, "", `no analysis of vendor "Nobody" in the store`},
		{"store not a database", []string{"decide", "--db", "testdata/decide/round1/agreement.md", "--vendor", harbor, "--rule", "audit-rights", "--status", "accepted", "--reason", "x"}, 2, "", "testdata/decide/round1/agreement.md"},
		{"help", []string{"decide", "-h"}, 0, "", "Records a reviewer's decision on one finding"},
		{"history", []string{"decide", "--db", db, "--history", "--vendor", "harbor tide"}, 0, "history.txt", ""},
		{"history without a store", []string{"decide", "--history"}, 2, "", "no store: give --db"},
		// An agreement that names its parties only by role words.
		{"analyze without a vendor", []string{"analyze", "--isolate=false", "--db", db, "testdata/decide/unnamed.md"}, 2, "", "--db: the documents do not name the vendor"},
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
				compareGolden(t, filepath.Join("testdata", "decide", tc.golden), stdout.Bytes())
			}
		})
	}
}

// TestDecisionsCarriedForward follows a reviewer over two rounds: the
// decisions recorded survive the store being closed and opened again (each
// ssrm run opens it anew), show in analyze's JSON and HTML report, are
// carried into a batch portfolio, and the one whose clause round 2
// rewrites turns into "needs re-review" and is no longer applied.
func TestDecisionsCarriedForward(t *testing.T) {
	fixedDecideClock(t)
	t.Setenv(dbEnv, "")
	t.Run("sqlite", func(t *testing.T) { carriedForward(t, filepath.Join(t.TempDir(), "ssrm.db")) })
	t.Run("postgres", func(t *testing.T) { carriedForward(t, storetest.PostgresDSN(t)) })
}

func carriedForward(t *testing.T, db string) {
	fixedDecideClock(t)
	before := analyzeJSON(t, "--db", db, "--vendor", harbor, round1)
	if f := finding(t, before, "audit-rights"); f.Status != analyze.StatusWeak || f.Decision != nil {
		t.Fatalf("round 1 before any decision: audit-rights %s, decision %+v; want weak and none", f.Status, f.Decision)
	}
	runOK(t, 0, "decide", "--db", db, "--vendor", harbor, "--rule", "audit-rights", "--status", "accepted", "--reason", "a yearly audit suffices", "--reviewer", "ana")
	runOK(t, 0, "decide", "--db", db, "--vendor", harbor, "--rule", "breach-notification", "--status", "overridden", "--as", "weak", "--reason", "48 hours is too slow", "--reviewer", "ben")

	res := analyzeJSON(t, "--db", db, "--vendor", harbor, round1)
	audit, breach := finding(t, res, "audit-rights"), finding(t, res, "breach-notification")
	if d := audit.Decision; d == nil || d.State != analyze.DecisionApplied || d.Status != "accepted" || d.Reviewer != "ana" || d.Reason != "a yearly audit suffices" || audit.Status != analyze.StatusWeak {
		t.Errorf("audit-rights: status %s, decision %+v; want weak with ana's acceptance applied", audit.Status, d)
	}
	if d := breach.Decision; d == nil || d.State != analyze.DecisionApplied || breach.Status != analyze.StatusWeak || d.SSRMStatus != analyze.StatusMet {
		t.Errorf("breach-notification: status %s, decision %+v; want weak, overridden from met", breach.Status, d)
	}
	if res.Summary.Decided != 2 || res.Summary.Met != before.Summary.Met-1 || res.Summary.Weak != before.Summary.Weak+1 || res.Summary.Waived != 1 {
		t.Errorf("summary %+v (before %+v): want 2 decided, one met turned weak, one accepted", res.Summary, before.Summary)
	}

	html := runOK(t, 1, "analyze", "--isolate=false", "--db", db, "--vendor", harbor, "--format", "html", round1)
	for _, want := range []string{
		`<p class="decision applied" data-decision="1"><strong>Reviewer's decision:</strong> risk accepted by ana on 2026-12-05: a yearly audit suffices</p>`,
		`<p class="decision applied" data-decision="2"><strong>Reviewer's decision:</strong> overridden to weak (ssrm said met) by ben on 2026-12-05: 48 hours is too slow</p>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML report lacks %s", want)
		}
	}
	text := runOK(t, 1, "analyze", "--isolate=false", "--db", db, "--vendor", harbor, round1)
	if !strings.Contains(text, "      decision: risk accepted by ana on 2026-12-05: a yearly audit suffices\n") {
		t.Errorf("the text report lacks the decision:\n%s", text)
	}

	// A batch over a folder named after the vendor uses the same decisions.
	vendors := t.TempDir()
	os.Mkdir(filepath.Join(vendors, harbor), 0o755)
	doc, _ := os.ReadFile(filepath.Join(round1, "agreement.md"))
	os.WriteFile(filepath.Join(vendors, harbor, "agreement.md"), doc, 0o644)
	out := t.TempDir()
	runOK(t, 1, "batch", "--isolate=false", "--db", db, "--portfolio-format", "csv", "--format", "json", "-o", out, vendors)
	rows := readCSV(t, filepath.Join(out, "portfolio.csv"))
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if len(rows) != 2 || rows[1][col["breach-notification"]] != analyze.StatusWeak || rows[1][col["audit-rights"]] != analyze.StatusWeak {
		t.Errorf("portfolio: want Harbor Tide's breach-notification overridden to weak; got %v", rows)
	}
	var vres analyze.Result
	vjson, _ := os.ReadFile(filepath.Join(out, "Harbor-Tide.json"))
	if err := json.Unmarshal(vjson, &vres); err != nil {
		t.Fatal(err)
	}
	if d := finding(t, &vres, "audit-rights").Decision; d == nil || d.State != analyze.DecisionApplied {
		t.Errorf("batch vendor report: audit-rights decision %+v, want applied", d)
	}

	// Round 2 rewrites the audit clause: that decision waits for a new
	// one; the breach clause is unchanged and its override still applies.
	res2 := analyzeJSON(t, "--db", db, "--vendor", harbor, round2)
	audit2, breach2 := finding(t, res2, "audit-rights"), finding(t, res2, "breach-notification")
	if d := audit2.Decision; d == nil || d.State != analyze.DecisionReReview || audit2.Status != analyze.StatusMet {
		t.Errorf("round 2 audit-rights: status %s, decision %+v; want ssrm's met, decision needs re-review", audit2.Status, d)
	}
	if d := breach2.Decision; d == nil || d.State != analyze.DecisionApplied || breach2.Status != analyze.StatusWeak {
		t.Errorf("round 2 breach-notification: status %s, decision %+v; want the override still applied", breach2.Status, d)
	}
	if res2.Summary.ReReview != 1 || !strings.Contains(res2.Line(), "; 1 decision needs re-review;") {
		t.Errorf("round 2 summary: %+v, %q; want 1 needing re-review", res2.Summary, res2.Line())
	}
	html2 := runOK(t, 1, "analyze", "--isolate=false", "--db", db, "--vendor", harbor, "--format", "html", round2)
	if !strings.Contains(html2, `<p class="decision needs-re-review" data-decision="1"><strong>Reviewer's decision:</strong> needs re-review: risk accepted by ana on 2026-12-05: a yearly audit suffices (the evidence text has changed since the decision; not applied)</p>`) {
		t.Error("the round 2 HTML report does not show the audit decision as needing re-review")
	}
	// Deciding again on round 2's evidence applies again.
	runOK(t, 0, "decide", "--db", db, "--vendor", harbor, "--rule", "audit-rights", "--status", "accepted", "--reason", "unlimited audits now", "--reviewer", "ana")
	res3 := analyzeJSON(t, "--db", db, "--vendor", harbor, round2)
	if d := finding(t, res3, "audit-rights").Decision; d == nil || d.State != analyze.DecisionApplied || d.Reason != "unlimited audits now" {
		t.Errorf("after deciding on round 2: %+v, want the new decision applied", d)
	}

	// A waiver applies through its last day and is expired the day after.
	runOK(t, 0, "decide", "--db", db, "--vendor", harbor, "--rule", "log-access", "--status", "waived", "--until", "2026-12-31", "--reason", "SIEM export in December", "--reviewer", "ana")
	if d := finding(t, analyzeJSON(t, "--db", db, "--vendor", harbor, round2), "log-access").Decision; d == nil || d.State != analyze.DecisionApplied {
		t.Errorf("waiver before its day: %+v, want applied", d)
	}
	decideNow = func() time.Time { return time.Date(2027, 1, 1, 0, 0, 1, 0, time.UTC) }
	res4 := analyzeJSON(t, "--db", db, "--vendor", harbor, round2)
	if d := finding(t, res4, "log-access").Decision; d == nil || d.State != analyze.DecisionExpired {
		t.Errorf("waiver past its day: %+v, want expired", d)
	}
	text4 := runOK(t, 1, "analyze", "--isolate=false", "--db", db, "--vendor", harbor, round2)
	if !strings.Contains(text4, "decision: expired: waived until 2026-12-31 by ana on 2026-12-05: SIEM export in December (its last day has passed; not applied)") {
		t.Errorf("the text report does not say the waiver expired:\n%s", text4)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/report"
)

// The two rounds of an agreement written for these tests: v2 binds the
// breach notice with a deadline (§4.1, weak in v1) and turns the incident
// cooperation into a discretion (§4.2, met in v1); nothing else changes.
const (
	diffV1 = "testdata/diff/v1.md"
	diffV2 = "testdata/diff/v2.md"
)

func runDiffJSON(t *testing.T, wantExit int, args ...string) report.Diff {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if got := Run(append([]string{"diff", "--format", "json"}, args...), &stdout, &stderr); got != wantExit {
		t.Fatalf("exit %d, want %d; stderr: %s", got, wantExit, stderr.String())
	}
	var d report.Diff
	if err := json.Unmarshal(stdout.Bytes(), &d); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	return d
}

// changes lists the rules of each class other than unchanged.
func changes(d report.Diff) map[string][]string {
	out := map[string][]string{}
	for _, tc := range d.Terms {
		if tc.Change != report.ChangeUnchanged {
			out[tc.Change] = append(out[tc.Change], tc.Rule+": "+tc.OldStatus+" -> "+tc.NewStatus)
		}
	}
	return out
}

func TestDiffRevision(t *testing.T) {
	d := runDiffJSON(t, exitFindings, diffV1, diffV2)
	got := changes(d)
	want := map[string][]string{
		report.ChangeFixed:     {"breach-notification: weak -> met"},
		report.ChangeRegressed: {"incident-cooperation: met -> weak"},
	}
	if len(got) != len(want) || strings.Join(got["fixed"], ",") != strings.Join(want["fixed"], ",") || strings.Join(got["regressed"], ",") != strings.Join(want["regressed"], ",") {
		t.Fatalf("changes = %v, want %v", got, want)
	}
	if d.Summary.Unchanged != len(d.Terms)-2 || d.Summary.Reworded != 2 {
		t.Errorf("summary = %+v, want %d unchanged and 2 reworded", d.Summary, len(d.Terms)-2)
	}
	for _, tc := range d.Terms {
		if tc.Change == report.ChangeUnchanged {
			if len(tc.Clauses) > 0 {
				t.Errorf("%s: unchanged wording reported as changed: %+v", tc.Rule, tc.Clauses)
			}
			continue
		}
		if len(tc.Clauses) != 1 {
			t.Fatalf("%s: clauses = %+v, want one", tc.Rule, tc.Clauses)
		}
		c := tc.Clauses[0]
		sec := map[string]string{"breach-notification": "4.1", "incident-cooperation": "4.2"}[tc.Rule]
		if c.Old != diffV1+" §"+sec || c.New != diffV2+" §"+sec {
			t.Errorf("%s: places %q → %q, want §%s of both", tc.Rule, c.Old, c.New, sec)
		}
		var del, ins []string
		for _, w := range c.Words {
			switch w.Op {
			case "-":
				del = append(del, w.Text)
			case "+":
				ins = append(ins, w.Text)
			}
		}
		want := map[string][2]string{
			"breach-notification":  {"will|promptly after it confirms a|Data.", "shall|in writing of any|Data without undue delay and in any event within 48 hours after becoming aware of it."},
			"incident-cooperation": {"shall|and assist|investigation, mitigation and remediation|any|Incident at no additional cost to Customer.", "may, at its sole discretion,|investigation|a|Incident."},
		}[tc.Rule]
		if strings.Join(del, "|") != want[0] || strings.Join(ins, "|") != want[1] {
			t.Errorf("%s: deleted %q, inserted %q; want %q, %q", tc.Rule, del, ins, want[0], want[1])
		}
	}
	// The other way round, the fix is a regression and the regression a fix.
	back := changes(runDiffJSON(t, exitFindings, diffV2, diffV1))
	if strings.Join(back["fixed"], ",") != "incident-cooperation: weak -> met" || strings.Join(back["regressed"], ",") != "breach-notification: met -> weak" {
		t.Errorf("reversed changes = %v", back)
	}
	// A round compared with itself changes nothing.
	same := runDiffJSON(t, exitFindings, diffV1, diffV1)
	if same.Summary.Unchanged != len(same.Terms) || same.Summary.Reworded != 0 {
		t.Errorf("v1 against v1: %+v", same.Summary)
	}
}

// TestDiffFolders compares two vendor folders, named as given.
func TestDiffFolders(t *testing.T) {
	dir := t.TempDir()
	for i, src := range []string{diffV1, diffV2} {
		round := filepath.Join(dir, []string{"round1", "round2"}[i], "acme")
		if err := os.MkdirAll(round, 0o755); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(round, "agreement.md"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d := runDiffJSON(t, exitOK, "--fail-on", "never", filepath.Join(dir, "round1", "acme"), filepath.Join(dir, "round2", "acme"))
	// The vendor is the one the agreement names, not the folder "acme".
	if d.Vendor != "Harbor Relay Ltd." || d.Summary.Fixed != 1 || d.Summary.Regressed != 1 {
		t.Errorf("vendor %q, summary %+v", d.Vendor, d.Summary)
	}
	if d.Old.Inputs[0] != "acme/agreement.md" || d.New.Inputs[0] != "acme/agreement.md" {
		t.Errorf("inputs named %v and %v, want acme/agreement.md", d.Old.Inputs, d.New.Inputs)
	}
}

func TestDiffGolden(t *testing.T) {
	for _, pair := range [][2]string{{"v1", "v2"}, {"w1", "w2"}} {
		for _, format := range report.DiffFormats {
			t.Run(pair[0]+"-"+pair[1]+"/"+format, func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				args := []string{"diff", "testdata/diff/" + pair[0] + ".md", "testdata/diff/" + pair[1] + ".md", "--format", format, "--fail-on", "never"}
				if got := Run(args, &stdout, &stderr); got != exitOK {
					t.Fatalf("exit %d; stderr: %s", got, stderr.String())
				}
				compareGolden(t, filepath.Join("testdata", "diff", pair[0]+"-"+pair[1]+"."+report.Ext(format)), stdout.Bytes())
			})
		}
	}
}

// The rounds of a second agreement written for these tests, in which no
// term changes status but three weaken: the breach notice deadline goes
// from 24 to 72 hours (§3.1), the subprocessors' flow-down (§5.3) is
// deleted, and the vulnerability notice turns from "shall notify" into
// "may notify" (§6.1); the assurance clause moves from §4.1 to §7.1.
const (
	diffW1 = "testdata/diff/w1.md"
	diffW2 = "testdata/diff/w2.md"
)

// TestDiffWeakening: each weakening is a regression, by severity, with
// what weakened; the move is named without changing the term's class.
func TestDiffWeakening(t *testing.T) {
	d := runDiffJSON(t, exitOK, diffW1, diffW2)
	var got []string
	for _, tc := range d.Terms {
		if len(tc.Details) == 0 {
			continue
		}
		line := tc.Change + " " + tc.Rule + " " + tc.OldStatus + ">" + tc.NewStatus + ":"
		for _, dt := range tc.Details {
			line += " " + dt.Effect + "/" + dt.Kind + "/" + dt.Subject + "[" + dt.Old + ">" + dt.New + "]"
		}
		got = append(got, line)
	}
	want := []string{
		`regressed breach-notification met>met: weaker/deadline/["without undue delay and in any event within 24 hours" (24 h, strong)>"without undue delay and in any event within 72 hours" (72 h, good)]`,
		"regressed subprocessors met>met: weaker/element/flow-down[§5.3>]",
		"regressed vulnerability-disclosure met>met: weaker/modality/may[shall>may]",
		"unchanged security-reports met>met: moved/evidence/[§4.1>§7.1]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("terms with details:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s := d.Summary; s.Regressed != 3 || s.Weakened != 3 || s.Fixed != 0 || s.Moved != 1 {
		t.Errorf("summary %+v", s)
	}
	// Back again, each weakening is a fix within the same status.
	back := runDiffJSON(t, exitOK, diffW2, diffW1)
	if s := back.Summary; s.Fixed != 3 || s.Strengthened != 3 || s.Regressed != 0 {
		t.Errorf("reversed summary %+v", s)
	}
}

func TestDiffUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		exit   int
		stderr string
	}{
		{"one round", []string{"diff", diffV1}, exitError, "takes OLD and NEW (two agreements or two vendor folders), got 1 argument"},
		{"bad format", []string{"diff", diffV1, diffV2, "--format", "xlsx"}, exitError, "--format: want one of text, md, json, html"},
		{"missing round", []string{"diff", diffV1, "no/such/v3.md"}, exitError, "no/such/v3.md"},
		{"gate on new: medium", []string{"diff", diffV2, diffV1, "--fail-on", "critical"}, exitOK, ""},
		{"weakened, gate on new only", []string{"diff", diffW1, diffW2}, exitOK, ""},
		{"weakened high, --fail-on-regression", []string{"diff", diffW1, diffW2, "--fail-on-regression"}, exitFindings, ""},
		{"weakened medium only, --fail-on-regression critical", []string{"diff", diffW1, diffW2, "--fail-on-regression", "--fail-on", "critical"}, exitOK, ""},
		{"strengthened, --fail-on-regression", []string{"diff", diffW2, diffW1, "--fail-on-regression"}, exitOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := Run(tc.args, &stdout, &stderr); got != tc.exit {
				t.Errorf("exit %d, want %d; stderr: %s", got, tc.exit, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tc.stderr)
			}
		})
	}
}

// TestDiffVendorMismatch: two rounds whose agreements name different
// companies get the warning in the diff; the exit code is the findings'.
func TestDiffVendorMismatch(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if got := Run([]string{"diff", "--fail-on", "never", mismatch + "/agreement.md", mismatch + "/agreement-dba.md"}, &stdout, &stderr); got != 0 {
		t.Fatalf("exit %d: %s", got, stderr.String())
	}
	want := `! vendor-mismatch: the rounds name different vendors: the old round's documents name "Larkspur Cloud Ltd", the new round's "Northwind Data Holdings LLC d/b/a Saltmarsh Analytics"`
	if !strings.Contains(stdout.String(), want) {
		t.Errorf("diff lacks %q:\n%s", want, stdout.String())
	}
}

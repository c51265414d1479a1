package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// TestKindsOfMiss runs the kinds of miss that the first engine made on real
// agreements (issue 11), each reproduced in our own invented agreement under
// testdata/kinds, through the whole command line. Each row failed on the
// engine before the obligation frames (regex signals per rule).
func TestKindsOfMiss(t *testing.T) {
	tests := []struct {
		kind, file, rule string
		status, section  string
		hours            float64 // breach deadline in hours (0: not checked)
		grade            string  // breach deadline grade ("": not checked)
		quote            string  // in the lead quote ("": not checked)
		flag             string  // a red flag the finding must carry
		noNote           string  // a note the finding must not carry
	}{
		{"2 one vocabulary: report ... to", "2-one-vocabulary.md", "breach-notification", analyze.StatusMet, "2", 24, "strong", "will report any security breach", "", ""},
		{"2 one vocabulary: defined name", "2-one-vocabulary.md", "audit-rights", analyze.StatusMet, "3", 0, "", "Acme shall allow for and contribute to audits", "", ""},
		{"2 one vocabulary: who pays", "2-one-vocabulary.md", "incident-cooperation", analyze.StatusMet, "4", 0, "", "", "", "who pays"},
		{"3 negation scope", "3-negation-scope.md", "subprocessors", analyze.StatusMet, "1", 0, "", "without the other party's express, prior written consent", "", ""},
		{"4 partial term", "4-partial-term.md", "subprocessors", analyze.StatusWeak, "1", 0, "", "remains responsible for the acts of its subcontractors", "", ""},
		{"5 no location in real time", "5-non-obligations.md", "data-location", analyze.StatusMissing, "", 0, "", "", "", ""},
		{"5 a link is by reference", "5-non-obligations.md", "vendor-security", analyze.StatusByReference, "4", 0, "", "https://example.com/trust/security", "", ""},
		{"5 definition and mutual duty", "5-non-obligations.md", "customer-responsibilities", analyze.StatusMissing, "", 0, "", "", "", ""},
		{"6 change without notice quoted", "6-dangerous-terms.md", "change-notice", analyze.StatusWeak, "2", 0, "", "CHANGE THESE TERMS AT ANY TIME WITHOUT NOTICE", "change-without-notice", ""},
		{"6 deletion at discretion quoted", "6-dangerous-terms.md", "data-return-exit", analyze.StatusMissing, "3", 0, "", "delete your data at any time in our sole discretion", "discretion-over-data", ""},
		{"6 security no-guarantee quoted (no warranty of the outcome, not a disclaimer of duties: new-user trial 34)", "6-dangerous-terms.md", "vendor-security", analyze.StatusMissing, "4", 0, "", "DO NOT WARRANT THAT THE SERVICE WILL BE SECURE", "security-no-guarantee", ""},
		{"7 audit clause, not certifications", "7-best-evidence.md", "audit-rights", analyze.StatusWeak, "3", 0, "", "on-site audit", "", ""},
		{"7 subprocessor clause, not confidentiality", "7-best-evidence.md", "subprocessors", analyze.StatusMet, "4", 0, "", "new subprocessor", "", ""},
		{"7 cooperation clause, not notice content", "7-best-evidence.md", "incident-cooperation", analyze.StatusMet, "5.3", 0, "", "cooperate with Customer", "", ""},
		{"8 immediately report", "8-deadlines-content.md", "breach-notification", analyze.StatusMet, "1", 0, "unquantified", "immediately report", "", ""},
		{"8 shall contain, at least", "8-deadlines-content.md", "notification-content", analyze.StatusMet, "2(a)", 0, "", "contain, at least", "", ""},
		{"8 should contain", "8-should-contain.md", "notification-content", analyze.StatusWeak, "2", 0, "", "should contain", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.kind, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Run([]string{"analyze", "--agreement", filepath.Join("testdata", "kinds", tc.file), "--format", "json", "--fail-on", "never"}, &out, &errb)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			var res analyze.Result
			if err := json.Unmarshal(out.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			var f *analyze.Finding
			for i := range res.Findings {
				if res.Findings[i].Rule == tc.rule {
					f = &res.Findings[i]
				}
			}
			if f == nil {
				t.Fatalf("no finding for %s", tc.rule)
			}
			if f.Status != tc.status {
				t.Errorf("status %s, want %s (%s)", f.Status, tc.status, f.Explanation)
			}
			lead := analyze.Evidence{}
			if len(f.Evidence) > 0 {
				lead = f.Evidence[0]
			}
			if lead.Section != tc.section {
				t.Errorf("section %q, want %q: %q", lead.Section, tc.section, lead.Text)
			}
			if tc.quote != "" && !strings.Contains(lead.Text, tc.quote) {
				t.Errorf("quote %q does not hold %q", lead.Text, tc.quote)
			}
			if tc.grade != "" {
				if f.Deadline == nil || f.Deadline.Grade != tc.grade || (tc.hours > 0 && (f.Deadline.Hours == nil || *f.Deadline.Hours != tc.hours)) {
					t.Errorf("deadline %+v, want %v h %s", f.Deadline, tc.hours, tc.grade)
				}
			}
			if tc.flag != "" {
				found := false
				for _, rf := range f.RedFlags {
					found = found || rf.ID == tc.flag
				}
				if !found {
					t.Errorf("red flags %+v, want %s", f.RedFlags, tc.flag)
				}
			}
			for _, n := range f.Notes {
				if tc.noNote != "" && strings.Contains(n, tc.noNote) {
					t.Errorf("note %q should not be there", n)
				}
			}
		})
	}
}

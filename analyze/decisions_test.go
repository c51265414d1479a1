package analyze

import (
	"testing"
	"time"
)

func decisionResult() *Result {
	res := &Result{Findings: []Finding{
		{Rule: "audit-rights", Status: StatusWeak, Severity: SeverityHigh, Evidence: []Evidence{{File: "a.md", Text: "Customer may audit  once a year\nat its own cost."}}},
		{Rule: "breach-notification", Status: StatusMet, Severity: SeverityCritical, Evidence: []Evidence{{File: "a.md", Text: "Vendor shall notify Customer within 24 hours."}}},
		{Rule: "log-access", Status: StatusMissing, Severity: SeverityMedium},
	}}
	score(res)
	return res
}

func TestEvidenceHash(t *testing.T) {
	a := &Finding{Evidence: []Evidence{{File: "x.pdf", Text: "one  two\nthree"}, {File: "y.pdf", Text: "alpha"}}}
	b := &Finding{Evidence: []Evidence{{File: "z/renamed.pdf", Text: "alpha"}, {Text: "one two three"}}}
	c := &Finding{Evidence: []Evidence{{Text: "alpha"}, {Text: "one two four"}}}
	if EvidenceHash(a) != EvidenceHash(b) {
		t.Error("the same quotes in another order, file or spacing: want the same hash")
	}
	if EvidenceHash(a) == EvidenceHash(c) {
		t.Error("a changed word: want another hash")
	}
	if got := EvidenceHash(&Finding{}); got != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Errorf("no evidence: want the hash of the empty text, got %s", got)
	}
}

func TestApplyDecisions(t *testing.T) {
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	base := decisionResult()
	hash := func(rule string) string {
		for i := range base.Findings {
			if base.Findings[i].Rule == rule {
				return EvidenceHash(&base.Findings[i])
			}
		}
		t.Fatalf("no rule %s", rule)
		return ""
	}
	cases := []struct {
		name       string
		d          Decision
		wantState  string
		wantStatus string // the finding's status after
		wantGate   Severity
		line       string
	}{
		{"accepted", Decision{Rule: "audit-rights", Status: "accepted", Reason: "r", EvidenceHash: hash("audit-rights")},
			DecisionApplied, StatusWeak, SeverityMedium, "3 rules: 1 met, 1 weak, 1 missing; 1 waived; score 68; verdict review"},
		{"overridden met to missing", Decision{Rule: "breach-notification", Status: "overridden", As: StatusMissing, Reason: "r", EvidenceHash: hash("breach-notification")},
			DecisionApplied, StatusMissing, SeverityCritical, "3 rules: 0 met, 1 weak, 2 missing; score 16; verdict fail"},
		{"waived in force", Decision{Rule: "log-access", Status: "waived", Until: "2026-12-05", Reason: "r", EvidenceHash: hash("log-access")},
			DecisionApplied, StatusMissing, SeverityHigh, "3 rules: 1 met, 1 weak, 1 missing; 1 waived; score 68; verdict review"},
		{"waived expired", Decision{Rule: "log-access", Status: "waived", Until: "2026-12-04", Reason: "r", EvidenceHash: hash("log-access")},
			DecisionExpired, StatusMissing, SeverityHigh, "3 rules: 1 met, 1 weak, 1 missing; score 68; verdict review"},
		{"evidence changed", Decision{Rule: "audit-rights", Status: "accepted", Reason: "r", EvidenceHash: EvidenceHash(&Finding{Evidence: []Evidence{{Text: "Customer may audit at any time."}}})},
			DecisionReReview, StatusWeak, SeverityHigh, "3 rules: 1 met, 1 weak, 1 missing; 1 decision needs re-review; score 68; verdict review"},
		{"override evidence changed", Decision{Rule: "breach-notification", Status: "overridden", As: StatusMissing, Reason: "r", EvidenceHash: hash("audit-rights")},
			DecisionReReview, StatusMet, SeverityHigh, "3 rules: 1 met, 1 weak, 1 missing; 1 decision needs re-review; score 68; verdict review"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := decisionResult()
			ApplyDecisions(res, []Decision{c.d}, now)
			var f *Finding
			for i := range res.Findings {
				if res.Findings[i].Rule == c.d.Rule {
					f = &res.Findings[i]
				}
			}
			if f.Decision == nil || f.Decision.State != c.wantState {
				t.Fatalf("decision: %+v, want state %s", f.Decision, c.wantState)
			}
			if f.Status != c.wantStatus {
				t.Errorf("status %s, want %s", f.Status, c.wantStatus)
			}
			if c.d.Status == "overridden" && c.wantState == DecisionApplied && f.Decision.SSRMStatus != StatusMet {
				t.Errorf("ssrm_status %q, want met", f.Decision.SSRMStatus)
			}
			if got := res.MaxSeverity(); got != c.wantGate {
				t.Errorf("gate severity %q, want %q", got, c.wantGate)
			}
			if got := res.Line(); got != c.line {
				t.Errorf("line\n got %s\nwant %s", got, c.line)
			}
		})
	}
}

package analyze

import (
	"strings"
	"testing"
)

// Kinds of grade fault (issue 11, grade39: met where a lawyer reads weak),
// reproduced with sentences of our own writing.

// gradeOf runs md and returns the rule's finding status and explanation.
func gradeOf(t *testing.T, rs *RuleSet, md, rule string) (string, string) {
	t.Helper()
	for _, f := range runMarkdown(t, rs, md).Findings {
		if f.Rule == rule {
			return f.Status, f.Explanation
		}
	}
	t.Fatalf("no finding of %s", rule)
	return "", ""
}

// TestGrade39AuditLimitsInSiblingClauses: an audit clause split into
// numbered sub-clauses (information first, the audit right and its limits
// after) is one clause: the limits of the sub-clauses beside the one
// quoted (cost, frequency, notice) weaken the term, and the reason is
// shown. A sibling about something else, or no limit at all, leaves it met.
func TestGrade39AuditLimitsInSiblingClauses(t *testing.T) {
	rs := loadRules(t)
	head := "# Data Processing Agreement\n\nThis agreement is made between Larkspur Metrics Ltd (\"Processor\") and its customer (\"Controller\").\n\n## 11. Audits\n\n11.1 The Processor shall make available to the Controller all information necessary to demonstrate compliance with this Agreement.\n\n"
	for _, tc := range []struct{ name, rest, want, reason string }{
		{"the cost in the next sub-clause", "11.2 The Controller may audit the Processor's processing of Personal Data, at the Controller's own expense.\n", StatusWeak, "the audit is at the customer's expense"},
		{"the frequency in a later sub-clause", "11.2 The Controller or an auditor it appoints may inspect the Processor's premises used for the processing.\n\n11.3 Inspections under clause 11.2 may take place no more than once a year.\n", StatusWeak, "limited to once a year"},
		{"an audit only if the information does not suffice", "11.2 Where the information under clause 11.1 is insufficient, the Controller may carry out an audit of the Processor.\n", StatusWeak, "an audit only if the documents or reports do not suffice"},
		{"no limit in the sibling", "11.2 The Controller may audit the Processor's processing of Personal Data on reasonable notice.\n", StatusMet, ""},
		{"another clause's limits", "11.2 The Controller may audit the Processor's processing of Personal Data on reasonable notice.\n\n## 12. Fees\n\n12.1 The Controller shall pay the fees once a year in advance.\n", StatusMet, ""},
	} {
		got, why := gradeOf(t, rs, head+tc.rest, "audit-rights")
		if got != tc.want || tc.reason != "" && !strings.Contains(why, tc.reason) {
			t.Errorf("%s: audit-rights %s (%s), want %s with %q", tc.name, got, why, tc.want, tc.reason)
		}
	}
}

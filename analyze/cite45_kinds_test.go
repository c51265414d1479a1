package analyze

import (
	"slices"
	"testing"
)

// TestCite45Kinds: kinds of fault in the clause cited for a term (issue
// 11, cite45), each with clauses of our own wording (id, heading, parent,
// text), the rule and the section its lead evidence must name.
func TestCite45Kinds(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []citeCase{
		{
			// The information clause takes "audit" only from its heading:
			// it shows the information element, and the audit clause
			// beside it, limited as it is, is the one a lawyer cites.
			name:     "an information clause under an audit heading is cited after the audit grant beside it",
			ids:      []string{"8", "8.1", "8.2"},
			headings: []string{"Audits", "", ""},
			parents:  []string{"", "8", "8"},
			text: []string{
				"8. Audits",
				"8.1 The Supplier shall make available to the Client all information necessary to demonstrate compliance with this addendum.",
				"8.2 The Client or an independent auditor it appoints may audit the Supplier on forty-five days' written notice, no more than once in any twelve-month period.",
			},
			rule: "audit-rights", want: "8.2",
		},
		{
			// The audit granted only where the reports fall short: the
			// certifications named in the condition are the condition's,
			// not the audit's, which is still read and cited.
			name:     "an audit granted where the certifications fall short is cited over an impact assessment clause",
			ids:      []string{"6", "6.2", "6.3", "6.4"},
			headings: []string{"Audits and assessments", "Security reports", "Further review", "Impact assessments"},
			parents:  []string{"", "6", "6", "6"},
			text: []string{
				"6. Audits and assessments",
				"6.2 Security reports. The Supplier will give the Client a summary of its latest penetration test on request.",
				"6.3 Further review. Where the reports supplied under clause 6.2 (Security Reports and ISO 27001 Certification) do not reasonably show the Supplier's compliance, the Supplier will give the Client further information, and will permit and contribute to audits, including inspections, by the Client or an auditor the Client mandates.",
				"6.4 Impact assessments. The Supplier will reasonably cooperate with the Client on any data protection impact assessment the Client must carry out.",
			},
			rule: "audit-rights", want: "6.3",
		},
	}
	checkCites(t, rs, tests)
}

// TestCite45SentenceLimits: a rule that reads its limits in the whole
// clause reads them in the cited sentence's other predicates too: the
// cost of the audit stands in the predicate after the information one.
func TestCite45SentenceLimits(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, sentence := range []string{
		"The Supplier shall make available all information necessary to demonstrate its compliance and shall allow for and contribute to audits conducted by the Client or its mandated auditor, on reasonable notice and at the Client's expense.",
		"Supplier will make available every document the Purchaser reasonably needs to verify compliance, and will permit inspections by the Purchaser during business hours at the Purchaser's own cost.",
	} {
		md := "# Processing Addendum\n\n## 4. Obligations\n\n### 4.1 Audits\n\n" + sentence + "\n"
		res := runMarkdown(t, rs, md)
		var got *Finding
		for i := range res.Findings {
			if res.Findings[i].Rule == "audit-rights" {
				got = &res.Findings[i]
			}
		}
		if got == nil || got.Status != StatusWeak || !slices.Contains(got.Weakeners, "the audit is at the customer's expense") {
			t.Errorf("%q: got %+v, want weak: the audit is at the customer's expense", sentence, got)
		}
	}
}

package analyze

import (
	"strings"
	"testing"
)

// TestCite46Kinds: kinds of sentence that state a term the engine did not
// read, or read in the wrong clause (issue 11, cite46), each with
// sentences of our own writing, the rule and the status it must have.
func TestCite46Kinds(t *testing.T) {
	rs := loadRules(t)
	head := "# Data Processing Addendum\n\nThis addendum is made between Rowan Analytics Ltd (the \"Supplier\") and the customer (the \"Customer\").\n\n## 1. Processing\n\n1.1 The Supplier shall process Customer personal data only on the Customer's documented instructions.\n\n"
	for _, tc := range []struct{ name, text, rule, want string }{
		// 1. The audit the customer has an auditor perform: "is entitled
		// to have inspections performed by auditors" is its audit right.
		{"inspections the customer is entitled to have performed", "## 9. Control rights\n\n9.1 After reasonable advance notice, the Customer is entitled to have inspections performed by auditors it appoints for each occasion.\n", "audit-rights", StatusMet},
		{"audits the customer may have carried out", "## 9. Control rights\n\n9.1 The Customer may have audits of the Supplier's processing carried out by an independent auditor of its choice.\n", "audit-rights", StatusMet},
		// 2. A subprocessor hired, or engaged in the passive: bringing
		// one in, as "engage" is ("engaged in the business of" stays a
		// description of the party).
		{"sub-processors the supplier shall not hire without consent", "## 7. Sub-processors\n\n7.2 The Supplier shall not hire sub-processors to process Customer personal data without the Customer's prior written consent.\n", "subprocessors", StatusMet},
		{"subcontractors engaged only with consent", "## 7. Sub-processors\n\n7.2 Subcontractors shall only be engaged with the Customer's prior written consent.\n", "subprocessors", StatusMet},
		// 3. The report given as the means of meeting an audit request
		// ("through provision of"): the report is shared, weakly, as the
		// dev labels grade it (the vendor's option, in place of an audit).
		{"audit requests met through provision of a report", "## 9. Audits\n\n9.2 The Supplier may satisfy audit requests through provision of its latest SOC 2 Type II report.\n", "security-reports", StatusWeak},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(runMarkdown(t, rs, head+tc.text), tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

// TestCite46Cites: the clause a lawyer would cite for a term (issue 11,
// cite46), with clauses of our own wording (id, heading, parent, text).
func TestCite46Cites(t *testing.T) {
	rs := loadRules(t)
	checkCites(t, rs, []citeCase{
		{
			// The audit right stated as inspections the customer has an
			// auditor perform is cited over an inspection of the
			// subcontracts' documents under the subcontracting clause.
			name:     "inspections the customer has performed are cited over an inspection of subcontract documents",
			ids:      []string{"7", "7.3", "9", "9.1"},
			headings: []string{"Subcontracting", "", "Control rights", ""},
			parents:  []string{"", "7", "", "9"},
			text: []string{
				"7. Subcontracting",
				"7.3 On request, the Customer is entitled to a description of each subcontractor's duties, if need be by inspecting the relevant contract documents.",
				"9. Control rights",
				"9.1 After reasonable advance notice, the Customer is entitled to have inspections performed by auditors it appoints for each occasion.",
			},
			rule: "audit-rights", want: "9.1",
		},
	})
}

// TestCite46LeadItems: a sentence that stops at its list's colon ("...
// measures, including:") is quoted with the first item of the list under
// it, the object it names, and "…" where more follow.
func TestCite46LeadItems(t *testing.T) {
	rs := loadRules(t)
	md := "# Data Processing Addendum\n\n## 5. Security\n\nThe Supplier maintains suitable technical and organisational measures to keep Customer personal data secure, including:\n- Encryption of stored personal data with AES-256\n- Multi-factor sign-in for administrators\n- Yearly penetration tests\n\n## 6. Records\n\nThe Supplier shall keep a record of its processing.\n"
	res := runMarkdown(t, rs, md)
	want := "including: Encryption of stored personal data with AES-256 …"
	for _, f := range res.Findings {
		if f.Rule != "vendor-security" {
			continue
		}
		if len(f.Evidence) == 0 || !strings.HasSuffix(f.Evidence[0].Text, want) {
			t.Errorf("vendor-security: got %+v, want a quote ending %q", f.Evidence, want)
		}
		return
	}
	t.Error("no vendor-security finding")
}

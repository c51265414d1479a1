package analyze

import (
	"testing"
)

// TestCite33Kinds: kinds of fault in the clause cited for a term (issue
// 11, cite33), each with clauses of our own wording (id, heading, parent,
// text), the rule and the section its lead evidence must name.
func TestCite33Kinds(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []citeCase{
		{
			// The customer's general authorisation is the gate; the
			// clause a lawyer cites for the term is the one that lists the
			// subprocessors or gives notice and objection.
			name:     "a general authorisation of subprocessors quoted after the notice and objection clause",
			ids:      []string{"9", "9.1", "9.2"},
			headings: []string{"Use of sub-processors", "Authorisation", "New sub-processors"},
			parents:  []string{"", "9", "9"},
			text: []string{
				"9. Use of sub-processors",
				"The Client hereby gives the Supplier its general written authorisation to engage sub-processors to run the hosted service.",
				"The Supplier shall announce each new sub-processor by updating its sub-processor page before the appointment. The Client may object to a new sub-processor on reasonable grounds.",
			},
			rule: "subprocessors", want: "9.2",
		},
		{
			// The general authorisation that introduces the list itself is
			// the list: it keeps its place.
			name:     "a general authorisation that carries the list keeps the lead",
			ids:      []string{"6", "6.1", "6.2"},
			headings: []string{"Sub-processors", "Approved sub-processors", "Flow-down"},
			parents:  []string{"", "6", "6"},
			text: []string{
				"6. Sub-processors",
				"The Client authorises the Supplier to engage the following sub-processors: Northwind Hosting Ltd (cloud hosting, Ireland) and Bluebird Mail Inc (transactional e-mail, United States).",
				"The Supplier shall ensure that each sub-processor is bound by written terms at least as protective as this addendum.",
			},
			rule: "subprocessors", want: "6.1",
		},
		{
			// A new subprocessor's notice is a change notice, but where the
			// agreement owes notice of its own changes, that clause leads.
			name:     "the agreement's own change notice before a new subprocessor's notice",
			ids:      []string{"5", "5.4", "16", "16.2"},
			headings: []string{"Sub-processors", "Changes of sub-processors", "General", "Amendments"},
			parents:  []string{"", "5", "", "16"},
			text: []string{
				"5. Sub-processors",
				"The Supplier shall give the Client written notice of any new or replacement sub-processor at least 20 days before the change.",
				"16. General",
				"The Supplier may amend this addendum on prospective written notice to the Client, provided that no amendment lowers the protection of Client personal data.",
			},
			rule: "change-notice", want: "16.2",
		},
		{
			// Where the only other change sentence stands in a security
			// annex, the body's notice of a new subprocessor keeps the lead.
			name:     "a new subprocessor's notice in the body before a change sentence in an annex",
			ids:      []string{"7", "7.3", "Annex 2", "Annex 2 4"},
			headings: []string{"Sub-processors", "Notice of changes", "Security measures", "Review"},
			parents:  []string{"", "7", "", "Annex 2"},
			text: []string{
				"7. Sub-processors",
				"The Supplier shall give the Client written notice of any new or replacement sub-processor at least 20 days before the change.",
				"Annex 2 Security measures",
				"The Supplier may update these security measures from time to time on written notice to the Client.",
			},
			rule: "change-notice", want: "7.3",
		},
		{
			// A sentence that grants the term "as set out in Section 6"
			// points at the clause that states it: that clause is cited,
			// though the pointer ranks higher by its words.
			name:     "a pointer to another section of the same agreement cites the section pointed at",
			ids:      []string{"6", "6.2", "11", "11.3"},
			headings: []string{"Evidence of compliance", "Reviews", "Sub-processors", "Control of sub-processors"},
			parents:  []string{"", "6", "", "11"},
			text: []string{
				"6. Evidence of compliance",
				"The Client may audit the Supplier's compliance with this addendum once a year, on 30 days' written notice and at its own cost.",
				"11. Sub-processors",
				"In any case the Supplier must allow the Client to carry out inspections as set out in Section 6 of this addendum.",
			},
			rule: "audit-rights", want: "6.2",
		},
		{
			// A proviso that names another section ("subject to Section
			// 8") limits the sentence, which stays the term's statement.
			name:     "a proviso naming another section is no pointer",
			ids:      []string{"8", "8.1", "12", "12.2"},
			headings: []string{"Retention", "Retention periods", "End of processing", "Return and deletion"},
			parents:  []string{"", "8", "", "12"},
			text: []string{
				"8. Retention",
				"The Supplier keeps back-up copies of Client data for up to 35 days, after which it deletes them.",
				"12. End of processing",
				"When the services end, the Supplier shall return all Client data to the Client and then delete it, subject to Section 8.",
			},
			rule: "data-return-exit", want: "12.2",
		},
	}
	checkCites(t, rs, tests)
}

// citeCase is an agreement of clauses of our own wording (id, heading,
// parent, text), the rule, and the section its lead evidence must name.
type citeCase struct {
	name                         string
	ids, headings, parents, text []string
	rule, want                   string
}

// checkCites runs each case and checks the section its finding cites.
func checkCites(t *testing.T, rs *RuleSet, tests []citeCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			citesSection(t, rs, tc.ids, tc.headings, tc.parents, tc.text, tc.rule, tc.want)
		})
	}
}

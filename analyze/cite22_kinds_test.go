package analyze

import (
	"context"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestCite22Kinds: kinds of fault in the clause cited for a term, each with
// clauses of our own wording (id, heading, text), the rule and the section
// its lead evidence must name.
func TestCite22Kinds(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                string
		ids, headings, text []string
		rule, want          string
		status              string // optional: the finding's status
	}{
		{
			// "If the Client suspects ..., it shall": the pronoun takes up
			// the fronted condition's subject, the customer, whose own
			// security duty the clause is.
			name:     "a pronoun after a fronted condition is the condition's party",
			ids:      []string{"4.2", "9.1"},
			headings: []string{"", ""},
			text: []string{
				"If the Client suspects that its password has been compromised, it shall notify the Supplier at once.",
				"The Supplier's engineers review alerts every day.",
			},
			rule: "customer-responsibilities", want: "4.2",
		},
		{
			name:     "a pronoun after 'in the event that' is the condition's party",
			ids:      []string{"7", "8"},
			headings: []string{"", ""},
			text: []string{
				"In the event that the Client suspects that its login details have been disclosed, it must change them and tell the Supplier.",
				"The Supplier's engineers review alerts every day.",
			},
			rule: "customer-responsibilities", want: "7",
		},
		{
			// A second verb joined by a comma alone ("..., shall help the
			// Client ...") keeps the first one's subject: the party named
			// in the first verb's object is no subject of it.
			name:     "a modal joined by a comma keeps the subject before it",
			ids:      []string{"5.1", "5.2"},
			headings: []string{"", ""},
			text: []string{
				"The Supplier shall inform the Client about each Security Incident, shall help the Client investigate the Security Incident, and shall keep records of it.",
				"The Client shall keep its passwords secret.",
			},
			rule: "incident-cooperation", want: "5.1",
		},
		{
			// "data that is required to establish proof": a duty put on
			// a thing in a relative clause is no predicate of its own, so
			// the carve-out's "do not apply" does not negate the vendor's
			// erasure before it.
			name:     "a binding relative clause of a thing does not take the vendor's duty",
			ids:      []string{"9.3", "9.4"},
			headings: []string{"", ""},
			text: []string{
				"Upon termination, we will cease all use of the Customer Data and erase all Customer Data from our systems, provided that our obligations under this clause do not apply to any data that is required to establish proof of a right, which will be stored as the law provides.",
				"The Supplier's engineers review alerts every day.",
			},
			rule: "data-return-exit", want: "9.3", status: StatusMet,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			citesSection(t, rs, tc.ids, tc.headings, nil, tc.text, tc.rule, tc.want)
			if tc.status != "" {
				if got := statusOf(t, rs, tc.ids, tc.headings, tc.text, tc.rule); got != tc.status {
					t.Errorf("%s: status %s, want %s", tc.rule, got, tc.status)
				}
			}
		})
	}
}

// statusOf is the status of rule's finding on an agreement of the clauses
// given.
func statusOf(t *testing.T, rs *RuleSet, ids, headings, text []string, rule string) string {
	t.Helper()
	a := &extract.Agreement{Path: "test.md", Format: "md", Pages: []extract.Page{{Number: 1}}}
	for i, id := range ids {
		a.Clauses = append(a.Clauses, extract.Clause{ID: id, Heading: headings[i], Text: text[i]})
		a.Pages[0].Text += text[i] + "\n"
	}
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule == rule {
			return f.Status
		}
	}
	return ""
}

package analyze

import "testing"

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
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			citesSection(t, rs, tc.ids, tc.headings, nil, tc.text, tc.rule, tc.want)
		})
	}
}

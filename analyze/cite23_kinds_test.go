package analyze

import (
	"testing"
)

// TestCite23Kinds: kinds of fault in the evidence cited for a term (issue
// 11, cite23), each with clauses of our own wording (id, heading, parent,
// text), the rule and the section its lead evidence must name.
func TestCite23Kinds(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	// The items of case 1, also in their parent's text as extraction
	// gives it.
	items := "(1) the nature of the breach, including where possible the categories and approximate number of data subjects concerned; " +
		"(2) the likely consequences of the personal data breach; (3) the measures taken or proposed to be taken by the Client to address the breach."
	tests := []struct {
		name                         string
		ids, headings, parents, text []string
		rule, want                   string
	}{
		{
			// The Commission's Art. 28 clauses: the processor's own notice
			// to the controller "shall contain" its elements (Clause 9.2);
			// the list of what the controller's notification to the
			// authority states, which the processor only helps to gather
			// (Clause 9.1(b)), is the regulator's notice, not the vendor's.
			name:     "the vendor's own notice before what it helps gather for the customer's notice to the authority",
			ids:      []string{"3.2", "8", "8(b)", "8(b)(1)", "8(b)(2)", "8(b)(3)"},
			headings: []string{"Security of the data", "Notifying personal data breaches", "", "", "", ""},
			parents:  []string{"", "", "8", "8(b)", "8(b)", "8(b)"},
			text: []string{
				"If the Supplier suffers a personal data breach affecting Client data, it shall inform the Client within 36 hours. That notice shall set out the nature of the breach, the approximate number of people and records affected, its likely consequences and the steps taken to contain it.",
				"The Supplier shall support the Client with any personal data breach.",
				"(b) The Supplier shall be required to help the Client gather the following information which, under Article 33(3) of the GDPR, must appear in the Client's notification to the supervisory authority: " + items,
				"(1) the nature of the breach, including where possible the categories and approximate number of data subjects concerned;",
				"(2) the likely consequences of the personal data breach;",
				"(3) the measures taken or proposed to be taken by the Client to address the breach.",
			},
			rule: "notification-content", want: "3.2",
		},
		{
			name:     "the same with the list run into one clause",
			ids:      []string{"2.6", "5"},
			headings: []string{"Security of processing", "Notification of personal data breaches"},
			parents:  []string{"", ""},
			text: []string{
				"The Supplier shall protect the data with suitable measures. Where a personal data breach hits data the Supplier processes, it shall tell the Client without undue delay. Such notice shall contain the name and details of a contact point from whom the Client can learn more about the breach, a description of the nature of the breach (including, where it can be known, the kinds and rough number of people and records affected), the likely consequences of the breach and the measures the Supplier has taken or proposes to take to contain the breach and to limit any harm it may cause.",
				"The Supplier shall assist the Client in notifying the breach to the supervisory authority. The Supplier shall be required to assist in obtaining in particular the following information which, pursuant to Article 33(3) GDPR, shall be stated in the Client's notification:\n- the nature of the personal data, including the categories and approximate number of data subjects concerned;\n- the likely consequences of the personal data breach;\n- the measures taken or proposed to be taken to mitigate its effects.",
			},
			rule: "notification-content", want: "2.6",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			citesSection(t, rs, tc.ids, tc.headings, tc.parents, tc.text, tc.rule, tc.want)
		})
	}
}

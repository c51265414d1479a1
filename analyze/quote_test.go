package analyze

import (
	"context"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestEvidenceQuote: the quote reads as the document does. Each row is
// one kind of fault: the clauses (id, parent, text) of an agreement, the
// rule, and the text its first evidence must quote.
func TestEvidenceQuote(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	type clause struct{ id, parent, text string }
	tests := []struct {
		name    string
		clauses []clause
		rule    string
		want    string
	}{
		{
			// A later item of a list is quoted with its lead-in, and the
			// items between them are marked as left out.
			name:    "a later list item and its lead-in are joined with an ellipsis",
			clauses: []clause{{"3", "", "Provider shall:\n- keep the Service available during business hours;\n- answer support requests within one business day;\n- delete or return all Customer Data within 30 days after termination of the Agreement."}},
			rule:    "data-return-exit",
			want:    "Provider shall: … delete or return all Customer Data within 30 days after termination of the Agreement.",
		},
		{
			// The first item follows its lead-in: nothing is left out.
			name:    "the first list item follows its lead-in without an ellipsis",
			clauses: []clause{{"3", "", "Provider shall:\n- delete or return all Customer Data within 30 days after termination of the Agreement;\n- answer support requests within one business day."}},
			rule:    "data-return-exit",
			want:    "Provider shall: delete or return all Customer Data within 30 days after termination of the Agreement;",
		},
		{
			// The same when the items are sub-clauses of their own.
			name: "a later sub-clause and its parent's lead-in are joined with an ellipsis",
			clauses: []clause{
				{"4", "", "After the Agreement ends, Provider shall:\n(a) issue a final invoice;\n(b) delete or return all Customer Data within 30 days."},
				{"4(a)", "4", "issue a final invoice;"},
				{"4(b)", "4", "delete or return all Customer Data within 30 days."},
			},
			rule: "data-return-exit",
			want: "After the Agreement ends, Provider shall: … delete or return all Customer Data within 30 days.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &extract.Agreement{Path: "test.md", Format: "md", Pages: []extract.Page{{Number: 1}}}
			for _, c := range tc.clauses {
				a.Clauses = append(a.Clauses, extract.Clause{ID: c.id, Parent: c.parent, Text: c.text})
				if c.parent == "" {
					a.Pages[0].Text += c.text + "\n"
				}
			}
			res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Findings {
				if f.Rule == tc.rule {
					if len(f.Evidence) == 0 || f.Evidence[0].Text != tc.want {
						t.Errorf("%s (%s): evidence %+v,\nwant quote %q", tc.rule, f.Status, f.Evidence, tc.want)
					}
					return
				}
			}
			t.Errorf("no %s finding", tc.rule)
		})
	}
}

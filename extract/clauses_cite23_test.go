package extract

import (
	"slices"
	"testing"
)

// Kinds of clause structure found by cite23 (issue 11), each reproduced by
// invented text, with the clause IDs a lawyer would cite.

// Lettered items written with their clause's dotted number ("4.2.b.",
// "4.2.c The", "6.1(a)", "6.1 b)") are items of that clause: 4.2(b) under
// 4.2, not text of 4.2. The number names the clause, so a letter skipped
// in the source ("5.3.a" then "5.3.c") still opens its item.
func TestDottedLetteredItemsAreSubClauses(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		md         bool
		want       []string
	}{
		{
			name: "Markdown, indented, dotted letters",
			md:   true,
			text: "# Hosting Arrangement\n\n4. Data\n\n    4.1. The Host keeps the records listed in Annex 1.\n\n" +
				"    4.2. The Host shall tell the Council at once if it:\n\n    4.2.a. receives a request from a data subject;\n\n" +
				"    4.2.b. receives a demand from a regulator;\n\n    4.2.c learns of a loss of Council Data.\n\n" +
				"    4.3. The Host shall keep the Council Data in the United Kingdom.\n\n5. Subcontractors\n\n" +
				"    5.1. The Host may use subcontractors.\n\n    5.2. The Host stays liable for them.\n\n" +
				"    5.3. Before it appoints a subcontractor the Host shall:\n\n    5.3.a. tell the Council in writing;\n\n" +
				"    5.3.c. bind the subcontractor to these terms.\n",
			want: []string{"4.2", "4.2(a)", "4.2(b)", "4.2(c)", "4.3", "5.3(a)", "5.3(c)"},
		},
		{
			name: "plain text, parenthesised and half-open letters",
			text: "6. SECURITY\n\n6.1 The Provider shall:\n\n6.1(a) encrypt stored data;\n\n6.1(b) review access rights every quarter.\n\n" +
				"6.2 The Provider shall tell the Client of a breach within two days and shall:\n\n6.2 a) help the Client to investigate it;\n\n" +
				"6.2 b) keep a record of it.\n\n7. FEES\n\n7.1 The Client pays monthly.\n",
			want: []string{"6.1", "6.1(a)", "6.1(b)", "6.2", "6.2(a)", "6.2(b)", "7.1"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := SplitClauses([]Page{{Number: 1, Text: tc.text}}, tc.md)
			var ids []string
			parent := map[string]string{}
			for _, c := range cs {
				ids = append(ids, c.ID)
				parent[c.ID] = c.Parent
			}
			for _, want := range tc.want {
				if !slices.Contains(ids, want) {
					t.Errorf("no clause %q in %q", want, ids)
				}
			}
			for _, id := range []string{"4.2(b)", "6.1(b)", "6.2(a)"} {
				if p, ok := parent[id]; ok && p != id[:3] {
					t.Errorf("%s under %q, want %s", id, p, id[:3])
				}
			}
		})
	}
}

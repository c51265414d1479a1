package analyze

import (
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestListTailIsTheClauses: a sentence after a list of one-paragraph
// items is the clause's own (cited 5.2), not its last item's (5.2(c));
// an item's own second sentence in its paragraph stays the item's.
func TestListTailIsTheClauses(t *testing.T) {
	rs := loadRules(t)
	items := []string{
		"(a) Hosting Provider (Northwind Cloud) hosts the Service.",
		"(b) Messaging Provider (Pellucid Mail) sends e-mail notices. Provider holds a signed agreement with it.",
		"(c) Support Desk Provider (Ticketry) stores support tickets.",
	}
	const tail = "Provider shall inform Customer before it engages any new Subprocessor and shall give Customer a fair chance to object."
	parent := "5.2 Subprocessors\n\nProvider uses the following Subprocessors:\n\n" + strings.Join(items, "\n\n") + "\n\n" + tail
	cs := []extract.Clause{
		{ID: "5", Heading: "Data", Text: "5. Data"},
		{ID: "5.2", Heading: "Subprocessors", Text: parent, Parent: "5"},
		{ID: "5.2(a)", Text: items[0], Parent: "5.2"},
		{ID: "5.2(b)", Text: items[1], Parent: "5.2"},
		{ID: "5.2(c)", Text: items[2] + "\n\n" + tail, Parent: "5.2"},
	}
	a := &extract.Agreement{Path: "tail.md", Format: "md", Clauses: cs}
	units := agreementUnits([]*extract.Agreement{a}, "", rs.Vocabulary)
	got := map[string]string{}
	for _, u := range units {
		got[u.text] = u.section
	}
	for text, want := range map[string]string{
		tail: "5.2",
		"(c) Support Desk Provider (Ticketry) stores support tickets.": "5.2(c)",
		"Provider holds a signed agreement with it.":                   "5.2(b)",
	} {
		found := false
		for ut, sec := range got {
			if strings.Contains(ut, strings.TrimPrefix(text, "(c) ")) {
				found = true
				if sec != want {
					t.Errorf("%q: section %s, want %s", text, sec, want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no unit (units %v)", text, got)
		}
	}
	if !strings.Contains(cs[4].Text, tail) {
		t.Error("listTails changed its argument")
	}
}

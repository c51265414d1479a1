package analyze

import (
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestPreambleTitleLendsNothing: the preamble's heading is the document's
// title (extract.SplitClauses); it names the whole document, so the
// preamble's sentences are read as without it: the same text (the title
// on its line of its own is no words of the first sentence, nor of its
// quote), and no classes from the title's words ("Security", "Data").
func TestPreambleTitleLendsNothing(t *testing.T) {
	rs := loadRules(t)
	const title = "Customer Data Security Guidelines"
	const body = "The Customer agrees to follow these guidelines in its own systems."
	read := func(heading, text string) []*unit {
		a := &extract.Agreement{Path: "title.md", Format: "md", Clauses: []extract.Clause{
			{ID: "preamble", Heading: heading, Text: text},
			{ID: "1", Heading: "Passwords", Text: "1. Passwords\n\nThe Customer shall keep its passwords secret."},
		}}
		return agreementUnits([]*extract.Agreement{a}, "", rs.Vocabulary)
	}
	plain, titled := read("", body), read(title, "# "+title+"\n\n"+body)
	if titled[0].text != body || titled[0].evidence("").Text != body {
		t.Errorf("preamble unit %q quoted %q, want the sentence without the title %q", titled[0].text, titled[0].evidence("").Text, body)
	}
	if len(plain) != len(titled) {
		t.Fatalf("%d units with a title, %d without", len(titled), len(plain))
	}
	for i := range plain {
		p, q := plain[i], titled[i]
		if p.text != q.text || p.heading != q.heading {
			t.Errorf("unit %d: %q (heading %q) with a title, %q (heading %q) without", i, q.text, q.heading, p.text, p.heading)
		}
		if len(p.frame.heading) != len(q.frame.heading) {
			t.Errorf("unit %d %q: heading classes %v with a title, %v without", i, q.text, q.frame.heading, p.frame.heading)
		}
	}
	cs := []extract.Clause{{ID: "preamble", Heading: "Terms"}}
	if untitledPreamble(cs); cs[0].Heading != "Terms" {
		t.Error("untitledPreamble changed its argument")
	}
}

package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure whose citations came out wrong for new users on
// real agreements (inline enumerations swallowing the sentences after
// them, a sentence-case title lost under "Clause N", annexes headed
// "Appendix 2", "Section C" or "Part B" read as body clauses): invented
// text reproducing each kind, with the IDs, headings and texts a lawyer
// would cite.

// An enumeration inside one sentence, then more sentences and a paragraph
// that belong to the clause, not to its last item.
const pdfInlineEnumeration = `Clause 1

Breaches

(a) On a breach the Processor shall (i) notify the Controller without undue delay and (ii) provide the information it holds. The notice shall be in writing.

The Controller may forward the notice to the authority.

(b) The Processor shall keep a record of breaches.
`

// The same sentence wrapped so that the second item opens a line.
const pdfInlineEnumerationWrapped = `1. Breaches

1.1 On a breach the Processor shall (i) notify the Controller without undue delay and
(ii) provide the information it holds. The notice shall be in writing.

1.2 The Processor shall keep a record of breaches.
`

// The same sentence wrapped so that the first item opens a line: the
// second item on that line shows it is one sentence, not a list.
const pdfInlineEnumerationFirstWrapped = `1. Breaches

1.1 On a breach the Processor shall
(i) notify the Controller without undue delay and (ii) provide the information it holds. The notice shall be in writing.

1.2 The Processor shall keep a record of breaches.
`

// A list whose items are lines of their own stays a list, and its last
// item keeps its paragraph.
const pdfLineItems = `1. Breaches

1.1 On a breach the Processor shall
(i) notify the Controller without undue delay; and
(ii) provide the information it holds, as far as it is known at the
time. The notice shall be in writing.

1.2 The Processor shall keep a record of breaches.
`

// A title in sentence case on its own line under a bare "Clause N",
// whose first word is short ("Use of sub-processors").
const pdfClauseSentenceCaseTitles = `Clause 4

Documentation and audits

(a) The Processor shall document its compliance.

Clause 5

Use of sub-processors

(a) The Controller consents to the sub-processors listed on the website.

Clause 6

Use of the services by the Controller is permitted under the terms of the
Agreement.
`

func TestSplitClausesKinds4(t *testing.T) {
	type want struct{ id, heading, text string }
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		ids       []string
		want      []want // text: the clause's text ends so
	}{
		{"an inline enumeration ends with its sentence", pdfInlineEnumeration, true,
			[]string{"1", "1(a)<1", "1(a)(i)<1(a)", "1(a)(ii)<1(a)", "1(b)<1"},
			[]want{{"1", "Breaches", ""}, {"1(a)(i)", "", "without undue delay and"}, {"1(a)(ii)", "", "provide the information it holds."},
				{"1(a)", "", "forward the notice to the authority."}}},
		{"an inline item wrapped to a line start", pdfInlineEnumerationWrapped, true,
			[]string{"1", "1.1<1", "1.1(i)<1.1", "1.1(ii)<1.1", "1.2<1"},
			[]want{{"1.1(ii)", "", "provide the information it holds."}, {"1.1", "", "The notice shall be in writing."}}},
		{"an inline enumeration whose first item wrapped to a line start", pdfInlineEnumerationFirstWrapped, true,
			[]string{"1", "1.1<1", "1.1(i)<1.1", "1.1(ii)<1.1", "1.2<1"},
			[]want{{"1.1(i)", "", "without undue delay and"}, {"1.1(ii)", "", "provide the information it holds."}}},
		{"items on lines of their own keep their paragraph", pdfLineItems, true,
			[]string{"1", "1.1<1", "1.1(i)<1.1", "1.1(ii)<1.1", "1.2<1"},
			[]want{{"1.1(ii)", "", "The notice shall be in writing."}}},
		{"sentence-case titles under Clause N", pdfClauseSentenceCaseTitles, true,
			[]string{"4", "4(a)<4", "5", "5(a)<5", "6"},
			[]want{{"4", "Documentation and audits", ""}, {"5", "Use of sub-processors", ""}, {"6", "", ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated)
			if diff := cmp.Diff(tc.ids, clauseIDs(cs)); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			for _, w := range tc.want {
				var c *Clause
				for i := range cs {
					if cs[i].ID == w.id {
						c = &cs[i]
					}
				}
				if c == nil {
					t.Errorf("no clause %q", w.id)
					continue
				}
				if c.Heading != w.heading {
					t.Errorf("%s heading = %q, want %q", w.id, c.Heading, w.heading)
				}
				if !strings.HasSuffix(c.Text, w.text) {
					t.Errorf("%s text = %q, want it to end %q", w.id, c.Text, w.text)
				}
			}
		})
	}
}

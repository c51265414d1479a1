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
// whose first word is short ("Use of sub-processors") or with an article
// ("Obligations of the data exporter"); a sentence wrapped over two lines
// is no title.
const pdfClauseSentenceCaseTitles = `Clause 4

Documentation and audits

(a) The Processor shall document its compliance.

Clause 5

Use of sub-processors

(a) The Controller consents to the sub-processors listed on the website.

Clause 6

Obligations of the data exporter

(a) The data exporter shall keep records.

Clause 7

Use of the services by the Controller is permitted under the terms of the
Agreement.
`

// An annex headed by a lettered section after the body's last clause,
// its sub-clauses numbered 1.1, 1.2 as none of the body's are.
const pdfLetteredAnnex = `1. Definitions. Terms have the meaning in the Agreement.

2. Processing. The Processor shall notify the Controller of a breach within 48 hours.

3. Term. This Addendum runs with the Agreement.

SECTION C

SECURITY MEASURES

1.1 The Processor restricts access to personnel who need it.

1.2 The Processor notifies the Controller of a breach within 24 hours.
`

// Lettered sections that divide the body itself ("Part A", "Part B"),
// after numbered recitals, stay lettered sections, prefixed where their
// numbers restart onto the recitals'.
const pdfLetteredBody = `1. The Provider offers hosting services.

2. The Client wishes to buy them.

PART A – GENERAL TERMS

1. Scope

1.1 These terms apply to all services.

PART B – SERVICE TERMS

1. Hosting

1.1 The Provider hosts the Client's data.
`

// An annex whose table of sub-processors holds an address opening with
// a number on a line of its own ("70 Harbour Road", a table cell
// wrapped over lines) is still an annex: only the body's next
// number makes its heading a mention.
const mdAnnexAddress = `# Data Processing Addendum

1. Scope. This addendum applies to all processing.

2. Sub-processors. The Processor may engage the sub-processors in Annex 2.

## ANNEX 1

### SECURITY MEASURES

Access is restricted.

## ANNEX 2

### SUB-PROCESSORS

| Company | Location |
| --- | --- |
| Hosting Ltd
70 Harbour Road,
Dublin 2 | Ireland |
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
		{"a second inline list ends the first", "1. Definitions\n\n\"Covered Costs\" means (a) damages awarded; and (b) costs incurred in the defence of a claim.\n\n\"Excluded Breach\" means a breach resulting from: (a) your failure to configure the services; (b) your failure to enforce access policies; or (c) a breach of your own systems.\n", false,
			[]string{"1", "1(a)<1", "1(b)<1", "1(c)<1"},
			[]want{{"1(b)", "", "costs incurred in the defence of a claim."}, {"1(c)", "", "(c) a breach of your own systems."}}},
		{"a paragraph at the margin ends an indented list", "1. Precedence\n\nIn a conflict the documents prevail in this order:\n\n    (a) the Order Form;\n\n    (b) these Terms.\n\nTogether they form the Agreement.\n\n2. Fees\n\nFees are due monthly.\n", false,
			[]string{"1", "1(a)<1", "1(b)<1", "2"},
			[]want{{"1(b)", "", "(b) these Terms."}, {"1", "Precedence", "Together they form the Agreement."}}},
		{"sentence-case titles under Clause N", pdfClauseSentenceCaseTitles, true,
			[]string{"4", "4(a)<4", "5", "5(a)<5", "6", "6(a)<6", "7"},
			[]want{{"4", "Documentation and audits", ""}, {"5", "Use of sub-processors", ""}, {"6", "Obligations of the data exporter", ""}, {"7", "", ""}}},
		// A top-level number whose whole paragraph is a title in sentence
		// case (corpus-q); a sub-item's short text stays an item.
		{"a sentence-case title after a bare top-level number", "1\tDefinitions\n\n1.1\tWords have their meanings.\n\n2               Cross-border data transfers\n\n2.1           The Supplier may move data abroad with safeguards.\n\n2.2\tThe buyer may end the order:\n\n2.2.1\tEnd the order without penalty\n", false,
			[]string{"1", "1.1<1", "2", "2.1<2", "2.2<2", "2.2.1<2.2"},
			[]want{{"2", "Cross-border data transfers", ""}, {"2.2.1", "", "End the order without penalty"}}},
		{"a lettered annex after the body", pdfLetteredAnnex, true,
			[]string{"1", "2", "3", "Section C", `Section C "SECURITY MEASURES"<Section C`,
				`Section C 1.1<Section C "SECURITY MEASURES"`, `Section C 1.2<Section C "SECURITY MEASURES"`},
			nil},
		{"lettered sections of the body", pdfLetteredBody, true,
			[]string{"1", "2", `Part A`, `Part A 1<Part A`, `Part A 1.1<Part A 1`, `Part B`, `Part B 1<Part B`, `Part B 1.1<Part B 1`},
			nil},
		{"an annex holding an address", mdAnnexAddress, false,
			[]string{"preamble", "1", "2", "Annex 1", `Annex 1 "SECURITY MEASURES"<Annex 1`, "Annex 2", `Annex 2 "SUB-PROCESSORS"<Annex 2`},
			nil},
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

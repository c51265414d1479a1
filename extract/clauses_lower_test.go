package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Sub-clauses continuing their parent's lead-in in lower case, as English
// contracts write them ("8.5 On exit the Supplier shall:", "8.5.1 procure
// ...;", "8.5.2 deliver ...").
const pdfLowerSubclauses = `1 EXIT MANAGEMENT
1.1 The Supplier shall keep an exit plan.
1.2 On exit the Supplier shall:
1.2.1 procure a licence for the Buyer to use the software;
1.2.2 deliver the Government Data to the Buyer; and
1.2.3 delete the Government Data from its systems.
1.3 The Buyer may audit the exit.
`

// A cross-reference wrapped onto a line start, and a lower-case number
// that is no sub-clause of the clause above, stay text.
const pdfLowerTraps = `1 EXIT MANAGEMENT
1.1 The Supplier shall act in accordance with clause
1.1.1 and the exit plan agreed with the Buyer.
1.2 The Supplier shall keep records.
9.4.1 as set out above, the Buyer may audit.
1.3 The Buyer may audit the exit.
`

const mdLowerSubclauses = `## 6. Warranties

6.1 **Authority**. Each party may enter into this Agreement.

6.2 **Supplier warranties**. The Supplier warrants that:

6.2.1 it will provide the Services with reasonable skill and care;

6.2.2 all information it provides is accurate; and

6.2.3 the Deliverables will conform to the specifications.

## 7. Termination

Either party may terminate on notice.
`

// Clause numbers inside bullet items, as a web page's lists turn into
// Markdown; a plain bullet list stays one clause's text.
const mdBulletNumbers = `Contents

- 1.1.Scope and Roles (#X6CBF86C2775))
- 1.2.Details of Processing (#X9A8733))
- 2.1.Instructions (#X3ED498))

1\. Details.
------------

*   1.1 Scope and Roles. The Provider processes Customer Data for the Customer.
*   1.2 Details of Processing. The details are in Annex 1.

2\. Provider Obligations.
-------------------------

*   2.1 Instructions. The Provider follows the Customer's instructions.
*   2.2 Personal Data Breaches. The Provider notifies the Customer without undue delay.
    *   The notice describes the breach.
    *   The notice names a contact.
`

func TestSplitClausesLowerCaseSubclauses(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"lower-case sub-clauses under a lead-in", pdfLowerSubclauses, true,
			[]string{"1", "1.1<1", "1.2<1", "1.2.1<1.2", "1.2.2<1.2", "1.2.3<1.2", "1.3<1"}},
		{"lower-case sub-clauses in Markdown", mdLowerSubclauses, false,
			[]string{"6", "6.1<6", "6.2<6", "6.2.1<6.2", "6.2.2<6.2", "6.2.3<6.2", "7"}},
		{"clause numbers in bullet items", mdBulletNumbers, false,
			[]string{"preamble", "1", "1.1<1", "1.2<1", "2", "2.1<2", "2.2<2"}},
		{"a wrapped cross-reference and a stray number", pdfLowerTraps, true,
			[]string{"1", "1.1<1", "1.2<1", "1.3<1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBulletMarkers: a bullet before a dotted number is layout; a bullet
// item pointing to an anchor of the page is a contents line.
func TestBulletMarkers(t *testing.T) {
	for _, tc := range []struct {
		line  string
		ok    bool
		label string
	}{
		{"*   2.7 Personal Data Breaches. The Provider notifies.", true, "2.7"},
		{"- 1.6.2. **Public Minutes** means minutes of usage;", true, "1.6.2"},
		{"- 6.1.Customer account (#XA6F21C912E3C))", false, ""},
		{"- Encrypt the data.", false, ""},
	} {
		m, ok := parseMarker(tc.line, true)
		if ok != tc.ok || ok && m.label != tc.label {
			t.Errorf("parseMarker(%q) = %q, %v; want %q, %v", tc.line, m.label, ok, tc.label, tc.ok)
		}
	}
}

// Sections designated by the section sign, as German and Austrian
// contracts write them ("§ 8 Subcontractors"), numbered paragraphs under
// each: a lawyer cites § 8.3.
const mdSectionSign = `# Data Processing Agreement

## Preamble

The parties agree as follows.

## § 1 Scope

1. The Processor processes data for the Controller.
2. The Processor uses the data for no other purpose.

## §2 Subcontractors

1. The Processor may engage subcontractors with consent.
2. The Civil Code applies, and
§§ 305 ff. of it in particular.
3. The Processor informs the Controller of changes.
`

func TestSplitClausesSectionSign(t *testing.T) {
	got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(mdSectionSign)}}, false))
	want := []string{"preamble", `"Preamble"`, "1", "1.1<1", "1.2<1", "2", "2.1<2", "2.2<2", "2.3<2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

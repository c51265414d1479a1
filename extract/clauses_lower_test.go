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

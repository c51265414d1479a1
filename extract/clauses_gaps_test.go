package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Numbering with a gap: a clause deleted from a redlined contract leaves
// its number missing (10.9 between 10.8 and 10.10); the numbers after it
// are printed as they are and a lawyer cites them so.

// Sub-clauses of a section whose heading is open.
const pdfDottedGap = `1 DEFINITIONS
Terms have the meaning given in the Master Agreement.
2 CONDITIONS OF USE
2.1 Service suspension
The Provider may suspend the Services to carry out maintenance.
2.2 Evolution of services
The Provider may change the Services at any time.
2.4 The Customer shall comply with export laws, including the laws of the
countries where the Services are hosted.
2.5 Third-party products
The Provider is not responsible for third-party products.
2.6 Continuity of services
The Customer shall retrieve its data before the end of the contract.
3 COLLABORATION
The parties shall cooperate in good faith.
`

// The same with the section heading lost (text of the section's own line
// glued to the paragraph before it), and a gap of two.
const mdDottedGapNoParent = `## 9. Optional services

The Customer may subscribe to optional services later.

### 10.1. Respect for service conditions

The Customer shall use the Services in accordance with this contract.

### 10.2. Choice of services

The Customer shall choose the Services that meet its needs.

### 10.5. Content

The Customer is responsible for its content.

### 10.6. Authentication

The Customer shall keep its credentials secret.
`

// A cross-reference wrapped onto a line start, and a jump of three, are
// no clauses.
const pdfDottedGapTraps = `1 TERMS
1.1 Suspension
The Provider may suspend the Services as set out in clause
1.3 of the Master Agreement and the order form.
1.2 Evolution
The Provider may change the Services.
1.6 Continuity
The Customer shall retrieve its data.
`

// A deleted section: the next section's heading, all caps or a short
// title over its first sub-clause, follows one number further on.
const pdfSectionGap = `1. DEFINITIONS
Terms are defined in the Master Agreement.
2. SERVICES
The Provider shall provide the Services.
4. FEES
The Customer shall pay the fees.
5. TERM
This agreement runs for one year.
`

const pdfSectionGapTitled = `1. Definitions
1.1 Terms are defined in the Master Agreement.
2. Services
2.1 The Provider shall provide the Services.
2.2 The Provider shall keep the Services available.
4. Fees
4.1 The Customer shall pay the fees.
5. Term
5.1 This agreement runs for one year.
`

func TestSplitClausesNumberingGaps(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"a deleted sub-clause under an open section", pdfDottedGap, true,
			[]string{"1", "2", "2.1<2", "2.2<2", "2.4<2", "2.5<2", "2.6<2", "3"}},
		{"deleted sub-clauses under a lost section heading", mdDottedGapNoParent, false,
			[]string{"9", "10.1", "10.2", "10.5", "10.6"}},
		{"a deleted section between all-caps headings", pdfSectionGap, true,
			[]string{"1", "2", "4", "5"}},
		{"a deleted section between titled sections", pdfSectionGapTitled, true,
			[]string{"1", "1.1<1", "2", "2.1<2", "2.2<2", "4", "4.1<4", "5", "5.1<5"}},
		{"a wrapped cross-reference and a jump of three", pdfDottedGapTraps, true,
			[]string{"1", "1.1<1", "1.2<1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

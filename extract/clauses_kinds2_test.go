package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// More kinds of structure the labelled corpus showed missing (the batch of
// PDF and Word agreements): invented text reproducing each kind, with the
// clause IDs a lawyer would cite.

// A paragraph that opens its first sub-paragraph on its own line, as the
// Code of Federal Regulations and the FAR/DFARS clauses write it:
// "(ii)(A) The Contractor ..." is item (ii) and its first item (A).
const mdChainedItems = `SAFEGUARDING CUSTOMER DATA (MAY 2026)

(a) *Definitions*. As used in this clause, "breach" means any loss of Customer Data.

(b) *Security*. The Contractor shall provide adequate security, as follows:

\(1\) For systems operated on behalf of the Customer, the cloud rules apply.

\(2\) For other systems, the following requirements apply:

\(i\) The Contractor shall follow the security standard named in the order.

(ii)(A) The Contractor shall implement the standard within one year.

\(B\) The Contractor shall submit requests to vary from the standard in writing.

\(3\) The Contractor shall apply other measures where needed.

(c)(1) Reporting. The Contractor shall report each incident within 72 hours.

\(2\) The report shall name the systems affected.

(d) Subcontracts. The Contractor shall flow this clause down.
`

// A cross-reference wrapped onto a line start is no item.
const pdfChainedReference = `(a) Definitions. As used in this clause, "breach" means any loss of data.

(b) Security. The Contractor shall provide the security required by paragraph
(c)(1) of this clause, and report as required.

(c) Reporting. The Contractor shall report each incident within 72 hours.
`

func TestSplitClausesKindsPlain(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"an item opening its first sub-item on its line", mdChainedItems, false,
			[]string{"preamble", "(a)", "(b)", "(b)(1)<(b)", "(b)(2)<(b)", "(b)(2)(i)<(b)(2)", "(b)(2)(ii)<(b)(2)",
				"(b)(2)(ii)(A)<(b)(2)(ii)", "(b)(2)(ii)(B)<(b)(2)(ii)", "(b)(3)<(b)", "(c)", "(c)(1)<(c)", "(c)(2)<(c)", "(d)"}},
		{"a cross-reference wrapped to a line start", pdfChainedReference, true,
			[]string{"(a)", "(b)", "(c)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

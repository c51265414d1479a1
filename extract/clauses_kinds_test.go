package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure that the labelled corpus showed missing: each case is
// invented text that reproduces one kind, with the clause IDs a lawyer
// would cite.

const mdEscapedNumbers = `Terms of Service
================

1\. Who We Are
--------------

"Provider" means Acme Cloud Ltd, which operates the Service for its customers.

2\. Security
------------

### a. Data Protection

Provider shall protect Customer Data with industry standard measures.

### b. Breach Notice

Provider shall notify Customer of any breach within 48 hours.
`

const mdEscapedParens = `SAFEGUARDING CUSTOMER DATA (MAY 2026)

\(a\) *Definitions*. As used in this clause, "breach" means any loss of Customer Data.

\(b\) *Security*. The Contractor shall provide adequate security, as follows:

\(1\) For systems operated on behalf of the Customer:

\(i\) Encryption of data at rest.

\(ii\) Multi-factor authentication for every user.

\(2\) For other systems, the Contractor's own security policy applies.

\(c\) *Reporting*. The Contractor shall report each incident within 72 hours.
`

func TestSplitClausesKinds(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"markdown-escaped numbers in setext headings", mdEscapedNumbers, false,
			[]string{"preamble", "1", "2", "2(a)<2", "2(b)<2"}},
		{"markdown-escaped parenthesised items", mdEscapedParens, false,
			[]string{"preamble", "(a)", "(b)", "(b)(1)<(b)", "(b)(1)(i)<(b)(1)", "(b)(1)(ii)<(b)(1)", "(b)(2)<(b)", "(c)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tt.text)}}, tt.paginated))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

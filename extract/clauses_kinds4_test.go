package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure found by a self-check over public agreements outside
// the labelled corpus (terms of service, DPAs, commercial terms in
// Markdown): each case is invented text that reproduces one kind, with the
// clause IDs a lawyer would cite.

// Lettered recitals in Markdown, then the numbered body: "1." is section
// 1, not item B.1 of the last recital.
const mdRecitalsThenBody = `Whereas:

A. The Customer uses the Provider's hosting service under the Terms.

B. The Provider processes personal data on the Customer's behalf.

Therefore, the Parties agree as follows:

1. Definitions.

1.1 "Agreement" means the Terms.

1.2 "Breach" means any unauthorised access to personal data.

2. Security

2.1. The Provider shall encrypt personal data at rest.

2.2. The Provider shall notify the Customer of a Breach within 48 hours.
`

// SCC-style annexes titled with a phrase after a dash, on plain lines.
const mdAnnexesDashTitles = `1. Scope

The Provider processes personal data for the Customer.

2. Audits

The Customer may audit the Provider once a year.

ANNEX I - Description of the processing where the Provider acts as a processor

A. LIST OF PARTIES

Data exporter: the Customer.

ANNEX II - Technical and organisational measures to protect the data

1. Access control:

Only authorised staff may access personal data.

2. Encryption:

Personal data is encrypted in transit.
`

func TestSplitClausesKinds4(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"lettered recitals before the numbered body (Markdown)", mdRecitalsThenBody, false,
			[]string{"preamble", "A", "B", "1", "1.1<1", "1.2<1", "2", "2.1<2", "2.2<2"}},
		{"a sentence item under a lettered paragraph stays its item", "A. The Provider shall:\n\n1. Keep backups of the data.\n\n2. Test them monthly.\n", false,
			[]string{"A", "A.1<A", "A.2<A"}},
		{"annexes titled with a phrase after a dash", mdAnnexesDashTitles, false,
			[]string{"1", "2", "Annex I", "Annex I A<Annex I", "Annex II", "Annex II 1<Annex II", "Annex II 2<Annex II"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

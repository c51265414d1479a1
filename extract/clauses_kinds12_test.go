package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure found on the lead's reading of new blind-labelled
// agreements (corpus-m's dev half), each reproduced by invented text.

// Numbered bullet items, one of which holds only its short title, its text
// in the lettered items under it; and a bullet list of figures, no clauses.
const mdBulletTitleOnly = `# Service Terms

## 4. General

*   4.1. Notices. The Provider sends notices to the e-mail address of the account.
*   4.2. Assignment. Neither party may assign these terms without the other's consent.
*   4.3. Updates.
    *   a. Generally. The Provider may update these terms by giving the Customer thirty days' notice.
    *   b. Exceptions. An update does not apply to a dispute that arose before it.
*   4.4. Government Entity Rights:
    *   a. The Services are commercial computer software.
*   4.5. Waiver. A waiver of one default is not a waiver of any other.

## 5. Limits

*   5.1. Storage. Each account holds files up to these sizes:
    *   1.5 GB
    *   2.5 GB
*   5.2. Fair use. The Provider may slow an account that overloads the service.
`

func TestSplitClausesKinds12(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string
	}{
		{"a numbered bullet holding only its title", mdBulletTitleOnly,
			[]string{"preamble", "4", "4.1<4", "4.2<4", "4.3<4", "4.4<4", "4.5<4", "5", "5.1<5", "5.2<5"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, false))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

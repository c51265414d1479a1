package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Numbers written with their lettered section ("A.1.", "B.2.") under
// lettered section headings are that section's clauses; where no lettered
// section of that letter is open, "A.1." numbers nothing.
const mdLetterDotted = `# Commercial Terms

A. Services
-----------

A.1. **Overview.** The Provider gives the Customer permission to use the Services.

A.2. **Feedback.** The Provider may use feedback the Customer gives.

B. Customer Content
-------------------

B.1. **Ownership.** The Customer keeps all rights in its content.

B.2. **Security.** The Provider keeps the Customer's content secure with encryption.
`

const mdLetterDottedStray = `# Terms

1. Scope. These terms apply to every order the Customer places.

A.1. Annex reference numbers are listed on the order form for the Customer.

2. Fees. The Customer pays the fees listed on the order form.
`

func TestSplitClausesLetterDotted(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string
	}{
		{"numbers written with their lettered section", mdLetterDotted,
			[]string{"preamble", "A", "A.1<A", "A.2<A", "B", "B.1<B", "B.2<B"}},
		{"a letter-dotted number under no lettered section", mdLetterDottedStray,
			[]string{"preamble", "1", "2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, false))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

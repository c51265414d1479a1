package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A bold subject and modal alone on a line above a list ("**Provider
// shall:**") open a sentence whose items follow; it is no heading, so the
// list stays in the clause above it. A bold title above the same list is a
// heading.
const mdBoldLeadIn = `# Security Measures

**Provider shall:**

- keep Customer Data encrypted at rest;
- review access rights every quarter.

**The Customer is responsible for:**

- its own passwords.

**Physical Security**

Provider's data centres are guarded at all hours.
`

func TestSplitClausesBoldLeadIn(t *testing.T) {
	got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(mdBoldLeadIn)}}, false))
	want := []string{"preamble", `"Physical Security"`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

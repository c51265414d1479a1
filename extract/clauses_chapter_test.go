package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestChapterTitle: a handbook chapter's number on an agreement's title is
// no clause; every other numbered first heading keeps its number.
func TestChapterTitle(t *testing.T) {
	const body = "\n\nThis agreement is made between Northwind Clinics (\"Covered Entity\") and Lumen Health, Inc. (\"Business Associate\").\n\n" +
		"**A. Definitions.** Terms used here have the meanings given in the HIPAA Rules.\n\n" +
		"**B. Obligations.** Business Associate agrees that it shall:\n\n" +
		"1. Use appropriate safeguards to protect the PHI it holds.\n" +
		"2. Report to Covered Entity any Breach of Unsecured PHI within five days of discovery.\n\n" +
		"**C. Term.** This agreement ends with the underlying agreement.\n"
	for _, tc := range []struct {
		name, text string
		ids        []string
	}{
		{"chapter number on the title", "# 17. Lumen Health Business Associate Agreement" + body,
			[]string{"preamble", "A", "B", "B.1<B", "B.2<B", "C"}},
		{"blank lines before it, a defined name after it", "\n\n# 4 Lumen Data Processing Addendum (\"DPA\")" + body,
			[]string{"preamble", "A", "B", "B.1<B", "B.2<B", "C"}},
		// The number runs on below: the title is section 17 of the document.
		{"its number continues", "# 17. Lumen Health Business Associate Agreement" + body + "\n## 17.1 Notices\n\nNotices are given in writing.\n",
			[]string{"17", "17(A)<17", "17(B)<17", "17(B).1<17(B)", "17(B).2<17(B)", "17(C)<17", "17.1<17"}},
		// "1. Definitions" names no document: a first section, kept.
		{"a first section, not a title", "# 1. Definitions" + body,
			[]string{"1", "1(A)<1", "1(B)<1", "1(B).1<1(B)", "1(B).2<1(B)", "1(C)<1"}},
		{"another level-1 heading follows", "# 17. Lumen Health Business Associate Agreement" + body + "\n# 18. Lumen Health Security Policy\n\nLumen encrypts data at rest.\n",
			[]string{"17", "17(A)<17", "17(B)<17", "17(B).1<17(B)", "17(B).2<17(B)", "17(C)<17", "18"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(cleanMarkdown(tc.text))}}, false)
			if diff := cmp.Diff(tc.ids, clauseIDs(cs)); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMarkdownIndentedItemsKeepTheirNumber: a numbered item indented a
// space more (or less) than the item before it is that item's sibling, as
// a browser shows it ("2.", cited as 4.2), not a paragraph of the item
// before (trial27d: tos-trustar's 4.2 came out as §4.1); an item indented
// as far as the text of the one before is nested under it.
func TestMarkdownIndentedItemsKeepTheirNumber(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		ids        []string
		id, starts string
	}{
		{"one space more", "1. **Fees.** Fees are due monthly.\n\n2. **Confidentiality.**\n   1. Each party keeps the other's information secret.\n\n    2. A party that learns of a leak shall tell the other party at once.\n\n    3. Neither party names the other in advertising.\n\n3. **Term.** This agreement runs for a year.\n",
			[]string{"1", "2", "2.1<2", "2.2<2", "2.3<2", "3"}, "2.2", "2. A party that learns of a leak"},
		{"one space less", "1. **Security.**\n    1. The supplier encrypts stored data.\n\n   2. The supplier logs every administrator login.\n\n2. **Term.** This agreement runs for a year.\n",
			[]string{"1", "1.1<1", "1.2<1", "2"}, "1.2", "2. The supplier logs every administrator login."},
		{"indented as far as the text: nested", "1. **Security.**\n   1. The supplier encrypts stored data:\n\n      1. at rest with AES-256;\n\n      2. in transit with TLS.\n\n2. **Term.** This agreement runs for a year.\n",
			[]string{"1", "1.1<1", "1.1.1<1.1", "1.1.2<1.1", "2"}, "1.1.2", "2. in transit with TLS."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(cleanMarkdown(tc.text))}}, false)
			if diff := cmp.Diff(tc.ids, clauseIDs(cs)); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			for _, c := range cs {
				if c.ID == tc.id && !strings.HasPrefix(c.Text, tc.starts) {
					t.Errorf("%s text %q, want it to start %q", c.ID, c.Text, tc.starts)
				}
			}
		})
	}
}

package analyze

import (
	"strings"
	"testing"
)

// TestFix37cAssentByUseYields: a clause that takes the customer's
// continued use as its assent to other revisions, then keeps the right
// to change or withdraw the service with or without notice, is quoted
// for the change without notice (issue 11; our own sentences): assent by
// continued use is its own flag and yields, as assent by renewal does, to
// another flag of the rule in its clause. Alone it is still flagged.
func TestFix37cAssentByUseYields(t *testing.T) {
	rs := loadRules(t)
	head := "# Platform Terms\n\nLarch Cloud Ltd (\"Provider\") hosts the Client's booking platform.\n\n## Changes\n\n"
	for _, tc := range []struct {
		name, text, flag, quote string
	}{
		{"use first, then without notice", "For every other revision, the Client's continued use of the Platform constitutes acceptance of the revised terms. The Provider may at any time alter or withdraw the Platform, in whole or in part, with or without notice.\n", "change-without-notice", "with or without notice"},
		{"use alone", "The Client's continued use of the Platform constitutes acceptance of any revised terms.\n", "change-by-use", "continued use"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runMarkdown(t, rs, head+tc.text)
			for _, f := range res.Findings {
				if f.Rule != "change-notice" {
					continue
				}
				if len(f.RedFlags) != 1 || f.RedFlags[0].ID != tc.flag || !strings.Contains(f.RedFlags[0].Evidence.Text, tc.quote) {
					t.Errorf("red flags: got %+v, want one %s quoting %q", f.RedFlags, tc.flag, tc.quote)
				}
				return
			}
			t.Fatal("no change-notice finding")
		})
	}
}

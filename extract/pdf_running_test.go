package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRemovePageCounters: a footer holding a page counter goes from every
// page, in a document of two pages and wherever the text layer put it; a
// line whose numbers do not count the pages stays.
func TestRemovePageCounters(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pages []string
		nums  []int
		want  []string
	}{
		{"a footer on the last line of two pages",
			[]string{"1. Scope\nThe Processor processes data.\nData Processing Addendum · Acme Ltd · Last updated May 3, 2026 1 / 2",
				"2. Requests\nContact privacy@acme.example.\nData Processing Addendum · Acme Ltd · Last updated May 3, 2026 2 / 2"},
			[]int{1, 2},
			[]string{"1. Scope\nThe Processor processes data.", "2. Requests\nContact privacy@acme.example."}},
		{"a footer mid-page, a cover page not counted",
			[]string{"ACME DPA",
				"1. Scope\nThe Processor processes data.\nIt keeps records.\nIt trains staff.\nData Processing Addendum – Confidential Page 1 of 3\nLocked offices\nBadge readers\nVisitor logs\nCCTV",
				"2. Security\nThe Processor encrypts data.\nData Processing Addendum – Confidential Page 2 of 3",
				"3. Audits\nData Processing Addendum – Confidential Page 3 of 3\nThe Customer may audit."},
			[]int{1, 2, 3, 4},
			[]string{"ACME DPA", "1. Scope\nThe Processor processes data.\nIt keeps records.\nIt trains staff.\nLocked offices\nBadge readers\nVisitor logs\nCCTV", "2. Security\nThe Processor encrypts data.", "3. Audits\nThe Customer may audit."}},
		{"the counter before the title",
			[]string{"1 / 2 | Acme Terms of Service\n1. Use\nYou may use the service.", "2 / 2 | Acme Terms of Service\n2. Fees\nYou pay the fees."},
			[]int{1, 2},
			[]string{"1. Use\nYou may use the service.", "2. Fees\nYou pay the fees."}},
		{"the title under a running header of the same words stays",
			[]string{"Hosting Agreement\nVersion 2\nHosting Agreement\nThis agreement is made.\n1. Scope\nThe Provider hosts.\n© 2026 Acme Page 1 of 3",
				"Hosting Agreement\nVersion 2\n2. Fees\nThe Customer pays.\nIt pays monthly.\nIt pays in euro.\n© 2026 Acme Page 2 of 3",
				"Hosting Agreement\nVersion 2\n3. Term\nOne year.\nIt renews.\nIt ends on notice.\n© 2026 Acme Page 3 of 3"},
			[]int{1, 2, 3},
			[]string{"Hosting Agreement\nThis agreement is made.\n1. Scope\nThe Provider hosts.", "2. Fees\nThe Customer pays.\nIt pays monthly.\nIt pays in euro.", "3. Term\nOne year.\nIt renews.\nIt ends on notice."}},
		{"numbers that do not count the pages stay",
			[]string{"1. Term\nThe fee schedule revised 3/12\nmore text", "2. Fees\nThe fee schedule revised 3/12\nmore text"},
			[]int{1, 2},
			[]string{"1. Term\nThe fee schedule revised 3/12\nmore text", "2. Fees\nThe fee schedule revised 3/12\nmore text"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := make([]string, len(tc.pages))
			for i, p := range tc.pages {
				in[i] = NormalizeText(p)
			}
			got := removeRunningLines(removePageCounters(in, tc.nums))
			for i := range got {
				got[i] = strings.TrimSpace(got[i])
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("pages (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzMayCounter holds mayCounter to the patterns it stands in front of:
// a line it turns away matches neither.
func FuzzMayCounter(f *testing.F) {
	for _, s := range []string{"Page 3 of 12", "Master Services Agreement 4 / 20", "2 of 9 | Data Processing Addendum", "PAGE 1 OF 2 Terms", "p 1/2 x", "Offer 12", "12", "Terms · 7 OF 9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, l string) {
		l = strings.TrimSpace(l)
		if mayCounter(l) {
			return
		}
		if counterTailRe.MatchString(l) || counterHeadRe.MatchString(l) {
			t.Fatalf("mayCounter(%q) is false, but a counter pattern matches", l)
		}
	})
}

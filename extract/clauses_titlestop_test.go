package extract

import "testing"

// TestRunInTitleStop: a numbered clause's run-in title ends at a period or
// colon followed by a space (closing emphasis allowed), never at the
// period of an abbreviation ("U.S.", "e.g.") or a number ("99.9"), so a
// first sentence holding one keeps its words (corpus-p: "Vendor stores
// Customer Data in U" was taken for a title).
func TestRunInTitleStop(t *testing.T) {
	tests := []struct{ text, id, heading string }{
		{"1. Terms\n\n1.1 Vendor stores Customer Data in U.S. data centers only.\n", "1.1", ""},
		{"1. Terms\n\n1.1 Uptime of 99.9% each month is the target.\n", "1.1", ""},
		{"1. Terms\n\n1.1 Fees. Customer shall pay the fees within thirty days.\n", "1.1", "Fees"},
		{"1. Terms\n\n1.1 *Professional Services:* We will perform the services.\n", "1.1", "Professional Services"},
		{"1. Terms\n\n1.1 Sub-processors.Customer authorises the use of sub-processors.\n", "1.1", "Sub-processors"},
	}
	for _, tc := range tests {
		cs := SplitClauses([]Page{{Number: 1, Text: tc.text}}, false)
		found := false
		for _, c := range cs {
			if c.ID == tc.id {
				found = true
				if c.Heading != tc.heading {
					t.Errorf("%q: heading %q, want %q", tc.text, c.Heading, tc.heading)
				}
			}
		}
		if !found {
			t.Errorf("%q: no clause %s", tc.text, tc.id)
		}
	}
}

package extract

import (
	"strings"
	"testing"
)

// tocPrefilterCases are lines that do and do not end like a contents
// entry.
var tocPrefilterCases = []string{
	"1. Definitions .......... 3", "Schedule 2 …… iv", "Term . . . . 12", "Fees ____ 4", "Data ---- 10",
	"Term . . 12", "Fees ___ 4", "Contents", "1.2 Security Measures 14", "Notices 7 ", "Privacy  ix",
	"no digits here", "", "x", "9", "a\n.... 3", "Annex .....\t22\t",
}

// TestTOCPrefilters: a line the leader or trailing-number pattern matches
// always passes the cheap test in front of it.
func TestTOCPrefilters(t *testing.T) {
	for _, s := range tocPrefilterCases {
		checkTOCPrefilters(t, s)
	}
}

func checkTOCPrefilters(t *testing.T, s string) {
	t.Helper()
	if tocLeaderRe.MatchString(s) && !mayBeTOCLeader(s) {
		t.Errorf("%q: the leader pattern matches, the prefilter says no", s)
	}
	if tr := strings.TrimSpace(s); tocTrailRe.MatchString(tr) && (tr[len(tr)-1] < '0' || tr[len(tr)-1] > '9') {
		t.Errorf("%q: the trailing-number pattern matches a line that does not end in a digit", s)
	}
}

func FuzzTOCPrefilters(f *testing.F) {
	for _, s := range tocPrefilterCases {
		f.Add(s)
	}
	f.Fuzz(checkTOCPrefilters)
}

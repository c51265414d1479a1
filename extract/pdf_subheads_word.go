package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// One-word sub-headings. Terms exported from a word processor title their
// sections with a single bold word set tight above the paragraph
// ("Eligibility", "Communications", "Termination"); subHeadingWords wants
// two words or more, so such a heading opened no clause. A single word in
// the body's size, bold, standing alone above a paragraph in the regular
// face is a sub-heading when it is a capitalised word of four letters or
// more that is no label ("Note", "Important") and the line below is no
// signature field ("By: ...", under a party's name).

// oneWordSubHeading reports whether t, a bold line, is such a heading over
// the line next (see above).
func oneWordSubHeading(t, next string) bool {
	t = strings.TrimSpace(t)
	if strings.ContainsRune(t, ' ') || utf8.RuneCountInString(t) < 4 || leadStopRe.MatchString(t) || signRe.MatchString(strings.TrimSpace(next)) {
		return false
	}
	for i, r := range t {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return true
}

package analyze

import (
	"strings"
	"unicode"
)

// Signs of the clause a lawyer would cite, used by Rule.rank.

// headingOnly says a unit's text is its clause's heading and nothing
// more, as where a numbered heading stands on a line of its own.
func headingOnly(u *unit) bool {
	if u.heading == "" {
		return false
	}
	return letters(u.text) == letters(u.heading)
}

// letters is s in lower case with only its letters and digits.
func letters(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

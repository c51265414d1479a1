package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dashed section numbers: "1 - Definitions", "4 – Confidentiality",
// "7 — Term", a number set apart from its title by a dash, as
// slide decks, web pages and some word processors' outline styles print
// a section heading. readMarker reads such a line as a bare number
// ("1 DEFINITIONS") whose title is the text after the separator, under
// the same tests of a title; "3 - 5 days" (no capital after the
// separator) stays text.

// dashTitle returns the title after a leading dash separator ("-
// Definitions" gives "Definitions"), or rest unchanged.
func dashTitle(rest string) string {
	for _, sep := range []string{"- ", "– ", "— "} {
		if t, ok := strings.CutPrefix(rest, sep); ok {
			t = strings.TrimLeft(t, " ")
			if r, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(r) {
				return t
			}
			return rest
		}
	}
	return rest
}

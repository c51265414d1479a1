package extract

import (
	"strings"
	"unicode"
)

// labelLead reports whether a bold label closed by its own colon
// ("**Duration:** the service term", the fields of an annex describing the
// processing) opens a lead-in clause although its text starts in lower
// case: the colon inside the bold marks a label, not a bold phrase of a
// sentence.
func labelLead(bold string, r rune) bool {
	return strings.HasSuffix(strings.TrimSpace(bold), ":") && unicode.IsLower(r)
}

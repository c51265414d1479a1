package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// dropUnchecked removes the unticked checkbox options of a unit: "[ ]" or
// "☐" and the option's words up to the next box or line end. A box is an
// option's box where a form puts one: at the start of a line (after a list
// marker or white space), after a colon, semicolon or bar, or on a line
// with another box ("Hosting: [ ] EU [x] US"). Elsewhere an empty "[ ]" in
// running text is a template's blank to fill ("within [ ] days", "Signed
// for and on behalf of [ ]"): the words after it are the sentence, not an
// option nobody chose, and stay.
func dropUnchecked(s string) string {
	locs := reUnchecked.FindAllStringIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		if !isOptionBox(s, l[0]) {
			continue
		}
		b.WriteString(s[last:l[0]])
		b.WriteByte(' ')
		last = l[1]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// isOptionBox reports whether the box at byte i of s is a form's option
// box (see dropUnchecked).
func isOptionBox(s string, i int) bool {
	lineStart := strings.LastIndexByte(s[:i], '\n') + 1
	lineEnd := strings.IndexByte(s[i:], '\n')
	if lineEnd < 0 {
		lineEnd = len(s)
	} else {
		lineEnd += i
	}
	line := s[lineStart:lineEnd]
	if strings.Count(line, "[ ]")+strings.Count(line, "☐")+strings.Count(line, "[x]")+strings.Count(line, "[X]")+strings.Count(line, "☒")+strings.Count(line, "☑") > 1 {
		return true
	}
	before := strings.TrimRightFunc(s[lineStart:i], unicode.IsSpace)
	if before == "" || reItemStart.MatchString(before+" ") && len(before) <= 5 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == ':' || r == ';' || r == '|'
}

package extract

// Numbered lines in lower case the marker reader refuses: a dotted number
// ("6.2.1 it has ...;") or a list item whose text starts in lower case,
// read here as the sub-clauses of a lead-in.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// boldNumberRe: a dotted number alone in bold at a line start.
var boldNumberRe = lazyre.New(`^(\*\*|__)(\d{1,3}(?:\.\d{1,3}){1,3}\.?)(\*\*|__)([ \t])`)

// lowerDotted reads line i as a dotted number whose text starts in lower
// case, the sub-clauses of a lead-in ("6.2 The Supplier warrants that:",
// "6.2.1 it has ...;", "6.2.2 all information ..."), which readMarker
// refuses: the line must not continue a sentence (a wrapped
// cross-reference, "clause\n8.5.1 and ...").
func (s *splitter) lowerDotted(i int) (marker, bool) {
	l := s.lines[i]
	if l.typeCont || s.continuesLine(i) {
		return marker{}, false
	}
	t := strings.TrimLeft(l.text, " ")
	if !s.paginated {
		// "**6.1.** must comply ...": only the number is bold.
		t = boldNumberRe.ReplaceAllString(unescapeNumberLead(t), "$2$4")
	}
	g := dottedRe.FindStringSubmatchIndex(t)
	if g == nil || g[6] < 0 {
		return marker{}, false
	}
	rest := t[g[6]:]
	// A defined term in lower case opens it too ("2.13 \"you\" means ...").
	q := 0
	if !s.paginated {
		q = definedTermLead(rest)
	}
	r, size := utf8.DecodeRuneInString(rest[q:])
	if !unicode.IsLower(r) {
		return marker{}, false
	}
	up := t[:g[6]] + rest[:q] + string(unicode.ToUpper(r)) + rest[q+size:]
	if k := len(l.text) - len(strings.TrimLeft(l.text, " ")); k > 0 {
		up = l.text[:k] + up
	}
	m, ok := readMarker(up, !s.paginated, l.typeLevel > 0)
	if !ok || m.kind != kNum || len(m.path) < 2 || m.zero {
		return marker{}, false
	}
	m.rest = t[g[6]:]
	m.lower = true
	return m, true
}

// lowerListItem reads line i of a Markdown document as a numbered list
// item whose text starts in lower case, the items of a lead-in
// ("Processor agrees to:", "1.  comply with ...;", "2.  limit access
// ..."), which readMarker refuses: the item opens its own paragraph (a
// blank line or another list item before it; Markdown never lets a number
// after a paragraph's line start a list other than at 1), and it goes
// only where its list runs (see accept).
func (s *splitter) lowerListItem(i int) (marker, bool) {
	if s.paginated || s.lines[i].typeCont {
		return marker{}, false
	}
	t := s.lines[i].text
	g := mdLowerItemRe.FindStringSubmatchIndex(t)
	if g == nil {
		return marker{}, false
	}
	if i > 0 {
		prev := s.lines[i-1].text
		if strings.TrimSpace(prev) != "" && !mdListLineRe.MatchString(prev) && !strings.HasPrefix(t[g[4]:], "1") {
			return marker{}, false
		}
	}
	r, size := utf8.DecodeRuneInString(t[g[6]:])
	up := t[:g[6]] + string(unicode.ToUpper(r)) + t[g[6]+size:]
	m, ok := readMarker(up, true, false)
	if !ok || m.kind != kNum || len(m.path) != 1 || m.bare || m.mdLevel > 0 || m.bold {
		return marker{}, false
	}
	m.rest = strings.TrimLeft(t[g[6]:], " ")
	m.lower = true
	return m, true
}

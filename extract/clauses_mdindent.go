package extract

import (
	"strconv"
	"strings"
)

// indentSibling says a Markdown list item indented a little more or less
// than the open item o is o's next sibling, as CommonMark and a browser
// read it: both indented, the same kind, at most three spaces apart, and m
// not indented as far as o's text (which would nest it under o). "   1.
// Confidential ..." then "    2. In the event ..." shows "2.", not a
// paragraph of item 1 (trial27d: tos-trustar's 4.2 quoted as §4.1). Less
// indented, m stays within the item o's list is nested in (parent: "   2."
// after "      1." under "   1." is the outer list's).
func indentSibling(o openClause, parent *openClause, m marker, key string) bool {
	if o.indent == 0 || m.indent == 0 || o.key == key || !o.item {
		return false
	}
	_, oStyle, ok1 := strings.Cut(o.key, "|")
	_, mStyle, ok2 := strings.Cut(key, "|")
	if !ok1 || !ok2 || oStyle != mStyle || !strings.HasPrefix(o.key, "i") || !strings.HasPrefix(key, "i") {
		return false
	}
	if m.indent < o.indent && parent != nil && parent.item && m.indent < contentColumn(*parent) {
		return false
	}
	return m.indent-o.indent <= 3 && o.indent-m.indent <= 3 && m.indent < contentColumn(o)
}

// contentColumn is where a numbered list item's text starts: "1. " then
// the text.
func contentColumn(o openClause) int {
	return o.indent + len(strconv.Itoa(o.written)) + 2
}

// openAt is the open clause at stack index j, nil when none.
func (s *splitter) openAt(j int) *openClause {
	if j < 0 || j >= len(s.stack) {
		return nil
	}
	return &s.stack[j]
}

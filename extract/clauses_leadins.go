package extract

import (
	"strings"
	"unicode/utf8"
)

// closeLeadParagraph closes a PDF's bold lead-in clause ("Scope. This
// addendum applies to ...", see typesetLead) before a top-level number
// that follows its paragraph's full stop ("1. Definitions. ..."): the
// lead-in titles one paragraph before the body, and the numbered sections
// after it are the body's, not its sub-clauses (with the lead-in's
// clause, its text, running to the end of the document). A lead-in whose
// paragraph ends in a colon ("Security. The Provider shall:") keeps the
// list it introduces.
func (s *splitter) closeLeadParagraph(m marker, i int) {
	if m.kind != kNum || len(m.path) > 1 || m.indent > 0 || len(s.stack) == 0 {
		return
	}
	top := s.stack[len(s.stack)-1]
	info := s.headInfo[top.clause]
	if !top.unnum || info == nil || s.lines[info.line].typeLead == "" {
		return
	}
	p := s.prevNonBlank(i)
	if p < info.line || !strings.HasSuffix(strings.TrimSpace(s.lines[p].text), ".") {
		return
	}
	s.pop(i)
}

// listedLead reports whether the PDF's bold lead-in on line i stands after
// a list marker ("• Access: Only named staff may ...") under an open
// heading of the document's own (a typeset or written heading, not
// another lead-in): it is one item of that heading's list, text as a
// Markdown list item's bold lead-in is ("- **Access:** ..."), so the
// same words give the same clauses in a PDF and in text, and a finding
// cites the heading the list stands under. A lead-in list with no
// heading above it (the preamble's, or lead-ins only) still opens
// clauses. Only a label ending in a colon ("Access:") is an item's: a
// run-in title ending in a full stop ("• Updates. We may ...") titles a
// sub-clause of its own, as a numbered one would.
func (s *splitter) listedLead(i int) bool {
	t := strings.TrimSpace(s.lines[i].text)
	r, _ := utf8.DecodeRuneInString(t)
	if t == "" || !strings.ContainsRune(markerGlyphs, r) || len(s.stack) == 0 {
		return false
	}
	item := strings.TrimLeft(t, markerGlyphs+" ")
	if !strings.HasPrefix(item, s.lines[i].typeLead) || !strings.HasPrefix(strings.TrimSpace(item[len(s.lines[i].typeLead):]), ":") {
		return false // a run-in title ("• Updates. We may ..."): a sub-clause of its own
	}
	top := s.stack[len(s.stack)-1]
	info := s.headInfo[top.clause]
	return top.unnum && info != nil && s.lines[info.line].typeLead == ""
}

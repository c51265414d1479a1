package extract

import "strings"

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

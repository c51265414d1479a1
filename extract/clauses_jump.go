package extract

import "strings"

// Section jumps: a contract excerpt or a template with articles left out
// goes from "ARTICLE 6" to "ARTICLE 14" (or "6." to "14. DISPUTE
// RESOLUTION"). successor and gapSection allow three numbers at most, so a
// longer jump folded the section, and every later one, into the last
// clause before it. A jump of any length is a section when the heading
// confirms itself: a designated or heading-styled number (sectionHead)
// at the top level, after a section with sub-clauses or a heading of its
// own, followed at once by its own first sub-clause (14.1).

// maxSectionJump bounds how far a confirmed section may skip.
const maxSectionJump = 40

// jumpSection reports whether marker m is a section that skips more
// numbers after the open section o than successor allows, confirmed by
// its first sub-clause "N.1" among the next three non-blank lines.
func (s *splitter) jumpSection(m marker, o openClause) bool {
	if len(m.path) > 1 || m.numHead > 0 || len(o.path) != 1 || m.ord <= o.ord+1 || m.ord > o.ord+maxSectionJump {
		return false
	}
	if !m.strong && !sectionHead(m) || s.continuesLine(s.line) {
		return false
	}
	if _, child := s.byID[o.id+".1"]; !s.sections[o.clause] && !child {
		return false
	}
	for i := s.line + 1; i < len(s.lines) && i <= s.line+3; i++ {
		if strings.TrimSpace(s.lines[i].text) == "" {
			continue
		}
		n, ok := s.markerAt(i)
		return ok && len(n.path) == 2 && n.path[0] == m.ord && n.path[1] == 1
	}
	return false
}

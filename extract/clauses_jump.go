package extract

import (
	"strconv"
	"strings"
)

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

// jumpParent reports whether dotted marker m ("8.1 Governing Law:") opens
// section N more numbers after the open section prev than gapParent
// allows, as a ToS read from a PDF whose middle sections lost their
// numbers has it ("4.2", then headings "Limitation of Liability" ...
// "General Provisions" standing for sections 5-7, then "8.1"): m is the
// first sub-clause with a short title at a line's start, an unnumbered
// heading line stands between it and the last marker, and its sibling
// N.2 follows within the next lines.
func (s *splitter) jumpParent(m marker, prev int) bool {
	if len(m.path) != 2 || m.path[1] != 1 || m.path[0] <= prev+3 || m.path[0] > prev+maxSectionJump || s.used[strconv.Itoa(m.path[0])] {
		return false
	}
	title, _, ok := strings.Cut(strings.TrimSpace(m.rest), ":")
	if !ok || !shortTitle(title) || s.continuesLine(s.line) && !shortTitle(s.prevText(s.line)) {
		return false
	}
	heads := 0
	for i := s.line - 1; i >= 0 && i >= s.line-200; i-- {
		if _, ok := s.markerAt(i); ok {
			break
		}
		if t := strings.TrimSpace(s.lines[i].text); shortTitle(t) {
			heads++
		}
	}
	if heads == 0 {
		return false
	}
	for i := s.line + 1; i < len(s.lines) && i <= s.line+12; i++ {
		if n, ok := s.markerAt(i); ok && len(n.path) >= 1 {
			return len(n.path) == 2 && n.path[0] == m.path[0] && n.path[1] == 2
		}
	}
	return false
}

// prevText is the text of the last non-blank line before line i.
func (s *splitter) prevText(i int) string {
	for i--; i >= 0; i-- {
		if t := strings.TrimSpace(s.lines[i].text); t != "" {
			return t
		}
	}
	return ""
}

package extract

import "strings"

// frontList finds a numbered list of steps or notes that opens a document
// before its body: a template's "How to set up an agreement" / "1. Review
// the agreement ..." / ... / "6. Send to your counterparty for signature.",
// or a cover letter's numbered points, when the body's own numbering then
// restarts at 1. Read as clauses, the list takes numbers 1 to 6, the
// body's "1. Services" restarts onto used IDs and its sections are lost
// under the list's last item. It returns the lines of the list's items,
// which stay text of the preamble, or nil.
//
// The rule asks for what sets such a list apart from a body whose
// sections are one-line clauses: the list is the main body's first
// numbering, two to twelve items numbered 1, 2, 3 ... in one style, each a
// sentence of three words or more with its full stop ("Remove this first
// page.", not "Definitions"), set close together (at most maxFrontGap non-blank lines
// between two items), with no sub-clause of any kind; and the numbering
// that follows restarts at 1 on a section title ("1. Services &
// Restrictions") whose next number is its first sub-clause, 1.1, with no
// part heading ("PART A", "Schedule 1") between the list and the restart.
// (preambleList reads the parties' list, whose items are names.)
func (s *splitter) frontList() map[int]bool {
	if !s.main {
		return nil
	}
	var items []int
	var key string
	restart := false
	for i := range s.lines {
		if i < len(s.toc) && s.toc[i] {
			continue
		}
		m, ok := s.markerAt(i)
		if !ok {
			continue
		}
		if restart {
			if m.kind == kNum && len(m.path) == 2 && m.path[0] == 1 && m.path[1] == 1 {
				skip := map[int]bool{}
				for _, j := range items {
					skip[j] = true
				}
				return skip
			}
			return nil
		}
		top := m.kind == kNum && len(m.path) <= 1 && !m.strong && m.numHead == 0 && m.indent == 0
		if !top {
			return nil // a sub-clause, or a list of another kind: not a list of notes
		}
		title := m.mdLevel > 0 || isAllCaps(m.rest) || shortTitle(strings.TrimRight(m.rest, ".:"))
		switch {
		case items == nil:
			if m.ord != 1 || !frontItem(s.itemText(i, m.rest)) {
				return nil
			}
			items, key = []int{i}, s.keyOf(m, kNum)
		case m.ord == len(items)+1 && s.keyOf(m, kNum) == key && frontItem(s.itemText(i, m.rest)) && s.closeTo(items[len(items)-1], i):
			if len(items) == maxFrontItems {
				return nil
			}
			items = append(items, i)
		case m.ord == 1 && len(items) >= 2 && title && !s.partBetween(items[len(items)-1], i):
			restart = true
		default:
			return nil
		}
	}
	return nil
}

const (
	maxFrontItems = 12
	maxFrontGap   = 3 // non-blank lines between two items (a wrapped item)
)

// frontItem: an item that reads as a sentence (it ends with a full stop
// and has a verb-sized run of words), not a title.
func frontItem(rest string) bool {
	rest = strings.TrimSpace(stripInline(rest))
	return len(strings.Fields(rest)) >= 3 && strings.HasSuffix(rest, ".")
}

// itemText is an item's text: rest and the lines it wraps onto until its
// full stop (up to maxFrontGap of them, before a blank line or the next
// marker).
func (s *splitter) itemText(i int, rest string) string {
	t := rest
	for j := i + 1; j < len(s.lines) && j <= i+maxFrontGap && !strings.HasSuffix(strings.TrimSpace(t), "."); j++ {
		l := strings.TrimSpace(s.lines[j].text)
		if l == "" {
			break
		}
		if _, ok := s.markerAt(j); ok {
			break
		}
		t += " " + l
	}
	return t
}

// partBetween: a part heading ("PART A – GENERAL TERMS", "Schedule 1")
// stands between lines a and b; the numbering restarts under it, and
// the numbers before it are the body's.
func (s *splitter) partBetween(a, b int) bool {
	md := !s.paginated
	for j := a + 1; j < b; j++ {
		if _, _, ok := parsePart(s.lines[j].text, md); ok {
			return true
		}
		if _, _, ok := letteredPart(s.lines, j, md); ok {
			return true
		}
	}
	return false
}

// closeTo: at most maxFrontGap non-blank lines, none of them a heading,
// stand between lines a and b.
func (s *splitter) closeTo(a, b int) bool {
	n := 0
	for j := a + 1; j < b; j++ {
		l := s.lines[j]
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		if n++; n > maxFrontGap || l.typeLevel > 0 || mdHeadingRe.MatchString(l.text) {
			return false
		}
	}
	return true
}

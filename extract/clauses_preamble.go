package extract

import "strings"

// preambleList finds the numbered list that opens some agreements before
// their body, the parties ("Between:" / "1) Provider" / "2) Customer",
// "Parties:" / "1. Client: Acme Ltd" / "2. Supplier: Beta plc"), when the
// body's own numbering then restarts at 1 ("## 1. Purpose", "1. Service
// Levels:"). Read as clauses, the list would take numbers 1 and 2 and the
// body's sections 1 and 2 would be lost in it. It returns the lines of the
// list's items, which stay text of the preamble, or nil.
//
// The list is the document's first numbering, a lead-in of a few words
// ending in a colon introduces it, it has two to four items of a few words
// each (names, not terms), and the next top-level number after it is a 1
// that reads as a section title.
func (s *splitter) preambleList() map[int]bool {
	var items []int
	var key string
	for i := range s.lines {
		if i < len(s.toc) && s.toc[i] {
			continue
		}
		m, ok := s.markerAt(i)
		if !ok {
			continue
		}
		top := m.kind == kNum && len(m.path) <= 1 && !m.strong && m.numHead == 0 && m.indent == 0
		if items == nil {
			p := s.prevNonBlank(i)
			if !top || m.ord != 1 || m.mdLevel > 0 || p < 0 || !listLeadIn(s.lines[p].text) || !partyItem(m.rest) {
				return nil
			}
			items, key = []int{i}, s.keyOf(m, kNum)
			continue
		}
		switch {
		case !top:
			if m.kind == kNum {
				return nil // a dotted number: the body has begun
			}
		case m.ord == len(items)+1 && s.keyOf(m, kNum) == key && partyItem(m.rest):
			items = append(items, i)
		case m.ord == 1 && len(items) >= 2 && len(items) <= 4 && (m.mdLevel > 0 || isAllCaps(m.rest) || shortTitle(strings.TrimRight(m.rest, ".:"))):
			skip := map[int]bool{}
			for _, j := range items {
				skip[j] = true
			}
			return skip
		default:
			return nil
		}
	}
	return nil
}

// listLeadIn: a line of one to four words ending in a colon ("Between:",
// "Parties:", "The parties:").
func listLeadIn(t string) bool {
	t = strings.TrimSpace(stripInline(t))
	return strings.HasSuffix(t, ":") && len(strings.Fields(t)) <= 4
}

// partyItem: an item of a few words with no sentence ("Provider",
// "Client: Acme Security Ltd").
func partyItem(rest string) bool {
	rest = strings.TrimSpace(stripInline(rest))
	return rest != "" && len(strings.Fields(rest)) <= 8 && !strings.ContainsAny(strings.TrimRight(rest, "."), ".;")
}

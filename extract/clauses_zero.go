package extract

// Numbering that starts at 0: some terms number their opening section "0."
// ("0. Initial Agreement", then "1. Purpose", "2. Payment"), and the
// section is cited as "0". A "0." at the margin with a title opens such a
// section when no numbered clause is open and the next number at the
// margin is "1.".

// zeroFirst reports whether m, read on line s.line, is the "0." that
// opens numbering starting at 0 (see above); e is the end of the region
// the marker may nest in.
func (s *splitter) zeroFirst(m marker, e int) bool {
	if m.kind != kNum || m.ord != 0 || len(m.path) != 1 || m.indent > 0 || m.strong || m.zero ||
		m.rest == "" || !shortTitle(m.rest) || !s.noNumbered(e) {
		return false
	}
	for j := s.line + 1; j < len(s.lines); j++ {
		n, ok := s.markerAt(j)
		if !ok || n.kind != kNum || len(n.path) != 1 || n.indent > 0 {
			continue
		}
		return n.ord == 1
	}
	return false
}

package extract

// Implied parents: "5.2.1" and "5.2.2" printed under "5." with no "5.2"
// line of their own (the parent's number is left out, its title being the
// first sub-clause's). The splitter places 5.2.1 where 5.2 would stand;
// the next sub-clause of 5 ("5.3") then follows that implied 5.2.

// impliedSibling reports, for dotted marker m whose parent is open at
// stack index j, whether the clause above it (stack index j+1) is deeper
// than m under a number the text never printed (5.2.1 under the open 5,
// no 5.2), and if so whether m follows that implied number (5.3, or with
// the gaps gapSibling allows). found is false when the clause at j+1 is
// not such a clause.
func (s *splitter) impliedSibling(m marker, j int) (found, ok bool) {
	d := len(m.path)
	if j+1 >= len(s.stack) {
		return false, false
	}
	o := s.stack[j+1]
	if len(o.path) <= d || !equalInts(o.path[:d-1], m.path[:d-1]) {
		return false, false
	}
	implied := o.path[d-1]
	last := m.path[d-1]
	return true, last == implied+1 || s.gapSibling(m, implied)
}

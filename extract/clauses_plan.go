package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Planning: where a marker goes in the open clauses, and its ID.

func (s *splitter) plan(m marker) (plan, bool) {
	if m.under != "" && !s.underLetter(m.under) {
		return plan{}, false // "A.1." with no section A open
	}
	if m.kind == kNum && len(m.path) > 1 {
		return s.planDotted(m)
	}
	if m.numHead > 0 {
		return s.planNumHead(m)
	}
	e := s.regionEnd(m)
	if s.restartList(m, e) {
		p := s.finish(m, kNum, 1, e)
		p.key = s.keyOf(m, kNum) + restartMark
		return p, true
	}
	kinds := []mkind{m.kind}
	if m.altRoman > 0 {
		switch m.kind {
		case kUpper:
			kinds = append(kinds, kRUpper)
		case kLower:
			kinds = append(kinds, kRLower)
		case kPLower:
			kinds = append(kinds, kPRoman)
		}
	}
	// A sibling of an open clause? A style already open in the region
	// cannot start a nested list of the same style (without indentation
	// "1." under "A." under "2." is ambiguous: rejected).
	blocked := map[mkind]bool{}
	for _, k := range kinds {
		ord := m.ord
		if k != m.kind {
			ord = m.altRoman
		}
		key := s.keyOf(m, k)
		for j := e - 1; j >= 0; j-- {
			o := s.stack[j]
			if k == kNum && o.key == key+restartMark {
				if s.restartSibling(m, o, j) {
					p := s.finish(m, k, ord, j)
					p.key = o.key
					return p, true
				}
				continue
			}
			if k == m.kind && !s.paginated && indentSibling(o, s.openAt(j-1), m, key) && successor(o, ord, m.strong) {
				p := s.finish(m, k, ord, j)
				p.key = o.key // its siblings continue the list
				return p, true
			}
			if o.key == key {
				if successor(o, ord, m.strong) || k == kNum && m.capsHead && len(m.path) <= 1 && ord > o.ord && ord <= o.ord+2 ||
					k == kNum && (s.gapSection(m, o) || s.jumpSection(m, o) || s.autoSibling(m, o)) {
					return s.finish(m, k, ord, j), true
				}
				if k == m.kind && s.lazySibling(o, m) {
					return s.finish(m, k, o.ord+1, j), true
				}
				blocked[k] = true
				break
			}
			if m.mdLevel == 0 && o.mdLevel > 0 {
				break // siblings never cross a heading
			}
		}
	}
	// The first child of the innermost clause in the region.
	for _, k := range kinds {
		ord := m.ord
		if k != m.kind {
			ord = m.altRoman
		}
		if blocked[k] {
			continue
		}
		zero := k == kNum && s.zeroFirst(m, e)
		if ord == 1 || zero || (m.strong && len(s.clauses) == 0) || (m.strong && s.noNumbered(e)) || k == m.kind && s.continuedList(m, e) {
			if e == 0 && k == kNum && ord != 1 && !m.strong && !zero {
				continue
			}
			if k == kNum && ord == 1 && m.capsHead && e > 0 && len(s.stack[e-1].path) >= 2 {
				// "1. DEFINITIONS" after a stray "8.1 Fee Schedule" is a
				// section, not item 8.1.1.
				return s.finish(m, k, ord, s.headBase(e)), true
			}
			if k == kNum && ord == 1 && (s.paginated || m.indent == 0 && (sectionHead(m) || shortTitle(strings.TrimRight(m.rest, ".:")))) && s.onlyRecitals(e) {
				// "1." after recitals "A. The City desires..." starts the
				// numbered body; it is not item C.1, nor part of a
				// "RECITALS" heading above them. In Markdown only a
				// section's title at the margin ("1. Definitions."): a
				// sentence may be an item of the lettered paragraph.
				return s.finish(m, k, ord, s.mdBase(e)), true
			}
			return s.finish(m, k, ord, e), true
		}
	}
	// The next number of the other style (bold or plain) of the same kind.
	for _, k := range kinds {
		ord := m.ord
		if k != m.kind {
			ord = m.altRoman
		}
		alt := altKey(s.keyOf(m, k))
		if alt == "" {
			continue
		}
		for j := e - 1; j >= 0; j-- {
			o := s.stack[j]
			if o.key == alt && successor(o, ord, m.strong) {
				return s.finish(m, k, ord, j), true
			}
			if m.mdLevel == 0 && o.mdLevel > 0 {
				break
			}
		}
	}
	return plan{}, false
}

// continuedList reports whether a parenthesised letter after (a) ("(e)")
// opens the list of the clause it stands in because the document numbers
// one list across sections, as word processors do ("12." with items
// (a)-(d), then "13." with (e)-(l)): it is the first of at least three
// consecutive letters at line starts before the next number (nested roman
// items between them aside; "(i)" after "(h)" is the letter, see plan),
// and the clause holds no earlier letter of the run in its own text (an
// inline "(a)" on the heading's line starts the list there).
func (s *splitter) continuedList(m marker, e int) bool {
	if m.kind != kPLower && m.kind != kPUpper || m.ord < 2 || e == 0 || m.chain || m.numHead > 0 {
		return false
	}
	key := s.keyOf(m, m.kind)
	want := m.ord + 1
	for i := s.line + 1; i < len(s.lines) && i <= s.line+200 && want < m.ord+3; i++ {
		if i < len(s.toc) && s.toc[i] {
			continue
		}
		n, ok := s.markerAt(i)
		switch {
		case !ok:
		case n.kind == kNum || n.mdLevel > 0 || n.numHead > 0:
			return false
		case n.kind != m.kind || s.keyOf(n, n.kind) != key:
			// A nested item of another style: "(1)", "(ii)".
		case n.ord == want:
			want++
		case n.altRoman == 0:
			return false
		}
	}
	if want < m.ord+3 {
		return false
	}
	open := lowerParenRe
	if m.kind == kPUpper {
		open = upperParenRe
	}
	for i := s.starts[s.stack[e-1].clause]; i < s.line; i++ {
		for _, g := range open.FindAllStringSubmatch(s.lines[i].text, -1) {
			if l := g[1]; !strings.ContainsAny(l, "ivxIVX") && int(unicode.ToLower(rune(l[0]))-'a') < m.ord-1 {
				return false
			}
		}
	}
	return true
}

// lowerParenRe, upperParenRe: a parenthesised letter anywhere in a line.
var (
	lowerParenRe = lazyre.New(`\(([a-z])\)`)
	upperParenRe = lazyre.New(`\(([A-Z])\)`)
)

// onlyRecitals reports whether the first e open clauses are lettered
// paragraphs without headings (recitals), under which numbered sections do
// not nest.
func (s *splitter) onlyRecitals(e int) bool {
	if e == 0 {
		return false
	}
	n := 0
	for _, o := range s.stack[:e] {
		if o.unnum {
			continue
		}
		if (o.kind != kUpper && o.kind != kRUpper) || o.mdLevel > 0 || s.clauses[o.clause].Heading != "" {
			return false
		}
		n++
	}
	return n > 0
}

func successor(o openClause, ord int, strong bool) bool {
	if strong || o.strong {
		return ord > o.ord && ord <= o.ord+3
	}
	return ord == o.ord+1
}

// shortTitle: a heading line of a few words without a sentence
// ("Contractual order control"), which may follow a sibling one number
// further on when the text layer lost or moved a heading.
func shortTitle(rest string) bool {
	rest = strings.TrimSpace(rest)
	return rest != "" && startsUpper(rest) && len(strings.Fields(rest)) <= 6 && !strings.ContainsAny(rest, ".;,")
}

// capsLead reports whether a heading starts with an all-caps title of two
// words or more ("INCLUDED SERVICES IN THE VIP SYSTEM. It is agreed"),
// on the marker's line or, for a marker alone, on the next line.
func capsLead(rest string, lines []srcLine, i int) bool {
	rest = strings.TrimSpace(rest)
	for j := i + 1; rest == "" && j < len(lines) && j <= i+2; j++ {
		rest = strings.TrimSpace(lines[j].text)
	}
	rest = strings.Trim(rest, "*_")
	if k := strings.IndexAny(rest, ".:;"); k >= 0 {
		rest = rest[:k]
	}
	return len(strings.Fields(rest)) >= 2 && isAllCaps(rest)
}

// finish builds the plan for a marker placed at stack index cut. The ID
// follows the nearest numbered clause above it: unnumbered headings are
// transparent, unless their numbering restarts (see planPrefixed), when
// their ID and a space prefix the number.
func (s *splitter) finish(m marker, k mkind, ord, cut int) plan {
	p := plan{cut: cut, kind: k, ord: ord}
	parent, pfx := s.idBase(cut)
	p.pfx = pfx
	if parent != nil {
		p.pfx = parent.pfx
	}
	switch k {
	case kNum:
		n := strconv.Itoa(ord)
		if m.strong {
			n = m.label
		}
		switch {
		case parent == nil:
			p.id = pfx + n
			if m.under != "" && pfx == "" {
				// "J.1" in a document titled "ANNEX J" (underLetter): cited
				// as written, its dotted sub-clauses J.1.1.
				p.id, p.pfx = m.under+"."+n, m.under+"."
			}
			// "ARTICLE III" holds "Section 3.1": its path is [3] however written.
			p.path = []int{ord}
		case parent.path != nil && !m.strong:
			p.id = parent.id + "." + n
			p.path = append(append([]int(nil), parent.path...), ord)
		case m.strong:
			p.id = parent.pfx + n
			if isDigits(m.label) {
				p.path = []int{ord}
			}
		case parent.kind == kUpper || parent.kind == kRUpper:
			// "3. Services" under "A. Customer Terms" is A.3; its dotted
			// sub-clauses ("3.1) Platform.") are A.3.1, A.3.2.
			p.id = parent.id + "." + n
			p.path = []int{ord}
			p.pfx = parent.id + "."
		default:
			p.id = parent.id + "." + n
		}
	case kUpper, kRUpper:
		if parent == nil {
			p.id = pfx + m.label
		} else {
			p.id = parent.id + "(" + m.label + ")"
		}
	case kLower, kRLower, kPLower, kPUpper, kPRoman, kPNum:
		switch {
		case parent != nil:
			p.id = parent.id + "(" + m.label + ")"
		case cut > 0 && s.stack[cut-1].unnum:
			// Items directly under a heading with no number above:
			// `"Insurance"(i)`.
			p.id = s.stack[cut-1].id + "(" + m.label + ")"
		case k.paren():
			p.id = pfx + "(" + m.label + ")"
		default:
			p.id = pfx + m.label
		}
	}
	return p
}

// idBase is what a clause placed at stack index cut builds its ID on: the
// nearest numbered clause above it, or nil and the prefix of an unnumbered
// heading whose numbering restarts ("" when none).
func (s *splitter) idBase(cut int) (*openClause, string) {
	for j := cut - 1; j >= 0; j-- {
		o := &s.stack[j]
		if !o.unnum {
			return o, ""
		}
		if o.prefix {
			return nil, o.id + " "
		}
	}
	return nil, ""
}

// pfxAt is the ID prefix of a clause placed at stack index cut.
func (s *splitter) pfxAt(cut int) string {
	parent, pfx := s.idBase(cut)
	if parent != nil {
		return parent.pfx
	}
	return pfx
}

// noNumbered reports whether no numbered clause is open below stack index e.
func (s *splitter) noNumbered(e int) bool {
	for _, o := range s.stack[:e] {
		if !o.unnum {
			return false
		}
	}
	return true
}

// headBase is the stack index just above the innermost unnumbered heading
// below e (0 when there is none): a clause that must not nest under the
// numbered clauses there still stays under the heading.
func (s *splitter) headBase(e int) int {
	for j := e - 1; j >= 0; j-- {
		if s.stack[j].unnum {
			return j + 1
		}
	}
	return 0
}

// mdBase is the stack index just above the innermost Markdown heading
// below e (0 when there is none).
func (s *splitter) mdBase(e int) int {
	for j := e - 1; j >= 0; j-- {
		if s.stack[j].mdLevel > 0 {
			return j + 1
		}
	}
	return 0
}

// planDotted places an explicit multi-level number such as 6.2 or 1.1.2.
// A lower-case one (see lowerDotted) goes only directly under its parent,
// as its first sub-clause or the next one.
func (s *splitter) planDotted(m marker) (plan, bool) {
	p, ok := s.planDottedAny(m)
	if ok && m.lower {
		prefix := m.path[:len(m.path)-1]
		if p.cut == 0 || !equalInts(s.stack[p.cut-1].path, prefix) {
			return plan{}, false
		}
	}
	return p, ok
}

func (s *splitter) planDottedAny(m marker) (plan, bool) {
	d := len(m.path)
	prefix := m.path[:d-1]
	last := m.path[d-1]
	mk := func(cut int) plan {
		pfx := s.pfxAt(cut)
		return plan{cut: cut, kind: kNum, ord: last, id: pfx + m.label, path: m.path, pfx: pfx}
	}
	e := s.regionEnd(m)
	for j := e - 1; j >= 0; j-- {
		o := s.stack[j]
		if o.path != nil && equalInts(o.path, prefix) {
			if j+1 < len(s.stack) && len(s.stack[j+1].path) == d && equalInts(s.stack[j+1].path[:d-1], prefix) {
				if last == s.stack[j+1].ord+1 || m.strongDotted && last > s.stack[j+1].ord ||
					last == s.stack[j+1].ord+2 && shortTitle(m.rest) && !s.used[m.label] || s.gapSibling(m, s.stack[j+1].ord) {
					return mk(j + 1), true
				}
				return plan{}, false
			}
			if found, ok := s.impliedSibling(m, j); found {
				if ok {
					return mk(j + 1), true
				}
				return plan{}, false
			}
			if last <= 1 || m.strongDotted {
				return mk(j + 1), true
			}
			if j+1 < len(s.stack) && s.stack[j+1].unnum && (m.mdLevel > 0 || m.bold) && !s.used[m.label] {
				// "#### 2.3 Prohibited uses" after a sub-heading of 2 that
				// closed 2.2 ("#### 2.2 : Limitation of use", no number to
				// the splitter): a heading under its parent.
				return mk(j + 1), true
			}
			return plan{}, false
		}
	}
	// No open parent: a sibling at the same depth, or a new implicit parent.
	for j := e - 1; j >= 0; j-- {
		o := s.stack[j]
		if o.path == nil {
			continue
		}
		switch {
		case len(o.path) == d && equalInts(o.path[:d-2], prefix[:d-2]):
			if d == 2 && s.jumpParent(m, o.path[0]) {
				// Section 8 opened by "8.1" after "4.2": 4 is closed.
				if j > 0 && equalInts(s.stack[j-1].path, o.path[:1]) {
					return mk(j - 1), true
				}
				return mk(j), true
			}
			if (o.path[d-2]+1 == prefix[d-2] || s.gapParent(m, o.path[d-2])) && last <= 1 {
				return mk(j), true
			}
			if equalInts(o.path[:d-1], prefix) && (last == o.ord+1 || s.gapSibling(m, o.ord)) {
				return mk(j), true
			}
			return plan{}, false
		case len(o.path) == d-1 && equalInts(o.path[:d-2], prefix[:d-2]):
			if (o.path[d-2]+1 == prefix[d-2] || s.gapParent(m, o.path[d-2])) && last <= 1 {
				return mk(j), true
			}
			return plan{}, false
		case len(o.path) < d-1:
			// An outer level whose children are not at this depth yet.
			if last <= 1 {
				return mk(j + 1), true
			}
			return plan{}, false
		}
	}
	// A Markdown heading's number opens its section where nothing numbered
	// is open, whatever the number: an excerpt or a document that starts
	// at "## 4.8 Audit Rights" cites it as 4.8, not as its preamble.
	if (last <= 1 || m.mdLevel > 0) && (len(s.clauses) == 0 || s.noNumbered(e)) {
		return mk(e), true
	}
	return plan{}, false
}

// gapSibling reports whether dotted marker m may follow its open sibling
// numbered prev with one or two numbers missing, as a clause deleted from
// a redlined contract leaves them (10.8, then 10.10): the number is
// printed at a clause's start, before a heading or a sentence (a capital),
// on a line of its own (not a cross-reference wrapped onto the line, "10.9
// of the Master Agreement", nor a line continuing a sentence), and no
// clause holds it yet.
func (s *splitter) gapSibling(m marker, prev int) bool {
	last := m.path[len(m.path)-1]
	if last < prev+2 || last > prev+3 || s.used[m.label] {
		return false
	}
	if m.mdLevel > 0 || m.bold {
		return true
	}
	return startsUpper(m.rest) && !s.continuesLine(s.line)
}

// gapParent reports whether the first sub-clause m (4.1) may open under a
// section one or two numbers after prev (2) whose own number was lost or
// deleted: the parent number was never used and m is printed at a clause
// start (see gapSibling).
func (s *splitter) gapParent(m marker, prev int) bool {
	d := len(m.path)
	p := m.path[d-2]
	if p < prev+2 || p > prev+3 || s.used[strconv.Itoa(p)] {
		return false
	}
	return m.mdLevel > 0 || m.bold || startsUpper(m.rest) && !s.continuesLine(s.line)
}

// gapSection reports whether the single number m may follow the open
// section o with one or two numbers missing (a section deleted from a
// redlined contract: 2, then 4): o is a section (a heading, or holding
// dotted sub-clauses) and m a section heading, or a short title whose
// first sub-clause follows it ("4. Fees", then "4.1").
func (s *splitter) gapSection(m marker, o openClause) bool {
	if len(m.path) > 1 || m.strong || m.numHead > 0 || len(o.path) != 1 || m.ord < o.ord+2 || m.ord > o.ord+3 {
		return false
	}
	if _, child := s.byID[o.id+".1"]; !s.sections[o.clause] && !child {
		return false
	}
	if sectionHead(m) {
		return true
	}
	if !shortTitle(m.rest) || s.continuesLine(s.line) {
		return false
	}
	for i := s.line + 1; i < len(s.lines) && i <= s.line+3; i++ {
		t := strings.TrimSpace(s.lines[i].text)
		if t == "" {
			continue
		}
		n, ok := s.markerAt(i)
		return ok && len(n.path) == 2 && n.path[0] == m.ord && n.path[1] == 1
	}
	return false
}

// continuesLine reports whether line i may continue the sentence of the
// line before it: that line holds text ending in neither a full stop nor a
// colon (nor other closing punctuation), as a sentence wrapped in a PDF
// does.
func (s *splitter) continuesLine(i int) bool {
	if i <= 0 || i > len(s.lines) {
		return false
	}
	prev := strings.TrimRight(s.lines[i-1].text, " \t*_")
	if prev == "" {
		return false
	}
	// "...; and", "...; or": an item ending before the last one.
	for _, w := range []string{" and", " or"} {
		if t := strings.TrimSuffix(prev, w); t != prev && (strings.HasSuffix(t, ";") || strings.HasSuffix(t, ",")) {
			return false
		}
	}
	r, _ := utf8.DecodeLastRuneInString(prev)
	return !strings.ContainsRune(".:;!?)]\"'”", r)
}

// planNumHead places "8(b)": a parenthesised item under clause 8.
//
// "8.8.f" (see dottedItemRe) is item f under clause 8.8; its number names
// its clause, so letters may be skipped ("8.14.a" then "8.14.c").
func (s *splitter) planNumHead(m marker) (plan, bool) {
	head := m.headPath
	if head == nil {
		head = []int{m.numHead}
	}
	explicit := len(head) > 1
	for j := len(s.stack) - 1; j >= 0; j-- {
		o := s.stack[j]
		if !slices.Equal(o.path, head) {
			continue
		}
		kinds := []mkind{m.kind}
		if m.altRoman > 0 {
			kinds = append(kinds, kPRoman)
		}
		for _, k := range kinds {
			ord := m.ord
			if k != m.kind {
				ord = m.altRoman
			}
			key := s.keyOf(m, k)
			if j+1 < len(s.stack) && s.stack[j+1].key == key {
				if ord == s.stack[j+1].ord+1 || explicit && ord > s.stack[j+1].ord {
					return plan{cut: j + 1, kind: k, ord: ord, id: o.id + "(" + m.label + ")", pfx: o.pfx}, true
				}
				continue
			}
			if ord == 1 || explicit && ord > 0 && k == m.kind {
				return plan{cut: j + 1, kind: k, ord: ord, id: o.id + "(" + m.label + ")", pfx: o.pfx}, true
			}
		}
		return plan{}, false
	}
	return plan{}, false
}

// sectionHead reports whether a marker numbers a section heading rather
// than a list item: a Markdown heading ("## 2. Services"), "3.0 Term", a
// number with an all-caps title at the margin ("2. SCOPE OF SERVICES") or
// a bold number ("**6. Backups**").
func sectionHead(m marker) bool {
	if m.kind != kNum || len(m.path) > 1 || m.numHead > 0 || m.strong {
		return false
	}
	return m.mdLevel > 0 || m.zero || m.bold || m.indent == 0 && (m.capsHead || capsTitle(m.rest))
}

// sectionLike reports whether a section heading may open where no open
// numbering continues (see planSection): a Markdown heading or "N.0" with
// any number; "N." with an all-caps title only as the first numbered
// section (1 or 2, after an unnumbered first section), so that a wrapped
// line such as "12 MONTHS PRECEDING THE CLAIM" never opens one.
func sectionLike(m marker) bool {
	if !sectionHead(m) || m.ord < 1 {
		return false
	}
	return m.mdLevel > 0 || m.zero || !m.bare && !m.bold && m.indent == 0 && m.ord <= 2 && (m.capsHead || capsTitle(m.rest))
}

// planSection places a section-like number that continues no open
// numbering: the sections of a document whose first section is an
// unnumbered heading with a list of its own ("DEFINITIONS" above the
// definitions 1-26, then "2. SCOPE OF SERVICES"; "### Definitions" then
// "### 2.0 Applicability"). The section opens beside the unnumbered
// heading that holds the list, closing both. Where one of the list's items
// took its ID, the heading is noted in collided: the second pass prefixes
// that list with the heading (`"DEFINITIONS" 2`) and the section keeps
// its number.
func (s *splitter) planSection(m marker) (plan, bool) {
	cut := s.regionEnd(m)
	for cut > 0 && !s.stack[cut-1].unnum {
		cut--
	}
	if cut > 0 && m.mdLevel == 0 && s.stack[cut-1].rank >= rankCaps {
		cut--
	}
	p := s.finish(m, kNum, m.ord, cut)
	if p.id == "" {
		return plan{}, false
	}
	if s.used[p.id] {
		s.noteCollision(p.id)
		return plan{}, false
	}
	return p, true
}

// noteCollision notes the unnumbered heading above the list item that
// holds id, unless id is a section of its own (a true repeat).
func (s *splitter) noteCollision(id string) {
	ci, ok := s.byID[id]
	if !ok || s.sections[ci] {
		return
	}
	for p := s.clauses[ci].Parent; p != ""; {
		k, ok := s.byID[p]
		if !ok {
			return
		}
		if info := s.headInfo[k]; info != nil {
			if s.collided == nil {
				s.collided = map[int]bool{}
			}
			s.collided[info.line] = true
			return
		}
		p = s.clauses[k].Parent
	}
}

// listItem reports whether a marker is a numbered Markdown list item
// ("1. Encrypt the data."), not a heading.
func (s *splitter) listItem(m marker) bool {
	return !s.paginated && m.kind == kNum && len(m.path) <= 1 && m.mdLevel == 0 && !m.strong && !m.bare && !sectionHead(m)
}

// lazySibling reports whether list item m repeats the number of the open
// item o of the same list ("1." "1." "1."): a browser numbers the items of
// a Markdown list from its first number on, whatever the others say, so
// the item is o's successor. Items of one list are separated only by blank
// lines, indented lines and lines continuing a paragraph; a paragraph at
// the margin ends the list, and a "1." after it starts another.
func (s *splitter) lazySibling(o openClause, m marker) bool {
	if !o.item || !s.listItem(m) || m.ord != o.written || o.clause >= len(s.starts) {
		return false
	}
	// Backwards from the item, so that the paragraph ending a list is
	// found after a few lines.
	for i := min(s.line, len(s.lines)) - 1; i > s.starts[o.clause]; i-- {
		t := s.lines[i].text
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, " ") || strings.HasPrefix(t, "\t") {
			continue
		}
		if strings.TrimSpace(s.lines[i-1].text) == "" {
			return false
		}
	}
	return true
}

// closeIndented ends the indented Markdown list items a paragraph less
// indented than their marker closes: after a blank line, such a paragraph
// ends the list ("    (iii) These terms." then "To the extent possible
// ..." at the margin), and its text is the clause's the list is in, not
// the last item's.
func (s *splitter) closeIndented(i int) {
	if s.paginated || i == 0 || strings.TrimSpace(s.lines[i-1].text) != "" {
		return
	}
	t := s.lines[i].text
	rest := strings.TrimLeft(t, " ")
	if rest == "" {
		return
	}
	indent := len(t) - len(rest)
	for len(s.stack) > 0 {
		top := s.stack[len(s.stack)-1]
		if top.indent == 0 || top.indent <= indent || top.mdLevel > 0 || top.unnum {
			return
		}
		s.pop(i)
	}
}

// underLetter says the innermost open lettered section is the one a
// number is written with ("A.1." under "A. Services"), or, with no
// lettered section open, that the document's title names a part of that
// letter ("ANNEX J - INFORMATION SECURITY" over "J.1 Scope.": the
// document is the annex its numbers are written with).
func (s *splitter) underLetter(letter string) bool {
	for j := len(s.stack) - 1; j >= 0; j-- {
		if o := s.stack[j]; o.kind == kUpper || o.kind == kRUpper {
			return o.id == letter || strings.HasSuffix(o.id, " "+letter) || strings.HasSuffix(o.id, "("+letter+")")
		}
	}
	if s.title >= 0 && s.title < len(s.lines) {
		id, _, ok := parsePart(s.lines[s.title].text, true)
		return ok && strings.HasSuffix(id, " "+letter)
	}
	return false
}

package extract

import (
	"strconv"
	"strings"
)

// SplitClauses splits an agreement into clauses on the document's own
// numbering. pages are the cleaned pages (see NormalizeText); paginated
// says whether page numbers mean anything (false for Markdown and text,
// whose clauses then carry no Pages).
//
// Recognised numbering, at the start of a line: "1." / "1)" / "1 TITLE",
// "1.1", "1.1.2", "8(b)", "(a)", "(iv)", "(1)", "(A)", "a.", "A.", "IV.",
// "Clause 8", "Section 12.4", "Article 28", "ARTICLE IV"; any of these
// inside a Markdown heading ("## 1.3 Account Security", "### B. Account
// Terms") or bold ("**1.3 Account Security.**"), and Markdown list items
// ("1. **Heading.** text"), whose nesting follows their indentation.
//
// IDs are what a lawyer would cite: "6", "6.2", "8(b)", "12.4", "28", "IV",
// "A"; numbers under a lettered section become "B.3", numbered list items
// nested under "1" become "1.1", letters and romans under a clause become
// "2.1(a)", "5(A)", "8(b)(iv)". Text before the first clause is the clause
// "preamble". A clause's Text runs to the next clause at the same or a
// higher level, so it includes its sub-clauses, which also appear as clauses
// of their own with Parent set.
//
// A number at a line start only opens a clause when it looks like a
// heading (an uppercase word or a title follows; letters and parenthesised
// items may start lowercase) and the numbering is plausible: the next
// sibling of an open clause (previous+1; "Section/Article/Clause N" may skip
// up to two numbers), or the first child (1, a, i, A) of the clause it nests
// in. Wrapped lines such as "72 hours", dates, amounts and decimals are
// rejected by one of the two tests; an ID already used is never reused.
//
// "3.0 Term" is section "3" (its items are 3.1, 3.2); an ARTICLE written in
// roman numerals holds the dotted sections of its number ("ARTICLE III" >
// "Section 3.1" gives "3.1"). Numbered sections after lettered recitals
// without headings ("A. The City desires ...") are top-level, not "C.1";
// a number at the margin never nests under a lowercase "a." item. A number
// followed by an all-caps title ("4. INCLUDED SERVICES") or written "N.0"
// may skip two numbers, and a dotted sibling with a short title one, where
// the text layer lost a heading.
//
// Parts. Exhibits, schedules, annexes, appendices, attachments and addenda
// ("EXHIBIT D – SECURITY", "Schedule 2: Fees", "Annex I(B)") that start
// after the first clause are top-level clauses with IDs "Exhibit D",
// "Schedule 2", "Annex I(B)" (keyword in title case, label as written);
// numbering restarts inside them and their clauses are prefixed with the
// part ID and a space: "Exhibit D 3.1", parent "Exhibit D 3", whose parent
// is "Exhibit D". A part named twice (a list of exhibits, then the exhibit)
// starts at its last heading; a heading followed by another part heading or
// by the body's next number is a mention, not a part. In Markdown (and
// DOCX, whose unnumbered heading paragraphs come as "#" headings) an
// unnumbered heading after which the numbering restarts at 1 is a part too,
// with its text as ID ("Service Level Agreement 1.1").
//
// Tables of contents are skipped: lines ending in dot leaders and a page
// number, blocks of three or more titles ending in page numbers, blocks of
// numbered headings without text whose numbers and titles recur later, the
// wrapped entries between them and the lists of schedules and exhibits
// that follow them.
//
// Inline enumerations. Lists inside a clause's own text ("Customer will
// not: (i) ...; (ii) ...") of at least two items starting at (a), (A), (1)
// or (i) become child clauses "2.1(a)(i)", "2.1(a)(ii)" (no heading; text
// from the mark to the next item), so that citations such as "§2.1(a)(v)"
// resolve; a mark glued to a number ("Section 8.1(a)") is a reference and
// not an item. Lettered lists are read before roman ones, so "(i)" after
// "(h)" is a letter, and a list ends at the next item of its enclosing list.
//
// A Markdown or text document with no numbering at all is split on its
// Markdown headings instead, with the heading text as ID.
func SplitClauses(pages []Page, paginated bool) []Clause {
	var lines []srcLine
	for _, p := range pages {
		for _, t := range strings.Split(p.Text, "\n") {
			lines = append(lines, srcLine{text: t, page: p.Number})
		}
	}
	md := !paginated
	toc := tocLines(lines, md)
	parts := findParts(lines, toc, md)
	if len(parts) == 0 {
		return splitSegment(lines, toc, paginated, true)
	}
	var out []Clause
	used := map[string]bool{}
	add := func(c Clause) {
		if used[c.ID] {
			return
		}
		used[c.ID] = true
		out = append(out, c)
	}
	for _, c := range splitSegment(lines[:parts[0].line], toc[:parts[0].line], paginated, false) {
		add(c)
	}
	for k, pt := range parts {
		end := len(lines)
		if k+1 < len(parts) {
			end = parts[k+1].line
		}
		id := pt.id
		for n := 2; used[id]; n++ {
			id = pt.id + " (" + strconv.Itoa(n) + ")"
		}
		s := &splitter{lines: lines, paginated: paginated}
		add(Clause{ID: id, Heading: pt.heading, Text: s.textOf(pt.line, end), Pages: s.pagesOf(pt.line, end)})
		for _, c := range splitSegment(lines[pt.line+1:end], toc[pt.line+1:end], paginated, false) {
			if c.ID == "preamble" {
				continue
			}
			c.ID = id + " " + c.ID
			if c.Parent == "" {
				c.Parent = id
			} else {
				c.Parent = id + " " + c.Parent
			}
			add(c)
		}
	}
	return out
}

// splitSegment splits one run of lines (the main body, or the body of an
// exhibit or other part) on its numbering; fallback allows the split on
// Markdown headings for unnumbered text.
func splitSegment(lines []srcLine, toc []bool, paginated, fallback bool) []Clause {
	s := &splitter{lines: lines, toc: toc, paginated: paginated, used: map[string]bool{}}
	s.run()
	if fallback && len(s.clauses) <= 1 {
		if !paginated {
			if hs := s.headingClauses(); len(hs) > 0 {
				return hs
			}
		}
		if hs := s.plainHeadingClauses(); len(hs) > 0 {
			return hs
		}
	}
	return s.withInline()
}

type srcLine struct {
	text string
	page int
}

type openClause struct {
	key     string
	kind    mkind
	ord     int
	path    []int // numeric path when the ID is purely numeric
	id      string
	clause  int
	mdLevel int
	strong  bool
}

type splitter struct {
	lines     []srcLine
	toc       []bool // lines of a table of contents: never clause starts
	paginated bool
	stack     []openClause
	clauses   []Clause
	starts    []int // first line of each clause
	ends      []int // line after the last line of each clause (-1 while open)
	used      map[string]bool
}

func (s *splitter) run() {
	first := -1
	for i, l := range s.lines {
		if i < len(s.toc) && s.toc[i] {
			continue
		}
		m, ok := parseMarker(l.text, !s.paginated)
		if !ok {
			continue
		}
		if m.rest == "" && !nextStartsUpper(s.lines, i, m.kind) {
			continue
		}
		m.capsHead = m.capsHead || m.kind == kNum && capsLead(m.rest, s.lines, i)
		if !s.accept(m, i) {
			continue
		}
		if first < 0 {
			first = i
		}
	}
	for len(s.stack) > 0 {
		s.pop(len(s.lines))
	}
	// Preamble.
	end := first
	if end < 0 {
		end = len(s.lines)
	}
	var pre []Clause
	if text := s.textOf(0, end); text != "" {
		pre = []Clause{{ID: "preamble", Text: text, Pages: s.pagesOf(0, end)}}
	}
	for i := range s.clauses {
		s.clauses[i].Text = s.textOf(s.starts[i], s.ends[i])
		s.clauses[i].Pages = s.pagesOf(s.starts[i], s.ends[i])
	}
	s.clauses = append(pre, s.clauses...)
}

func (s *splitter) pop(at int) {
	top := s.stack[len(s.stack)-1]
	s.ends[top.clause] = at
	s.stack = s.stack[:len(s.stack)-1]
}

func (s *splitter) textOf(from, to int) string {
	var b strings.Builder
	for i := from; i < to; i++ {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s.lines[i].text)
	}
	return strings.TrimSpace(b.String())
}

func (s *splitter) pagesOf(from, to int) []int {
	if !s.paginated {
		return nil
	}
	var out []int
	for i := from; i < to; i++ {
		if strings.TrimSpace(s.lines[i].text) == "" {
			continue
		}
		p := s.lines[i].page
		if len(out) == 0 || out[len(out)-1] != p {
			out = append(out, p)
		}
	}
	return out
}

func (s *splitter) keyOf(m marker, kind mkind) string {
	name := kind.name()
	if kind == kNum && len(m.path) > 1 {
		return "d" + strconv.Itoa(len(m.path))
	}
	switch {
	case m.mdLevel > 0:
		return "h" + strconv.Itoa(m.mdLevel) + "|" + name
	case m.indent > 0 && !s.paginated:
		return "i" + strconv.Itoa(m.indent) + "|" + name
	}
	return name
}

// regionEnd is how much of the stack a marker may attach to: a heading
// closes all non-heading clauses and deeper headings; a non-parenthesised
// marker never nests under a parenthesised item.
func (s *splitter) regionEnd(m marker) int {
	e := len(s.stack)
	if m.mdLevel > 0 {
		for e > 0 && (s.stack[e-1].mdLevel == 0 || s.stack[e-1].mdLevel > m.mdLevel) {
			e--
		}
		return e
	}
	if !m.kind.paren() {
		for e > 0 && s.stack[e-1].kind.paren() && s.stack[e-1].mdLevel == 0 {
			e--
		}
	}
	// A number at the margin never nests under a lowercase "a." item.
	if m.kind == kNum && m.indent == 0 {
		for e > 0 && (s.stack[e-1].kind == kLower || s.stack[e-1].kind == kRLower) && s.stack[e-1].mdLevel == 0 {
			e--
		}
	}
	return e
}

// plan says where a marker goes: cut is the stack length to keep, the new
// clause's parent is stack[cut-1].
type plan struct {
	cut  int
	kind mkind
	ord  int
	id   string
	path []int
}

func (s *splitter) accept(m marker, line int) bool {
	p, ok := s.plan(m)
	if !ok || p.id == "" || s.used[p.id] {
		return false
	}
	for len(s.stack) > p.cut {
		s.pop(line)
	}
	parent := ""
	if p.cut > 0 {
		parent = s.stack[p.cut-1].id
	}
	c := Clause{ID: p.id, Heading: headingOf(m, s.lines, line), Parent: parent}
	s.clauses = append(s.clauses, c)
	s.starts = append(s.starts, line)
	s.ends = append(s.ends, -1)
	s.used[p.id] = true
	s.stack = append(s.stack, openClause{
		key: s.keyOf(m, p.kind), kind: p.kind, ord: p.ord, path: p.path, id: p.id,
		clause: len(s.clauses) - 1, mdLevel: m.mdLevel, strong: m.strong,
	})
	return true
}

func (s *splitter) plan(m marker) (plan, bool) {
	if m.kind == kNum && len(m.path) > 1 {
		return s.planDotted(m)
	}
	if m.numHead > 0 {
		return s.planNumHead(m)
	}
	e := s.regionEnd(m)
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
			if o.key == key {
				if successor(o, ord, m.strong) || k == kNum && m.capsHead && len(m.path) <= 1 && ord > o.ord && ord <= o.ord+2 {
					return s.finish(m, k, ord, j), true
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
		if ord == 1 || (m.strong && len(s.clauses) == 0) || (m.strong && e == 0) {
			if e == 0 && k == kNum && ord != 1 && !m.strong {
				continue
			}
			if k == kNum && ord == 1 && m.capsHead && e > 0 && len(s.stack[e-1].path) >= 2 {
				// "1. DEFINITIONS" after a stray "8.1 Fee Schedule" is a
				// section, not item 8.1.1.
				return s.finish(m, k, ord, 0), true
			}
			if k == kNum && ord == 1 && s.paginated && s.onlyRecitals(e) {
				// "1." after recitals "A. The City desires..." starts the
				// numbered body; it is not item C.1.
				return s.finish(m, k, ord, 0), true
			}
			return s.finish(m, k, ord, e), true
		}
	}
	return plan{}, false
}

// onlyRecitals reports whether the first e open clauses are lettered
// paragraphs without headings (recitals), under which numbered sections do
// not nest.
func (s *splitter) onlyRecitals(e int) bool {
	if e == 0 {
		return false
	}
	for _, o := range s.stack[:e] {
		if (o.kind != kUpper && o.kind != kRUpper) || o.mdLevel > 0 || s.clauses[o.clause].Heading != "" {
			return false
		}
	}
	return true
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

// finish builds the plan for a marker placed at stack index cut.
func (s *splitter) finish(m marker, k mkind, ord, cut int) plan {
	p := plan{cut: cut, kind: k, ord: ord}
	var parent *openClause
	if cut > 0 {
		parent = &s.stack[cut-1]
	}
	switch k {
	case kNum:
		n := strconv.Itoa(ord)
		if m.strong {
			n = m.label
		}
		switch {
		case parent == nil:
			p.id = n
			// "ARTICLE III" holds "Section 3.1": its path is [3] however written.
			p.path = []int{ord}
		case parent.path != nil && !m.strong:
			p.id = parent.id + "." + n
			p.path = append(append([]int(nil), parent.path...), ord)
		case m.strong:
			p.id = n
			if isDigits(m.label) {
				p.path = []int{ord}
			}
		default:
			p.id = parent.id + "." + n
		}
	case kUpper, kRUpper:
		if parent == nil {
			p.id = m.label
		} else {
			p.id = parent.id + "(" + m.label + ")"
		}
	case kLower, kRLower, kPLower, kPUpper, kPRoman, kPNum:
		if parent == nil {
			if k.paren() {
				p.id = "(" + m.label + ")"
			} else {
				p.id = m.label
			}
		} else {
			p.id = parent.id + "(" + m.label + ")"
		}
	}
	return p
}

// planDotted places an explicit multi-level number such as 6.2 or 1.1.2.
func (s *splitter) planDotted(m marker) (plan, bool) {
	d := len(m.path)
	prefix := m.path[:d-1]
	last := m.path[d-1]
	mk := func(cut int) plan {
		return plan{cut: cut, kind: kNum, ord: last, id: m.label, path: m.path}
	}
	e := s.regionEnd(m)
	for j := e - 1; j >= 0; j-- {
		o := s.stack[j]
		if o.path != nil && equalInts(o.path, prefix) {
			if j+1 < len(s.stack) && len(s.stack[j+1].path) == d && equalInts(s.stack[j+1].path[:d-1], prefix) {
				if last == s.stack[j+1].ord+1 || m.strongDotted && last > s.stack[j+1].ord ||
					last == s.stack[j+1].ord+2 && shortTitle(m.rest) && !s.used[m.label] {
					return mk(j + 1), true
				}
				return plan{}, false
			}
			if last <= 1 || m.strongDotted {
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
			if o.path[d-2]+1 == prefix[d-2] && last <= 1 {
				return mk(j), true
			}
			if equalInts(o.path[:d-1], prefix) && last == o.ord+1 {
				return mk(j), true
			}
			return plan{}, false
		case len(o.path) == d-1 && equalInts(o.path[:d-2], prefix[:d-2]):
			if o.path[d-2]+1 == prefix[d-2] && last <= 1 {
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
	if last <= 1 && len(s.clauses) == 0 {
		return mk(e), true
	}
	if last <= 1 && e == 0 {
		return mk(0), true
	}
	return plan{}, false
}

// planNumHead places "8(b)": a parenthesised item under clause 8.
func (s *splitter) planNumHead(m marker) (plan, bool) {
	for j := len(s.stack) - 1; j >= 0; j-- {
		o := s.stack[j]
		if len(o.path) != 1 || o.path[0] != m.numHead {
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
				if ord == s.stack[j+1].ord+1 {
					return plan{cut: j + 1, kind: k, ord: ord, id: o.id + "(" + m.label + ")"}, true
				}
				continue
			}
			if ord == 1 {
				return plan{cut: j + 1, kind: k, ord: ord, id: o.id + "(" + m.label + ")"}, true
			}
		}
		return plan{}, false
	}
	return plan{}, false
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

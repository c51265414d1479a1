package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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

// plainHeading reports whether line i is an unnumbered heading: a short
// line without closing punctuation that starts with a capital, stands
// after a blank line, a page start or a finished sentence, and is followed
// directly by body text ("Controller / processor relationship" then "For
// Enterprise license holders and ...").
func (s *splitter) plainHeading(i int) bool {
	t := strings.TrimSpace(s.lines[i].text)
	if len(t) < 3 || len(t) > 70 || len(strings.Fields(t)) > 8 || !startsUpper(t) ||
		strings.ContainsAny(t[len(t)-1:], ".,;:0123456789)") || strings.HasPrefix(t, "#") || strings.Contains(t, "|") {
		return false
	}
	if i > 0 && s.lines[i-1].page == s.lines[i].page {
		prev := strings.TrimSpace(s.lines[i-1].text)
		if prev != "" && !strings.HasSuffix(prev, ".") {
			return false
		}
	}
	if i+1 >= len(s.lines) {
		return false
	}
	next := strings.TrimSpace(s.lines[i+1].text)
	return len(next) >= 30 && !isAllCaps(next)
}

// plainHeadingClauses splits a document without numbering on its
// unnumbered headings (see plainHeading); the ID is the heading text.
func (s *splitter) plainHeadingClauses() []Clause {
	var hs []int
	for i := range s.lines {
		if i < len(s.toc) && s.toc[i] {
			continue
		}
		if s.plainHeading(i) {
			hs = append(hs, i)
		}
	}
	if len(hs) == 0 {
		return nil
	}
	var out []Clause
	if text := s.textOf(0, hs[0]); text != "" {
		out = append(out, Clause{ID: "preamble", Text: text, Pages: s.pagesOf(0, hs[0])})
	}
	used := map[string]bool{"preamble": true}
	for k, h := range hs {
		end := len(s.lines)
		if k+1 < len(hs) {
			end = hs[k+1]
		}
		head := cleanHeading(s.lines[h].text)
		id := head
		for n := 2; used[id]; n++ {
			id = head + " (" + strconv.Itoa(n) + ")"
		}
		used[id] = true
		out = append(out, Clause{ID: id, Heading: head, Text: s.textOf(h, end), Pages: s.pagesOf(h, end)})
	}
	return out
}

type srcLine struct {
	text string
	page int
}

// mkind is the numbering style of a marker.
type mkind int

const (
	kNum    mkind = iota // 1.  1)  1 TITLE  Section 5  and dotted 1.2.3
	kUpper               // A.
	kLower               // a.
	kRUpper              // IV.
	kRLower              // iv.
	kPLower              // (a)
	kPUpper              // (A)
	kPRoman              // (iv)
	kPNum                // (1)
)

func (k mkind) paren() bool { return k >= kPLower }

func (k mkind) name() string {
	return [...]string{"num", "upper", "lower", "rupper", "rlower", "(a)", "(A)", "(i)", "(1)"}[k]
}

type marker struct {
	kind         mkind
	path         []int  // kNum: the numbers; len>1 for dotted
	ord          int    // ordinal value (last number, letter index, roman value)
	label        string // as written: "12.4", "b", "IV"
	strong       bool   // Section/Article/Clause prefix
	numHead      int    // N of "N(b)", else 0
	mdLevel      int
	indent       int
	rest         string // text after the marker on the line
	bold         bool
	strongDotted bool // "Section 12.4": may skip numbers
	altRoman     int  // for letters that also read as roman numerals (i, v, x...): roman value
	capsHead     bool // an all-caps title follows ("4. INCLUDED SERVICES."): may skip a number
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

var (
	mdHeadingRe = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	strongRe    = regexp.MustCompile(`^(?i:(section|article|clause|sec\.|art\.))\s+(\d{1,3}(?:\.\d{1,3}){0,3}|[IVXLCivxlc]{1,7})\b\.?(.*)$`)
	numHeadRe   = regexp.MustCompile(`^(\d{1,3})\(([a-z]{1,4}|[A-Z]{1,4})\)(?:\s+|$)(.*)$`)
	dottedRe    = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3}){1,3})\.?(?:\s+|$)(.*)$`)
	numDotRe    = regexp.MustCompile(`^(\d{1,3})[.)](?:\s+|$)(.*)$`)
	numBareRe   = regexp.MustCompile(`^(\d{1,3})\s+(.*)$`)
	letterRe    = regexp.MustCompile(`^([A-Za-z]|[IVXLCivxlc]{2,7})[.)](?:\s+|$)(.*)$`)
	parenRe     = regexp.MustCompile(`^\(([a-z]{1,5}|[A-Z]{1,5}|\d{1,3})\)(?:\s+|$)(.*)$`)
)

// parseMarker reads the numbering at the start of a line, if any.
func parseMarker(raw string, md bool) (marker, bool) {
	var m marker
	t := strings.TrimLeft(raw, " ")
	if md {
		m.indent = len(raw) - len(t)
	}
	if t == "" {
		return m, false
	}
	if md {
		if g := mdHeadingRe.FindStringSubmatch(t); g != nil && m.indent < 4 {
			m.mdLevel = len(g[1])
			m.indent = 0
			t = g[2]
		}
	}
	for _, p := range []string{"**", "__"} {
		if strings.HasPrefix(t, p) {
			t = strings.TrimLeft(t[len(p):], " ")
			m.bold = true
			break
		}
	}
	if g := strongRe.FindStringSubmatch(t); g != nil {
		m.kind = kNum
		m.strong = true
		m.label = g[2]
		m.rest = strings.TrimLeft(g[3], " ")
		if isDigits(g[2]) {
			m.path = []int{atoi(g[2])}
			m.ord = m.path[0]
		} else if strings.Contains(g[2], ".") {
			m.path = parsePath(g[2])
			m.ord = m.path[len(m.path)-1]
			m.strong = false // explicit dotted: handled by depth
			m.strongDotted = true
			m.label = g[2]
		} else {
			v := romanValue(g[2])
			if v == 0 {
				return m, false
			}
			m.ord = v
			m.label = g[2]
		}
		m.rest = strings.TrimLeft(strings.TrimLeft(m.rest, ".:-–—"), " ")
		if m.rest != "" && !startsUpper(m.rest) {
			return m, false
		}
		return m, true
	}
	if g := numHeadRe.FindStringSubmatch(t); g != nil {
		m.numHead = atoi(g[1])
		m.label = g[2]
		m.rest = g[3]
		setLetterKind(&m, g[2], true)
		return m, m.ord > 0 || m.altRoman > 0
	}
	if g := dottedRe.FindStringSubmatch(t); g != nil {
		m.kind = kNum
		m.path = parsePath(g[1])
		m.ord = m.path[len(m.path)-1]
		m.label = g[1]
		m.rest = g[2]
		if len(m.path) == 2 && m.path[1] == 0 && m.path[0] > 0 {
			// "3.0 Term and Termination" is section 3, whose items are 3.1, 3.2.
			m.path = m.path[:1]
			m.ord = m.path[0]
			m.label = strconv.Itoa(m.ord)
			m.capsHead = true // an explicit section heading: may skip a number
		}
		return m, m.rest == "" || startsUpper(m.rest)
	}
	if g := numDotRe.FindStringSubmatch(t); g != nil {
		m.kind = kNum
		m.ord = atoi(g[1])
		m.path = []int{m.ord}
		m.label = g[1]
		m.rest = g[2]
		return m, m.rest == "" || startsUpper(m.rest)
	}
	if g := numBareRe.FindStringSubmatch(t); g != nil && (m.mdLevel > 0 || m.bold || looksLikeTitle(g[2])) {
		m.kind = kNum
		m.ord = atoi(g[1])
		m.path = []int{m.ord}
		m.label = g[1]
		m.rest = g[2]
		return m, startsUpper(m.rest)
	}
	if g := letterRe.FindStringSubmatch(t); g != nil {
		m.label = g[1]
		m.rest = g[2]
		// "i)" and "a)" are the parenthesised styles written half-open.
		setLetterKind(&m, g[1], t[len(g[1])] == ')')
		if m.ord == 0 && m.altRoman == 0 {
			return m, false
		}
		if m.kind == kUpper || m.kind == kRUpper || m.kind == kPUpper {
			return m, m.rest == "" || startsUpper(m.rest)
		}
		return m, m.rest == "" || startsLetter(m.rest)
	}
	if g := parenRe.FindStringSubmatch(t); g != nil {
		m.label = g[1]
		m.rest = g[2]
		if isDigits(g[1]) {
			m.kind = kPNum
			m.ord = atoi(g[1])
		} else {
			setLetterKind(&m, g[1], true)
		}
		if m.ord == 0 && m.altRoman == 0 {
			return m, false
		}
		return m, m.rest == "" || startsLetter(m.rest) || strings.HasPrefix(m.rest, "(") || startsUpper(m.rest)
	}
	return m, false
}

// setLetterKind classifies a letter label: a single letter (which may also
// be a roman numeral) or a multi-letter roman numeral.
func setLetterKind(m *marker, label string, paren bool) {
	upper := label == strings.ToUpper(label)
	if utf8.RuneCountInString(label) == 1 {
		r := rune(label[0])
		if upper {
			m.kind = kUpper
			m.ord = int(r-'A') + 1
		} else {
			m.kind = kLower
			m.ord = int(r-'a') + 1
		}
		if paren {
			if upper {
				m.kind = kPUpper
			} else {
				m.kind = kPLower
			}
		}
		if v := romanValue(label); v > 0 && !(paren && upper) {
			m.altRoman = v
		}
		return
	}
	v := romanValue(label)
	if v == 0 {
		return
	}
	switch {
	case paren && !upper:
		m.kind = kPRoman
	case paren:
		m.kind = kPUpper // (II): treat as an upper sequence by value
	case upper:
		m.kind = kRUpper
	default:
		m.kind = kRLower
	}
	m.ord = v
}

func romanValue(s string) int {
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100}
	s = strings.ToLower(s)
	total := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || toRoman(total) != s {
		return 0
	}
	return total
}

func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

func parsePath(s string) []int {
	parts := strings.Split(s, ".")
	out := make([]int, len(parts))
	for i, p := range parts {
		out[i] = atoi(p)
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// stripLead removes Markdown emphasis, quotes and brackets from the start.
func stripLead(s string) string {
	return strings.TrimLeft(s, "*_\"'`[“‘ ")
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(stripLead(s))
	return unicode.IsUpper(r)
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(stripLead(s))
	return unicode.IsLetter(r)
}

// looksLikeTitle: a short heading after a bare number ("6 INCIDENT
// NOTIFICATION", "1 Definitions"), not a wrapped sentence ("72 hours").
func looksLikeTitle(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 || !startsUpper(s) {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 10 {
		return false
	}
	if i := strings.Index(s, ". "); i >= 0 {
		return false
	}
	if isAllCaps(s) {
		return true
	}
	caps, long := 0, 0
	for _, w := range words {
		w = stripLead(w)
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if startsUpper(w) {
			caps++
		}
	}
	return long > 0 && caps*2 >= long
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// nextStartsUpper: for a marker alone on its line, the next non-blank line
// must begin like a heading or item.
func nextStartsUpper(lines []srcLine, i int, k mkind) bool {
	for j := i + 1; j < len(lines) && j <= i+3; j++ {
		t := strings.TrimSpace(lines[j].text)
		if t == "" {
			continue
		}
		if k.paren() || k == kLower || k == kRLower {
			return startsLetter(t)
		}
		return startsUpper(t)
	}
	return false
}

// headingOf is the short title after the number, where there is one.
func headingOf(m marker, lines []srcLine, i int) string {
	rest := strings.TrimSpace(m.rest)
	if rest == "" {
		// The title may be on the next line ("1.\nPURPOSE").
		for j := i + 1; j < len(lines) && j <= i+2; j++ {
			t := strings.TrimSpace(lines[j].text)
			if t == "" {
				continue
			}
			if looksLikeTitle(strings.TrimRight(t, ".:")) {
				return cleanHeading(t)
			}
			break
		}
		return ""
	}
	if m.bold {
		if k := strings.Index(rest, "**"); k >= 0 {
			return cleanHeading(rest[:k])
		}
		if k := strings.Index(rest, "__"); k >= 0 {
			return cleanHeading(rest[:k])
		}
	}
	for _, p := range []string{"**", "__"} {
		if strings.HasPrefix(rest, p) {
			if k := strings.Index(rest[2:], p); k > 0 {
				return cleanHeading(rest[2 : 2+k])
			}
		}
	}
	if m.mdLevel > 0 {
		return cleanHeading(rest)
	}
	if isAllCaps(strings.TrimRight(rest, ".:")) && len(rest) <= 100 {
		h := strings.TrimRight(rest, ".: ")
		// An all-caps title wrapped onto the next line.
		if i+1 < len(lines) {
			n := strings.TrimSpace(lines[i+1].text)
			if n != "" && isAllCaps(n) && len(strings.Fields(n)) <= 6 && !strings.HasSuffix(h, ".") {
				if _, isMarker := parseMarker(n, false); !isMarker {
					h += " " + strings.TrimRight(n, ".: ")
				}
			}
		}
		return cleanHeading(h)
	}
	// "Access and Use.  During the ..." / "Title: text"
	if k := strings.IndexAny(rest, ".:"); k > 0 {
		cand := rest[:k]
		if looksLikeTitle(cand) && len(strings.Fields(cand)) <= 8 {
			return cleanHeading(cand)
		}
	} else if looksLikeTitle(rest) {
		return cleanHeading(rest)
	}
	return ""
}

func cleanHeading(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "*_`")
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ".:;")
	s = strings.Trim(s, "\"'“”‘’")
	s = strings.Trim(s, "*_")
	return strings.TrimSpace(s)
}

// headingClauses splits a document without numbering on its Markdown
// headings; the ID is the heading text.
func (s *splitter) headingClauses() []Clause {
	type h struct {
		line, level int
		text        string
	}
	var hs []h
	for i, l := range s.lines {
		t := strings.TrimLeft(l.text, " ")
		if len(l.text)-len(t) >= 4 {
			continue
		}
		if g := mdHeadingRe.FindStringSubmatch(t); g != nil {
			txt := cleanHeading(g[2])
			if txt != "" {
				hs = append(hs, h{i, len(g[1]), txt})
			}
		}
	}
	if len(hs) == 0 {
		return nil
	}
	var out []Clause
	if text := s.textOf(0, hs[0].line); text != "" {
		out = append(out, Clause{ID: "preamble", Text: text})
	}
	used := map[string]bool{}
	for k, x := range hs {
		end := len(s.lines)
		for _, y := range hs[k+1:] {
			if y.level <= x.level {
				end = y.line
				break
			}
		}
		parent := ""
		for p := k - 1; p >= 0; p-- {
			if hs[p].level < x.level {
				parent = hs[p].text
				break
			}
		}
		id := x.text
		for n := 2; used[id]; n++ {
			id = x.text + " (" + strconv.Itoa(n) + ")"
		}
		used[id] = true
		out = append(out, Clause{ID: id, Heading: x.text, Text: s.textOf(x.line, end), Parent: parent})
	}
	return out
}

// ---- parts: exhibits, schedules, annexes, appendices ----

// part is a top-level unit with its own numbering, e.g. "Exhibit D".
type part struct {
	line    int
	id      string
	heading string
}

var (
	partRe     = regexp.MustCompile(`^(?i:(exhibit|schedule|annex|appendix|attachment|addendum))\s+([A-Z](?:-?\d{1,2})?|\d{1,2}|[IVX]{1,5})(\([A-Za-z0-9]{1,3}\))?(?:$|([\s\-–—:.,;(].*)$)`)
	partSepRe  = regexp.MustCompile(`^\s*[-–—:.]\s*`)
	partTitles = map[string]string{"exhibit": "Exhibit", "schedule": "Schedule", "annex": "Annex",
		"appendix": "Appendix", "attachment": "Attachment", "addendum": "Addendum"}
)

// parsePart reads an exhibit-style heading ("EXHIBIT D – SECURITY",
// "## Schedule 2: Fees", "Annex I(B)") and returns its ID ("Exhibit D",
// "Schedule 2", "Annex I(B)") and title. A mention in running text
// ("Exhibit A attached hereto", "Exhibit B, the Vendor") is not a heading.
func parsePart(raw string, md bool) (id, heading string, ok bool) {
	t := strings.TrimSpace(raw)
	if md {
		if g := mdHeadingRe.FindStringSubmatch(t); g != nil {
			t = g[2]
		}
	}
	t = strings.TrimSpace(strings.Trim(t, "*_"))
	if t == "" || len(t) > 120 || !startsUpper(t) {
		return "", "", false
	}
	g := partRe.FindStringSubmatch(t)
	if g == nil {
		return "", "", false
	}
	rest := strings.TrimSpace(strings.Trim(g[4], "*_ "))
	switch {
	case rest == "":
	case partSepRe.MatchString(rest):
		rest = strings.TrimSpace(partSepRe.ReplaceAllString(rest, ""))
		if rest != "" && !(isAllCaps(rest) || looksLikeTitle(strings.TrimRight(rest, ".:"))) {
			return "", "", false
		}
	case strings.HasPrefix(rest, "("):
		// "Exhibit A (Security Measures)"
		if !looksLikeTitle(strings.Trim(rest, "()")) {
			return "", "", false
		}
	default:
		if !isAllCaps(rest) && !looksLikeTitle(rest) {
			return "", "", false
		}
	}
	kw := partTitles[strings.ToLower(g[1])]
	return kw + " " + g[2] + g[3], cleanHeading(rest), true
}

// findParts finds where exhibits and similar parts start. A part starts
// after the main body's first clause (an annex named on a cover page
// before the terms is not one), and where the same part is named several
// times (a list of exhibits, then the exhibit), the last heading wins.
//
// In Markdown (and DOCX, whose heading paragraphs come as Markdown
// headings) an unnumbered heading after which the numbering restarts at 1
// ("# Service Level Agreement" then "1. Uptime") also starts a part, with
// the heading text as its ID.
func findParts(lines []srcLine, toc []bool, md bool) []part {
	first := -1
	for i, l := range lines {
		if toc[i] {
			continue
		}
		if m, ok := parseMarker(l.text, md); ok && m.ord == 1 && m.numHead == 0 && (m.kind == kNum && len(m.path) <= 1 || m.kind == kUpper) {
			first = i
			break
		}
	}
	if first < 0 {
		return nil
	}
	last := map[string]int{}
	var parts []part
	for i := first + 1; i < len(lines); i++ {
		if toc[i] {
			continue
		}
		if id, h, ok := parsePart(lines[i].text, md); ok {
			if k, seen := last[id]; seen {
				parts[k].line = -1
			}
			last[id] = len(parts)
			parts = append(parts, part{line: i, id: id, heading: h})
			continue
		}
		if !md {
			continue
		}
		t := strings.TrimLeft(lines[i].text, " ")
		g := mdHeadingRe.FindStringSubmatch(t)
		if g == nil || len(lines[i].text)-len(t) >= 4 || len(g[1]) > 2 {
			continue
		}
		if _, isMarker := parseMarker(t, true); isMarker {
			continue
		}
		h := cleanHeading(g[2])
		if h == "" || len(h) > 80 {
			continue
		}
		// The next numbered line must restart at 1.
		for j, n := i+1, 0; j < len(lines) && n < 8; j++ {
			if strings.TrimSpace(lines[j].text) == "" {
				continue
			}
			n++
			if m, ok := parseMarker(lines[j].text, md); ok {
				if m.kind == kNum && m.ord == 1 && (len(m.path) == 1 || len(m.path) == 2 && m.path[0] == 1) {
					parts = append(parts, part{line: i, id: h, heading: h})
				}
				break
			}
		}
	}
	// A heading directly followed by another part heading is an entry in a
	// list of exhibits; one followed by the main body's next number (not a
	// restart) is a mention, not a part.
	out := parts[:0]
	for k, p := range parts {
		if p.line < 0 {
			continue
		}
		end := len(lines)
		if k+1 < len(parts) {
			end = parts[k+1].line
		}
		keep := true
		for j, n := p.line+1, 0; j < end && n < 40; j++ {
			if strings.TrimSpace(lines[j].text) == "" || toc[j] {
				continue
			}
			if n == 0 {
				if _, _, isPart := parsePart(lines[j].text, md); isPart {
					keep = false
					break
				}
			}
			n++
			if m, ok := parseMarker(lines[j].text, md); ok && m.kind == kNum && m.numHead == 0 && len(m.path) <= 1 {
				keep = m.ord == 1 || m.strong
				break
			}
		}
		if keep {
			out = append(out, p)
		}
	}
	return out
}

// ---- table of contents ----

var (
	tocLeaderRe = regexp.MustCompile(`(?:\.{4,}|…{2,}|(?:\. ){3,}\.?|_{4,}|-{4,})\s*(\d{1,3}|[ivxlcIVXLC]{1,6})\s*$`)
	tocTrailRe  = regexp.MustCompile(`^(.{2,90}?)\s+(\d{1,3})\s*$`)
	tocTitleRe  = regexp.MustCompile(`(?i)^\s*(#+\s*)?(\*\*)?(table of contents|contents|index)(\*\*)?\s*:?\s*$`)
)

// tocLines marks the lines of a table of contents: entries ending in dot
// leaders and a page number; blocks of three or more short title lines
// each ending in a page number; and blocks of three or more numbered
// headings without body text whose numbers and titles recur later (the
// same headings, this time with their text).
func tocLines(lines []srcLine, md bool) []bool {
	toc := make([]bool, len(lines))
	for i, l := range lines {
		if tocLeaderRe.MatchString(l.text) || tocTitleRe.MatchString(l.text) {
			toc[i] = true
		}
	}
	// Title + page number blocks.
	var block []int
	flush := func(minLen int) {
		if len(block) >= minLen {
			for _, k := range block {
				toc[k] = true
			}
		}
		block = block[:0]
	}
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if g := tocTrailRe.FindStringSubmatch(t); g != nil {
			title := g[1]
			if m, ok := parseMarker(title, md); ok {
				title = m.rest
			} else if _, h, ok := parsePart(title, md); ok {
				title = h
				if title == "" {
					title = "X"
				}
			}
			title = strings.TrimSpace(title)
			if title == "X" || isAllCaps(title) || looksLikeTitle(title) {
				block = append(block, i)
				continue
			}
		}
		flush(3)
	}
	flush(3)

	// Numbered headings without text that recur later.
	type ent struct {
		line int
		key  string
	}
	var run []ent
	keyOf := func(m marker) string {
		h := m.rest
		if k := strings.IndexAny(h, ".:"); k > 0 {
			h = h[:k]
		}
		w := strings.Fields(strings.ToLower(strings.Trim(cleanHeading(h), "*_")))
		if len(w) > 3 {
			w = w[:3]
		}
		return m.label + "|" + strings.Join(w, " ")
	}
	// lastAt is the last line where each marker key occurs.
	lastAt := map[string]int{}
	for j, l := range lines {
		if m, ok := parseMarker(l.text, md); ok {
			lastAt[keyOf(m)] = j
		}
	}
	check := func(end int) {
		if len(run) >= 3 {
			hit := 0
			for _, e := range run {
				if j, ok := lastAt[e.key]; ok && j >= end {
					hit++
				}
			}
			if hit*5 >= len(run)*3 {
				for _, e := range run {
					toc[e.line] = true
				}
			}
		}
		run = run[:0]
	}
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" || toc[i] {
			continue
		}
		m, ok := parseMarker(l.text, md)
		if ok && m.numHead == 0 && !m.kind.paren() && m.rest != "" && len(m.rest) <= 80 && !strings.Contains(m.rest, ". ") {
			k := keyOf(m)
			for _, e := range run {
				if e.key == k || strings.SplitN(e.key, "|", 2)[0] == m.label {
					check(i) // the same number again: the contents end here
					break
				}
			}
			run = append(run, ent{i, k})
			continue
		}
		check(i)
	}
	check(len(lines))

	// Wrapped entries between contents lines ("ARTICLE II TRANSFER ...;
	// REPRESENTATIONS AND" / "WARRANTIES") belong to the contents.
	fillGaps := func() {
		prevTOC := false
		for i, l := range lines {
			t := strings.TrimSpace(l.text)
			if t == "" {
				continue
			}
			if toc[i] {
				prevTOC = true
				continue
			}
			if prevTOC && len(t) <= 120 {
				for j, n := i+1, 0; j < len(lines) && n < 3; j++ {
					if strings.TrimSpace(lines[j].text) == "" {
						continue
					}
					n++
					if toc[j] {
						for x := i; x < j; x++ {
							toc[x] = true
						}
						break
					}
				}
			}
			prevTOC = toc[i]
		}
	}
	fillGaps()

	// The lists of schedules and exhibits that follow a contents block
	// ("Schedules", "4.2 Conversion Plan", "Exhibits", "A RDS Agreement")
	// belong to it: short lines without sentences, up to the first prose.
	for i := 0; i < len(lines); i++ {
		if !toc[i] {
			continue
		}
		j := i + 1
		for j < len(lines) && (toc[j] || strings.TrimSpace(lines[j].text) == "") {
			j++
		}
		k := j
		for ; k < len(lines); k++ {
			t := strings.TrimSpace(lines[k].text)
			if t == "" {
				continue
			}
			if len(t) > 60 || strings.Contains(t, ". ") || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ":") || strings.HasSuffix(t, ",") {
				break
			}
			if len(lines[k].text) > 0 && isAllCaps(t) && len(strings.Fields(t)) > 1 {
				if m, ok := parseMarker(t, md); !ok || m.rest == "" {
					break // a title such as "OUTSOURCING AGREEMENT" starts the body
				}
			}
		}
		if k > j {
			for x := j; x < k; x++ {
				toc[x] = true
			}
		}
		i = k
	}
	fillGaps()
	return toc
}

// ---- inline enumerations ----

// maxInlineToks bounds the work on one clause (the chains and parents are
// quadratic in the number of "(x)" marks); a clause with more is left whole.
const maxInlineToks = 400

// inlineTok is "(b)" or "(iv)" inside running text.
type inlineTok struct {
	line, off, end int // end: byte offset after ")"
	label          string
	letter, upper  int // ordinal as a lowercase / uppercase letter
	roman, num     int
	claimed        bool
	chainStart     int // index of the first token of the chain that claimed it
}

// inlineToks finds "(x)" markers preceded by a space, a line start or
// punctuation (so "Section 8.1(a)" is a reference, not an item).
func inlineToks(lines []srcLine, from, to int) []inlineTok {
	var out []inlineTok
	for li := from; li < to; li++ {
		t := lines[li].text
		for i := 0; i < len(t); i++ {
			if t[i] != '(' {
				continue
			}
			if i > 0 && !strings.ContainsRune(" \t:;,", rune(t[i-1])) && !strings.HasSuffix(t[:i], "—") && !strings.HasSuffix(t[:i], "–") {
				continue
			}
			j := strings.IndexByte(t[i:], ')')
			if j < 2 || j > 6 {
				continue
			}
			label := t[i+1 : i+j]
			after := i + j + 1
			if after < len(t) && t[after] != ' ' && t[after] != '\t' {
				continue
			}
			tok := inlineTok{line: li, off: i, end: after, label: label}
			switch {
			case isDigits(label):
				tok.num = atoi(label)
			case len(label) == 1 && label[0] >= 'a' && label[0] <= 'z':
				tok.letter = int(label[0]-'a') + 1
				tok.roman = romanValue(label)
			case len(label) == 1 && label[0] >= 'A' && label[0] <= 'Z':
				tok.upper = int(label[0]-'A') + 1
			case label == strings.ToLower(label):
				tok.roman = romanValue(label)
			}
			if tok.num+tok.letter+tok.upper+tok.roman > 0 {
				out = append(out, tok)
			}
		}
	}
	return out
}

type inlineItem struct {
	tok    *inlineTok
	next   *inlineTok // next item of the same chain, or nil
	first  *inlineTok // first item of the chain
	family int
}

// chains groups tokens into runs (a), (b), (c)... of at least two items
// starting at the first value; letters are claimed before romans, so "(i)"
// after "(h)" is a letter.
func inlineChains(toks []inlineTok) []inlineItem {
	ord := func(t *inlineTok, fam int) int {
		return [...]int{t.letter, t.upper, t.num, t.roman}[fam]
	}
	var items []inlineItem
	for fam := 0; fam < 4; fam++ {
		for i := 0; i < len(toks); i++ {
			if toks[i].claimed || ord(&toks[i], fam) != 1 {
				continue
			}
			chain := []int{i}
			want := 2
			for j := i + 1; j < len(toks); j++ {
				if toks[j].claimed {
					if toks[j].chainStart < i {
						break // the next item of an enclosing list: this list ended
					}
					continue
				}
				if ord(&toks[j], fam) == want {
					chain = append(chain, j)
					want++
				}
			}
			if len(chain) < 2 {
				continue
			}
			for k, c := range chain {
				toks[c].claimed = true
				toks[c].chainStart = i
				it := inlineItem{tok: &toks[c], first: &toks[i], family: fam}
				if k+1 < len(chain) {
					it.next = &toks[chain[k+1]]
				}
				items = append(items, it)
			}
			i = chain[len(chain)-1]
		}
	}
	return items
}

func tokBefore(a, b *inlineTok) bool {
	return a.line < b.line || a.line == b.line && a.off < b.off
}

// withInline adds the enumerations inside a clause's own text ("Customer
// will not: (i) ...; (ii) ...") as child clauses "2.1(a)(i)", "2.1(a)(ii)",
// so that citations such as "§2.1(a)(v)" resolve. Items already split on
// their own lines are not repeated. Inline items carry no heading.
func (s *splitter) withInline() []Clause {
	off := 0
	if len(s.clauses) > 0 && s.clauses[0].ID == "preamble" {
		off = 1
	}
	var out []Clause
	for ci, c := range s.clauses {
		out = append(out, c)
		k := ci - off
		if k < 0 {
			continue
		}
		from, to := s.starts[k], s.ends[k]
		if k+1 < len(s.starts) && s.starts[k+1] < to {
			to = s.starts[k+1]
		}
		toks := inlineToks(s.lines, from, to)
		// The clause's own marker at the start of its first line is not an item.
		if len(toks) > 0 && toks[0].line == from && strings.TrimSpace(s.lines[from].text[:toks[0].off]) == "" {
			toks = toks[1:]
		}
		if len(toks) < 2 || len(toks) > maxInlineToks {
			continue
		}
		items := inlineChains(toks)
		if len(items) == 0 {
			continue
		}
		sort.SliceStable(items, func(a, b int) bool { return tokBefore(items[a].tok, items[b].tok) })
		type span struct {
			it  inlineItem
			end *inlineTok
			id  string
		}
		var spans []span
		for _, it := range items {
			spans = append(spans, span{it: it, end: it.next})
		}
		// Parent: the innermost earlier item of another family whose span contains this one.
		for i := range spans {
			parent := c.ID
			for j := i - 1; j >= 0; j-- {
				p := spans[j]
				// A list that started inside this item's list cannot hold it.
				if p.it.family == spans[i].it.family || p.id == "" || !tokBefore(p.it.first, spans[i].it.first) {
					continue
				}
				if p.end == nil || tokBefore(spans[i].it.tok, p.end) {
					parent = p.id
					break
				}
			}
			id := parent + "(" + spans[i].it.tok.label + ")"
			if s.used[id] {
				continue
			}
			s.used[id] = true
			spans[i].id = id
			startTok := spans[i].it.tok
			endLine, endOff := to-1, -1
			if e := spans[i].end; e != nil {
				endLine, endOff = e.line, e.off
			} else {
				// The item runs to the end of the enclosing item, if any.
				for j := i - 1; j >= 0; j-- {
					if spans[j].id != "" && spans[j].id == parent && spans[j].end != nil {
						endLine, endOff = spans[j].end.line, spans[j].end.off
						break
					}
				}
			}
			text := s.sliceText(startTok.line, startTok.off, endLine, endOff)
			out = append(out, Clause{ID: id, Text: text, Pages: s.pagesOf(startTok.line, endLine+1), Parent: parent})
		}
	}
	return out
}

// sliceText is the text from (l1, o1) to (l2, o2); o2 < 0 means the end of l2.
func (s *splitter) sliceText(l1, o1, l2, o2 int) string {
	if l2 >= len(s.lines) {
		l2, o2 = len(s.lines)-1, -1
	}
	var b strings.Builder
	for li := l1; li <= l2; li++ {
		t := s.lines[li].text
		a, e := 0, len(t)
		if li == l1 {
			a = min(o1, len(t))
		}
		if li == l2 && o2 >= 0 {
			e = min(o2, len(t))
		}
		if a > e {
			a = e
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(t[a:e])
	}
	return strings.TrimRight(strings.TrimSpace(b.String()), ";,")
}

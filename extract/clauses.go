package extract

import (
	"regexp"
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
// A Markdown or text document with no numbering at all is split on its
// Markdown headings instead, with the heading text as ID.
func SplitClauses(pages []Page, paginated bool) []Clause {
	var lines []srcLine
	for _, p := range pages {
		for _, t := range strings.Split(p.Text, "\n") {
			lines = append(lines, srcLine{text: t, page: p.Number})
		}
	}
	s := &splitter{lines: lines, paginated: paginated, used: map[string]bool{}}
	s.run()
	if !paginated && len(s.clauses) <= 1 {
		if hs := s.headingClauses(); len(hs) > 0 {
			return hs
		}
	}
	return s.clauses
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
		m, ok := parseMarker(l.text, !s.paginated)
		if !ok {
			continue
		}
		if m.rest == "" && !nextStartsUpper(s.lines, i, m.kind) {
			continue
		}
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
				if successor(o, ord, m.strong) {
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
			return s.finish(m, k, ord, e), true
		}
	}
	return plan{}, false
}

func successor(o openClause, ord int, strong bool) bool {
	if strong || o.strong {
		return ord > o.ord && ord <= o.ord+3
	}
	return ord == o.ord+1
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
			if !m.strong || isDigits(m.label) {
				p.path = []int{ord}
			}
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
				if last == s.stack[j+1].ord+1 || m.strongDotted && last > s.stack[j+1].ord {
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
		setLetterKind(&m, g[1], false)
		if m.ord == 0 && m.altRoman == 0 {
			return m, false
		}
		if m.kind == kUpper || m.kind == kRUpper {
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

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
// "Clause 8", "Section 12.4", "Article 28", "ARTICLE IV", "§ 10" (as
// "Section 10": its paragraphs "1." "2." are 10.1, 10.2); any of these
// inside a Markdown heading ("## 1.3 Account Security", "### B. Account
// Terms") or bold ("**1.3 Account Security.**"), and Markdown list items
// ("1. **Heading.** text"), whose nesting follows their indentation, and
// bullet items that open with a dotted number ("*   2.5 Security. ..." is
// clause 2.5). An
// item that opens its first sub-item on its line, as the CFR and the
// FAR/DFARS clauses write it ("(ii)(A) The Contractor shall ..."), is both
// items, (ii) and (ii)(A).
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
// A parenthesised letter list may start after (a) where the document
// numbers one list across sections ("12." with (a)-(d), "13." with
// (e)-(l)): three consecutive letters at line starts before the next
// number, the clause holding no earlier letter of them; its "(i)" after
// "(h)" is the letter.
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
// Unnumbered headings are clause boundaries too: Markdown "#" and setext
// headings (and DOCX heading styles, which the Word reader writes as "#"
// headings), a paragraph that opens with a bold lead-in ("**Security
// Incidents.** Provider shall ...", "__Audit__:"), and an ALL-CAPS line that
// stands alone above body text (not a party name, a shouted disclaimer,
// "WHEREAS" boilerplate or a running page header). Such a clause's ID is
// its heading in straight double quotes, `"Audit"`, with " (2)", " (3)"
// when the heading repeats. A bold sentence right under a Markdown heading
// ("**Pretty basic, but necessary!**") is its subtitle, text of the
// heading's clause, and a bold possessive opening a sentence ("**Each
// Party's** (and ...) liability") is no lead-in. Markdown headings nest by level and close the
// numbered clauses before them; an all-caps heading or a bold lead-in
// inside a numbered clause is a sub-heading of that clause. A sub-heading
// of a numbered clause is cited by the clause's number and its title,
// `7.1 "Encryption"` (no " (2)" when another clause has a sub-heading of
// that title). A number
// under an unnumbered heading keeps its own ID ("3" when the numbering
// runs on through the headings, "5.1" under a sub-heading of 5); where the
// numbering restarts under the headings its IDs are prefixed with the
// heading: `"Audit" 2` (for every such heading when sibling headings each
// restart, else for the restarts after the first run), and so are the
// items of a list under one of several sibling headings whose numbering
// runs on under none of them (`"Security" 2`, as the corpus labels cite
// it), but not numbered section headings ("### 1. Fees"), numbers with
// dotted sub-clauses, nor the numbers under the last heading of its rank,
// which may hold the numbered body ("AGREEMENT" after "BACKGROUND"). The document's
// title (the first heading, before any clause, that names a document or
// stands above all other headings) is not a clause: it stays in the
// preamble, and is the preamble's Heading (a lawyer cites the opening
// text by it, `"Terms of Service"`; ssrm cites "preamble", and the eval
// takes either for the other).
//
// In a PDF, a line its type sets apart (Page.Headings: a larger or bold
// font, standing alone) is a heading whatever its words ("Changes to these
// Terms"), ranked by its type (in the body's size and bold, as an all-caps
// heading; larger, as a Markdown heading of its level); where numbered
// headings are typeset too, only a larger type than theirs makes an
// unnumbered heading (or, under numbered headings set larger than the
// body, a bold Title Case line in the body's size: a sub-heading, `1 "Age
// and Capacity"`), and a bare number in a heading's type may have a
// sentence-case title ("3 Description of processing operations"). A
// typeset title under a part's heading ("EXHIBIT A" above "Description of
// Processing") is the part's; the document's title repeated (a cover page,
// then the terms), or a heading naming a document right under it ("Exhibit
// 10.4" above the agreement's name), stays in the preamble. A paragraph
// that opens with a bold title ("Cancellation. You may cancel ...") is a
// bold lead-in as in Markdown, where no numbered clause is open and the
// title does not repeat its heading's.
//
// In Markdown and text, a Title Case line that is a paragraph of its own
// above a list, a lead-in or a few sentences ("Obligations and Activities
// of Business Associate") is a heading too, ranked as the heading before
// it. Where the first section is such a heading over a numbered list
// ("DEFINITIONS" over definitions 1-26) and the sections after it are
// numbered ("2. SCOPE OF SERVICES", "### 2.0 Security"), the sections
// keep their numbers and the list takes the heading as prefix
// (`"DEFINITIONS" 2`). Numbering escaped for Markdown ("1\.", "\(a\)")
// is numbering, and a numbered heading glued by a conversion to the end
// of a paragraph ("... backups. ### 10.13.Intrusion test") opens its
// clause. Kramdown and Pandoc attribute lists ("## License Grant {:
// #grant }", "{#id .class}") are markup, not text. A second document
// appended under its own title, its numbering restarting at 1, is cited
// on its own numbers (see splitDocuments). A bold numbered heading ("**6. Backups**") holds the plain
// numbered or lettered items under it (6.1, 7(a)). Markdown list items
// written "1." "1." "1." are numbered as a browser shows them (1, 2, 3).
// Numbered headings that only group clauses numbered on their own
// ("SECTION II" of the standard contractual clauses over Clauses 8-13,
// whose numbers run on from Clause 7) are headings cited by their text,
// and the clauses keep their numbers ("8.6(c)"). Lettered sections
// ("Section B – Legal terms", "PART C: SECURITY") are headings cited by
// their name, "Section B", "Part C" ("Section C" is no roman 100); the
// numbers of the first of them keep their plain IDs, those that restart
// are prefixed ("Section C 1.2"); a lettered section named twice (in a
// table of the document's sections, then as its heading) starts at the
// last.
//
// Clause text and headings carry no Markdown markup: emphasis, code
// spans, heading "#"s, block quote marks and rules are removed, a link
// keeps its text and URL ("text (https://...)"), "*" and "+" bullets
// become "-" and bullet glyphs at a line start "• ", so that every list
// item is a line of its own that starts with a list marker.
//
// Parts. Exhibits, schedules, annexes, appendices, attachments and addenda
// ("EXHIBIT D – SECURITY", "Schedule 2: Fees", "Annex I(B)") that start
// after the first clause are top-level clauses with IDs "Exhibit D",
// "Schedule 2", "Annex I(B)" (keyword in title case, label as written);
// numbering restarts inside them and their clauses are prefixed with the
// part ID and a space: "Exhibit D 3.1", parent "Exhibit D 3", whose parent
// is "Exhibit D". Numbered parts of the body ("Part 1 – Data processed as
// a Processor", then "Part 2") are parts too, "Part 1 5", and the first
// may open before any clause when a "Part 2" follows; lettered ones ("Part
// B") are lettered sections (above). In Markdown, the first clause may be an unnumbered
// heading, and a part heading marked as a heading may have any title ("##
// Annex 2: Technical and organisational security"). A part named twice (a list of exhibits, then the exhibit)
// starts at its last heading; a heading followed by another part heading or
// by the body's next number is a mention, not a part.
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
// A document with no numbering and no heading of the kinds above is split
// on short sentence-case lines that stand above body text
// ("Controller / processor relationship"), with the same quoted IDs.
func SplitClauses(pages []Page, paginated bool) []Clause {
	var lines []srcLine
	for _, p := range pages {
		from := len(lines)
		for _, t := range strings.Split(p.Text, "\n") {
			if g := gluedHeading(t, paginated); g != nil {
				// "... possible backups. ### 10.13.Intrusion test": a
				// numbered heading glued to the end of a paragraph.
				lines = append(lines, srcLine{text: t[:g[3]], page: p.Number}, srcLine{page: p.Number})
				t = t[g[4]:]
			}
			for _, part := range runOnSplit(t) {
				lines = append(lines, srcLine{text: part, page: p.Number})
			}
		}
		lines = append(lines[:from], splitInlineItems(lines[from:])...)
		markTypeset(lines[from:], p.Headings)
		markAutoNumbered(lines[from:], p.AutoNumbered)
	}
	settleTypeset(lines)
	md := !paginated
	if md {
		stripAttrLists(lines)
		tableNumbers(lines)
		unglueHashes(lines)
		rstToATX(lines)
		setextToATX(lines)
		defListHeadings(lines)
		listHeadings(lines)
		designatorTitles(lines)
		doubleItems(lines)
	}
	displayLines(lines, md)
	if paginated {
		markRunningHeads(lines)
	}
	toc := tocLines(lines, md)
	parts := findParts(lines, toc, md)
	if len(parts) == 0 {
		if cs, ok := splitDocuments(lines, toc, paginated, true); ok {
			return cs
		}
		return splitSegment(lines, toc, paginated, true, true)
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
	body, ok := splitDocuments(lines[:parts[0].line], toc[:parts[0].line], paginated, false)
	if !ok {
		body = splitSegment(lines[:parts[0].line], toc[:parts[0].line], paginated, true, false)
	}
	for _, c := range body {
		add(c)
	}
	for k, pt := range parts {
		typesetTitle(lines, &pt)
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
		for _, c := range splitSegment(lines[pt.line+1:end], toc[pt.line+1:end], paginated, false, false) {
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
// exhibit or other part) on its numbering and headings; main says the
// segment may open with the document's title; fallback allows the split on
// sentence-case headings for text with no other structure. Where headings
// restart their numbering in a way only seen at the end (a second list
// restarting at 1), the segment is split again with the earlier sibling
// headings prefixing their numbers too.
func splitSegment(lines []srcLine, toc []bool, paginated, main, fallback bool) []Clause {
	s := newSplitter(lines, toc, paginated, main, nil)
	s.run()
	force := s.restartHeadings()
	for l := range s.collided {
		if force == nil {
			force = map[int]bool{}
		}
		force[l] = true
	}
	if len(force) > 0 {
		s = newSplitter(lines, toc, paginated, main, force)
		s.run()
	}
	if fallback && len(s.clauses) <= 1 {
		if hs := s.plainHeadingClauses(); len(hs) > 0 {
			return hs
		}
	}
	return s.withInline()
}

func newSplitter(lines []srcLine, toc []bool, paginated, main bool, force map[int]bool) *splitter {
	return &splitter{lines: lines, toc: toc, paginated: paginated, main: main, used: map[string]bool{},
		forcePrefix: force, title: -1, shadowOwner: -1, sections: map[int]bool{}, byID: map[string]int{}}
}

// srcLine is one line of the document: text as written (read for
// structure), disp as clause text shows it (without markup, see
// displayLine), the page, and whether the line is a running page header or
// footer.
type srcLine struct {
	text    string
	disp    string
	page    int
	runHead bool
	// A heading by its type (Page.Headings): its level on its first line
	// with its text (wrapped lines joined), typeCont on the lines it
	// wraps onto; typeHead when it may be an unnumbered heading (see
	// settleTypeset).
	typeLevel int
	typeBody  bool // in the body's size, bold (Heading.BodySize)
	typeText  string
	typeCont  bool
	typeHead  bool
	typeLead  string // a bold lead-in's title (see typesetLead)
	autoNum   bool   // numbered by Word's automatic numbering (Page.AutoNumbered)
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
	indent  int // Markdown: the spaces before its marker
	// pfx is the heading prefix of a numbered clause under a heading whose
	// numbering restarts (`"Audit" `), inherited by its sub-clauses.
	pfx string
	// Unnumbered headings: rank (1-6 Markdown level, rankCaps, rankBold)
	// and whether the numbers directly under it take its ID as prefix.
	unnum  bool
	rank   int
	prefix bool
	// Markdown list items: the number as written, which a browser ignores
	// after the first item of a list (see lazySibling).
	item    bool
	written int
}

type splitter struct {
	lines     []srcLine
	toc       []bool // lines of a table of contents: never clause starts
	paginated bool
	main      bool // the main body, which may open with the title
	stack     []openClause
	clauses   []Clause
	starts    []int // first line of each clause
	ends      []int // line after the last line of each clause (-1 while open)
	used      map[string]bool

	heads       map[int]uhead // unnumbered headings by line
	title       int           // line of the document title, or -1
	forcePrefix map[int]bool  // heading lines whose numbers take their ID as prefix
	headInfo    map[int]*headInfo
	// shadow holds the numbered clauses the last heading closed (from
	// stack position shadowBase), so that numbering running on under the
	// heading, or continuing a closed clause, can be placed.
	shadow      []openClause
	shadowBase  int
	shadowOwner int
	dups        map[string]int // last " (n)" given to a repeated heading
	// sections marks the clauses opened by a section-like number (see
	// sectionLike); collided lists the unnumbered headings whose list items
	// took the numbers of such sections (see planSection).
	sections map[int]bool
	collided map[int]bool
	byID     map[string]int // clause index by ID
	group    map[int]bool   // numbered headings that only group clauses (see groupingLines)
	line     int            // the line of the marker being placed
	marks    []cachedMark   // parseMarker of each line, read once
}

// cachedMark is the marker read on a line, if any.
type cachedMark struct {
	m    marker
	ok   bool
	done bool
}

// markerAt is parseMarker of line i, read once per splitter.
func (s *splitter) markerAt(i int) (marker, bool) {
	if s.marks == nil {
		s.marks = make([]cachedMark, len(s.lines))
	}
	c := &s.marks[i]
	if !c.done {
		l := s.lines[i]
		if !l.typeCont {
			c.m, c.ok = readMarker(l.text, !s.paginated, l.typeLevel > 0 || l.autoNum)
		}
		c.done = true
	}
	return c.m, c.ok
}

// titleBlock reports whether heading h on line i, before any clause,
// belongs to the title: the title's text again (a cover page, then the
// terms), or a heading naming a document right under the title, with only
// headings between ("Exhibit 10.4" above "MASTER SERVICES AGREEMENT").
func (s *splitter) titleBlock(i int, h uhead) bool {
	if s.title < 0 || i < s.title {
		return false
	}
	if strings.EqualFold(h.text, s.heads[s.title].text) {
		return true
	}
	if !h.docName {
		return false
	}
	for j := s.title + 1; j < i; j++ {
		if _, head := s.heads[j]; !head && strings.TrimSpace(s.lines[j].text) != "" && !s.lines[j].typeCont {
			return false
		}
	}
	return true
}

func (s *splitter) run() {
	s.findHeadings()
	skip := s.preambleList()
	if skip == nil {
		skip = s.frontList()
	}
	first := -1
	for i := range s.lines {
		if i < len(s.toc) && s.toc[i] || skip[i] {
			continue
		}
		m, ok := s.markerAt(i)
		if !ok && !s.group[i] {
			// "6.2.2 all information ... ;": a sub-clause continuing its
			// parent's lead-in in lower case.
			if lm, lok := s.lowerDotted(i); lok && s.accept(lm, i) {
				if first < 0 {
					first = i
				}
				continue
			}
			if lm, lok := s.lowerListItem(i); lok && s.accept(lm, i) {
				if first < 0 {
					first = i
				}
				continue
			}
		}
		if !ok && !s.group[i] {
			s.closeIndented(i)
		}
		if !ok || s.group[i] {
			h, isHead := s.heads[i]
			if !isHead || len(s.clauses) == 0 && (i == s.title || s.titleBlock(i, h)) {
				// The title, or the title again (on a cover page, then
				// above the terms): the preamble's.
				continue
			}
			if h.typeLead && (!s.noNumbered(len(s.stack)) || len(s.stack) > 0 && strings.EqualFold(s.clauses[s.stack[len(s.stack)-1].clause].Heading, h.text) || s.listedLead(i)) {
				// A PDF's bold lead-in inside a numbered clause, repeating
				// the heading it stands under, or a list item's under a
				// heading (listedLead), is text.
				continue
			}
			s.acceptHeading(h, i)
			if first < 0 {
				first = i
			}
			continue
		}
		if m.rest == "" && !nextStartsUpper(s.lines, i, m.kind) {
			continue
		}
		m.capsHead = m.capsHead || m.kind == kNum && capsLead(m.rest, s.lines, i)
		if s.wrappedInline(m, i) {
			continue
		}
		s.closeLeadParagraph(m, i)
		if !s.accept(m, i) {
			continue
		}
		for m.chain {
			c, _ := chained(m, !s.paginated)
			if !s.accept(c, i) {
				break
			}
			m = c
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
		if s.title >= 0 && s.title < end {
			// The document's title heading is the preamble's heading: a
			// lawyer may cite the opening text by it ("Terms of Service").
			pre[0].Heading = s.heads[s.title].text
		}
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

// textOf is the clause text of lines [from, to), without markup; lines
// that held only markup (a rule, a code fence) leave at most one blank
// line, as NormalizeText does.
func (s *splitter) textOf(from, to int) string {
	var b strings.Builder
	blank := false
	for i := from; i < to; i++ {
		if s.lines[i].runHead {
			// A page header or footer (see markRunningHeads) is no
			// clause's text.
			continue
		}
		t := s.lines[i].disp
		if strings.TrimSpace(t) == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(t)
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
	case m.strong:
		// "Clause 11" continues "#### Clause 10": the keyword is the style.
		return "w|" + designator(m.word) + "|" + name
	case m.mdLevel > 0:
		return "h" + strconv.Itoa(m.mdLevel) + "|" + name
	case m.indent > 0 && !s.paginated:
		return "i" + strconv.Itoa(m.indent) + "|" + name
	case m.closeParen && !s.paginated:
		// In Markdown "2)" never continues a list of "1." (a new
		// delimiter starts a new list, as CommonMark reads it).
		return name + ")"
	case m.bold:
		// "**6. Backups**" is a heading, "1." under it an item: two styles.
		return "b|" + name
	}
	return name
}

// altKey is the style a marker of key may continue when no marker of its
// own style does: a bold number and a plain one ("**1. Scope**" then
// "2. Fees").
func altKey(key string) string {
	if k, ok := strings.CutPrefix(key, "b|"); ok {
		return k
	}
	if strings.Contains(key, "|") || strings.HasPrefix(key, "d") {
		return ""
	}
	return "b|" + key
}

// regionEnd is how much of the stack a marker may attach to: a heading
// closes all non-heading clauses and deeper headings; a non-parenthesised
// marker never nests under a parenthesised item.
func (s *splitter) regionEnd(m marker) int {
	e := len(s.stack)
	if m.mdLevel > 0 {
		for e > 0 && (s.stack[e-1].mdLevel == 0 || s.stack[e-1].mdLevel > m.mdLevel ||
			s.stack[e-1].unnum && s.stack[e-1].mdLevel == m.mdLevel) {
			e--
		}
		return e
	}
	if !m.kind.paren() {
		// Unless, in Markdown, indented under it ("(a) ... if the other
		// Party:" then "  i. materially breaches ...").
		for e > 0 && s.stack[e-1].kind.paren() && s.stack[e-1].mdLevel == 0 && (s.paginated || m.indent <= s.stack[e-1].indent) {
			e--
		}
	}
	// A section with an all-caps title or an "Article"/"Section" keyword
	// is never under an all-caps heading or a bold lead-in: those are
	// headings of its own rank ("BACKGROUND" above "1. DEFINITIONS"); and
	// no number is under the recitals, nor an article "I. DEFINITIONS"
	// (roman or lettered, with an all-caps title): the recitals end with
	// "the parties agree as follows:", and the articles after them are
	// the agreement proper, a sibling part, not the recitals' items.
	caps := m.capsHead || m.strong || capsTitle(m.rest)
	if m.kind == kNum {
		for e > 0 && s.stack[e-1].unnum && (caps && s.stack[e-1].rank >= rankCaps ||
			recitalsRe.MatchString(s.clauses[s.stack[e-1].clause].Heading)) {
			e--
		}
	} else if caps && (m.kind == kRUpper || m.kind == kUpper) {
		for e > 0 && s.stack[e-1].unnum && recitalsRe.MatchString(s.clauses[s.stack[e-1].clause].Heading) {
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
	pfx  string // the heading prefix the ID carries, if any
	key  string // the style key of the clause when not its marker's (see restartList)
}

func (s *splitter) accept(m marker, line int) bool {
	s.line = line
	p, ok := s.plan(m)
	if m.lower && (!ok || p.id == "" || s.used[p.id] && len(m.path) > 1) {
		// No other placing for a lower-case item, but a list item's
		// number taken by an earlier list may take its heading as prefix
		// (`"Audit Limits" 2`).
		return false
	}
	if ok && m.kind == kNum && len(m.path) == 1 && p.pfx == "" && p.cut > 0 && s.stack[p.cut-1].unnum && !strings.Contains(p.id, ".") {
		// The items of a lead-in in lower case right under a heading
		// ("Processor agrees to:", "1.  comply with ...") are cited by
		// the heading, `"Compliant Processing" 1`, and so are the items
		// after them in their list.
		hp := s.stack[p.cut-1].id + " "
		prev := p.cut < len(s.stack) && strings.HasPrefix(s.stack[p.cut].id, hp)
		if prev || m.lower && p.cut == len(s.stack) {
			p.id = hp + p.id
		}
	}
	if ok && p.id != "" && s.used[p.id] {
		p, ok = s.planPrefixed(m, p)
	} else if !ok {
		p, ok = s.planShadow(m)
	}
	if (!ok || p.id == "" || s.used[p.id]) && sectionLike(m) {
		p, ok = s.planSection(m)
	}
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
	head := headingOf(m, s.lines, line)
	if !s.paginated {
		head = cleanHeading(stripInline(head))
	}
	c := Clause{ID: p.id, Heading: head, Parent: parent}
	s.clauses = append(s.clauses, c)
	s.starts = append(s.starts, line)
	s.ends = append(s.ends, -1)
	s.used[p.id] = true
	s.byID[p.id] = len(s.clauses) - 1
	if sectionHead(m) {
		s.sections[len(s.clauses)-1] = true
	}
	key := p.key
	if key == "" {
		key = s.keyOf(m, p.kind)
	}
	s.stack = append(s.stack, openClause{
		key: key, kind: p.kind, ord: p.ord, path: p.path, id: p.id,
		clause: len(s.clauses) - 1, mdLevel: m.mdLevel, strong: m.strong, indent: m.indent, pfx: p.pfx,
		item: s.listItem(m), written: m.ord,
	})
	s.noteChild(p, m)
	s.noteDotted(p)
	return true
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

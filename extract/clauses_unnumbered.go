package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/company"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Unnumbered headings: Markdown "#" and setext headings (DOCX heading
// styles come as "#" headings), bold lead-ins and ALL-CAPS lines. They are
// found before the split (findHeadings) and placed by acceptHeading.

// Ranks of unnumbered headings: Markdown levels are 1-6; an all-caps line
// ranks below every Markdown heading, a bold lead-in below an all-caps line.
const (
	rankCaps = 7
	rankBold = 8
)

// uhead is an unnumbered heading found on a line.
type uhead struct {
	rank    int
	text    string // the heading as written, without markup
	alone   bool   // the heading is its line (not a lead-in of body text)
	docName bool   // it names a document ("Data Processing Addendum")
	// id is the heading's ID where it is not its text in quotes: a
	// lettered section is cited by its name ("Section B").
	id       string // typeLead: a PDF's bold lead-in, found by its type (typesetLead).
	typeLead bool
}

// headInfo is what the restart rule needs to know of a heading clause.
type headInfo struct {
	line, rank      int
	parent          string
	docName         bool
	collided        bool // its numbering restarted onto IDs already used
	firstSeen       bool // a numbered clause was placed directly under it
	firstOrd1, kNum bool // ... and it was a number 1 with the plain ID
	runOn           bool // ... or a number after 1 continuing the numbering before
	items           bool // ... a list item, not a section's heading (see sectionHead)
	sections        bool // dotted numbers under it ("1.1"): its numbers are sections
	lettered        bool // a lettered section ("Section B"), see restartHeadings
}

var (
	docNameRe = lazyre.New(`(?i)\b(agreement|addendum|terms|terms of (service|use)|conditions|contract|policy|schedule|exhibit|annex|appendix|attachment|order form|statement of work|memorandum of understanding|dpa|baa|sla|msa|eula)$`)
	// capsStopRe: all-caps lines that are boilerplate, not headings.
	capsStopRe = lazyre.New(`^(WHEREAS|WITNESSETH|NOW,? THEREFORE|IN WITNESS WHEREOF|BY AND BETWEEN|BETWEEN|AND|OR|STRICTLY CONFIDENTIAL|CONFIDENTIAL|REDACTED|DRAFT|EXECUTION (VERSION|COPY)|SIGNATURE PAGE FOLLOWS|AGREED AND ACCEPTED|ACCEPTED AND AGREED|SIGNED|EXECUTED)\b`)
	// capsVerbRe: a verb makes an all-caps line a shouted sentence.
	capsVerbRe = lazyre.New(`\b(SHALL|WILL|MUST|MAY|IS|ARE|WAS|WERE|BE|BEEN|DOES|DO|HAS|HAVE|HEREBY|NOT)\b`)
	// partyRe: a company name in capitals ("ACME CLOUD LIMITED"), by the
	// forms and name words of templates/company/legal_forms.yaml.
	partyRe    = lazyre.New(`\b(` + company.LegalFormCapsPattern() + `)\.?$`)
	capsCharRe = lazyre.New(`^\p{Lu}[\p{Lu}\s&/'’(),.\-–—]*$`)
	signRe     = lazyre.New(`(?i)^(by|name|title|date|signature|signed|print name|its)\s*:`)
	leadStopRe = lazyre.New(`(?i)^(note|notes|example|important|tip|warning|caution|nb)$`)
	// leadInRe: a bold subject and modal that open a list ("**Processor
	// shall:**", "**The Customer is responsible for:**"): a sentence's
	// start, not a title.
	leadInRe   = lazyre.New(`(?i)\b(shall|will|must|should|agrees? to|undertakes? to|(is|are) responsible for)$`)
	recitalsRe = lazyre.New(`(?i)^(recitals?|background|preamble|preliminary statements?|witnesseth)$`)
)

// capsTitle reports whether the text after a number starts with an
// all-caps title ("DEFINITIONS", "FEES. Customer pays ...").
func capsTitle(rest string) bool {
	rest = strings.Trim(strings.TrimSpace(rest), "*_")
	if k := strings.IndexAny(rest, ".:;"); k >= 0 {
		rest = rest[:k]
	}
	letters := 0
	for _, r := range rest {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3 && isAllCaps(rest)
}

// findHeadings lists the unnumbered headings of the segment (lines that
// are no marker and no contents line) and picks the title.
func (s *splitter) findHeadings() {
	s.heads = map[int]uhead{}
	s.headInfo = map[int]*headInfo{}
	firstMarker := -1
	for i := range s.lines {
		if i < len(s.toc) && s.toc[i] {
			continue
		}
		if m, ok := s.markerAt(i); ok {
			if firstMarker < 0 && (m.strong || m.ord == 1) {
				firstMarker = i
			}
			continue
		}
		if h, ok := s.headingAt(i); ok && !dateLine(h.text) {
			s.heads[i] = h
		}
	}
	// A lettered section named twice (in a table of the document's
	// sections, then as its heading) starts at its last heading, as a
	// part does.
	last := map[string]int{}
	for i, h := range s.heads {
		if h.id != "" && i > last[h.id] {
			last[h.id] = i
		}
	}
	for i, h := range s.heads {
		if h.id != "" && i < last[h.id] {
			delete(s.heads, i)
		}
	}
	s.group = s.groupingLines()
	for i := range s.group {
		s.heads[i] = s.groupHeading(i)
	}
	s.titleLineHeads()
	if s.main {
		s.title = s.findTitle(firstMarker)
	}
}

// findTitle is the line of the document's title, or -1: the first
// heading, alone on its line and before any numbered clause, that names a
// document, or that stands before any body text with no other heading of
// its rank or higher after it (other than headings naming documents).
func (s *splitter) findTitle(firstMarker int) int {
	first := -1
	for i := range s.lines {
		if _, ok := s.heads[i]; ok {
			first = i
			break
		}
	}
	if first < 0 || firstMarker >= 0 && firstMarker < first {
		return -1
	}
	h := s.heads[first]
	if !h.alone {
		return -1
	}
	if h.docName {
		return first
	}
	for i := 0; i < first; i++ {
		if strings.TrimSpace(s.lines[i].text) != "" {
			return -1
		}
	}
	for i, o := range s.heads {
		if i != first && o.rank <= h.rank && !o.docName {
			return -1
		}
	}
	return first
}

// sentenceHeading says a Markdown heading's text is a whole sentence, a
// page's heading style put on a paragraph ("#### If Acme becomes aware of
// a breach, Acme will:", "#### acme is available in five countries."):
// eight words or more ending as a sentence does, or opening in lower
// case and not reading as a title. raw is the text after the marks, h
// the title read from it.
func sentenceHeading(raw, h string) bool {
	if len(strings.Fields(h)) < 8 {
		return false
	}
	end := strings.TrimRight(strings.TrimSpace(raw), "*_ ")
	if strings.HasSuffix(end, ".") || strings.HasSuffix(end, ":") || strings.HasSuffix(end, ";") {
		return true
	}
	return !startsUpper(h) && !unicode.IsDigit([]rune(h)[0]) && !looksLikeTitle(h)
}

// headingAt reads an unnumbered heading on line i.
func (s *splitter) headingAt(i int) (uhead, bool) {
	raw := s.lines[i].text
	trimmed := strings.TrimLeft(raw, " ")
	if trimmed == "" || s.lines[i].typeCont {
		return uhead{}, false
	}
	md := !s.paginated
	if md {
		if g := mdHeadingRe.FindStringSubmatch(trimmed); g != nil {
			h := cleanHeading(stripHeadingInline(g[2]))
			if len(raw)-len(trimmed) >= 4 || h == "" || utf8.RuneCountInString(h) > 150 {
				return uhead{}, false
			}
			// A heading style on a whole paragraph ("Access and Use. During
			// the term, Provider ..."): the title is its lead-in.
			if k := strings.Index(h, ". "); k > 0 && looksLikeTitle(h[:k]) && len(strings.Fields(h[:k])) <= 8 &&
				len(strings.Fields(h[k+2:])) >= 4 && startsUpper(h[k+2:]) {
				h = h[:k]
			} else if sentenceHeading(g[2], h) {
				return uhead{}, false
			}
			if id, ok := letteredHeading(h); ok {
				return uhead{rank: len(g[1]), text: h, alone: true, id: id}, true
			}
			return uhead{rank: len(g[1]), text: h, alone: true, docName: namesDocument(h)}, true
		}
	}
	if _, _, isPart := parsePart(raw, md); isPart {
		return uhead{}, false
	}
	if id, ok := letteredHeading(strings.Trim(trimmed, "*_ ")); ok && (s.standsAlone(i) || s.lines[i].typeLevel > 0) {
		rank := 1
		if l := s.lines[i]; l.typeHead && !l.typeBody {
			rank = l.typeRank() // ranked by its type among the typeset headings
		}
		return uhead{rank: rank, text: cleanHeading(stripInline(trimmed)), alone: true, id: id}, true
	}
	if md {
		if h, alone, ok := s.boldLead(i); ok {
			return uhead{rank: rankBold, text: h, alone: alone, docName: alone && namesDocument(h)}, true
		}
	}
	if h, ok := s.typesetHeading(i); ok {
		return h, true
	}
	if h, ok := s.typesetLead(i); ok {
		return h, true
	}
	if s.capsHeading(i) {
		h := cleanHeading(trimmed)
		return uhead{rank: rankCaps, text: h, alone: true, docName: namesDocument(h)}, true
	}
	return uhead{}, false
}

// boldLead reads a bold lead-in at the start of line i and returns its
// text: "**Security Incidents.** Provider shall", "__Audit__: Customer
// may", "**_Indirect Damages._ To the extent ...**" (an italic title inside
// a bold paragraph), or "**Audit**" alone on its line above body text
// (unless it is the title of a number alone on the line before, "Clause
// 1" above "**Purpose and scope**"). A bold defined term ("**"Customer
// Data"** means") is not a heading.
func (s *splitter) boldLead(i int) (head string, alone, ok bool) {
	t := strings.TrimSpace(s.lines[i].text)
	if i > 0 {
		// A paragraph starts here: not a bold phrase wrapped onto the line.
		prev := strings.TrimSpace(s.lines[i-1].disp)
		if prev != "" && !strings.ContainsAny(prev[len(prev)-1:], `.:;!?")*_`) && !strings.HasPrefix(s.lines[i-1].text, "#") {
			return "", false, false
		}
	}
	k := 0
	for k < len(t) && (t[k] == '*' || t[k] == '_') {
		k++
	}
	if k < 2 || k > 3 || !strings.Contains(t[:k], "**") && !strings.Contains(t[:k], "__") {
		return "", false, false
	}
	body := t[k:]
	j := -1
	for x := 1; x < len(body); x++ {
		c := body[x]
		if c != '*' && c != '_' || body[x-1] == ' ' || body[x-1] == '\\' {
			continue
		}
		y := x
		for y < len(body) && body[y] == c {
			y++
		}
		if c == '_' && y < len(body) && isWordByte(body[y]) && isWordByte(body[x-1]) {
			x = y - 1 // snake_case, not a delimiter
			continue
		}
		j = x
		break
	}
	if j < 0 {
		return "", false, false
	}
	head = strings.TrimSpace(body[:j])
	after := strings.TrimLeft(body[j:], "*_")
	if h, more, ok := leadInBold(head); ok {
		// "**Subcontracting. We may** subcontract": the bold runs on
		// past the title into its sentence.
		head, after = h, ". "+more+" "+strings.TrimLeft(after, " ")
	}
	r, _ := utf8.DecodeRuneInString(head)
	words := strings.Fields(head)
	if !unicode.IsUpper(r) || len(words) > 12 || len(head) > 100 || strings.Contains(head, ". ") ||
		strings.HasSuffix(head, ",") || leadStopRe.MatchString(strings.TrimRight(head, ".:")) || leadInRe.MatchString(strings.TrimRight(head, ".: ")) {
		return "", false, false
	}
	head = strings.TrimRight(cleanHeading(stripInline(head)), " –—") // "**Audit —**"
	if head == "" || possessiveRe.MatchString(head) {
		// "**Either Party's** (and ...) liability": the subject of a
		// sentence, not its title.
		return "", false, false
	}
	rest := strings.TrimLeft(after, " ")
	if rest == "" && s.subtitle(i, body[:j]) {
		return "", false, false
	}
	if rest == "" {
		if p := s.prevNonBlank(i); p >= 0 {
			if m, ok := s.markerAt(p); ok && strings.TrimSpace(m.rest) == "" {
				return "", false, false // the title of "Clause 1" on the line before
			}
		}
		n := s.nextNonBlank(i)
		return head, true, n >= 0 && bodyText(s.lines[n].text)
	}
	r, size := utf8.DecodeRuneInString(rest)
	switch {
	case strings.ContainsRune(".:—–-", r):
		more := rest[size:]
		return head, false, more == "" || more[0] == ' ' || r == '—'
	case rest != after: // a space, then the body
		return head, false, unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"“'(`, r) || labelLead(body[:j], r)
	}
	return "", false, false
}

// leadInBold splits a bold span that holds a title and the start of its
// sentence ("Subcontracting. We may") into the title and the rest: a
// title of one or two words, or up to six in Title Case, without a period
// and not an abbreviation ("Mr. Smith"), then the first few words (up
// to four) of a sentence opening with a capital; a whole bold sentence
// after a title is an emphasised paragraph.
func leadInBold(b string) (head, rest string, ok bool) {
	x := strings.Index(b, ". ")
	if x < 0 {
		return "", "", false
	}
	head, rest = b[:x], strings.TrimSpace(b[x+2:])
	n := len(strings.Fields(head))
	if strings.ContainsAny(head, ".:;") || n > 6 || n > 2 && !titleCase(head) || letters(head) < 3 || abbrevRe.MatchString(head) {
		return "", "", false
	}
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) || len(strings.Fields(rest)) > 4 {
		return "", "", false
	}
	return head, rest, true
}

// abbrevRe: words written with a period that are no title.
var abbrevRe = lazyre.New(`(?i)(^|\s)(mr|mrs|ms|dr|st|no|nos|inc|ltd|co|corp|art|arts|sec|para|fig|vol|ref|approx|cf|vs|jr|sr)$`)

// possessiveRe: a lead-in ending in a possessive ("Each Party's").
var possessiveRe = lazyre.New(`\p{L}['’]s$`)

// subtitle reports whether bold line i, whose bold text is t, is the
// subtitle of the Markdown heading right above it: a sentence of three
// words or more ("**Pretty basic, but necessary before using our
// Services!**", "**Our worst case scenario.**"), closed by . ! ? or …, or
// holding a comma, ! or ?. It is the heading's text, not a sub-heading.
func (s *splitter) subtitle(i int, t string) bool {
	p := s.prevNonBlank(i)
	if p < 0 || !mdHeadingRe.MatchString(strings.TrimSpace(s.lines[p].text)) {
		return false
	}
	t = strings.TrimSpace(stripInline(t))
	if len(strings.Fields(t)) < 3 {
		return false
	}
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "…") || strings.ContainsAny(t, ",!?")
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// capsHeading reports whether line i is an all-caps heading: a short line
// in capitals without digits or closing punctuation (see capsNumbered and
// capsColon), after a blank line, a page start or a finished sentence and
// above body text. Not a running page header, a part title ("EXHIBIT B"
// above "SECURITY"), the title of a number on the line before ("ARTICLE
// I" above "DEFINITIONS"), a company name, a shouted sentence or
// boilerplate ("WHEREAS").
func (s *splitter) capsHeading(i int) bool {
	l := s.lines[i]
	t := s.capsColon(i, strings.TrimSpace(l.text))
	if q := capsQuestion(t); l.runHead || len(t) < 3 || !q && (len(t) > 80 || len(strings.Fields(t)) > 8) || !isAllCaps(t) ||
		!q && !capsCharRe.MatchString(t) && !capsNumbered(t) || strings.ContainsAny(t[len(t)-1:], ".,;:") ||
		capsStopRe.MatchString(t) || !q && capsVerbRe.MatchString(t) || partyRe.MatchString(t) {
		return false
	}
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 3 {
		return false
	}
	if i > 0 && s.lines[i-1].page == l.page {
		prev := strings.TrimSpace(s.lines[i-1].text)
		if prev != "" && !strings.ContainsAny(prev[len(prev)-1:], `.:;!?")`) {
			return false // a wrapped line
		}
	}
	if p := s.prevNonBlank(i); p >= 0 && s.lines[p].page == l.page {
		md := !s.paginated
		if m, ok := s.markerAt(p); ok {
			rest := strings.TrimSpace(m.rest)
			if rest == "" || isAllCaps(rest) && !strings.HasSuffix(rest, ".") {
				return false
			}
		}
		if _, h, ok := parsePart(s.lines[p].text, md); ok && h == "" {
			return false
		}
	}
	n := s.nextNonBlank(i)
	if n >= 0 && s.lines[n].typeHead {
		return false // a kicker above a typeset heading ("SIGNATURES" over "Acceptance")
	}
	return n >= 0 && bodyText(s.lines[n].text)
}

// bodyText reports whether a line reads as the start of body text: a few
// words with lower-case letters that do not start in lower case (a party
// name's "a company registered in ..." continues the name) and no
// signature field.
func bodyText(t string) bool {
	t = strings.TrimSpace(t)
	if len(t) < 20 || len(strings.Fields(t)) < 4 || isAllCaps(t) || signRe.MatchString(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(stripLead(t))
	if unicode.IsLower(r) {
		return false
	}
	lower := 0
	for _, r := range t {
		if unicode.IsLower(r) {
			lower++
		}
	}
	return lower >= 10
}

// prevNonBlank and nextNonBlank find the nearest non-blank line within two
// blank lines, or -1.
func (s *splitter) prevNonBlank(i int) int {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if strings.TrimSpace(s.lines[j].text) != "" {
			return j
		}
	}
	return -1
}

func (s *splitter) nextNonBlank(i int) int {
	for j := i + 1; j < len(s.lines) && j <= i+3; j++ {
		if strings.TrimSpace(s.lines[j].text) != "" {
			return j
		}
	}
	return -1
}

// letteredRe: a lettered section's heading ("Section B – Legal terms",
// "PART C: SECURITY", "Part II"): Section or Article with a letter (with
// I, V and X those are roman numbers, read as markers), Part with a letter
// or a roman number, and a title after a dash or a colon, or none.
var letteredRe = lazyre.New(`^(?i:(section|article|part))\s+([A-Z]|[IVXLC]{2,7})(?:\s*[-–—:.]\s*(.*))?$`)

// letteredHeading reads a lettered section's heading and returns its ID,
// the designator in title case and the letter: "Section B", "Part II".
func letteredHeading(t string) (string, bool) {
	g := letteredRe.FindStringSubmatch(strings.TrimSpace(t))
	if g == nil {
		return "", false
	}
	word := strings.ToUpper(g[1][:1]) + strings.ToLower(g[1][1:])
	switch {
	case word != "Part" && (len(g[2]) > 1 || strings.Contains("IVX", g[2])):
		return "", false // "Section IV", "Article X": roman numbers, read as markers
	case word == "Part" && len(g[2]) > 1 && romanValue(g[2]) == 0:
		return "", false
	}
	title := strings.TrimRight(strings.TrimSpace(g[3]), ".:")
	if title != "" && (!startsUpper(title) || len(strings.Fields(title)) > 10 || strings.Contains(title, ". ")) {
		return "", false // a sentence: "Section C applies ...", "Part A of the fees ..."
	}
	return word + " " + g[2], true
}

// standsAlone reports whether line i is a paragraph's first line with
// body text or a numbered clause after it: not a phrase wrapped onto the
// line.
func (s *splitter) standsAlone(i int) bool {
	if i > 0 && s.lines[i-1].page == s.lines[i].page {
		prev := strings.TrimSpace(s.lines[i-1].text)
		if prev != "" && !strings.ContainsAny(prev[len(prev)-1:], `.:;!?")`) {
			return false
		}
	}
	n := s.nextNonBlank(i)
	if n < 0 {
		return false
	}
	if _, ok := s.markerAt(n); ok {
		return true
	}
	return bodyText(s.lines[n].text) || len(strings.Fields(s.lines[n].text)) >= 2
}

// acceptHeading opens the clause of an unnumbered heading. A heading ends
// the section of the previous heading of the same or a higher rank (and
// the clauses in it); a Markdown heading also ends the numbered clauses
// before it, an all-caps line or a bold lead-in only the list items: it is
// a sub-heading of the numbered clause it stands in. The numbered clauses
// it ends are kept as its shadow (see planShadow).
func (s *splitter) acceptHeading(h uhead, line int) {
	cut := s.headingCut(h)
	var closed []openClause
	for len(s.stack) > cut {
		if top := s.stack[len(s.stack)-1]; !top.unnum {
			closed = append([]openClause{top}, closed...)
		}
		s.pop(line)
	}
	switch {
	case len(closed) > 0:
		s.shadow, s.shadowBase = closed, cut
	case cut <= s.shadowBase && s.noNumbered(cut):
		s.shadowBase = cut // the heading replaces the one that closed them
	case cut <= s.shadowBase:
		s.shadow = nil
	}
	parent := ""
	if cut > 0 {
		parent = s.stack[cut-1].id
	}
	base := `"` + h.text + `"`
	if h.id != "" {
		base = h.id
	} else if cut > 0 && !s.stack[cut-1].unnum && !startsDigit(h.text) {
		// A sub-heading of a numbered clause ("**Encryption:**" under
		// "### 7.1 Security Measures") is cited by the clause's number
		// and its title, `7.1 "Encryption"`, as a lawyer cites it; not
		// one that writes a number of its own ("2.2 : Limitation").
		base = s.stack[cut-1].id + " " + base
	}
	id := base
	if s.used[id] {
		if s.dups == nil {
			s.dups = map[string]int{}
		}
		n := max(s.dups[base], 1)
		for s.used[id] {
			n++
			id = base + " (" + strconv.Itoa(n) + ")"
		}
		s.dups[base] = n
	}
	s.used[id] = true
	s.byID[id] = len(s.clauses)
	s.clauses = append(s.clauses, Clause{ID: id, Heading: h.text, Parent: parent})
	s.starts = append(s.starts, line)
	s.ends = append(s.ends, -1)
	ci := len(s.clauses) - 1
	if len(closed) > 0 || cut <= s.shadowBase {
		s.shadowOwner = ci
	}
	md := 0
	if h.rank <= 6 {
		md = h.rank
	}
	s.stack = append(s.stack, openClause{key: "u" + strconv.Itoa(h.rank), kind: kHead, id: id, clause: ci,
		mdLevel: md, unnum: true, rank: h.rank, prefix: s.forcePrefix[line]})
	s.headInfo[ci] = &headInfo{line: line, rank: h.rank, parent: parent, docName: h.docName, lettered: h.id != ""}
}

// startsDigit reports whether s starts with a decimal digit.
func startsDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// headingCut is the stack length kept below a new heading.
func (s *splitter) headingCut(h uhead) int {
	cut := len(s.stack)
	found := false
	for j := len(s.stack) - 1; j >= 0; j-- {
		o := s.stack[j]
		r := o.rank
		if !o.unnum {
			r = o.mdLevel // a numbered Markdown heading, or 0
		}
		if r == 0 {
			continue
		}
		if r < h.rank {
			break
		}
		cut, found = j, true
	}
	if found {
		return cut
	}
	for cut > 0 {
		o := s.stack[cut-1]
		if o.unnum || o.mdLevel > 0 || h.rank >= rankCaps && !o.kind.paren() && o.kind != kLower && o.kind != kRLower {
			break
		}
		cut--
	}
	return cut
}

// planPrefixed places a number whose plain ID is taken, directly under an
// unnumbered heading: the numbering restarts under the heading, whose ID
// becomes the prefix of its numbers (`"Data Breach" 1`).
func (s *splitter) planPrefixed(m marker, p plan) (plan, bool) {
	if p.cut == 0 {
		return plan{}, false
	}
	h := &s.stack[p.cut-1]
	if !h.unnum || h.prefix {
		return plan{}, false
	}
	h.prefix = true
	q, ok := s.plan(m)
	if !ok || q.id == "" || s.used[q.id] || q.cut != p.cut {
		h.prefix = false
		return plan{}, false
	}
	if info := s.headInfo[h.clause]; info != nil {
		info.collided = true
	}
	return q, true
}

// planShadow places a number that fits no open clause but continues the
// numbered clauses the last heading closed: the next number of the
// outermost ("3" after "2" under the heading before) opens under the
// heading with its plain ID; one that continues a deeper clause ("2.3",
// "(c)") reopens the closed clauses, the heading becoming a sub-heading
// inside them.
func (s *splitter) planShadow(m marker) (plan, bool) {
	if len(s.shadow) == 0 || s.shadowBase > len(s.stack) {
		return plan{}, false
	}
	saved := s.stack
	s.stack = append(append([]openClause(nil), saved[:s.shadowBase]...), s.shadow...)
	p, ok := s.plan(m)
	s.stack = saved
	if !ok || p.id == "" || s.used[p.id] {
		return plan{}, false
	}
	if p.cut <= s.shadowBase {
		p.cut = s.headBase(s.regionEnd(m))
		s.shadow = nil // the numbering has moved on
		return p, true
	}
	// Reopen the closed clauses beneath the heading that closed them, if
	// what held them is still open where it was.
	k := p.cut - s.shadowBase
	h := -1
	for j := s.shadowBase; j < len(s.stack); j++ {
		if s.stack[j].clause == s.shadowOwner {
			h = j
			break
		}
	}
	holder := ""
	if s.shadowBase > 0 {
		holder = s.stack[s.shadowBase-1].id
	}
	if h != s.shadowBase || s.clauses[s.shadow[0].clause].Parent != holder {
		return plan{}, false
	}
	reopened := append([]openClause(nil), s.shadow[:k]...)
	for _, o := range reopened {
		s.ends[o.clause] = -1
	}
	s.clauses[s.shadowOwner].Parent = reopened[k-1].id
	if info := s.headInfo[s.shadowOwner]; info != nil {
		info.parent = reopened[k-1].id
	}
	rest := append([]openClause(nil), s.stack[h:]...)
	s.stack = append(append(s.stack[:h], reopened...), rest...)
	s.shadow = nil
	// The stack below p.cut is now the one p was planned on.
	return p, true
}

// noteChild records the first numbered clause placed directly under an
// unnumbered heading (see restartHeadings).
func (s *splitter) noteChild(p plan, m marker) {
	if p.cut == 0 || p.cut > len(s.stack) {
		return
	}
	h := s.stack[p.cut-1]
	info := s.headInfo[h.clause]
	if !h.unnum || info == nil || info.firstSeen {
		return
	}
	info.firstSeen = true
	info.kNum = p.kind == kNum
	info.firstOrd1 = p.ord == 1 && !h.prefix
	info.runOn = info.kNum && p.ord > 1 && !h.prefix
	info.items = !sectionHead(m) && !m.strong
}

// noteDotted marks the unnumbered heading nearest above a dotted number
// ("1.1" under "1" under "PROVISIONS"): the numbers under it are
// sections with sub-clauses, not a list (see restartHeadings).
func (s *splitter) noteDotted(p plan) {
	if len(p.path) < 2 {
		return
	}
	for j := p.cut - 1; j >= 0; j-- {
		if s.stack[j].unnum {
			if info := s.headInfo[s.stack[j].clause]; info != nil {
				info.sections = true
			}
			return
		}
	}
}

// restartHeadings lists the heading lines to prefix on a second pass: where
// the numbering restarted under a heading onto IDs already used, an
// earlier sibling heading (same rank, same parent) whose own numbering
// started at 1 takes its ID as prefix too, so that `"Audit" 2` and `"Data
// Breach" 2` read alike; "Account Terms" too, though its name reads as a
// document's. A heading naming a document whose numbers restart ("Service
// Level Agreement") makes no sibling restart.
func (s *splitter) restartHeadings() map[int]bool {
	type group struct {
		lastCollided int // line of the last collided heading, or -1
		runOn        bool
		last         int // line of the last heading
		infos        []*headInfo
	}
	groups := map[string]*group{}
	for _, info := range s.headInfo {
		key := strconv.Itoa(info.rank) + "|" + info.parent
		g := groups[key]
		if g == nil {
			g = &group{lastCollided: -1}
			groups[key] = g
		}
		g.infos = append(g.infos, info)
		// A heading naming a document ("Service Level Agreement") holds a
		// document of its own, whose numbering restarting says nothing of
		// its siblings.
		if info.collided && !info.docName {
			g.lastCollided = max(g.lastCollided, info.line)
		}
		g.runOn = g.runOn || info.runOn
		g.last = max(g.last, info.line)
	}
	var force map[int]bool
	for _, g := range groups {
		var earlier []int
		for _, o := range g.infos {
			// A lettered section's first run of numbers is the body's
			// (cited "4.4", not "Section B 4.4"), as the body before the
			// first exhibit keeps its numbers.
			if g.lastCollided >= 0 && o.line < g.lastCollided && o.firstOrd1 && o.kNum && !o.lettered {
				earlier = append(earlier, o.line)
			}
			// A list under one of several sibling headings, whose
			// numbering runs on under none of them, is that heading's:
			// `"Division of responsibility" 3`. Not numbered sections
			// ("### 1. Fees", or numbers with dotted sub-clauses), nor
			// under the last heading of its rank,
			// which may hold the rest of the document's numbered
			// clauses ("AGREEMENT" after "BACKGROUND").
			if g.lastCollided < 0 && !g.runOn && o.line < g.last && o.firstOrd1 && o.kNum && o.items && !o.sections && !o.lettered && !o.docName {
				earlier = append(earlier, o.line)
			}
		}
		if len(earlier) == 0 {
			continue
		}
		if force == nil {
			force = map[int]bool{}
		}
		for _, l := range earlier {
			force[l] = true
		}
		for _, o := range g.infos {
			if o.collided {
				force[o.line] = true
			}
		}
	}
	if force != nil {
		for l := range s.forcePrefix {
			force[l] = true
		}
	}
	return force
}

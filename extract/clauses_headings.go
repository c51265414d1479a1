package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Fallback split for documents with neither numbering nor headings of
// the kinds in clauses_unnumbered.go.

// plainHeading reports whether line i is an unnumbered heading: a short
// line without closing punctuation that starts with a capital, stands
// after a blank line, a page start or a finished sentence, and is followed
// directly by body text ("Controller / processor relationship" then "For
// Enterprise license holders and ..."), or, in Title Case on a PDF's page,
// by a blank line and body text.
func (s *splitter) plainHeading(i int) bool {
	t := strings.TrimSpace(s.lines[i].text)
	if len(t) < 3 || len(t) > 70 || len(strings.Fields(t)) > 8 || !startsUpper(t) ||
		strings.ContainsAny(t[len(t)-1:], ".,;:0123456789)") || strings.HasPrefix(t, "#") || strings.Contains(t, "|") {
		return false
	}
	if !s.paginated && strings.ContainsAny(t, "*_`[") {
		return false // Markdown markup: the first line of a wrapped paragraph
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
	if next == "" {
		// On a PDF's page, a Title Case line standing alone between blank
		// lines above a paragraph of body text ("Acceptance of Terms",
		// blank, "By accessing ..."): a heading set apart by space, not by
		// type. (In text and Markdown, titleLineHeads reads those.)
		if !s.paginated {
			return false
		}
		// The paragraph may be a short lead-in of a list ("Users agree
		// to:").
		n := s.nextNonBlank(i)
		return n >= 0 && titleCase(t) && !isAllCaps(t) && (bodyText(s.lines[n].text) || sentenceLeadIn(s.lines[n].text))
	}
	return len(next) >= 30 && !isAllCaps(next)
}

// sentenceLeadIn: a short sentence opening a list ("Users may not:"):
// two words or more, not in capitals, ending with a colon.
func sentenceLeadIn(t string) bool {
	t = strings.TrimSpace(t)
	return strings.HasSuffix(t, ":") && len(strings.Fields(t)) >= 2 && startsUpper(t) && !isAllCaps(t)
}

// plainHeadingClauses splits a document without numbering on its
// sentence-case headings (see plainHeading); the ID is the heading text in
// double quotes.
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
		head := cleanHeading(s.lines[h].disp)
		id := `"` + head + `"`
		for n := 2; used[id]; n++ {
			id = `"` + head + `" (` + strconv.Itoa(n) + ")"
		}
		used[id] = true
		out = append(out, Clause{ID: id, Heading: head, Text: s.textOf(h, end), Pages: s.pagesOf(h, end)})
	}
	return out
}

// titleLowerWords may stay lower-case in a Title Case heading.
var titleLowerWords = map[string]bool{
	"with": true, "from": true, "into": true, "upon": true, "onto": true, "than": true, "that": true, "this": true,
	"under": true, "over": true, "between": true, "within": true, "without": true, "about": true, "after": true,
	"before": true, "during": true, "through": true, "against": true, "among": true, "via": true, "per": true,
}

// titleCase reports whether a line is written in Title Case: it starts
// with a capital and every word of four letters or more but the small
// words of titles ("with", "upon", "between") does too.
func titleCase(t string) bool {
	if !startsUpper(t) {
		return false
	}
	long := 0
	for _, w := range strings.Fields(t) {
		w = strings.Trim(w, `()"'“”‘’,/&-–—`)
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters < 4 || titleLowerWords[strings.ToLower(w)] {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return long > 0
}

var (
	// companyRe: a party's name as a line of its own ("Acme Cloud Ltd").
	companyRe = lazyre.New(`(?i)\b(inc|incorporated|ltd|limited|llc|llp|plc|corp|corporation|gmbh|b\.?v|s\.?a|pty)\.?$`)
	// longNumberRe: a number of three digits or more (a postcode, a year).
	longNumberRe = lazyre.New(`\d{3,}`)
)

// titleLine reports whether Markdown or text line i is a heading written
// without any markup: a short Title Case line ("Obligations and Activities
// of Business Associate") that is a paragraph of its own, without closing
// punctuation, standing above body text or a list ("Business Associate
// agrees to:" then "(a) ..."). Not the title of a number alone on the line
// before ("Clause 3" above "Third-party beneficiaries"), the name of a
// document (its title) or of a party, an address, a field ("Job Title:
// Head of Security"), a signature field or a table row.
func (s *splitter) titleLine(i int) bool {
	raw := s.lines[i].text
	t := strings.TrimSpace(raw)
	if len(t) < 3 || len(t) > 120 || len(strings.Fields(t)) > 14 || len(raw)-len(strings.TrimLeft(raw, " ")) >= 4 ||
		strings.ContainsAny(t, "*_`[]|#<>:") || strings.ContainsAny(t[len(t)-1:], ".,;:!?0123456789") ||
		strings.Contains(t, "  ") || isAllCaps(t) || !titleCase(t) || mdListLineRe.MatchString(raw) ||
		companyRe.MatchString(t) || signRe.MatchString(t) || docNameRe.MatchString(t) || longNumberRe.MatchString(t) {
		return false
	}
	if i > 0 && strings.TrimSpace(s.lines[i-1].text) != "" || i+1 < len(s.lines) && strings.TrimSpace(s.lines[i+1].text) != "" {
		return false // part of a paragraph
	}
	if _, ok := s.markerAt(i); ok {
		return false
	}
	if _, _, isPart := parsePart(raw, true); isPart {
		return false
	}
	if p := s.prevNonBlank(i); p >= 0 {
		if m, ok := s.markerAt(p); ok && strings.TrimSpace(m.rest) == "" {
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
	return bodyText(s.lines[n].text)
}

// sentenceEndRe finds the end of a sentence.
var sentenceEndRe = lazyre.New(`[.!?]["”’)\]]?(?:\s|$)`)

// sectionBody reports whether the paragraph after a Title Case line (at
// i) reads as the start of a section: a list item, a lead-in ending with
// ":", or two sentences or more. One sentence under a short Title Case line
// is a row of a table of defined terms ("Restricted Transfer" above "A
// transfer which is covered by Chapter V of the UK GDPR.").
func (s *splitter) sectionBody(i int) bool {
	n := s.nextNonBlank(i)
	if n < 0 {
		return false
	}
	if _, ok := s.markerAt(n); ok {
		return true
	}
	var b strings.Builder
	for j := n; j < len(s.lines) && strings.TrimSpace(s.lines[j].text) != ""; j++ {
		b.WriteString(strings.TrimSpace(s.lines[j].text))
		b.WriteByte(' ')
	}
	text := strings.TrimSpace(b.String())
	return strings.HasSuffix(text, ":") || len(sentenceEndRe.FindAllStringIndex(text, -1)) >= 2
}

// titleLineHeads adds the Title Case lines of a Markdown or text segment
// (see titleLine) to its headings, each ranked as the heading before it
// (after it when there is none; as an all-caps heading when the segment
// has no other), so that "Incident Management" among "###" headings is
// their sibling.
func (s *splitter) titleLineHeads() {
	if s.paginated {
		return
	}
	var found []int
	for i := range s.lines {
		if i < len(s.toc) && s.toc[i] {
			continue
		}
		if _, isHead := s.heads[i]; !isHead && s.titleLine(i) && s.sectionBody(i) {
			found = append(found, i)
		}
	}
	// The rank of the heading before each line, else of the one after.
	before, after := make([]int, len(s.lines)), make([]int, len(s.lines)+1)
	for i := range s.lines {
		if i > 0 {
			before[i] = before[i-1]
		}
		if h, ok := s.heads[i]; ok {
			before[i] = h.rank
		}
	}
	for i := len(s.lines) - 1; i >= 0; i-- {
		after[i] = after[i+1]
		if h, ok := s.heads[i]; ok {
			after[i] = h.rank
		}
	}
	for _, i := range found {
		rank := after[i]
		if i > 0 && before[i-1] > 0 {
			rank = before[i-1]
		}
		if rank == 0 {
			rank = rankCaps
		}
		h := cleanHeading(strings.TrimSpace(s.lines[i].text))
		s.heads[i] = uhead{rank: rank, text: h, alone: true, docName: namesDocument(h)}
	}
}

// definedNameRe: the short name a title gives its document, in
// parentheses at its end (`SOFTWARE LICENSE AGREEMENT ("Agreement")`,
// `Data Processing Addendum ("DPA")`).
var definedNameRe = lazyre.New(`\s*\(\s*["“”'‘’]?[\pL\s.-]{1,30}["“”'‘’]?\s*\)$`)

// namesDocument reports whether heading h names a document ("Data
// Processing Addendum"), also with the short name it defines for it.
func namesDocument(h string) bool {
	return docNameRe.MatchString(h) || docNameRe.MatchString(definedNameRe.ReplaceAllString(h, ""))
}

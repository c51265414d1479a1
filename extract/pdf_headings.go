package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Typeset headings: the lines of a PDF that its type sets apart as
// headings. A line in a larger font than the body text, or wholly in a
// bold face where the body is not, that stands alone (a paragraph gap, a
// page start, a finished sentence or a change of type above it, and a gap
// or a change of type below it) is a heading whatever its words are:
// "Changes to these Terms" in bold above its paragraph, "Mozilla Can
// Update These Terms" in 18 pt over 12 pt text. Up to three lines of the
// same type without a gap are one heading wrapped over several lines.
// The clause splitter reads them (Page.Headings, see SplitClauses).

// lineStyle is the type of one line of a page as laid out.
type lineStyle struct {
	text         string
	size         float64 // font size in device space (pt)
	glyphs, bold int     // letters and digits, and those set in a bold face
	gap          bool    // a paragraph gap above the line (a blank line in the text)
	first        bool    // the first line of the page
	lead         string  // the text before its first letter in a regular face
	// placed: the line is horizontal, with its baseline (across) and the
	// start and end of its runs (x, xend), for stitchColumns.
	placed          bool
	across, x, xend float64
}

// wholeBold reports whether the line is set in a bold face throughout.
func (l lineStyle) wholeBold() bool { return l.glyphs > 0 && l.bold*10 >= l.glyphs*9 }

// Limits of a typeset heading.
const (
	headingScale    = 1.15 // a larger font: at least this times the body size
	maxHeadingLines = 3
	maxHeadingWords = 20
	maxHeadingChars = 160
)

// typeKey is a line's type as compared between lines: its size in half
// points and whether it is bold.
type typeKey struct {
	halfPt int
	bold   bool
}

func keyOfStyle(l lineStyle) typeKey {
	return typeKey{halfPt: int(math.Round(l.size * 2)), bold: l.wholeBold()}
}

// typesetHeadings finds the typeset headings of a document, page by page
// (pages[k] are the styles of the k-th page's lines). Levels rank the
// headings' types: 1 for the largest, a bold type before a regular one of
// the same size.
func typesetHeadings(pages [][]lineStyle) [][]Heading {
	// The body type: the size holding the most letters.
	bySize := map[int]int{}
	boldBySize := map[int]int{}
	for _, p := range pages {
		for _, l := range p {
			k := int(math.Round(l.size * 2))
			bySize[k] += l.glyphs
			boldBySize[k] += l.bold
		}
	}
	body, most := 0, 0
	for k, n := range bySize {
		if n > most || n == most && k < body {
			body, most = k, n
		}
	}
	if most == 0 {
		return make([][]Heading, len(pages))
	}
	bodySize := float64(body) / 2
	bodyBold := boldBySize[body]*2 >= bySize[body]
	candidate := func(l lineStyle) bool {
		if letters(l.text) < 2 {
			return false
		}
		return l.size >= headingScale*bodySize || !bodyBold && l.wholeBold() && l.size >= 0.95*bodySize
	}

	type run struct {
		page, from, to int // lines [from, to) of the page
		key            typeKey
	}
	var runs []run
	for pi, p := range pages {
		for i := 0; i < len(p); {
			if !candidate(p[i]) {
				i++
				continue
			}
			k := keyOfStyle(p[i])
			j := i + 1
			for j < len(p) && j-i < maxHeadingLines && !p[j].gap && candidate(p[j]) && keyOfStyle(p[j]) == k && wraps(p[j-1].text, p[j].text) {
				j++
			}
			larger := p[i].size >= headingScale*bodySize
			if standsApart(p, i, j, k, larger) && headingWords(p[i:j], larger) {
				runs = append(runs, run{pi, i, j, k})
			}
			i = j
		}
	}
	// Levels: the types in use, largest first, bold before regular.
	seen := map[typeKey]bool{}
	var keys []typeKey
	for _, r := range runs {
		if !seen[r.key] {
			seen[r.key] = true
			keys = append(keys, r.key)
		}
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].halfPt != keys[b].halfPt {
			return keys[a].halfPt > keys[b].halfPt
		}
		return keys[a].bold && !keys[b].bold
	})
	level := map[typeKey]int{}
	for i, k := range keys {
		level[k] = i + 1
	}
	type found struct {
		page, line int
		h          Heading
	}
	var all []found
	for _, r := range runs {
		var parts []string
		for _, l := range pages[r.page][r.from:r.to] {
			parts = append(parts, strings.TrimSpace(NormalizeText(l.text)))
		}
		larger := pages[r.page][r.from].size >= headingScale*bodySize
		all = append(all, found{r.page, r.from, Heading{Text: strings.Join(parts, "\n"), Level: level[r.key], BodySize: !larger}})
	}
	if !bodyBold {
		for pi, p := range pages {
			for i, l := range p {
				if lead, ok := leadIn(p, i, bodySize); ok {
					all = append(all, found{pi, i, Heading{Text: strings.TrimSpace(NormalizeText(l.text)), Lead: lead}})
				}
			}
		}
	}
	sort.SliceStable(all, func(a, b int) bool {
		return all[a].page < all[b].page || all[a].page == all[b].page && all[a].line < all[b].line
	})
	out := make([][]Heading, len(pages))
	for _, f := range all {
		out[f.page] = append(out[f.page], f.h)
	}
	return out
}

// leadIn reads a bold lead-in at the start of line i of a page: a short
// title set in bold, ending in a period, a colon or a dash, followed on
// the line by the regular text of its paragraph ("Cancellation. You may
// cancel ..."), at the start of a paragraph in the body's size (after a
// gap, a finished sentence or a line of another size), after a list
// marker or not. It returns
// the lead-in's text ("Cancellation").
func leadIn(p []lineStyle, i int, bodySize float64) (string, bool) {
	l := p[i]
	// A list marker before it ("• Termination. These Terms ...", see
	// attachMarkers) is not part of the title.
	lead := strings.TrimLeft(strings.TrimSpace(NormalizeText(l.lead)), markerGlyphs+" ")
	if lead == "" || len(lead) >= len(strings.TrimSpace(l.text)) || math.Abs(l.size-bodySize) > 0.1*bodySize {
		return "", false
	}
	if i > 0 && !l.gap && keyOfStyle(p[i-1]).halfPt == keyOfStyle(l).halfPt {
		prev := strings.TrimSpace(p[i-1].text)
		if prev != "" && !strings.ContainsAny(prev[len(prev)-1:], `.:;!?")`) {
			return "", false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(lead)
	if !strings.ContainsRune(".:—–", last) {
		return "", false
	}
	head := strings.TrimSpace(strings.TrimRight(lead, ".:—– "))
	r, _ := utf8.DecodeRuneInString(head)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) || len(strings.Fields(head)) > 12 || strings.Contains(head, ". ") ||
		letters(head) < 3 || leadStopRe.MatchString(head) {
		return "", false
	}
	if _, numbered := parseMarker(lead, false); numbered {
		return "", false // "2.1 Access." is a numbered clause's title
	}
	return head, true
}

// standsApart reports whether lines [i, j) of a page, of type k, stand
// apart from the text around them: above, a page start, a paragraph gap, a
// finished sentence or another size; below, the end of the page, a gap or
// another size (for a heading in a larger font, another type). A bold line
// inside a paragraph of its size ("... between you and" / "Acme Cloud
// Inc.") is no heading.
func standsApart(p []lineStyle, i, j int, k typeKey, larger bool) bool {
	if i > 0 && !p[i].gap {
		prev := strings.TrimSpace(p[i-1].text)
		if keyOfStyle(p[i-1]).halfPt == k.halfPt && prev != "" && !strings.ContainsAny(prev[len(prev)-1:], `.:;!?")`) {
			return false
		}
	}
	if j < len(p) && !p[j].gap {
		next := keyOfStyle(p[j])
		if next == k || next.halfPt == k.halfPt && !larger && !tightSubHeading(p, i, j, k) {
			return false
		}
	}
	return true
}

// wraps reports whether line b may continue a heading begun on line a:
// a ends no sentence and b is not numbered ("6. SUB-PROCESSORS" above
// "6.1 Authorization." are two headings).
func wraps(a, b string) bool {
	a = strings.TrimSpace(a)
	if a == "" || strings.ContainsAny(a[len(a)-1:], ".:;!?") {
		return false
	}
	_, numbered := parseMarker(b, false)
	return !numbered
}

// headingWords reports whether the text of lines reads as a heading: a
// few words, starting with a capital, a digit or a bracket, and not ending
// like a phrase cut short (",", ";", "-") or, at the body's size, like a
// lead-in (":"); a larger heading may end in a colon ("Contact us:").
func headingWords(lines []lineStyle, larger bool) bool {
	var parts []string
	for _, l := range lines {
		parts = append(parts, strings.TrimSpace(l.text))
	}
	t := strings.Join(parts, " ")
	if t == "" || len(t) > maxHeadingChars || len(strings.Fields(t)) > maxHeadingWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune(`("“'§`, r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if !larger && strings.ContainsRune(":：", last) {
		return false
	}
	return !strings.ContainsRune(",;-–—", last)
}

// letters is the number of letters in s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// letterCount is the number of letters and digits in s.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// markTypeset marks the lines of one page that its typeset headings are
// (see Page.Headings), matching them in order; a heading not found (a
// line the cleaning dropped) is skipped.
func markTypeset(lines []srcLine, heads []Heading) {
	at := 0
	for _, h := range heads {
		parts := strings.Split(h.Text, "\n")
		if h.Lead != "" {
			parts = parts[:1]
		}
		for i := at; i+len(parts) <= len(lines); i++ {
			match := true
			for k, p := range parts {
				if strings.TrimSpace(lines[i+k].text) != p {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			if h.Lead != "" {
				lines[i].typeLead = h.Lead
				at = i + 1
				break
			}
			lines[i].typeLevel = h.Level
			lines[i].typeBody = h.BodySize
			lines[i].typeText = strings.Join(parts, " ")
			for k := 1; k < len(parts); k++ {
				lines[i+k].typeCont = true
			}
			at = i + len(parts)
			break
		}
	}
}

// settleTypeset decides which typeset headings may be unnumbered
// headings: where numbered headings are typeset too, only those in a
// larger type than the largest of them ("Section C – TOMs" over "1
// Organisational measures"); a bold line in their type or smaller is a
// lead-in or a table cell, and bold lead-ins are no headings, except,
// where the numbered headings are set larger than the body, a bold line
// in the body's size that reads as a sub-heading ("Age and Capacity"
// inside "1. General Terms", see subHeadingWords). Elsewhere, all of them.
func settleTypeset(lines []srcLine) {
	num, numBody := 0, false
	for _, l := range lines {
		if l.typeLevel == 0 {
			continue
		}
		if m, ok := readMarker(l.text, false, true); ok && m.kind == kNum && (num == 0 || l.typeLevel < num) {
			num, numBody = l.typeLevel, l.typeBody
		}
	}
	for i := range lines {
		l := lines[i]
		lines[i].typeHead = l.typeLevel > 0 && (num == 0 || l.typeLevel < num ||
			!numBody && l.typeBody && l.typeLevel > num && subHeadingWords(l.typeText))
		if num > 0 {
			lines[i].typeLead = "" // titles of unnumbered paragraphs inside numbered clauses
		}
	}
}

// subHeadingWords reports whether a bold line in the body's size reads as
// a sub-heading: two to eight words in title case ("Age and Capacity"),
// not a sentence, a label, a number or a line in capitals (a party's
// name in a signature block).
func subHeadingWords(t string) bool {
	t = strings.TrimSpace(t)
	w := strings.Fields(t)
	if len(w) < 2 || len(w) > 8 || strings.ContainsAny(t, ":;,.?!()|\n") || strings.ToUpper(t) == t {
		return false
	}
	return titleCase(t)
}

// typesetLead reads a bold lead-in on line i (Page.Headings): a heading
// inside its paragraph, ranked as a Markdown bold lead-in, that opens a
// clause only where no numbered clause is open (see run).
func (s *splitter) typesetLead(i int) (uhead, bool) {
	l := s.lines[i]
	if l.typeLead == "" || l.runHead {
		return uhead{}, false
	}
	h := cleanHeading(l.typeLead)
	if h == "" {
		return uhead{}, false
	}
	return uhead{rank: rankBold, text: h, typeLead: true}, true
}

// typesetTitle takes a typeset heading right under a part heading without
// a title ("EXHIBIT A" above "Description of Processing") as the part's
// title: it is no heading inside the part.
func typesetTitle(lines []srcLine, pt *part) {
	if pt.heading != "" {
		return
	}
	for j := pt.line + 1; j < len(lines) && j <= pt.line+3; j++ {
		if strings.TrimSpace(lines[j].text) == "" {
			continue
		}
		if lines[j].typeHead {
			pt.heading = cleanHeading(lines[j].typeText)
			lines[j].typeHead = false
		}
		return
	}
}

// typesetHeading reads a heading by its type on line i (see
// typesetHeadings and settleTypeset), ranked by its type (typeRank). Not a party's name, an address or a date (a
// number of three digits or more), a signature field, boilerplate
// ("WHEREAS"), a running header, nor the title of a part or a number on
// the line before ("EXHIBIT A" above "Description of Processing").
func (s *splitter) typesetHeading(i int) (uhead, bool) {
	l := s.lines[i]
	if !l.typeHead || l.runHead {
		return uhead{}, false
	}
	if p := s.prevNonBlank(i); p >= 0 {
		if m, ok := s.markerAt(p); ok && strings.TrimSpace(m.rest) == "" {
			return uhead{}, false
		}
		if _, h, ok := parsePart(s.lines[p].text, !s.paginated); ok && h == "" {
			return uhead{}, false
		}
	}
	end := i // the heading's last line
	for end+1 < len(s.lines) && s.lines[end+1].typeCont {
		end++
	}
	h := cleanHeading(l.typeText)
	if h == "" || companyRe.MatchString(h) || partyRe.MatchString(h) || signRe.MatchString(h) || capsStopRe.MatchString(h) ||
		longNumberRe.MatchString(h) || s.nextNonBlank(end) < 0 {
		return uhead{}, false
	}
	return uhead{rank: l.typeRank(), text: h, alone: true, docName: namesDocument(h) || exhibitNameRe.MatchString(h)}, true
}

// exhibitNameRe: a heading that names its document as an exhibit of
// another ("Exhibit 10.4" atop a filed agreement), as a title does.
var exhibitNameRe = lazyre.New(`^(?i:exhibit|schedule|annex|appendix|attachment)\s+[0-9A-Z][0-9A-Z.\-]*$`)

// typeRank is the rank of a typeset heading: a larger type ranks by its
// level as a Markdown heading of that level, closing the numbered clauses
// before it; a bold line in the body's size as an all-caps heading, a
// sub-heading of the numbered clause it stands in.
func (l srcLine) typeRank() int {
	if l.typeBody {
		return rankCaps
	}
	return min(l.typeLevel, 6)
}

package extract

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Parts: exhibits, schedules, annexes, appendices and addenda with their own numbering.

// part is a top-level unit with its own numbering, e.g. "Exhibit D".
type part struct {
	line    int
	id      string
	heading string
}

var (
	partRe = lazyre.New(`^(?i:(exhibit|schedule|annex|appendix|attachment|addendum|part))\s+([A-Z](?:-?\d{1,2})?|\d{1,2}|[IVX]{1,5})(\([A-Za-z0-9]{1,3}\))?(?:$|([\s\-–—:.,;(].*)$)`)
	// A part's name in quotes (APPENDIX "A", Exhibit “B”, Schedule '1')
	// is its name.
	partQuotedRe = lazyre.New(`^(?i:(exhibit|schedule|annex|appendix|attachment|addendum|part))\s+["“'‘]([A-Za-z0-9-]{1,5})["”'’]`)
	partSepRe    = lazyre.New(`^\s*[-–—:.]\s*`)
	partTitles   = map[string]string{"exhibit": "Exhibit", "schedule": "Schedule", "annex": "Annex",
		"appendix": "Appendix", "attachment": "Attachment", "addendum": "Addendum", "part": "Part"}
)

// parsePart reads an exhibit-style heading ("EXHIBIT D – SECURITY",
// "## Schedule 2: Fees", "Annex I(B)", `APPENDIX "A"`) and returns its ID
// ("Exhibit D", "Schedule 2", "Annex I(B)", "Appendix A") and title. A mention in running text
// ("Exhibit A attached hereto", "Exhibit B, the Vendor") is not a heading.
func parsePart(raw string, md bool) (id, heading string, ok bool) {
	t := strings.TrimSpace(raw)
	marked := false // a Markdown heading: its title needs no test
	if md {
		if g := mdHeadingRe.FindStringSubmatch(t); g != nil {
			t, marked = stripHeadingInline(g[2]), true
		}
	}
	t = strings.TrimSpace(strings.Trim(t, "*_"))
	// The standard contractual clauses' "ANNEX II - TECHNICAL AND
	// ORGANISATIONAL MEASURES INCLUDING ... TO ENSURE THE SECURITY OF THE
	// DATA" is a heading of 125 characters: an all-caps one may run longer.
	if t == "" || len(t) > 120 && (len(t) > 160 || !isAllCaps(t)) || !startsUpper(t) {
		return "", "", false
	}
	t = partQuotedRe.ReplaceAllString(t, "$1 $2")
	g := partRe.FindStringSubmatch(t)
	if g == nil {
		return "", "", false
	}
	part := strings.EqualFold(g[1], "part")
	if part && (!isDigits(g[2]) || g[3] != "") {
		// "Part A", "Part II": lettered sections (see letteredHeading).
		return "", "", false
	}
	rest := strings.TrimSpace(strings.Trim(g[4], "*_ "))
	switch {
	case rest == "":
	case partSepRe.MatchString(rest):
		// A title after a dash ("ANNEX II - Technical and organizational
		// security measures") may be a phrase as long as a part's.
		dash := strings.ContainsAny(rest[:len(rest)-len(strings.TrimLeft(rest, " -–—"))], "-–—")
		rest = strings.TrimSpace(partSepRe.ReplaceAllString(rest, ""))
		if rest != "" && !marked && !(isAllCaps(rest) || looksLikeTitle(strings.TrimRight(rest, ".:")) || (part || dash) && partTitle(rest)) {
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

// partTitle reports whether the title of a numbered part may be longer
// than a heading's (looksLikeTitle): "Part 1 – Personal Data Processed
// by the Provider as a Processor on the Client's instructions", a phrase
// of up to 16 words without a sentence's end.
func partTitle(t string) bool {
	return startsUpper(t) && len(t) <= 150 && len(strings.Fields(t)) <= 16 && !strings.Contains(t, ". ") &&
		!strings.ContainsAny(t[len(t)-1:], ".;,")
}

// findParts finds where exhibits and similar parts start. A part starts
// after the main body's first clause, numbered or, in Markdown, a heading
// that names no document (an annex named on a cover page before the terms
// is not one), and where the same part is named several times (a list of
// exhibits, then the exhibit), the last heading wins.
//
// An unnumbered heading after which the numbering restarts ("# Service
// Level Agreement" then "1. Uptime") is not a part: the splitter prefixes
// its numbers with the heading (see planPrefixed).
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
		if md && firstSection(l.text) {
			first = i
			break
		}
	}
	if first < 0 {
		return nil
	}
	last := map[string]int{}
	var parts []part
	fenced := false
	// Numbered parts ("Part 1", "Part 2") divide the body itself: the
	// first may open before any clause.
	from := first + 1
	if p := bodyParts(lines, toc, md, first); p >= 0 {
		from = p
	}
	lettered := letteredAnnexes(lines, toc, md, first)
	for i := from; i < len(lines); i++ {
		if md && mdFenceRe.MatchString(lines[i].text) {
			fenced = !fenced // a code block holds no part heading
		}
		if toc[i] || fenced {
			continue
		}
		id, h, ok := parsePart(lines[i].text, md)
		if !ok && lettered {
			id, h, ok = letteredPart(lines, i, md)
		}
		if ok {
			if k, seen := last[id]; seen {
				parts[k].line = -1
			}
			last[id] = len(parts)
			parts = append(parts, part{line: i, id: id, heading: h})
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
		top := lastTopNumber(lines, toc, md, first, p.line)
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
				if m.ord == 1 || m.strong {
					break
				}
				// Only the body's next number makes the heading a
				// mention; another ("70 Sir John Rogerson's Quay" in
				// a table of addresses) says nothing.
				if m.ord > top && m.ord <= top+2 {
					keep = false
					break
				}
			}
		}
		if keep {
			out = append(out, p)
		}
	}
	return out
}

// bodyParts is the line of a "Part 1" heading before the body's first
// clause (at line first) when a "Part 2" heading follows it, else -1.
func bodyParts(lines []srcLine, toc []bool, md bool, first int) int {
	start := -1
	for i := range lines {
		if toc[i] {
			continue
		}
		id, _, ok := parsePart(lines[i].text, md)
		switch {
		case !ok:
		case id == "Part 1" && i < first && start < 0:
			start = i
		case id == "Part 2" && start >= 0:
			return start
		}
	}
	return -1
}

// firstSection reports whether a Markdown line is a heading that can open
// the body of an agreement: neither its title (a heading naming a
// document, "# Data Processing Addendum") nor a part.
func firstSection(raw string) bool {
	g := mdHeadingRe.FindStringSubmatch(strings.TrimSpace(raw))
	if g == nil || len(raw)-len(strings.TrimLeft(raw, " ")) >= 4 {
		return false
	}
	h := cleanHeading(stripHeadingInline(g[2]))
	if _, _, isPart := parsePart(raw, true); isPart || h == "" {
		return false
	}
	return !docNameRe.MatchString(h)
}

// lastTopNumber is the last top-level clause number ("7." of the body,
// not "7.2") on the lines [from, to), or 0.
func lastTopNumber(lines []srcLine, toc []bool, md bool, from, to int) int {
	for j := to - 1; j >= from && j >= 0; j-- {
		if toc[j] {
			continue
		}
		if m, ok := parseMarker(lines[j].text, md); ok && m.kind == kNum && m.numHead == 0 && len(m.path) <= 1 {
			return m.ord
		}
	}
	return 0
}

// letteredPart reads line i as a lettered part after the body ("SECTION
// C", "Part B – Support Terms", "## Section D: Security"): a lettered
// heading (see letteredHeading) that is a line of its own, not a phrase
// wrapped onto it. Its ID is its name, its heading the title after it.
func letteredPart(lines []srcLine, i int, md bool) (id, heading string, ok bool) {
	t := strings.TrimSpace(lines[i].text)
	if md {
		if g := mdHeadingRe.FindStringSubmatch(t); g != nil {
			t = stripInline(g[2])
		}
	}
	t = strings.TrimSpace(strings.Trim(t, "*_ "))
	if id, ok = letteredHeading(t); !ok || lines[i].typeCont {
		return "", "", false
	}
	if i > 0 && lines[i-1].page == lines[i].page {
		if prev := strings.TrimSpace(lines[i-1].text); prev != "" && !strings.ContainsAny(prev[len(prev)-1:], `.:;!?")*_`) {
			return "", "", false
		}
	}
	g := letteredRe.FindStringSubmatch(t)
	return id, cleanHeading(g[3]), true
}

// letteredAnnexes reports whether the lettered headings of a document
// are parts after its body: its first lettered heading comes after the
// body's first clause (at line first) and is no first letter ("Section
// C", "Part B" after clauses 1-9). A document whose lettered headings
// open before its first clause, or start at "A" or "I" ("Part A –
// General Terms", "Part B – Service Terms"), divides its body into
// lettered sections, which stay sections (see letteredHeading).
func letteredAnnexes(lines []srcLine, toc []bool, md bool, first int) bool {
	for i := range lines {
		if toc[i] {
			continue
		}
		if id, _, ok := letteredPart(lines, i, md); ok {
			letter := id[strings.LastIndexByte(id, ' ')+1:]
			return i > first && letter != "A" && letter != "I"
		}
	}
	return false
}

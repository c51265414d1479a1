package extract

import (
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Markdown headings the splitter would not see as headings: a heading
// written inside a numbered list item ("1.  ## Services", what Pandoc makes
// of an HTML <ol><li><h2>), and a bare designator heading whose title is
// the next heading ("## ARTICLE I" above "## DEFINITIONS").

var (
	// mdListHeadRe: a numbered list item whose text is a heading
	// ("2.  ## Statements of Work", "    1.  ### Integration").
	mdListHeadRe = lazyre.New(`^( *)(\d{1,3})[.)][ \t]+(#{1,6})[ \t]+(\S.*)$`)
	// mdBareItemRe: a numbered list item with no text on its line, as an
	// HTML <li> holding a heading is written ("1. " then "## Services").
	mdBareItemRe = lazyre.New(`^( *)(\d{1,3})[.)][ \t]*$`)
	// mdDoubleItemRe: a list item whose first block is a nested list, as
	// Pandoc writes it ("1.  2.  Password. Each Subscriber ...").
	mdDoubleItemRe = lazyre.New(`^( *)(\d{1,3})\.[ \t]+(\d{1,3})\.[ \t]+(\S)`)
	// mdNumHeadRe: a numbered heading at the margin ("## 4. Fees").
	mdNumHeadRe = lazyre.New(`^#{1,6}[ \t]+(\d{1,3}(?:\.\d{1,3}){0,3})\.?(?:[ \t]|$)`)
	// mdBareDesignatorRe: a heading that is only a designator and its
	// number ("## ARTICLE I", "### Section 4.").
	// designatorWordRe: a heading that opens with a designator of its own
	// ("Annex 2", "Clause 1", "Schedule B").
	designatorWordRe   = lazyre.New(`^(?i:annex|appendix|article|attachment|addendum|chapter|clause|exhibit|part|schedule|section)\b`)
	mdBareDesignatorRe = lazyre.New(`^(#{1,6})[ \t]+(?:\*\*|__)?(?i:article|section|part|chapter)[ \t]+(?:\d{1,3}|[IVXLCivxlc]{1,7})\.?(?:\*\*|__)?[ \t]*$`)
)

// listHeadings rewrites the headings of numbered list items as numbered
// headings: "2.  ## Statements of Work" becomes "## 2. Statements of
// Work", and the items nested in it ("    1.  ### Integration") take the
// path a browser shows them under ("### 2.1 Integration"). Items count on
// from the first of their list, as a browser numbers them. Under a
// numbered heading at the margin ("## 4. Fees") the path starts with its
// number ("### 4.1 Invoices"). A heading outside the lists ends them; body
// text does not (an HTML page's paragraphs stand at the margin).
func listHeadings(lines []srcLine) {
	type item struct{ indent, num int }
	var stack []item
	base := ""
	for i := 0; i < len(lines); i++ {
		t := lines[i].text
		if strings.TrimSpace(t) == "" {
			continue
		}
		var indent, num int
		var hashes, title string
		if g := mdListHeadRe.FindStringSubmatch(t); g != nil {
			indent, num, hashes, title = len(g[1]), atoi(g[2]), g[3], g[4]
		} else if g := mdBareItemRe.FindStringSubmatch(t); g != nil {
			j := i + 1
			for j < len(lines) && j <= i+2 && strings.TrimSpace(lines[j].text) == "" {
				j++
			}
			h := []string(nil)
			if j < len(lines) {
				h = mdHeadingRe.FindStringSubmatch(strings.TrimLeft(lines[j].text, " "))
			}
			if h == nil || strings.TrimSpace(h[2]) == "" {
				continue
			}
			indent, num, hashes, title = len(g[1]), atoi(g[2]), h[1], h[2]
			for k := i + 1; k <= j; k++ {
				lines[k].text = ""
			}
		} else {
			if strings.HasPrefix(t, "#") {
				stack = stack[:0]
				base = ""
				if g := mdNumHeadRe.FindStringSubmatch(t); g != nil && !dateHeadRe.MatchString(strings.TrimLeft(t, "# \t")) {
					base = g[1] // not a date's day ("## 4 March 2021")
				}
			}
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].indent > indent {
			stack = stack[:len(stack)-1]
		}
		if n := len(stack); n > 0 && stack[n-1].indent == indent {
			stack[n-1].num++
		} else {
			stack = append(stack, item{indent, num})
		}
		parts := make([]string, 0, len(stack)+1)
		if base != "" {
			parts = append(parts, base)
		}
		for _, it := range stack {
			parts = append(parts, strconv.Itoa(it.num))
		}
		path := strings.Join(parts, ".")
		if len(parts) == 1 {
			path += "."
		}
		lines[i].text = hashes + " " + path + " " + title
	}
}

// designatorTitles joins a bare designator heading to the heading that
// names it: "## ARTICLE I" above "## DEFINITIONS" (next line, or after
// one blank line) becomes the heading "## ARTICLE I" with the plain line
// "DEFINITIONS" under it, as a title set on its own line is read. Two
// headings in a row otherwise leave the first empty and its number lost.
func designatorTitles(lines []srcLine) {
	for i := 0; i+1 < len(lines); i++ {
		if !mdBareDesignatorRe.MatchString(strings.TrimRight(lines[i].text, " ")) {
			continue
		}
		j := i + 1
		if strings.TrimSpace(lines[j].text) == "" && j+1 < len(lines) {
			j++
		}
		h := mdHeadingRe.FindStringSubmatch(lines[j].text)
		lv := strings.IndexByte(lines[i].text, ' ')
		if h == nil || len(h[1]) < lv || strings.TrimSpace(h[2]) == "" || designatorWordRe.MatchString(stripInline(h[2])) {
			continue // "#### Part C" above "### Annex 2": a part of its own
		}
		if _, ok := parseMarker(lines[j].text, true); ok {
			continue // "## 1. Definitions": a clause of its own
		}
		lines[i+1].text = h[2]
		if j > i+1 {
			lines[j].text = ""
		}
		i = j
	}
}

// doubleItems rewrites a list item that opens a nested list on its own line
// ("1.  2.  Password. Each Subscriber ...", what Pandoc writes of an HTML
// <li> whose first block is an <ol>) as the clause number a reader cites,
// "1.2 Password. Each Subscriber ...".
func doubleItems(lines []srcLine) {
	for i, l := range lines {
		if g := mdDoubleItemRe.FindStringSubmatchIndex(l.text); g != nil {
			t := l.text
			lines[i].text = t[:g[3]] + t[g[4]:g[5]] + "." + t[g[6]:g[7]] + " " + t[g[8]:]
		}
	}
}

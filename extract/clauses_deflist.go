package extract

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Definition-list headings. reStructuredText (and plain text written in
// its manner) gives a section's topics as a definition list: a term line
// at the margin, then its paragraph indented on the very next line
// ("Incident response" over "    Our engineering team is on call ...").
// Each term is cited as a heading of its own, `"Incident response"`, under
// the section heading above it.

// defItemRe: a line that opens a list item or a numbered clause, never a
// term.
var defItemRe = lazyre.New(`^\s*(?:[-*+•]\s|\d{1,3}(?:\.\d{1,3})*[.)]?\s|\(?[A-Za-z]{1,4}[.)]\s|#)`)

// defTerm reports whether line i is a definition-list term: a short title
// at the margin (a capital first, no closing punctuation, at most ten
// words) after a blank line, with an indented line of text right below.
func defTerm(lines []srcLine, i int) bool {
	if i+1 >= len(lines) || i > 0 && strings.TrimSpace(lines[i-1].text) != "" {
		return false
	}
	raw, next := lines[i].text, lines[i+1].text
	t := strings.TrimSpace(raw)
	if t == "" || raw[0] == ' ' || raw[0] == '\t' || len(t) > 80 || len(strings.Fields(t)) > 10 ||
		!startsUpper(t) || strings.ContainsAny(t[len(t)-1:], ".,;:!?") || defItemRe.MatchString(raw) ||
		strings.HasPrefix(t, "|") || strings.HasPrefix(t, "..") {
		return false
	}
	ind := len(next) - len(strings.TrimLeft(next, " \t"))
	return ind >= 2 && strings.TrimSpace(next) != "" && !defItemRe.MatchString(next)
}

// defListHeadings rewrites the terms of definition lists that stand under
// a "#" heading (no numbered clause between) as headings one level below
// it. A document needs two such terms; one alone may be a wrapped line.
// Runs after setextToATX and rstToATX, so that every heading is a "#" one.
func defListHeadings(lines []srcLine) {
	var terms, levels []int
	level := 0 // the last heading's level; 0 before any, or inside a numbered clause
	fence := false
	for i, l := range lines {
		if mdFenceRe.MatchString(l.text) {
			fence = !fence
		}
		if fence {
			continue
		}
		if g := mdHeadingRe.FindStringSubmatch(strings.TrimSpace(l.text)); g != nil && l.text[0] == '#' {
			level = len(g[1])
			continue
		}
		if l.text != "" && l.text[0] != ' ' && l.text[0] != '\t' && defItemRe.MatchString(l.text) && !strings.HasPrefix(l.text, "#") {
			if _, ok := readMarker(l.text, true, false); ok {
				level = 0 // a numbered clause at the margin: its terms are its text
			}
			continue
		}
		if level > 0 && level < 6 && defTerm(lines, i) {
			terms = append(terms, i)
			levels = append(levels, level+1)
		}
	}
	if len(terms) < 2 {
		return
	}
	for k, i := range terms {
		lines[i].text = strings.Repeat("#", levels[k]) + " " + strings.TrimSpace(lines[i].text)
	}
}

package extract

import (
	"strconv"
	"strings"
)

// Fallback split for documents with neither numbering nor headings of
// the kinds in clauses_unnumbered.go.

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
	return len(next) >= 30 && !isAllCaps(next)
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

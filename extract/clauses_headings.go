package extract

import (
	"strconv"
	"strings"
)

// Fallback splits for documents without numbering.

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

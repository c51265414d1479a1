package extract

import (
	"sort"
	"strings"
)

// Inline enumerations: "(i) ...; (ii) ..." inside a clause's own text.

// maxInlineToks bounds the work on one clause (the chains and parents are
// quadratic in the number of "(x)" marks); a clause with more is left whole.
const maxInlineToks = 400

// inlineTok is "(b)" or "(iv)" inside running text.
type inlineTok struct {
	line, off, end int // end: byte offset after ")"
	label          string
	letter, upper  int // ordinal as a lowercase / uppercase letter
	roman, num     int
	claimed        bool
	chainStart     int // index of the first token of the chain that claimed it
}

// inlineToks finds "(x)" markers preceded by a space, a line start or
// punctuation (so "Section 8.1(a)" is a reference, not an item).
func inlineToks(lines []srcLine, from, to int) []inlineTok {
	var out []inlineTok
	for li := from; li < to; li++ {
		t := lines[li].disp
		for i := 0; i < len(t); i++ {
			if t[i] != '(' {
				continue
			}
			if i > 0 && !strings.ContainsRune(" \t:;,", rune(t[i-1])) && !strings.HasSuffix(t[:i], "—") && !strings.HasSuffix(t[:i], "–") {
				continue
			}
			j := strings.IndexByte(t[i:], ')')
			if j < 2 || j > 6 {
				continue
			}
			label := t[i+1 : i+j]
			after := i + j + 1
			if after < len(t) && t[after] != ' ' && t[after] != '\t' {
				continue
			}
			tok := inlineTok{line: li, off: i, end: after, label: label}
			switch {
			case isDigits(label):
				tok.num = atoi(label)
			case len(label) == 1 && label[0] >= 'a' && label[0] <= 'z':
				tok.letter = int(label[0]-'a') + 1
				tok.roman = romanValue(label)
			case len(label) == 1 && label[0] >= 'A' && label[0] <= 'Z':
				tok.upper = int(label[0]-'A') + 1
			case label == strings.ToLower(label):
				tok.roman = romanValue(label)
			}
			if tok.num+tok.letter+tok.upper+tok.roman > 0 {
				out = append(out, tok)
			}
		}
	}
	return out
}

type inlineItem struct {
	tok    *inlineTok
	next   *inlineTok // next item of the same chain, or nil
	first  *inlineTok // first item of the chain
	family int
}

// chains groups tokens into runs (a), (b), (c)... of at least two items
// starting at the first value; letters are claimed before romans, so "(i)"
// after "(h)" is a letter.
func inlineChains(toks []inlineTok) []inlineItem {
	ord := func(t *inlineTok, fam int) int {
		return [...]int{t.letter, t.upper, t.num, t.roman}[fam]
	}
	var items []inlineItem
	for fam := 0; fam < 4; fam++ {
		for i := 0; i < len(toks); i++ {
			if toks[i].claimed || ord(&toks[i], fam) != 1 {
				continue
			}
			chain := []int{i}
			want := 2
			for j := i + 1; j < len(toks); j++ {
				if toks[j].claimed {
					if toks[j].chainStart < i {
						break // the next item of an enclosing list: this list ended
					}
					continue
				}
				if ord(&toks[j], fam) == want {
					chain = append(chain, j)
					want++
				}
			}
			if len(chain) < 2 {
				continue
			}
			for k, c := range chain {
				toks[c].claimed = true
				toks[c].chainStart = i
				it := inlineItem{tok: &toks[c], first: &toks[i], family: fam}
				if k+1 < len(chain) {
					it.next = &toks[chain[k+1]]
				}
				items = append(items, it)
			}
			i = chain[len(chain)-1]
		}
	}
	return items
}

func tokBefore(a, b *inlineTok) bool {
	return a.line < b.line || a.line == b.line && a.off < b.off
}

// withInline adds the enumerations inside a clause's own text ("Customer
// will not: (i) ...; (ii) ...") as child clauses "2.1(a)(i)", "2.1(a)(ii)",
// so that citations such as "§2.1(a)(v)" resolve. Items already split on
// their own lines are not repeated. Inline items carry no heading.
func (s *splitter) withInline() []Clause {
	off := 0
	if len(s.clauses) > 0 && s.clauses[0].ID == "preamble" {
		off = 1
	}
	byID := map[string]int{}
	for ci, c := range s.clauses {
		byID[c.ID] = ci
	}
	var out []Clause
	for ci, c := range s.clauses {
		out = append(out, c)
		k := ci - off
		if k < 0 {
			continue
		}
		from, to := s.starts[k], s.ends[k]
		if k+1 < len(s.starts) && s.starts[k+1] < to {
			to = s.starts[k+1]
		}
		toks := inlineToks(s.lines, from, to)
		// The clause's own marker at the start of its first line is not an item.
		if len(toks) > 0 && toks[0].line == from && strings.TrimSpace(s.lines[from].disp[:toks[0].off]) == "" {
			toks = toks[1:]
		}
		if len(toks) < 2 || len(toks) > maxInlineToks {
			continue
		}
		items := inlineChains(toks)
		if len(items) == 0 {
			continue
		}
		sort.SliceStable(items, func(a, b int) bool { return tokBefore(items[a].tok, items[b].tok) })
		type span struct {
			it  inlineItem
			end *inlineTok
			id  string
		}
		var spans []span
		for _, it := range items {
			spans = append(spans, span{it: it, end: it.next})
		}
		// Parent: the innermost earlier item of another family whose span contains this one.
		base := s.inlineBase(ci, off, byID)
		for i := range spans {
			parent, idBase := c.ID, base
			for j := i - 1; j >= 0; j-- {
				p := spans[j]
				// A list that started inside this item's list cannot hold it.
				if p.it.family == spans[i].it.family || p.id == "" || !tokBefore(p.it.first, spans[i].it.first) {
					continue
				}
				if p.end == nil || tokBefore(spans[i].it.tok, p.end) {
					parent, idBase = p.id, p.id
					break
				}
			}
			id := idBase + "(" + spans[i].it.tok.label + ")"
			if s.used[id] {
				continue
			}
			s.used[id] = true
			spans[i].id = id
			startTok := spans[i].it.tok
			endLine, endOff := to-1, -1
			if e := spans[i].end; e != nil {
				endLine, endOff = e.line, e.off
			} else {
				// The item runs to the end of the enclosing item, if any.
				for j := i - 1; j >= 0; j-- {
					if spans[j].id != "" && spans[j].id == parent && spans[j].end != nil {
						endLine, endOff = spans[j].end.line, spans[j].end.off
						break
					}
				}
			}
			text := s.sliceText(startTok.line, startTok.off, endLine, endOff)
			out = append(out, Clause{ID: id, Text: text, Pages: s.pagesOf(startTok.line, endLine+1), Parent: parent})
		}
	}
	return out
}

// inlineBase is the ID the inline items of clause ci build on: its own,
// or for an unnumbered heading that of the nearest numbered clause above
// it, so that "**Payment Terms** ... (i) ...; (ii) ..." under clause J.1
// gives J.1(i) and J.1(ii) (the items' parent is still the heading).
func (s *splitter) inlineBase(ci, off int, byID map[string]int) string {
	id := s.clauses[ci].ID
	for k := ci; k >= off && s.headInfo[k-off] != nil; {
		p, ok := byID[s.clauses[k].Parent]
		if !ok {
			return id
		}
		k = p
		if k < off || s.headInfo[k-off] == nil {
			return s.clauses[k].ID
		}
	}
	return id
}

// sliceText is the text from (l1, o1) to (l2, o2); o2 < 0 means the end of l2.
func (s *splitter) sliceText(l1, o1, l2, o2 int) string {
	if l2 >= len(s.lines) {
		l2, o2 = len(s.lines)-1, -1
	}
	var b strings.Builder
	blank := false
	for li := l1; li <= l2; li++ {
		t := s.lines[li].disp
		if strings.TrimSpace(t) == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		a, e := 0, len(t)
		if li == l1 {
			a = min(o1, len(t))
		}
		if li == l2 && o2 >= 0 {
			e = min(o2, len(t))
		}
		if a > e {
			a = e
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(t[a:e])
	}
	return strings.TrimRight(strings.TrimSpace(b.String()), ";,")
}

package extract

import (
	"sort"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
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
				switch ord(&toks[j], fam) {
				case want:
					chain = append(chain, j)
					want++
					continue
				case 1:
					// "(a)" again opens another list ("'Covered
					// Expenses' means (a) ...; and (b) .... 'Excluded
					// Breach' means (a) ..."): this one ended.
				default:
					continue
				}
				break
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
			it         inlineItem
			end        *inlineTok
			id         string
			eLine, eOf int // where its text ends (see sliceText)
		}
		var spans []span
		for _, it := range items {
			spans = append(spans, span{it: it, end: it.next})
		}
		// Parent: the innermost earlier item of another family whose span contains this one.
		base := s.inlineBase(ci, off, byID)
		ownLetter := lettered(c.ID)
		for i := range spans {
			parent, idBase := c.ID, base
			for j := i - 1; j >= 0; j-- {
				p := spans[j]
				// A list that started inside this item's list cannot hold it.
				if p.it.family == spans[i].it.family || p.id == "" || !tokBefore(p.it.first, spans[i].it.first) {
					continue
				}
				// Where the item ends (its next item, or the end of its
				// sentence or paragraph) bounds what it holds.
				if t := spans[i].it.tok; t.line < p.eLine || t.line == p.eLine && (p.eOf < 0 || t.off < p.eOf) {
					parent, idBase = p.id, p.id
					break
				}
			}
			if f := spans[i].it.first; ownLetter && parent == c.ID && spans[i].it.family == 0 &&
				strings.TrimSpace(s.lines[f.line].disp[:f.off]) == "" {
				// A lettered list opening a line of a lettered item's
				// text ("(a) Account data ...", then, under the next
				// run-in title, "(a) Users. (b) Visitors."): a list
				// of the item's own kind on a line of its own is no
				// sub-list of the item, which a document would display
				// as "(a)(a)". A list inside the item's sentence ("d.
				// Vendor will not (a) sell ...; (b) ...") is one.
				continue
			}
			id := idBase + "(" + spans[i].it.tok.label + ")"
			if s.used[id] && idBase == base && base != c.ID {
				// A second sub-heading's list under the same numbered
				// clause ("Option A" (a)-(e), then "Option B" (a)-(d)):
				// its items are cited by the sub-heading.
				id = c.ID + "(" + spans[i].it.tok.label + ")"
			}
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
					if spans[j].id != "" && spans[j].id == parent {
						endLine, endOff = spans[j].eLine, spans[j].eOf
						break
					}
				}
				// The last item ends with its sentence, or its
				// paragraph when it opens a line: what follows is the
				// clause's again.
				endLine, endOff = s.itemEnd(startTok, endLine, endOff)
			}
			spans[i].eLine, spans[i].eOf = endLine, endOff
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

// itemEnd is where the last item of an inline list that opens at tok
// ends, no later than (endLine, endOff) (endOff < 0: the end of the
// line): at the end of its sentence when the mark stands inside a line
// ("the Processor shall (i) notify ... and (ii) provide ... . The notice
// ..."), at the end of its paragraph when the mark opens a line; the
// sentences and paragraphs after it are its clause's.
func (s *splitter) itemEnd(tok *inlineTok, endLine, endOff int) (int, int) {
	midLine := strings.TrimSpace(s.lines[tok.line].disp[:tok.off]) != ""
	if !midLine && tok.line > 0 && s.lines[tok.line-1].page == s.lines[tok.line].page {
		// A mark a wrapped sentence put at a line start ("... and" over
		// "(ii) provide ...") stands inside its sentence too.
		prev := strings.TrimSpace(s.lines[tok.line-1].disp)
		midLine = prev != "" && !strings.ContainsAny(prev[len(prev)-1:], ".:;!?")
	}
	last := tok.line // the last line holding text so far
	for li := tok.line; li <= endLine && li < len(s.lines); li++ {
		t := s.lines[li].disp
		if strings.TrimSpace(t) == "" {
			if li > tok.line {
				return last, -1 // a paragraph ends
			}
			continue
		}
		if li > tok.line && startsBullet(t) {
			return last, -1 // the next bullet of the list the item stands in
		}
		last = li
		if !midLine {
			continue
		}
		a, e := 0, len(t)
		if li == tok.line {
			a = tok.end
		}
		if li == endLine && endOff >= 0 {
			e = min(endOff, len(t))
		}
		for k := a; k < e; k++ {
			if c := t[k]; (c == '.' || c == '!' || c == '?') && sentenceEndsAt(s.lines, li, k, endLine) {
				return li, k + 1
			}
		}
	}
	return endLine, endOff
}

// startsBullet reports whether a line opens with a bullet mark ("- ",
// "* ", "+ ", "• ", "◦ ", "▪ ").
func startsBullet(t string) bool {
	t = strings.TrimLeft(t, " \t")
	for _, b := range []string{"- ", "* ", "+ ", "• ", "◦ ", "▪ "} {
		if strings.HasPrefix(t, b) {
			return true
		}
	}
	return false
}

// sentenceEndsAt reports whether the stop at lines[li].disp[k] ends a
// sentence: a space or the line's end follows it (after a closing quote or
// parenthesis), then a capital, a figure or an opening quote, and the word
// before it is no abbreviation ("e.g.", "Inc.", "U.S.", a single letter).
func sentenceEndsAt(lines []srcLine, li, k, lastLine int) bool {
	t := lines[li].disp
	j := k + 1
	for j < len(t) && strings.IndexByte(`"')`, t[j]) >= 0 {
		j++
	}
	var next string
	switch {
	case j < len(t) && t[j] != ' ' && t[j] != '\t':
		return false // "www.make.com", "3.5", "e.g.,"
	case strings.TrimSpace(t[j:]) != "":
		next = strings.TrimSpace(t[j:])
	default:
		for n := li + 1; n <= lastLine && n < len(lines); n++ {
			if u := strings.TrimSpace(lines[n].disp); u != "" {
				next = u
				break
			}
		}
		if next == "" {
			return true
		}
	}
	r := strings.TrimLeft(next, `"'“‘(`)
	if r == "" || !(startsUpper(r) || r[0] >= '0' && r[0] <= '9') {
		return false
	}
	w := t[:k]
	if i := strings.LastIndexAny(w, " \t("); i >= 0 {
		w = w[i+1:]
	}
	switch strings.ToLower(strings.TrimRight(w, ".")) {
	case "e.g", "i.e", "inc", "ltd", "co", "corp", "no", "nos", "sec", "art", "cl", "para", "vs", "u.s", "u.k", "etc", "mr", "ms", "dr", "st", "approx", "incl", "cf":
		return false
	}
	if len([]rune(w)) > 1 {
		return true
	}
	// A single letter is an initial or a list mark, but not the name
	// of a section, exhibit or part ("this Section P. Each Party ...").
	before := strings.Fields(t[:k-len(w)])
	return len(before) > 0 && partWordRe.MatchString(before[len(before)-1])
}

var partWordRe = lazyre.New(`^(?i:section|exhibit|schedule|annex|appendix|attachment|part|article|clause)$`)

// wrappedInline reports whether the item mark "(i)" opening line i only
// begins the line because a sentence wrapped there: the line before
// continues a sentence (no stop, colon or semicolon ends it) and the
// line holds the list's next item inline ("... the Processor shall" over
// "(i) notify the Controller ... and (ii) provide ..."). Such a list is
// read as an inline enumeration of the clause (see withInline), not as
// clauses that run on to the next number.
func (s *splitter) wrappedInline(m marker, i int) bool {
	if !m.kind.paren() || i == 0 || m.chain {
		return false
	}
	prev := strings.TrimSpace(s.lines[i-1].text)
	// In Markdown and text a lead-in's colon may end the line too
	// ("including:" over "(i) names; (ii) e-mail addresses"): the items
	// on one line are still an inline list.
	stops := `.:;!?)"*_`
	if !s.paginated {
		stops = `.;!?)"*_`
	}
	if prev == "" || s.lines[i-1].page != s.lines[i].page || s.lines[i-1].typeLevel > 0 ||
		strings.ContainsAny(prev[len(prev)-1:], stops) {
		return false
	}
	if _, ok := s.markerAt(i - 1); ok && len(strings.Fields(prev)) <= 2 {
		return false // "Clause 5" over "(a) ..."
	}
	var next []string
	switch {
	case m.ord == 1 && m.kind == kPRoman, m.altRoman == 1:
		next = append(next, "(ii)")
	}
	if m.ord == 1 {
		switch m.kind {
		case kPLower:
			next = append(next, "(b)")
		case kPUpper:
			next = append(next, "(B)")
		case kPNum:
			next = append(next, "(2)")
		}
	}
	for _, n := range next {
		if k := strings.Index(m.rest, n); k > 0 && strings.ContainsRune(" \t:;,", rune(m.rest[k-1])) {
			return true
		}
	}
	return false
}

// lettered says a clause ID ends in a lowercase letter item, "(b)" (not
// "(i)", "(v)" or "(x)", which may be romans).
func lettered(id string) bool {
	n := len(id)
	return n >= 3 && id[n-1] == ')' && id[n-3] == '(' && id[n-2] >= 'a' && id[n-2] <= 'z' && !strings.ContainsRune("ivx", rune(id[n-2]))
}

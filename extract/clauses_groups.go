package extract

import "strings"

// Grouping headings: numbered headings of one designator that only group
// the clauses of another, numbered on their own.

// groupingLines finds the lines of numbered headings that group clauses
// numbered on their own: in the standard contractual clauses, "SECTION II
// – OBLIGATIONS OF THE PARTIES" holds Clauses 8 to 13, whose numbers run on
// from Clause 7 under SECTION I. Where, after each marker of one
// designator (Section) but the first, the next marker of a designator
// with more markers (Clause) continues its own numbering instead of
// starting at 1, the first
// designator's markers are headings cited by their text, and the clauses
// keep their own numbers: "8.6(c)", not "II.8.6(c)". Dotted numbers
// ("ARTICLE III" over "Section 3.1") are never grouped this way.
func (s *splitter) groupingLines() map[int]bool {
	type strongMark struct {
		line int
		word string
		ord  int
	}
	var ms []strongMark
	words := map[string]int{}
	for i := range s.lines {
		if i < len(s.toc) && s.toc[i] {
			continue
		}
		m, ok := s.markerAt(i)
		if !ok || !m.strong || m.ord <= 0 {
			continue
		}
		w := designator(m.word)
		ms = append(ms, strongMark{line: i, word: w, ord: m.ord})
		words[w]++
	}
	if len(words) < 2 {
		return nil
	}
	var out map[int]bool
	for w, n := range words {
		runOn, restart, seen := 0, 0, 0
		for k, x := range ms {
			if x.word != w {
				continue
			}
			if seen++; seen < 2 {
				continue
			}
			// The grouped designator has more markers than the grouping one.
			if k+1 < len(ms) && words[ms[k+1].word] > n {
				if ms[k+1].ord > 1 {
					runOn++
				} else {
					restart++
				}
			}
		}
		if runOn == 0 || restart > 0 {
			continue
		}
		if out == nil {
			out = map[int]bool{}
		}
		for _, x := range ms {
			if x.word == w {
				out[x.line] = true
			}
		}
	}
	return out
}

// designator spells a strong marker's keyword alike: "sec" is section,
// "art" article.
func designator(w string) string {
	switch strings.TrimSuffix(w, ".") {
	case "sec":
		return "section"
	case "art":
		return "article"
	}
	return w
}

// groupHeading is the unnumbered heading a grouping line stands for: its
// text as cited ("SECTION II – OBLIGATIONS OF THE PARTIES"), ranked as the
// Markdown heading it is written as, else above every other heading, so
// that it closes the clauses of the group before it.
func (s *splitter) groupHeading(i int) uhead {
	rank := 1
	if m, ok := s.markerAt(i); ok && m.mdLevel > 0 {
		rank = m.mdLevel
	}
	return uhead{rank: rank, text: cleanHeading(stripInline(s.lines[i].disp)), alone: true}
}

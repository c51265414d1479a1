package analyze

import "strings"

// span is a half-open range of token indices [from, to).
type span struct{ from, to int }

// matcher finds vocabulary classes in one sentence. Results are memoised:
// each (class, position) is computed once however many rules ask.
type matcher struct {
	v    *Vocabulary
	toks []token
	// names adds per-document phrases to party classes (the names an
	// agreement defines: "Acme", "BNL").
	names map[string][]phrase
	memo  []map[string][]int
	spans map[string][]span
}

func newMatcher(v *Vocabulary, toks []token, names map[string][]phrase) *matcher {
	return &matcher{v: v, toks: toks, names: names, memo: make([]map[string][]int, len(toks)+1), spans: map[string][]span{}}
}

// at returns the end positions of the class's phrases that start at token i.
func (m *matcher) at(class string, i int) []int {
	if i >= len(m.toks) {
		return nil
	}
	if m.memo[i] == nil {
		m.memo[i] = map[string][]int{}
	}
	if ends, ok := m.memo[i][class]; ok {
		return ends
	}
	m.memo[i][class] = nil // a reference back to the class at the same place finds nothing
	c := m.v.byID[class]
	var ends []int
	if c != nil {
		t := m.toks[i]
		if t.word {
			for _, k := range c.byFirst[t.w] {
				ends = union(ends, m.match(c.phrases[k].words, 0, i))
			}
		}
		for _, k := range c.other {
			ends = union(ends, m.match(c.phrases[k].words, 0, i))
		}
	}
	for _, p := range m.names[class] {
		ends = union(ends, m.match(p.words, 0, i))
	}
	if c != nil && len(c.except) > 0 && len(ends) > 0 {
		ends = m.without(c.except, i, ends)
	}
	m.memo[i][class] = ends
	return ends
}

// without drops the matches [i, end) that an except phrase overlaps: one
// that starts inside the match ("the audit logs" is no audit), or one that
// starts up to three words before and reaches into it ("the cyber incident
// report" is no act of reporting).
func (m *matcher) without(except []phrase, i int, ends []int) []int {
	var out []int
	for _, e := range ends {
		cancelled := false
		for j := max(i-3, 0); j < e && !cancelled; j++ {
			for _, p := range except {
				for _, pe := range m.match(p.words, 0, j) {
					if j >= i || pe > i {
						cancelled = true
						break
					}
				}
				if cancelled {
					break
				}
			}
		}
		if !cancelled {
			out = append(out, e)
		}
	}
	return out
}

// match returns the end positions at which words[k:] match from token i.
func (m *matcher) match(words []pword, k, i int) []int {
	if k == len(words) {
		return []int{i}
	}
	w := words[k]
	var out []int
	if w.gap > 0 {
		for g := 0; g <= w.gap && i+g <= len(m.toks); g++ {
			if g > 0 && isBreak(m.toks[i+g-1]) {
				break
			}
			out = union(out, m.match(words, k+1, i+g))
		}
		return out
	}
	if w.opt {
		out = union(out, m.match(words, k+1, i))
	}
	if i >= len(m.toks) {
		return out
	}
	if w.class != "" {
		for _, e := range m.at(w.class, i) {
			out = union(out, m.match(words, k+1, e))
		}
		return out
	}
	for _, seq := range w.alts {
		if m.seqAt(seq, i) {
			out = union(out, m.match(words, k+1, i+len(seq)))
		}
	}
	return out
}

func (m *matcher) seqAt(seq []wpat, i int) bool {
	if i+len(seq) > len(m.toks) {
		return false
	}
	for j, p := range seq {
		t := m.toks[i+j]
		switch {
		case p.prefix != "":
			if !t.word || !strings.HasPrefix(t.w, p.prefix) {
				return false
			}
		case !contains(p.lits, t.w):
			return false
		}
	}
	return true
}

// find returns every place the class is found, as the longest phrase at
// each starting token, in order.
func (m *matcher) find(class string) []span {
	if s, ok := m.spans[class]; ok {
		return s
	}
	var out []span
	for i := range m.toks {
		if ends := m.at(class, i); len(ends) > 0 {
			out = append(out, span{i, maxInt(ends)})
		}
	}
	m.spans[class] = out
	return out
}

// in reports whether the class is found starting inside [from, to).
func (m *matcher) in(class string, from, to int) bool {
	for _, s := range m.find(class) {
		if s.from >= from && s.from < to {
			return true
		}
		if s.from >= to {
			break
		}
	}
	return false
}

// first returns the first place the class starts at or after from and
// before to, or -1.
func (m *matcher) first(class string, from, to int) span {
	for _, s := range m.find(class) {
		if s.from >= from && s.from < to {
			return s
		}
	}
	return span{-1, -1}
}

func union(a, b []int) []int {
	for _, x := range b {
		if !containsInt(a, x) {
			a = append(a, x)
		}
	}
	return a
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func containsInt(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

func maxInt(xs []int) int {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}

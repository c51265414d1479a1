package analyze

import (
	"sort"
	"strings"
)

// span is a half-open range of token indices [from, to).
type span struct{ from, to int }

// vocabIndex is what the matcher needs of a compiled vocabulary to skip
// work: each class by a small number, and for each literal word the
// classes one of whose phrases can start with it. Built once per
// vocabulary (Vocabulary.compile), read by every matcher.
type vocabIndex struct {
	ids  map[string]int
	list []*vclass
	// starts holds, per word, the classes that have a phrase starting with
	// that word, in increasing order of number, each with those phrases.
	starts map[string][]startRef
	// anywhere marks the classes with a phrase that can start on any token
	// (a prefix, a class reference, an optional word).
	anywhere []bool
}

// buildIndex numbers the classes, resolves the class references in their
// phrases to those numbers and indexes the classes by first word.
func (v *Vocabulary) buildIndex() {
	x := &vocabIndex{ids: map[string]int{}, starts: map[string][]startRef{}}
	for _, def := range v.Classes {
		x.ids[def.ID] = len(x.list)
		x.list = append(x.list, v.byID[def.ID])
	}
	resolve := func(ps []phrase) {
		for _, p := range ps {
			for k := range p.words {
				if w := &p.words[k]; w.class != "" {
					if id, ok := x.ids[w.class]; ok {
						w.ci = id + 1
					}
				}
			}
		}
	}
	x.anywhere = make([]bool, len(x.list))
	for id, c := range x.list {
		resolve(c.phrases)
		resolve(c.except)
		x.anywhere[id] = len(c.other) > 0
		for w, ks := range c.byFirst {
			x.starts[w] = append(x.starts[w], startRef{id: int32(id), phrases: ks})
		}
	}
	for _, refs := range x.starts {
		sort.Slice(refs, func(i, j int) bool { return refs[i].id < refs[j].id })
	}
	v.index = x
}

// startRef is a class with phrases that start with a given word: its
// number and those phrases (the class's byFirst entry for the word).
type startRef struct {
	id      int32
	phrases []int
}

// matcher finds vocabulary classes in one sentence. Results are memoised:
// each (class, position) is computed once however many rules ask.
type matcher struct {
	v    *Vocabulary
	x    *vocabIndex
	toks []token
	// names adds per-document phrases to party classes (the names an
	// agreement defines: "Acme", "BNL"), by class number; classes the
	// vocabulary lacks are numbered after its own (extra).
	names [][]phrase
	extra map[string]int
	// starts holds, per token, the classes that may start on it (shared
	// with the index, never written).
	starts [][]startRef
	// cls holds, per class number, what is memoised of the class.
	cls []classMemo
	// candOff and candAt hold, per class number of the vocabulary, the
	// tokens one of its phrases may start on by its first word, in order:
	// cand(id) is candAt[candOff[id]:candOff[id+1]] (candBuilt: made on
	// the first find, in one pass over starts).
	candOff   []int32
	candAt    []int32
	candBuilt bool
	// everyToken (tests only) memoises and finds every class as one that
	// may start anywhere: the matcher as it was before cand.
	everyToken bool
}

// classMemo is what a matcher has found of one class.
type classMemo struct {
	// memo holds the end positions found at each token where the class
	// may start (allocated when the class is first asked there): a cell
	// per token for a class that may start anywhere, else a cell per
	// entry of cand (memoCell finds it).
	memo []memoCell
	// spans is what find returned, once found is set.
	spans []span
	found bool
}

type memoCell struct {
	// state: 0 not computed, 1 being computed (a reference back to the
	// class at the same place finds nothing), 2 done.
	state uint8
	ends  []int
}

func newMatcher(v *Vocabulary, toks []token, names map[string][]phrase) *matcher {
	x := v.index
	m := &matcher{v: v, x: x, toks: toks}
	n := len(x.list)
	if len(names) > 0 {
		keys := make([]string, 0, len(names))
		for k := range names {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if _, ok := x.ids[k]; !ok {
				if m.extra == nil {
					m.extra = map[string]int{}
				}
				m.extra[k] = n
				n++
			}
		}
		m.names = make([][]phrase, n)
		for k, ps := range names {
			m.names[m.id(k)] = ps
		}
	}
	m.cls = make([]classMemo, n)
	m.starts = make([][]startRef, len(toks))
	for i, t := range toks {
		if t.word {
			m.starts[i] = x.starts[t.w]
		}
	}
	return m
}

// id is the class's number, or -1 when neither the vocabulary nor the
// document's names know it.
func (m *matcher) id(class string) int {
	if id, ok := m.x.ids[class]; ok {
		return id
	}
	if id, ok := m.extra[class]; ok {
		return id
	}
	return -1
}

// mayStart says a phrase of class id can start at token i: the class has
// a phrase that starts anywhere, a document name, or one whose first word
// is the token's.
func (m *matcher) mayStart(id, i int) bool {
	if id < len(m.x.list) && m.x.anywhere[id] || id < len(m.names) && len(m.names[id]) > 0 {
		return true
	}
	return m.startRef(id, i) != nil
}

// startRef is the entry of class id among the classes that have a phrase
// starting with token i's word, or nil.
func (m *matcher) startRef(id, i int) *startRef {
	refs := m.starts[i]
	for k := range refs {
		if c := int(refs[k].id); c >= id {
			if c == id {
				return &refs[k]
			}
			return nil
		}
	}
	return nil
}

// at returns the end positions of the class's phrases that start at token i.
func (m *matcher) at(class string, i int) []int {
	id := m.id(class)
	if id < 0 {
		return nil
	}
	return m.atID(id, i)
}

func (m *matcher) atID(id, i int) []int {
	if i >= len(m.toks) || !m.mayStart(id, i) {
		return nil
	}
	return m.atStart(id, i)
}

// atStart is atID at a token i < len(toks) where the class may start.
func (m *matcher) atStart(id, i int) []int {
	cell := m.memoCell(id, i)
	if cell.state != 0 {
		return cell.ends
	}
	cell.state = 1
	var c *vclass
	if id < len(m.x.list) {
		c = m.x.list[id]
	}
	var ends []int
	if c != nil {
		// The phrases starting with the token's word: c.byFirst[t.w].
		if ref := m.startRef(id, i); ref != nil {
			for _, k := range ref.phrases {
				ends = union(ends, m.match(c.phrases[k].words, 0, i))
			}
		}
		for _, k := range c.other {
			ends = union(ends, m.match(c.phrases[k].words, 0, i))
		}
	}
	if id < len(m.names) {
		for _, p := range m.names[id] {
			ends = union(ends, m.match(p.words, 0, i))
		}
	}
	if c != nil && len(c.except) > 0 && len(ends) > 0 {
		ends = m.without(c.except, i, ends)
	}
	cell.state, cell.ends = 2, ends
	return ends
}

// dense says class id may start on any token: a phrase of it starts
// anywhere, or the document names it (mayStart asks no index).
func (m *matcher) dense(id int) bool {
	return m.everyToken || id >= len(m.x.list) || m.x.anywhere[id] || id < len(m.names) && len(m.names[id]) > 0
}

// memoCell is the memo's cell of class id at token i, where the class
// may start (mayStart): the token's own for a dense class, else the one
// of i's entry in cand[id].
func (m *matcher) memoCell(id, i int) *memoCell {
	cm := &m.cls[id]
	if m.dense(id) {
		if cm.memo == nil {
			cm.memo = make([]memoCell, len(m.toks))
		}
		return &cm.memo[i]
	}
	m.buildCand()
	c := m.cand(id)
	if cm.memo == nil {
		cm.memo = make([]memoCell, len(c))
	}
	k := 0
	if len(c) > 8 {
		k = sort.Search(len(c), func(k int) bool { return int(c[k]) >= i })
	}
	for int(c[k]) != i {
		k++
	}
	return &cm.memo[k]
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
		id := w.ci - 1
		if id < 0 {
			id = m.id(w.class)
		}
		if id < 0 {
			return out
		}
		for _, e := range m.atID(id, i) {
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
	id := m.id(class)
	if id < 0 {
		return nil
	}
	cm := &m.cls[id]
	if cm.found {
		return cm.spans
	}
	var out []span
	if m.dense(id) {
		for i := range m.toks {
			if ends := m.atStart(id, i); len(ends) > 0 {
				out = append(out, span{i, maxInt(ends)})
			}
		}
	} else {
		m.buildCand()
		for _, i := range m.cand(id) {
			if ends := m.atStart(id, int(i)); len(ends) > 0 {
				out = append(out, span{int(i), maxInt(ends)})
			}
		}
	}
	cm.spans, cm.found = out, true
	return out
}

// buildCand lists, per class of the vocabulary, the tokens one of its
// phrases may start on by its first word: the places mayStart allows for a
// class with no phrase that starts anywhere and no document name, so find
// asks only those (atID at any other token finds nothing).
func (m *matcher) buildCand() {
	if m.candBuilt {
		return
	}
	m.candBuilt = true
	n := len(m.x.list)
	// off[c+1] counts class c's places, then sums them into offsets;
	// next[c] is where class c's next place goes.
	off := make([]int32, 2*n+1)
	next := off[n+1:]
	off = off[:n+1]
	for _, refs := range m.starts {
		for _, r := range refs {
			off[r.id+1]++
		}
	}
	for c := 1; c <= n; c++ {
		off[c] += off[c-1]
	}
	copy(next, off[:n])
	at := make([]int32, off[n])
	for i, refs := range m.starts {
		for _, r := range refs {
			at[next[r.id]] = int32(i)
			next[r.id]++
		}
	}
	m.candOff, m.candAt = off, at
}

// cand is the tokens class id of the vocabulary may start on by its
// first word (buildCand made them).
func (m *matcher) cand(id int) []int32 {
	return m.candAt[m.candOff[id]:m.candOff[id+1]]
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

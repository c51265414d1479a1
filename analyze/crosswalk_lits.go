package analyze

import "strings"

// topicLits finds, in one pass over a question in lower case, which of the
// crosswalk's topic filter literals (litFilter) it holds: every distinct
// literal of every topic pattern's filter, numbered, and looked up by the
// two bytes it opens with. Each pattern's filter is then a bit mask over
// the numbers (topicPattern.mask), passed when the question holds one of
// its bits. A question was scanned once per literal of each filter
// (strings.Contains, 242 literals over 81 patterns): most of the time of
// placing a question that no topic's words match.
type topicLits struct {
	lits []string
	// byPair[pair]-1 indexes groups, the numbers of the literals opening
	// with that pair of bytes (0: none); an array, not a map: it is read
	// at every byte of every question.
	byPair [1 << 16]uint32
	groups [][]int32
}

// newTopicLits numbers the literals of the topics' filters and sets each
// pattern's mask; a pattern without a filter keeps a nil mask (passes).
// Filter literals have three bytes or more (filterOfTree).
func newTopicLits(topics []*CrosswalkTopic) *topicLits {
	x := &topicLits{}
	num := map[string]int32{}
	each := func(f func(p *topicPattern)) {
		for _, t := range topics {
			for _, alt := range t.pats {
				for k := range alt {
					f(&alt[k])
				}
			}
			for k := range t.unlessPats {
				f(&t.unlessPats[k])
			}
		}
	}
	each(func(p *topicPattern) {
		for _, l := range p.filter {
			if _, ok := num[l]; ok || len(l) < 2 {
				continue
			}
			n := int32(len(x.lits))
			num[l] = n
			x.lits = append(x.lits, l)
			pair := uint16(l[0])<<8 | uint16(l[1])
			if x.byPair[pair] == 0 {
				x.groups = append(x.groups, nil)
				x.byPair[pair] = uint32(len(x.groups))
			}
			g := x.byPair[pair] - 1
			x.groups[g] = append(x.groups[g], n)
		}
	})
	words := (len(x.lits) + 63) / 64
	each(func(p *topicPattern) {
		p.mask = nil
		if p.filter == nil {
			return
		}
		mask := make([]uint64, words)
		for _, l := range p.filter {
			n, ok := num[l]
			if !ok {
				return // a literal of under two bytes: the filter decides
			}
			mask[n/64] |= 1 << (n % 64)
		}
		p.mask = mask
	})
	return x
}

// held returns the bit set of the literals lower holds (lower:
// strings.ToLower of the question).
func (x *topicLits) held(lower string) []uint64 {
	out := make([]uint64, (len(x.lits)+63)/64+1) // never empty: a nil set means "no index"
	for i := 0; i+1 < len(lower); i++ {
		g := x.byPair[uint16(lower[i])<<8|uint16(lower[i+1])]
		if g == 0 {
			continue
		}
		for _, n := range x.groups[g-1] {
			if out[n/64]&(1<<(n%64)) == 0 && strings.HasPrefix(lower[i:], x.lits[n]) {
				out[n/64] |= 1 << (n % 64)
			}
		}
	}
	return out
}

// passes is p.filter.pass(lower) for held = x.held(lower), x the index
// that set p.mask; with no mask or no set the filter decides.
func (p *topicPattern) passes(lower string, held []uint64) bool {
	if p.mask == nil || held == nil {
		return p.filter.pass(lower)
	}
	for i, m := range p.mask {
		if m&held[i] != 0 {
			return true
		}
	}
	return false
}

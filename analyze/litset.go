package analyze

import (
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// A bigramSet answers mayMatch for a set of literals in one pass over the
// text: a bit per pair of bytes that opens a literal of two bytes or more,
// and the literals by their first byte. strings.Contains per literal scans
// the text once for each (a pattern's set has dozens: "processor",
// "subcontractor", "hosted by" ...), and stops at every byte that opens
// one; here a position is looked at further only when its two bytes open
// a literal. Literals of fewer than two bytes are looked for as before.
type bigramSet struct {
	pairs   [1 << 16 / 64]uint64
	byFirst [256][]string
	short   []string
	n       int // the literals in the set
}

func newBigramSet(lits []string) *bigramSet {
	b := &bigramSet{n: len(lits)}
	for _, l := range lits {
		if len(l) < 2 {
			b.short = append(b.short, l)
			continue
		}
		p := uint16(l[0])<<8 | uint16(l[1])
		b.pairs[p/64] |= 1 << (p % 64)
		b.byFirst[l[0]] = append(b.byFirst[l[0]], l)
	}
	return b
}

// any says folded holds one of the set's literals.
func (b *bigramSet) any(folded string) bool {
	for _, l := range b.short {
		if strings.Contains(folded, l) {
			return true
		}
	}
	for i := 0; i+1 < len(folded); i++ {
		p := uint16(folded[i])<<8 | uint16(folded[i+1])
		if b.pairs[p/64]&(1<<(p%64)) == 0 {
			continue
		}
		for _, l := range b.byFirst[folded[i]] {
			if strings.HasPrefix(folded[i:], l) {
				return true
			}
		}
	}
	return false
}

// bigramSets holds a bigramSet per literal slice, by the address of its
// first element: the slices mayMatch is given are the prefilter's, made
// once per pattern (literalsOf, the crosswalk's topic sets). At most
// maxBigramSets are kept, so a caller's passing slices made afresh
// costs no memory past that: they are answered string by string.
var (
	bigramSets     sync.Map // *string → *bigramSet
	bigramSetCount atomic.Int32
)

const maxBigramSets = 4096

// bigramSetOf returns the bigramSet of lits, or nil when too many are kept.
func bigramSetOf(lits []string) *bigramSet {
	key := unsafe.SliceData(lits)
	if v, ok := bigramSets.Load(key); ok {
		if b := v.(*bigramSet); b.n == len(lits) {
			return b
		}
		return nil // the same first element, another length: not this set
	}
	if bigramSetCount.Load() >= maxBigramSets {
		return nil
	}
	b := newBigramSet(lits)
	if _, loaded := bigramSets.LoadOrStore(key, b); !loaded {
		bigramSetCount.Add(1)
	}
	return b
}

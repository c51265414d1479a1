package extract

import "math"

// A ToUnicode CMap's mappings, looked up lazily: a bfrange of thousands of
// codes (<0000> <FFFF> <0000> is common) is one entry here, not thousands
// of strings made before a single glyph is shown.

// maxCMapEntries is the most codes a CMap maps (a hostile CMap costs no
// more).
const maxCMapEntries = 1 << 17

// maxLazyRanges is the most bfrange entries that cover one block of 256
// codes for the lazy lookup (a lookup scans them); a CMap with more is
// expanded at once.
const maxLazyRanges = 64

// cmapData is what a CMap stream gives: code space ranges and Unicode
// mappings (for ToUnicode CMaps).
type cmapData struct {
	space []codeRange
	// ops are the mappings in the order the CMap gives them (a later one
	// wins); attempts counts the codes they map, saturating past
	// maxCMapEntries.
	ops      []cmapOp
	attempts int
	// lazy: the mappings are looked up in chars (a bfchar or a range of
	// one code, with the index of its op) and blocks (the ranges that
	// cover each block of 256 codes, code>>8, as indices into ops in
	// order), and memo holds what was looked up. Otherwise uni holds every
	// mapping, expanded as the CMap is read in order, at most
	// maxCMapEntries of them.
	lazy   bool
	chars  map[uint32]cmapChar
	blocks map[uint32][]int
	memo   map[uint32]string
	uni    map[uint32]string
}

// cmapOp maps the codes lo..hi: from base, its last UTF-16 unit (or its
// byte) counting up with the code (step), or to the destinations dst, one
// a code from lo (wraps: the codes counted past 0xFFFFFFFF, round to 0).
type cmapOp struct {
	lo, hi uint32
	base   string
	step   bool
	dst    []cmapDst
	wraps  bool
}

// cmapDst is one destination of an array bfrange or a bfchar, for code;
// ok is false for a token that is not a hex string (it maps nothing).
type cmapDst struct {
	code uint32
	s    string
	ok   bool
}

type cmapChar struct {
	op int
	s  string
}

// add appends op, which maps n codes.
func (cm *cmapData) add(op cmapOp, n int) {
	cm.ops = append(cm.ops, op)
	if op.hi == math.MaxUint32 || op.wraps {
		n = maxCMapEntries + 1 // the expansion wraps round to code 0: expanded at once
	}
	cm.attempts = min(cm.attempts+n, maxCMapEntries+1)
}

// settle chooses the lazy form when it gives what the expansion gives:
// fewer codes mapped than the cap (so none was refused), and few ranges
// over any block of codes.
func (cm *cmapData) settle() {
	if cm.attempts <= maxCMapEntries && cm.index() {
		cm.lazy = true
		cm.memo = map[uint32]string{}
		return
	}
	cm.chars, cm.blocks = nil, nil
	cm.uni = map[uint32]string{}
	for _, op := range cm.ops {
		if op.step {
			u := []byte(op.base)
			for c := op.lo; c <= op.hi && len(cm.uni) < maxCMapEntries; c++ {
				cm.uni[c] = utf16Text(string(u))
				stepUnit(u, 1)
			}
			continue
		}
		for _, d := range op.dst {
			if d.ok && len(cm.uni) < maxCMapEntries {
				cm.uni[d.code] = utf16Text(d.s)
			}
		}
	}
}

// index fills chars and blocks; false when a block has more than
// maxLazyRanges ranges.
func (cm *cmapData) index() bool {
	cm.chars, cm.blocks = map[uint32]cmapChar{}, map[uint32][]int{}
	for k, op := range cm.ops {
		if op.lo == op.hi {
			// One code: a bfchar, or a range whose first code takes the
			// destination as it is.
			if op.step {
				cm.chars[op.lo] = cmapChar{k, op.base}
			} else if op.dst[0].ok {
				cm.chars[op.lo] = cmapChar{k, op.dst[0].s}
			}
			continue
		}
		for b := op.lo >> 8; b <= op.hi>>8; b++ {
			cm.blocks[b] = append(cm.blocks[b], k)
			if len(cm.blocks[b]) > maxLazyRanges {
				return false
			}
		}
	}
	return true
}

// stepUnit adds n to the last UTF-16 unit of u (or to its only byte),
// wrapping round as repeated increments would.
func stepUnit(u []byte, n uint32) {
	if len(u) >= 2 {
		v := uint16(u[len(u)-2])<<8 | uint16(u[len(u)-1])
		v += uint16(n)
		u[len(u)-2], u[len(u)-1] = byte(v>>8), byte(v)
	} else if len(u) == 1 {
		u[0] += byte(n)
	}
}

// lookup returns the text code maps to; cm may be nil (no CMap).
func (cm *cmapData) lookup(code uint32) (string, bool) {
	if cm == nil {
		return "", false
	}
	if !cm.lazy {
		s, ok := cm.uni[code]
		return s, ok
	}
	if s, ok := cm.memo[code]; ok {
		return s, true
	}
	// The last op that maps code wins: the bfchar, or a later range.
	best := -1
	var dst string
	if c, ok := cm.chars[code]; ok {
		best, dst = c.op, c.s
	}
	found := best >= 0
	ranges := cm.blocks[code>>8]
	for k := len(ranges) - 1; k >= 0 && ranges[k] > best; k-- {
		op := cm.ops[ranges[k]]
		if code < op.lo || code > op.hi {
			continue
		}
		if op.step {
			u := []byte(op.base)
			stepUnit(u, code-op.lo)
			dst, found = string(u), true
			break
		}
		if k := code - op.lo; k < uint32(len(op.dst)) && op.dst[k].ok {
			dst, found = op.dst[k].s, true
			break
		}
	}
	if !found {
		return "", false
	}
	s := utf16Text(dst)
	if len(cm.memo) < maxCMapEntries {
		cm.memo[code] = s
	}
	return s, true
}

package extract

import "encoding/binary"

// Ligature glyphs read by their components: a subset font may map a
// ligature glyph (ff, ffi) neither in its cmap nor by a post name, and
// its ToUnicode CMap may leave it out; its GSUB table still says which
// glyphs the ligature stands for (a ligature substitution, lookup type 4,
// "f f → ff"), whose text the cmap gives.

// Limits of the GSUB reader (a hostile table costs no more).
const (
	maxGSUBLookups    = 512
	maxGSUBSubtables  = 64 // a lookup's
	maxGSUBLigatures  = 1 << 15
	maxLigatureLength = 16 // components of one ligature
)

// gsubLigatures returns the components of each ligature glyph of a GSUB
// table's ligature substitutions (lookup type 4, also behind an
// extension, type 7): glyph → its component glyphs in order. The first
// substitution found for a glyph wins. Nil when there is none; parts out
// of the table's bounds are skipped.
func gsubLigatures(gsub []byte) map[uint16][]uint16 {
	u16 := func(p int) int {
		if p < 0 || p+2 > len(gsub) {
			return -1
		}
		return int(binary.BigEndian.Uint16(gsub[p:]))
	}
	if u16(0) != 1 {
		return nil
	}
	list := u16(8)
	if list <= 0 {
		return nil
	}
	var m map[uint16][]uint16
	seen := 0
	ligSubst := func(st int) {
		if u16(st) != 1 {
			return
		}
		firsts := coverageGlyphs(gsub, st+u16(st+2))
		sets := u16(st + 4)
		for i := 0; i < sets && i < len(firsts) && seen < maxGSUBLigatures; i++ {
			set := u16(st + 6 + 2*i)
			if set <= 0 {
				continue
			}
			set += st
			for j, n := 0, u16(set); j < n && seen < maxGSUBLigatures; j++ {
				seen++
				lig := u16(set + 2 + 2*j)
				if lig <= 0 {
					continue
				}
				lig += set
				g, k := u16(lig), u16(lig+2)
				if g < 0 || k < 2 || k > maxLigatureLength || u16(lig+4+2*(k-2)) < 0 {
					continue
				}
				if _, ok := m[uint16(g)]; ok {
					continue
				}
				comps := []uint16{firsts[i]}
				for c := 0; c < k-1; c++ {
					comps = append(comps, uint16(u16(lig+4+2*c)))
				}
				if m == nil {
					m = map[uint16][]uint16{}
				}
				m[uint16(g)] = comps
			}
		}
	}
	for i, n := 0, u16(list); i < n && i < maxGSUBLookups; i++ {
		lk := u16(list + 2 + 2*i)
		if lk <= 0 {
			continue
		}
		lk += list
		typ := u16(lk)
		for j, ns := 0, u16(lk+4); j < ns && j < maxGSUBSubtables; j++ {
			st := u16(lk + 6 + 2*j)
			if st <= 0 {
				continue
			}
			st += lk
			switch typ {
			case 4:
				ligSubst(st)
			case 7:
				if u16(st) == 1 && u16(st+2) == 4 && st+8 <= len(gsub) {
					if off := binary.BigEndian.Uint32(gsub[st+4:]); off > 0 && uint64(st)+uint64(off) < uint64(len(gsub)) {
						ligSubst(st + int(off))
					}
				}
			}
		}
	}
	return m
}

// coverageGlyphs returns the glyphs of a coverage table at off, by
// coverage index (formats 1 and 2; at most 65536); nil when it is out of
// bounds or of another format.
func coverageGlyphs(b []byte, off int) []uint16 {
	u16 := func(p int) int {
		if p < 0 || p+2 > len(b) {
			return -1
		}
		return int(binary.BigEndian.Uint16(b[p:]))
	}
	if off <= 0 {
		return nil
	}
	var out []uint16
	switch u16(off) {
	case 1:
		n := u16(off + 2)
		if n < 0 || off+4+2*n > len(b) {
			return nil
		}
		for i := 0; i < n; i++ {
			out = append(out, uint16(u16(off+4+2*i)))
		}
	case 2:
		n := u16(off + 2)
		if n < 0 || off+4+6*n > len(b) {
			return nil
		}
		for i := 0; i < n; i++ {
			start, end, idx := u16(off+4+6*i), u16(off+6+6*i), u16(off+8+6*i)
			if end < start || idx != len(out) {
				return out // ranges out of order: the indices known so far
			}
			for g := start; g <= end && len(out) < 1<<16; g++ {
				out = append(out, uint16(g))
			}
		}
	}
	return out
}

// ligatureTexts adds to text (glyph → text) the text of each ligature
// glyph of ligs that has none: its components' texts joined, when every
// component has one (a ligature of ligatures, "ff" + "i", is read in a
// second pass). At most 3 passes.
func ligatureTexts(text map[uint16]string, ligs map[uint16][]uint16) {
	for pass := 0; pass < 3; pass++ {
		added := false
		for g, comps := range ligs {
			if _, ok := text[g]; ok || g == 0 {
				continue
			}
			s := ""
			for _, c := range comps {
				t, ok := text[c]
				if !ok {
					s = ""
					break
				}
				s += t
			}
			if s != "" {
				text[g] = s
				added = true
			}
		}
		if !added {
			return
		}
	}
}

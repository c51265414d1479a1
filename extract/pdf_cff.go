package extract

import (
	"encoding/binary"
	"fmt"
)

// Glyph names from an embedded CFF program (FontFile3 /Type1C) of a simple
// font: its built-in encoding gives each code a glyph, its charset each
// glyph a name (a standard string or one of the font's own). CID-keyed
// CFF fonts name no glyphs and are not read.

// cffIndex reads a CFF INDEX at b[p:]: its items and the offset past it;
// ok is false when it does not fit in b.
func cffIndex(b []byte, p int) (items [][]byte, end int, ok bool) {
	if p < 0 || p+2 > len(b) {
		return nil, 0, false
	}
	n := int(binary.BigEndian.Uint16(b[p:]))
	if n == 0 {
		return nil, p + 2, true
	}
	if p+3 > len(b) {
		return nil, 0, false
	}
	size := int(b[p+2])
	if size < 1 || size > 4 || p+3+(n+1)*size > len(b) {
		return nil, 0, false
	}
	off := func(i int) int {
		v := 0
		for _, c := range b[p+3+i*size : p+3+(i+1)*size] {
			v = v<<8 | int(c)
		}
		return v
	}
	base := p + 3 + (n+1)*size - 1
	items = make([][]byte, n)
	for i := range items {
		lo, hi := off(i), off(i+1)
		if lo < 1 || hi < lo || base+hi > len(b) {
			return nil, 0, false
		}
		items[i] = b[base+lo : base+hi]
	}
	return items, base + off(n), true
}

// cffTopDict reads the operators of a Top DICT this reader needs: each
// operator (two-byte ones as 1200+b1) with its last integer operand.
func cffTopDict(d []byte) map[int]int {
	ops := map[int]int{}
	last := 0
	for i := 0; i < len(d); {
		c := int(d[i])
		switch {
		case c <= 21:
			op := c
			if c == 12 && i+1 < len(d) {
				op = 1200 + int(d[i+1])
				i++
			}
			ops[op] = last
			i++
		case c == 28 && i+2 < len(d):
			last = int(int16(binary.BigEndian.Uint16(d[i+1:])))
			i += 3
		case c == 29 && i+4 < len(d):
			last = int(int32(binary.BigEndian.Uint32(d[i+1:])))
			i += 5
		case c == 30: // a real: nibbles up to 0xf
			for i++; i < len(d) && d[i]&0x0f != 0x0f && d[i]>>4 != 0x0f; i++ {
			}
			i++
		case c >= 32 && c <= 246:
			last = c - 139
			i++
		case c >= 247 && c <= 250 && i+1 < len(d):
			last = (c-247)*256 + int(d[i+1]) + 108
			i += 2
		case c >= 251 && c <= 254 && i+1 < len(d):
			last = -(c-251)*256 - int(d[i+1]) - 108
			i += 2
		default:
			return ops
		}
	}
	return ops
}

// cffStandardName gives the glyph name of a standard string id as
// glyphNameText reads it: the ids 1-95 follow the Standard Encoding's
// codes 32-126 (39 is quoteright, 96 quoteleft), 109 and 110 are fi and
// fl; others are not named here.
func cffStandardName(sid int) string {
	switch {
	case sid == 8:
		return "quoteright"
	case sid == 65:
		return "quoteleft"
	case sid >= 1 && sid <= 95:
		return fmt.Sprintf("uni%04X", sid+31)
	case sid == 109:
		return "fi"
	case sid == 110:
		return "fl"
	}
	return ""
}

// cffNames returns the text of codes 0-255 by the glyph names of a CFF
// program's built-in encoding and charset; nil when it has none to give
// (a CID-keyed font, the standard encoding or charsets, a damaged one).
func cffNames(b []byte) map[uint32]string {
	if len(b) < 4 || b[0] != 1 {
		return nil
	}
	_, p, ok := cffIndex(b, int(b[2])) // names
	if !ok {
		return nil
	}
	tops, p, ok := cffIndex(b, p)
	if !ok || len(tops) == 0 {
		return nil
	}
	strs, _, ok := cffIndex(b, p)
	if !ok {
		return nil
	}
	top := cffTopDict(tops[0])
	if _, cidKeyed := top[1230]; cidKeyed {
		return nil
	}
	cs, csOK := top[17]
	charset, encoding := top[15], top[16]
	if !csOK || charset <= 2 || encoding <= 1 {
		return nil
	}
	glyphs, _, ok := cffIndex(b, cs)
	if !ok {
		return nil
	}
	sids := cffCharset(b, charset, len(glyphs))
	name := func(g int) string {
		if g <= 0 || g >= len(sids) {
			return ""
		}
		return cffName(sids[g], strs)
	}
	m := map[uint32]string{}
	add := func(code int, n string) {
		if s, ok := glyphNameText(n); ok && code >= 0 && code <= 255 {
			m[uint32(code)] = s
		}
	}
	if encoding+2 > len(b) {
		return nil
	}
	format, p := b[encoding], encoding+1
	switch format & 0x7f {
	case 0:
		n := int(b[p])
		p++
		for g := 1; g <= n && p < len(b); g, p = g+1, p+1 {
			add(int(b[p]), name(g))
		}
	case 1:
		n := int(b[p])
		p++
		for g, r := 1, 0; r < n && p+1 < len(b); r, p = r+1, p+2 {
			for c := int(b[p]); c <= int(b[p])+int(b[p+1]); c, g = c+1, g+1 {
				add(c, name(g))
			}
		}
	default:
		return nil
	}
	if format&0x80 != 0 && p < len(b) { // supplements: code, SID
		n := int(b[p])
		for p++; n > 0 && p+2 < len(b); n, p = n-1, p+3 {
			add(int(b[p]), cffName(int(binary.BigEndian.Uint16(b[p+1:])), strs))
		}
	}
	return m
}

// cffName is the glyph name of string id sid: a standard one
// (cffStandardName) or one of the font's strings.
func cffName(sid int, strs [][]byte) string {
	if sid >= 391 && sid-391 < len(strs) {
		return string(strs[sid-391])
	}
	return cffStandardName(sid)
}

// cffCharset reads a charset of format 0, 1 or 2 at b[p:]: the string id
// of each glyph (glyph 0, .notdef, is 0); short when the charset is cut.
func cffCharset(b []byte, p, glyphs int) []int {
	if p >= len(b) || glyphs < 1 || glyphs > 65536 {
		return nil
	}
	sids := make([]int, 1, glyphs)
	format := b[p]
	p++
	u16 := func(q int) int { return int(binary.BigEndian.Uint16(b[q:])) }
	for len(sids) < glyphs {
		switch format {
		case 0:
			if p+2 > len(b) {
				return sids
			}
			sids = append(sids, u16(p))
			p += 2
		case 1, 2:
			w := int(format) // the width of nLeft, bytes
			if p+2+w > len(b) {
				return sids
			}
			first, left := u16(p), int(b[p+2])
			if format == 2 {
				left = u16(p + 2)
			}
			for k := 0; k <= left && len(sids) < glyphs; k++ {
				sids = append(sids, first+k)
			}
			p += 2 + w
		default:
			return sids
		}
	}
	return sids
}

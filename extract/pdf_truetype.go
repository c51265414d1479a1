package extract

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Glyph names from an embedded font program: a Type 1 program's
// built-in encoding (FontFile), or a TrueType one (FontFile2): its post table
// (format 2) names the glyphs, its cmap (or the CIDToGIDMap of a CID
// font) gives the glyph of each code. Read only when the ToUnicode CMap
// lost a glyph's text, within the document's budget.

// maxFontProgramBytes is the most bytes (after decompression) an embedded
// font program is read to for its glyph names; a bigger one is not read
// for them (its text stays as the CMap gives it).
const maxFontProgramBytes int64 = 8 << 20

// sfntTables returns the tables of a TrueType font program by tag; nil
// when it is not one. Tables out of the program's bounds are left out.
func sfntTables(b []byte) map[string][]byte {
	if len(b) < 12 {
		return nil
	}
	switch binary.BigEndian.Uint32(b) {
	case 0x00010000, 0x74727565: // 1.0, 'true'
	default:
		return nil
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	t := map[string][]byte{}
	for i := 0; i < n && 12+16*i+16 <= len(b); i++ {
		e := b[12+16*i:]
		off, ln := uint64(binary.BigEndian.Uint32(e[8:])), uint64(binary.BigEndian.Uint32(e[12:]))
		if off+ln <= uint64(len(b)) {
			t[string(e[:4])] = b[off : off+ln]
		}
	}
	return t
}

// postGlyphNames returns the names of the glyphs (by glyph index) of a
// post table of format 2; nil for the other formats, which name no glyph
// beyond the standard Macintosh set (3) or are rarely used (1, 2.5).
// Of the standard set, the ASCII characters (given as "uniXXXX") and fi,
// fl are named here.
func postGlyphNames(post []byte) []string {
	if len(post) < 34 || binary.BigEndian.Uint32(post) != 0x00020000 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(post[32:]))
	if 34+2*n > len(post) {
		return nil
	}
	var custom []string
	for p := 34 + 2*n; p < len(post); {
		l := int(post[p])
		if p+1+l > len(post) {
			break
		}
		custom = append(custom, string(post[p+1:p+1+l]))
		p += 1 + l
	}
	names := make([]string, n)
	for g := range names {
		k := int(binary.BigEndian.Uint16(post[34+2*g:]))
		switch {
		case k >= 258 && k-258 < len(custom):
			names[g] = custom[k-258]
		case k >= 3 && k <= 97: // space to asciitilde, in ASCII order
			names[g] = fmt.Sprintf("uni%04X", k+29)
		case k == 192:
			names[g] = "fi"
		case k == 193:
			names[g] = "fl"
		}
	}
	return names
}

// cmapGlyphs returns the glyph of each one-byte code by the font's
// (3,0) symbol subtable (codes at 0xF000+code or code) or else its (1,0)
// Macintosh subtable; formats 0, 4 and 6 are read. Nil when there is
// neither.
func cmapGlyphs(cmap []byte) map[uint32]uint16 {
	if len(cmap) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	var sub []byte
	symbol := false
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		e := cmap[4+8*i:]
		pid, eid, off := binary.BigEndian.Uint16(e), binary.BigEndian.Uint16(e[2:]), uint64(binary.BigEndian.Uint32(e[4:]))
		if off >= uint64(len(cmap)) {
			continue
		}
		if pid == 3 && eid == 0 {
			sub, symbol = cmap[off:], true
			break
		}
		if pid == 1 && eid == 0 && sub == nil {
			sub = cmap[off:]
		}
	}
	if len(sub) < 6 {
		return nil
	}
	m := map[uint32]uint16{}
	for c := uint32(0); c < 256; c++ {
		g := subtableGlyph(sub, c)
		if g == 0 && symbol {
			g = subtableGlyph(sub, 0xF000+c)
		}
		if g != 0 {
			m[c] = g
		}
	}
	return m
}

// subtableGlyph looks code up in a cmap subtable of format 0, 4 or 6; 0
// (the missing glyph) when it is not there.
func subtableGlyph(s []byte, code uint32) uint16 {
	u16 := func(p int) uint16 {
		if p < 0 || p+2 > len(s) {
			return 0
		}
		return binary.BigEndian.Uint16(s[p:])
	}
	switch u16(0) {
	case 0:
		if code < 256 && 6+int(code) < len(s) {
			return uint16(s[6+code])
		}
	case 4:
		segs := int(u16(6)) / 2
		for k := 0; k < segs; k++ {
			end, start := uint32(u16(14+2*k)), uint32(u16(16+2*segs+2*k))
			if code < start || code > end {
				continue
			}
			delta, ro := u16(16+4*segs+2*k), int(u16(16+6*segs+2*k))
			if ro == 0 {
				return uint16(code) + delta
			}
			g := u16(16 + 6*segs + 2*k + ro + 2*int(code-start))
			if g != 0 {
				g += delta
			}
			return g
		}
	case 6:
		first, count := uint32(u16(6)), uint32(u16(8))
		if code >= first && code-first < count {
			return u16(10 + 2*int(code-first))
		}
	}
	return 0
}

// trueTypeNames returns the text of codes by an embedded TrueType
// program b: for a simple font, the codes 0-255 its cmap maps, by the
// glyph names of its post table; for a CID font (cidToGID not nil; nil
// entries mean Identity), the CIDs whose glyphs cidGlyphTexts reads.
// Names glyphNameText cannot read are left out; the ligature
// presentation forms U+FB00-U+FB06 are given as their letters ("ff",
// "ffi" ...).
func trueTypeNames(b []byte, cid bool, cidToGID []byte) map[uint32]string {
	t := sfntTables(b)
	names := postGlyphNames(t["post"])
	if cid {
		text := cidGlyphTexts(t, names)
		if text == nil {
			return nil
		}
		m := map[uint32]string{}
		if cidToGID == nil {
			for g, s := range text {
				m[uint32(g)] = s
			}
			return m
		}
		for c := 0; 2*c+1 < len(cidToGID) && c <= 0xFFFF; c++ {
			if s, ok := text[binary.BigEndian.Uint16(cidToGID[2*c:])]; ok {
				m[uint32(c)] = s
			}
		}
		return m
	}
	if names == nil {
		return nil
	}
	m := map[uint32]string{}
	for c, g := range cmapGlyphs(t["cmap"]) {
		if int(g) < len(names) {
			if s, ok := glyphNameText(names[g]); ok {
				m[c] = ligatureLetters.Replace(s)
			}
		}
	}
	return m
}

// cidGlyphTexts returns the text of the glyphs (other than glyph 0) of a
// CID font's TrueType program by its tables t: by its Unicode cmap
// (glyphUnicode), else the post name (names, by glyph), else, for a
// ligature glyph, its components' texts by the GSUB table
// (gsubLigatures). Nil when none is read.
func cidGlyphTexts(t map[string][]byte, names []string) map[uint16]string {
	text := glyphUnicode(unicodeSubtable(t["cmap"]))
	if text == nil {
		text = map[uint16]string{}
	}
	for g := 1; g < len(names) && g < 0xFFFF; g++ {
		if _, ok := text[uint16(g)]; ok {
			continue
		}
		if s, ok := glyphNameText(names[g]); ok {
			text[uint16(g)] = ligatureLetters.Replace(s)
		}
	}
	if len(text) > 0 {
		ligatureTexts(text, gsubLigatures(t["GSUB"]))
	}
	if len(text) == 0 {
		return nil
	}
	return text
}

// ligatureLetters gives the Latin ligature presentation forms as their
// letters (as normalizeText does), so that a ligature's text compares
// with the first letter a ToUnicode CMap may give it (lostText).
var ligatureLetters = strings.NewReplacer(
	"\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl",
	"\ufb05", "st", "\ufb06", "st",
)

// maxCmapCodes is the most code points glyphUnicode reads of a cmap
// subtable (a hostile one, of overlapping ranges, costs no more).
const maxCmapCodes = 1 << 17

// unicodeSubtable returns the Unicode subtable of a cmap table that
// glyphUnicode reads: Windows UCS-4 (3,10) or Unicode full (0,4 / 0,6)
// of format 12, else Windows BMP (3,1) or Unicode BMP (0,0-3) of format
// 4; nil when there is none.
func unicodeSubtable(cmap []byte) []byte {
	if len(cmap) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	var full, bmp []byte
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		e := cmap[4+8*i:]
		pid, eid, off := binary.BigEndian.Uint16(e), binary.BigEndian.Uint16(e[2:]), uint64(binary.BigEndian.Uint32(e[4:]))
		if off+2 > uint64(len(cmap)) {
			continue
		}
		sub := cmap[off:]
		format := binary.BigEndian.Uint16(sub)
		switch {
		case format == 12 && (pid == 3 && eid == 10 || pid == 0 && (eid == 4 || eid == 6)):
			if full == nil {
				full = sub
			}
		case format == 4 && (pid == 3 && eid == 1 || pid == 0 && eid <= 3):
			if bmp == nil {
				bmp = sub
			}
		}
	}
	if full != nil {
		return full
	}
	return bmp
}

// glyphUnicode inverts a cmap subtable of format 4 or 12: the text of
// each glyph (below 0xFFFF) it maps a code point to (the lowest code point, when
// several map to one glyph; control characters, surrogates, private use
// and noncharacters are not read; ligature presentation forms are given
// as their letters). At most maxCmapCodes code points are read; nil for
// another format or a subtable too short for its header.
func glyphUnicode(sub []byte) map[uint16]string {
	u16 := func(p int) int {
		if p < 0 || p+2 > len(sub) {
			return -1
		}
		return int(binary.BigEndian.Uint16(sub[p:]))
	}
	u32 := func(p int) uint32 {
		if p < 0 || p+4 > len(sub) {
			return 0
		}
		return binary.BigEndian.Uint32(sub[p:])
	}
	low := map[uint16]rune{}
	put := func(r rune, g uint32) {
		if g == 0 || g >= 0xFFFF || !readableRune(r) {
			return
		}
		if old, ok := low[uint16(g)]; !ok || r < old {
			low[uint16(g)] = r
		}
	}
	budget := maxCmapCodes
	switch u16(0) {
	case 4:
		segs := u16(6) / 2
		if segs <= 0 || 16+8*segs > len(sub) {
			return nil
		}
		for k := 0; k < segs && budget > 0; k++ {
			end, start := u16(14+2*k), u16(16+2*segs+2*k)
			delta, ro := u16(16+4*segs+2*k), u16(16+6*segs+2*k)
			for c := start; c <= end && c < 0xFFFF && budget > 0; c++ {
				budget--
				if ro == 0 {
					put(rune(c), uint32(uint16(c+delta)))
					continue
				}
				g := u16(16 + 6*segs + 2*k + ro + 2*(c-start))
				if g <= 0 {
					continue // past the table, or the missing glyph
				}
				put(rune(c), uint32(uint16(g+delta)))
			}
		}
	case 12:
		if len(sub) < 16 {
			return nil
		}
		n := uint64(u32(12))
		for i := uint64(0); i < n && 16+12*i+12 <= uint64(len(sub)) && budget > 0; i++ {
			p := 16 + 12*int(i)
			start, end, g := u32(p), u32(p+4), u32(p+8)
			for c := uint64(start); c <= uint64(end) && c <= unicode.MaxRune && budget > 0; c++ {
				budget--
				put(rune(c), g+uint32(c-uint64(start)))
			}
		}
	default:
		return nil
	}
	m := make(map[uint16]string, len(low))
	for g, r := range low {
		m[g] = ligatureLetters.Replace(string(r))
	}
	return m
}

// readableRune reports whether a font's cmap maps r as text: not a
// control character, surrogate, private use code point, noncharacter
// or U+FFFD.
func readableRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7F && r < 0xA0, r >= 0xD800 && r < 0xE000, r >= 0xE000 && r < 0xF900,
		r >= 0xFDD0 && r < 0xFDF0, r&0xFFFE == 0xFFFE, r == 0xFFFD, r >= 0xF0000, r > unicode.MaxRune:
		return false
	}
	return true
}

// readFontStream reads an embedded font program (or a CIDToGIDMap)
// within bud without failing the document: nil when the budget is spent
// or the stream is past maxFontProgramBytes or unreadable.
func readFontStream(v pdf.Value, bud *budget) []byte {
	if v.Kind() != pdf.Stream || bud.check() != nil {
		return nil
	}
	lim := min(maxFontProgramBytes, bud.perStream, bud.perDoc-bud.read)
	var b []byte
	err := try(func() error {
		rc := v.Reader()
		defer rc.Close()
		// One buffer of the size the stream declares (io.ReadAll grows
		// one from 512 bytes, a font program's size three times over).
		buf := bytes.NewBuffer(make([]byte, 0, fontLengthHint(v, lim+1)+bytes.MinRead))
		_, err := buf.ReadFrom(io.LimitReader(rc, lim+1))
		b = buf.Bytes()
		return err
	})
	bud.read += int64(len(b))
	if err != nil || int64(len(b)) > lim {
		return nil
	}
	return b
}

// fontLengthHint is the decoded size a font program's stream declares
// (/Length1 of TrueType, /Length1 to /Length3 of Type 1; /Length, its
// encoded size, for the others and when those are missing), at most
// limit and at least 0: a hint for the buffer, the bytes read are the same.
func fontLengthHint(v pdf.Value, limit int64) int64 {
	var n int64
	for _, k := range []string{"Length1", "Length2", "Length3"} {
		if l := v.Key(k).Int64(); l > 0 && l < limit {
			n += l
		}
	}
	if n <= 0 {
		n = v.Key("Length").Int64()
	}
	return min(max(n, 0), limit)
}

// type1Encoding finds the entries of a Type 1 font program's built-in
// encoding, "dup 12 /f_i put", in its clear-text part.
var type1Encoding = lazyre.New(`dup\s+(\d{1,3})\s*/([^\s/\[\]{}()<>%]+)\s+put`)

// type1Names returns the text of codes by the glyph names of a Type 1
// program's built-in encoding (its clear-text part, before eexec; a
// StandardEncoding one names nothing here). Names glyphNameText cannot
// read are left out; nil when there is none.
func type1Names(b []byte) map[uint32]string {
	if k := bytes.Index(b, []byte("eexec")); k >= 0 {
		b = b[:k]
	}
	k := bytes.Index(b, []byte("/Encoding"))
	if k < 0 {
		return nil
	}
	var m map[uint32]string
	for _, e := range type1Encoding.FindAllSubmatch(b[k:], 256) {
		c, err := strconv.Atoi(string(e[1]))
		if err != nil || c > 255 {
			continue
		}
		if s, ok := glyphNameText(string(e[2])); ok {
			if m == nil {
				m = map[uint32]string{}
			}
			m[uint32(c)] = s
		}
	}
	return m
}

package extract

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Fonts and CMaps: what the walker reads of a font (code lengths,
// ToUnicode, widths, weight) and its own CMap reader (moved from
// pdf_text.go unchanged).

// fontCache holds the parsed fonts of one document, keyed by the font
// dictionary's text (its references name the objects, so equal text means
// the same font).
//
// It also carries the document's budget (bytes read from streams, the
// deadline), which the walker and the font loader read within.
type fontCache struct {
	m      map[string]*wfont
	budget *budget
	// byRes: the fonts of a /Font resource dictionary by resource name,
	// the dictionary known by its text (its entries are references, or
	// fonts written in place: equal text, the same fonts). A page's
	// fonts are then looked up without resolving and printing each font
	// dictionary again (its /Widths may be long) on every page.
	byRes map[string]map[string]*wfont
	// desc: composite fonts' descendants, shared with checkStreams.
	desc descendants
}

func newFontCache() *fontCache { return &fontCache{m: map[string]*wfont{}, budget: newBudget()} }

// descendants: the descendant fonts of composite fonts read in one
// document, by the /DescendantFonts array as the library prints it (its
// references) and the index. The library parses an object again at each
// dereference, and a CIDFont's /W array can be long: checkStreams and
// loadFont read each descendant once between them. Kept per
// pdf.Reader (the references name objects of one file).
type descendants map[string]pdf.Value

// get is arr.Index(i), read once (a nil map keeps nothing).
func (d descendants) get(arr pdf.Value, i int) pdf.Value {
	if d == nil {
		return arr.Index(i)
	}
	key := arr.String() + "#" + strconv.Itoa(i)
	if v, ok := d[key]; ok {
		return v
	}
	v := arr.Index(i)
	d[key] = v
	return v
}

// resourceFonts is the memo of fonts for the /Font resources fontRes.
func (c *fontCache) resourceFonts(fontRes pdf.Value) map[string]*wfont {
	key := fontRes.String()
	if c.byRes == nil {
		c.byRes = map[string]map[string]*wfont{}
	}
	m, ok := c.byRes[key]
	if !ok {
		m = map[string]*wfont{}
		c.byRes[key] = m
	}
	return m
}

func (c *fontCache) get(v pdf.Value) *wfont {
	if v.Kind() != pdf.Dict {
		return nullFont
	}
	key := v.String()
	if f, ok := c.m[key]; ok {
		return f
	}
	f := loadFont(v, c.budget, c.desc)
	c.m[key] = f
	return f
}

// ligatureWarnings says, for each font whose truncated ligatures were
// drawn, how many, in the order of the fonts' names; nil when none was.
func (c *fontCache) ligatureWarnings() []string {
	shown := map[string]int{}
	for _, f := range c.m {
		if f.truncatedShown > 0 {
			name := f.v.Key("BaseFont").Name()
			if k := strings.IndexByte(name, '+'); k == 6 {
				name = name[k+1:]
			}
			shown[name] += f.truncatedShown
		}
	}
	var out []string
	for _, name := range slices.Sorted(maps.Keys(shown)) {
		out = append(out, fmt.Sprintf("font %s: %d ligature glyphs (fi, ti, ff ...) are mapped to their first letter alone and named by no glyph: "+
			"their letters are guessed from their widths (fi and fl are as wide: read as fi), so words may be misspelt (\"confiict\"); check quotes against the PDF", name, shown[name]))
	}
	return out
}

// wfont is a font as the walker needs it.
type wfont struct {
	v        pdf.Value
	cid      bool
	codeLens []codeRange // for CID fonts: code lengths by range
	toUni    *cmapData
	fallback map[uint32]string
	// glyphs: the text of codes by their glyph names (pdf_glyphnames.go),
	// used where the ToUnicode CMap lost it (lostText) or has no entry.
	glyphs map[uint32]string
	// program is the embedded TrueType program (FontFile2), or the Type 1
	// or CFF program (FontFile, FontFile3 /Type1C: programKind) of a
	// simple font, whose glyph
	// names add to glyphs, read once (programRead) when a code's
	// ToUnicode text may have been lost; cidToGID is a CID font's
	// CIDToGIDMap stream (Null: Identity); bud is the document's budget.
	program, cidToGID pdf.Value
	programRead       bool
	programKind       string // "Type1", "Type1C" or "" (TrueType)
	bud               *budget
	// truncated are codes the ToUnicode CMap maps to the first letter of
	// a ligature alone, with no glyph name to mend them, each with the
	// letters guessed from its width (truncatedLigatures); truncatedShown
	// counts those drawn.
	truncated      map[uint32]string
	truncatedShown int
	widths         map[uint32]float64 // in text space units per unit size
	dw             float64            // default width
	lib            *pdf.Font
	bold           bool // a bold face (see boldFont)
}

var nullFont = &wfont{dw: 0.5}

type codeRange struct {
	n      int
	lo, hi uint32
}

// next splits the first code off raw: one byte for simple fonts; for CID
// fonts the length the codespace ranges give (2 bytes by default).
func (f *wfont) next(raw string) (uint32, int) {
	if !f.cid {
		return uint32(raw[0]), 1
	}
	if len(f.codeLens) > 0 {
		for n := 1; n <= 4 && n <= len(raw); n++ {
			c := codeOf(raw[:n])
			for _, r := range f.codeLens {
				if r.n == n && c >= r.lo && c <= r.hi {
					return c, n
				}
			}
		}
	}
	if len(raw) >= 2 {
		return codeOf(raw[:2]), 2
	}
	return uint32(raw[0]), 1
}

func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

func (f *wfont) decode(code uint32, n int) string {
	g, named := f.glyphs[code]
	s, mapped := f.toUni.lookup(code)
	if !named && !f.programRead && (f.toUni != nil || f.cid) && (!mapped || utf8.RuneCountInString(s) <= 1) {
		f.readProgramNames()
		g, named = f.glyphs[code]
	}
	if mapped {
		if named && lostText(s, g) {
			return g
		}
		if t, ok := f.truncated[code]; ok {
			f.truncatedShown++
			return t
		}
		return s
	}
	if named {
		return g
	}
	if s, ok := f.fallback[code]; ok {
		return s
	}
	s = ""
	if f.lib != nil {
		var b [4]byte
		for i := 0; i < n; i++ {
			b[n-1-i] = byte(code >> (8 * i))
		}
		_ = try(func() error { s = f.lib.Encoder().Decode(string(b[:n])); return nil })
		if f.cid && strings.ContainsRune(s, '\uFFFD') {
			s = "\uFFFD"
		}
	} else if n == 1 {
		s = string(rune(code))
	}
	if f.fallback == nil {
		f.fallback = map[uint32]string{}
	}
	if len(f.fallback) < 70000 {
		f.fallback[code] = s
	}
	return s
}

// readProgramNames adds the glyph names of the embedded font program
// to f.glyphs (names from /Differences win), once.
func (f *wfont) readProgramNames() {
	f.programRead = true
	if f.program.Kind() != pdf.Stream {
		return
	}
	var cidToGID []byte
	if f.cid {
		if f.cidToGID.Kind() == pdf.Stream {
			if cidToGID = readFontStream(f.cidToGID, f.bud); cidToGID == nil {
				return
			}
		}
	}
	b := readFontStream(f.program, f.bud)
	if b == nil {
		return
	}
	var names map[uint32]string
	switch f.programKind {
	case "Type1":
		names = type1Names(b)
	case "Type1C":
		names = cffNames(b)
	default:
		names = trueTypeNames(b, f.cid, cidToGID)
	}
	for c, s := range names {
		if _, ok := f.glyphs[c]; !ok {
			if f.glyphs == nil {
				f.glyphs = map[uint32]string{}
			}
			f.glyphs[c] = s
		}
	}
}

func (f *wfont) width(code uint32) float64 {
	if w, ok := f.widths[code]; ok {
		return w
	}
	if code == 32 && !f.cid && f.dw == 0.5 {
		return 0.25
	}
	return f.dw
}

// loadFont reads what the walker needs from a font dictionary.
//
// desc holds the descendants read so far (nil: none kept).
func loadFont(v pdf.Value, b *budget, desc0 descendants) *wfont {
	// A composite font's descendant is read once (the library re-reads an
	// object at each dereference, and a CIDFont's /W array can be long).
	var desc pdf.Value
	descRead := false
	descendant := func() pdf.Value {
		if !descRead {
			desc, descRead = desc0.get(v.Key("DescendantFonts"), 0), true
		}
		return desc
	}
	f := &wfont{v: v, dw: 0.5, widths: map[uint32]float64{}, bold: boldFont(v, descendant), bud: b}
	lib := pdf.Font{V: v}
	f.lib = &lib
	sub := v.Key("Subtype").Name()
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		cm, closed := readCMapStream(tu, b)
		if cm != nil {
			f.toUni = cm
			f.codeLens = cm.space
		}
		if !closed || b.err != nil {
			f.lib = nil // the library's CMap reader would hang on it, or read past the budget
		}
	}
	switch sub {
	case "Type0":
		f.cid = true
		enc := v.Key("Encoding")
		if enc.Kind() == pdf.Stream {
			if cm, _ := readCMapStream(enc, b); cm != nil && len(cm.space) > 0 {
				f.codeLens = cm.space
			}
		} else if strings.HasPrefix(enc.Name(), "Identity") {
			f.codeLens = []codeRange{{2, 0, 0xffff}}
		}
		if len(f.codeLens) == 0 {
			f.codeLens = []codeRange{{2, 0, 0xffff}}
		}
		d := descendant()
		if d.Key("Subtype").Name() == "CIDFontType2" && strings.HasPrefix(enc.Name(), "Identity") {
			f.program, f.cidToGID = d.Key("FontDescriptor").Key("FontFile2"), d.Key("CIDToGIDMap")
		}
		f.dw = 1
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64() / 1000
		}
		wa := d.Key("W")
		for i := 0; i < wa.Len() && i < 200000; {
			first := wa.Index(i)
			if i+1 >= wa.Len() {
				break
			}
			second := wa.Index(i + 1)
			if second.Kind() == pdf.Array {
				c := uint32(first.Int64())
				for j := 0; j < second.Len() && j < 70000; j++ {
					f.widths[c+uint32(j)] = second.Index(j).Float64() / 1000
				}
				i += 2
				continue
			}
			if i+2 >= wa.Len() {
				break
			}
			lo, hi, wd := first.Int64(), second.Int64(), wa.Index(i+2).Float64()/1000
			for c := lo; c <= hi && c-lo < 70000; c++ {
				f.widths[uint32(c)] = wd
			}
			i += 3
		}
	default:
		f.glyphs = differenceNames(v)
		switch sub {
		case "TrueType":
			f.program = v.Key("FontDescriptor").Key("FontFile2")
		case "Type1", "MMType1":
			fd := v.Key("FontDescriptor")
			if ff := fd.Key("FontFile3"); ff.Key("Subtype").Name() == "Type1C" {
				f.program, f.programKind = ff, "Type1C"
			} else {
				f.program, f.programKind = fd.Key("FontFile"), "Type1"
			}
		}
		scale := 0.001
		if sub == "Type3" {
			// Glyph widths are in glyph space; the em is taken as one
			// text space unit whatever the FontMatrix (1/1000, 1/2048...).
			if fm := v.Key("FontMatrix"); fm.Len() == 6 {
				scale = math.Abs(fm.Index(0).Float64())
			}
		}
		ws := v.Key("Widths")
		first := v.Key("FirstChar").Int64()
		if ws.Len() > 0 {
			for i := 0; i < ws.Len() && i < 256; i++ {
				f.widths[uint32(first)+uint32(i)] = ws.Index(i).Float64() * scale
			}
			f.dw = v.Key("FontDescriptor").Key("MissingWidth").Float64() * scale
		}
	}
	f.truncated = truncatedLigatures(f.toUni, f.widths)
	return f
}

// readCMapStream parses a CMap with its own small tokenizer (the library's
// tokenizer can hang on a hex string left open).
// It also reports whether the library's tokenizer would get through the
// stream (no hex string left open). The stream is read within bud; past
// it, the result is nil and bud records the error.
func readCMapStream(v pdf.Value, bud *budget) (*cmapData, bool) {
	rc := v.Reader()
	b, err := bud.readStream(rc, "a CMap", MaxCMapBytes)
	rc.Close()
	if errors.Is(err, ErrBudget) {
		return nil, false
	}
	if err != nil && len(b) == 0 {
		return nil, true
	}
	return parseCMap(b), hexStringsClosed(b)
}

type cmTok struct {
	kind byte // 'h' hex string, 'n' number, 'k' keyword, '[' ']', 's' literal string, '/' name
	s    string
	num  int64
}

func cmapTokens(b []byte) []cmTok {
	var toks []cmTok
	i := 0
	for i < len(b) {
		c := b[i]
		switch {
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			i++
		case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
			i += 2
		case c == '<':
			i++
			var hex []byte
			for i < len(b) && b[i] != '>' {
				if h := unhex(b[i]); h >= 0 {
					hex = append(hex, byte(h))
				}
				i++
			}
			i++
			if len(hex)%2 == 1 {
				hex = append(hex, 0)
			}
			out := make([]byte, len(hex)/2)
			for k := range out {
				out[k] = hex[2*k]<<4 | hex[2*k+1]
			}
			toks = append(toks, cmTok{kind: 'h', s: string(out)})
		case c == '(':
			depth := 0
			start := i
			for i < len(b) {
				if b[i] == '\\' {
					i += 2
					continue
				}
				if b[i] == '(' {
					depth++
				} else if b[i] == ')' {
					depth--
					if depth == 0 {
						i++
						break
					}
				}
				i++
			}
			toks = append(toks, cmTok{kind: 's', s: string(b[start:min(i, len(b))])})
		case c == '[' || c == ']':
			toks = append(toks, cmTok{kind: c})
			i++
		case c == '/':
			j := i + 1
			for j < len(b) && !strings.ContainsRune(" \t\r\n\f\x00/<>[]()%{}", rune(b[j])) {
				j++
			}
			toks = append(toks, cmTok{kind: '/', s: string(b[i+1 : j])})
			i = j
		default:
			j := i
			for j < len(b) && !strings.ContainsRune(" \t\r\n\f\x00/<>[]()%{}", rune(b[j])) {
				j++
			}
			if j == i {
				j++
			}
			w := string(b[i:j])
			var n int64
			isNum := w != ""
			for _, r := range w {
				if r < '0' || r > '9' {
					isNum = false
					break
				}
				n = n*10 + int64(r-'0')
				if n > 1<<31 {
					isNum = false
					break
				}
			}
			if isNum {
				toks = append(toks, cmTok{kind: 'n', num: n})
			} else {
				toks = append(toks, cmTok{kind: 'k', s: w})
			}
			i = j
		}
	}
	return toks
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// utf16Text decodes a UTF-16BE byte string (a ToUnicode destination).
func utf16Text(s string) string {
	if len(s) == 1 {
		return string(rune(s[0]))
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	r := utf16.Decode(u)
	for i, c := range r {
		switch {
		case c == 0:
			r[i] = '\uFFFD'
		case c == '\u02BC':
			r[i] = '\u2019' // modifier letter apostrophe, used as an apostrophe
		}
	}
	return string(r)
}

// parseCMap reads codespacerange, bfchar, bfrange, cidchar and cidrange
// sections. Limits keep a hostile CMap from costing much.
//
// The mappings are kept as the CMap gives them (cmapData.ops) and looked
// up lazily when they fit the lazy form (cmapData.lazy); otherwise they are
// expanded into cmapData.uni at once, as they always were.
func parseCMap(b []byte) *cmapData {
	toks := cmapTokens(b)
	cm := &cmapData{}
	mode := ""
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == 'k' {
			switch t.s {
			case "begincodespacerange", "beginbfchar", "beginbfrange":
				mode = t.s
			case "endcodespacerange", "endbfchar", "endbfrange":
				mode = ""
			}
			continue
		}
		switch mode {
		case "begincodespacerange":
			if t.kind == 'h' && i+1 < len(toks) && toks[i+1].kind == 'h' && len(t.s) >= 1 && len(t.s) <= 4 {
				cm.space = append(cm.space, codeRange{len(t.s), codeOf(t.s), codeOf(toks[i+1].s)})
				i++
			}
		case "beginbfchar":
			if t.kind == 'h' && i+1 < len(toks) && len(t.s) <= 4 {
				d := toks[i+1]
				i++
				if d.kind == 'h' {
					c := codeOf(t.s)
					cm.add(cmapOp{lo: c, hi: c, dst: []cmapDst{{c, d.s, true}}}, 1)
				}
			}
		case "beginbfrange":
			if t.kind == 'h' && i+2 < len(toks) && toks[i+1].kind == 'h' && len(t.s) <= 4 {
				lo, hi := codeOf(t.s), codeOf(toks[i+1].s)
				i += 2
				d := toks[i]
				if hi < lo || hi-lo > maxCMapEntries {
					continue
				}
				switch d.kind {
				case 'h':
					cm.add(cmapOp{lo: lo, hi: hi, base: d.s, step: true}, int(hi-lo)+1)
				case '[':
					op := cmapOp{lo: lo, hi: hi}
					n := 0
					c := lo
					for i+1 < len(toks) && toks[i+1].kind != ']' {
						i++
						if c <= hi {
							op.dst = append(op.dst, cmapDst{c, toks[i].s, toks[i].kind == 'h'})
							if toks[i].kind == 'h' {
								n++
							}
						}
						if c == math.MaxUint32 {
							op.wraps = true // c counts on from 0
						}
						c++
					}
					i++
					if n > 0 {
						cm.add(op, n)
					}
				}
			}
		}
	}
	if len(cm.space) == 0 && cm.attempts == 0 {
		return nil
	}
	cm.settle()
	return cm
}

// boldRe: the weight words of a font's name ("ABCDEF+Inter-SemiBold",
// "Arial,Bold", "Helvetica-Black").
var boldRe = lazyre.New(`(?i)(bold|black|heavy|semibold|demibold|demi\b|extrabold|ultrabold|[-,]bd$|[-,]sb$)`)

// boldFont reports whether a font dictionary names a bold face: by its
// name (the subset prefix "ABCDEF+" aside), or by its descriptor's
// /FontWeight (600 or more) or ForceBold flag; for a composite (Type0)
// font, by its descendant's (read by descendant).
func boldFont(v pdf.Value, descendant func() pdf.Value) bool {
	for i := 0; i < 2; i++ {
		name := v.Key("BaseFont").Name()
		if k := strings.IndexByte(name, '+'); k == 6 {
			name = name[k+1:]
		}
		if boldRe.MatchString(name) {
			return true
		}
		d := v.Key("FontDescriptor")
		if d.Key("FontWeight").Float64() >= 600 || d.Key("Flags").Int64()&(1<<18) != 0 {
			return true
		}
		if v.Key("Subtype").Name() != "Type0" {
			return false
		}
		if i == 0 {
			v = descendant()
		} else {
			v = v.Key("DescendantFonts").Index(0)
		}
	}
	return false
}

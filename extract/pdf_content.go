package extract

import (
	"slices"
	"strconv"
	"sync"
	"unicode/utf16"
)

// The content-stream tokenizer: a page's (or a form's) content stream,
// inflated once by the hang guard (checkStreams keeps the bytes it
// scanned), is read here into a flat program of operators and operands,
// which the walker runs (pdf_text.go) instead of ledongthuc's
// pdf.Interpret reading the stream a second time, token by token, with an
// allocation per token.
//
// The program reads exactly what the library's interpreter reads: the
// same tokens (lex.go: numbers, names with #xx escapes, literal and hex
// strings, arrays, dictionaries, comments), the same operands handed to
// each operator (everything pushed since the one before), the same
// numbers (an integer is parsed as one, then widened). Whatever the
// library reads in a way not reproduced here is refused (ok false) and the
// stream goes through the library as before: a token the library panics
// on (a bad escape, an odd or broken hex string, a stray delimiter, an
// integer out of range), an unterminated string, array or dictionary, the
// PostScript operators Interpret runs itself (dict, begin, def, ...), an
// inline image (BI: its data is binary), nesting deeper than
// maxContentDepth. parseContent never panics (FuzzParseContent).

// maxContentDepth is the deepest nesting of arrays and dictionaries read
// here; deeper, the library reads the stream.
const maxContentDepth = 64

// cKind is the kind of an operand, as far as the walker tells them apart.
type cKind uint8

const (
	cOther cKind = iota // null, true, false: no number, name or string
	cNum
	cStr
	cName
	cArray
	cDict
)

// cArg is one operand. num is a number's value; s a string's bytes or a
// name (without its slash); an array's elements are elems[off:off+n] of
// its program. A dictionary carries its /ActualText string (raw, a PDF
// text string) in s when actual is set.
type cArg struct {
	kind   cKind
	arena  bool // s is still arena[off:off+n] (set while parsing)
	actual bool
	num    float64
	s      string
	off, n int32
}

// cOp is one operator with its operands, args[a0:a1] of its program.
type cOp struct {
	op     string
	a0, a1 int32
}

// contentProgram is a content stream read into operators and operands.
type contentProgram struct {
	ops   []cOp
	args  []cArg
	elems []cArg
}

// operands returns the operands of op.
func (p *contentProgram) operands(op cOp) []cArg { return p.args[op.a0:op.a1] }

// elements returns the elements of an array operand (none for others).
func (p *contentProgram) elements(a cArg) []cArg {
	if a.kind != cArray {
		return nil
	}
	return p.elems[a.off : a.off+a.n]
}

// contentPrograms holds programs whose stream has run (see release): a
// page's program is dropped when the page has run, and its slices, about
// ten bytes of operands for each byte of the stream, were a fifth of what
// the PDF reader allocated.
var contentPrograms sync.Pool

// maxPooledArgs bounds the operands of a program kept for reuse (a few
// pages of dense text): a huge stream's slices go to the collector.
const maxPooledArgs = 1 << 16

// newProgram is an empty program with room for ops operators and args
// operands, from the pool when it has one.
func newProgram(ops, args int) *contentProgram {
	p, _ := contentPrograms.Get().(*contentProgram)
	if p == nil {
		return &contentProgram{ops: make([]cOp, 0, ops), args: make([]cArg, 0, args)}
	}
	p.ops = slices.Grow(p.ops[:0], ops)
	p.args = slices.Grow(p.args[:0], args)
	p.elems = p.elems[:0]
	return p
}

// release gives p back for another stream once nothing reads it: its
// operands are cleared first, so the pool holds no stream's text.
func (p *contentProgram) release() {
	if cap(p.args) > maxPooledArgs || cap(p.elems) > maxPooledArgs || cap(p.ops) > maxPooledArgs {
		return
	}
	clear(p.ops)
	clear(p.args)
	clear(p.elems)
	contentPrograms.Put(p)
}

// cParser reads one stream.
type cParser struct {
	s     string
	i     int
	arena []byte // decoded strings and names (escapes, hex)
	p     *contentProgram
	bad   bool
	depth int
}

// contentClass sorts bytes for the tokenizer: white space, delimiters,
// regular bytes (lex.go's isSpace and isDelim).
var contentClass = func() (t [256]uint8) {
	for _, c := range []byte("\x00\t\n\f\r ") {
		t[c] = classSpace
	}
	for _, c := range []byte("()<>[]{}/%") {
		t[c] = classDelim
	}
	return t
}()

const (
	classRegular = iota
	classSpace
	classDelim
)

func isContentDelim(c byte) bool { return contentClass[c] == classDelim }

// parseContent reads data (a content stream, its parts joined) into a
// program; ok is false when the library must read it (see above).
func parseContent(data []byte) (prog *contentProgram, ok bool) {
	src := string(data)
	// About one operator per 12 bytes and three operands per operator in
	// text-heavy streams: sized once, rarely grown.
	p := newProgram(len(src)/12+4, len(src)/4+4)
	defer func() {
		if !ok {
			p.release()
		}
	}()
	ps := cParser{s: src, p: p}
	a0 := 0
	for !ps.bad && ps.skip() {
		c := ps.s[ps.i]
		switch {
		case c == '{' || c == '}':
			// The library reads these as keywords, run as operators.
			ps.i++
			p.ops = append(p.ops, cOp{op: ps.s[ps.i-1 : ps.i], a0: int32(a0), a1: int32(len(p.args))})
			a0 = len(p.args)
		case c == '(' || c == '/' || c == '[' || c == '<':
			a, ok := ps.object()
			if !ok {
				return nil, false
			}
			p.args = append(p.args, a)
		case isContentDelim(c):
			return nil, false // ')' ']' '>' ">>": the library panics or pushes a null
		default:
			tok := ps.keyword()
			a, isOperand, ok := ps.word(tok)
			if !ok {
				return nil, false
			}
			if isOperand {
				p.args = append(p.args, a)
				continue
			}
			switch tok {
			case "dict", "currentdict", "begin", "end", "def", "pop", "BI":
				return nil, false
			}
			p.ops = append(p.ops, cOp{op: tok, a0: int32(a0), a1: int32(len(p.args))})
			a0 = len(p.args)
		}
	}
	if ps.bad {
		return nil, false
	}
	// Trailing operands with no operator: the library pushes them and
	// never hands them to the walker.
	p.args = p.args[:a0]
	if len(ps.arena) > 0 {
		arena := string(ps.arena)
		fix := func(as []cArg) {
			for i := range as {
				if as[i].arena {
					as[i].s, as[i].arena = arena[as[i].off:as[i].off+as[i].n], false
				}
			}
		}
		fix(p.args)
		fix(p.elems)
	}
	return p, true
}

// skip moves past white space and comments; false at the end.
func (ps *cParser) skip() bool {
	for ps.i < len(ps.s) {
		c := ps.s[ps.i]
		switch {
		case contentClass[c] == classSpace:
			ps.i++
		case c == '%':
			for ps.i < len(ps.s) && ps.s[ps.i] != '\r' && ps.s[ps.i] != '\n' {
				ps.i++
			}
		default:
			return true
		}
	}
	return false
}

// keyword reads a regular token (to a delimiter or white space).
func (ps *cParser) keyword() string {
	j := ps.i
	for j < len(ps.s) && contentClass[ps.s[j]] == classRegular {
		j++
	}
	tok := ps.s[ps.i:j]
	ps.i = j
	return tok
}

// word reads a regular token as the library does: true and false, an
// integer, a real, null (operands), or an operator (isOperand false).
// ok is false where the library panics.
func (ps *cParser) word(tok string) (a cArg, isOperand, ok bool) {
	switch tok {
	case "true", "false", "null":
		return cArg{kind: cOther}, true, true
	}
	digits := tok
	if len(digits) > 0 && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	if len(digits) == 0 {
		return cArg{}, false, true
	}
	dots := 0
	for i := 0; i < len(digits); i++ {
		switch c := digits[i]; {
		case c == '.':
			dots++
		case c < '0' || c > '9':
			return cArg{}, false, true // a keyword
		}
	}
	switch dots {
	case 0:
		if len(digits) <= 18 {
			var x int64
			for i := 0; i < len(digits); i++ {
				x = x*10 + int64(digits[i]-'0')
			}
			if tok[0] == '-' {
				x = -x
			}
			return cArg{kind: cNum, num: float64(x)}, true, true
		}
		x, err := strconv.ParseInt(tok, 10, 64)
		if err != nil {
			return cArg{}, false, false
		}
		return cArg{kind: cNum, num: float64(x)}, true, true
	case 1:
		x, err := strconv.ParseFloat(tok, 64)
		if err != nil {
			return cArg{}, false, false
		}
		return cArg{kind: cNum, num: x}, true, true
	}
	return cArg{}, false, true // several dots: a keyword
}

// object reads one operand, array element or dictionary value starting
// at a delimiter or a regular token; ok is false to refuse the stream.
func (ps *cParser) object() (cArg, bool) {
	if !ps.skip() {
		return cArg{}, false
	}
	c := ps.s[ps.i]
	switch c {
	case '(':
		return ps.literal()
	case '/':
		return ps.name()
	case '[':
		return ps.array()
	case '<':
		if ps.i+1 < len(ps.s) && ps.s[ps.i+1] == '<' {
			return ps.dict()
		}
		return ps.hex()
	}
	if isContentDelim(c) {
		return cArg{}, false
	}
	a, isOperand, ok := ps.word(ps.keyword())
	if !ok || !isOperand {
		return cArg{}, false // the library panics on a keyword inside an object
	}
	return a, true
}

func (ps *cParser) enter() bool {
	ps.depth++
	return ps.depth <= maxContentDepth
}

// array reads [ ... ]; its elements are appended to the program's elems
// after those of nested arrays.
func (ps *cParser) array() (cArg, bool) {
	ps.i++ // '['
	if !ps.enter() {
		return cArg{}, false
	}
	defer func() { ps.depth-- }()
	var tmp [16]cArg
	elems := tmp[:0]
	for {
		if !ps.skip() {
			return cArg{}, false // unterminated
		}
		if ps.s[ps.i] == ']' {
			ps.i++
			break
		}
		a, ok := ps.object()
		if !ok {
			return cArg{}, false
		}
		elems = append(elems, a)
	}
	off := len(ps.p.elems)
	ps.p.elems = append(ps.p.elems, elems...)
	return cArg{kind: cArray, off: int32(off), n: int32(len(elems))}, true
}

// dict reads << ... >>: keys must be names. Its /ActualText, when a
// string (the last one written wins, as in the library's map), is kept
// raw in the operand (actual set).
func (ps *cParser) dict() (cArg, bool) {
	ps.i += 2 // "<<"
	if !ps.enter() {
		return cArg{}, false
	}
	defer func() { ps.depth-- }()
	d := cArg{kind: cDict}
	for {
		if !ps.skip() {
			return cArg{}, false
		}
		if ps.s[ps.i] == '>' {
			if ps.i+1 < len(ps.s) && ps.s[ps.i+1] == '>' {
				ps.i += 2
				return d, true
			}
			return cArg{}, false
		}
		if ps.s[ps.i] != '/' {
			return cArg{}, false
		}
		k, ok := ps.name()
		if !ok {
			return cArg{}, false
		}
		if !ps.skip() || ps.s[ps.i] == '>' || ps.s[ps.i] == ']' {
			return cArg{}, false // the library reads >> or ] here as a null value
		}
		v, ok := ps.object()
		if !ok {
			return cArg{}, false
		}
		if ps.str(k) == "ActualText" {
			if v.kind == cStr {
				d.actual, d.arena, d.s, d.off, d.n = true, v.arena, v.s, v.off, v.n
			} else {
				d.actual, d.arena, d.s = false, false, ""
			}
		}
	}
}

// str is a's text while parsing.
func (ps *cParser) str(a cArg) string {
	if a.arena {
		return string(ps.arena[a.off : a.off+a.n])
	}
	return a.s
}

// name reads /Name with #xx escapes.
func (ps *cParser) name() (cArg, bool) {
	ps.i++ // '/'
	start := ps.i
	j := ps.i
	esc := false
	for j < len(ps.s) {
		c := ps.s[j]
		if contentClass[c] != classRegular {
			break
		}
		if c == '#' {
			esc = true
		}
		j++
	}
	if !esc {
		ps.i = j
		return cArg{kind: cName, s: ps.s[start:j]}, true
	}
	off := len(ps.arena)
	for k := start; k < len(ps.s); {
		c := ps.s[k]
		if contentClass[c] != classRegular {
			ps.i = k
			break
		}
		if c == '#' {
			// The library reads the next two bytes whatever they are.
			if k+2 >= len(ps.s) {
				return cArg{}, false
			}
			h, l := unhexByte(ps.s[k+1]), unhexByte(ps.s[k+2])
			if h < 0 || l < 0 {
				return cArg{}, false
			}
			ps.arena = append(ps.arena, byte(h<<4|l))
			k += 3
			ps.i = k
			continue
		}
		ps.arena = append(ps.arena, c)
		k++
		ps.i = k
	}
	return cArg{kind: cName, arena: true, off: int32(off), n: int32(len(ps.arena) - off)}, true
}

func unhexByte(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// hex reads <...>: pairs of hex digits, white space anywhere; an odd
// digit, a stray byte or no closing '>' refuses the stream.
func (ps *cParser) hex() (cArg, bool) {
	ps.i++ // '<'
	off := len(ps.arena)
	for {
		c, ok := ps.hexByte()
		if !ok {
			return cArg{}, false
		}
		if c == '>' {
			break
		}
		c2, ok := ps.hexByte()
		if !ok {
			return cArg{}, false
		}
		h, l := unhexByte(c), unhexByte(c2)
		if h < 0 || l < 0 {
			return cArg{}, false
		}
		ps.arena = append(ps.arena, byte(h<<4|l))
	}
	return cArg{kind: cStr, arena: true, off: int32(off), n: int32(len(ps.arena) - off)}, true
}

// hexByte is the next byte of a hex string that is not white space.
func (ps *cParser) hexByte() (byte, bool) {
	for ps.i < len(ps.s) {
		c := ps.s[ps.i]
		ps.i++
		if !isPDFTokSpace(c) {
			return c, true
		}
	}
	return 0, false
}

// literal reads ( ... ) with balanced parentheses and escapes. A string
// without a backslash is a piece of the source.
func (ps *cParser) literal() (cArg, bool) {
	ps.i++ // '('
	start := ps.i
	depth := 1
	for j := start; j < len(ps.s); j++ {
		switch ps.s[j] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				ps.i = j + 1
				return cArg{kind: cStr, s: ps.s[start:j]}, true
			}
		case '\\':
			return ps.literalEscaped(start)
		}
	}
	return cArg{}, false
}

// literalEscaped decodes a literal string from start (after its '(').
func (ps *cParser) literalEscaped(start int) (cArg, bool) {
	off := len(ps.arena)
	depth := 1
	s := ps.s
	for j := start; j < len(s); j++ {
		c := s[j]
		switch c {
		default:
			ps.arena = append(ps.arena, c)
		case '(':
			depth++
			ps.arena = append(ps.arena, c)
		case ')':
			if depth--; depth == 0 {
				ps.i = j + 1
				return cArg{kind: cStr, arena: true, off: int32(off), n: int32(len(ps.arena) - off)}, true
			}
			ps.arena = append(ps.arena, c)
		case '\\':
			j++
			if j >= len(s) {
				return cArg{}, false
			}
			switch c = s[j]; c {
			default:
				return cArg{}, false // the library panics
			case 'n':
				ps.arena = append(ps.arena, '\n')
			case 'r':
				ps.arena = append(ps.arena, '\r')
			case 'b':
				ps.arena = append(ps.arena, '\b')
			case 't':
				ps.arena = append(ps.arena, '\t')
			case 'f':
				ps.arena = append(ps.arena, '\f')
			case '(', ')', '\\':
				ps.arena = append(ps.arena, c)
			case '\r':
				if j+1 < len(s) && s[j+1] == '\n' {
					j++
				}
			case '\n':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				x := int(c - '0')
				for range 2 {
					if j+1 >= len(s) || s[j+1] < '0' || s[j+1] > '7' {
						break
					}
					j++
					x = x*8 + int(s[j]-'0')
				}
				if x > 255 {
					return cArg{}, false
				}
				ps.arena = append(ps.arena, byte(x))
			}
		}
	}
	return cArg{}, false
}

// pdfTextString converts a PDF text string (ISO 32000-1 §7.9.2.2) to
// UTF-8 as the library's Value.Text does: UTF-16BE after a byte order
// mark (an even length), else PDFDocEncoding when every byte has a
// character there, else the bytes as they are.
func pdfTextString(s string) string {
	if len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff && len(s)%2 == 0 {
		u := make([]uint16, 0, len(s)/2-1)
		for i := 2; i < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	}
	plain := true
	for i := 0; i < len(s); i++ {
		r := pdfDocRune(s[i])
		if r < 0 {
			return s
		}
		if r != rune(s[i]) || s[i] >= 0x80 {
			plain = false
		}
	}
	if plain {
		return s
	}
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = pdfDocRune(s[i])
	}
	return string(r)
}

// pdfDocHigh: PDFDocEncoding's characters for 0x18-0x1f and 0x80-0x9e
// (ISO 32000-1 Table D.2).
var pdfDocHigh = map[byte]rune{
	0x18: 0x02d8, 0x19: 0x02c7, 0x1a: 0x02c6, 0x1b: 0x02d9, 0x1c: 0x02dd, 0x1d: 0x02db, 0x1e: 0x02da, 0x1f: 0x02dc,
	0x80: 0x2022, 0x81: 0x2020, 0x82: 0x2021, 0x83: 0x2026, 0x84: 0x2014, 0x85: 0x2013, 0x86: 0x0192, 0x87: 0x2044,
	0x88: 0x2039, 0x89: 0x203a, 0x8a: 0x2212, 0x8b: 0x2030, 0x8c: 0x201e, 0x8d: 0x201c, 0x8e: 0x201d, 0x8f: 0x2018,
	0x90: 0x2019, 0x91: 0x201a, 0x92: 0x2122, 0x93: 0xfb01, 0x94: 0xfb02, 0x95: 0x0141, 0x96: 0x0152, 0x97: 0x0160,
	0x98: 0x0178, 0x99: 0x017d, 0x9a: 0x0131, 0x9b: 0x0142, 0x9c: 0x0153, 0x9d: 0x0161, 0x9e: 0x017e, 0xa0: 0x20ac,
}

// pdfDocRune is the character of byte c in PDFDocEncoding, -1 for none.
func pdfDocRune(c byte) rune {
	switch {
	case c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0x7f || c > 0xa0 && c != 0xad:
		return rune(c)
	}
	if r, ok := pdfDocHigh[c]; ok {
		return r
	}
	return -1
}

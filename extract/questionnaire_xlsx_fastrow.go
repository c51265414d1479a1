package extract

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
	"github.com/xuri/excelize/v2"
)

// xlsxNoFastRows turns the lean row reader off (tests compare the two).
var xlsxNoFastRows = false

// row reads the next row element: its number and its cells as excelize's
// Rows.Columns gives them; end=true after the sheet data (and nothing that
// excelize's loop would take for a row after it). errHandOver when the row
// is not read plainly.
func (sc *xmlRowScanner) row(fb *fastBook) (num int, cells []string, end bool, err error) {
	for {
		for sc.pos < len(sc.buf) && isXMLSpace(sc.buf[sc.pos]) {
			sc.pos++
		}
		if len(sc.buf)-sc.pos >= 16 || !sc.fill() {
			break
		}
	}
	if sc.err != nil {
		return 0, nil, false, errHandOver
	}
	b := sc.buf[sc.pos:]
	if bytes.HasPrefix(b, []byte("</sheetData>")) {
		// excelize's loop reads on to the end of the part for rows.
		for sc.fill() {
		}
		if sc.err != nil || hasElement(sc.buf[sc.pos:], "row") {
			return 0, nil, false, errHandOver
		}
		return 0, nil, true, nil
	}
	if !bytes.HasPrefix(b, []byte("<row")) || len(b) < 5 || !isTagEnd(b[4]) {
		return 0, nil, false, errHandOver
	}
	tagEnd, ok := tagClose(b)
	if !ok {
		if sc.find(">", 0) < 0 {
			return 0, nil, false, errHandOver
		}
		b = sc.buf[sc.pos:]
		if tagEnd, ok = tagClose(b); !ok {
			return 0, nil, false, errHandOver
		}
	}
	attrs, self, ok := parseTag(b[:tagEnd+1], 4)
	if !ok {
		return 0, nil, false, errHandOver
	}
	num, ok = rowNumber(attrs)
	if !ok {
		return 0, nil, false, errHandOver
	}
	if self {
		sc.pos += tagEnd + 1
		return num, nil, false, nil
	}
	stop := sc.find("</row>", tagEnd+1)
	if stop < 0 {
		return 0, nil, false, errHandOver
	}
	body := sc.buf[sc.pos+tagEnd+1 : sc.pos+stop]
	cells, ok = rowCells(body, fb)
	if !ok || !sc.nextRowAfter(stop+len("</row>"), num) {
		return 0, nil, false, errHandOver
	}
	sc.pos += stop + len("</row>")
	return num, cells, false, nil
}

// nextRowAfter reports whether what follows a row (at pos+at) is the end of
// the sheet data or a row numbered above num: only then does excelize's
// Rows.Columns end the row there, as the lean reader does.
func (sc *xmlRowScanner) nextRowAfter(at, num int) bool {
	for {
		for sc.pos+at < len(sc.buf) && isXMLSpace(sc.buf[sc.pos+at]) {
			at++
		}
		if len(sc.buf)-sc.pos-at >= 16 || !sc.fill() {
			break
		}
	}
	b := sc.buf[sc.pos+at:]
	if bytes.HasPrefix(b, []byte("</sheetData>")) {
		return true
	}
	if !bytes.HasPrefix(b, []byte("<row")) || len(b) < 5 || !isTagEnd(b[4]) {
		return false
	}
	te := sc.find(">", at)
	if te < 0 {
		return false
	}
	b = sc.buf[sc.pos+at : sc.pos+te+1]
	attrs, _, ok := parseTag(b, 4)
	if !ok {
		return false
	}
	next, ok := rowNumber(attrs)
	return ok && next > num
}

func isTagEnd(c byte) bool { return isXMLSpace(c) || c == '>' || c == '/' }

// skipXMLSpace is b after its leading XML white space.
func skipXMLSpace(b []byte) []byte {
	i := 0
	for i < len(b) && isXMLSpace(b[i]) {
		i++
	}
	return b[i:]
}

// tagClose returns the index of the '>' that ends the tag at b[0], quotes
// respected.
func tagClose(b []byte) (int, bool) {
	var q byte
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '>':
			return i, true
		case c == '<':
			return 0, false
		}
	}
	return 0, false
}

type xmlAttr struct{ name, val string }

// parseTag reads the attributes of a start tag (b from '<' to '>', the name
// n bytes long): plain ASCII, quoted values without entities, no prefixed
// names.
func parseTag(b []byte, n int) (attrs []xmlAttr, self bool, ok bool) {
	b = b[n : len(b)-1]
	if len(b) > 0 && b[len(b)-1] == '/' {
		self, b = true, b[:len(b)-1]
	}
	for {
		i := 0
		for i < len(b) && isXMLSpace(b[i]) {
			i++
		}
		if i == len(b) {
			return attrs, self, true
		}
		if i == 0 {
			return nil, false, false
		}
		b = b[i:]
		eq := bytes.IndexByte(b, '=')
		if eq <= 0 || eq+1 >= len(b) {
			return nil, false, false
		}
		name := b[:eq]
		q := b[eq+1]
		if q != '"' && q != '\'' {
			return nil, false, false
		}
		close := bytes.IndexByte(b[eq+2:], q)
		if close < 0 {
			return nil, false, false
		}
		val := b[eq+2 : eq+2+close]
		for _, c := range name {
			if c <= ' ' || c >= 0x7f || c == '"' || c == '\'' || c == '<' || c == '&' {
				return nil, false, false
			}
		}
		if k := bytes.LastIndexByte(name, ':'); k >= 0 {
			// excelize matches attributes by local name: a prefixed r, s
			// or t is left to it.
			switch string(name[k+1:]) {
			case "r", "s", "t", "":
				return nil, false, false
			}
		}
		for _, c := range val {
			if c < ' ' || c >= 0x7f || c == '&' || c == '<' {
				return nil, false, false
			}
		}
		for _, a := range attrs {
			if a.name == string(name) {
				return nil, false, false
			}
		}
		attrs = append(attrs, xmlAttr{string(name), string(val)})
		b = b[eq+2+close+1:]
	}
}

// rowNumber is the row's r attribute: digits, 1 to excelize.TotalRows.
func rowNumber(attrs []xmlAttr) (int, bool) {
	for _, a := range attrs {
		if a.name == "r" {
			return plainInt(a.val, excelize.TotalRows)
		}
	}
	return 0, false
}

// plainInt reads 1 to 9 digits into 1..hi.
func plainInt(s string, hi int) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, n >= 1 && n <= hi
}

// cellRef reads a cell reference such as "AB12" into its column, 1-based.
func cellRef(s string) (int, bool) {
	i, col := 0, 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' && i < 3 {
		col = col*26 + int(s[i]-'A'+1)
		i++
	}
	if i == 0 || col > excelize.MaxColumns {
		return 0, false
	}
	if _, ok := plainInt(s[i:], excelize.TotalRows); !ok || s[i] == '0' {
		return 0, false
	}
	return col, true
}

// rowCells reads the cells of a row's content as excelize's Rows.Columns
// does (rowXMLHandler): blanks for skipped columns, a cell kept when its
// value is not empty or it holds a formula.
func rowCells(b []byte, fb *fastBook) ([]string, bool) {
	var cells []string
	col := 0
	for {
		b = skipXMLSpace(b)
		if len(b) == 0 {
			return cells, true
		}
		if len(b) < 3 || b[0] != '<' || b[1] != 'c' || !isTagEnd(b[2]) {
			return nil, false
		}
		te, ok := tagClose(b)
		if !ok {
			return nil, false
		}
		attrs, self, ok := parseTag(b[:te+1], 2)
		if !ok {
			return nil, false
		}
		var c fastCell
		for _, a := range attrs {
			switch a.name {
			case "r":
				c.ref = a.val
			case "s":
				if a.val != "0" {
					if c.s, ok = plainInt(a.val, 1<<30); !ok {
						return nil, false
					}
				}
			case "t":
				c.t = a.val
			}
		}
		b = b[te+1:]
		if !self {
			n, ok := c.children(b)
			if !ok {
				return nil, false
			}
			b = b[n:]
		}
		col++
		if c.ref != "" {
			if col, ok = cellRef(c.ref); !ok {
				return nil, false
			}
		}
		val, ok := c.value(fb)
		if !ok {
			return nil, false
		}
		if val != "" || c.f {
			for blank, i := col-len(cells), 1; i < blank; i++ {
				cells = append(cells, "")
			}
			cells = append(cells, val)
		}
	}
}

// fastCell is one <c> element as excelize's xlsxC holds it.
type fastCell struct {
	ref, t   string
	s        int
	v        string
	hasV, f  bool
	is       bool
	isText   strings.Builder
	isHasOne bool
}

// children reads the content of a <c> element up to and including </c>,
// returning its length.
func (c *fastCell) children(b []byte) (int, bool) {
	start := len(b)
	for {
		b = skipXMLSpace(b)
		switch {
		case bytes.HasPrefix(b, []byte("</c>")):
			return start - len(b) + 4, true
		case len(b) > 2 && b[0] == '<' && b[1] == 'v' && (b[2] == '>' || b[2] == ' '):
			if c.hasV {
				return 0, false
			}
			te, ok := tagClose(b)
			if !ok || b[te-1] == '/' {
				return 0, false
			}
			if _, _, ok := parseTag(b[:te+1], 2); !ok {
				return 0, false
			}
			end := bytes.Index(b, []byte("</v>"))
			if end < te {
				return 0, false
			}
			v, ok := xmlText(b[te+1 : end])
			if !ok {
				return 0, false
			}
			c.v, c.hasV = v, true
			b = b[end+4:]
		case bytes.HasPrefix(b, []byte("<v/>")):
			if c.hasV {
				return 0, false
			}
			c.hasV = true
			b = b[4:]
		case len(b) > 2 && b[0] == '<' && b[1] == 'f' && isTagEnd(b[2]):
			te, ok := tagClose(b)
			if !ok || c.f {
				return 0, false
			}
			c.f = true
			if b[te-1] == '/' {
				b = b[te+1:]
				continue
			}
			end := bytes.Index(b, []byte("</f>"))
			if end < 0 || bytes.IndexByte(b[te+1:end], '<') >= 0 {
				return 0, false
			}
			b = b[end+4:]
		case bytes.HasPrefix(b, []byte("<is>")):
			if c.is {
				return 0, false
			}
			c.is = true
			end := bytes.Index(b, []byte("</is>"))
			if end < 0 || !c.inline(b[4:end]) {
				return 0, false
			}
			b = b[end+5:]
		default:
			return 0, false
		}
	}
}

// inline reads an inline string's content (xlsxSI: one <t>, rich-text runs
// <r> each with one <t>, phonetic runs and properties left out).
func (c *fastCell) inline(b []byte) bool {
	return c.textChildren(b, true, "rPh", "phoneticPr")
}

// textChildren reads an element's children: at most one <t>, rich-text
// runs <r> when runs is set (each one <t> with its properties <rPr>
// skipped), and the elements named in skip; anything else fails.
func (c *fastCell) textChildren(b []byte, runs bool, skip ...string) bool {
	seen := false
	for {
		b = skipXMLSpace(b)
		if len(b) == 0 {
			return true
		}
		switch {
		case len(b) > 2 && b[0] == '<' && b[1] == 't' && isTagEnd(b[2]):
			if seen {
				return false
			}
			seen = true
			n, ok := c.text(b)
			if !ok {
				return false
			}
			b = b[n:]
		case runs && bytes.HasPrefix(b, []byte("<r>")):
			end := bytes.Index(b, []byte("</r>"))
			if end < 0 || !c.textChildren(b[3:end], false, "rPr") {
				return false
			}
			b = b[end+4:]
		case skippable(b, skip):
			n, ok := skipElement(b)
			if !ok {
				return false
			}
			b = b[n:]
		default:
			return false
		}
	}
}

// skippable says an element at b[0] is one of names.
func skippable(b []byte, names []string) bool {
	for _, n := range names {
		if hasSkippable(b, n) {
			return true
		}
	}
	return false
}

// text reads a <t> element at b[0] into the inline text; its length.
func (c *fastCell) text(b []byte) (int, bool) {
	te, ok := tagClose(b)
	if !ok {
		return 0, false
	}
	if _, _, ok := parseTag(b[:te+1], 2); !ok {
		return 0, false
	}
	c.isHasOne = true
	if b[te-1] == '/' {
		return te + 1, true
	}
	end := bytes.Index(b, []byte("</t>"))
	if end < te {
		return 0, false
	}
	s, ok := xmlText(b[te+1 : end])
	if !ok {
		return 0, false
	}
	c.isText.WriteString(s)
	return end + 4, true
}

func hasSkippable(b []byte, name string) bool {
	return len(b) > len(name)+1 && b[0] == '<' && string(b[1:1+len(name)]) == name && isTagEnd(b[1+len(name)])
}

// skipElement skips an element at b[0] whose content holds no element of
// the same name: its length.
func skipElement(b []byte) (int, bool) {
	te, ok := tagClose(b)
	if !ok {
		return 0, false
	}
	if b[te-1] == '/' {
		return te + 1, true
	}
	name := b[1:te]
	if i := bytes.IndexFunc(name, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }); i >= 0 {
		name = name[:i]
	}
	closing := "</" + string(name) + ">"
	end := bytes.Index(b, []byte(closing))
	if end < 0 || bytes.Contains(b[te+1:end], append([]byte("<"), name...)) || hasElement(b[te+1:end], "row") {
		return 0, false
	}
	return end + len(closing), true
}

// value is the cell's text as excelize's getValueFrom gives it with the
// workbook's formats; ok=false where the lean reader does not reproduce it.
func (c *fastCell) value(fb *fastBook) (string, bool) {
	switch c.t {
	case "b":
		switch c.v {
		case "1":
			return "TRUE", true
		case "0":
			return "FALSE", true
		}
		return fb.asText(c.s, c.v)
	case "d":
		return "", false
	case "s":
		if c.v == "" {
			return fb.asText(c.s, "")
		}
		i, _ := strconv.Atoi(strings.TrimSpace(c.v))
		s, ok := fb.sharedString(i)
		if !ok {
			return "", false
		}
		return fb.asText(c.s, s)
	case "str":
		return c.v, true
	case "inlineStr":
		if c.is {
			s := ""
			if c.isText.Len() > 0 {
				s = bstrUnmarshal(c.isText.String())
			}
			return fb.asText(c.s, s)
		}
		return fb.asText(c.s, c.v)
	}
	v := c.v
	num, prec := numericPrec(v)
	if num { // excelize's getCellDefault
		f, _ := strconv.ParseFloat(v, 64)
		if prec > 15 && !numWithinPrecision(v) {
			v = strconv.FormatFloat(f, 'G', 15, 64)
		} else {
			v = strconv.FormatFloat(f, 'f', -1, 64)
		}
	}
	k, styled := fb.kind(c.s)
	if !styled {
		return v, true
	}
	if num, prec = numericPrec(v); !num {
		return v, k.text
	}
	if k.number || k.general && prec <= 11 {
		return v, true
	}
	if k.general { // excelize's positiveHandler on a General token
		x, _ := strconv.ParseFloat(v, 64)
		return strconv.FormatFloat(x, 'G', 10, 64), true
	}
	if k.code == "" {
		return "", false
	}
	if x, err := strconv.ParseFloat(v, 64); err != nil || strconv.FormatFloat(x, 'f', -1, 64) != v {
		return "", false // the scratch cell would not hold the same text
	}
	if fb.nf == nil {
		fb.nf = newNumFormatter(fb.src)
	}
	return fb.nf.format(k, fb.ids[c.s], v)
}

// kind is the format of style s; styled=false when excelize formats
// nothing (style 0, or no such style).
func (fb *fastBook) kind(s int) (xfKind, bool) {
	if s == 0 || s >= len(fb.xfs) {
		return xfKind{}, false
	}
	return fb.xfs[s], true
}

// asText is a text value under style s.
func (fb *fastBook) asText(s int, v string) (string, bool) {
	if k, styled := fb.kind(s); styled && !k.text {
		return "", false
	}
	return v, true
}

// numericPrec is excelize's isNumeric: whether s reads as a number and its
// count of characters written out in full, less the decimal point.
func numericPrec(s string) (bool, int) {
	if strings.Contains(s, "_") {
		return false, 0
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return false, 0
	}
	full := strconv.FormatFloat(f, 'f', -1, 64)
	return true, len(full) - strings.Count(full, ".")
}

// numWithinPrecision is excelize's isNumWithinPrecision: an integer
// zero-filled past Excel's 15 significant digits.
func numWithinPrecision(s string) bool {
	if strings.ContainsAny(s, ".Ee") {
		return false
	}
	s = strings.TrimLeft(s, "+-0")
	return len(strings.TrimRight(s, "0")) <= 15
}

// xmlText decodes character data as encoding/xml does, or ok=false where
// it would fail (a control character, invalid UTF-8, an entity other than
// the five and character references; a reference to a control character
// or a carriage return is left to it too). A raw carriage return becomes a
// line feed, and a CR LF pair one line feed, as encoding/xml reads them.
func xmlText(b []byte) (string, bool) {
	if bytes.IndexByte(b, '\r') >= 0 {
		b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	amp := false
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\t' && c != '\n' || c == '<' {
				return "", false
			}
			if c == '&' {
				amp = true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			return "", false
		}
		i += n
	}
	if !amp {
		return string(b), true
	}
	var out strings.Builder
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			out.Write(b)
			break
		}
		out.Write(b[:i])
		b = b[i+1:]
		semi := bytes.IndexByte(b, ';')
		if semi <= 0 || semi > 10 {
			return "", false
		}
		name := string(b[:semi])
		b = b[semi+1:]
		switch name {
		case "lt":
			out.WriteByte('<')
		case "gt":
			out.WriteByte('>')
		case "amp":
			out.WriteByte('&')
		case "apos":
			out.WriteByte('\'')
		case "quot":
			out.WriteByte('"')
		default:
			if name[0] != '#' || len(name) < 2 {
				return "", false
			}
			base, digits := 10, name[1:]
			if digits[0] == 'x' {
				base, digits = 16, digits[1:]
			}
			if digits == "" {
				return "", false
			}
			n, err := strconv.ParseUint(digits, base, 32)
			r := rune(n)
			if err != nil || r == '\r' || r < ' ' && r != '\t' && r != '\n' ||
				r >= 0xD800 && r <= 0xDFFF || r == 0xFFFE || r == 0xFFFF || r > 0x10FFFF {
				return "", false
			}
			out.WriteRune(r)
		}
	}
	return out.String(), true
}

// bstrExp and bstrUnmarshal are excelize's (lib.go, BSD-3-Clause): the
// _xHHHH_ escapes of Office strings, as excelize decodes inline and shared
// strings.
var bstrExp = lazyre.New(`_x[a-fA-F\d]{4}_`)

func bstrUnmarshal(s string) (result string) {
	if !strings.Contains(s, "_x") {
		return s
	}
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			result += "_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			v, _ := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`)
			result += v
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

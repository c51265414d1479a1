package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"github.com/xuri/nfp"
)

// A lean reader of a sheet's rows. excelize's row loop (Rows.Columns)
// decodes the sheet XML through encoding/xml, a token and an attribute
// slice per element; for a questionnaire that is most of the time spent
// reading the workbook. fastRows scans the sheet XML itself and gives
// exactly the rows excelize's loop gives, for the sheets it can read
// plainly: cells of shared strings, inline strings (rich text included),
// formula results, booleans and plain numbers, under formats that leave
// their text as it is ("General", "@"). At the first thing it does not
// read the same way (a date or a number format that rewrites a value, a
// namespace prefix, a comment, an unknown entity, rows out of order, a
// shared string past the table, a raw carriage return...) it hands the
// rest of the sheet to excelize's loop, which it advances to the same row
// without decoding the rows already read. Merged ranges and hidden columns
// are read as before (rawSheets.extras).

// fastBook is what fastRows needs of a workbook: its shared strings (as
// excelize decoded them) and, for each cell format, whether excelize's
// formatting leaves a text or a number as it is.
type fastBook struct {
	sst   []string
	sstOK []bool
	si    func(i int) string
	nSI   int
	xfs   []xfKind // by cell format index
	ids   []int    // the number format ID of each cell format
	src   *excelize.File
	nf    *numFormatter // made on first use
}

// xfKind says what excelize's formattedValue does with a cell format.
type xfKind struct {
	text    bool // a text (non-numeric value) is returned as it is
	number  bool // any number is returned as it is
	general bool // a number of at most 11 digits is returned as it is
	// code is the format's code when numbers under it can be formatted by
	// excelize itself (numFormatter); custom says it is the workbook's own.
	code   string
	custom bool
}

// fastBookOf loads the shared strings and styles of f: the shared strings
// read by leanSST, or where it declines, decoded by excelize (reading the
// first rows of sheet once to make it decode them); nil when they cannot be
// had as excelize uses them.
func fastBookOf(f *excelize.File, sheet string) *fastBook {
	var lean []string
	if v, ok := f.Pkg.Load("xl/sharedStrings.xml"); ok && f.SharedStrings == nil {
		if b, ok := v.([]byte); ok {
			lean, ok = leanSST(b)
			if !ok {
				lean = nil
			}
		}
	}
	if lean == nil && f.SharedStrings == nil {
		r, err := f.Rows(sheet)
		if err != nil {
			return nil
		}
		for i := 0; f.SharedStrings == nil && i < 64 && r.Next(); i++ {
			_, _ = r.Columns()
		}
		_ = r.Close()
		if f.SharedStrings == nil {
			return nil
		}
	}
	if _, err := f.GetStyle(0); err != nil || f.Styles == nil {
		return nil
	}
	fb := &fastBook{src: f}
	switch v, ok := f.Pkg.Load("xl/sharedStrings.xml"); {
	case lean != nil:
		fb.nSI = len(lean)
		fb.si = func(i int) string { return lean[i] }
	case ok:
		if _, ok := v.([]byte); ok {
			sis := f.SharedStrings.SI
			fb.nSI = len(sis)
			fb.si = func(i int) string { return sis[i].String() }
		}
	}
	fb.sst = make([]string, fb.nSI)
	fb.sstOK = make([]bool, fb.nSI)
	st := f.Styles
	if st.CellXfs != nil {
		custom := map[int]string{}
		if st.NumFmts != nil {
			for i := len(st.NumFmts.NumFmt) - 1; i >= 0; i-- { // the first of an ID wins
				nf := st.NumFmts.NumFmt[i]
				code := nf.FormatCode
				if nf.FormatCode16 != "" {
					code = nf.FormatCode16
				}
				custom[nf.NumFmtID] = code
			}
		}
		kinds := map[int]xfKind{}
		for _, xf := range st.CellXfs.Xf {
			id := 0
			if xf.NumFmtID != nil {
				id = *xf.NumFmtID
			}
			k, ok := kinds[id]
			if !ok {
				k = numFmtKind(id, custom)
				kinds[id] = k
			}
			fb.xfs = append(fb.xfs, k)
			fb.ids = append(fb.ids, id)
		}
	}
	return fb
}

// numFmtKind reads a number format as excelize's format function would
// apply it: the section a text takes, the sections a number takes.
func numFmtKind(id int, custom map[int]string) xfKind {
	code, isCustom := custom[id]
	if !isCustom {
		if code = builtInFormats[id]; code == "" {
			return xfKind{} // a locale or unknown format: left to excelize
		}
	}
	p := nfp.NumberFormatParser()
	secs := p.Parse(code)
	k := xfKind{text: true, number: true, code: code, custom: isCustom}
	for _, s := range secs {
		if s.Type == nfp.TokenSectionText {
			k.text = len(s.Items) == 1 && s.Items[0].TType == nfp.TokenTypeTextPlaceHolder
			break
		}
	}
	var pos *nfp.Section
	for i, s := range secs {
		if s.Type == nfp.TokenSectionNegative {
			k.number = false
			return k
		}
		if s.Type == nfp.TokenSectionPositive && pos == nil {
			pos = &secs[i]
		}
	}
	if pos != nil {
		k.number = false
		k.general = len(pos.Items) == 1 && pos.Items[0].TType == nfp.TokenTypeGeneral
	}
	return k
}

// sharedString is shared string i as excelize gives it, ok=false past the
// table.
func (fb *fastBook) sharedString(i int) (string, bool) {
	if i < 0 || i >= fb.nSI {
		return "", false
	}
	if !fb.sstOK[i] {
		fb.sst[i], fb.sstOK[i] = fb.si(i), true
	}
	return fb.sst[i], true
}

// errHandOver stops the lean reader; the row it stopped on is read again by
// excelize.
var errHandOver = errors.New("hand over to excelize")

// fastRows yields a sheet's rows as excelizeRows does.
type fastRows struct {
	fb    *fastBook
	sc    *xmlRowScanner
	rows  *excelize.Rows // excelize's loop, for the rest after a hand-over
	slow  func() (int, []string, bool, error)
	n     int // rows yielded (excelize's Next calls that returned true)
	cur   int // the row number of the last row element read
	gap   int // empty rows still to yield before pend
	pend  []string
	has   bool // pend holds a row
	done  bool
	close func() error
}

// newFastRows returns the lean reader of sheet, or nil when the sheet is
// left to excelize's loop from its start. rows is excelize's iterator on
// the same sheet, not yet advanced.
func newFastRows(f *excelize.File, raw *rawSheets, sheet string, rows *excelize.Rows) *fastRows {
	name, ok := raw.paths[sheet]
	if !ok {
		return nil
	}
	if _, loaded := f.Sheet.Load(name); loaded {
		return nil // excelize reads its own model of the sheet, not the part
	}
	if raw.fast == nil {
		raw.fast = fastBookOf(f, sheet)
		if raw.fast == nil {
			return nil
		}
	}
	var r io.Reader
	closer := func() error { return nil }
	if b := raw.part(name); b != nil {
		r = bytes.NewReader(b)
	} else {
		if raw.ole {
			return nil
		}
		zr, err := zip.OpenReader(raw.path)
		if err != nil {
			return nil
		}
		var zf *zip.File
		for _, e := range zr.File {
			if e.Name == name {
				zf = e
				break
			}
		}
		if zf == nil {
			zr.Close()
			return nil
		}
		rc, err := zf.Open()
		if err != nil {
			zr.Close()
			return nil
		}
		r = io.LimitReader(rc, xlsxUnzipLimit)
		closer = func() error { rc.Close(); return zr.Close() }
	}
	sc := &xmlRowScanner{r: r, buf: make([]byte, 0, 256<<10)}
	if !sc.start() {
		closer()
		return nil
	}
	return &fastRows{fb: raw.fast, sc: sc, rows: rows, close: closer}
}

// next is the rowSource's reader: the lean path until a hand-over, then
// excelize's loop.
func (fr *fastRows) next() (int, []string, bool, error) {
	if fr.slow != nil {
		return fr.slow()
	}
	if fr.gap == 0 && !fr.has && !fr.done {
		if err := fr.readRow(); err != nil {
			if err != errHandOver {
				return 0, nil, false, err
			}
			return fr.handOver()
		}
	}
	switch {
	case fr.gap > 0:
		fr.gap--
		fr.n++
		return fr.n, nil, true, nil
	case fr.has:
		fr.has = false
		fr.n++
		return fr.n, fr.pend, true, nil
	}
	return 0, nil, false, nil
}

// readRow reads the next row element into pend (with the empty rows before
// it in gap), or sets done at the end of the sheet data.
func (fr *fastRows) readRow() error {
	num, cells, end, err := fr.sc.row(fr.fb)
	if err != nil {
		return err
	}
	if end {
		fr.done = true
		return nil
	}
	if num <= fr.cur || num > excelize.TotalRows {
		return errHandOver
	}
	fr.gap = num - fr.cur - 1
	fr.cur = num
	fr.pend, fr.has = cells, true
	return nil
}

// handOver advances excelize's loop past the rows already yielded and reads
// the rest with it.
func (fr *fastRows) handOver() (int, []string, bool, error) {
	fr.close()
	fr.close = func() error { return nil }
	for i := 0; i < fr.n; i++ {
		if !fr.rows.Next() {
			return 0, nil, false, fr.rows.Error()
		}
	}
	slow := excelizeRows(fr.rows)
	base := fr.n
	fr.slow = func() (int, []string, bool, error) {
		num, cells, ok, err := slow()
		return base + num, cells, ok, err
	}
	return fr.slow()
}

// xmlRowScanner reads the row elements of a sheet's XML, one at a time,
// from a reader, keeping at most a row (and a read's worth) in memory.
type xmlRowScanner struct {
	r   io.Reader
	buf []byte
	pos int
	eof bool
	err error
}

// fill reads more of the part; false at its end.
func (sc *xmlRowScanner) fill() bool {
	if sc.eof {
		return false
	}
	if sc.pos > 0 {
		n := copy(sc.buf, sc.buf[sc.pos:])
		sc.buf, sc.pos = sc.buf[:n], 0
	}
	if cap(sc.buf)-len(sc.buf) < 64<<10 {
		nb := make([]byte, len(sc.buf), 2*cap(sc.buf)+64<<10)
		copy(nb, sc.buf)
		sc.buf = nb
	}
	n, err := sc.r.Read(sc.buf[len(sc.buf):cap(sc.buf)])
	sc.buf = sc.buf[:len(sc.buf)+n]
	if err != nil {
		sc.eof = true
		if err != io.EOF {
			sc.err = err
		}
	}
	return n > 0 || !sc.eof
}

// find returns the index (from pos) of s, reading on as needed; -1 when the
// part ends first or the row would exceed the cap.
func (sc *xmlRowScanner) find(s string, from int) int {
	for {
		if i := bytes.Index(sc.buf[sc.pos+from:], []byte(s)); i >= 0 {
			return from + i
		}
		from = max(0, len(sc.buf)-sc.pos-len(s))
		if len(sc.buf)-sc.pos > xlsxFastRowCap || !sc.fill() {
			return -1
		}
	}
}

// xlsxFastRowCap is the longest row element the lean reader holds; a longer
// one is left to excelize.
const xlsxFastRowCap = 16 << 20

// start moves past the prolog to the sheet data; false when the part does
// not read plainly (an encoding other than UTF-8, a prefixed sheetData).
func (sc *xmlRowScanner) start() bool {
	i := sc.find("<sheetData", 0)
	if i < 0 {
		return false
	}
	prolog := sc.buf[sc.pos : sc.pos+i]
	if j := bytes.Index(prolog, []byte("encoding=")); j >= 0 && j < 200 {
		enc := strings.ToLower(string(prolog[j+len("encoding=") : min(len(prolog), j+len("encoding=")+8)]))
		if !strings.HasPrefix(enc, `"utf-8"`) && !strings.HasPrefix(enc, `'utf-8'`) {
			return false
		}
	}
	if bytes.Contains(prolog, []byte("row")) && hasElement(prolog, "row") {
		return false
	}
	end := sc.find(">", i)
	if end < 0 {
		return false
	}
	tag := sc.buf[sc.pos+i : sc.pos+end+1]
	if c := tag[len("<sheetData")]; c != '>' && c != ' ' && c != '/' && c != '\t' && c != '\n' {
		return false
	}
	if bytes.HasSuffix(tag, []byte("/>")) {
		return false // no rows: excelize's loop costs nothing
	}
	sc.pos += end + 1
	return true
}

// hasElement reports whether b holds a start tag named name, with or
// without a prefix.
func hasElement(b []byte, name string) bool {
	for i := 0; i < len(b); i++ {
		if b[i] != '<' {
			continue
		}
		j := i + 1
		for j < len(b) && b[j] != ' ' && b[j] != '>' && b[j] != '/' && b[j] != '\t' && b[j] != '\n' && b[j] != '\r' {
			j++
		}
		n := string(b[i+1 : j])
		if k := strings.LastIndexByte(n, ':'); k >= 0 {
			n = n[k+1:]
		}
		if n == name {
			return true
		}
	}
	return false
}

// builtInFormats are the built-in number formats excelize knows under the
// same IDs whatever its locale options (numfmt.go, builtInNumFmt); IDs 5 to
// 8 and the locale IDs are not among them.
var builtInFormats = map[int]string{
	0: "general", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
	11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm",
	17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "hh:mm", 21: "hh:mm:ss",
	22: "m/d/yy hh:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[red](#,##0)",
	39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[red](#,##0.00)",
	41: `_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)`,
	42: `_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)`,
	43: `_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)`,
	44: `_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)`,
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 48: "##0.0E+0", 49: "@",
}

// numFormatter formats a number under a number format with excelize
// itself: a one-cell scratch workbook with the same date system, the cell
// written as the number excelize read and styled with the same format code
// (or built-in ID), read back with GetCellValue. Results are kept by
// format and value (a sheet repeats its dates).
type numFormatter struct {
	f      *excelize.File
	styles map[xfKey]int
	cache  map[xfValue]string
	err    bool
}

type xfKey struct {
	code   string
	custom bool
	id     int
}

type xfValue struct {
	key xfKey
	v   string
}

func newNumFormatter(src *excelize.File) *numFormatter {
	nf := &numFormatter{f: excelize.NewFile(), styles: map[xfKey]int{}, cache: map[xfValue]string{}}
	if src.WorkBook != nil && src.WorkBook.WorkbookPr != nil && src.WorkBook.WorkbookPr.Date1904 {
		d := true
		if nf.f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &d}) != nil {
			nf.err = true
		}
	}
	return nf
}

// format returns number v (as excelize's getCellDefault leaves it) under
// format k with built-in ID id; ok=false when the scratch workbook fails.
func (nf *numFormatter) format(k xfKind, id int, v string) (string, bool) {
	if nf.err {
		return "", false
	}
	key := xfKey{code: k.code, custom: k.custom}
	if !k.custom {
		key.id = id
	}
	if s, ok := nf.cache[xfValue{key, v}]; ok {
		return s, true
	}
	style, ok := nf.styles[key]
	if !ok {
		st := &excelize.Style{NumFmt: id}
		if k.custom {
			code := k.code
			st = &excelize.Style{CustomNumFmt: &code}
		}
		var err error
		if style, err = nf.f.NewStyle(st); err != nil || style == 0 {
			nf.err = true
			return "", false
		}
		nf.styles[key] = style
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || nf.f.SetCellFloat("Sheet1", "A1", x, -1, 64) != nil || nf.f.SetCellStyle("Sheet1", "A1", "A1", style) != nil {
		nf.err = true
		return "", false
	}
	s, err := nf.f.GetCellValue("Sheet1", "A1")
	if err != nil {
		nf.err = true
		return "", false
	}
	nf.cache[xfValue{key, v}] = s
	return s, true
}

// spreadsheetNS is the namespace excelize requires of the shared strings'
// root element.
const spreadsheetNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

// leanSST reads the shared strings part as excelize's sharedStringsReader
// and xlsxSI.String give them (rich-text runs joined, phonetic runs left
// out, _xHHHH_ escapes decoded); ok=false where it does not read the part
// the same way (then excelize decodes it).
func leanSST(b []byte) ([]string, bool) {
	if bytes.Contains(b, []byte("purl.oclc.org")) {
		return nil, false // Strict OOXML: excelize rewrites the namespaces first
	}
	sc := &xmlRowScanner{r: bytes.NewReader(nil), buf: b, eof: true}
	i := sc.find("<sst", 0)
	if i < 0 || !plainProlog(b[:i]) || i+4 >= len(b) || !isTagEnd(b[i+4]) {
		return nil, false
	}
	te, ok := tagClose(b[i:])
	if !ok {
		return nil, false
	}
	attrs, self, ok := parseTag(b[i:i+te+1], 4)
	if !ok || self {
		return nil, false
	}
	ns := false
	for _, a := range attrs {
		ns = ns || a.name == "xmlns" && a.val == spreadsheetNS
	}
	if !ns {
		return nil, false
	}
	out := []string{}
	b = b[i+te+1:]
	for {
		j := 0
		for j < len(b) && isXMLSpace(b[j]) {
			j++
		}
		b = b[j:]
		switch {
		case bytes.HasPrefix(b, []byte("<si>")):
			end := bytes.Index(b, []byte("</si>"))
			var c fastCell
			if end < 0 || !c.inline(b[4:end]) {
				return nil, false
			}
			s := ""
			if c.isText.Len() > 0 {
				s = bstrUnmarshal(c.isText.String())
			}
			out = append(out, s)
			b = b[end+5:]
		case bytes.HasPrefix(b, []byte("<si/>")):
			out = append(out, "")
			b = b[5:]
		case bytes.HasPrefix(b, []byte("</sst>")):
			if len(bytes.TrimLeft(b[6:], " \t\r\n")) > 0 {
				return nil, false
			}
			return out, true
		default:
			return nil, false
		}
	}
}

// plainProlog reports whether what precedes the root element declares no
// encoding other than UTF-8 and holds no other element.
func plainProlog(p []byte) bool {
	if j := bytes.Index(p, []byte("encoding=")); j >= 0 {
		enc := strings.ToLower(string(p[j+len("encoding=") : min(len(p), j+len("encoding=")+7)]))
		if enc != `"utf-8"` && enc != `'utf-8'` {
			return false
		}
	}
	for k := 0; k < len(p); k++ {
		if p[k] == '<' && (k+1 >= len(p) || p[k+1] != '?') {
			return false
		}
	}
	return true
}

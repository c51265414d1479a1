package extract

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Budget checks made on a PDF's bytes before any library reads it: what
// its cross-reference sections declare (checkXref) and what its object
// streams, or before the pdfcpu pre-pass all its Flate streams, inflate to
// (checkRawStreams). The PDF library sizes its object table by the
// declared /Size and follows /Prev without a bound; pdfcpu inflates every
// stream into memory: neither can be stopped once started.

// objectLimit is the most objects a file of size bytes may declare.
func objectLimit(size int64) int64 {
	return min(int64(MaxPDFObjects), size/PDFBytesPerObject+PDFObjectsSlack)
}

// maxXrefSections bounds the /Prev chain (incremental updates).
const maxXrefSections = 10_000

// checkXref follows the cross-reference chain from startxref and checks
// what each section declares against objectLimit: the trailer's or xref
// stream's /Size, the object numbers of table subsections and of /Index
// pairs. A /Prev chain that loops is refused too (the library would follow
// it for ever). Sections it cannot parse end the walk silently: the
// library, then the pre-pass, judge those files.
//
// Errors wrap ErrBudget (too many objects) or ErrDamaged (a loop).
func checkXref(ra io.ReaderAt, size int64) error {
	limit := objectLimit(size)
	off, ok := startXref(ra, size)
	seen := map[int64]bool{}
	var queue []int64
	if ok {
		queue = append(queue, off)
	}
	for len(queue) > 0 {
		off, queue = queue[0], queue[1:]
		if off < 0 || off >= size {
			return nil
		}
		if seen[off] {
			return fmt.Errorf("%w: the cross-reference sections loop through /Prev (offset %d)", ErrDamaged, off)
		}
		seen[off] = true
		if len(seen) > maxXrefSections {
			return fmt.Errorf("%w: more than %d cross-reference sections", ErrBudget, maxXrefSections)
		}
		sec, ok := readXrefSection(ra, off, size, limit)
		if sec.err != nil {
			return sec.err
		}
		if !ok {
			return nil
		}
		if sec.size > limit {
			return fmt.Errorf("%w: the cross-reference table declares %d objects in a %s file (at most %d)", ErrBudget, sec.size, sizeText(size), limit)
		}
		if sec.xrefStm > 0 {
			queue = append(queue, sec.xrefStm)
		}
		if sec.prev >= 0 {
			queue = append(queue, sec.prev)
		}
	}
	return nil
}

// startXref finds the offset after the last "startxref" in the file's
// last KiB.
func startXref(ra io.ReaderAt, size int64) (int64, bool) {
	n := min(size, 1024)
	buf := make([]byte, n)
	if k, _ := ra.ReadAt(buf, size-n); int64(k) != n {
		return 0, false
	}
	i := bytes.LastIndex(buf, []byte("startxref"))
	if i < 0 {
		return 0, false
	}
	lx := &pdfLexer{b: buf[i+len("startxref"):]}
	v, ok := lx.int()
	return v, ok
}

// xrefSection is what one cross-reference section declares.
type xrefSection struct {
	size          int64 // /Size, or -1
	prev, xrefStm int64 // or -1
	err           error
}

// xrefWindow is how much of the file a section's header, trailer or
// stream dictionary is read from.
const xrefWindow = 64 << 10

// readXrefSection reads the section at off: a classic table ("xref",
// subsections, "trailer" and its dictionary) or an xref stream object.
// ok is false when it is neither.
func readXrefSection(ra io.ReaderAt, off, size, limit int64) (xrefSection, bool) {
	sec := xrefSection{size: -1, prev: -1, xrefStm: -1}
	buf := make([]byte, min(size-off, xrefWindow))
	n, _ := ra.ReadAt(buf, off)
	lx := &pdfLexer{b: buf[:n]}
	tok := lx.token()
	var d map[string]string
	switch {
	case tok == "xref":
		// Subsections: "start count", then count entries "offset gen n|f",
		// read token by token up to "trailer".
		pos := off + int64(lx.i)
		br := bufio.NewReaderSize(io.NewSectionReader(ra, pos, size-pos), 64<<10)
		var used int64 // bytes of br consumed
		next := func() string {
			var tok []byte
			for len(tok) < 32 {
				c, err := br.ReadByte()
				if err != nil {
					break
				}
				if isPDFSpace(c) && len(tok) == 0 {
					used++
					continue
				}
				if isPDFSpace(c) || isPDFDelim(c) {
					br.UnreadByte()
					break
				}
				used++
				tok = append(tok, c)
			}
			return string(tok)
		}
		for {
			first := next()
			if first == "trailer" {
				pos += used
				break
			}
			start, err1 := strconv.ParseInt(first, 10, 64)
			count, err2 := strconv.ParseInt(next(), 10, 64)
			if err1 != nil || err2 != nil || start < 0 || count < 0 {
				return sec, false
			}
			if start+count > limit {
				sec.err = fmt.Errorf("%w: a cross-reference subsection lists objects %d to %d in a %s file (at most %d objects)", ErrBudget, start, start+count-1, sizeText(size), limit)
				return sec, true
			}
			for range count {
				if o, g, f := next(), next(), next(); !isDecimal(o) || !isDecimal(g) || f != "n" && f != "f" {
					return sec, false
				}
			}
		}
		w := make([]byte, min(size-pos, xrefWindow))
		k, _ := ra.ReadAt(w, pos)
		d = (&pdfLexer{b: w[:k]}).dict()
	default:
		// "n g obj << ... >> stream": an xref stream.
		if _, err := strconv.ParseInt(tok, 10, 64); err != nil {
			return sec, false
		}
		if _, ok := lx.int(); !ok || lx.token() != "obj" {
			return sec, false
		}
		d = lx.dict()
		if d["Type"] != "/XRef" {
			return sec, false
		}
		for _, pair := range pairs(d["Index"]) {
			if pair[0] < 0 || pair[1] < 0 || pair[0]+pair[1] > limit {
				sec.err = fmt.Errorf("%w: the cross-reference stream lists objects %d to %d in a %s file (at most %d objects)", ErrBudget, pair[0], pair[0]+pair[1]-1, sizeText(size), limit)
				return sec, true
			}
		}
	}
	if d == nil {
		return sec, false
	}
	if v, err := strconv.ParseInt(d["Size"], 10, 64); err == nil {
		sec.size = v
	}
	if v, err := strconv.ParseInt(d["Prev"], 10, 64); err == nil {
		sec.prev = v
	}
	if v, err := strconv.ParseInt(d["XRefStm"], 10, 64); err == nil {
		sec.xrefStm = v
	}
	return sec, true
}

// pairs reads "[a b c d]" as [[a b] [c d]]; anything else gives nil.
func pairs(arr string) [][2]int64 {
	lx := &pdfLexer{b: []byte(arr)}
	if lx.token() != "[" {
		return nil
	}
	var nums []int64
	for {
		t := lx.token()
		if t == "]" || t == "" {
			break
		}
		v, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return nil
		}
		nums = append(nums, v)
	}
	var out [][2]int64
	for i := 0; i+1 < len(nums); i += 2 {
		out = append(out, [2]int64{nums[i], nums[i+1]})
	}
	return out
}

// pdfLexer splits PDF syntax into tokens: numbers, names ("/Size"),
// keywords, delimiters ("<<", ">>", "[", "]", "{", "}"), strings as a
// whole ("(...)", "<...>"); comments are skipped.
type pdfLexer struct {
	b []byte
	i int
}

func isPDFSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isPDFDelim(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }

// token returns the next token, or "" at the end.
func (l *pdfLexer) token() string {
	for l.i < len(l.b) {
		c := l.b[l.i]
		if isPDFSpace(c) {
			l.i++
			continue
		}
		if c == '%' {
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
			continue
		}
		break
	}
	if l.i >= len(l.b) {
		return ""
	}
	start := l.i
	c := l.b[l.i]
	l.i++
	switch c {
	case '<', '>':
		if l.i < len(l.b) && l.b[l.i] == c {
			l.i++
			return string(l.b[start:l.i])
		}
		if c == '<' { // hex string
			for l.i < len(l.b) && l.b[l.i] != '>' {
				l.i++
			}
			l.i++
		}
		return string(l.b[start:min(l.i, len(l.b))])
	case '[', ']', '{', '}':
		return string(c)
	case '(':
		depth := 1
		for l.i < len(l.b) && depth > 0 {
			switch l.b[l.i] {
			case '\\':
				l.i++
			case '(':
				depth++
			case ')':
				depth--
			}
			l.i++
		}
		return string(l.b[start:min(l.i, len(l.b))])
	}
	for l.i < len(l.b) && !isPDFSpace(l.b[l.i]) && !isPDFDelim(l.b[l.i]) {
		l.i++
	}
	return string(l.b[start:l.i])
}

func (l *pdfLexer) int() (int64, bool) {
	v, err := strconv.ParseInt(l.token(), 10, 64)
	return v, err == nil
}

// dict reads a dictionary "<< /Key value ... >>" and returns its
// top-level entries as text ("/XRef", "123", "[0 5 9 2]", "12 0 R"); nil
// when there is none.
func (l *pdfLexer) dict() map[string]string {
	if l.token() != "<<" {
		return nil
	}
	d := map[string]string{}
	for {
		k := l.token()
		if k == ">>" || k == "" {
			return d
		}
		if len(k) < 2 || k[0] != '/' {
			continue
		}
		start := l.i
		v := l.token()
		switch v {
		case "<<", "[":
			depth := 1
			for depth > 0 {
				switch l.token() {
				case "<<", "[":
					depth++
				case ">>", "]":
					depth--
				case "":
					return d
				}
			}
			v = string(bytes.TrimSpace(l.b[start:l.i]))
		default:
			// "12 0 R": keep the reference whole.
			save := l.i
			if g := l.token(); g != "" && isDecimal(g) && l.token() == "R" {
				v += " " + g + " R"
			} else {
				l.i = save
			}
		}
		d[k[1:]] = v
	}
}

// isDecimal reports whether s is a non-empty run of ASCII digits.
func isDecimal(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// streamKeyword finds "stream" at the end of a stream dictionary.
var streamKeyword = lazyre.New(`>>\s*stream(\r\n|\n|\r)`)

// The raw stream scan reads scanWindow bytes at a time, with scanOverlap
// bytes before them (where a stream's dictionary must fit) and a little
// after (so that ">> stream" is never cut).
const (
	scanWindow  = 1 << 20
	scanOverlap = 4 << 10
)

// checkRawStreams finds the streams of a PDF by its syntax (not through
// the cross-reference table, which may be the damaged part) and inflates
// the FlateDecode ones within b: all but images when all is set (before
// the pdfcpu pre-pass, which holds streams in memory), else only object
// and cross-reference streams (which the PDF library inflates itself,
// unseen by the budget, to reach the objects inside). Streams that do not
// inflate cleanly are skipped: only the budget is judged here.
func checkRawStreams(ra io.ReaderAt, size int64, all bool, b *budget) error {
	buf := make([]byte, scanOverlap+scanWindow+64)
	for pos := int64(0); pos < size; pos += scanWindow {
		lo := max(0, pos-scanOverlap)
		hi := min(size, pos+scanWindow+64)
		n, _ := ra.ReadAt(buf[:hi-lo], lo)
		win := buf[:n]
		for _, m := range streamKeyword.FindAllIndex(win, -1) {
			if at := lo + int64(m[0]); at < pos || at >= pos+scanWindow {
				continue
			}
			back := max(0, m[0]-scanOverlap)
			i := bytes.LastIndex(win[back:m[0]], []byte("obj"))
			if i < 0 {
				continue
			}
			dict := win[back+i : m[0]+2]
			if !isFlate(dict) {
				continue
			}
			kind := "a stream"
			switch {
			case bytes.Contains(dict, []byte("/ObjStm")):
				kind = "an object stream"
			case bytes.Contains(dict, []byte("/XRef")):
				kind = "a cross-reference stream"
			case !all || imageRe.Match(dict):
				continue
			}
			dataStart := lo + int64(m[1])
			if err := inflateCounted(io.NewSectionReader(ra, dataStart, size-dataStart), kind, b); err != nil {
				return err
			}
		}
		if err := b.check(); err != nil {
			return err
		}
	}
	return nil
}

var (
	flateAbbrevRe = lazyre.New(`/Fl[\s/\]>]`)
	imageRe       = lazyre.New(`/Subtype\s*/Image\b`)
)

// isFlate reports whether a stream dictionary names the FlateDecode filter.
func isFlate(dict []byte) bool {
	return bytes.Contains(dict, []byte("/FlateDecode")) || flateAbbrevRe.Match(dict)
}

// inflateCounted inflates a zlib stream from r, counting it against b; an
// error is returned only when a budget is past.
func inflateCounted(r io.Reader, what string, b *budget) error {
	zr, err := zlib.NewReader(r)
	if err != nil {
		return nil
	}
	cr := &countingReader{r: zr, b: b, what: what}
	_, err = io.Copy(io.Discard, cr)
	if errors.Is(err, ErrBudget) {
		return err
	}
	return nil
}

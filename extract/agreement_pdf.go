package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// pdfParser reads PDF agreements with github.com/ledongthuc/pdf's object
// reader and an own text walker (pdf_text.go), page by page, behind
// recover (the library panics on malformed input). Files the library
// cannot open (encryption it lacks, broken xref or trailer) and pages it
// cannot decode (LZW, ASCIIHex, RunLength) go through the pdfcpu pre-pass
// (pdf_repair.go) and are read again.
//
// Page texts are normalised (NormalizeText), running headers, footers and
// filing banners are removed (removeRunningLines), and every page passes a
// quality gate (pageQuality, and oddTokenShare over the whole document for
// bad OCR layers); Parse fails rather than return a document whose text
// cannot be trusted:
//
//   - a page that cannot be read at all (the walker panics or errors):
//     *InputError wrapping ErrDamaged, Place "page 3";
//   - any garbled page: ErrGarbled, Place "pages 2, 4";
//   - pages without text: ErrNoText when every page is empty, or when an
//     empty page draws images or forms (a scanned page), or when at least
//     half the pages are empty. An empty page that draws nothing, in an
//     otherwise good document, is a blank page and is kept silently; so is
//     a short page with a few good words (a signature page).
//
// On these page-level failures the returned Document still carries the
// pages that did read (for diagnostics); callers must treat it as unusable
// unless they handle the error. Whole-file failures (not a PDF, truncated
// beyond repair, a user password not given) return an empty Document.
type pdfParser struct{}

func (pdfParser) Name() string { return "pdf" }

// Sniff looks for "%PDF-" within the first 1 KiB.
func (pdfParser) Sniff(head []byte, path string) bool {
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Contains(head, []byte("%PDF-"))
}

// headerShim presents the first bytes of the file through patch (used to
// show a "%PDF-2.0" header as "%PDF-1.7", which the library rejects).
type headerShim struct {
	r     io.ReaderAt
	patch []byte
}

func (h headerShim) ReadAt(p []byte, off int64) (int, error) {
	n, err := h.r.ReadAt(p, off)
	for i := 0; i < n && off+int64(i) < int64(len(h.patch)); i++ {
		p[i] = h.patch[off+int64(i)]
	}
	return n, err
}

// try runs f and turns a panic into an error.
func try(f func() error) (err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("panic: %v", x)
		}
	}()
	return f()
}

// Parse reads the PDF at path. pdf.DebugOn is never set: the library
// prints part of its debug output to stdout, which carries JSON output.
func (pdfParser) Parse(path string, opts Options) (Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return Document{}, &InputError{Path: path, Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Document{}, &InputError{Path: path, Err: err}
	}
	return parsePDF(path, f, st.Size(), opts)
}

// parsePDF does the work of Parse on any io.ReaderAt.
//
// The fast path opens the file with ledongthuc/pdf; when that fails
// (encryption it cannot do, a broken xref or trailer) or pages fail (a
// filter it lacks), the file is rewritten by the pdfcpu pre-pass
// (repairPDF) and read again.
func parsePDF(path string, ra io.ReaderAt, size int64, opts Options) (Document, error) {
	return parsePDFWithin(path, ra, size, opts, newBudget())
}

// parsePDFWithin is parsePDF within budget b.
func parsePDFWithin(path string, ra io.ReaderAt, size int64, opts Options, b *budget) (Document, error) {
	// Budgets first: what the file declares, and what its object streams
	// inflate to, before any library reads it.
	if err := checkXref(ra, size); err != nil {
		return Document{}, &InputError{Path: path, Err: err}
	}
	if err := checkRawStreams(ra, size, false, b); err != nil {
		return Document{}, &InputError{Path: path, Err: err}
	}
	res, err := loadPDF(path, ra, size, opts, b)
	if err != nil {
		return Document{}, err
	}
	doc, unread, err := gatePages(path, res)
	if !opts.OCR || len(unread) == 0 {
		return doc, err
	}
	// --ocr: read the pages without a usable text layer from their images,
	// then judge the document again; the pages read so are listed.
	return ocrUnread(path, res, unread, err)
}

// loadPDF opens the file (with the pre-pass where needed) and walks its
// pages; errors are *InputError values for whole-file failures.
func loadPDF(path string, ra io.ReaderAt, size int64, opts Options, b *budget) (pagesResult, error) {
	r, err := openPDF(shimmed(ra), size, opts.Password)
	repaired := false
	if err != nil {
		if isPasswordError(err) || strings.Contains(err.Error(), "encryption") {
			// Encryption the library cannot do (or a key it derives wrongly).
			if res, ok := readDecrypted(ra, size, opts.Password, b); ok {
				return res, nil
			}
		}
		fixed, rerr := repairFile(ra, size, opts.Password, b)
		if errors.Is(rerr, ErrBudget) {
			return pagesResult{}, &InputError{Path: path, Err: rerr}
		}
		if rerr != nil {
			if errors.Is(rerr, errRepairPassword) || isPasswordError(err) {
				return pagesResult{}, passwordError(path, opts.Password)
			}
			return pagesResult{}, classifyOpenError(path, err, opts.Password)
		}
		r2, err2 := openPDF(shimmed(bytes.NewReader(fixed)), int64(len(fixed)), "")
		if err2 != nil {
			return pagesResult{}, classifyOpenError(path, err, opts.Password)
		}
		r, repaired = r2, true
	}

	res, err := readPages(r, b)
	if errors.Is(err, ErrBudget) {
		return pagesResult{}, &InputError{Path: path, Place: res.place, Err: err}
	}
	if err != nil {
		return pagesResult{}, &InputError{Path: path, Err: fmt.Errorf("%w: cannot read the page tree (%v)", ErrDamaged, err)}
	}
	if len(res.bad) > 0 && !repaired {
		// A filter the library lacks, or damage pdfcpu can mend.
		fixed, rerr := repairFile(ra, size, opts.Password, b)
		if errors.Is(rerr, ErrBudget) {
			return pagesResult{}, &InputError{Path: path, Err: rerr}
		}
		if rerr == nil {
			if r2, err2 := openPDF(shimmed(bytes.NewReader(fixed)), int64(len(fixed)), ""); err2 == nil {
				res2, err := readPages(r2, b)
				if errors.Is(err, ErrBudget) {
					return pagesResult{}, &InputError{Path: path, Place: res2.place, Err: err}
				}
				if err == nil && len(res2.pages) == len(res.pages) && len(res2.bad) < len(res.bad) {
					res = res2
				}
			}
		}
	}
	return res, nil
}

// readDecrypted reads an encrypted file the library could not open with
// decryptPDF instead of the pdfcpu pre-pass. ok is false, and b as it
// was, when it cannot, or when a page of the result fails (the pre-pass
// then reads the file, as it always did).
func readDecrypted(ra io.ReaderAt, size int64, password string, b *budget) (pagesResult, bool) {
	if size > maxRepairSize {
		return pagesResult{}, false
	}
	data, err := readAllAt(ra, size)
	if err != nil {
		return pagesResult{}, false
	}
	plain, err := decryptPDF(data, password)
	if err != nil {
		return pagesResult{}, false
	}
	saved := *b
	r, err := openPDF(shimmed(bytes.NewReader(plain)), size, "")
	if err != nil {
		return pagesResult{}, false
	}
	res, err := readPages(r, b)
	if err != nil || len(res.bad) > 0 {
		*b = saved
		return pagesResult{}, false
	}
	return res, true
}

// shimmed presents a "%PDF-2.x" header as "%PDF-1.7" (the library rejects 2.0).
func shimmed(ra io.ReaderAt) io.ReaderAt {
	head := make([]byte, 10)
	n, _ := ra.ReadAt(head, 0)
	if bytes.HasPrefix(head[:n], []byte("%PDF-2.")) {
		return headerShim{r: ra, patch: []byte("%PDF-1.7")}
	}
	return ra
}

// repairFile runs the pdfcpu pre-pass on the file, after checking that its
// streams inflate within b (pdfcpu holds them in memory).
func repairFile(ra io.ReaderAt, size int64, password string, b *budget) ([]byte, error) {
	if err := checkRawStreams(ra, size, true, b); err != nil {
		return nil, err
	}
	data, err := readAllAt(ra, size)
	if err != nil {
		return nil, err
	}
	return repairPDF(data, password)
}

func isPasswordError(err error) bool {
	return errors.Is(err, pdf.ErrInvalidPassword) || err.Error() == pdf.ErrInvalidPassword.Error()
}

func passwordError(path, password string) error {
	if password == "" {
		return &InputError{Path: path, Err: fmt.Errorf("%w: pass --password", ErrEncrypted)}
	}
	return &InputError{Path: path, Err: fmt.Errorf("%w: the password does not open it", ErrEncrypted)}
}

// pageResult is the walker output for a document.
type pagesResult struct {
	pages     []pdf.Page
	texts     map[int]string      // by page number, pages that read
	styles    map[int][]lineStyle // the type of each line of texts[n]
	images    map[int]int
	bad       []int
	badReason string         // the first bad page's
	badWhy    map[int]string // by page number
	// place is the page being read when a budget was exceeded.
	place string
	// doubt: the pages whose reading order is uncertain (orderDoubt).
	doubt []int
	// warnings: what the text layer lost (fontCache.ligatureWarnings,
	// orderWarning; gatePages adds unreadableWarnings).
	warnings []string
}

// readPages walks every page, each behind recover and the hang guards,
// within b. A budget exceeded stops the walk: the error wraps ErrBudget.
func readPages(r *pdf.Reader, b *budget) (pagesResult, error) {
	pages, err := collectPages(r, b)
	if err != nil {
		return pagesResult{}, err
	}
	res := pagesResult{pages: pages, texts: map[int]string{}, styles: map[int][]lineStyle{}, images: map[int]int{}, badWhy: map[int]string{}}
	fc := newFontCache()
	fc.budget = b
	fc.desc = descendants{}
	checked := fontChecks{}
	for i := 1; i <= len(pages); i++ {
		var text string
		var styles []lineStyle
		var images int
		var doubt bool
		err := try(func() error {
			if err := b.check(); err != nil {
				return err
			}
			p := pages[i-1]
			if !parentChainEnds(p.V) {
				return errors.New("page tree loops through /Parent")
			}
			var content keptBytes
			if err := checkStreams(p, b, checked, &content, fc.desc); err != nil {
				return err
			}
			var err error
			text, styles, images, doubt, err = walkPageStyled(p, fc, &content)
			return err
		})
		if err == nil {
			err = b.err
		}
		if errors.Is(err, ErrBudget) {
			res.place = "page " + strconv.Itoa(i)
			return res, err
		}
		if err != nil {
			res.bad = append(res.bad, i)
			res.badWhy[i] = err.Error()
			if res.badReason == "" {
				res.badReason = err.Error()
			}
			continue
		}
		res.texts[i] = text
		res.styles[i] = styles
		res.images[i] = images
		if doubt {
			res.doubt = append(res.doubt, i)
		}
	}
	stitchColumns(&res)
	res.warnings = fc.ligatureWarnings()
	if len(res.doubt) > 0 {
		res.warnings = append(res.warnings, orderWarning(res.doubt))
	}
	return res, nil
}

// Limits of the page-tree walk: the library's own Reader.Page trusts
// /Count and loops forever on a cyclic tree, so pages are collected here.
const (
	maxTreeDepth = 64
	maxTreeNodes = 200000
)

// collectPages lists the leaf pages in document order, walking the tree
// with depth and node budgets (a cycle or a reference bomb is an error).
func collectPages(r *pdf.Reader, b *budget) (pages []pdf.Page, err error) {
	nodes := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		nodes++
		if depth > maxTreeDepth || nodes > maxTreeNodes {
			return errors.New("page tree too deep or too large (a cycle?)")
		}
		switch v.Key("Type").Name() {
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
		case "Page":
			if len(pages) >= b.pages {
				return b.exceed("more than %d pages", b.pages)
			}
			pages = append(pages, pdf.Page{V: v})
		}
		return nil
	}
	err = try(func() error {
		if n := r.Trailer().Key("Root").Key("Pages").Key("Count").Int64(); n > int64(b.pages) {
			return b.exceed("the page tree declares %d pages (at most %d)", n, b.pages)
		}
		root := r.Trailer().Key("Root").Key("Pages")
		if root.Key("Type").Name() != "Pages" {
			return errors.New("no /Pages root")
		}
		return walk(root, 0)
	})
	return pages, err
}

// parentChainEnds reports whether following /Parent from v ends within
// maxTreeDepth steps (the library's resource lookup follows it unbounded).
func parentChainEnds(v pdf.Value) bool {
	for i := 0; i <= maxTreeDepth; i++ {
		if v.IsNull() {
			return true
		}
		v = v.Key("Parent")
	}
	return false
}

// hexStringsClosed mirrors the library's tokenizer (lex.go readToken,
// readLiteralString, readHexString) closely enough to find an unclosed
// hex string: comments run to the line end, literal strings nest and
// escape, "<<" is a keyword, and a hex string reads pairs of non-space
// bytes until '>' (a bad pair aborts the string after the pair). It
// reports whether b ends outside a hex string.
func hexStringsClosed(b []byte) bool {
	var sc hexScanner
	sc.feed(b)
	return sc.closed()
}

// hexScanner is hexStringsClosed fed chunk by chunk.
type hexScanner struct {
	state int
	depth int  // literal string nesting
	esc   bool // a backslash in a literal string
	first byte // the first byte of a hex pair
}

const (
	hsNormal  = iota
	hsComment // to the end of the line
	hsLiteral // in ( ... )
	hsAfterLT // after '<': "<<" or a hex string
	hsHex1    // in a hex string, before a pair's first byte
	hsHex2    // before a pair's second byte
)

func isPDFTokSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func (s *hexScanner) feed(p []byte) {
	for _, c := range p {
		switch s.state {
		case hsNormal:
			switch c {
			case '%':
				s.state = hsComment
			case '(':
				s.state, s.depth, s.esc = hsLiteral, 1, false
			case '<':
				s.state = hsAfterLT
			}
		case hsComment:
			if c == '\r' || c == '\n' {
				s.state = hsNormal
			}
		case hsLiteral:
			switch {
			case s.esc:
				s.esc = false
			case c == '\\':
				s.esc = true
			case c == '(':
				s.depth++
			case c == ')':
				if s.depth--; s.depth == 0 {
					s.state = hsNormal
				}
			}
		case hsAfterLT:
			if c == '<' {
				s.state = hsNormal
				continue
			}
			s.state = hsHex1
			s.hex(c)
		default:
			s.hex(c)
		}
	}
}

// hex takes one byte inside a hex string.
func (s *hexScanner) hex(c byte) {
	if isPDFTokSpace(c) {
		return
	}
	switch s.state {
	case hsHex1:
		if c == '>' {
			s.state = hsNormal
			return
		}
		s.first, s.state = c, hsHex2
	case hsHex2:
		s.state = hsHex1
		if !isHexDigit(s.first) || !isHexDigit(c) {
			s.state = hsNormal // the library panics here and resumes after the pair
		}
	}
}

// closed reports whether the bytes fed so far end outside a hex string.
func (s *hexScanner) closed() bool {
	return s.state != hsAfterLT && s.state != hsHex1 && s.state != hsHex2
}

// openPDF opens the reader, trying the empty user password first, then
// password (if any).
func openPDF(ra io.ReaderAt, size int64, password string) (r *pdf.Reader, err error) {
	asked := false
	pw := func() string {
		if asked {
			return ""
		}
		asked = true
		return password
	}
	err = try(func() error {
		var e error
		r, e = pdf.NewReaderEncrypted(ra, size, pw)
		return e
	})
	if err == nil && r == nil {
		err = errors.New("no reader")
	}
	return r, err
}

func classifyOpenError(path string, err error, password string) error {
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword) || msg == pdf.ErrInvalidPassword.Error():
		if password == "" {
			return &InputError{Path: path, Err: fmt.Errorf("%w: pass --password (or the file's encryption is not supported: decrypt it first, e.g. qpdf --decrypt)", ErrEncrypted)}
		}
		return &InputError{Path: path, Err: fmt.Errorf("%w: the password does not open it (or the file's encryption is not supported: decrypt it first, e.g. qpdf --decrypt)", ErrEncrypted)}
	case strings.Contains(msg, "encryption"):
		return &InputError{Path: path, Err: fmt.Errorf("%w: unsupported encryption (%s): decrypt it first, e.g. qpdf --decrypt", ErrEncrypted, msg)}
	case strings.Contains(msg, "invalid header"):
		return &InputError{Path: path, Err: fmt.Errorf("%w: PDF header not at the start of the file or of an unknown version (%s)", ErrDamaged, msg)}
	}
	return &InputError{Path: path, Err: fmt.Errorf("%w: cannot read the PDF structure, truncated or damaged (%s)", ErrDamaged, msg)}
}

type xobjects struct{ images, forms int }

// drawnXObjects counts the images and forms the page's content stream
// draws with Do (resources are often shared by all pages, so their
// presence says nothing). It may panic on damaged files; callers run it
// inside try.
func drawnXObjects(p pdf.Page) xobjects {
	var x xobjects
	contents := p.V.Key("Contents")
	if contents.IsNull() {
		return x
	}
	names := map[string]bool{}
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		var last pdf.Value
		for i := 0; i < n; i++ {
			v := stk.Pop()
			if i == 0 {
				last = v
			}
		}
		if op == "Do" && n >= 1 {
			names[last.Name()] = true
		}
	})
	res := p.Resources().Key("XObject")
	for name := range names {
		switch res.Key(name).Key("Subtype").Name() {
		case "Image":
			x.images++
		case "Form":
			x.forms++
		}
	}
	return x
}

// pageList formats page numbers compactly: "page 3", "pages 1-3, 7".
func pageList(pages []int) string {
	if len(pages) == 0 {
		return ""
	}
	var parts []string
	for i := 0; i < len(pages); {
		j := i
		for j+1 < len(pages) && pages[j+1] == pages[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(pages[i]))
		default:
			parts = append(parts, strconv.Itoa(pages[i])+"-"+strconv.Itoa(pages[j]))
		}
		i = j + 1
	}
	if len(pages) == 1 {
		return "page " + parts[0]
	}
	return "pages " + strings.Join(parts, ", ")
}

// removeRunningLines drops running headers and footers: among the first
// and last runningEdge non-blank lines of each page, lines whose shape
// (digits folded, case and spacing ignored) recurs at the edge of at least
// a third of the pages (and of 3 pages) are removed; so are filing
// banners ("Source: ACME INC, 10-K, 3/1/2007") wherever they recur.
func removeRunningLines(pages []string) []string {
	if len(pages) < 3 {
		return pages
	}
	count := map[string]int{}
	split := make([][]string, len(pages))
	for i, p := range pages {
		lines := strings.Split(p, "\n")
		split[i] = lines
		seen := map[string]bool{}
		for _, k := range edgeLines(lines) {
			key := lineShape(lines[k])
			if key != "" && !seen[key] {
				seen[key] = true
				count[key]++
			}
		}
	}
	need := max(3, (len(pages)+2)/3)
	out := make([]string, len(pages))
	for i, lines := range split {
		// A running line stands once at the top and once at the bottom of
		// a page: the outermost one goes, so that the title under a
		// header of the same words ("Business Associate Agreement") stays.
		drop := map[int]bool{}
		edges := edgeLines(lines)
		top := min(len(edges), runningEdge)
		bottom := slices.Clone(edges[top:])
		slices.Reverse(bottom)
		for _, window := range [][]int{edges[:top], bottom} {
			seen := map[string]bool{}
			for _, k := range window {
				if key := lineShape(lines[k]); key != "" && count[key] >= need && !seen[key] {
					seen[key] = true
					drop[k] = true
				}
			}
		}
		kept := lines[:0:0]
		for k, l := range lines {
			if !drop[k] {
				kept = append(kept, l)
			}
		}
		out[i] = NormalizeText(strings.Join(kept, "\n"))
	}
	return out
}

const runningEdge = 3

// clauseStartRe: a line starting with a clause number is never a running
// header ("1. Clause" and "2. Clause" fold to the same shape).
var clauseStartRe = lazyre.New(`^\s*(\(?[0-9]+(\.[0-9]+)*[.)]|(?i:section|article|clause|schedule|exhibit|annex|appendix)\s+[0-9A-Z])`)

// edgeLines returns the indexes of the first and last runningEdge
// non-blank lines.
func edgeLines(lines []string) []int {
	var nb []int
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			nb = append(nb, i)
		}
	}
	if len(nb) <= 2*runningEdge {
		return nb
	}
	return append(append([]int{}, nb[:runningEdge]...), nb[len(nb)-runningEdge:]...)
}

// lineShape folds a line for running-line detection: lower case, digit
// runs as '#', spaces and punctuation dropped. Lines with fewer than 3
// letters and more than a handful of words give "" (never matched: a
// running header is short).
func lineShape(l string) string {
	var b strings.Builder
	letters, digits := 0, false
	for _, r := range strings.ToLower(l) {
		switch {
		case unicode.IsLetter(r):
			letters++
			b.WriteRune(r)
			digits = false
		case unicode.IsDigit(r):
			if !digits {
				b.WriteByte('#')
			}
			digits = true
		default:
			digits = false
		}
	}
	if letters < 3 || len(strings.Fields(l)) > 16 || clauseStartRe.MatchString(l) {
		return ""
	}
	return b.String()
}

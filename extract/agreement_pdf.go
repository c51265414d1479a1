package extract

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
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
	if err == nil || !opts.OCR || len(unread) == 0 || !(errors.Is(err, ErrNoText) || errors.Is(err, ErrGarbled)) {
		return doc, err
	}
	// --ocr: read the pages without a usable text layer from their images,
	// then judge the document again; the pages read so are listed.
	texts, oerr := ocrPages(context.Background(), path, unread)
	if oerr != nil {
		return doc, &InputError{Path: path, Place: pageList(unread), Err: fmt.Errorf("%w; --ocr failed: %v", err, oerr)}
	}
	for n, t := range texts {
		res.texts[n] = t
	}
	doc, _, err = gatePages(path, res)
	if doc.Agreement != nil {
		doc.Agreement.OCRPages = unread
	}
	if err != nil {
		return doc, fmt.Errorf("after OCR of %s: %w", pageList(unread), err)
	}
	return doc, nil
}

// loadPDF opens the file (with the pre-pass where needed) and walks its
// pages; errors are *InputError values for whole-file failures.
func loadPDF(path string, ra io.ReaderAt, size int64, opts Options, b *budget) (pagesResult, error) {
	r, err := openPDF(shimmed(ra), size, opts.Password)
	repaired := false
	if err != nil {
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
	texts     map[int]string // by page number, pages that read
	images    map[int]int
	bad       []int
	badReason string
	// place is the page being read when a budget was exceeded.
	place string
}

// readPages walks every page, each behind recover and the hang guards,
// within b. A budget exceeded stops the walk: the error wraps ErrBudget.
func readPages(r *pdf.Reader, b *budget) (pagesResult, error) {
	pages, err := collectPages(r, b)
	if err != nil {
		return pagesResult{}, err
	}
	res := pagesResult{pages: pages, texts: map[int]string{}, images: map[int]int{}}
	fc := newFontCache()
	fc.budget = b
	for i := 1; i <= len(pages); i++ {
		var text string
		var images int
		err := try(func() error {
			if err := b.check(); err != nil {
				return err
			}
			p := pages[i-1]
			if !parentChainEnds(p.V) {
				return errors.New("page tree loops through /Parent")
			}
			if err := checkStreams(p, b); err != nil {
				return err
			}
			var err error
			text, images, err = walkPage(p, fc)
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
			if res.badReason == "" {
				res.badReason = err.Error()
			}
			continue
		}
		res.texts[i] = text
		res.images[i] = images
	}
	return res, nil
}

// gatePages cleans the page texts, applies the quality gate and splits
// clauses.
//
// It also returns the pages whose text is missing or garbled, which --ocr
// can read from their images.
func gatePages(path string, res pagesResult) (Document, []int, error) {
	numPages := len(res.pages)
	if numPages == 0 {
		return Document{}, nil, &InputError{Path: path, Err: fmt.Errorf("%w: the PDF has no pages", ErrDamaged)}
	}
	bad, badReason := res.bad, res.badReason
	a := &Agreement{Path: path, Format: "pdf", Paginated: true}
	var nums []int
	var texts []string
	for i := 1; i <= numPages; i++ {
		if t, ok := res.texts[i]; ok {
			nums = append(nums, i)
			texts = append(texts, NormalizeText(t))
		}
	}
	texts = removeRunningLines(texts)
	var garbled, empty, drawn []int
	var garbleReason string
	imagesOnly := true
	// OCR noise is judged on the whole document (a page has too few words).
	vocab := docVocab(texts)
	docOdd, docTokens := oddTokenShare(strings.Join(texts, "\n"), vocab)
	noisy := docOdd >= maxOddShare && docOdd*float64(docTokens) >= 5
	for k, i := range nums {
		text := texts[k]
		a.Pages = append(a.Pages, Page{Number: i, Text: text})
		q := pageQuality(text)
		if noisy && q.class == qualityOK {
			if share, _ := oddTokenShare(text, vocab); share >= maxOddShare {
				q.class = qualityGarbled
				q.reason = fmt.Sprintf("%.1f%% of the words in the document are malformed: a poor OCR layer?", 100*docOdd)
			}
		}
		switch q.class {
		case qualityEmpty:
			empty = append(empty, i)
			var xo xobjects
			if err := try(func() error { xo = drawnXObjects(res.pages[i-1]); return nil }); err != nil {
				xo.images++ // cannot tell: assume the page draws something
			}
			if res.images[i] > 0 {
				xo.images++
			}
			if xo.images > 0 || xo.forms > 0 {
				drawn = append(drawn, i)
				if xo.images == 0 {
					imagesOnly = false
				}
			}
		case qualityGarbled:
			garbled = append(garbled, i)
			if garbleReason == "" {
				garbleReason = q.reason
			}
		}
	}

	// Which empty pages count as missing text.
	var noText []int
	switch {
	case len(empty) == numPages-len(bad) || len(empty)*2 >= numPages:
		noText = empty
	default:
		noText = drawn
	}

	why := "scanned? --ocr reads such pages with tesseract"
	if !imagesOnly {
		why = "the page draws only forms without readable text"
	}
	var also []string
	if len(garbled) > 0 {
		also = append(also, fmt.Sprintf("text garbled on %s (%s)", pageList(garbled), garbleReason))
	}
	if len(noText) > 0 {
		also = append(also, fmt.Sprintf("no text layer on %s (%s)", pageList(noText), why))
	}
	doc := Document{Agreement: a}
	unread := append(append([]int(nil), garbled...), noText...)
	sort.Ints(unread)
	switch {
	case len(bad) > 0:
		return doc, nil, &InputError{Path: path, Place: pageList(bad), Err: fmt.Errorf("%w: page unreadable (%s); %d of %d pages read%s",
			ErrDamaged, badReason, numPages-len(bad), numPages, joinAlso(also))}
	case len(garbled) > 0:
		return doc, unread, &InputError{Path: path, Place: pageList(garbled), Err: fmt.Errorf("%w (%s)%s", ErrGarbled, garbleReason, joinAlso(also[1:]))}
	case len(noText) > 0:
		return doc, unread, &InputError{Path: path, Place: pageList(noText), Err: fmt.Errorf("%w (%s)", ErrNoText, why)}
	}
	a.Clauses = SplitClauses(a.Pages, true)
	return Document{Agreement: a}, nil, nil
}

func joinAlso(also []string) string {
	if len(also) == 0 {
		return ""
	}
	return "; also " + strings.Join(also, "; ")
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

// checkStreams guards against a hang in the library: its content-stream
// tokenizer loops forever on a hex string left open at the end of a stream
// (readHexString reads '\n' at EOF for ever). The page's content streams
// and its fonts' /ToUnicode CMaps are scanned first with the same
// tokenizing rules; the page is refused if one would hang.
//
// The streams are read within b (their bytes count against the budget);
// an error wrapping ErrBudget says so.
func checkStreams(p pdf.Page, b *budget) error {
	if ok, err := tokensTerminate(p.V.Key("Contents"), b, "the content stream"); err != nil || !ok {
		return cmp.Or(err, errors.New("content stream ends inside a hex string"))
	}
	fonts := p.Resources().Key("Font")
	for _, name := range fonts.Keys() {
		f := fonts.Key(name)
		what := "the ToUnicode CMap of font " + name
		if ok, err := tokensTerminate(f.Key("ToUnicode"), b, what); err != nil || !ok {
			return cmp.Or(err, fmt.Errorf("font %s: ToUnicode CMap ends inside a hex string", name))
		}
		for _, d := range []pdf.Value{f.Key("DescendantFonts")} {
			for i := 0; i < d.Len(); i++ {
				if ok, err := tokensTerminate(d.Index(i).Key("ToUnicode"), b, what); err != nil || !ok {
					return cmp.Or(err, fmt.Errorf("font %s: ToUnicode CMap ends inside a hex string", name))
				}
			}
		}
	}
	return nil
}

// tokensTerminate reads a stream (or an array of streams, read as one)
// within b and reports whether the library's tokenizer would reach its
// end: false when a hex string is still open at EOF. what names the
// stream in a budget error.
func tokensTerminate(v pdf.Value, b *budget, what string) (bool, error) {
	var parts []pdf.Value
	switch v.Kind() {
	case pdf.Stream:
		parts = []pdf.Value{v}
	case pdf.Array:
		for i := 0; i < v.Len(); i++ {
			parts = append(parts, v.Index(i))
		}
	default:
		return true, nil
	}
	var data []byte
	for _, part := range parts {
		if part.Kind() != pdf.Stream {
			continue
		}
		rc := part.Reader()
		d, err := b.readStream(rc, what)
		rc.Close()
		if errors.Is(err, ErrBudget) {
			return false, err
		}
		data = append(data, d...)
		if int64(len(data)) > b.perStream {
			return false, b.exceed("%s decompresses to more than %s", what, sizeText(b.perStream))
		}
	}
	return hexStringsClosed(data), nil
}

// hexStringsClosed mirrors the library's tokenizer (lex.go readToken,
// readLiteralString, readHexString) closely enough to find an unclosed
// hex string: comments run to the line end, literal strings nest and
// escape, "<<" is a keyword, and a hex string reads pairs of non-space
// bytes until '>' (a bad pair aborts the string after the pair).
func hexStringsClosed(b []byte) bool {
	isSp := func(c byte) bool {
		return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
	}
	isHex := func(c byte) bool {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	}
	i := 0
	// nextNonSpace returns the index of the next non-space byte, or -1 at EOF.
	nextNonSpace := func() int {
		for i < len(b) && isSp(b[i]) {
			i++
		}
		if i >= len(b) {
			return -1
		}
		i++
		return i - 1
	}
	for i < len(b) {
		c := b[i]
		i++
		switch c {
		case '%':
			for i < len(b) && b[i] != '\r' && b[i] != '\n' {
				i++
			}
		case '(':
			depth := 1
			for i < len(b) && depth > 0 {
				switch b[i] {
				case '\\':
					i++
				case '(':
					depth++
				case ')':
					depth--
				}
				i++
			}
		case '<':
			if i < len(b) && b[i] == '<' {
				i++
				continue
			}
			for {
				j := nextNonSpace()
				if j < 0 {
					return false
				}
				if b[j] == '>' {
					break
				}
				k := nextNonSpace()
				if k < 0 {
					return false
				}
				if !isHex(b[j]) || !isHex(b[k]) {
					break // the library panics here and resumes after the pair
				}
			}
		}
	}
	return true
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

// Page quality classes.
const (
	qualityOK = iota
	qualityEmpty
	qualityGarbled
)

type quality struct {
	class  int
	reason string
	// measurements, for tests and tuning
	words, candidates  int
	wordShare          float64 // share of candidate-token runes in word-like tokens
	badShare           float64 // control chars, U+FFFD, private use
	foreignShare       float64 // letters outside Latin, Greek, Cyrillic
	meanWordLen        float64
	longWordShare      float64 // word-like tokens of 20+ letters
	letters, nonSpaces int
}

// Thresholds of the quality gate, tuned on the shared agreements corpus:
// LibreOffice/Word text scores wordShare ≥ 0.9; the Make/Stalwart PDFs
// (fonts decoded to punctuation or Latin-1 noise) score below 0.1.
const (
	minWordShare     = 0.6
	maxBadShare      = 0.05
	maxForeignShare  = 0.3
	maxMeanWordLen   = 10
	maxLongWordShare = 0.08
	minCandidates    = 5 // fewer tokens: a short page, judged on bad characters only
)

// pageQuality classifies the cleaned text of one page as ok, empty or
// garbled.
//
// Tokens are whitespace-separated words with edge punctuation trimmed;
// numbers, e-mail addresses, URLs and pure punctuation are ignored; single
// letters too. A token is
// word-like when it is made of Latin letters (with inner ' - . allowed),
// contains a vowel, and is at least half ASCII. A page is garbled when,
// over at least minCandidates tokens, word-like tokens carry less than
// minWordShare of the letters; or when control characters, U+FFFD and
// private-use characters exceed maxBadShare of all non-space characters; or
// letters outside Latin/Greek/Cyrillic exceed maxForeignShare; or words
// look glued together (mean word length above maxMeanWordLen, or more than
// maxLongWordShare of words 20 letters or longer). A page with fewer than 3
// letters is empty.
func pageQuality(text string) quality {
	var q quality
	bad, foreign := 0, 0
	for _, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		q.nonSpaces++
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Co, r), unicode.Is(unicode.Cs, r):
			bad++
		case unicode.IsLetter(r):
			q.letters++
			if !unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic) {
				foreign++
			}
		}
	}
	if q.letters < 3 {
		q.class = qualityEmpty
		q.reason = "no text"
		return q
	}
	q.badShare = float64(bad) / float64(q.nonSpaces)
	q.foreignShare = float64(foreign) / float64(q.letters)

	var candRunes, wordRunes, wordLetters, long int
	for _, tok := range strings.Fields(text) {
		tok = strings.TrimFunc(tok, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		n := utf8.RuneCountInString(tok)
		if n < 2 || isNumberish(tok) || strings.Contains(tok, "@") || strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") {
			continue // numbers, e-mail addresses, URLs
		}
		q.candidates++
		candRunes += n
		if isWordLike(tok) {
			q.words++
			wordRunes += n
			wordLetters += n
			if n >= 20 {
				long++
			}
		}
	}
	if candRunes > 0 {
		q.wordShare = float64(wordRunes) / float64(candRunes)
	}
	if q.words > 0 {
		q.meanWordLen = float64(wordLetters) / float64(q.words)
		q.longWordShare = float64(long) / float64(q.words)
	}
	switch {
	case q.nonSpaces >= 20 && q.badShare > maxBadShare:
		q.class, q.reason = qualityGarbled, fmt.Sprintf("%.0f%% control or replacement characters", 100*q.badShare)
	case q.letters >= 20 && q.foreignShare > maxForeignShare:
		q.class, q.reason = qualityGarbled, fmt.Sprintf("%.0f%% of letters outside Latin scripts", 100*q.foreignShare)
	case q.candidates >= minCandidates && q.wordShare < minWordShare:
		q.class, q.reason = qualityGarbled, fmt.Sprintf("only %.0f%% of the text reads as words", 100*q.wordShare)
	case q.words >= minCandidates && (q.meanWordLen > maxMeanWordLen || q.longWordShare > maxLongWordShare):
		q.class, q.reason = qualityGarbled, fmt.Sprintf("words run together (mean word length %.1f)", q.meanWordLen)
	}
	return q
}

// isNumberish: digits with number punctuation ("2026", "1.1", "$5,000", "50%").
func isNumberish(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(".,:/-%$()€£", r):
		default:
			return false
		}
	}
	return digits > 0
}

const vowels = "aeiouyAEIOUYàáâãäåèéêëìíîïòóôõöùúûüýÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÝæœÆŒ"

func isWordLike(s string) bool {
	letters, ascii := 0, 0
	vowel := false
	prev := rune(0)
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) && unicode.Is(unicode.Latin, r):
			letters++
			if r < 0x80 {
				ascii++
			}
			if strings.ContainsRune(vowels, r) {
				vowel = true
			}
		case (r == '\'' || r == '-' || r == '.' || r == '’') && i > 0 && unicode.IsLetter(prev):
		default:
			return false
		}
		prev = r
	}
	return letters >= 2 && vowel && ascii*2 >= letters
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
		drop := map[int]bool{}
		for _, k := range edgeLines(lines) {
			if key := lineShape(lines[k]); key != "" && count[key] >= need {
				drop[k] = true
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
var clauseStartRe = regexp.MustCompile(`^\s*(\(?[0-9]+(\.[0-9]+)*[.)]|(?i:section|article|clause|schedule|exhibit|annex|appendix)\s+[0-9A-Z])`)

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

// oddTokenShare measures OCR noise: the share of word tokens (3+ runes,
// edge punctuation trimmed) that no typeset text produces: letters and
// digits mixed ("4GRFFMFST", but not "1st", "10-K"), a capital after a
// lowercase letter inside an all-letter word of 6+ letters ("COffshore"),
// punctuation inside a word other than - ' . / & ("Commrtiryr.t" is
// allowed by '.', "PRIMEEVERG\’CORPORATION" is not), or five consonants
// in a row; a lowercase word of 4+ letters without a vowel; q without u;
// "of" or "the" fused to a word the document uses on its own ("ofthe",
// "ofTexas"; vocab counts the document's lowercased tokens); underscores
// inside a word.
func oddTokenShare(text string, vocab map[string]int) (share float64, tokens int) {
	odd := 0
	for _, tok := range strings.Fields(text) {
		tok = strings.TrimFunc(tok, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		if utf8.RuneCountInString(tok) < 3 || strings.ContainsAny(tok, "@\\") || strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") {
			continue // addresses, URLs, form field tags
		}
		letters, digits, inner := 0, 0, 0
		lowerThenUpper := false
		run, maxRun := 0, 0
		prev := rune(0)
		for _, r := range tok {
			switch {
			case unicode.IsLetter(r):
				letters++
				if unicode.IsUpper(r) && unicode.IsLower(prev) {
					lowerThenUpper = true
				}
				if strings.ContainsRune("aeiouyAEIOUY", r) || r > 0x7f {
					run = 0
				} else {
					run++
					maxRun = max(maxRun, run)
				}
			case unicode.IsDigit(r):
				digits++
				run = 0
			case strings.ContainsRune("-'’./&,:()", r):
				run = 0
			default:
				inner++
				run = 0
			}
			prev = r
		}
		if letters == 0 {
			continue
		}
		tokens++
		lower := strings.ToLower(tok)
		ordinal := digits > 0 && (strings.HasSuffix(lower, "st") || strings.HasSuffix(lower, "nd") || strings.HasSuffix(lower, "rd") || strings.HasSuffix(lower, "th"))
		noVowel := letters >= 4 && digits == 0 && !strings.ContainsAny(lower, "aeiouy") && lower == tok
		qNoU := strings.Contains(strings.ReplaceAll(lower, "qu", ""), "q") && digits == 0 && !qWords[strings.Trim(lower, ".")]
		fused := false
		for _, p := range []string{"of", "the"} {
			if rest, ok := strings.CutPrefix(tok, p); ok && utf8.RuneCountInString(rest) >= 3 && vocab != nil && vocab[strings.ToLower(rest)] >= 3*max(1, vocab[lower]) {
				fused = true
			}
		}
		switch {
		case noVowel, qNoU, fused, strings.Contains(tok, "_") && letters >= 2 && digits == 0:
			odd++
		case inner > 0,
			digits > 0 && letters > 0 && !ordinal && !strings.ContainsAny(tok, "-./") && letters >= 2 && digits >= 1 && letters+digits >= 4,
			lowerThenUpper && letters >= 6 && digits == 0 && !strings.ContainsAny(tok, "-./'’") && (vocab == nil || vocab[lower] <= 2),
			maxRun >= 5:
			odd++
		}
	}
	if tokens == 0 {
		return 0, 0
	}
	return float64(odd) / float64(tokens), tokens
}

// maxOddShare is the share of malformed words (oddTokenShare) from which a
// document's text layer is taken for bad OCR. Typeset PDFs in the corpus
// score at most 0.5% (product names, file names); the PrimeEnergy OCR
// layer scores about 2%.
const maxOddShare = 0.01

var qWords = map[string]bool{"seq": true, "iraq": true, "qatar": true, "faq": true, "qty": true}

// docVocab counts the lowercased word tokens of a document.
func docVocab(pages []string) map[string]int {
	v := map[string]int{}
	for _, p := range pages {
		for _, tok := range strings.Fields(p) {
			tok = strings.TrimFunc(tok, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
			v[strings.ToLower(tok)]++
		}
	}
	return v
}

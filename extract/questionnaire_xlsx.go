package extract

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxParser reads Excel workbooks (.xlsx, .xlsm, .xltx) into a
// Questionnaire. It finds each sheet's header row by its captions, maps the
// columns by caption, and takes every row below whose ID cell reads like a
// question ID (or, in layouts without IDs, every row with question text).
//
// Which sheets are read: visible sheets only (hidden sheets hold lists,
// lookups and scoring); sheets whose names mark them as analyst, crosswalk,
// summary, mapping or instruction tabs are read only when no other sheet
// holds a questionnaire.
//
// Ownership given once per service model (CCM v4 "IaaS / PaaS / SaaS") is
// reported as "IaaS=…; PaaS=…; SaaS=…" pairs in workbook order; when
// Options.ServiceModel names one of them, that pair comes first, so that
// analyze.ParseOwner (which reads the first pair) takes the chosen model.
type xlsxParser struct{}

// Limits on what the reader looks at and what a hostile file may cost.
const (
	xlsxUnzipLimit    = 128 << 20 // bytes a workbook may unpack to
	xlsxUnzipXMLLimit = 4 << 20   // parts above this are streamed from temp files
	xlsxHeaderScan    = 30        // rows searched for the header
	xlsxInferRows     = 60        // rows below the header used to infer columns
	xlsxMaxHeaderCl   = 3         // rows below a merged caption searched for sub-captions
	xlsxMaxCols       = 16_384    // Excel's own column limit
	xlsxMaxMerges     = 200_000
	xlsxMaxEmptyRun   = 5_000 // empty rows after which a sheet is taken to end
)

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// encryptedPackage is the OLE stream name of an ECMA-376 encrypted
	// workbook, as stored in the directory (UTF-16LE).
	encryptedPackage = utf16le("EncryptedPackage")
	odsMime          = []byte("application/vnd.oasis.opendocument.spreadsheet")
)

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, c := range []byte(s) {
		b = append(b, c, 0)
	}
	return b
}

func (xlsxParser) Name() string { return "xlsx" }

// Sniff accepts a zip whose name ends .xlsx/.xlsm/.xltx or whose first
// entries lie under xl/, an OpenDocument spreadsheet (which Parse refuses
// with a clear message), and any OLE compound file: a legacy .xls (read by
// readXLS) or an encrypted workbook.
func (xlsxParser) Sniff(head []byte, path string) bool {
	if bytes.HasPrefix(head, oleMagic[:4]) {
		return true
	}
	if !bytes.HasPrefix(head, zipMagic) {
		return false
	}
	if bytes.Contains(head, odsMime) {
		return true
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm", ".xltx", ".xltm", ".ods":
		return true
	}
	return bytes.Contains(head, []byte("xl/workbook.xml")) || bytes.Contains(head, []byte("xl/_rels/")) ||
		bytes.Contains(head, []byte("xl/worksheets/"))
}

// Parse reads the workbook at path into a Document holding a Questionnaire.
//
// Errors are *InputError values: ErrUnsupported for a legacy .xls that
// cannot be read, an OpenDocument spreadsheet or a workbook past the size
// limits, ErrEncrypted for a password-protected workbook opened without (or
// with a wrong) opts.Password, ErrDamaged for a broken zip or sheet,
// ErrEmpty (naming the sheets and the captions seen) when no sheet holds a
// recognisable questionnaire, or the I/O error.
func (xlsxParser) Parse(path string, opts Options) (Document, error) {
	q, _, err := readWorkbook(path, opts, nil)
	if err != nil {
		return Document{}, err
	}
	return Document{Questionnaire: q}, nil
}

// readWorkbook is Parse, also returning the header row of each data sheet.
// With a non-nil each, the items of an .xlsx workbook are passed to each as
// they are read and not kept (a legacy .xls is read whole first), with the
// questionnaire as read so far (its Vendor and Product as stated by then);
// an error from each stops reading and is returned as it is.
func readWorkbook(path string, opts Options, each func(Item, *Questionnaire) error) (q *Questionnaire, headers map[string]int, err error) {
	var b *book
	defer func() {
		if r := recover(); r != nil {
			if b != nil && b.inSink {
				panic(r) // the caller's own panic, not a damaged workbook
			}
			q, headers, err = nil, nil, &InputError{Path: path, Err: fmt.Errorf("%w: workbook could not be read (%v)", ErrDamaged, r)}
		}
	}()
	ole, encrypted, err := oleKind(path)
	if err != nil {
		return nil, nil, &InputError{Path: path, Err: err}
	}
	if ole && !encrypted {
		q, headers, err := readXLS(path, opts)
		if err == nil {
			settleFromItems(q)
		}
		if err == nil && each != nil {
			err = replayItems(q, each)
		}
		return q, headers, err
	}
	if ole && opts.Password == "" {
		return nil, nil, &InputError{Path: path, Err: fmt.Errorf("%w: encrypted workbook: give its password (--password)", ErrEncrypted)}
	}
	if !ole && isODS(path) {
		return nil, nil, &InputError{Path: path, Err: fmt.Errorf("%w: OpenDocument spreadsheet (.ods): save it as .xlsx", ErrUnsupported)}
	}
	if !ole {
		if err := checkXLSXZip(path); err != nil {
			return nil, nil, &InputError{Path: path, Err: err}
		}
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxUnzipXMLLimit, Password: opts.Password})
	if err != nil {
		return nil, nil, &InputError{Path: path, Err: openError(err, ole)}
	}
	defer f.Close()

	b = newBook(path, opts)
	if each != nil {
		b.sink = func(it Item) error { return each(it, b.q) }
	}
	raw := newRawSheets(f, path, ole)
	var primary, deferred []string
	b.all = f.GetSheetList()
	for _, name := range b.all {
		visible, err := f.GetSheetVisible(name)
		if err != nil {
			return nil, nil, &InputError{Path: path, Place: "sheet " + name, Err: fmt.Errorf("%w: %v", ErrDamaged, err)}
		}
		if !visible {
			continue // a hidden helper sheet: lists, lookups, scoring
		}
		if nonDataSheet.MatchString(name) {
			deferred = append(deferred, name)
			continue
		}
		primary = append(primary, name)
	}
	read := func(names []string) error {
		for _, name := range names {
			sr, err := readXLSXSheet(f, raw, b, name)
			if err != nil {
				if se, ok := err.(*stopError); ok {
					return se.err
				}
				return err
			}
			b.add(name, sr)
		}
		return nil
	}
	if err := read(primary); err != nil {
		return nil, nil, err
	}
	if b.n == 0 {
		if err := read(deferred); err != nil {
			return nil, nil, err
		}
	}
	if err := b.finish(); err != nil {
		return nil, nil, err
	}
	if b.q.Vendor == "" {
		b.q.Vendor, b.q.Product = coverNames(f, deferred, b.q.Product)
	}
	settleVendor(b.q, &b.names, f)
	if each != nil {
		b.q.Items = nil
	}
	return b.q, b.headers, nil
}

// replayItems passes the items of a workbook read whole to each, in order,
// and drops them from q.
func replayItems(q *Questionnaire, each func(Item, *Questionnaire) error) error {
	items := q.Items
	q.Items = nil
	for _, it := range items {
		if err := each(it, q); err != nil {
			return err
		}
	}
	return nil
}

// stopError carries an error returned by a book's sink out of the reader
// unwrapped.
type stopError struct{ err error }

func (e *stopError) Error() string { return e.err.Error() }

// Caps on the rows and cells read per workbook, over all sheets (variables
// so that tests can lower them).
var (
	xlsxMaxRows  = 600_000
	xlsxMaxCells = 12_000_000
)

// nonDataSheet names tabs that hold no questionnaire of their own: analyst
// and scoring views, crosswalks, summaries, mappings, guidance, change logs.
var nonDataSheet = regexp.MustCompile(`(?i)(crosswalk|analyst|summary|report\b|reference|evaluation|scoring|change\s*log|changelog|instructions?\b|introduction|mappings?\b|auditing|acknowledg|record of change|key to\b|guiding principles|copyright|read\s*me|document version|lookups?\b|^lists?$|^values$|auto responses|what is the)`)

// book gathers the sheets of one workbook into a Questionnaire.
type book struct {
	path    string
	opts    Options
	q       *Questionnaire
	headers map[string]int
	looked  []string
	// seen maps each item ID read to the number of the sheet (in reading
	// order) it was first read on, so that HECVAT copies on later sheets
	// are dropped; only the IDs are kept, not the items.
	seen   map[string]int
	sheetN int
	// sink, when set, receives each item as it is read instead of
	// q.Items; inSink is true while it runs.
	sink   func(Item) error
	inSink bool
	n      int // items taken over all sheets
	family familyHints
	// captions seen on sheets without a usable header, for the error.
	captions []string
	// all names every sheet of the workbook, hidden ones included.
	all   []string
	rows  int
	cells int
	// names counts the vendor names the answers use (settleVendor).
	names nameVotes
}

type familyHints struct {
	hecvat, ccm, fedramp, iso, multiQ bool
	caiqVersion, version, titles      string
}

func newBook(path string, opts Options) *book {
	return &book{path: path, opts: opts, headers: map[string]int{}, seen: map[string]int{},
		q: &Questionnaire{Path: path, Sheets: []string{}, Items: []Item{}}}
}

// add takes one sheet's result.
func (b *book) add(name string, sr *sheetResult) {
	b.looked = append(b.looked, name)
	if b.q.Vendor == "" {
		b.q.Vendor = sr.vendor
	}
	if b.q.Product == "" {
		b.q.Product = sr.product
	}
	if sr.layout == nil {
		if len(sr.captions) > 0 && len(b.captions) < 12 {
			b.captions = append(b.captions, fmt.Sprintf("%s: %s", strconv.Quote(name), quoteList(sr.captions)))
		}
		return
	}
	if sr.kept == 0 {
		return
	}
	b.headers[name] = sr.header
	b.q.Sheets = append(b.q.Sheets, name)
	if len(b.q.Items) == 0 {
		b.q.Items = sr.items // no copy of a big first sheet
	} else {
		b.q.Items = append(b.q.Items, sr.items...)
	}
}

// begin is called by scanSheet once a sheet's layout is known, before its
// items.
func (b *book) begin(name string, sr *sheetResult) {
	// The names the sheet states, known before its items (add would take
	// the same ones after them), for a sink that reads them.
	if b.q.Vendor == "" {
		b.q.Vendor = sr.vendor
	}
	if b.q.Product == "" {
		b.q.Product = sr.product
	}
	b.sheetN++
	b.noteFamily(name, sr)
}

// item takes one item of the sheet being read: it drops a HECVAT copy of a
// question asked on an earlier sheet, and passes the item to the sink or
// keeps it in sr.items.
func (b *book) item(sr *sheetResult, it Item) error {
	if first, ok := b.seen[it.ID]; ok {
		// HECVAT tabs repeat the START HERE questions as formula copies;
		// count each ID once, where it is first asked.
		if b.family.hecvat && first < b.sheetN {
			return nil
		}
	} else {
		b.seen[it.ID] = b.sheetN
	}
	if sr.kept == 0 {
		// For sectioned forms the header is the caption row of the
		// section holding the first item.
		sr.header = sr.layout.headerRow
		for _, c := range sr.captionRows {
			if c > sr.header && c < it.Row {
				sr.header = c
			}
		}
	}
	sr.kept++
	b.n++
	b.names.add(it)
	if b.sink == nil {
		sr.items = append(sr.items, it)
		return nil
	}
	b.inSink = true
	err := b.sink(it)
	b.inSink = false
	if err != nil {
		return &stopError{err}
	}
	return nil
}

// countRow charges one row of n cells against the workbook's budget.
func (b *book) countRow(sheet string, row, n int) error {
	b.rows++
	b.cells += n
	switch {
	case b.rows > xlsxMaxRows:
		return &InputError{Path: b.path, Place: fmt.Sprintf("sheet %s row %d", sheet, row),
			Err: fmt.Errorf("%w: more than %d rows: too large to read; split the workbook", ErrUnsupported, xlsxMaxRows)}
	case b.cells > xlsxMaxCells:
		return &InputError{Path: b.path, Place: fmt.Sprintf("sheet %s row %d", sheet, row),
			Err: fmt.Errorf("%w: more than %d cells: too large to read; split the workbook", ErrUnsupported, xlsxMaxCells)}
	case n > xlsxMaxCols:
		return &InputError{Path: b.path, Place: fmt.Sprintf("sheet %s row %d", sheet, row),
			Err: fmt.Errorf("%w: row has more than %d columns", ErrDamaged, xlsxMaxCols)}
	}
	return nil
}

// finish checks the result and names the format.
func (b *book) finish() error {
	if err := b.checkSheets(); err != nil {
		return err
	}
	if b.n == 0 {
		msg := fmt.Sprintf("no sheet has a header row with question ID, question or answer captions in its first %d rows", xlsxHeaderScan)
		if len(b.captions) > 0 {
			msg += "; captions seen: " + strings.Join(b.captions, "; ")
		}
		return &InputError{Path: b.path, Place: "sheets " + quoteList(b.looked), Err: fmt.Errorf("%w: %s", ErrEmpty, msg)}
	}
	b.q.Format = b.format()
	return nil
}

var (
	hecvatTitle  = regexp.MustCompile(`(?i)\bHECVAT\b`)
	k12Title     = regexp.MustCompile(`(?i)K-?12\s*(?:Community Vendor Assessment Tool|CVAT)|K-12CVAT`)
	ccmTitle     = regexp.MustCompile(`(?i)cloud controls matrix`)
	caiqTitle    = regexp.MustCompile(`(?i)consensus assessments? initiative questionnaire|\bcaiq\b`)
	fedrampTitle = regexp.MustCompile(`(?i)\bfedramp\b`)
	isoTitle     = regexp.MustCompile(`(?i)27001`)
	liteTitle    = regexp.MustCompile(`(?i)\b(?:hecvat|cvat)\b[^|]{0,24}?\blite\b`)
	fullTitle    = regexp.MustCompile(`(?i)\b(?:hecvat|cvat)\b[^|]{0,24}?\bfull\b`)
)

// noteFamily records what a data sheet says about the questionnaire family.
func (b *book) noteFamily(name string, sr *sheetResult) {
	h := &b.family
	t := name + " | " + sr.title
	if len(h.titles) < 4096 {
		h.titles += " | " + t
	}
	switch {
	case sr.caiqV4:
		if sr.version != "" && h.caiqVersion == "" {
			h.caiqVersion = sr.version
		}
		if h.caiqVersion == "" {
			h.caiqVersion = "4"
		}
	case ccmTitle.MatchString(t):
		h.ccm = true
		if h.version == "" {
			h.version = sr.version
		}
	case hecvatTitle.MatchString(t) || k12Title.MatchString(t):
		h.hecvat = true
		if h.version == "" {
			h.version = sr.version
		}
	case caiqTitle.MatchString(t) || sr.layout.multiQ:
		if h.caiqVersion == "" {
			h.caiqVersion = sr.version
		}
		h.multiQ = h.multiQ || sr.layout.multiQ
	case fedrampTitle.MatchString(t):
		h.fedramp = true
	case isoTitle.MatchString(t) || isoTitle.MatchString(strings.Join(sr.layout.captions, " ")):
		h.iso = true
	}
}

// format names the questionnaire family and version: "caiq-v4.0.3",
// "ccm-v4.0.12", "caiq-v3.0.1", "caiq-v1.0", "hecvat-full-3.04",
// "hecvat-4.1.4", "k12cvat-lite-4.1", "fedramp", "iso27001-soa", or
// "xlsx" for a sheet read from its header captions alone.
func (b *book) format() string {
	h := b.family
	switch {
	case h.ccm:
		return "ccm-v" + orDefault(h.version, "4")
	case h.hecvat:
		name := "hecvat"
		if k12Title.MatchString(h.titles) {
			name = "k12cvat"
		}
		switch {
		case liteTitle.MatchString(h.titles):
			name += "-lite"
		case fullTitle.MatchString(h.titles):
			name += "-full"
		}
		if h.version != "" {
			name += "-" + h.version
		}
		return name
	case h.caiqVersion != "":
		return "caiq-v" + h.caiqVersion
	case h.multiQ:
		return "caiq-v1.0"
	case h.fedramp:
		return "fedramp"
	case h.iso:
		return "iso27001-soa"
	}
	return "xlsx"
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func quoteList(names []string) string {
	if len(names) == 0 {
		return "(none)"
	}
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// oleKind reports whether the file is an OLE compound file and, if so,
// whether it holds an encrypted OOXML package.
func oleKind(path string) (ole, encrypted bool, err error) {
	fh, err := os.Open(path)
	if err != nil {
		return false, false, err
	}
	defer fh.Close()
	head := make([]byte, len(oleMagic))
	if _, err := io.ReadFull(fh, head); err != nil || !bytes.Equal(head, oleMagic) {
		return false, false, nil
	}
	// The directory can sit anywhere; scan the file in chunks, bounded.
	buf := make([]byte, 1<<20)
	keep := len(encryptedPackage) - 1
	var carry []byte
	var total int64
	for total < xlsxUnzipLimit {
		n, rerr := fh.Read(buf)
		chunk := append(carry, buf[:n]...)
		if bytes.Contains(chunk, encryptedPackage) {
			return true, true, nil
		}
		total += int64(n)
		if len(chunk) > keep {
			carry = append(carry[:0:0], chunk[len(chunk)-keep:]...)
		}
		if rerr != nil {
			break
		}
	}
	return true, false, nil
}

// isODS reports whether the zip at path is an OpenDocument spreadsheet: its
// mimetype entry says so, or it is named .ods and holds no OOXML parts.
func isODS(path string) bool {
	fh, err := os.Open(path)
	if err != nil {
		return false
	}
	defer fh.Close()
	head := make([]byte, sniffSize)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	if bytes.Contains(head, odsMime) {
		return true
	}
	return strings.EqualFold(filepath.Ext(path), ".ods") && !bytes.Contains(head, []byte("[Content_Types].xml"))
}

// checkXLSXZip checks the workbook's package before excelize reads it
// (checkOfficeZip): each part and all together inflate to at most
// xlsxUnzipLimit bytes. A file that is not a zip archive is left to
// excelize's own errors.
func checkXLSXZip(path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	defer zr.Close()
	lim := officeLimits{part: func(string) int64 { return xlsxUnzipLimit }, total: xlsxUnzipLimit}
	return checkOfficeZip(&zr.Reader, lim, newBudget())
}

// openError maps an excelize.OpenFile error onto the sentinel errors.
func openError(err error, ole bool) error {
	msg := err.Error()
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return fmt.Errorf("%w: the password does not open it", ErrEncrypted)
	case ole:
		return fmt.Errorf("%w: legacy .xls (BIFF) or encrypted workbook: save it as .xlsx (%v)", ErrUnsupported, err)
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return fmt.Errorf("%w: %v", ErrUnsupported, err)
	case strings.Contains(msg, "unzip size exceeds"), strings.Contains(msg, "size limit"):
		return fmt.Errorf("%w: workbook unpacks to more than %d MiB", ErrBudget, xlsxUnzipLimit>>20)
	case errors.Is(err, os.ErrNotExist), errors.Is(err, os.ErrPermission):
		return err
	}
	return fmt.Errorf("%w: %v", ErrDamaged, err)
}

// rawSheets reads the parts of a sheet excelize only offers through its
// whole-sheet DOM (merged ranges, hidden columns) by scanning the sheet XML
// as a stream, so that a big sheet is never held in memory.
type rawSheets struct {
	f     *excelize.File
	path  string
	ole   bool
	paths map[string]string // sheet name → part name
}

func newRawSheets(f *excelize.File, path string, ole bool) *rawSheets {
	rs := &rawSheets{f: f, path: path, ole: ole}
	rs.paths = rs.sheetPaths()
	return rs
}

func (rs *rawSheets) part(name string) []byte {
	if v, ok := rs.f.Pkg.Load(name); ok {
		if b, ok := v.([]byte); ok {
			return b
		}
	}
	return nil
}

// sheetPaths maps sheet names to part names through the workbook's
// relationships.
func (rs *rawSheets) sheetPaths() map[string]string {
	wbPath := "xl/workbook.xml"
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(rs.part(wbPath), &wb) != nil || xml.Unmarshal(rs.part("xl/_rels/workbook.xml.rels"), &rels) != nil {
		return nil
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.RID]; ok {
			out[s.Name] = t
		}
	}
	return out
}

// sheetExtras are the merged ranges and hidden columns of one sheet.
type sheetExtras struct {
	merges     []excelize.MergeCell
	hiddenCols map[int]bool // 0-based
}

var (
	mergeTag = regexp.MustCompile(`<(?:\w+:)?mergeCell\b[^>]*?\bref=["']([A-Za-z]{1,3}[0-9]{1,7}(?::[A-Za-z]{1,3}[0-9]{1,7})?)["']`)
	colTag   = regexp.MustCompile(`<(?:\w+:)?col\b[^>]*>`)
	attrRe   = regexp.MustCompile(`\b(min|max|hidden)=["']([^"']*)["']`)
)

// extras returns the merged ranges and hidden columns of sheet, scanning its
// XML as a stream; it falls back on excelize's DOM where the part cannot be
// reached (an encrypted workbook's big sheets).
func (rs *rawSheets) extras(sheet string) (*sheetExtras, error) {
	name, ok := rs.paths[sheet]
	if ok {
		if b := rs.part(name); b != nil {
			return scanSheetXML(bytes.NewReader(b))
		}
		if !rs.ole {
			if ex, err := rs.fromZip(name); err == nil {
				return ex, nil
			}
		}
	}
	ms, err := rs.f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, err
	}
	ex := &sheetExtras{merges: ms, hiddenCols: map[int]bool{}}
	return ex, nil
}

func (rs *rawSheets) fromZip(name string) (*sheetExtras, error) {
	zr, err := zip.OpenReader(rs.path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	for _, zf := range zr.File {
		if zf.Name != name {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return scanSheetXML(io.LimitReader(rc, xlsxUnzipLimit))
	}
	return nil, os.ErrNotExist
}

// scanSheetXML finds <col hidden="1"> and <mergeCell ref="…"> elements.
func scanSheetXML(r io.Reader) (*sheetExtras, error) {
	ex := &sheetExtras{hiddenCols: map[int]bool{}}
	br := bufio.NewReaderSize(r, 64<<10)
	buf := make([]byte, 64<<10)
	var carry []byte
	for {
		n, err := io.ReadFull(br, buf)
		chunk := append(carry, buf[:n]...)
		end := bytes.LastIndexByte(chunk, '>') + 1
		work := chunk[:end]
		if bytes.Contains(work, []byte("mergeCell")) {
			for _, m := range mergeTag.FindAllSubmatch(work, -1) {
				if len(ex.merges) >= xlsxMaxMerges {
					break
				}
				ref := string(m[1])
				a, b, ok := strings.Cut(ref, ":")
				if !ok {
					b = a
				}
				ex.merges = append(ex.merges, excelize.MergeCell{a + ":" + b})
			}
		}
		if bytes.Contains(work, []byte("<col ")) || bytes.Contains(work, []byte(":col ")) {
			for _, m := range colTag.FindAll(work, -1) {
				var lo, hi int
				hidden := false
				for _, a := range attrRe.FindAllSubmatch(m, -1) {
					v := string(a[2])
					switch string(a[1]) {
					case "min":
						lo, _ = strconv.Atoi(v)
					case "max":
						hi, _ = strconv.Atoi(v)
					case "hidden":
						hidden = v == "1" || v == "true"
					}
				}
				if hidden && lo >= 1 && hi >= lo && hi <= xlsxMaxCols && hi-lo < 256 {
					for c := lo; c <= hi; c++ {
						ex.hiddenCols[c-1] = true
					}
				}
			}
		}
		rest := chunk[end:]
		if len(rest) > 4096 {
			rest = rest[len(rest)-4096:]
		}
		carry = append(carry[:0:0], rest...)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return ex, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Column roles.
const (
	roleID = iota
	roleQuestion
	roleAnswer
	roleOwner
	roleCSPImpl
	roleCSCResp
	roleNotes
	nRoles
)

// caption is one way a column caption may read: exactly Exact, or matching
// Re (a whole-word pattern) somewhere in the caption.
type caption struct {
	exact string
	re    *regexp.Regexp
}

func caps(words ...string) []caption {
	c := make([]caption, len(words))
	for i, w := range words {
		exact, pat, _ := strings.Cut(w, "|")
		if pat == "" {
			pat = `\b` + regexp.QuoteMeta(exact) + `\b`
		}
		c[i] = caption{exact: exact, re: regexp.MustCompile(pat)}
	}
	return c
}

// roleCaptions lists, per role and most specific first, the captions that
// name the column. Matching is on the caption lower-cased with whitespace
// runs collapsed: an exact match beats a prefix match beats a match inside.
var roleCaptions = [nRoles][]caption{
	roleID: caps("question id", "control id", "cid", "question #", "question number", "ref id",
		"requirement id", "item id", `id|\bids?\b`, "ref", "reference"),
	roleQuestion: caps("question", "control question", "consensus assessment questions",
		`questions|\bquestions?\b`, "question text", "control specification", "control name",
		"requirement", `control|\bcontrols?\b`, "description", `requirements|\brequirements\b`),
	roleAnswer: caps("csp caiq answer", "answer", `answers|\banswers?\b`, "vendor answers",
		`response|\bresponses?\b`, "yes/no|yes\\s*/\\s*no", "applicab|^applicab",
		"applicable|\\bapplicable\\b", "implementation status", "implemented|^implemented\\b"),
	roleOwner: caps("ssrm control ownership", "control ownership", "ownership", "responsibility type",
		"responsibility", "control origination", "can be inherited from csp", "controlled by 3rd party",
		"owner", "scope applicability"),
	roleCSPImpl: caps("csp implementation description", "implementation description"),
	roleCSCResp: caps("csc responsibilities|^csc responsibilit", "customer responsibilities|customer responsibilit"),
	roleNotes: caps("notes", `comments|\bcomments?\b`, "additional information", "comments and notes",
		`note|\bnotes?\b`, "explanation", "remarks|\\bremarks?\\b", "responsibilities|responsibilities"),
}

// roleWeight scores a header row by the roles its captions name.
var roleWeight = [nRoles]int{roleID: 3, roleQuestion: 3, roleAnswer: 2, roleOwner: 2, roleCSPImpl: 1, roleCSCResp: 1, roleNotes: 1}

// normCaption lower-cases s and collapses whitespace runs. A long
// multi-line caption is judged by its first line.
func normCaption(s string) string {
	c := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if len(c) > 80 {
		if first, _, ok := strings.Cut(strings.TrimSpace(s), "\n"); ok {
			return strings.ToLower(strings.Join(strings.Fields(first), " "))
		}
	}
	return c
}

// captionScore rates how well the normalised caption c names role r (0: not).
func captionScore(c string, r int) int {
	if c == "" || len(c) > 80 {
		return 0
	}
	for i, p := range roleCaptions[r] {
		switch {
		case c == p.exact:
			return 1000 - i
		case p.re.MatchString(c):
			if strings.HasPrefix(c, p.exact) {
				return 500 - i
			}
			return 100 - i
		}
	}
	return 0
}

var (
	// questionID reads like a question or control ID: A&A-01.1, AIS- 02.2,
	// QUAL-01, AC-2(13), AC-02 (01), AC-1(a).
	questionID = regexp.MustCompile(`^[A-Z][A-Z&]{0,5}-\s?[0-9]{1,3}[a-z]?(\.[0-9]+)*(\s?\([0-9A-Za-z]{1,3}\))*(\.[0-9]+)*$`)
	// metadataID are HECVAT general-information rows, not questions.
	metadataID = regexp.MustCompile(`^(GNRL|DATE)-`)
	// multiQLine starts one of several questions in one cell (CAIQ v1.0):
	// "CO-02a - Do you…", "IS01 - …".
	multiQLine = regexp.MustCompile(`^([A-Z]{2,4}-?\s?[0-9]{1,3}[a-z]?)\s*[-–—]\s*(\S.*)$`)
	// titleNumber is a numbered clause title: "5.10: Acceptable Use…".
	titleNumber = regexp.MustCompile(`^([0-9]{1,2}(?:\.[0-9]{1,3})+)(?:\s*[:\-–.]\s*|\s+)\S`)
	// caiqSheet names a CAIQ sheet, with the version where given.
	caiqSheet   = regexp.MustCompile(`(?i)^(?:csa\s*)?caiq\s*v?([0-9]+(?:\.[0-9]+)*)?`)
	versionCell = regexp.MustCompile(`(?i)(?:\bv|\bv\.|\bversion)\s?([0-9]+(?:\.[0-9]+)+)\b`)
	markCell    = regexp.MustCompile(`^(?i:x+|[✓✔☑•●■])$`)
	placeholder = regexp.MustCompile(`(?i)^[<\[{(].*[>\]})]$|^enter\b|^tbd$`)
	serviceSubs = regexp.MustCompile(`(?i)^(iaas|paas|saas)$`)
)

// colSet is the column (or, for a caption over several sub-captioned
// columns, the columns) holding one role. Columns are 0-based.
type colSet struct {
	cols []int
	subs []string // sub-captions, one per column, when len(cols) > 1
}

func (c colSet) ok() bool { return len(c.cols) > 0 }

// sheetLayout is the header of one questionnaire sheet.
type sheetLayout struct {
	headerRow int // 1-based; the lowest row holding a used caption
	roles     [nRoles]colSet
	captions  []string // normalised captions of the header row
	// titleID is the column whose numbered titles ("5.10: …") give the IDs
	// where the ID column does not (-1: none).
	titleID int
	// multiQ: one question cell holds several ID-prefixed questions.
	multiQ bool
	// serviceModel puts its pair first in per-service-model ranges.
	serviceModel string
}

// mergeRange is a merged cell range, 1-based inclusive.
type mergeRange struct {
	r1, c1, r2, c2 int
	val            string
}

// sheetResult is what one sheet yields.
type sheetResult struct {
	layout          *sheetLayout
	items           []Item
	vendor, product string
	title           string // text above the header row
	version         string
	caiqV4          bool
	captions        []string // captions of a likely header, when no layout was found
	captionRows     []int    // section caption rows below the header
	kept            int      // items taken from the sheet
	header          int      // header row of the section of the first item
}

// rowIter yields a sheet's rows: 1-based number and cell texts, ok=false
// at the end.
type rowIter interface {
	read() (num int, cells []string, ok bool, err error)
}

// rowSource streams a sheet's rows with vertical merges filled down and the
// cells hidden under merges blanked.
type rowSource struct {
	next    func() (num int, cells []string, ok bool, err error)
	merges  []*mergeRange // sorted by r1
	nextM   int           // index of the next merge to activate
	active  []*mergeRange
	byStart map[[2]int]*mergeRange
}

func newRowSource(next func() (int, []string, bool, error), ms []excelize.MergeCell) *rowSource {
	src := &rowSource{next: next, byStart: map[[2]int]*mergeRange{}}
	for _, m := range ms {
		if len(m) == 0 {
			continue
		}
		a, b, ok := strings.Cut(m[0], ":")
		if !ok {
			continue
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(a)
		c2, r2, err2 := excelize.CellNameToCoordinates(b)
		if err1 != nil || err2 != nil {
			continue
		}
		if r2 < r1 {
			r1, r2 = r2, r1
		}
		if c2 < c1 {
			c1, c2 = c2, c1
		}
		if r1 == r2 && c1 == c2 || c2-c1 > 1024 {
			continue
		}
		mr := &mergeRange{r1: r1, c1: c1, r2: r2, c2: c2}
		src.merges = append(src.merges, mr)
		src.byStart[[2]int{r1, c1}] = mr
	}
	sort.SliceStable(src.merges, func(i, j int) bool { return src.merges[i].r1 < src.merges[j].r1 })
	return src
}

// excelizeRows adapts excelize's row iterator: row numbers come from the
// iterator's count (excelize yields empty rows for gaps).
func excelizeRows(rows *excelize.Rows) func() (int, []string, bool, error) {
	n := 0
	return func() (int, []string, bool, error) {
		if !rows.Next() {
			return 0, nil, false, rows.Error()
		}
		n++
		cells, err := rows.Columns()
		if err != nil {
			return 0, nil, false, err
		}
		return n, cells, true, nil
	}
}

// cleanCell removes the carriage returns Excel stores (as "_x000D_" or a
// raw CR) in front of line feeds; a lone CR becomes a line feed.
func cleanCell(s string) string {
	if !strings.ContainsAny(s, "\r_") || (!strings.Contains(s, "\r") && !strings.Contains(s, "_x000")) {
		return s
	}
	s = strings.ReplaceAll(s, "_x000D_", "\r")
	s = strings.ReplaceAll(s, "_x000d_", "\r")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// read returns the next row (1-based number and cells) or ok=false at the end.
func (s *rowSource) read() (num int, cells []string, ok bool, err error) {
	num, cells, ok, err = s.next()
	if !ok || err != nil {
		return 0, nil, false, err
	}
	for i, v := range cells {
		cells[i] = cleanCell(v)
	}
	for s.nextM < len(s.merges) && s.merges[s.nextM].r1 <= num {
		m := s.merges[s.nextM]
		s.nextM++
		if m.r2 < num {
			continue
		}
		if m.r1 == num && m.c1 <= len(cells) {
			m.val = cells[m.c1-1]
		}
		s.active = append(s.active, m)
	}
	kept := s.active[:0]
	for _, m := range s.active {
		if m.r2 < num {
			continue
		}
		kept = append(kept, m)
		// Blank the cells under the merge, then fill its first column.
		for c := m.c1; c <= m.c2 && c <= len(cells); c++ {
			if c == m.c1 && num == m.r1 {
				continue
			}
			cells[c-1] = ""
		}
		if num > m.r1 && m.val != "" {
			for len(cells) < m.c1 {
				cells = append(cells, "")
			}
			cells[m.c1-1] = m.val
		}
	}
	s.active = kept
	return num, cells, true, nil
}

type bufRow struct {
	num   int
	cells []string
}

func cell(cells []string, c int) string {
	if c < 0 || c >= len(cells) {
		return ""
	}
	return cells[c]
}

// readXLSXSheet reads one sheet. A sheet without a recognisable header gives
// a result with a nil layout and no items.
func readXLSXSheet(f *excelize.File, raw *rawSheets, b *book, sheet string) (*sheetResult, error) {
	damaged := func(err error) error {
		return &InputError{Path: b.path, Place: "sheet " + sheet, Err: fmt.Errorf("%w: %v", ErrDamaged, err)}
	}
	ex, err := raw.extras(sheet)
	if err != nil {
		return nil, damaged(err)
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, damaged(err)
	}
	defer rows.Close()
	src := newRowSource(excelizeRows(rows), ex.merges)
	sr, err := scanSheet(b, sheet, src, src.byStart, ex.hiddenCols)
	if err != nil {
		var ie *InputError
		if _, ok := err.(*stopError); ok || errors.As(err, &ie) {
			return nil, err
		}
		return nil, damaged(err)
	}
	if err := rows.Close(); err != nil {
		return nil, damaged(err)
	}
	return sr, nil
}

// scanSheet finds the layout in the first rows of it and reads the items.
func scanSheet(b *book, sheet string, it rowIter, byStart map[[2]int]*mergeRange, hiddenCols map[int]bool) (*sheetResult, error) {
	read := func() (int, []string, bool, error) {
		num, cells, ok, err := it.read()
		if ok && err == nil {
			if err := b.countRow(sheet, num, len(cells)); err != nil {
				return 0, nil, false, err
			}
		}
		return num, cells, ok, err
	}
	var buf []bufRow
	eof := false
	for len(buf) < xlsxHeaderScan+xlsxInferRows {
		num, cells, ok, err := read()
		if err != nil {
			return nil, err
		}
		if !ok {
			eof = true
			break
		}
		buf = append(buf, bufRow{num, cells})
	}
	sr := &sheetResult{}
	lay := findLayout(buf, byStart, hiddenCols)
	if lay == nil {
		sr.vendor, sr.product = statedNames(buf, xlsxHeaderScan)
		sr.captions = likelyCaptions(buf)
		return sr, nil
	}
	lay.serviceModel = strings.ToLower(b.opts.ServiceModel)
	// On a data sheet only the title block above the header states names.
	sr.vendor, sr.product = statedNames(buf, lay.headerRow-1)
	sr.layout = lay
	sheetFormat(sheet, buf, lay, sr)
	b.begin(sheet, sr)

	emit := func(r bufRow) error {
		its := layoutItems(sheet, lay, r)
		if len(its) == 0 && sectionCaption(lay, r.cells) {
			sr.captionRows = append(sr.captionRows, r.num)
		}
		for _, it := range its {
			if err := b.item(sr, it); err != nil {
				return err
			}
		}
		return nil
	}
	for _, r := range buf {
		if r.num > lay.headerRow {
			if err := emit(r); err != nil {
				return nil, err
			}
		}
	}
	buf = nil
	empty := 0
	for !eof {
		num, cells, ok, err := read()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if blankRow(cells) {
			// Formatting often runs far below the data: stop after a long
			// run of empty rows.
			if empty++; empty > xlsxMaxEmptyRun {
				break
			}
			continue
		}
		empty = 0
		if err := emit(bufRow{num, cells}); err != nil {
			return nil, err
		}
	}
	return sr, nil
}

// likelyCaptions returns the texts of the first row with three or more
// short filled cells, for an error message.
// sectionCaption reports whether a row below the header repeats the column
// captions, as the section rows of sectioned forms (HECVAT) do.
func sectionCaption(lay *sheetLayout, cells []string) bool {
	for _, role := range []int{roleAnswer, roleNotes} {
		if cs := lay.roles[role]; len(cs.cols) == 1 && captionScore(normCaption(cell(cells, cs.cols[0])), role) > 0 {
			return true
		}
	}
	return false
}

func blankRow(cells []string) bool {
	for _, v := range cells {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func likelyCaptions(buf []bufRow) []string {
	for _, r := range buf {
		var cs []string
		for _, v := range r.cells {
			v = strings.Join(strings.Fields(v), " ")
			if v != "" && len(v) <= 60 {
				cs = append(cs, v)
			}
		}
		if len(cs) >= 3 {
			if len(cs) > 10 {
				cs = cs[:10]
			}
			return cs
		}
	}
	return nil
}

// findLayout picks the header row among the first rows of buf: the row whose
// captions name the most (weighted) roles, needing an ID, question or answer
// caption and at least two roles. It returns nil when there is none.
func findLayout(buf []bufRow, byStart map[[2]int]*mergeRange, hidden map[int]bool) *sheetLayout {
	var best *sheetLayout
	bestScore := 0
	for i, r := range buf {
		if r.num > xlsxHeaderScan {
			break
		}
		if hasQuestionID(r.cells) {
			continue // a data row, not captions
		}
		lay := &sheetLayout{headerRow: r.num, titleID: -1}
		lay.captions = make([]string, len(r.cells))
		for c, v := range r.cells {
			lay.captions[c] = normCaption(v)
		}
		assignRoles(lay, lay.captions, hidden)
		// A section caption over the ID column ("Required Questions") is
		// not the question column.
		if cs := lay.roles[roleQuestion]; cs.ok() && idColumn(buf[i+1:], cs.cols[0]) {
			lay.roles[roleQuestion] = colSet{}
		}
		score, n := 0, 0
		for role := range nRoles {
			if lay.roles[role].ok() {
				score += roleWeight[role]
				n++
			}
		}
		if n < 2 || !(lay.roles[roleID].ok() || lay.roles[roleQuestion].ok() || lay.roles[roleAnswer].ok()) {
			continue
		}
		if score > bestScore {
			best, bestScore = lay, score
			expandGroups(best, buf, i, byStart)
		}
	}
	if best == nil {
		return nil
	}
	inferColumns(best, buf)
	if !best.roles[roleID].ok() && !best.roles[roleQuestion].ok() {
		return nil
	}
	return best
}

func hasQuestionID(cells []string) bool {
	for _, v := range cells {
		if questionID.MatchString(strings.TrimSpace(v)) {
			return true
		}
	}
	return false
}

// idColumn reports whether column c of the rows mostly holds question IDs.
func idColumn(rows []bufRow, c int) bool {
	ids, filled := 0, 0
	for _, r := range rows {
		v := strings.TrimSpace(cell(r.cells, c))
		if v == "" {
			continue
		}
		filled++
		if questionID.MatchString(v) {
			ids++
		}
	}
	return ids >= 2 && 2*ids > filled
}

// assignRoles gives each role its best-matching caption column: the
// strongest (role, column) matches are taken first, each role and column
// once; ties go to the role listed first, then to the leftmost column. A
// hidden column is the question column only when no visible one qualifies.
// A header without an answer caption takes the first free column right of
// the question captioned as a question ("Must Use Template?").
func assignRoles(lay *sheetLayout, captions []string, hidden map[int]bool) {
	type match struct{ role, col, score int }
	var ms []match
	for c, v := range captions {
		for role := range nRoles {
			if s := captionScore(v, role); s > 0 {
				if role == roleQuestion {
					// A caption naming questions beats "control
					// specification" beside it (the CCM's CAIQ tab).
					if strings.Contains(v, "question") && captionScore(v, roleID) == 0 {
						s += 1000
					}
					if hidden[c] {
						s -= 900
					}
				}
				ms = append(ms, match{role, c, s})
			}
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].score != ms[j].score {
			return ms[i].score > ms[j].score
		}
		if ms[i].role != ms[j].role {
			return ms[i].role < ms[j].role
		}
		return ms[i].col < ms[j].col
	})
	taken := map[int]bool{}
	for _, m := range ms {
		if taken[m.col] || lay.roles[m.role].ok() {
			continue
		}
		lay.roles[m.role] = colSet{cols: []int{m.col}}
		taken[m.col] = true
	}
	if qs := lay.roles[roleQuestion]; qs.ok() && !lay.roles[roleAnswer].ok() && !lay.roles[roleID].ok() {
		for c := qs.cols[0] + 1; c < len(captions) && c <= qs.cols[0]+3; c++ {
			if !taken[c] && strings.HasSuffix(captions[c], "?") && len(captions[c]) <= 60 {
				lay.roles[roleAnswer] = colSet{cols: []int{c}}
				taken[c] = true
				break
			}
		}
	}
}

// expandGroups handles captions spread over several columns: a role caption
// merged across columns with sub-captions in the row below the merge (CAIQ
// v3.0.1 "Consensus Assessment Answers" over Yes / No / Not Applicable), and
// a role caption merged across columns above the header row (CCM "…
// Ownership" over IaaS / PaaS / SaaS).
func expandGroups(lay *sheetLayout, buf []bufRow, hi int, byStart map[[2]int]*mergeRange) {
	rowAt := func(num int) []string {
		for _, r := range buf {
			if r.num == num {
				return r.cells
			}
		}
		return nil
	}
	subCaptions := func(num, c1, c2 int) ([]int, []string) {
		cells := rowAt(num)
		var cols []int
		var subs []string
		for c := c1; c <= c2; c++ {
			if v := strings.TrimSpace(cell(cells, c-1)); v != "" {
				cols = append(cols, c-1)
				subs = append(subs, strings.Join(strings.Fields(v), " "))
			}
		}
		return cols, subs
	}
	taken := map[int]bool{}
	for _, cs := range lay.roles {
		for _, c := range cs.cols {
			taken[c] = true
		}
	}
	hr := buf[hi].num
	// Captions in the header row merged over sub-captioned columns.
	for _, role := range []int{roleAnswer, roleOwner} {
		cs := lay.roles[role]
		if len(cs.cols) != 1 {
			continue
		}
		m := byStart[[2]int{hr, cs.cols[0] + 1}]
		if m == nil || m.c2 == m.c1 {
			continue
		}
		for num := m.r2 + 1; num <= m.r2+xlsxMaxHeaderCl; num++ {
			cols, subs := subCaptions(num, m.c1, m.c2)
			if len(cols) >= 2 {
				lay.roles[role] = colSet{cols: cols, subs: subs}
				lay.headerRow = max(lay.headerRow, num)
				break
			}
		}
	}
	// Group captions above the header row for roles it lacks.
	for _, role := range []int{roleAnswer, roleOwner} {
		if lay.roles[role].ok() {
			continue
		}
		for num := hr - 1; num >= hr-2 && num >= 1; num-- {
			var found *mergeRange
			for c, v := range rowAt(num) {
				m := byStart[[2]int{num, c + 1}]
				if m == nil || m.c2 == m.c1 || m.r2 >= hr || taken[c] {
					continue
				}
				if captionScore(normCaption(v), role) > 0 {
					found = m
					break
				}
			}
			if found == nil {
				continue
			}
			cols, subs := subCaptions(hr, found.c1, found.c2)
			free := true
			for _, c := range cols {
				free = free && !taken[c]
			}
			if len(cols) >= 2 && free {
				lay.roles[role] = colSet{cols: cols, subs: subs}
				for _, c := range cols {
					taken[c] = true
				}
			}
			break
		}
	}
}

// inferColumns fills in a missing ID column from the values below the header
// (the column most often holding question IDs, or numbered clause titles),
// then a missing question column (the first free column right of the IDs
// that mostly holds text), and notices question cells holding several
// ID-prefixed questions.
func inferColumns(lay *sheetLayout, buf []bufRow) {
	taken := map[int]bool{}
	for _, cs := range lay.roles {
		for _, c := range cs.cols {
			taken[c] = true
		}
	}
	var data []bufRow
	for _, r := range buf {
		if r.num > lay.headerRow {
			data = append(data, r)
		}
	}
	if !lay.roles[roleID].ok() {
		counts, titles := map[int]int{}, map[int]int{}
		for _, r := range data {
			for c, v := range r.cells {
				if taken[c] {
					continue
				}
				v = strings.TrimSpace(v)
				if questionID.MatchString(v) {
					counts[c]++
				}
				if titleNumber.MatchString(v) {
					titles[c]++
				}
			}
		}
		bc, bn := -1, 2
		for c, n := range counts {
			if n > bn || (n == bn && c < bc) {
				bc, bn = c, n
			}
		}
		if bc >= 0 {
			lay.roles[roleID] = colSet{cols: []int{bc}}
			taken[bc] = true
		} else if lay.roles[roleQuestion].ok() {
			tc, tn := -1, 2
			for c, n := range titles {
				if c < lay.roles[roleQuestion].cols[0] && 2*n > len(data) && (n > tn || n == tn && c < tc) {
					tc, tn = c, n
				}
			}
			lay.titleID = tc
		}
	}
	if !lay.roles[roleQuestion].ok() && lay.roles[roleID].ok() {
		idc := lay.roles[roleID].cols[0]
		for c := idc + 1; c < idc+4; c++ {
			if taken[c] {
				continue
			}
			ids, texts := 0, 0
			for _, r := range data {
				if questionID.MatchString(strings.TrimSpace(cell(r.cells, idc))) {
					ids++
					if len(strings.TrimSpace(cell(r.cells, c))) > 10 {
						texts++
					}
				}
			}
			if ids > 0 && 2*texts > ids {
				lay.roles[roleQuestion] = colSet{cols: []int{c}}
			}
			break
		}
	}
	if qs := lay.roles[roleQuestion]; qs.ok() {
		multi := 0
		for _, r := range data {
			if multiQLine.MatchString(firstLine(cell(r.cells, qs.cols[0]))) {
				multi++
			}
		}
		lay.multiQ = multi >= 3
	}
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if l, _, ok := strings.Cut(s, "\n"); ok {
		return strings.TrimSpace(l)
	}
	return s
}

// layoutItems turns one data row into its Items: none if the row is not a
// question, one, or one per ID-prefixed line of a multi-question cell.
func layoutItems(sheet string, lay *sheetLayout, r bufRow) []Item {
	get := func(role int) string {
		cs := lay.roles[role]
		if len(cs.cols) == 1 {
			return strings.TrimSpace(cell(r.cells, cs.cols[0]))
		}
		return rangeValue(cs, r.cells, lay.serviceModel)
	}
	it := Item{Sheet: sheet, Row: r.num}
	q := get(roleQuestion)
	switch {
	case lay.multiQ && multiQLine.MatchString(firstLine(q)):
		// The line prefixes are the IDs.
	case lay.roles[roleID].ok():
		id := strings.TrimSpace(get(roleID))
		if !questionID.MatchString(id) || metadataID.MatchString(id) {
			return nil
		}
		if lay.roles[roleQuestion].ok() && q == "" {
			return nil
		}
		it.ID = id
	case lay.titleID >= 0:
		if q == "" {
			return nil
		}
		m := titleNumber.FindStringSubmatch(strings.TrimSpace(cell(r.cells, lay.titleID)))
		if m == nil {
			return nil
		}
		it.ID = m[1]
	default:
		if q == "" || noteRow(lay, r) {
			return nil
		}
		it.ID = fmt.Sprintf("%s!%d", sheet, r.num)
	}
	it.Question = q
	it.Answer = get(roleAnswer)
	it.AnswerNormalized = NormalizeAnswer(it.Answer)
	it.Ownership = get(roleOwner)
	it.CSPImplementation = get(roleCSPImpl)
	it.CSCResponsibilities = get(roleCSCResp)
	if lay.roles[roleNotes].ok() {
		it.Notes = get(roleNotes)
	} else {
		it.Notes = it.CSPImplementation
	}
	col := -1
	switch {
	case lay.roles[roleAnswer].ok():
		cs := lay.roles[roleAnswer]
		col = cs.cols[0]
		for _, c := range cs.cols {
			if strings.TrimSpace(cell(r.cells, c)) != "" {
				col = c
				break
			}
		}
	case lay.roles[roleQuestion].ok():
		col = lay.roles[roleQuestion].cols[0]
	default:
		col = lay.roles[roleID].cols[0]
	}
	it.Cell, _ = excelize.CoordinatesToCellName(col+1, r.num)
	if it.ID != "" {
		return []Item{it}
	}
	return splitQuestions(it, q)
}

// splitQuestions makes one item per ID-prefixed line of a question cell;
// lines without a prefix continue the question above.
func splitQuestions(base Item, q string) []Item {
	var out []Item
	for _, line := range strings.Split(q, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if m := multiQLine.FindStringSubmatch(line); m != nil {
			it := base
			it.ID = strings.TrimSpace(m[1])
			it.Question = strings.TrimSpace(m[2])
			out = append(out, it)
			continue
		}
		if len(out) > 0 {
			out[len(out)-1].Question += "\n" + line
		}
	}
	return out
}

// noteRow reports whether a row of an ID-less layout is a note rather than
// an item: only its question cell is filled, with a sentence, while the
// layout has an answer column.
func noteRow(lay *sheetLayout, r bufRow) bool {
	if !lay.roles[roleAnswer].ok() {
		return false
	}
	qc := lay.roles[roleQuestion].cols[0]
	for c, v := range r.cells {
		if c != qc && strings.TrimSpace(v) != "" {
			return false
		}
	}
	q := strings.TrimSpace(cell(r.cells, qc))
	return len(q) > 100 || strings.HasSuffix(q, ".")
}

// rangeValue reads a role spread over several columns: the sub-captions of
// the marked columns where the cells hold marks (x, ✓), else
// "Caption=value" pairs, joined with "; ". Per-service-model pairs put the
// chosen model first.
func rangeValue(cs colSet, cells []string, serviceModel string) string {
	var marked, pairs []string
	marks := true
	chosen := -1
	for i, c := range cs.cols {
		v := strings.TrimSpace(cell(cells, c))
		if v == "" {
			continue
		}
		marked = append(marked, cs.subs[i])
		if serviceModel != "" && serviceSubs.MatchString(cs.subs[i]) && strings.EqualFold(cs.subs[i], serviceModel) {
			chosen = len(pairs)
		}
		pairs = append(pairs, cs.subs[i]+"="+v)
		marks = marks && markCell.MatchString(v)
	}
	if marks {
		return strings.Join(marked, "; ")
	}
	if chosen > 0 {
		p := pairs[chosen]
		copy(pairs[1:chosen+1], pairs[:chosen])
		pairs[0] = p
	}
	return strings.Join(pairs, "; ")
}

// sheetFormat records the title text above the header, the version stated
// there (or in the sheet name) and whether the sheet is a CAIQ v4.
func sheetFormat(sheet string, buf []bufRow, lay *sheetLayout, sr *sheetResult) {
	var title []string
	version := ""
	if m := caiqSheet.FindStringSubmatch(strings.TrimSpace(sheet)); m != nil && m[1] != "" && strings.Contains(m[1], ".") {
		version = m[1]
	}
	fromTitle := ""
	for _, r := range buf {
		if r.num >= lay.headerRow {
			break
		}
		for _, v := range r.cells {
			v = strings.TrimSpace(v)
			if v == "" || len(v) > 200 {
				continue
			}
			title = append(title, v)
			if m := versionCell.FindStringSubmatch(v); m != nil && (fromTitle == "" || len(m[1]) > len(fromTitle)) {
				fromTitle = m[1]
			}
		}
	}
	if version == "" {
		version = fromTitle
	}
	sr.title = strings.Join(title, " | ")
	sr.version = version
	capsText := strings.Join(lay.captions, "|")
	isCAIQ := caiqSheet.MatchString(strings.TrimSpace(sheet)) || caiqTitle.MatchString(sr.title)
	v4Captions := strings.Contains(capsText, "ssrm control ownership") || strings.Contains(capsText, "csp caiq answer")
	sr.caiqV4 = v4Captions || (isCAIQ && strings.HasPrefix(version, "4"))
	if sr.caiqV4 && !strings.HasPrefix(version, "4.") {
		sr.version = "4"
	}
}

var (
	vendorCaptions  = map[string]bool{"vendor": true, "vendor name": true, "company": true, "company name": true, "csp name": true, "csp": true, "provider": true, "provider name": true, "cloud service provider": true, "organization name": true, "supplier name": true, "solution provider name": true}
	productCaptions = map[string]bool{"product": true, "product name": true, "solution name": true, "service name": true, "system name": true, "cloud service": true, "product/service name": true}
	statedCell      = regexp.MustCompile(`(?i)^(vendor|company|csp|product|solution|service|system)(?: name)?\s*:\s*(\S.{0,80})$`)
	// legendVendor is a legend entry naming the vendor: "Meridian (App Vendor)".
	legendVendor = regexp.MustCompile(`(?i)^(\S.{0,40}?)\s*\((?:[a-z]+\s)?vendor\)$`)
)

// statedNames finds the vendor and product named in rows up to lastRow: a cell
// captioned "Vendor Name", "Company Name", "CSP Name", "Product Name"… with
// the value in one of the next cells to its right, "Vendor: Acme", or a
// legend entry "Acme (App Vendor)".
func statedNames(buf []bufRow, lastRow int) (vendor, product string) {
	valueRight := func(cells []string, c int) string {
		for k := c + 1; k < len(cells) && k <= c+3; k++ {
			v := strings.TrimSpace(cells[k])
			if v == "" {
				continue
			}
			if placeholder.MatchString(v) || len(v) > 80 || vendorCaptions[normCaption(v)] || productCaptions[normCaption(v)] {
				return ""
			}
			return v
		}
		return ""
	}
	for _, r := range buf {
		if r.num > lastRow {
			break
		}
		filled := 0
		for _, v := range r.cells {
			if strings.TrimSpace(v) != "" {
				filled++
			}
		}
		for c, v := range r.cells {
			if m := legendVendor.FindStringSubmatch(strings.TrimSpace(v)); m != nil && vendor == "" {
				vendor = strings.TrimSpace(m[1])
				continue
			}
			if filled > 3 {
				continue // a caption or data row, not "caption: value"
			}
			n := strings.TrimSuffix(normCaption(v), ":")
			switch {
			case vendor == "" && vendorCaptions[n]:
				vendor = valueRight(r.cells, c)
			case product == "" && productCaptions[n]:
				product = valueRight(r.cells, c)
			default:
				if m := statedCell.FindStringSubmatch(strings.TrimSpace(v)); m != nil && !placeholder.MatchString(strings.TrimSpace(m[2])) {
					switch strings.ToLower(m[1]) {
					case "vendor", "company", "csp":
						if vendor == "" {
							vendor = strings.TrimSpace(m[2])
						}
					default:
						if product == "" {
							product = strings.TrimSpace(m[2])
						}
					}
				}
			}
		}
	}
	return vendor, product
}

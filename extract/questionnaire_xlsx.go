package extract

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
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
	xo := excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxUnzipXMLLimit, Password: opts.Password}
	var f *excelize.File
	if ole {
		if f, err = excelize.OpenFile(path, xo); err != nil {
			return nil, nil, &InputError{Path: path, Err: openError(err, ole)}
		}
	} else if f, err = openXLSX(path, xo); err != nil {
		return nil, nil, &InputError{Path: path, Err: err}
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
		b.q.Vendor, b.q.Product = coverNames(f, raw, deferred, b.q.Product)
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
var nonDataSheet = lazyre.New(`(?i)(crosswalk|analyst|summary|report\b|reference|evaluation|scoring|change\s*log|changelog|instructions?\b|introduction|mappings?\b|auditing|acknowledg|record of change|key to\b|guiding principles|copyright|read\s*me|document version|lookups?\b|^lists?$|^values$|auto responses|what is the)`)

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
	hecvatTitle  = lazyre.New(`(?i)\bHECVAT\b`)
	k12Title     = lazyre.New(`(?i)K-?12\s*(?:Community Vendor Assessment Tool|CVAT)|K-12CVAT`)
	ccmTitle     = lazyre.New(`(?i)cloud controls matrix`)
	caiqTitle    = lazyre.New(`(?i)consensus assessments? initiative questionnaire|\bcaiq\b`)
	fedrampTitle = lazyre.New(`(?i)\bfedramp\b`)
	isoTitle     = lazyre.New(`(?i)27001`)
	liteTitle    = lazyre.New(`(?i)\b(?:hecvat|cvat)\b[^|]{0,24}?\blite\b`)
	fullTitle    = lazyre.New(`(?i)\b(?:hecvat|cvat)\b[^|]{0,24}?\bfull\b`)
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

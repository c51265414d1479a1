package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
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
type xlsxParser struct{}

// Limits on what the reader looks at.
const (
	xlsxUnzipLimit  = 256 << 20 // bytes a workbook may unpack to
	xlsxHeaderScan  = 30        // rows searched for the header
	xlsxInferRows   = 60        // rows below the header used to infer columns
	xlsxMaxHeaderCl = 3         // rows below a merged caption searched for sub-captions
)

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// encryptedPackage is the OLE stream name of an ECMA-376 encrypted
	// workbook, as stored in the directory (UTF-16LE).
	encryptedPackage = utf16le("EncryptedPackage")
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
// entries lie under xl/, and any OLE compound file (legacy .xls or an
// encrypted workbook), which Parse then explains.
func (xlsxParser) Sniff(head []byte, path string) bool {
	if bytes.HasPrefix(head, oleMagic[:4]) {
		return true
	}
	if !bytes.HasPrefix(head, zipMagic) {
		return false
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm", ".xltx", ".xltm":
		return true
	}
	return bytes.Contains(head, []byte("xl/workbook.xml")) || bytes.Contains(head, []byte("xl/_rels/")) ||
		bytes.Contains(head, []byte("xl/worksheets/"))
}

// Parse reads the workbook at path into a Document holding a Questionnaire.
//
// Errors are *InputError values: ErrUnsupported for a legacy .xls or an
// unreadable format, ErrEncrypted for a password-protected workbook opened
// without (or with a wrong) opts.Password, ErrDamaged for a broken zip or
// sheet, ErrEmpty (naming the sheets looked at) when no sheet holds a
// recognisable questionnaire, or the I/O error.
func (xlsxParser) Parse(path string, opts Options) (doc Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = Document{}, &InputError{Path: path, Err: fmt.Errorf("%w: workbook could not be read (%v)", ErrDamaged, r)}
		}
	}()
	ole, encrypted, err := oleKind(path)
	if err != nil {
		return Document{}, &InputError{Path: path, Err: err}
	}
	if ole && opts.Password == "" {
		if encrypted {
			return Document{}, &InputError{Path: path, Err: fmt.Errorf("%w: encrypted workbook: give its password", ErrEncrypted)}
		}
		return Document{}, &InputError{Path: path, Err: fmt.Errorf("%w: legacy .xls (BIFF) or encrypted workbook: save it as .xlsx", ErrUnsupported)}
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, Password: opts.Password})
	if err != nil {
		return Document{}, &InputError{Path: path, Err: openError(err, ole)}
	}
	defer f.Close()

	q := &Questionnaire{Path: path, Sheets: []string{}, Items: []Item{}}
	var looked []string
	seen := map[string]bool{} // IDs read on earlier sheets (HECVAT copies)
	hecvat := false
	for _, name := range f.GetSheetList() {
		visible, err := f.GetSheetVisible(name)
		if err != nil {
			return Document{}, &InputError{Path: path, Place: "sheet " + name, Err: fmt.Errorf("%w: %v", ErrDamaged, err)}
		}
		looked = append(looked, name)
		sr, err := readXLSXSheet(f, path, name)
		if err != nil {
			return Document{}, err
		}
		if q.Vendor == "" {
			q.Vendor = sr.vendor
		}
		if q.Product == "" {
			q.Product = sr.product
		}
		if sr.layout == nil && !visible {
			continue // a hidden helper sheet
		}
		if sr.format == "hecvat" {
			hecvat = true
		}
		if len(sr.items) == 0 {
			continue
		}
		if q.Format == "" || (strings.HasPrefix(sr.format, "caiq") && !strings.HasPrefix(q.Format, "caiq")) {
			q.Format = sr.format
		}
		items := sr.items
		if hecvat {
			// HECVAT tabs repeat the START HERE questions as formula copies;
			// count each ID once, where it is first asked.
			items = items[:0:0]
			for _, it := range sr.items {
				if !seen[it.ID] {
					items = append(items, it)
				}
			}
		}
		for _, it := range items {
			seen[it.ID] = true
		}
		if len(items) == 0 {
			continue
		}
		q.Sheets = append(q.Sheets, name)
		q.Items = append(q.Items, items...)
	}
	if len(q.Items) == 0 {
		return Document{}, &InputError{Path: path, Place: "sheets " + quoteList(looked),
			Err: fmt.Errorf("%w: no sheet has a header row with question ID, question or answer captions in its first %d rows", ErrEmpty, xlsxHeaderScan)}
	}
	if q.Format == "" {
		q.Format = "xlsx"
	}
	if hecvat && !strings.HasPrefix(q.Format, "caiq") {
		q.Format = "hecvat"
	}
	return Document{Questionnaire: q}, nil
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
	case strings.Contains(msg, "unzip size exceeds"):
		return fmt.Errorf("%w: workbook unpacks to more than %d MiB", ErrUnsupported, xlsxUnzipLimit>>20)
	case errors.Is(err, os.ErrNotExist), errors.Is(err, os.ErrPermission):
		return err
	}
	return fmt.Errorf("%w: %v", ErrDamaged, err)
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
		"requirement", `control|\bcontrols?\b`, "description"),
	roleAnswer: caps("csp caiq answer", "answer", `answers|\banswers?\b`, "vendor answers",
		`response|\bresponses?\b`, "yes/no|yes\\s*/\\s*no", "applicability|^applicab",
		"applicable|\\bapplicable\\b", "implementation status", "implemented|^implemented\\b"),
	roleOwner: caps("ssrm control ownership", "control ownership", "ownership", "responsibility type",
		"responsibility", "control origination", "can be inherited from csp", "controlled by 3rd party",
		"owner"),
	roleCSPImpl: caps("csp implementation description", "implementation description"),
	roleCSCResp: caps("csc responsibilities|^csc responsibilit", "customer responsibilities|customer responsibilit"),
	roleNotes: caps("notes", `comments|\bcomments?\b`, "additional information", "comments and notes",
		`note|\bnotes?\b`, "explanation", "remarks|\\bremarks?\\b", "responsibilities|responsibilities"),
}

// roleWeight scores a header row by the roles its captions name.
var roleWeight = [nRoles]int{roleID: 3, roleQuestion: 3, roleAnswer: 2, roleOwner: 2, roleCSPImpl: 1, roleCSCResp: 1, roleNotes: 1}

// normCaption lower-cases s and collapses whitespace runs.
func normCaption(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
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
	// caiqSheet names a CAIQ sheet, with the version where given.
	caiqSheet   = regexp.MustCompile(`(?i)^(?:csa\s*)?caiq\s*v?([0-9]+(?:\.[0-9]+)*)?`)
	versionCell = regexp.MustCompile(`(?i)\bv(?:ersion)?\s?([0-9]+(?:\.[0-9]+)+)\b`)
	markCell    = regexp.MustCompile(`^(?i:x+|[✓✔☑•●■])$`)
	placeholder = regexp.MustCompile(`^[<\[{].*[>\]}]$`)
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
}

// mergeRange is a merged cell range, 1-based inclusive.
type mergeRange struct {
	r1, c1, r2, c2 int
	val            string
}

// sheetResult is what one sheet yields.
type sheetResult struct {
	layout          *sheetLayout
	format          string
	items           []Item
	vendor, product string
}

// rowSource streams a sheet's rows with vertical merges filled down and the
// cells hidden under merges blanked.
type rowSource struct {
	rows    *excelize.Rows
	merges  []*mergeRange // sorted by r1
	next    int           // index of the next merge to activate
	active  []*mergeRange
	n       int // rows read
	byStart map[[2]int]*mergeRange
}

func newRowSource(rows *excelize.Rows, ms []excelize.MergeCell) *rowSource {
	src := &rowSource{rows: rows, byStart: map[[2]int]*mergeRange{}}
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
		if r1 == r2 && c1 == c2 {
			continue
		}
		mr := &mergeRange{r1: r1, c1: c1, r2: r2, c2: c2}
		src.merges = append(src.merges, mr)
		src.byStart[[2]int{r1, c1}] = mr
	}
	sort.SliceStable(src.merges, func(i, j int) bool { return src.merges[i].r1 < src.merges[j].r1 })
	return src
}

// read returns the next row (1-based number and cells) or ok=false at the end.
func (s *rowSource) read() (num int, cells []string, ok bool, err error) {
	if !s.rows.Next() {
		return 0, nil, false, s.rows.Error()
	}
	s.n++
	num = s.n
	cells, err = s.rows.Columns()
	if err != nil {
		return 0, nil, false, err
	}
	for s.next < len(s.merges) && s.merges[s.next].r1 <= num {
		m := s.merges[s.next]
		s.next++
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
func readXLSXSheet(f *excelize.File, path, sheet string) (*sheetResult, error) {
	place := "sheet " + sheet
	damaged := func(err error) error {
		return &InputError{Path: path, Place: place, Err: fmt.Errorf("%w: %v", ErrDamaged, err)}
	}
	ms, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, damaged(err)
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, damaged(err)
	}
	defer rows.Close()
	src := newRowSource(rows, ms)

	var buf []bufRow
	eof := false
	for len(buf) < xlsxHeaderScan+xlsxInferRows {
		num, cells, ok, err := src.read()
		if err != nil {
			return nil, damaged(err)
		}
		if !ok {
			eof = true
			break
		}
		buf = append(buf, bufRow{num, cells})
	}
	sr := &sheetResult{}
	lay := findLayout(buf, src.byStart)
	if lay == nil {
		sr.vendor, sr.product = statedNames(buf, xlsxHeaderScan)
		return sr, nil
	}
	// On a data sheet only the title block above the header states names.
	sr.vendor, sr.product = statedNames(buf, lay.headerRow-1)
	sr.layout = lay
	sr.format = sheetFormat(sheet, buf, lay)

	emit := func(r bufRow) {
		if it, ok := layoutItem(sheet, lay, r); ok {
			sr.items = append(sr.items, it)
		}
	}
	for _, r := range buf {
		if r.num > lay.headerRow {
			emit(r)
		}
	}
	for !eof {
		num, cells, ok, err := src.read()
		if err != nil {
			return nil, damaged(err)
		}
		if !ok {
			break
		}
		emit(bufRow{num, cells})
	}
	if err := rows.Close(); err != nil {
		return nil, damaged(err)
	}
	return sr, nil
}

// findLayout picks the header row among the first rows of buf: the row whose
// captions name the most (weighted) roles, needing an ID, question or answer
// caption and at least two roles. It returns nil when there is none.
func findLayout(buf []bufRow, byStart map[[2]int]*mergeRange) *sheetLayout {
	var best *sheetLayout
	bestScore := 0
	for i, r := range buf {
		if r.num > xlsxHeaderScan {
			break
		}
		if hasQuestionID(r.cells) {
			continue // a data row, not captions
		}
		lay := &sheetLayout{headerRow: r.num}
		lay.captions = make([]string, len(r.cells))
		for c, v := range r.cells {
			lay.captions[c] = normCaption(v)
		}
		assignRoles(lay, lay.captions)
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
// once; ties go to the role listed first, then to the leftmost column.
func assignRoles(lay *sheetLayout, captions []string) {
	type match struct{ role, col, score int }
	var ms []match
	for c, v := range captions {
		for role := range nRoles {
			if s := captionScore(v, role); s > 0 {
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
// (the column most often holding question IDs), and then a missing question
// column (the first free column right of the IDs that mostly holds text).
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
		counts := map[int]int{}
		for _, r := range data {
			for c, v := range r.cells {
				if !taken[c] && questionID.MatchString(strings.TrimSpace(v)) {
					counts[c]++
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
}

// layoutItem turns one data row into an Item, or ok=false if it is not one.
func layoutItem(sheet string, lay *sheetLayout, r bufRow) (Item, bool) {
	get := func(role int) string {
		cs := lay.roles[role]
		if len(cs.cols) == 1 {
			return strings.TrimSpace(cell(r.cells, cs.cols[0]))
		}
		return rangeValue(cs, r.cells)
	}
	it := Item{Sheet: sheet, Row: r.num}
	q := get(roleQuestion)
	if lay.roles[roleID].ok() {
		id := strings.TrimSpace(get(roleID))
		if !questionID.MatchString(id) || metadataID.MatchString(id) {
			return Item{}, false
		}
		if lay.roles[roleQuestion].ok() && q == "" {
			return Item{}, false
		}
		it.ID = id
	} else {
		if q == "" {
			return Item{}, false
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
	return it, true
}

// rangeValue reads a role spread over several columns: the sub-captions of
// the marked columns where the cells hold marks (x, ✓), else
// "Caption=value" pairs, joined with "; ".
func rangeValue(cs colSet, cells []string) string {
	var marked, pairs []string
	marks := true
	for i, c := range cs.cols {
		v := strings.TrimSpace(cell(cells, c))
		if v == "" {
			continue
		}
		marked = append(marked, cs.subs[i])
		pairs = append(pairs, cs.subs[i]+"="+v)
		marks = marks && markCell.MatchString(v)
	}
	if marks {
		return strings.Join(marked, "; ")
	}
	return strings.Join(pairs, "; ")
}

// sheetFormat names the layout: "caiq-v4.x.y" / "caiq-v4" for a CAIQ v4
// sheet, "hecvat" for a HECVAT or K-12CVAT, else "xlsx".
func sheetFormat(sheet string, buf []bufRow, lay *sheetLayout) string {
	title := ""
	for _, r := range buf {
		if r.num >= lay.headerRow {
			break
		}
		title += " " + strings.Join(r.cells, " ")
	}
	version := ""
	if m := caiqSheet.FindStringSubmatch(strings.TrimSpace(sheet)); m != nil && m[1] != "" {
		version = m[1]
	}
	if version == "" {
		for _, r := range buf {
			if r.num >= lay.headerRow {
				break
			}
			for _, v := range r.cells {
				if m := versionCell.FindStringSubmatch(v); m != nil && (version == "" || len(m[1]) > len(version)) {
					version = m[1]
				}
			}
		}
	}
	capsText := strings.Join(lay.captions, "|")
	isCAIQ := caiqSheet.MatchString(strings.TrimSpace(sheet)) ||
		strings.Contains(strings.ToUpper(title), "CONSENSUS ASSESSMENTS INITIATIVE QUESTIONNAIRE")
	v4Captions := strings.Contains(capsText, "ssrm control ownership") || strings.Contains(capsText, "csp caiq answer")
	switch {
	case v4Captions || (isCAIQ && strings.HasPrefix(version, "4")):
		if strings.HasPrefix(version, "4.") {
			return "caiq-v" + version
		}
		return "caiq-v4"
	case strings.Contains(strings.ToUpper(sheet+" "+title), "HECVAT") || strings.Contains(strings.ToUpper(sheet+" "+title), "K-12CVAT"):
		return "hecvat"
	}
	return "xlsx"
}

var (
	vendorCaptions  = map[string]bool{"vendor": true, "vendor name": true, "company": true, "company name": true, "csp name": true, "csp": true, "provider": true, "provider name": true, "cloud service provider": true, "organization name": true, "supplier name": true}
	productCaptions = map[string]bool{"product": true, "product name": true, "solution name": true, "service name": true, "system name": true, "cloud service": true, "product/service name": true}
	statedCell      = regexp.MustCompile(`(?i)^(vendor|company|csp|product|solution|service)(?: name)?\s*:\s*(\S.{0,80})$`)
)

// statedNames finds the vendor and product named in rows up to lastRow: a cell
// captioned "Vendor Name", "Company Name", "CSP Name", "Product Name"… with
// the value in one of the next cells to its right, or "Vendor: Acme".
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
		if filled > 3 {
			continue // a caption or data row, not "caption: value"
		}
		for c, v := range r.cells {
			n := strings.TrimSuffix(normCaption(v), ":")
			switch {
			case vendor == "" && vendorCaptions[n]:
				vendor = valueRight(r.cells, c)
			case product == "" && productCaptions[n]:
				product = valueRight(r.cells, c)
			default:
				if m := statedCell.FindStringSubmatch(strings.TrimSpace(v)); m != nil && !placeholder.MatchString(m[2]) {
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

package extract

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

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
	next := excelizeRows(rows)
	if !xlsxNoFastRows {
		if fr := newFastRows(f, raw, sheet, rows); fr != nil {
			next = fr.next
			defer func() { fr.close() }()
		}
	}
	src := newRowSource(next, ex.merges)
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

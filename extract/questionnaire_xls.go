package extract

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
)

// Legacy Excel workbooks (.xls: BIFF8 records in an OLE compound file).
//
// The compound file is opened with github.com/richardlehane/mscfb (the
// reader excelize itself uses for encrypted workbooks, fuzzed upstream);
// the BIFF8 records are decoded here, bounds-checked, for what a
// questionnaire needs: sheet names and visibility, the shared strings,
// text, number, RK, formula results, booleans and merged ranges. Number
// formats are not applied (a date shows as its serial number). The pure-Go
// BIFF library suggested for this (github.com/extrame/xls) was tried and
// dropped: on damaged files it writes to stdout and calls log.Fatal, which
// no recover can catch. What cannot be read is reported as ErrUnsupported
// with the advice to save the file as .xlsx.

// Bounds for legacy workbooks.
const (
	xlsMaxSize  = 32 << 20 // bytes of the Workbook stream
	xlsMaxRows  = 65_536   // BIFF8 limits
	xlsMaxCols  = 256
	xlsMaxCells = 2_000_000
)

// readXLS reads a legacy .xls workbook with the same layout rules as
// readWorkbook.
func readXLS(path string, opts Options) (q *Questionnaire, headers map[string]int, err error) {
	unreadable := func(why string) error {
		return &InputError{Path: path, Err: fmt.Errorf("%w: legacy .xls (BIFF) workbook could not be read (%s): save it as .xlsx", ErrUnsupported, why)}
	}
	defer func() {
		if r := recover(); r != nil {
			q, headers, err = nil, nil, unreadable(fmt.Sprint(r))
		}
	}()
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, &InputError{Path: path, Err: err}
	}
	defer fh.Close()
	stream, err := xlsWorkbookStream(fh)
	if err != nil {
		return nil, nil, unreadable(err.Error())
	}
	wb, err := parseBIFF(stream)
	if err != nil {
		return nil, nil, unreadable(err.Error())
	}
	b := newBook(path, opts)
	for _, s := range wb.sheets {
		b.all = append(b.all, s.name)
	}
	for _, s := range wb.sheets {
		if s.hidden {
			continue
		}
		src := newRowSource(s.rowFunc(), s.merges)
		sr, err := scanSheet(b, s.name, src, src.byStart, nil)
		if err != nil {
			return nil, nil, err
		}
		b.add(s.name, sr)
	}
	if err := b.finish(); err != nil {
		return nil, nil, err
	}
	if b.q.Format == "xlsx" {
		b.q.Format = "xls"
	}
	return b.q, b.headers, nil
}

// xlsWorkbookStream returns the BIFF stream of an OLE compound file.
func xlsWorkbookStream(r io.ReaderAt) ([]byte, error) {
	doc, err := mscfb.New(r)
	if err != nil {
		return nil, err
	}
	for {
		f, err := doc.Next()
		if err == io.EOF {
			return nil, errors.New("no Workbook stream (not an Excel file)")
		}
		if err != nil {
			return nil, err
		}
		switch f.Name {
		case "Workbook":
			if f.Size > xlsMaxSize {
				return nil, fmt.Errorf("workbook stream larger than %d MiB", xlsMaxSize>>20)
			}
			return io.ReadAll(io.LimitReader(f, xlsMaxSize))
		case "Book":
			return nil, errors.New("an Excel 5/95 (BIFF5) workbook, which only .xls readers of that era read")
		}
	}
}

// biffBook is what the records of a workbook give.
type biffBook struct {
	sheets []*biffSheet
}

type biffSheet struct {
	name   string
	hidden bool
	pos    uint32
	cells  map[int]map[int]string // row → col → text, 0-based
	maxRow int
	merges []excelize.MergeCell
}

// rowFunc yields the sheet's rows from 1 to its last row, gaps included.
func (s *biffSheet) rowFunc() func() (int, []string, bool, error) {
	r := 0
	return func() (int, []string, bool, error) {
		if r > s.maxRow || len(s.cells) == 0 {
			return 0, nil, false, nil
		}
		row := s.cells[r]
		r++
		if len(row) == 0 {
			return r, nil, true, nil
		}
		cols := make([]int, 0, len(row))
		for c := range row {
			cols = append(cols, c)
		}
		sort.Ints(cols)
		cells := make([]string, cols[len(cols)-1]+1)
		for _, c := range cols {
			cells[c] = row[c]
		}
		return r, cells, true, nil
	}
}

// biffRecord is one record: id and data.
type biffRecord struct {
	id   uint16
	data []byte
}

// biffRecords splits stream from off into records, up to the EOF record.
func biffRecords(stream []byte, off int, each func(biffRecord) error) error {
	for off+4 <= len(stream) {
		id := binary.LittleEndian.Uint16(stream[off:])
		n := int(binary.LittleEndian.Uint16(stream[off+2:]))
		off += 4
		if off+n > len(stream) {
			return errors.New("record runs past the end of the stream")
		}
		if err := each(biffRecord{id, stream[off : off+n]}); err != nil {
			return err
		}
		off += n
		if id == 0x000A { // EOF
			return nil
		}
	}
	return errors.New("stream ends without an EOF record")
}

// parseBIFF reads the workbook globals, then each worksheet.
func parseBIFF(stream []byte) (*biffBook, error) {
	wb := &biffBook{}
	var sst []string
	var pendingSST [][]byte // SST record followed by its CONTINUE records
	inSST := false
	first := true
	err := biffRecords(stream, 0, func(r biffRecord) error {
		if first {
			first = false
			if r.id != 0x0809 || len(r.data) < 4 {
				return errors.New("no BOF record")
			}
			if v := binary.LittleEndian.Uint16(r.data); v != 0x0600 {
				return fmt.Errorf("BIFF version %#x, only BIFF8 (Excel 97-2003) is read", v)
			}
			return nil
		}
		if inSST && r.id != 0x003C {
			inSST = false
		}
		switch r.id {
		case 0x0085: // BOUNDSHEET8
			if len(r.data) < 8 {
				return errors.New("short BOUNDSHEET record")
			}
			s := &biffSheet{pos: binary.LittleEndian.Uint32(r.data), hidden: r.data[4]&3 != 0}
			if r.data[5] != 0 {
				return nil // chart, macro or dialog sheet
			}
			name, _, ok := biffString(r.data[6:], 1)
			if !ok {
				return errors.New("bad sheet name")
			}
			s.name = strings.TrimSpace(name)
			wb.sheets = append(wb.sheets, s)
		case 0x00FC: // SST
			pendingSST = [][]byte{r.data}
			inSST = true
		case 0x003C: // CONTINUE
			if inSST {
				pendingSST = append(pendingSST, r.data)
			}
		case 0x002F: // FILEPASS
			return errors.New("the workbook is encrypted")
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if pendingSST != nil {
		if sst, err = parseSST(pendingSST); err != nil {
			return nil, err
		}
	}
	cells := 0
	for _, s := range wb.sheets {
		if int(s.pos) >= len(stream) {
			return nil, fmt.Errorf("sheet %q starts past the end of the stream", s.name)
		}
		s.cells = map[int]map[int]string{}
		set := func(row, col int, v string) error {
			if row >= xlsMaxRows || col >= xlsMaxCols {
				return errors.New("cell outside the BIFF8 grid")
			}
			if cells++; cells > xlsMaxCells {
				return fmt.Errorf("more than %d cells", xlsMaxCells)
			}
			if s.cells[row] == nil {
				s.cells[row] = map[int]string{}
			}
			s.cells[row][col] = v
			s.maxRow = max(s.maxRow, row)
			return nil
		}
		var formulaAt [2]int
		awaitString := false
		err := biffRecords(stream, int(s.pos), func(r biffRecord) error {
			d := r.data
			if r.id != 0x0207 && r.id != 0x003C {
				awaitString = false
			}
			rc := func() (int, int, bool) {
				if len(d) < 6 {
					return 0, 0, false
				}
				return int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:])), true
			}
			switch r.id {
			case 0x00FD: // LABELSST
				row, col, ok := rc()
				if !ok || len(d) < 10 {
					return errors.New("short LABELSST record")
				}
				i := int(binary.LittleEndian.Uint32(d[6:]))
				if i >= len(sst) {
					return errors.New("shared string index out of range")
				}
				return set(row, col, sst[i])
			case 0x0204: // LABEL
				row, col, ok := rc()
				if !ok {
					return errors.New("short LABEL record")
				}
				v, _, ok := biffString(d[6:], 2)
				if !ok {
					return errors.New("bad LABEL string")
				}
				return set(row, col, v)
			case 0x0203: // NUMBER
				row, col, ok := rc()
				if !ok || len(d) < 14 {
					return errors.New("short NUMBER record")
				}
				return set(row, col, biffNumber(math.Float64frombits(binary.LittleEndian.Uint64(d[6:]))))
			case 0x027E: // RK
				row, col, ok := rc()
				if !ok || len(d) < 10 {
					return errors.New("short RK record")
				}
				return set(row, col, biffNumber(rkValue(binary.LittleEndian.Uint32(d[6:]))))
			case 0x00BD: // MULRK
				row, col, ok := rc()
				if !ok {
					return errors.New("short MULRK record")
				}
				for i, p := 0, 4; p+6 <= len(d)-2; i, p = i+1, p+6 {
					if err := set(row, col+i, biffNumber(rkValue(binary.LittleEndian.Uint32(d[p+2:])))); err != nil {
						return err
					}
				}
			case 0x0205: // BOOLERR
				row, col, ok := rc()
				if !ok || len(d) < 8 {
					return errors.New("short BOOLERR record")
				}
				if d[7] == 0 {
					return set(row, col, map[bool]string{true: "TRUE", false: "FALSE"}[d[6] != 0])
				}
			case 0x0006: // FORMULA: the cached result
				row, col, ok := rc()
				if !ok || len(d) < 14 {
					return errors.New("short FORMULA record")
				}
				v := d[6:14]
				if v[6] == 0xFF && v[7] == 0xFF {
					switch v[0] {
					case 0: // a STRING record follows
						formulaAt, awaitString = [2]int{row, col}, true
					case 1:
						return set(row, col, map[bool]string{true: "TRUE", false: "FALSE"}[v[2] != 0])
					}
					return nil
				}
				return set(row, col, biffNumber(math.Float64frombits(binary.LittleEndian.Uint64(v))))
			case 0x0207: // STRING: result of the formula before
				if awaitString {
					awaitString = false
					s, _, ok := biffString(d, 2)
					if !ok {
						return errors.New("bad formula STRING record")
					}
					return set(formulaAt[0], formulaAt[1], s)
				}
			case 0x00E5: // MERGEDCELLS
				if len(d) < 2 {
					return nil
				}
				n := int(binary.LittleEndian.Uint16(d))
				for i := 0; i < n && 2+8*i+8 <= len(d); i++ {
					p := d[2+8*i:]
					r1, r2 := int(binary.LittleEndian.Uint16(p)), int(binary.LittleEndian.Uint16(p[2:]))
					c1, c2 := int(binary.LittleEndian.Uint16(p[4:])), int(binary.LittleEndian.Uint16(p[6:]))
					if r2 < r1 || c2 < c1 || c2 >= xlsMaxCols {
						continue
					}
					a, _ := excelize.CoordinatesToCellName(c1+1, r1+1)
					z, _ := excelize.CoordinatesToCellName(c2+1, r2+1)
					if len(s.merges) < xlsxMaxMerges {
						s.merges = append(s.merges, excelize.MergeCell{a + ":" + z})
					}
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %v", s.name, err)
		}
	}
	return wb, nil
}

// biffNumber shows a number as Excel's General format would, roughly.
func biffNumber(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', 15, 64)
}

func rkValue(rk uint32) float64 {
	var f float64
	if rk&2 != 0 {
		f = float64(int32(rk) >> 2)
	} else {
		f = math.Float64frombits(uint64(rk&^3) << 32)
	}
	if rk&1 != 0 {
		f /= 100
	}
	return f
}

// biffString reads an unsplit XLUnicodeString whose length field is
// lenBytes (1 or 2) long; it returns the text and the bytes used.
func biffString(d []byte, lenBytes int) (string, int, bool) {
	if len(d) < lenBytes+1 {
		return "", 0, false
	}
	n := int(d[0])
	if lenBytes == 2 {
		n = int(binary.LittleEndian.Uint16(d))
	}
	flags := d[lenBytes]
	p := lenBytes + 1
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		if len(d) < p+2 {
			return "", 0, false
		}
		runs = int(binary.LittleEndian.Uint16(d[p:]))
		p += 2
	}
	if flags&0x04 != 0 {
		if len(d) < p+4 {
			return "", 0, false
		}
		ext = int(binary.LittleEndian.Uint32(d[p:]))
		p += 4
	}
	w := 1
	if flags&0x01 != 0 {
		w = 2
	}
	if len(d) < p+n*w {
		return "", 0, false
	}
	s := decodeChars(d[p:p+n*w], w)
	p += n*w + 4*runs + ext
	return s, p, true
}

func decodeChars(b []byte, w int) string {
	if w == 1 {
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c) // Latin-1
		}
		return string(r)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// sstReader reads the SST and its CONTINUE records as one stream, except
// that characters split over a CONTINUE restart with a new width flag.
type sstReader struct {
	segs [][]byte
	i, p int
}

func (r *sstReader) next() bool {
	for r.i < len(r.segs) && r.p >= len(r.segs[r.i]) {
		r.i++
		r.p = 0
	}
	return r.i < len(r.segs)
}

func (r *sstReader) bytes(n int) ([]byte, bool) {
	out := make([]byte, 0, n)
	for len(out) < n {
		if !r.next() {
			return nil, false
		}
		k := min(n-len(out), len(r.segs[r.i])-r.p)
		out = append(out, r.segs[r.i][r.p:r.p+k]...)
		r.p += k
	}
	return out, true
}

func (r *sstReader) skip(n int) bool {
	for n > 0 {
		if !r.next() {
			return false
		}
		k := min(n, len(r.segs[r.i])-r.p)
		r.p += k
		n -= k
	}
	return true
}

// chars reads n characters of width w; where the characters go on in the
// next CONTINUE record, that record starts with its own width flag.
func (r *sstReader) chars(n, w int) (string, bool) {
	var sb strings.Builder
	for n > 0 {
		if r.i >= len(r.segs) {
			return "", false
		}
		if r.p >= len(r.segs[r.i]) {
			r.i++
			r.p = 0
			if r.i >= len(r.segs) || len(r.segs[r.i]) == 0 {
				return "", false
			}
			w = 1
			if r.segs[r.i][0]&1 != 0 {
				w = 2
			}
			r.p = 1
			continue
		}
		avail := (len(r.segs[r.i]) - r.p) / w
		if avail == 0 {
			return "", false
		}
		k := min(n, avail)
		sb.WriteString(decodeChars(r.segs[r.i][r.p:r.p+k*w], w))
		r.p += k * w
		n -= k
	}
	return sb.String(), true
}

// parseSST decodes the shared string table.
func parseSST(segs [][]byte) ([]string, error) {
	r := &sstReader{segs: segs}
	head, ok := r.bytes(8)
	if !ok {
		return nil, errors.New("short SST record")
	}
	count := int(binary.LittleEndian.Uint32(head[4:]))
	total := 0
	for _, s := range segs {
		total += len(s)
	}
	if count > total/3+1 {
		return nil, errors.New("SST count larger than the table")
	}
	out := make([]string, 0, count)
	for range count {
		h, ok := r.bytes(3)
		if !ok {
			return nil, errors.New("SST ends early")
		}
		n, flags := int(binary.LittleEndian.Uint16(h)), h[2]
		runs, ext := 0, 0
		if flags&0x08 != 0 {
			b, ok := r.bytes(2)
			if !ok {
				return nil, errors.New("SST ends early")
			}
			runs = int(binary.LittleEndian.Uint16(b))
		}
		if flags&0x04 != 0 {
			b, ok := r.bytes(4)
			if !ok {
				return nil, errors.New("SST ends early")
			}
			ext = int(binary.LittleEndian.Uint32(b))
			if ext < 0 || ext > total {
				return nil, errors.New("bad SST string")
			}
		}
		w := 1
		if flags&0x01 != 0 {
			w = 2
		}
		s, ok := r.chars(n, w)
		if !ok || !r.skip(4*runs+ext) {
			return nil, errors.New("SST ends early")
		}
		out = append(out, s)
	}
	return out, nil
}

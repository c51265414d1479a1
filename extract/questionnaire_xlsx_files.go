package extract

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
	"github.com/xuri/excelize/v2"
)

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
	return checkOfficeZip(&zr.Reader, xlsxLimits, newBudget())
}

// xlsxLimits are the sizes an xlsx package's parts may inflate to: each
// and all together at most xlsxUnzipLimit.
var xlsxLimits = officeLimits{part: func(string) int64 { return xlsxUnzipLimit }, total: xlsxUnzipLimit}

// openXLSX opens the workbook at path with excelize, checking its package
// as checkXLSXZip does without inflating its parts twice: the declared
// sizes are checked first (checkDeclared: nothing is inflated past them,
// archive/zip stops at a part's declared size), then excelize inflates the
// parts, and the XML parts it holds are checked on its bytes
// (checkedParts). Wherever that check finds fault, or excelize fails,
// checkXLSXZip reads the package as before, so that the error returned is
// the one it gives.
func openXLSX(path string, xo excelize.Options) (*excelize.File, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		zr = nil // not a zip archive: left to excelize's own errors
	} else {
		defer zr.Close()
		if err := checkDeclared(&zr.Reader, xlsxLimits); err != nil {
			return nil, err
		}
	}
	var f *excelize.File
	if zr != nil {
		f = openLean(&zr.Reader, path, xo)
	}
	if f == nil {
		f, err = excelize.OpenFile(path, xo)
	}
	if err != nil {
		if cerr := checkXLSXZip(path); cerr != nil {
			return nil, cerr
		}
		return nil, openError(err, false)
	}
	if zr != nil && !checkedParts(&zr.Reader, f) {
		if cerr := checkXLSXZip(path); cerr != nil {
			f.Close()
			return nil, cerr
		}
	}
	return f, nil
}

// xlsxLeanMax is the largest file openLean copies (bytes, compressed).
const xlsxLeanMax = 4 << 20

// unusedPart reports whether excelize would inflate or decode the part
// when it opens the workbook while nothing here reads it: the calculation
// chain (decoded whole at OpenFile) and pictures.
func unusedPart(name string) bool {
	n := strings.ToLower(strings.ReplaceAll(name, "\\", "/"))
	return n == "xl/calcchain.xml" || strings.HasPrefix(n, "xl/media/")
}

// openLean opens a copy of a small package zr (at most xlsxLeanMax
// compressed) without its unused parts (unusedPart), the other parts'
// compressed bytes copied as they are, and with the sheets and shared
// strings inflated here (ownParts) rather than by excelize: its readFile
// sizes a part's buffer to the part, then grows it to twice that for the
// read that finds the end (bytes.Buffer.ReadFrom), so every part it
// inflates is allocated, cleared and copied twice over. Those parts go in
// the copy as empty entries of the same names (excelize counts the sheets
// and maps their names by them at open, and reads nothing else of them)
// and their bytes are stored in its package after it opens: what it holds
// is what it would have read. nil when the file is bigger than
// xlsxLeanMax, there is nothing to leave out, or the copy or excelize
// fails (excelize then opens the file itself, for its own error). The
// parts left out are still checked (checkedParts reads them from zr).
func openLean(zr *zip.Reader, path string, xo excelize.Options) *excelize.File {
	var size uint64
	drop := false
	for _, zf := range zr.File {
		size += zf.CompressedSize64 + uint64(len(zf.Name)) + 128
		drop = drop || unusedPart(zf.Name)
	}
	if size > xlsxLeanMax {
		return nil
	}
	own := ownParts(zr, xo)
	if !drop && own == nil {
		return nil
	}
	var buf bytes.Buffer
	buf.Grow(int(size) + 1024)
	zw := zip.NewWriter(&buf)
	for i, zf := range zr.File {
		if unusedPart(zf.Name) {
			continue
		}
		var err error
		if own != nil && own[i] != nil {
			_, err = zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Store})
		} else {
			err = zw.Copy(zf)
		}
		if err != nil {
			return nil
		}
	}
	if zw.Close() != nil {
		return nil
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()), xo)
	if err != nil {
		return nil
	}
	for i, data := range own {
		if data != nil {
			f.Pkg.Store(pkgKey(zr.File[i].Name), data)
		}
	}
	f.Path = path
	return f
}

// ownParts inflates the parts of zr that excelize would read whole into
// memory and that are worth reading here (ownedPart), each into a buffer
// of its declared size, and returns their bytes by the part's index in
// zr.File (nil for the others). nil when there is none, or when any of
// them does not inflate to exactly its declared size with a good
// checksum, or two parts share a name: then excelize reads the package as
// it always did, whatever its errors.
func ownParts(zr *zip.Reader, xo excelize.Options) [][]byte {
	if xo.UnzipXMLSizeLimit <= 0 || xo.UnzipSizeLimit <= 0 || xo.UnzipXMLSizeLimit > xo.UnzipSizeLimit {
		return nil // excelize would put its own limits in place
	}
	var own [][]byte
	seen := make(map[string]bool, len(zr.File))
	for i, zf := range zr.File {
		key := pkgKey(zf.Name)
		if seen[key] {
			return nil
		}
		seen[key] = true
		if !ownedPart(key, zf, xo) {
			continue
		}
		data, ok := inflateExact(zf)
		if !ok {
			return nil
		}
		if own == nil {
			own = make([][]byte, len(zr.File))
		}
		own[i] = data
	}
	return own
}

// ownedPart reports whether excelize's ReadZipReader would read the part
// (by its key) whole into memory and it is a sheet or the shared strings:
// no directory, and not over the size above which excelize unzips it to a
// temporary file.
func ownedPart(key string, zf *zip.File, xo excelize.Options) bool {
	fi := zf.FileInfo()
	if fi.IsDir() || fi.Size() > xo.UnzipXMLSizeLimit {
		return false
	}
	k := strings.ToLower(key)
	return k == "xl/sharedstrings.xml" || strings.HasPrefix(k, "xl/worksheets/sheet")
}

// inflateExact reads the part into a buffer of its declared size; false
// unless it ends there with a good checksum (a last read finding io.EOF).
func inflateExact(zf *zip.File) ([]byte, bool) {
	rc, err := zf.Open()
	if err != nil {
		return nil, false
	}
	defer rc.Close()
	data := make([]byte, zf.UncompressedSize64)
	if _, err := io.ReadFull(rc, data); err != nil {
		return nil, false
	}
	var one [1]byte
	if n, err := rc.Read(one[:]); n != 0 || err != io.EOF {
		return nil, false
	}
	return data, true
}

// pkgKey is the name excelize keeps a part under (its ReadZipReader).
func pkgKey(name string) string {
	key := strings.ReplaceAll(name, "\\", "/")
	switch strings.ToLower(key) {
	case "[content_types].xml":
		key = "[Content_Types].xml"
	case "xl/sharedstrings.xml":
		key = "xl/sharedStrings.xml"
	}
	return key
}

// checkedParts reports whether every XML part of zr passes
// checkOfficeZip's checks: the parts excelize holds in memory are checked
// on its bytes (their length the declared size, their CRC-32 the header's,
// the XML scanner over them), the others (big sheets excelize keeps in
// temporary files, parts with a data descriptor or no checksum) are read
// from the zip by checkXMLPart. False means the package needs
// checkXLSXZip's whole check; it may still pass it.
func checkedParts(zr *zip.Reader, f *excelize.File) bool {
	b := newBudget()
	seen := make(map[string]bool, len(zr.File))
	var read int64
	for _, zf := range zr.File {
		if !isXMLPart(zf.Name) || zf.FileInfo().IsDir() {
			continue
		}
		key := pkgKey(zf.Name)
		if seen[key] {
			return false // two parts of one name: excelize holds the last
		}
		seen[key] = true
		var data []byte
		if v, ok := f.Pkg.Load(key); ok {
			data, _ = v.([]byte)
		}
		if data == nil || zf.CRC32 == 0 || zf.Flags&0x8 != 0 {
			n, err := checkXMLPart(zf, xlsxLimits.part(zf.Name), b)
			if err != nil {
				return false
			}
			read += n
		} else {
			if uint64(len(data)) != zf.UncompressedSize64 || crc32.ChecksumIEEE(data) != zf.CRC32 {
				return false
			}
			var sc xmlScanner
			if sc.scan(data) != nil {
				return false
			}
			read += int64(len(data))
		}
		if read > xlsxLimits.total {
			return false
		}
	}
	return true
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
	fast  *fastBook         // for the lean row reader, loaded on first use
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
	colTag = lazyre.New(`<(?:\w+:)?col\b[^>]*>`)
	attrRe = lazyre.New(`\b(min|max|hidden)=["']([^"']*)["']`)
)

// mergeRefs calls fn with the range of each merged cell element in b, as
// FindAllSubmatch of the pattern
//
//	<(?:\w+:)?mergeCell\b[^>]*?\bref=["']([A-Za-z]{1,3}[0-9]{1,7}(?::[A-Za-z]{1,3}[0-9]{1,7})?)["']
//
// gives its group, in order, without the regexp package's backtracker
// (a sheet's merged ranges were a tenth of a questionnaire's reading);
// fn returns false to stop. TestMergeRefsPattern and FuzzMergeRefs hold it
// to the pattern.
func mergeRefs(b []byte, fn func(ref []byte) bool) {
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return
		}
		i += j
		if ref, end, ok := mergeRefAt(b, i); ok {
			if !fn(ref) {
				return
			}
			i = end
			continue
		}
		i++
	}
}

// mergeRefAt matches the pattern of mergeRefs at b[i] ('<'): the group and
// the end of the match.
func mergeRefAt(b []byte, i int) (ref []byte, end int, ok bool) {
	// (?:\w+:)? is tried first, then left out.
	k := i + 1
	for k < len(b) && isREWordByte(b[k]) {
		k++
	}
	if k > i+1 && k < len(b) && b[k] == ':' {
		if ref, end, ok = mergeRefAfterName(b, k+1); ok {
			return ref, end, true
		}
	}
	return mergeRefAfterName(b, i+1)
}

// mergeRefAfterName matches mergeCell\b[^>]*?\bref=["']REF["'] at b[p].
func mergeRefAfterName(b []byte, p int) ([]byte, int, bool) {
	const name = "mergeCell"
	if !bytes.HasPrefix(b[p:], []byte(name)) {
		return nil, 0, false
	}
	p += len(name)
	if p < len(b) && isREWordByte(b[p]) {
		return nil, 0, false
	}
	for q := p; q < len(b); q++ {
		if b[q] == 'r' && !isREWordByte(b[q-1]) && bytes.HasPrefix(b[q+1:], []byte("ef=")) && q+4 < len(b) && (b[q+4] == '"' || b[q+4] == '\'') {
			if n := cellRangeLen(b[q+5:]); n > 0 && q+5+n < len(b) && (b[q+5+n] == '"' || b[q+5+n] == '\'') {
				return b[q+5 : q+5+n], q + 6 + n, true
			}
		}
		if b[q] == '>' {
			break
		}
	}
	return nil, 0, false
}

// cellRangeLen is the length of [A-Za-z]{1,3}[0-9]{1,7}(?::[A-Za-z]{1,3}[0-9]{1,7})?
// at the start of b where a quote must follow it: 0 when there is none.
func cellRangeLen(b []byte) int {
	n := cellRefLen(b)
	if n == 0 {
		return 0
	}
	if n < len(b) && b[n] == ':' {
		if m := cellRefLen(b[n+1:]); m > 0 {
			return n + 1 + m
		}
	}
	return n
}

// cellRefLen is the length of [A-Za-z]{1,3}[0-9]{1,7} at the start of b
// when neither run goes on past its bound (then the pattern, which must
// be followed by ':' or a quote, cannot match there): 0 otherwise.
func cellRefLen(b []byte) int {
	l := 0
	for l < len(b) && (b[l]|0x20 >= 'a' && b[l]|0x20 <= 'z') {
		l++
	}
	if l == 0 || l > 3 {
		return 0
	}
	d := l
	for d < len(b) && b[d] >= '0' && b[d] <= '9' {
		d++
	}
	if d == l || d-l > 7 {
		return 0
	}
	return d
}

// isREWordByte reports whether c is a word character of the regexp
// package's \w and \b (ASCII letters, digits, '_').
func isREWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

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

// tagSpan is the part of work that holds every match of mergeTag (lit
// "mergeCell") or colTag (lit "col"), so that the pattern need not run
// over the rest: from the last '<' before lit's first occurrence (a match
// is '<', word characters and ':' at most, then lit) to the first '>'
// after its last (a match holds no '>' past lit but the closing one).
func tagSpan(work []byte, lit string) []byte {
	i := bytes.Index(work, []byte(lit))
	if i < 0 {
		return nil
	}
	from := bytes.LastIndexByte(work[:i], '<')
	if from < 0 {
		from = i
	}
	last := bytes.LastIndex(work, []byte(lit))
	to := len(work)
	if j := bytes.IndexByte(work[last:], '>'); j >= 0 {
		to = last + j + 1
	}
	return work[from:to]
}

// scanSheetXML finds <col hidden="1"> and <mergeCell ref="…"> elements.
func scanSheetXML(r io.Reader) (*sheetExtras, error) {
	ex := &sheetExtras{hiddenCols: map[int]bool{}}
	br := bufio.NewReaderSize(r, 64<<10)
	buf := make([]byte, 64<<10)
	var carry, chunk []byte // each reused from one read to the next
	for {
		n, err := io.ReadFull(br, buf)
		chunk = append(append(chunk[:0], carry...), buf[:n]...)
		end := bytes.LastIndexByte(chunk, '>') + 1
		work := chunk[:end]
		if bytes.Contains(work, []byte("mergeCell")) {
			mergeRefs(tagSpan(work, "mergeCell"), func(m []byte) bool {
				if len(ex.merges) >= xlsxMaxMerges {
					return false
				}
				ref := string(m)
				a, b, ok := strings.Cut(ref, ":")
				if !ok {
					b = a
				}
				ex.merges = append(ex.merges, excelize.MergeCell{a + ":" + b})
				return true
			})
		}
		if bytes.Contains(work, []byte("<col ")) || bytes.Contains(work, []byte(":col ")) {
			for _, m := range colTag.FindAll(tagSpan(work, "col"), -1) {
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
		carry = append(carry[:0], rest...)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return ex, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

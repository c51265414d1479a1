package extract

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetRows reads every row of sheet through the reader's row source (the
// lean reader unless slow), as readXLSXSheet does; handed reports whether
// the lean reader handed the sheet to excelize's loop.
func sheetRows(t testing.TB, path, sheet string, slow bool) (rows [][]string, nums []int, handed bool, err error) {
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxUnzipXMLLimit})
	if err != nil {
		return nil, nil, false, err
	}
	defer f.Close()
	raw := newRawSheets(f, path, false)
	r, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, false, err
	}
	defer r.Close()
	next := excelizeRows(r)
	var fr *fastRows
	if !slow {
		if fr = newFastRows(f, raw, sheet, r); fr != nil {
			next = fr.next
			defer func() { fr.close() }()
		}
	}
	for {
		n, cells, ok, err := next()
		if err != nil {
			return rows, nums, fr == nil || fr.slow != nil, err
		}
		if !ok {
			break
		}
		rows, nums = append(rows, cells), append(nums, n)
	}
	return rows, nums, fr == nil || fr.slow != nil, nil
}

// sameRows checks that the lean reader gives every sheet of path exactly
// the rows excelize's loop gives; it returns how many sheets it read to the
// end without handing over.
func sameRows(t testing.TB, path string) (lean, sheets int) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Logf("%s: %v", path, err)
		return 0, 0
	}
	names := f.GetSheetList()
	f.Close()
	for _, s := range names {
		want, wantN, _, wantErr := sheetRows(t, path, s, true)
		got, gotN, handed, gotErr := sheetRows(t, path, s, false)
		if fmt.Sprint(wantErr) != fmt.Sprint(gotErr) {
			t.Fatalf("%s sheet %q: error %v, excelize's loop %v", path, s, gotErr, wantErr)
		}
		if !reflect.DeepEqual(wantN, gotN) {
			t.Fatalf("%s sheet %q: row numbers differ (%d rows, excelize's loop %d)", path, s, len(gotN), len(wantN))
		}
		for i := range want {
			if !reflect.DeepEqual(blankNil(want[i]), blankNil(got[i])) || (want[i] == nil) != (got[i] == nil) {
				t.Fatalf("%s sheet %q row %d:\n got %q\nwant %q", path, s, wantN[i], got[i], want[i])
			}
		}
		sheets++
		if !handed {
			lean++
		}
	}
	return lean, sheets
}

func blankNil(c []string) []string {
	if len(c) == 0 {
		return nil
	}
	return c
}

// allWorkbooks lists the workbooks of the shared corpus, of
// ../../corpus-docs when present and of testdata; it skips the test when
// there are none.
func allWorkbooks(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, dir := range []string{"../../shared/corpus/questionnaires", "../../corpus-docs", "testdata"} {
		for _, ext := range []string{"*.xlsx", "*.xlsm", "*/*.xlsx"} {
			m, _ := filepath.Glob(filepath.Join(dir, ext))
			paths = append(paths, m...)
		}
	}
	if len(paths) == 0 {
		t.Skip("no workbooks found")
	}
	return paths
}

// TestFastRowsCorpus compares the lean reader with excelize's loop on every
// workbook of the shared corpus (and of ../../corpus-docs when present).
func TestFastRowsCorpus(t *testing.T) {
	paths := allWorkbooks(t)
	lean, sheets := 0, 0
	for _, p := range paths {
		l, s := sameRows(t, p)
		lean, sheets = lean+l, sheets+s
	}
	t.Logf("%d workbooks, %d sheets, %d read to the end by the lean reader", len(paths), sheets, lean)
}

// fastBookXML writes a workbook with the given sheet data, shared strings
// and cell formats (styles.xml cellXfs numFmtId list and custom formats).
func fastBookXML(t testing.TB, sheetData, sst string, numFmts map[int]string, xfs []int) string {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	add("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook `+ns+`><sheets><sheet name="Q" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`)
	add("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet `+ns+`><sheetData>`+sheetData+`</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`)
	add("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst `+ns+`>`+sst+`</sst>`)
	var st strings.Builder
	st.WriteString(`<?xml version="1.0" encoding="UTF-8"?><styleSheet ` + ns + `>`)
	if len(numFmts) > 0 {
		st.WriteString(`<numFmts>`)
		for id, code := range numFmts {
			fmt.Fprintf(&st, `<numFmt numFmtId="%d" formatCode="%s"/>`, id, strings.ReplaceAll(code, `"`, "&quot;"))
		}
		st.WriteString(`</numFmts>`)
	}
	st.WriteString(`<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs>`)
	for _, id := range xfs {
		fmt.Fprintf(&st, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0"/>`, id)
	}
	st.WriteString(`</cellXfs></styleSheet>`)
	add("xl/styles.xml", st.String())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const fastSST = `<si><t>Question ID</t></si><si><t xml:space="preserve"> Are keys rotated? </t></si>` +
	`<si><r><rPr><b/><sz val="11"/></rPr><t>Rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>ルビ</t></rPh></si>` +
	`<si><t>line_x000D_
two &amp; &lt;three&gt; &#x41;&#66;</t></si><si><t/></si><si><t>12</t></si>`

// TestFastRowsCases compares the lean reader with excelize's loop on
// written sheets, each row a case, and says which are read to the end.
func TestFastRowsCases(t *testing.T) {
	xfs := []int{0, 0, 49, 14, 164, 2, 165}
	numFmts := map[int]string{164: `0.00;[Red]-0.00;0;"txt: "@`, 165: `General`}
	cases := []struct {
		name, data string
		lean       bool
	}{
		{"shared strings", `<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="1"><v>1</v></c><c r="C1" t="s" s="2"><v> 2 </v></c></row>`, true},
		{"rich and escapes", `<row r="1"><c r="A1" t="s"><v>3</v></c><c r="D1" t="s"><v>4</v></c><c r="E1" t="s"><v>5</v></c></row>`, true},
		{"inline", `<row r="2"><c r="B2" t="inlineStr"><is><t>a_x005F_x000D_b</t></is></c><c r="C2" t="inlineStr"><is><r><rPr><i/></rPr><t>x</t></r><r><t xml:space="preserve"> y</t></r></is></c></row>`, true},
		{"numbers and gaps", `<row r="1"><c r="A1"><v>1.50</v></c><c r="C1" s="1"><v>007</v></c><c r="D1" s="6"><v>-12.25</v></c><c r="E1"><v>123456789012345678</v></c></row><row r="4"><c r="B4" t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="str"><f>A1</f><v></v></c><c t="e"><v>#N/A</v></c></row>`, true},
		{"plain numbers", `<row r="1"><c r="A1"><v>1.50</v></c><c r="C1" s="1"><v>007</v></c><c r="D1" s="6"><v>-12.25</v></c><c r="E1" s="2"><v>3.14159265358</v></c></row><row r="4"><c r="B4" t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="str"><f>A1</f><v></v></c><c t="e"><v>#N/A</v></c><c><f>SUM(A1)</f></c></row>`, true},
		{"long general number", `<row r="1"><c r="A1" s="1"><v>1234567890.123</v></c><c r="B1" s="1"><v>0.46082949308755761</v></c><c r="D1"><v>1.5E+30</v></c><c r="E1"><v>12345678901234567890</v></c></row>`, true},
		{"long number under a format", `<row r="1"><c r="C1" s="4"><v>12345678901234567890</v></c></row>`, false},
		{"date", `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="3"><v>45000</v></c><c r="B2" s="3"><v>45000.25</v></c><c r="C2" s="3"><v>-1</v></c></row>`, true},
		{"text format section", `<row r="1"><c r="A1" t="s" s="4"><v>0</v></c></row>`, false},
		{"builtin number format", `<row r="1"><c r="A1" s="5"><v>2</v></c><c r="B1" s="4"><v>3.14159</v></c><c r="C1" s="4"><v>-3</v></c><c r="D1" s="4"><v>0</v></c></row>`, true},
		{"exponent under a format", `<row r="1"><c r="A1" s="5"><v>1.5E+30</v></c></row>`, false},
		{"out of order", `<row r="3"><c r="A3" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>`, false},
		{"cells out of order", `<row r="1"><c r="C1" t="s"><v>0</v></c><c r="A1" t="s"><v>1</v></c><c t="s"><v>3</v></c></row>`, true},
		{"no row number", `<row><c r="A1" t="s"><v>0</v></c></row><row><c t="s"><v>1</v></c></row>`, false},
		{"bad shared index", `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>99</v></c></row>`, false},
		{"comment", `<row r="1"><c r="A1" t="s"><v>0</v></c></row><!-- x --><row r="2"><c r="A2" t="s"><v>1</v></c></row>`, false},
		{"prefixed", `<row r="1"><c r="A1" t="s"><v>0</v></c></row><x:row r="2" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:c r="A2" t="s"><x:v>1</x:v></x:c></x:row>`, false},
		{"empty rows", `<row r="1"/><row r="5" ht="20" customHeight="1"></row><row r="7"><c r="A7" s="1"/><c r="B7" t="s"/></row>`, true},
		{"carriage return", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\r\nb\rc\r\r\nd</t></is></c><c r=\"B1\" t=\"str\"><v xml:space=\"preserve\">x\r\n </v></c></row>", true},
		{"carriage return reference", `<row r="1"><c r="A1" t="inlineStr"><is><t>a&#13;b</t></is></c></row>`, false},
		{"entities", `<row r="1"><c r="A1" t="inlineStr"><is><t>&quot;q&apos; &#233; &#x1F600;</t></is></c><c r="B1" t="str"><v>x &gt; y</v></c></row>`, true},
		{"unknown entity", `<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := fastBookXML(t, c.data, fastSST, numFmts, xfs)
			lean, sheets := sameRows(t, path)
			if sheets != 1 {
				t.Fatalf("%d sheets read", sheets)
			}
			if (lean == 1) != c.lean {
				t.Errorf("lean reader to the end: %v, want %v", lean == 1, c.lean)
			}
		})
	}
}

// FuzzFastRows holds the lean reader to excelize's loop on any sheet data.
func FuzzFastRows(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>a</t></r></is></c></row>`)
	f.Add(`<row r="2"><c r="B2" s="2"><v>1.5</v></c><c t="b"><v>1</v></c></row><row r="9"/>`)
	f.Add(`<row r="1"><c r="A1" t="str"><f>1+1</f><v>2 &amp; &#65;</v></c></row>`)
	f.Fuzz(func(t *testing.T, data string) {
		if len(data) > 4096 {
			return
		}
		path := fastBookXML(t, data, fastSST, map[int]string{164: `0.00;-0.00;0;@`}, []int{0, 0, 49, 14, 164})
		sameRows(t, path)
	})
}

// sameSST checks leanSST against excelize's decoding of the shared strings
// of path; it reports whether leanSST read them.
func sameSST(t testing.TB, path string) bool {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return false
	}
	defer f.Close()
	v, ok := f.Pkg.Load("xl/sharedStrings.xml")
	if !ok {
		return false
	}
	b, _ := v.([]byte)
	lean, ok := leanSST(b)
	if !ok {
		return false
	}
	for _, s := range f.GetSheetList() { // make excelize decode them
		r, err := f.Rows(s)
		if err != nil {
			continue
		}
		for i := 0; f.SharedStrings == nil && i < 64 && r.Next(); i++ {
			r.Columns()
		}
		r.Close()
	}
	if f.SharedStrings == nil {
		return true // excelize could not read them; the sheets will not ask
	}
	if len(lean) != len(f.SharedStrings.SI) {
		t.Fatalf("%s: %d shared strings, excelize %d", path, len(lean), len(f.SharedStrings.SI))
	}
	for i, si := range f.SharedStrings.SI {
		if lean[i] != si.String() {
			t.Fatalf("%s: shared string %d: %q, excelize %q", path, i, lean[i], si.String())
		}
	}
	return true
}

// TestLeanSSTCorpus compares leanSST with excelize on every corpus workbook
// and on written cases.
func TestLeanSSTCorpus(t *testing.T) {
	paths, _ := filepath.Glob("../../shared/corpus/questionnaires/*.xlsx")
	read := 0
	for _, p := range paths {
		if sameSST(t, p) {
			read++
		}
	}
	t.Logf("%d of %d workbooks' shared strings read by leanSST", read, len(paths))
	for _, sst := range []string{fastSST, `<si/><si><t>a</t></si>`, `<si><t>a</t><t>b</t></si>`, `<si><x/></si>`} {
		path := fastBookXML(t, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, sst, nil, []int{0})
		sameSST(t, path)
	}
}

// FuzzLeanSST holds leanSST to excelize's decoding of any shared strings.
func FuzzLeanSST(f *testing.F) {
	f.Add(fastSST)
	f.Add(`<si><r><rPr><b/></rPr><t xml:space="preserve">a _x000D_ </t></r><rPh><t>x</t></rPh></si><si/>`)
	f.Fuzz(func(t *testing.T, sst string) {
		if len(sst) > 4096 {
			return
		}
		sameSST(t, fastBookXML(t, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, sst, nil, []int{0}))
	})
}

// TestFastRowsWorkbooks reads every corpus workbook whole, with the lean
// reader and with excelize's loop alone, and compares the questionnaires.
func TestFastRowsWorkbooks(t *testing.T) {
	paths, _ := filepath.Glob("../../shared/corpus/questionnaires/*.xlsx")
	if len(paths) == 0 {
		t.Skip("shared corpus not available (../../shared/corpus/questionnaires)")
	}
	read := func(path string, slow bool) (*Questionnaire, map[string]int, error) {
		old := xlsxNoFastRows
		xlsxNoFastRows = slow
		defer func() { xlsxNoFastRows = old }()
		return readWorkbook(path, Options{}, nil)
	}
	for _, p := range paths {
		q1, h1, err1 := read(p, false)
		q2, h2, err2 := read(p, true)
		if fmt.Sprint(err1) != fmt.Sprint(err2) || !reflect.DeepEqual(q1, q2) || !reflect.DeepEqual(h1, h2) {
			t.Errorf("%s: the lean reader's questionnaire differs from excelize's loop's (errors %v, %v)", p, err1, err2)
		}
	}
}

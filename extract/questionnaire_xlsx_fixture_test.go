package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeFixture builds a small questionnaire: a title with the vendor name, a
// legend row, the header on row 3, a section row merged across, an ID merged
// over two rows (with a stale value stored under the merge), a hidden row,
// an answer merged across two columns, answers with trailing spaces, a row
// without question text, an end marker, a hidden helper sheet and a sheet
// without a header.
func writeFixture(t testing.TB, password string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const s = "Questions"
	if err := f.SetSheetName("Sheet1", s); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Vendor Name", "Acme Corp"},
		{"Legend", "Answer with Yes, No or N/A"},
		{"Ref\nID", "Question", "Response ", "Comments", "Responsibility"},
		{"Access control"},
		{"AC-01", "Is MFA enforced?", "Yes  ", "Everywhere", "Shared"},
		{"STALE-99", "Is MFA enforced for admins?", "YES", "", "Vendor"},
		{"AC-02", "Are accounts reviewed?", "no  ", "", "Vendor"},
		{"AC-03", "Are sessions timed out?", "Partially", "stale under merge", "Customer"},
		{"AC-04", "", "Yes"},
		{"End of questionnaire"},
		{"AC-05", "  Is data encrypted\nat rest? ", "1) Yes", "AES-256 ", ""},
	}
	for i, r := range rows {
		cellName, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(s, cellName, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"A4", "E4"}, {"A5", "A6"}, {"C8", "D8"}} {
		if err := f.MergeCell(s, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	// MergeCell drops the values under a merge; staleUnderMerges puts some
	// back into the saved file, as Excel leaves them, to be ignored.
	if err := f.SetRowVisible(s, 7, false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("Lists"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetRow("Lists", "A1", &[]any{"Yes", "No", "N/A"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetVisible("Lists", false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("Read me"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Read me", "A1", "Answer every question."); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "fixture.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	staleUnderMerges(t, path)
	if password != "" {
		g, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer g.Close()
		if err := g.SaveAs(path, excelize.Options{Password: password}); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// staleUnderMerges rewrites the fixture's first sheet to store values in A6
// (under A5:A6) and D8 (under C8:D8).
func staleUnderMerges(t testing.TB, path string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	injected := 0
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == "xl/worksheets/sheet1.xml" {
			for _, r := range [][2]string{
				{`<row r="6">`, `<row r="6"><c r="A6" t="inlineStr"><is><t>STALE-99</t></is></c>`},
				{`<c r="E8"`, `<c r="D8" t="inlineStr"><is><t>stale under merge</t></is></c><c r="E8"`},
			} {
				if bytes.Contains(b, []byte(r[0])) {
					b = bytes.Replace(b, []byte(r[0]), []byte(r[1]), 1)
					injected++
				}
			}
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if injected != 2 {
		t.Fatalf("fixture: injected %d stale cells, want 2", injected)
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestXLSXFixture(t *testing.T) {
	path := writeFixture(t, "")
	q := parseXLSX(t, path)
	want := []Item{
		{ID: "AC-01", Question: "Is MFA enforced?", Answer: "Yes", AnswerNormalized: AnswerYes, Notes: "Everywhere", Ownership: "Shared", Sheet: "Questions", Row: 5, Cell: "C5"},
		{ID: "AC-01", Question: "Is MFA enforced for admins?", Answer: "YES", AnswerNormalized: AnswerYes, Ownership: "Vendor", Sheet: "Questions", Row: 6, Cell: "C6"},
		{ID: "AC-02", Question: "Are accounts reviewed?", Answer: "no", AnswerNormalized: AnswerNo, Ownership: "Vendor", Sheet: "Questions", Row: 7, Cell: "C7"},
		{ID: "AC-03", Question: "Are sessions timed out?", Answer: "Partially", AnswerNormalized: AnswerPartial, Ownership: "Customer", Sheet: "Questions", Row: 8, Cell: "C8"},
		{ID: "AC-05", Question: "Is data encrypted\nat rest?", Answer: "1) Yes", AnswerNormalized: AnswerYes, Notes: "AES-256", Sheet: "Questions", Row: 11, Cell: "C11"},
	}
	if !reflect.DeepEqual(q.Items, want) {
		t.Errorf("items:\n got %+v\nwant %+v", q.Items, want)
	}
	if q.Format != "xlsx" || q.Vendor != "Acme Corp" || q.Product != "" || !reflect.DeepEqual(q.Sheets, []string{"Questions"}) {
		t.Errorf("Format %q Vendor %q Product %q Sheets %q", q.Format, q.Vendor, q.Product, q.Sheets)
	}
	// Open goes through Sniff.
	doc, err := Open(path, Options{})
	if err != nil || doc.Questionnaire == nil || len(doc.Questionnaire.Items) != len(want) {
		t.Errorf("Open: %v", err)
	}
}

func TestXLSXEncrypted(t *testing.T) {
	path := writeFixture(t, "s3cret")
	for _, pw := range []string{"", "wrong"} {
		_, err := xlsxParser{}.Parse(path, Options{Password: pw})
		var ie *InputError
		if !errors.As(err, &ie) || !errors.Is(err, ErrEncrypted) || ie.Path != path {
			t.Errorf("password %q: err = %v, want *InputError wrapping ErrEncrypted", pw, err)
		}
	}
	q := parseXLSXOpts(t, path, Options{Password: "s3cret"})
	if len(q.Items) != 5 {
		t.Errorf("with password: %d items, want 5", len(q.Items))
	}
}

func parseXLSXOpts(t *testing.T, path string, opts Options) *Questionnaire {
	t.Helper()
	doc, err := xlsxParser{}.Parse(path, opts)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return doc.Questionnaire
}

func TestXLSXErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
	empty := excelize.NewFile()
	_ = empty.SetCellValue("Sheet1", "A1", "Nothing to see")
	emptyPath := filepath.Join(dir, "empty.xlsx")
	if err := empty.SaveAs(emptyPath); err != nil {
		t.Fatal(err)
	}
	empty.Close()
	tests := []struct {
		name, path string
		want       error
		msg        string
	}{
		{"legacy xls", write("old.xls", ole), ErrUnsupported, "legacy .xls (BIFF) workbook could not be read"},
		{"encrypted", write("enc.xlsx", append(append([]byte{}, ole...), utf16le("EncryptedPackage")...)), ErrEncrypted, "password"},
		{"broken zip", write("broken.xlsx", []byte("PK\x03\x04garbage")), ErrDamaged, ""},
		{"no questionnaire", emptyPath, ErrEmpty, `"Sheet1"`},
		{"missing", filepath.Join(dir, "nope.xlsx"), os.ErrNotExist, ""},
	}
	for _, tt := range tests {
		_, err := xlsxParser{}.Parse(tt.path, Options{})
		var ie *InputError
		if !errors.As(err, &ie) || !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: err = %v, want *InputError wrapping %v containing %q", tt.name, err, tt.want, tt.msg)
		}
	}
}

func TestXLSXSniff(t *testing.T) {
	zipXL := append([]byte("PK\x03\x04"), []byte("....xl/workbook.xml....")...)
	tests := []struct {
		head []byte
		path string
		want bool
	}{
		{[]byte("PK\x03\x04rest"), "a.xlsx", true},
		{[]byte("PK\x03\x04rest"), "a.XLSM", true},
		{[]byte("PK\x03\x04rest"), "a.xltx", true},
		{zipXL, "renamed.bin", true},
		{[]byte("PK\x03\x04word/document.xml"), "a.docx", false},
		{[]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, "a.xls", true},
		{[]byte("%PDF-1.7"), "a.xlsx", false},
		{[]byte("id,question\n"), "a.csv", false},
		{[]byte("PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheet"), "a.ods", true},
		{[]byte("PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheet"), "renamed.bin", true},
	}
	for _, tt := range tests {
		if got := (xlsxParser{}).Sniff(tt.head, tt.path); got != tt.want {
			t.Errorf("Sniff(%q, %s) = %v, want %v", tt.head, tt.path, got, tt.want)
		}
	}
}

func FuzzXLSX(f *testing.F) {
	seed, err := os.ReadFile(writeFixture(f, ""))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	f.Fuzz(func(t *testing.T, b []byte) { fuzzQuestionnaire(t, xlsxParser{}, "fuzz.xlsx", b) })
}

// fuzzQuestionnaire writes b to a file named name and parses it with p: the
// result must be an *InputError or a questionnaire with items, never a
// panic or an empty result passed off as whole.
func fuzzQuestionnaire(t *testing.T, p Parser, name string, b []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := p.Parse(path, Options{})
	if err != nil {
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("error %T is not *InputError: %v", err, err)
		}
		return
	}
	if doc.Questionnaire == nil || len(doc.Questionnaire.Items) == 0 {
		t.Fatal("no error and no items")
	}
}

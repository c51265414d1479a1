package extract

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const corpusDir = "../../shared/corpus"

var caiqV4Files = []string{
	"caiq-v4.0.3-filled-instructure.xlsx",
	"caiq-v4.0.3-filled-whitepact.xlsx",
	"caiq-v4.0.3-blank.xlsx",
}

func questionnaireCorpus(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(corpusDir, "questionnaires")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("corpus not found at ../../shared/corpus: " + err.Error())
	}
	return dir
}

// readExpected reads one of the expected/*.csv files into maps keyed by the
// header captions.
func readExpected(t *testing.T, path string) []map[string]string {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.Comment = '#'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) < 1 {
		t.Fatalf("%s: no header line", path)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			if i < len(rec) {
				m[h] = rec[i]
			}
		}
		out = append(out, m)
	}
	return out
}

// prefix60 is the expected files' prefix: whitespace runs collapsed, ends
// trimmed, first 60 characters.
func prefix60(s string) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > 60 {
		r = r[:60]
	}
	return string(r)
}

func colLetter(c int) string {
	name, _ := excelize.ColumnNumberToName(c)
	return name
}

func parseXLSX(t testing.TB, path string) *Questionnaire {
	t.Helper()
	doc, err := xlsxParser{}.Parse(path, Options{})
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	if doc.Questionnaire == nil {
		t.Fatalf("Parse(%s): no questionnaire", path)
	}
	return doc.Questionnaire
}

func TestXLSXCorpusCAIQv4(t *testing.T) {
	dir := questionnaireCorpus(t)
	items := readExpected(t, filepath.Join(dir, "expected", "items.csv"))
	spots := readExpected(t, filepath.Join(dir, "expected", "spot-checks.csv"))
	for _, file := range caiqV4Files {
		t.Run(file, func(t *testing.T) {
			q := parseXLSX(t, filepath.Join(dir, file))
			if q.Format != "caiq-v4.0.3" {
				t.Errorf("Format = %q, want caiq-v4.0.3", q.Format)
			}
			if want := []string{"CAIQv4.0.3"}; !reflect.DeepEqual(q.Sheets, want) {
				t.Errorf("Sheets = %q, want %q", q.Sheets, want)
			}
			byRow := map[int]Item{}
			for _, it := range q.Items {
				byRow[it.Row] = it
			}
			found := false
			for _, exp := range items {
				if exp["file"] != file {
					continue
				}
				found = true
				n, _ := strconv.Atoi(exp["item_count"])
				if len(q.Items) != n {
					t.Errorf("items = %d, want %d", len(q.Items), n)
				}
				hr, _ := strconv.Atoi(exp["header_row"])
				if len(q.Items) > 0 && q.Items[0].Row != hr+1 {
					t.Errorf("first item on row %d, want %d (header row %d)", q.Items[0].Row, hr+1, hr)
				}
				// The answer cell of every item is in the answer column.
				for _, it := range q.Items {
					if want := exp["answer_column"] + strconv.Itoa(it.Row); it.Cell != want {
						t.Errorf("row %d: Cell = %s, want %s", it.Row, it.Cell, want)
						break
					}
				}
				// Vocabularies.
				vocab := func(get func(Item) string) string {
					set := map[string]bool{}
					for _, it := range q.Items {
						v := strings.Join(strings.Fields(get(it)), " ")
						if v != "" && len([]rune(v)) <= 40 {
							set[v] = true
						}
					}
					var out []string
					for v := range set {
						out = append(out, v)
					}
					slices.Sort(out)
					return strings.Join(out, "|")
				}
				if got := vocab(func(it Item) string { return it.Answer }); got != exp["answer_vocabulary"] {
					t.Errorf("answer vocabulary = %q, want %q", got, exp["answer_vocabulary"])
				}
				if got := vocab(func(it Item) string { return it.Ownership }); got != exp["ownership_vocabulary"] {
					t.Errorf("ownership vocabulary = %q, want %q", got, exp["ownership_vocabulary"])
				}
			}
			if !found {
				t.Fatalf("%s not in items.csv", file)
			}
			checks := 0
			for _, sc := range spots {
				if sc["file"] != file {
					continue
				}
				checks++
				row, _ := strconv.Atoi(sc["cell_row"])
				it, ok := byRow[row]
				if !ok {
					t.Errorf("row %d (%s): no item", row, sc["question_id"])
					continue
				}
				if it.Sheet != sc["sheet"] {
					t.Errorf("row %d: sheet %q, want %q", row, it.Sheet, sc["sheet"])
				}
				if it.ID != sc["question_id"] {
					t.Errorf("row %d: ID %q, want %q", row, it.ID, sc["question_id"])
				}
				if got := prefix60(it.Question); got != sc["question_prefix"] {
					t.Errorf("row %d: question %q, want %q", row, got, sc["question_prefix"])
				}
				if it.Answer != sc["answer"] {
					t.Errorf("row %d: answer %q, want %q", row, it.Answer, sc["answer"])
				}
				if got := prefix60(it.Notes); got != sc["notes_prefix"] {
					t.Errorf("row %d: notes %q, want %q", row, got, sc["notes_prefix"])
				}
				if it.Ownership != sc["ownership"] {
					t.Errorf("row %d: ownership %q, want %q", row, it.Ownership, sc["ownership"])
				}
			}
			if checks == 0 {
				t.Errorf("no spot checks for %s", file)
			}
		})
	}
}

// TestXLSXLayoutCAIQv4 checks the columns the header captions map to.
func TestXLSXLayoutCAIQv4(t *testing.T) {
	dir := questionnaireCorpus(t)
	items := readExpected(t, filepath.Join(dir, "expected", "items.csv"))
	for _, file := range caiqV4Files {
		f, err := excelize.OpenFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		sr, err := readXLSXSheet(f, file, "CAIQv4.0.3")
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if sr.layout == nil {
			t.Fatalf("%s: no header found", file)
		}
		for _, exp := range items {
			if exp["file"] != file {
				continue
			}
			if hr, _ := strconv.Atoi(exp["header_row"]); sr.layout.headerRow != hr {
				t.Errorf("%s: header row %d, want %d", file, sr.layout.headerRow, hr)
			}
			for role, col := range map[int]string{roleID: "id_column", roleQuestion: "question_column",
				roleAnswer: "answer_column", roleOwner: "ownership_column"} {
				cs := sr.layout.roles[role]
				got := ""
				if len(cs.cols) == 1 {
					got = colLetter(cs.cols[0] + 1)
				}
				if got != exp[col] {
					t.Errorf("%s: %s = %q, want %q", file, col, got, exp[col])
				}
			}
			// Notes are the CSP implementation description in CAIQ v4.
			if cs := sr.layout.roles[roleCSPImpl]; len(cs.cols) != 1 || colLetter(cs.cols[0]+1) != exp["notes_column"] {
				t.Errorf("%s: CSP implementation column %v, want %s", file, cs.cols, exp["notes_column"])
			}
		}
	}
}

// TestXLSXCorpusOthers logs how far the other corpus workbooks are read.
func TestXLSXCorpusOthers(t *testing.T) {
	dir := questionnaireCorpus(t)
	items := readExpected(t, filepath.Join(dir, "expected", "items.csv"))
	want := map[string]int{}
	wantSheets := map[string][]string{}
	for _, exp := range items {
		n, _ := strconv.Atoi(exp["item_count"])
		want[exp["file"]] += n
		wantSheets[exp["file"]] = append(wantSheets[exp["file"]], exp["sheet"]+":"+exp["item_count"])
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.xls*"))
	for _, path := range files {
		file := filepath.Base(path)
		doc, err := xlsxParser{}.Parse(path, Options{})
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("%s: error is %T, not *InputError: %v", file, err, err)
			}
			t.Logf("%-45s err %v (items.csv: %d)", file, err, want[file])
			continue
		}
		q := doc.Questionnaire
		per := map[string]int{}
		for _, it := range q.Items {
			per[it.Sheet]++
		}
		var got []string
		for _, s := range q.Sheets {
			got = append(got, s+":"+strconv.Itoa(per[s]))
		}
		t.Logf("%-45s %-12s ours %4d, items.csv %4d  [%s] vs [%s] vendor=%q product=%q", file, q.Format, len(q.Items), want[file],
			strings.Join(got, ", "), strings.Join(wantSheets[file], ", "), q.Vendor, q.Product)
	}
}

func BenchmarkXLSXCAIQ(b *testing.B) {
	path := filepath.Join(questionnaireCorpus(b), "caiq-v4.0.3-filled-instructure.xlsx")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (xlsxParser{}).Parse(path, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

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
		{"legacy xls", write("old.xls", ole), ErrUnsupported, "legacy .xls (BIFF) or encrypted workbook: save it as .xlsx"},
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
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.xlsx")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		doc, err := xlsxParser{}.Parse(path, Options{})
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
	})
}

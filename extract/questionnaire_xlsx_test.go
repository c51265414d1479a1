package extract

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
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

// readAny reads a corpus file with the reader Open would pick.
func readAny(path string, opts Options) (*Questionnaire, map[string]int, error) {
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		return readCSV(path, opts)
	}
	return readWorkbook(path, opts, nil)
}

// vocabulary is the expected files' vocabulary: distinct values, trimmed,
// inner whitespace collapsed, blanks and values over 40 characters left
// out, sorted by character code, joined with |.
//
// For a range of columns (multi), a value is split into its marked
// captions or Caption=value pairs first.
func vocabulary(items []Item, get func(Item) string, multi bool) string {
	set := map[string]bool{}
	for _, it := range items {
		vals := []string{get(it)}
		if multi {
			vals = strings.Split(get(it), "; ")
			for i, v := range vals {
				if _, after, ok := strings.Cut(v, "="); ok {
					vals[i] = after
				}
			}
		}
		for _, v := range vals {
			v = strings.Join(strings.Fields(v), " ")
			if v != "" && len([]rune(v)) <= 40 {
				set[v] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	slices.Sort(out)
	return strings.Join(out, "|")
}

// corpusFormats is the family and version each corpus file states.
var corpusFormats = map[string]string{
	"caiq-v1.0-blank.xlsx":                               "caiq-v1.0",
	"caiq-v1.1-blank.xlsx":                               "caiq-v1.1",
	"caiq-v3.0.1-blank.xlsx":                             "caiq-v3.0.1",
	"caiq-v3.0.1-filled-synthetic-test.xlsx":             "caiq-v3.0.1",
	"caiq-v4.0.3-blank.xlsx":                             "caiq-v4.0.3",
	"caiq-v4.0.3-filled-instructure.xlsx":                "caiq-v4.0.3",
	"caiq-v4.0.3-filled-whitepact.xlsx":                  "caiq-v4.0.3",
	"ccm-v4.0.12-blank.xlsx":                             "ccm-v4.0.12",
	"fedramp-rev5-cis-crm-workbook-blank.xlsx":           "fedramp",
	"fedramp-package-checklist-blank.xls":                "fedramp",
	"hecvat-full-v2.11-filled-portfolium.xlsx":           "hecvat-full-2.11",
	"hecvat-full-v3.00-filled-opendsa.xlsx":              "hecvat-full-3.00",
	"hecvat-full-v3.04-filled-canvas-lms.xlsx":           "hecvat-full-3.04",
	"hecvat-lite-v3.04-filled-canvas-catalog.xlsx":       "hecvat-lite-3.04",
	"hecvat-lite-export-filled-intelligent-insights.csv": "csv",
	"hecvat-v4.1.4-blank.xlsx":                           "hecvat-4.1.4",
	"iso27001-soa-filled-instructure.xlsx":               "iso27001-soa",
	"k12cvat-lite-v4.1-filled-canvas-lms.xlsx":           "k12cvat-lite-4.1",
}

// corpusVendors is the vendor and product the filled workbooks state.
var corpusVendors = map[string][2]string{
	"hecvat-full-v3.04-filled-canvas-lms.xlsx":     {"Instructure", "Canvas LMS"},
	"hecvat-lite-v3.04-filled-canvas-catalog.xlsx": {"Instructure", "Canvas Catalog"},
	"k12cvat-lite-v4.1-filled-canvas-lms.xlsx":     {"Instructure", "Canvas LMS"},
	"crm-nist-800-53r5-filled-meridian-lms.xlsx":   {"Meridian", ""},
	"fedramp-package-checklist-blank.xls":          {"", ""},
}

// TestQuestionnaireCorpus reads every file of the questionnaire corpus and
// compares it with expected/items.csv (sheets, header rows, item counts,
// vocabularies) and every row of expected/spot-checks.csv.
func TestQuestionnaireCorpus(t *testing.T) {
	dir := questionnaireCorpus(t)
	items := readExpected(t, filepath.Join(dir, "expected", "items.csv"))
	spots := readExpected(t, filepath.Join(dir, "expected", "spot-checks.csv"))
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var summary []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		file := e.Name()
		t.Run(file, func(t *testing.T) {
			q, headers, err := readAny(filepath.Join(dir, file), Options{})
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			// Open picks the same reader by content.
			head, _ := os.ReadFile(filepath.Join(dir, file))
			head = head[:min(len(head), sniffSize)]
			for _, p := range Parsers {
				if p.Sniff(head, file) {
					if want := map[bool]string{true: "csv", false: "xlsx"}[strings.HasSuffix(file, ".csv")]; p.Name() != want {
						t.Errorf("Open picks the %s parser, want %s", p.Name(), want)
					}
					break
				}
			}
			if want, ok := corpusFormats[file]; ok && q.Format != want {
				t.Errorf("Format = %q, want %q", q.Format, want)
			}
			if want, ok := corpusVendors[file]; ok && (q.Vendor != want[0] || q.Product != want[1]) {
				t.Errorf("Vendor, Product = %q, %q; want %q", q.Vendor, q.Product, want)
			}
			per := map[string][]Item{}
			for _, it := range q.Items {
				per[it.Sheet] = append(per[it.Sheet], it)
			}
			var wantSheets []string
			gotN, wantN := 0, 0
			for _, exp := range items {
				if exp["file"] != file {
					continue
				}
				sheet := exp["sheet"]
				wantSheets = append(wantSheets, sheet)
				n, _ := strconv.Atoi(exp["item_count"])
				wantN += n
				got := per[sheet]
				gotN += len(got)
				if len(got) != n {
					t.Errorf("%q: %d items, want %d", sheet, len(got), n)
				}
				// The cell reference is the answer cell, or the question (or
				// ID) cell where the layout has no answer column.
				refCol := exp["answer_column"]
				for _, alt := range []string{exp["question_column"], exp["id_column"]} {
					if refCol == "" {
						refCol = alt
					}
				}
				lo, hi, _ := strings.Cut(refCol, ":")
				if hi == "" {
					hi = lo
				}
				for _, it := range got {
					col := strings.TrimRight(it.Cell, "0123456789")
					if refCol != "" && (it.Cell != col+strconv.Itoa(it.Row) || len(col) != len(lo) || col < lo || col > hi) {
						t.Errorf("%q row %d: Cell %s, want in column %s", sheet, it.Row, it.Cell, refCol)
						break
					}
				}
				if hr, _ := strconv.Atoi(exp["header_row"]); headers[sheet] != hr {
					t.Errorf("%q: header row %d, want %d", sheet, headers[sheet], hr)
				}
				if v := vocabulary(got, func(it Item) string { return it.Answer }, strings.Contains(exp["answer_column"], ":")); v != exp["answer_vocabulary"] {
					t.Errorf("%q: answer vocabulary %q, want %q", sheet, v, exp["answer_vocabulary"])
				}
				if v := vocabulary(got, func(it Item) string { return it.Ownership }, strings.Contains(exp["ownership_column"], ":")); v != exp["ownership_vocabulary"] {
					t.Errorf("%q: ownership vocabulary %q, want %q", sheet, v, exp["ownership_vocabulary"])
				}
			}
			if len(wantSheets) == 0 {
				t.Fatalf("%s is not in items.csv", file)
			}
			if !reflect.DeepEqual(q.Sheets, wantSheets) {
				t.Errorf("Sheets = %q, want %q", q.Sheets, wantSheets)
			}
			passed, total := 0, 0
			for _, sc := range spots {
				if sc["file"] != file {
					continue
				}
				total++
				row, _ := strconv.Atoi(sc["cell_row"])
				var cands []Item
				for _, it := range per[sc["sheet"]] {
					if it.Row == row && it.ID == sc["question_id"] {
						cands = append(cands, it)
					}
				}
				if len(cands) == 0 {
					t.Errorf("%q row %d: no item %q", sc["sheet"], row, sc["question_id"])
					continue
				}
				it := cands[0]
				for _, c := range cands {
					if prefix60(c.Question) == sc["question_prefix"] {
						it = c
					}
				}
				ok := true
				check := func(what, got, want string) {
					if got != want {
						ok = false
						t.Errorf("%q row %d %s: %s %q, want %q", sc["sheet"], row, sc["question_id"], what, got, want)
					}
				}
				check("question", prefix60(it.Question), sc["question_prefix"])
				check("answer", it.Answer, sc["answer"])
				check("notes", prefix60(it.Notes), sc["notes_prefix"])
				check("ownership", it.Ownership, sc["ownership"])
				if ok {
					passed++
				}
			}
			summary = append(summary, fmt.Sprintf("%-50s %-18s items %4d/%4d  spot-checks %2d/%2d  vendor=%q product=%q",
				file, q.Format, gotN, wantN, passed, total, q.Vendor, q.Product))
		})
	}
	t.Log("\n" + strings.Join(summary, "\n"))
}

// TestXLSXCorpusCAIQv4 checks what only CAIQ v4 files carry: the format and
// the answer cell of every item.
func TestXLSXCorpusCAIQv4(t *testing.T) {
	dir := questionnaireCorpus(t)
	for _, file := range caiqV4Files {
		q := parseXLSX(t, filepath.Join(dir, file))
		if q.Format != "caiq-v4.0.3" {
			t.Errorf("%s: Format = %q, want caiq-v4.0.3", file, q.Format)
		}
		for _, it := range q.Items {
			if want := "C" + strconv.Itoa(it.Row); it.Cell != want {
				t.Errorf("%s row %d: Cell = %s, want %s", file, it.Row, it.Cell, want)
				break
			}
		}
	}
}

// TestXLSXLayoutCAIQv4 checks the columns the header captions map to.
func TestXLSXLayoutCAIQv4(t *testing.T) {
	dir := questionnaireCorpus(t)
	items := readExpected(t, filepath.Join(dir, "expected", "items.csv"))
	for _, file := range caiqV4Files {
		path := filepath.Join(dir, file)
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sr, err := readXLSXSheet(f, newRawSheets(f, path, false), newBook(path, Options{}), "CAIQv4.0.3")
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

func BenchmarkXLSXCAIQ(b *testing.B) {
	path := filepath.Join(questionnaireCorpus(b), "caiq-v4.0.3-filled-instructure.xlsx")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (xlsxParser{}).Parse(path, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// writeBook saves a workbook built by fill into a temporary file.
func writeBook(t *testing.T, name string, fill func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fill(f)
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func setRows(t *testing.T, f *excelize.File, sheet string, rows [][]any) {
	t.Helper()
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
	}
	for i, r := range rows {
		cellName, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cellName, &r); err != nil {
			t.Fatal(err)
		}
	}
}

// TestXLSXLayouts reads three small sheets: ownership per service model
// (the chosen model first), several ID-prefixed questions in one cell, and
// IDs taken from numbered clause titles where the ID column holds numbers.
func TestXLSXLayouts(t *testing.T) {
	path := writeBook(t, "layouts.xlsx", func(f *excelize.File) {
		_ = f.SetSheetName("Sheet1", "CCM")
		setRows(t, f, "CCM", [][]any{
			{"Control ID", "Control Specification", "SSRM Control Ownership"},
			{"", "", "IaaS", "PaaS", "SaaS"},
			{"AIS-04", "Define and implement a SDLC process.", "Shared", "Shared", "CSP-Owned"},
		})
		_ = f.MergeCell("CCM", "C1", "E1")
		setRows(t, f, "Multi", [][]any{
			{"Control ID", "Consensus Assessment Questions"},
			{"CO-01", "CO-01a - Do you audit?"},
			{"CO-02", "CO-02a - Do you test?\nCO-02b - Do you share\nthe results?"},
			{"CO-03", "IS01 - Do you document policies?"},
			{"CO-04", ""},
		})
		setRows(t, f, "SOA", [][]any{
			{"Clause", "Clause Title", "Control", "Applicable (N or Y)"},
			{5.1, "5.1: Policies", "Policies should be defined.", "Y"},
			{5.1, "5.10:Acceptable use", "Rules should be documented.", "Y"},
			{"5.36; 8.8", "8.8: Vulnerabilities", "Systems should be reviewed.", "N"},
			{"N/A", "", "", ""},
		})
	})
	type got struct{ Sheet, ID, Question, Answer, Ownership string }
	read := func(opts Options) []got {
		q := parseXLSXOpts(t, path, opts)
		var out []got
		for _, it := range q.Items {
			out = append(out, got{it.Sheet, it.ID, it.Question, it.Answer, it.Ownership})
		}
		return out
	}
	want := []got{
		{"CCM", "AIS-04", "Define and implement a SDLC process.", "", "IaaS=Shared; PaaS=Shared; SaaS=CSP-Owned"},
		{"Multi", "CO-01a", "Do you audit?", "", ""},
		{"Multi", "CO-02a", "Do you test?", "", ""},
		{"Multi", "CO-02b", "Do you share\nthe results?", "", ""},
		{"Multi", "IS01", "Do you document policies?", "", ""},
		{"SOA", "5.1", "Policies should be defined.", "Y", ""},
		{"SOA", "5.10", "Rules should be documented.", "Y", ""},
		{"SOA", "8.8", "Systems should be reviewed.", "N", ""},
	}
	if g := read(Options{}); !reflect.DeepEqual(g, want) {
		t.Errorf("items:\n got %q\nwant %q", g, want)
	}
	if g := read(Options{ServiceModel: "saas"}); len(g) == 0 || g[0].Ownership != "SaaS=CSP-Owned; IaaS=Shared; PaaS=Shared" {
		t.Errorf("--service-model saas: ownership %q", g)
	}
}

// injectCells rewrites the first sheet of path, replacing each old text
// with its new one (raw XML).
func injectCells(t *testing.T, path string, repl ...[2]string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name == "xl/worksheets/sheet1.xml" {
			for _, r := range repl {
				if !bytes.Contains(b, []byte(r[0])) {
					t.Fatalf("%q not in the sheet", r[0])
				}
				b = bytes.Replace(b, []byte(r[0]), []byte(r[1]), 1)
			}
		}
		w, _ := zw.Create(zf.Name)
		w.Write(b)
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestXLSXCarriageReturns: "_x000D_" escapes (shared and inline strings)
// and raw carriage returns come out as plain line feeds.
func TestXLSXCarriageReturns(t *testing.T) {
	path := writeBook(t, "cr.xlsx", func(f *excelize.File) {
		setRows(t, f, "Sheet1", [][]any{
			{"Question ID", "Question", "Answer", "Notes"},
			{"AC-01", "Is MFA on?\r\nFor admins too?", "Yes", "NOTES1"},
			{"AC-02", "Are logs kept?", "No", "NOTES2"},
		})
	})
	injectCells(t, path,
		[2]string{`<c r="D2" t="s"><v>`, `<c r="D2" t="inlineStr"><is><t>one_x000D_` + "\n" + `two</t></is></c><c r="X2" t="s"><v>`},
		[2]string{`<c r="D3" t="s"><v>`, `<c r="D3" t="inlineStr"><is><r><t>rich </t></r><r><t>text_x000D_</t></r></is></c><c r="X3" t="s"><v>`})
	q := parseXLSX(t, path)
	if len(q.Items) != 2 {
		t.Fatalf("%d items", len(q.Items))
	}
	if got := q.Items[0].Question; got != "Is MFA on?\nFor admins too?" {
		t.Errorf("question %q", got)
	}
	if got := q.Items[0].Notes; got != "one\ntwo" {
		t.Errorf("notes %q", got)
	}
	if got := q.Items[1].Notes; got != "rich text" {
		t.Errorf("rich-text notes %q", got)
	}
}

func TestXLSXLimitsAndFormats(t *testing.T) {
	unmapped := writeBook(t, "unmapped.xlsx", func(f *excelize.File) {
		setRows(t, f, "Sheet1", [][]any{{"Title"}, {"Alpha", "Beta", "Gamma"}, {"1", "2", "3"}})
	})
	_, err := xlsxParser{}.Parse(unmapped, Options{})
	if !errors.Is(err, ErrEmpty) || !strings.Contains(err.Error(), `captions seen: "Sheet1": "Alpha", "Beta", "Gamma"`) {
		t.Errorf("unmapped columns: err = %v, want ErrEmpty listing the captions", err)
	}

	ods := filepath.Join(t.TempDir(), "sheet.ods")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("mimetype")
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	zw.Close()
	if err := os.WriteFile(ods, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ods, Options{}); !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), ".ods") {
		t.Errorf(".ods: err = %v, want ErrUnsupported naming .ods", err)
	}

	big := writeFixture(t, "")
	defer func(n int) { xlsxMaxRows = n }(xlsxMaxRows)
	xlsxMaxRows = 5
	_, err = xlsxParser{}.Parse(big, Options{})
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "more than 5 rows") {
		t.Errorf("row cap: err = %v", err)
	}
}

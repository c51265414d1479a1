package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXReadBack writes the workbook with the documents and reads it back.
func TestXLSXReadBack(t *testing.T) {
	res, docs := loadSample(t)
	poison(res, docs)
	var b bytes.Buffer
	if err := WriteOptions(&b, "xlsx", res, Options{Docs: docs}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := strings.Join(f.GetSheetList(), ","), "Summary,Matrix,Findings,Questionnaire,Clauses"; got != want {
		t.Fatalf("sheets %s, want %s", got, want)
	}
	cell := func(sheet, ref string) string {
		t.Helper()
		v, err := f.GetCellValue(sheet, ref)
		if err != nil {
			t.Fatalf("%s!%s: %v", sheet, ref, err)
		}
		return v
	}
	rows := func(sheet string) [][]string {
		t.Helper()
		r, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	checks := []struct{ sheet, ref, want string }{
		{"Summary", "A1", "field"}, {"Summary", "A2", "vendor"}, {"Summary", "B2", res.Vendor},
		{"Summary", "B5", fmt.Sprint(res.Score)}, {"Summary", "B6", res.Verdict}, {"Summary", "B7", res.Line()},
		{"Matrix", "A1", "domain"}, {"Matrix", "A2", "A&A"}, {"Matrix", "D2", res.Matrix[0].Status}, {"Matrix", "A18", "UEM"},
		{"Findings", "C1", "status"}, {"Findings", "A2", "breach-notification"}, {"Findings", "C2", "contradicted"},
		{"Questionnaire", "A1", "id"}, {"Questionnaire", "A2", docs.Questionnaire.Items[0].ID},
		{"Questionnaire", "D2", docs.Questionnaire.Items[0].Answer},
		{"Clauses", "F2", hostile},
	}
	for _, c := range checks {
		if got := cell(c.sheet, c.ref); got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.ref, got, c.want)
		}
	}
	if n := len(rows("Matrix")); n != 18 {
		t.Errorf("Matrix has %d rows, want header + 17", n)
	}
	// Each term once: a contradicted term's row replaces its finding's.
	if n, want := len(rows("Findings")), 1+len(res.Findings); n != want || len(res.Contradictions) == 0 {
		t.Errorf("Findings has %d rows, want %d (header and one per term; %d contradictions)", n, want, len(res.Contradictions))
	}
	if n, want := len(rows("Questionnaire")), 1+len(docs.Questionnaire.Items); n != want {
		t.Errorf("Questionnaire has %d rows, want %d", n, want)
	}
	// A formula-looking answer stays a string, never a formula.
	if fm, _ := f.GetCellFormula("Questionnaire", "D2"); fm != "" {
		t.Errorf("Questionnaire!D2 became a formula: %q", fm)
	}
	for _, sheet := range f.GetSheetList() {
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: header row not frozen: %+v %v", sheet, p, err)
		}
		if w, _ := f.GetColWidth(sheet, "A"); w < 8 || w == 9.140625 {
			t.Errorf("%s: column A width %v not set", sheet, w)
		}
	}
	for _, sheet := range []string{"Matrix", "Findings"} {
		cf, err := f.GetConditionalFormats(sheet)
		if err != nil || len(cf) == 0 {
			t.Errorf("%s: no conditional formats (%v)", sheet, err)
		}
	}
	// The autofilter is a defined name _xlnm._FilterDatabase per sheet.
	filters := 0
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters++
		}
	}
	if filters != 5 {
		t.Errorf("%d sheets with an autofilter, want 5", filters)
	}
}

// TestXLSXWithoutDocs: the renderer works from the Result alone; the
// Questionnaire and Clauses sheets then hold only their headers.
func TestXLSXWithoutDocs(t *testing.T) {
	res, _ := loadSample(t)
	var b bytes.Buffer
	if err := Write(&b, "xlsx", res); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, _ := f.GetRows("Clauses")
	if len(r) != 1 {
		t.Errorf("Clauses has %d rows without documents, want the header only", len(r))
	}
}

// TestCAIQExport checks the CAIQ-shaped sheet: one row per domain,
// ownership in CAIQ's words, CSP and CSC parts.
func TestCAIQExport(t *testing.T) {
	res, _ := loadSample(t)
	var b bytes.Buffer
	if err := Write(&b, "caiq", res); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetCAIQ)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 18 {
		t.Fatalf("%d rows, want header + 17", len(rows))
	}
	want := []string{"Control ID", "CCM Domain Title", "SSRM Control Ownership", "CSP Implementation Description", "CSC Responsibilities"}
	for i, h := range want {
		if rows[0][i] != h {
			t.Errorf("header %d = %q, want %q", i, rows[0][i], h)
		}
	}
	allowed := map[string]bool{"CSP-owned": true, "CSC-owned": true, "Shared CSP and CSC": true, "3rd-party outsourced": true, "NA": true, "": true}
	byID := map[string][]string{}
	for _, r := range rows[1:] {
		for len(r) < 9 {
			r = append(r, "")
		}
		if !allowed[r[2]] {
			t.Errorf("%s: ownership %q is not CAIQ's wording", r[0], r[2])
		}
		byID[r[0]] = r
	}
	if byID["UEM"][2] != "CSC-owned" || byID["A&A"][2] != "CSP-owned" || byID["DCS"][2] != "3rd-party outsourced" {
		t.Errorf("ownership: UEM %q, A&A %q, DCS %q", byID["UEM"][2], byID["A&A"][2], byID["DCS"][2])
	}
	if !strings.Contains(byID["SEF"][3], "Provider") {
		t.Errorf("SEF CSP part should quote the vendor's obligation: %q", byID["SEF"][3])
	}
	if !strings.Contains(byID["IAM"][4], "Customer") {
		t.Errorf("IAM CSC part should quote the customer's duty: %q", byID["IAM"][4])
	}
}

// TestXLSXDimension reads each sheet's XML and checks that its <dimension>
// declares the sheet's real size (header and rows, every column), as
// readers that trust it (pandas' openpyxl in read-only mode, some GRC
// importers) need: report, caiq and portfolio workbooks.
func TestXLSXDimension(t *testing.T) {
	res, docs := loadSample(t)
	for _, format := range []string{"xlsx", "caiq"} {
		var b bytes.Buffer
		if err := WriteOptions(&b, format, res, Options{Docs: docs}); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		for i, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			cols := 0
			for _, r := range rows {
				cols = max(cols, len(r))
			}
			last, _ := excelize.ColumnNumberToName(cols)
			want := fmt.Sprintf(`<dimension ref="A1:%s%d">`, last, len(rows))
			part := fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
			rc, err := zr.Open(part)
			if err != nil {
				t.Fatalf("%s: %v", part, err)
			}
			raw, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			got := regexp.MustCompile(`<dimension [^>]*>`).Find(raw)
			if string(got) != want || len(rows) < 2 {
				t.Errorf("%s %s (%s): %s, want %s", format, sheet, part, got, want)
			}
		}
		f.Close()
	}
}

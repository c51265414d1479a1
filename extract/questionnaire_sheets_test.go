package extract

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXMissingSheets builds workbooks shaped like published templates,
// one sheet taken out: a missing question sheet is an error naming the file
// and the sheet, a missing cover a warning beside the items read.
func TestXLSXMissingSheets(t *testing.T) {
	questions := func(ids ...string) [][]any {
		rows := [][]any{{"Question ID", "Question", "Answer"}}
		for _, id := range ids {
			rows = append(rows, []any{id, "Is " + id + " in place?", "Yes"})
		}
		return rows
	}
	cover := [][]any{{"Read this first."}}
	type sheet struct {
		name string
		rows [][]any
	}
	cases := []struct {
		name     string
		sheets   []sheet
		err      string // substring of the error; "" for none
		warnings []string
		items    int
	}{
		{"caiq v4 whole", []sheet{{"Introduction", cover}, {"CAIQv4.0.3", questions("A&A-01.1", "A&A-02.1")}}, "", nil, 2},
		{"caiq v4 without its cover", []sheet{{"CAIQv4.0.3", questions("A&A-01.1", "A&A-02.1")}}, "",
			[]string{`a CAIQ v4 workbook without its "Introduction" sheet (the cover); the questions were read from "CAIQv4.0.3"`}, 2},
		{"caiq v1.1 without its questions", []sheet{{"Guiding Principles", cover}, {"CSA CCM R1.1", questions("AC-01", "AC-02")}},
			`workbook is incomplete: a CAIQ v1.1 workbook without its "csa-cai v1.1" sheet, which holds questions (sheets present: "Guiding Principles", "CSA CCM R1.1"); ask the vendor for the whole workbook`, nil, 0},
		{"caiq v3.0.1 without its questions", []sheet{{"Guiding Principles", cover}, {"CAIQ Change Log", [][]any{{"Version", "Date", "Control ID"}}}},
			`a CAIQ v3.0.1 workbook without its "CSA CAIQ v3.0.1" sheet, which holds questions`, nil, 0},
		{"caiq v3.0.1 renamed", []sheet{{"Acme CAIQ answers", questions("AIS-01.1")}, {"Guiding Principles", cover}, {"CAIQ Change Log", [][]any{{"Version", "Date"}}}}, "", nil, 1},
		{"hecvat 4 without START HERE and Privacy", []sheet{{"Organization", questions("ORG-01")}, {"Product", questions("PRD-01")}, {"Infrastructure", questions("INF-01")},
			{"IT Accessibility", questions("ITA-01")}, {"Case-Specific", questions("CAS-01")}},
			`a HECVAT 4 workbook without its "START HERE" and "Privacy" sheets, which hold questions`, nil, 0},
		{"not a template", []sheet{{"Security", questions("S-1")}}, "", nil, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeBook(t, "book.xlsx", func(f *excelize.File) {
				for i, s := range c.sheets {
					if i == 0 {
						f.SetSheetName("Sheet1", s.name)
					}
					setRows(t, f, s.name, s.rows)
				}
			})
			doc, err := Open(path, Options{})
			if c.err != "" {
				var ie *InputError
				if !errors.Is(err, ErrIncomplete) || !errors.As(err, &ie) || ie.Path != path || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want an *InputError for %s wrapping ErrIncomplete with %q", err, path, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			q := doc.Questionnaire
			if len(q.Items) != c.items || !reflect.DeepEqual(q.Warnings, c.warnings) {
				t.Errorf("%d items, warnings %q; want %d and %q", len(q.Items), q.Warnings, c.items, c.warnings)
			}
		})
	}
}

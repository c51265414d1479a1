package extract

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCheckXLSXZipStored holds the checked copy of every corpus workbook
// (XML parts stored as the check inflated them) to the file itself:
// excelize reads the same parts, byte for byte, and the same rows.
func TestCheckXLSXZipStored(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(questionnaireCorpus(t), "*.xlsx"))
	if len(files) == 0 {
		t.Skip("no corpus workbooks")
	}
	xo := excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxUnzipXMLLimit}
	copies := 0
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			stored, err := checkXLSXZip(path)
			if err != nil {
				t.Skipf("refused by the check: %v", err)
			}
			if stored == nil {
				t.Skip("not small enough for a copy")
			}
			copies++
			want, err := excelize.OpenFile(path, xo)
			if err != nil {
				t.Fatal(err)
			}
			defer want.Close()
			got, err := excelize.OpenReader(bytes.NewReader(stored), xo)
			if err != nil {
				t.Fatalf("the copy does not open: %v", err)
			}
			defer got.Close()
			n := 0
			want.Pkg.Range(func(k, v any) bool {
				n++
				g, ok := got.Pkg.Load(k)
				if !ok {
					t.Errorf("part %v missing from the copy", k)
				} else if !bytes.Equal(g.([]byte), v.([]byte)) {
					t.Errorf("part %v differs in the copy", k)
				}
				return true
			})
			got.Pkg.Range(func(k, v any) bool { n--; return true })
			if n != 0 {
				t.Errorf("the copy holds %d parts more than the file", -n)
			}
			for _, s := range want.GetSheetList() {
				w, err1 := want.GetRows(s)
				g, err2 := got.GetRows(s)
				if fmt.Sprint(w, err1) != fmt.Sprint(g, err2) {
					t.Errorf("sheet %s: rows differ in the copy", s)
				}
			}
		})
	}
	if copies == 0 {
		t.Error("no corpus workbook was copied: the small-package path is never taken")
	}
}

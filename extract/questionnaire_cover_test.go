package extract

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCoverNamesLean holds coverNames reading a cover sheet's rows by the
// lean reader to coverNames reading them by excelize's loop, on every
// workbook of the corpus and of testdata (each sheet read as a cover
// sheet), and checks that the lean read leaves excelize's shared strings
// undecoded (the time it spares) on at least one of them.
func TestCoverNamesLean(t *testing.T) {
	paths := allWorkbooks(t)
	open := func(p string) *excelize.File {
		f, err := excelize.OpenFile(p, excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxUnzipXMLLimit})
		if err != nil {
			return nil
		}
		return f
	}
	spared, named := 0, 0
	for _, p := range paths {
		slow, fast := open(p), open(p)
		if slow == nil || fast == nil {
			continue
		}
		sheets := slow.GetSheetList()
		for _, s := range sheets {
			wantV, wantP := coverNames(slow, nil, []string{s}, "")
			gotV, gotP := coverNames(fast, newRawSheets(fast, p, false), []string{s}, "")
			if gotV != wantV || gotP != wantP {
				t.Errorf("%s, sheet %q: lean reader: vendor %q, product %q; excelize's loop: %q, %q", p, s, gotV, gotP, wantV, wantP)
			}
			if wantV != "" {
				named++
			}
		}
		if fast.SharedStrings == nil && slow.SharedStrings != nil {
			spared++
		}
		slow.Close()
		fast.Close()
	}
	if spared == 0 {
		t.Error("the lean reader decoded the shared strings with excelize on every workbook")
	}
	t.Logf("%d workbooks, %d cover sheets naming a vendor, shared strings spared on %d", len(paths), named, spared)
}

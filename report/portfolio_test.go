package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func samplePortfolio(t *testing.T) *Portfolio {
	t.Helper()
	res, _ := loadSample(t)
	a := PortfolioEntry(res)
	a.Name, a.Report = "=cmd|' /C calc'!A0", "a.html"
	b := PortfolioEntry(res)
	b.Name, b.Score, b.Subprocessors = "<script>alert(1)</script>", b.Score+10, []string{"AWS", "Stripe"}
	a.Subprocessors = []string{"aws "}
	return &Portfolio{Vendors: []PortfolioVendor{b, a, {Name: "Broken", Err: "x.pdf: no text layer"}}}
}

// TestPortfolioFormats renders the portfolio in each format: ranked lowest
// score first, subprocessors merged across vendors, failures listed,
// document text escaped (html) or defused (csv).
func TestPortfolioFormats(t *testing.T) {
	p := samplePortfolio(t)
	if got := p.Subprocessors(); len(got) != 2 || got[0].Name != "AWS" || len(got[0].Vendors) != 2 {
		t.Errorf("subprocessors = %+v", got)
	}
	if !strings.HasSuffix(p.Line(), "1 failed; partial") {
		t.Errorf("line = %q", p.Line())
	}
	var h bytes.Buffer
	if err := WritePortfolio(&h, "html", p); err != nil {
		t.Fatal(err)
	}
	if s := h.String(); strings.Contains(s, "<script>") || !strings.Contains(s, "x.pdf: no text layer") || strings.Count(s, `<td class="s-`) == 0 {
		t.Errorf("html portfolio: escaping, failures or heat map wrong")
	}
	var c bytes.Buffer
	if err := WritePortfolio(&c, "csv", p); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&c).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[1][1] != "'=cmd|' /C calc'!A0" || rows[3][1] != "Broken" || rows[3][11] == "" {
		t.Errorf("csv rows: %q", rows)
	}
	var x bytes.Buffer
	if err := WritePortfolio(&x, "xlsx", p); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sp, _ := f.GetRows("Subprocessors")
	if len(sp) != 3 || sp[1][0] != "AWS" || sp[1][1] != "2" {
		t.Errorf("Subprocessors sheet: %v", sp)
	}
	if err := WritePortfolio(&x, "pdf", p); err == nil {
		t.Error("pdf portfolio accepted")
	}
}

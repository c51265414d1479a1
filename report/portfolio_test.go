package report

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
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
	if !strings.HasSuffix(p.Line(), "1 not assessed; partial") {
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
	col := func(name string) int { return slices.Index(rows[0], name) }
	if len(rows) != 4 || rows[1][1] != "'=cmd|' /C calc'!A0" || rows[3][1] != "Broken" || rows[3][col("error")] == "" || rows[1][col("by_reference")] != "1" {
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

// TestPortfolioCompanyNames: the names of one company are one
// subprocessor, shown by its fullest name, and one vendor naming it twice,
// or two entries of one vendor, are listed once.
func TestPortfolioCompanyNames(t *testing.T) {
	p := &Portfolio{Vendors: []PortfolioVendor{
		{Name: "Slack", Subprocessors: []string{"AWS", "Zendesk"}},
		{Name: "Slack Technologies Limited", Subprocessors: []string{"Amazon Web Services, Inc."}},
		{Name: "Harbor Relay", Subprocessors: []string{"Amazon Web Services", "GCP", "Google Cloud Platform", "Slack Technologies, LLC", "Zendesk, Inc."}},
		{Name: "Nimbus & Co", Subprocessors: []string{"Slack", "Stripe Payments Europe, Limited", "Stripe, Inc."}},
		{Name: "Zendesk", Err: "x.pdf: no text layer"}, // not assessed
	}}
	var got []string
	for _, s := range p.Subprocessors() {
		got = append(got, s.Name+" | "+strings.Join(s.Vendors, "; ")+" | "+strings.Join(s.Names, "; ")+" | "+s.Assessed)
	}
	want := []string{
		"Amazon Web Services, Inc. | Slack Technologies Limited; Harbor Relay | AWS; Amazon Web Services, Inc.; Amazon Web Services | ",
		"Google Cloud Platform | Harbor Relay | GCP; Google Cloud Platform | ",
		// Slack is a subprocessor of two vendors and a vendor itself.
		"Slack Technologies, LLC | Harbor Relay; Nimbus & Co | Slack Technologies, LLC; Slack | Slack Technologies Limited",
		"Stripe Payments Europe, Limited | Nimbus & Co | Stripe Payments Europe, Limited | ",
		"Stripe, Inc. | Nimbus & Co | Stripe, Inc. | ",
		"Zendesk, Inc. | Slack Technologies Limited; Harbor Relay | Zendesk; Zendesk, Inc. | ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("subprocessors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var b bytes.Buffer
	if err := WritePortfolio(&b, "csv", p); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "subprocessor_names" {
			col = i
		}
	}
	for _, r := range rows[1:] {
		if r[1] == "Harbor Relay" && (col < 0 || r[col] != "Amazon Web Services; Google Cloud Platform; Slack Technologies, LLC; Zendesk, Inc.") {
			t.Errorf("Harbor Relay's subprocessor names in the csv: %q", r[col])
		}
	}
}

// TestPortfolioLineOneVendor: the summary line counts one vendor in the
// singular.
func TestPortfolioLineOneVendor(t *testing.T) {
	p := &Portfolio{Vendors: []PortfolioVendor{{Name: "Broken", Err: "x.pdf: no text layer"}}}
	if got, want := p.Line(), "1 vendor: 0 assessed (0 pass, 0 review, 0 fail), 1 not assessed"; !strings.HasPrefix(got, want) {
		t.Errorf("line = %q, want it to start %q", got, want)
	}
}

// TestPortfolioUnscoredLast: a vendor with no term assessed (a
// questionnaire, no agreement) has no score: it ranks after the scored
// vendors, never as the riskiest, and every format says so instead of 0.
func TestPortfolioUnscoredLast(t *testing.T) {
	res, _ := loadSample(t)
	scored := PortfolioEntry(res)
	scored.Name = "Scored Ltd"
	unscored := PortfolioEntry(res)
	unscored.Name, unscored.Score = "Answers Only Inc", 0
	unscored.Summary = analyze.Summary{Rules: 21, NotAssessed: 21}
	p := &Portfolio{Vendors: []PortfolioVendor{unscored, scored}}
	if r := p.Ranked(); len(r) != 2 || r[0].Name != "Scored Ltd" || r[1].Name != "Answers Only Inc" {
		t.Fatalf("ranked %v, want the scored vendor first", []string{r[0].Name, r[1].Name})
	}
	var c bytes.Buffer
	if err := WritePortfolio(&c, "csv", p); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&c).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[2][1] != "Answers Only Inc" || rows[2][4] != "" || rows[1][4] == "" {
		t.Errorf("csv score cells: %q / %q", rows[1][:6], rows[2][:6])
	}
	var h bytes.Buffer
	if err := WritePortfolio(&h, "html", p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.String(), "<td>"+analyze.NoScore+"</td>") {
		t.Error("html portfolio: no score text for the unscored vendor")
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
	if v, _ := f.GetCellValue("Vendors", "E3"); v != analyze.NoScore {
		t.Errorf("xlsx Vendors!E3 = %q, want %q", v, analyze.NoScore)
	}
}

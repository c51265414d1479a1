package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pageBreakColumnsFixture: an invented two-page addendum whose last two
// sections sit side by side in boxes; page 1 ends below both boxes'
// headings and each box goes on at the head of page 2 in its own column
// (a list without final stops on the left, a notice clause on the right),
// followed by a full-width section.
func pageBreakColumnsFixture() [][]sized {
	var p1 []sized
	p1 = append(p1, sized{72, 740, 14, "Larchfield Hosting Addendum"})
	p1 = append(p1, sized{72, 700, 12, "SECTION 5"})
	p1 = append(p1, sized{72, 686, 10, "Larchfield hosts the Client's archive only to run the retrieval service the order names."})
	for i := 0; i < 20; i++ {
		p1 = append(p1, sized{72, float64(672 - 12*i), 10, "Larchfield keeps the archive in the region the order names and moves none of it elsewhere."})
	}
	p1 = append(p1,
		sized{72, 300, 12, "SECTION 6"}, sized{72, 286, 12, "Safeguards"},
		sized{320, 300, 12, "SECTION 7"}, sized{320, 286, 12, "Incident Notice"})
	var p2 []sized
	left := []string{
		"Storage: encrypted with rotated keys",
		"Transport: sealed channels between sites",
		"Operators: named accounts reviewed each",
		"quarter by the security lead",
	}
	for i, s := range left {
		p2 = append(p2, sized{72, float64(740 - 12*i), 10, s})
	}
	right := []string{
		"Larchfield will tell the Client of any",
		"confirmed intrusion into the archive",
		"within forty-eight hours of learning of",
		"it, and will say what it knows so far.",
	}
	for i, s := range right {
		p2 = append(p2, sized{320, float64(740 - 12*i), 10, s})
	}
	p2 = append(p2, sized{72, 660, 12, "SECTION 8"},
		sized{72, 646, 10, "This addendum is governed by the law that governs the hosting agreement."})
	return [][]sized{p1, p2}
}

// TestPDFColumnsAcrossPages reads testdata/columns-pagebreak.pdf (written
// from pageBreakColumnsFixture with -update): each box's heading at the
// foot of page 1 is read with its own column of page 2.
func TestPDFColumnsAcrossPages(t *testing.T) {
	in := filepath.Join("testdata", "columns-pagebreak.pdf")
	if *update {
		if err := os.WriteFile(in, makeSizedPDF(pageBreakColumnsFixture()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := pdfParser{}.Parse(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := doc.Agreement
	text := a.Pages[0].Text + "\n" + a.Pages[1].Text
	for _, want := range []string{
		"SECTION 6\nSafeguards\n",
		"quarter by the security lead\n\nSECTION 7\nIncident Notice\n\nLarchfield will tell",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	got := map[string]string{}
	for _, c := range a.Clauses {
		got[c.ID] = c.Text
	}
	if s := got["6"]; !strings.Contains(s, "Storage: encrypted") || strings.Contains(s, "Larchfield will tell") {
		t.Errorf("clause 6 = %q", s)
	}
	if s := got["7"]; !strings.Contains(s, "Larchfield will tell") || strings.Contains(s, "Storage:") {
		t.Errorf("clause 7 = %q", s)
	}
}

// TestStitchColumnsFlowingText: running text in two columns that fill the
// page flows from page 1's right column to page 2's left one; nothing
// moves.
func TestStitchColumnsFlowingText(t *testing.T) {
	var p1, p2 []sized
	for i := 0; i < 30; i++ {
		p1 = append(p1, sized{72, float64(740 - 12*i), 10, "left column words of running text"})
	}
	for i := 0; i < 30; i++ {
		p1 = append(p1, sized{320, float64(740 - 12*i), 10, "right column words of running text"})
	}
	for i := 0; i < 10; i++ {
		p2 = append(p2, sized{72, float64(740 - 12*i), 10, "next page left words of running text"})
	}
	for i := 0; i < 10; i++ {
		p2 = append(p2, sized{320, float64(740 - 12*i), 10, "next page right words of running text"})
	}
	path := filepath.Join(t.TempDir(), "flow.pdf")
	if err := os.WriteFile(path, makeSizedPDF([][]sized{p1, p2}), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := pdfParser{}.Parse(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p := doc.Agreement.Pages; strings.Count(p[0].Text, "right column") != 30 || strings.Count(p[1].Text, "right column") != 0 {
		t.Errorf("lines moved between pages:\n%s\n----\n%s", p[0].Text, p[1].Text)
	}
}

package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// marginNumbersFixture: an invented two-page hosting agreement printed
// the way an HTML printer (WeasyPrint) prints numbered lists: each item's
// text first, then its number in the left margin on the baseline of the
// item's first line; the section headings of a page before anything else
// on it, the running header after them.
func marginNumbersFixture() [][]sized {
	const num, body, sub, subBody = 60, 90, 100, 116
	var page []sized
	y := 0.0
	// item draws an item's lines from y down, then its number.
	item := func(numX, textX float64, mark string, lines ...string) {
		first := y
		for _, s := range lines {
			page = append(page, sized{textX, y, 11, s})
			y -= 17.6
		}
		page = append(page, sized{numX, first, 11, mark})
		y -= 11
	}
	header := sized{380, 770, 12, "Harbourline Hosting Agreement"}

	// Page 1: heading, header, then the items of section 1.
	page = []sized{{60, 720, 15, "1. Provider Duties"}, header}
	y = 690
	item(num, body, "1.1.", "Harbourline keeps the hosting platform available around the clock and repairs any",
		"fault it learns of within one working day, save during maintenance windows that it",
		"announces on its status page at least three days ahead.")
	item(num, body, "1.2.", "Harbourline tells the Customer of any change to the platform that affects its sites.")
	item(num, body, "1.3.", "If Harbourline learns that a Customer site was reached by someone without leave, it")
	y += 11
	item(sub, subBody, "a)", "tells the Customer by email within forty-eight hours;")
	item(sub, subBody, "b)", "names in that email the sites reached, the data they held and the steps taken to",
		"close the gap, and keeps the Customer informed until it is closed.")
	p1 := page

	// Page 2: the heading of section 2 first (mid-page), the header, the
	// last item of section 1 at the top, then section 2's items.
	page = []sized{{60, 560, 15, "2. Customer Duties"}, header}
	y = 720
	item(num, body, "1.4.", "Harbourline keeps a copy of every site for thirty days after the end of this",
		"agreement and hands it to the Customer on request in the form it was stored in.")
	item(num, body, "1.5.", "Harbourline pays for the repair of any site it damaged through its own fault.")
	y = 530
	item(num, body, "2.1.", "The Customer keeps its passwords secret and changes them at once if it suspects",
		"that someone else knows them.")
	item(num, body, "2.2.", "The Customer pays each invoice within thirty days of receiving it.")
	return [][]sized{p1, page}
}

// TestPDFMarginNumbersDrawnLast reads testdata/margin-numbers-last.pdf
// (written from marginNumbersFixture with -update): each number opens
// its own item, never the next one, the lettered items stay under 1.3,
// and the items carried over to page 2 stay in section 1 although
// section 2's heading was drawn before them.
func TestPDFMarginNumbersDrawnLast(t *testing.T) {
	in := filepath.Join("testdata", "margin-numbers-last.pdf")
	if *update {
		if err := os.WriteFile(in, makeSizedPDF(marginNumbersFixture()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := pdfParser{}.Parse(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := doc.Agreement
	got := map[string]string{}
	var ids []string
	for _, c := range a.Clauses {
		got[c.ID] = c.Text
		ids = append(ids, c.ID)
	}
	for id, want := range map[string]string{
		"1":      "1. Provider Duties",
		"1.1":    "1.1. Harbourline keeps the hosting platform available",
		"1.2":    "1.2. Harbourline tells the Customer of any change",
		"1.3":    "1.3. If Harbourline learns that a Customer site",
		"1.3(a)": "a) tells the Customer by email within forty-eight hours",
		"1.3(b)": "b) names in that email the sites reached",
		"1.4":    "1.4. Harbourline keeps a copy of every site",
		"1.5":    "1.5. Harbourline pays for the repair",
		"2":      "2. Customer Duties",
		"2.1":    "2.1. The Customer keeps its passwords secret",
		"2.2":    "2.2. The Customer pays each invoice",
	} {
		if !strings.HasPrefix(got[id], want) {
			t.Errorf("clause %s = %q, want it to open %q (clauses %s)", id, got[id], want, strings.Join(ids, "|"))
		}
	}
	if strings.Contains(got["1.2"], "1.3.") || strings.HasSuffix(got["2.2"], "2.2.") {
		t.Errorf("a number left at the end of the item before it: 1.2 = %q, 2.2 = %q", got["1.2"], got["2.2"])
	}
	if strings.Contains(got["2"], "Harbourline keeps a copy") {
		t.Errorf("section 1's carried-over items read under section 2: %q", got["2"])
	}
}

// placedLine is a one-run horizontal line of text at (x, y).
func placedLine(text string, x, y, size float64) textLine {
	return textLine{text: text, across: y, size: size, dx: 1, runs: []textRun{{0, x, x + 0.5*size*float64(len(text))}},
		glyphs: letterCount(text), lead: 0}
}

// TestMarginNumberMarks: what counts as a list number drawn apart from
// its item, and that a number drawn before a line (a table's number
// column) or a bare figure stays where it is.
func TestMarginNumberMarks(t *testing.T) {
	for s, want := range map[string]bool{
		"8.": true, "8.1.": true, "8.1": true, "10.2.13.": true, "a)": true, "(a)": true, "(iv)": true, "iv.": true, "A.": true,
		"7": false, "2024": false, "Inc.": false, "1.5%": false, "a": false, "Section": false,
	} {
		if got := loneNumber(placedLine(s, 60, 700, 11)); got != want {
			t.Errorf("loneNumber(%q) = %v, want %v", s, got, want)
		}
	}
	item := placedLine("The Tenant keeps the hall clean.", 90, 700, 11)
	num := placedLine("3.", 60, 700, 11)
	if got := attachMarkers([]textLine{item, num}); len(got) != 1 || got[0].text != "3. The Tenant keeps the hall clean." {
		t.Errorf("a number drawn after its item: %+v", got)
	}
	if got := attachMarkers([]textLine{num, placedLine("Row text", 200, 650, 11), item}); len(got) != 3 {
		t.Errorf("a number drawn before the line beside it was moved: %+v", got)
	}
}

// TestLeadFirstKeepsOrder: a two-column page drawn column by column and a
// heading drawn first beside other text are left in stream order.
func TestLeadFirstKeepsOrder(t *testing.T) {
	var cols []textLine
	for _, x := range []float64{60, 320} {
		for y := 700.0; y > 500; y -= 16 {
			cols = append(cols, placedLine("words of a column of running text", x, y, 11))
		}
	}
	if got := leadFirst(append([]textLine(nil), cols...)); !sameTexts(got, cols) {
		t.Errorf("a two-column page was reordered")
	}
	// A heading drawn first at a baseline the body also uses.
	head := placedLine("3. Fees", 60, 604, 15)
	lines := append([]textLine{head}, cols...)
	if got := leadFirst(append([]textLine(nil), lines...)); got[0].text != "3. Fees" {
		t.Errorf("a heading beside other text was moved: %q", got[0].text)
	}
}

func sameTexts(a, b []textLine) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].text != b[i].text || a[i].across != b[i].across {
			return false
		}
	}
	return true
}

package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bulletsLastFixture: an invented one-page terms of use printed the way
// browsers print HTML lists: every line of text first, then the list
// markers ("•", byte 0x95 in WinAnsi) each on its item's baseline, left of
// it. The headings are plain Title Case lines set apart by blank space.
func bulletsLastFixture() [][]sized {
	var p []sized
	y := 740.0
	add := func(x float64, gap bool, s string) {
		if gap {
			y -= 12
		}
		p = append(p, sized{x, y, 11, s})
		y -= 14
	}
	add(72, false, "Terms of Use")
	add(72, true, "Use of the Catalogue")
	add(72, true, "By opening the Brindlemoor catalogue you accept these terms of use in full,")
	add(72, false, "as they stand on the day you open it, and the reading room rules that go")
	add(72, false, "with them for as long as you keep your badge.")
	add(72, true, "Member Duties")
	add(72, true, "Members agree to:")
	items := []float64{}
	for _, s := range []string{
		"Keep their login details private",
		"Report any lost badge to the front desk",
		"Return borrowed maps in the same state",
	} {
		if len(items) == 0 {
			y -= 12
		}
		items = append(items, y)
		add(90, false, s)
	}
	add(72, true, "Members remain responsible for what is done under their badge, whether")
	add(72, false, "or not they were in the reading room at the time.")
	add(72, true, "Changes to the Terms")
	add(72, true, "Brindlemoor may revise these terms from time to time and will post the")
	add(72, false, "new text on the board of the reading room a week before it applies.")
	add(72, true, "Questions about these terms go to the front desk of the reading room, which")
	add(72, false, "answers them in writing within ten working days of receiving them, and")
	add(72, false, "keeps a copy of each answer with the catalogue records so that any member")
	add(72, false, "can read the answers given to others, with the names of the members who")
	add(72, false, "asked them taken out, at any time during the opening hours of the room.")
	for _, iy := range items {
		p = append(p, sized{80, iy, 11, "\x95"})
	}
	return [][]sized{p}
}

// TestPDFBulletsDrawnLast reads testdata/bullets-last.pdf (written from
// bulletsLastFixture with -update): each marker stays at the start of its
// item, no marker is left after the page's text, the items are no
// headings and the Title Case headings between blank lines are.
func TestPDFBulletsDrawnLast(t *testing.T) {
	in := filepath.Join("testdata", "bullets-last.pdf")
	if *update {
		if err := os.WriteFile(in, makeSizedPDF(bulletsLastFixture()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := pdfParser{}.Parse(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := doc.Agreement
	text := a.Pages[0].Text
	if want := "Members agree to:\n\n• Keep their login details private\n• Report any lost badge"; !strings.Contains(text, want) {
		t.Errorf("text lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "\n•\n") || strings.HasSuffix(text, "•") {
		t.Errorf("a lone marker is left:\n%s", text)
	}
	var ids []string
	for _, c := range a.Clauses {
		ids = append(ids, c.ID)
	}
	got := strings.Join(ids, "|")
	for _, want := range []string{`"Use of the Catalogue"`, `"Member Duties"`, `"Changes to the Terms"`} {
		if !strings.Contains(got, want) {
			t.Errorf("no clause %s among %s", want, got)
		}
	}
	if strings.Contains(got, "Keep their") {
		t.Errorf("a list item read as a heading: %s", got)
	}
}

package extract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sized is one string drawn at (x, y) in Helvetica of the given size (no
// /Widths: every glyph is 0.5 em wide to the walker).
type sized struct {
	x, y, size float64
	text       string
}

// makeSizedPDF writes a PDF of one page per element of pages, each
// drawing its items in the given order.
func makeSizedPDF(pages [][]sized) []byte {
	esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.4\n")
	var kids []string
	for i := range pages {
		kids = append(kids, fmt.Sprintf("%d 0 R", 4+2*i))
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, items := range pages {
		var c bytes.Buffer
		for _, it := range items {
			fmt.Fprintf(&c, "BT /F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET\n", it.size, it.x, it.y, esc.Replace(it.text))
		}
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i))
		obj(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// spacedHeading draws "S ECTION n" as a small-caps heading does: a 12 pt
// capital, then the rest of the word in 9 pt 1.5 pt after it (more than
// the walker's word gap, a letter space), then the number after a space.
func spacedHeading(x, y float64, word string, n int) []sized {
	rest := word[1:]
	x1 := x + 6 + 1.5
	x2 := x1 + 4.5*float64(len(rest)) + 4
	return []sized{{x, y, 12, word[:1]}, {x1, y, 9, rest}, {x2, y, 9, fmt.Sprint(n)}}
}

// columnsFixture: an invented two-page processing addendum. Page 1: a
// title, a parties panel drawn last into the gap under it, a full-width
// clause, then two columns drawn column by column (a list without final
// stops at the foot of the left column, a notice clause at the head of the
// right one) and a full-width footer. Page 2: one column with a prose line
// in capitals ("A SECTION ...") that must keep its spaces.
func columnsFixture() [][]sized {
	var p1 []sized
	p1 = append(p1, sized{72, 740, 14, "Hollowmere Processing Addendum"})
	p1 = append(p1, spacedHeading(72, 640, "SECTION", 1)...)
	p1 = append(p1, sized{72, 626, 10, "Hollowmere processes account records only to run the hosted ledger service for the Client."})
	p1 = append(p1, spacedHeading(72, 600, "SECTION", 2)...)
	left := []string{
		"Protective measures",
		"Disk encryption with rotated keys",
		"Network filtering at every boundary",
		"Named accounts for every operator",
		"Quarterly restore drills of backups",
	}
	for i, s := range left {
		p1 = append(p1, sized{72, float64(586 - 12*i), 10, s})
	}
	p1 = append(p1, spacedHeading(320, 600, "SECTION", 3)...)
	right := []string{
		"Hollowmere will tell the Client of a",
		"confirmed intrusion into its systems",
		"within forty-eight hours of learning",
		"of it, and will describe what it knows.",
		"The Client names one contact for this.",
	}
	for i, s := range right {
		p1 = append(p1, sized{320, float64(586 - 12*i), 10, s})
	}
	p1 = append(p1, sized{72, 60, 8, "Hollowmere Processing Addendum - invented text for tests - page one of two"})
	// The parties panel, drawn last, between the title and Section 1.
	p1 = append(p1,
		sized{72, 700, 10, "PROVIDER: Hollowmere Ledger Works Ltd"},
		sized{320, 700, 10, "CLIENT: Quillbrook Cooperative Bank"},
		sized{72, 686, 10, "registered at 4 Tanner Row, Elmsby"},
		sized{320, 686, 10, "registered at 9 Mill Lane, Osterby"})
	var p2 []sized
	p2 = append(p2, spacedHeading(72, 740, "ARTICLE", 4)...)
	p2 = append(p2,
		sized{72, 726, 10, "A SECTION OF THIS ADDENDUM MAY BE AMENDED ONLY IN WRITING SIGNED BY BOTH PARTIES."},
		sized{72, 714, 10, "Each party keeps a signed copy of every amendment with this addendum."})
	return [][]sized{p1, p2}
}

// TestPDFReadingOrderFixture reads testdata/columns-two.pdf (written from
// columnsFixture with -update) and compares the extract's JSON with its
// golden file.
func TestPDFReadingOrderFixture(t *testing.T) {
	in := filepath.Join("testdata", "columns-two.pdf")
	golden := filepath.Join("testdata", "columns-two.golden.json")
	if *update {
		if err := os.WriteFile(in, makeSizedPDF(columnsFixture()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := pdfParser{}.Parse(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	matchGolden(t, golden, doc.Agreement)
	// The points the golden file pins down, spelled out.
	text := doc.Agreement.Pages[0].Text + "\n" + doc.Agreement.Pages[1].Text
	for _, want := range []string{
		"SECTION 1", "SECTION 2", "SECTION 3", "ARTICLE 4",
		"Quarterly restore drills of backups\n\nSECTION 3",
		"Hollowmere Processing Addendum\n\nPROVIDER",
		"A SECTION OF THIS ADDENDUM",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "S ECTION") || strings.Contains(text, "A RTICLE") {
		t.Errorf("letter-spaced heading not joined:\n%s", text)
	}
	var ids []string
	for _, c := range doc.Agreement.Clauses {
		ids = append(ids, c.ID)
	}
	if s := strings.Join(ids, " "); !strings.Contains(s, "1 2 3") {
		t.Errorf("clauses %q, want sections 1 to 3 in order", s)
	}
	for _, w := range doc.Agreement.Warnings {
		if strings.Contains(w, "reading order") {
			t.Errorf("a page read in a clean order is warned about: %s", w)
		}
	}
}

func TestJoinSpacedCaps(t *testing.T) {
	// runs: text, start, end; size 10.
	line := func(parts ...any) textLine {
		l := textLine{size: 10, dx: 1}
		for i := 0; i < len(parts); i += 3 {
			if l.text != "" {
				l.text += " "
			}
			l.runs = append(l.runs, textRun{len(l.text), parts[i+1].(float64), parts[i+2].(float64)})
			l.text += parts[i].(string)
		}
		l.lead = len(l.text)
		return l
	}
	for _, tt := range []struct {
		name string
		l    textLine
		want string
	}{
		{"letter space", line("S", 0.0, 6.0, "ECTION", 7.5, 34.0, "7", 38.0, 43.0), "SECTION 7"},
		{"alone", line("D", 0.0, 6.0, "EFINITIONS", 7.0, 50.0), "DEFINITIONS"},
		{"word space", line("A", 0.0, 6.0, "SECTION", 9.0, 40.0, "OF", 43.0, 52.0), "A SECTION OF"},
		{"tight but even", line("A", 0.0, 6.0, "SECTION", 7.5, 40.0, "OF", 41.5, 50.0), "A SECTION OF"},
		{"wide gap alone", line("I", 0.0, 6.0, "AGREE", 9.0, 30.0), "I AGREE"},
		{"lower case after", line("A", 0.0, 6.0, "Section", 7.0, 40.0), "A Section"},
		{"two letters", line("AB", 0.0, 12.0, "CD", 13.0, 24.0), "AB CD"},
	} {
		l := tt.l
		joinSpacedCaps(&l)
		if l.text != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, l.text, tt.want)
		}
		for k, r := range l.runs {
			if k > 0 && l.text[r.off-1] != ' ' {
				t.Errorf("%s: run %d offset %d does not follow a space in %q", tt.name, k, r.off, l.text)
			}
		}
	}
}

func TestOrderDoubt(t *testing.T) {
	col := func(x float64, y0 float64, n int, text string) []textLine {
		var out []textLine
		for i := range n {
			out = append(out, textLine{text: text, across: y0 - 12*float64(i), size: 10, dx: 1, glyphs: len(text),
				runs: []textRun{{0, x, x + 5*float64(len(text))}}})
		}
		return out
	}
	body := "The provider keeps the records"
	// Column by column: a column break, no doubt.
	clean := append(col(72, 700, 8, body), col(320, 700, 8, body)...)
	if orderDoubt(clean) {
		t.Error("two clean columns are doubted")
	}
	// A paragraph drawn after the text below it, in the same column.
	late := append(append(append(col(72, 760, 1, body), col(72, 500, 8, body)...), col(72, 700, 4, body)...), col(72, 200, 2, body)...)
	if !orderDoubt(late) {
		t.Error("a paragraph drawn out of order is not doubted")
	}
	// Text drawn over text on one baseline.
	over := append(col(72, 700, 6, body), col(80, 664, 1, body)...)
	if !orderDoubt(over) {
		t.Error("overlapping lines are not doubted")
	}
	// Bullets drawn after their items: no letters, no doubt.
	bullets := append(col(80, 700, 8, body), col(72, 700, 8, "•")...)
	if orderDoubt(append(bullets, col(72, 500, 1, body)...)) {
		t.Error("bullets drawn after their items are doubted")
	}
}

// FuzzJoinSpacedCaps: whatever the words and gaps, joining only drops
// spaces, and every run after the first still follows a space.
func FuzzJoinSpacedCaps(f *testing.F) {
	f.Add("S ECTION 7", 1.5)
	f.Add("A SECTION OF THIS", 1.0)
	f.Add("É TAT É TÉ", 0.5)
	f.Fuzz(func(t *testing.T, s string, gap float64) {
		words := strings.Fields(s)
		if len(words) == 0 || len(words) > 40 || !(gap >= 0 && gap < 100) {
			return
		}
		l := textLine{size: 10, dx: 1}
		x := 0.0
		for _, w := range words {
			if l.text != "" {
				l.text += " "
			}
			l.runs = append(l.runs, textRun{len(l.text), x, x + 5*float64(len(w))})
			l.text += w
			x += 5*float64(len(w)) + gap
		}
		l.lead = len(l.text)
		before := l.text
		joinSpacedCaps(&l)
		if strings.ReplaceAll(l.text, " ", "") != strings.ReplaceAll(before, " ", "") || l.lead > len(l.text) {
			t.Fatalf("%q became %q (lead %d)", before, l.text, l.lead)
		}
		for k, r := range l.runs {
			if r.off > len(l.text) || k > 0 && (r.off == 0 || l.text[r.off-1] != ' ') {
				t.Fatalf("%q: run %d at %d", l.text, k, r.off)
			}
		}
	})
}

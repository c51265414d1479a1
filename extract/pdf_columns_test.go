package extract

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// placed is one text string drawn at (x, y) in 10 pt Helvetica (no
// /Widths, so every glyph is 0.5 em wide to the walker).
type placed struct {
	x, y float64
	text string
}

// makeLayoutPDF writes a one-page PDF that draws items in the given order.
func makeLayoutPDF(items []placed) []byte {
	var c bytes.Buffer
	esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	for _, it := range items {
		fmt.Fprintf(&c, "BT /F1 10 Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET\n", it.x, it.y, esc.Replace(it.text))
	}
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [4 0 R] /Count 1 >>")
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>")
	obj(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()))
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// layoutText reads the page of a makeLayoutPDF file as the parser does,
// and whether it was read as two columns.
func layoutText(t *testing.T, items []placed) (string, bool) {
	t.Helper()
	b := makeLayoutPDF(items)
	r, err := openPDF(bytes.NewReader(b), int64(len(b)), "")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := collectPages(r, newBudget())
	if err != nil || len(pages) != 1 {
		t.Fatalf("pages: %v %d", err, len(pages))
	}
	w, err := walkPageLines(pages[0], newFontCache())
	if err != nil {
		t.Fatal(err)
	}
	text := w.layout()
	// The parser's path gives the same text.
	if got, _, _ := walkPage(pages[0], newFontCache()); got != text {
		t.Fatalf("walkPage and layout differ:\n%s\n---\n%s", got, text)
	}
	return text, w.columns
}

// Column text: at most 42 glyphs (210 pt) per line, so a 72-282 left
// column and a 320-530 right one leave a 38 pt (3.8 em) gutter.
var (
	leftColumn = []string{
		"1. Scope",
		"The Provider supplies the hosted services",
		"described in the order form to the",
		"Customer for the term of this agreement.",
		"",
		"2. Security",
		"The Provider keeps appropriate technical",
		"and organisational measures in place.",
		"",
		"3. Incidents",
		"The Customer shall report any incident",
		"to the Provider without undue delay and",
		"cooperate with its investigation.",
		"",
		"4. Audit",
		"The Customer may audit the Provider once",
		"a year on thirty days written notice.",
	}
	rightColumn = []string{
		"5. Subprocessors",
		"Provider will notify the Customer of any",
		"new subprocessor thirty days in advance",
		"and the Customer may object in writing.",
		"",
		"6. Term",
		"This agreement runs for one year and is",
		"renewed each year unless terminated.",
		"",
		"7. Termination",
		"Either party may end this agreement on",
		"ninety days notice to the other party.",
		"",
		"8. Law",
		"This agreement is governed by the laws",
		"of the State of Oregon in all respects.",
	}
)

const colLeftX, colRightX, colTop, colLead = 72, 320, 700, 12

func rowByRow(title string) []placed {
	var items []placed
	if title != "" {
		items = append(items, placed{306 - 2.5*float64(len(title)), 740, title})
	}
	for i := 0; i < max(len(leftColumn), len(rightColumn)); i++ {
		y := float64(colTop - colLead*i)
		if i < len(leftColumn) && leftColumn[i] != "" {
			items = append(items, placed{colLeftX, y, leftColumn[i]})
		}
		if i < len(rightColumn) && rightColumn[i] != "" {
			items = append(items, placed{colRightX, y, rightColumn[i]})
		}
	}
	return items
}

func columnByColumn(title string) []placed {
	var items []placed
	if title != "" {
		items = append(items, placed{306 - 2.5*float64(len(title)), 740, title})
	}
	for k, col := range [][]string{leftColumn, rightColumn} {
		for i, s := range col {
			if s != "" {
				items = append(items, placed{[]float64{colLeftX, colRightX}[k], float64(colTop - colLead*i), s})
			}
		}
	}
	return items
}

func pageClauseIDs(text string) []string {
	return clauseIDs(SplitClauses([]Page{{Number: 1, Text: text}}, true))
}

func TestPDFColumnsRowByRow(t *testing.T) {
	text, cols := layoutText(t, rowByRow(""))
	if !cols {
		t.Errorf("two-column page not detected:\n%s", text)
	}
	want := strings.Join(leftColumn, "\n") + "\n\n" + strings.Join(rightColumn, "\n")
	if text != want {
		t.Errorf("got\n%s\n--- want\n%s", text, want)
	}
	if ids := strings.Join(pageClauseIDs(text), " "); ids != "1 2 3 4 5 6 7 8" {
		t.Errorf("clauses %q, want 1..8 in order", ids)
	}
}

func TestPDFColumnsColumnByColumn(t *testing.T) {
	rows, _ := layoutText(t, rowByRow(""))
	text, _ := layoutText(t, columnByColumn(""))
	if text != rows {
		t.Errorf("column by column:\n%s\n--- row by row:\n%s", text, rows)
	}
	if ids := strings.Join(pageClauseIDs(text), " "); ids != "1 2 3 4 5 6 7 8" {
		t.Errorf("clauses %q, want 1..8 in order", ids)
	}
}

func TestPDFColumnsTitle(t *testing.T) {
	const title = "MASTER SERVICES AGREEMENT BETWEEN THE CUSTOMER AND THE PROVIDER"
	for name, items := range map[string][]placed{"rows": rowByRow(title), "columns": columnByColumn(title)} {
		text, _ := layoutText(t, items)
		want := title + "\n\n" + strings.Join(leftColumn, "\n") + "\n\n" + strings.Join(rightColumn, "\n")
		if text != want {
			t.Errorf("%s: got\n%s\n--- want\n%s", name, text, want)
		}
	}
}

// A footer across the gutter closes the column block and stays last.
func TestPDFColumnsFooter(t *testing.T) {
	const footer = "Confidential - Page 1 of 1 - Master Services Agreement Version 2"
	items := append(rowByRow(""), placed{306 - 2.5*float64(len(footer)), 60, footer})
	text, cols := layoutText(t, items)
	want := strings.Join(leftColumn, "\n") + "\n\n" + strings.Join(rightColumn, "\n") + "\n\n" + footer
	if !cols || text != want {
		t.Errorf("columns %v, got\n%s\n--- want\n%s", cols, text, want)
	}
}

// walkedLines is the text the walker gives before layout: one line per
// baseline, in content order (what pages were before column reading).
func walkedLines(t *testing.T, items []placed) string {
	t.Helper()
	b := makeLayoutPDF(items)
	r, err := openPDF(bytes.NewReader(b), int64(len(b)), "")
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := collectPages(r, newBudget())
	w, err := walkPageLines(pages[0], newFontCache())
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, l := range w.lines {
		s = append(s, l.text)
	}
	return strings.Join(s, "\n")
}

func TestPDFColumnsSingleColumnUnchanged(t *testing.T) {
	// A wide justified paragraph: 90 glyphs (450 pt) a line, words spread
	// with Tw; no gutter.
	words := strings.Fields("The Provider shall maintain the confidentiality integrity and availability of Customer Data and shall implement " +
		"appropriate technical and organisational measures to protect Customer Data against accidental or unlawful destruction loss " +
		"alteration unauthorised disclosure or access in accordance with applicable data protection law and the security annex " +
		"attached to this agreement which the parties shall review at least once every twelve months and update as needed")
	var lines []string
	var cur string
	for _, w := range words {
		if len(cur)+1+len(w) > 86 {
			lines = append(lines, cur)
			cur = w
		} else if cur == "" {
			cur = w
		} else {
			cur += " " + w
		}
	}
	lines = append(lines, cur)
	var items []placed
	for i, l := range lines {
		// Justify: stretch the spaces so each line but the last fills 450 pt.
		if i < len(lines)-1 {
			l = strings.ReplaceAll(l, " ", "  ")
			for len(l) < 90 {
				l = strings.Replace(l, "  ", "   ", 1)
			}
		}
		items = append(items, placed{72, float64(700 - 12*i), l})
	}
	for i := 0; i < 3; i++ { // more lines so that the page has enough
		items = append(items, items[i])
		items[len(items)-1].y -= float64(12 * (len(lines) + 1 + i))
	}
	text, cols := layoutText(t, items)
	if cols {
		t.Errorf("single-column page read as two columns:\n%s", text)
	}
	if strings.Count(text, "\n") < len(lines) || !strings.HasPrefix(text, "The Provider shall maintain") {
		t.Errorf("unexpected text:\n%s", text)
	}
	if got, want := strings.ReplaceAll(text, "\n\n", "\n"), walkedLines(t, items); got != want {
		t.Errorf("lines changed:\n%s\n--- walked:\n%s", got, want)
	}
}

func TestPDFColumnsTableRowsKept(t *testing.T) {
	rows := [][3]string{
		{"Name", "Service", "Location"},
		{"Acme Corp", "Hosting", "Frankfurt Germany"},
		{"Blue Cloud Ltd", "Backups", "Dublin Ireland"},
		{"Mailer Inc", "Email delivery", "Virginia USA"},
		{"Payly", "Payments", "Amsterdam Netherlands"},
		{"Loggr", "Log storage", "Oregon USA"},
		{"Supportly", "Ticketing", "Sydney Australia"},
		{"Analytix", "Product analytics", "Paris France"},
		{"Searchy", "Search index", "Tokyo Japan"},
	}
	var items []placed
	var want []string
	for i, r := range rows {
		y := float64(700 - 14*i)
		for k, x := range []float64{72, 250, 430} {
			items = append(items, placed{x, y, r[k]})
		}
		want = append(want, strings.Join(r[:], " "))
	}
	text, cols := layoutText(t, items)
	if cols || text != strings.Join(want, "\n") {
		t.Errorf("columns %v, got\n%s\n--- want\n%s", cols, text, strings.Join(want, "\n"))
	}
	// A two-column table of short labels and long values stays row by row.
	items = items[:0]
	want = want[:0]
	for i := 0; i < 10; i++ {
		y := float64(700 - 14*i)
		l, r := fmt.Sprintf("Item %d", i+1), fmt.Sprintf("The vendor provides service number %d to the customer", i+1)
		items = append(items, placed{72, y, l}, placed{250, y, r})
		want = append(want, l+" "+r)
	}
	text, cols = layoutText(t, items)
	if cols || text != strings.Join(want, "\n") {
		t.Errorf("key/value table: columns %v, got\n%s", cols, text)
	}
}

// TestPDFColumnsCorpus logs which corpus pages are read as two columns.
func TestPDFColumnsCorpus(t *testing.T) {
	for _, f := range corpusPDFs(t) {
		b := mustRead(t, f)
		r, err := openPDF(bytes.NewReader(b), int64(len(b)), "")
		if err != nil {
			continue // encrypted or needs repair: not this test's business
		}
		pages, err := collectPages(r, newBudget())
		if err != nil {
			continue
		}
		fc := newFontCache()
		var cols []int
		for i, p := range pages {
			var w *walker
			if try(func() error {
				if err := checkStreams(p, newBudget(), nil, nil, nil); err != nil {
					return err
				}
				var err error
				w, err = walkPageLines(p, fc)
				return err
			}) != nil || w == nil {
				continue
			}
			if w.layout(); w.columns {
				cols = append(cols, i+1)
			}
		}
		if len(cols) > 0 {
			t.Logf("%s: two-column pages %v", filepath.Base(f), cols)
		}
	}
}

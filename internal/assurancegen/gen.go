// Package assurancegen writes the fictional assurance reports the tests
// read (a SOC 2 Type II with a qualified opinion, a SOC 3, an ISO/IEC 27001
// certificate, a bridge letter), as PDF (with go-pdf/fpdf) or Markdown,
// from one description of each document. The reports follow the AICPA
// layout: I management's assertion, II the auditor's report, III the
// description of the system with its CUECs and subservice organizations,
// IV the criteria, controls, tests and results (a table that spans pages,
// its header repeated), V other information. Every word is ssrm's own.
package assurancegen

import (
	"fmt"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// Block kinds.
const (
	Title   = "title"   // large centred line
	H1      = "h1"      // section heading, starts a page in PDF
	H2      = "h2"      // sub-heading
	Para    = "p"       // paragraph
	Table   = "table"   // Rows[0] is the header, repeated on each page
	Line    = "line"    // a short line, kept as it is (signatures, labels)
	NewPage = "newpage" // page break in PDF
)

// Block is one element of a document.
type Block struct {
	Kind   string
	Text   string
	Rows   [][]string
	Widths []float64 // table column widths in mm (sum 160)
}

// Doc is a document: a title for the PDF metadata and its blocks.
type Doc struct {
	Name   string
	Blocks []Block
}

var stamp = time.Date(2026, 5, 20, 0, 0, 0, 0, time.UTC)

// PDF writes d as an A4 PDF at path, with a page footer; tables break
// between rows and repeat their header row on each page.
func PDF(d Doc, path string) error {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCreationDate(stamp)
	p.SetModificationDate(stamp)
	p.SetCatalogSort(true)
	p.SetTitle(d.Name, false)
	p.SetMargins(25, 20, 25)
	p.SetAutoPageBreak(true, 22)
	p.SetFooterFunc(func() {
		p.SetY(-14)
		p.SetFont("Helvetica", "", 8)
		p.CellFormat(0, 8, fmt.Sprintf("Page %d", p.PageNo()), "", 0, "C", false, 0, "")
	})
	p.AddPage()
	tr := p.UnicodeTranslatorFromDescriptor("")
	for i, b := range d.Blocks {
		switch b.Kind {
		case Title:
			p.SetFont("Helvetica", "B", 16)
			p.MultiCell(0, 8, tr(b.Text), "", "C", false)
			p.Ln(3)
		case H1:
			if i > 0 {
				p.AddPage()
			}
			p.SetFont("Helvetica", "B", 14)
			p.MultiCell(0, 7, tr(b.Text), "", "L", false)
			p.Ln(3)
		case H2:
			p.Ln(2)
			p.SetFont("Helvetica", "B", 11.5)
			p.MultiCell(0, 6, tr(b.Text), "", "L", false)
			p.Ln(1)
		case Para:
			p.SetFont("Helvetica", "", 9.5)
			p.MultiCell(0, 5, tr(b.Text), "", "J", false)
			p.Ln(2.5)
		case Line:
			p.SetFont("Helvetica", "", 9.5)
			p.MultiCell(0, 5, tr(b.Text), "", "L", false)
		case NewPage:
			p.AddPage()
		case Table:
			table(p, tr, b)
		}
	}
	return p.OutputFileAndClose(path)
}

// table draws b's rows as columns of wrapped cells; a row that does not fit
// goes to the next page, after the header row again.
func table(p *fpdf.Fpdf, tr func(string) string, b Block) {
	const lh = 4.4
	height := func(row []string) float64 {
		h := 0.0
		for i, c := range row {
			if n := float64(len(p.SplitLines([]byte(tr(c)), b.Widths[i]-2))) * lh; n > h {
				h = n
			}
		}
		return h + 2
	}
	draw := func(row []string, bold bool) {
		style := ""
		if bold {
			style = "B"
		}
		p.SetFont("Helvetica", style, 8.5)
		h := height(row)
		x0, y0 := p.GetX(), p.GetY()
		x := x0
		for i, c := range row {
			p.SetXY(x, y0)
			p.MultiCell(b.Widths[i], lh, tr(c), "", "L", false)
			x += b.Widths[i]
		}
		p.SetXY(x0, y0+h)
	}
	p.SetFont("Helvetica", "B", 8.5)
	_, pageH := p.GetPageSize()
	_, _, _, bottom := p.GetMargins()
	draw(b.Rows[0], true)
	for _, row := range b.Rows[1:] {
		p.SetFont("Helvetica", "", 8.5)
		if p.GetY()+height(row) > pageH-bottom-4 {
			p.AddPage()
			draw(b.Rows[0], true)
		}
		draw(row, false)
	}
	p.Ln(3)
}

// Markdown renders d as Markdown: headings with "#", tables as pipe rows.
func Markdown(d Doc) string {
	var s strings.Builder
	for _, b := range d.Blocks {
		switch b.Kind {
		case Title:
			fmt.Fprintf(&s, "**%s**\n\n", b.Text)
		case H1:
			fmt.Fprintf(&s, "# %s\n\n", b.Text)
		case H2:
			fmt.Fprintf(&s, "## %s\n\n", b.Text)
		case Para:
			fmt.Fprintf(&s, "%s\n\n", b.Text)
		case Line:
			fmt.Fprintf(&s, "%s\n\n", b.Text)
		case Table:
			for i, r := range b.Rows {
				fmt.Fprintf(&s, "| %s |\n", strings.Join(r, " | "))
				if i == 0 {
					fmt.Fprintf(&s, "|%s\n", strings.Repeat("---|", len(r)))
				}
			}
			s.WriteString("\n")
		}
	}
	return s.String()
}

package extract

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// Images in a Word document's body are not read (--ocr reads PDF pages
// only): an exhibit pasted in as page images (a scanned security standard)
// reads as an empty clause. The reader names such images, where they sit
// and how many, in Agreement.Warnings and Agreement.ImageParts, as the PDF
// reader names a page without a text layer, so that a report says the
// result is partial.

// UnreadImagesWarning is in the warning that names images of a Word
// document whose text was not read.
const UnreadImagesWarning = "without a text layer were not read"

// ImagePart is a place in a document without pages (a DOCX) that holds
// images and no text around them: their text, if any, was not read.
type ImagePart struct {
	// Clause is the ID of the clause the images sit in ("Exhibit 3"), ""
	// when none holds them.
	Clause string `json:"clause"`
	// Place names it for a reader: "§Exhibit 3", or the line before.
	Place  string `json:"place"`
	Images int    `json:"images"`
}

// docxImageMin is the smallest image, in EMU, both ways, that may hold
// text worth reading (2.5 inches): a logo or a signature is smaller.
const docxImageMin = 2286000

// docxImageSpot is a paragraph holding images: at is where its text
// starts in the walker's output, anchor the paragraph's own first line or
// the last line before it.
type docxImageSpot struct {
	at     int
	n      int
	anchor string
}

// docxImages is the walker's state for images: the size of the drawing
// being read, and the spots found.
type docxImages struct {
	cx, cy int64
	spots  []docxImageSpot
}

// image notes an element of a drawing: its extent (wp:extent) or its
// picture (a:blip, v:imagedata), counted on the paragraph when large
// enough or of unknown size.
func (w *docxWalker) image(t xml.StartElement, para *docxPara) {
	switch t.Name.Local {
	case "extent":
		w.img.cx, _ = strconv.ParseInt(attr(t, "cx"), 10, 64)
		w.img.cy, _ = strconv.ParseInt(attr(t, "cy"), 10, 64)
	case "blip", "imagedata":
		big := w.img.cx == 0 && w.img.cy == 0 || w.img.cx >= docxImageMin && w.img.cy >= docxImageMin
		if para != nil && big && (attr(t, "embed") != "" || attr(t, "id") != "") {
			para.images++
		}
		w.img.cx, w.img.cy = 0, 0
	}
}

// imageSpot records a paragraph with images before it is written.
func (w *docxWalker) imageSpot(p *docxPara, text string) {
	if p.images == 0 {
		return
	}
	anchor := ""
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			anchor = l
			break
		}
	}
	if anchor == "" {
		out := strings.TrimRight(w.out.String(), "\n ")
		anchor = strings.TrimSpace(out[strings.LastIndex(out, "\n")+1:])
	}
	w.img.spots = append(w.img.spots, docxImageSpot{at: w.out.Len(), n: p.images, anchor: anchor})
}

// imageParts groups the spots with no running text between them and
// names the clause each group sits in: the last clause holding its anchor
// as a line.
func imageParts(text string, spots []docxImageSpot, clauses []Clause) []ImagePart {
	var out []ImagePart
	var anchors []string
	for i, s := range spots {
		if i > 0 && runningWords(text[spots[i-1].at:s.at]) < MinRunningWords {
			out[len(out)-1].Images += s.n
			continue
		}
		out = append(out, ImagePart{Images: s.n})
		anchors = append(anchors, s.anchor)
	}
	for i := range out {
		a := headLine(anchors[i])
		for j := len(clauses) - 1; j >= 0 && a != ""; j-- {
			if hasLine(clauses[j].Text, a) {
				out[i].Clause = clauses[j].ID
				break
			}
		}
		switch {
		case out[i].Clause != "":
			out[i].Place = "§" + out[i].Clause
		case a != "":
			out[i].Place = fmt.Sprintf("the part after %q", clipRunes(a, 60))
		default:
			out[i].Place = "the start of the document"
		}
	}
	return out
}

// imageWarning is the warning for a part whose images were not read.
func imageWarning(p ImagePart) string {
	n := "1 image"
	if p.Images > 1 {
		n = strconv.Itoa(p.Images) + " images"
	}
	return fmt.Sprintf("%s holds %s and no text around them: images %s (scanned pages?), so the findings come from the document's text only; OCR of a Word document's images is not done (--ocr reads PDF pages): check that part by hand",
		p.Place, n, UnreadImagesWarning)
}

// headLine is a line as a clause's text holds it: without a Markdown
// heading's marks.
func headLine(s string) string {
	return strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), "#"))
}

func hasLine(text, line string) bool {
	for _, l := range strings.Split(text, "\n") {
		if headLine(l) == line {
			return true
		}
	}
	return false
}

func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "..."
	}
	return s
}

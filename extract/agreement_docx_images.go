package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Images in a Word document's body have no text layer: an exhibit pasted
// in as page images (a scanned security standard) reads as an empty
// clause. The reader names such images, where they sit and how many, in
// Agreement.Warnings and Agreement.ImageParts, as the PDF reader names a
// page without a text layer, so that a report says the result is partial;
// --ocr reads them with tesseract and puts their text where they sit.

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
	// OCR: their text was read by OCR (Options.OCR) and stands where
	// they sit.
	OCR bool `json:"ocr,omitempty"`
}

// docxImageMin is the smallest image, in EMU, both ways, that may hold
// text worth reading (2.5 inches): a logo or a signature is smaller.
const docxImageMin = 2286000

// docxImagePageW and docxImagePageH are the least width and height, in
// EMU, of an image the size of a page's text block (4.5 by 6 inches): a
// scanned page pasted in, not a figure in running prose.
const (
	docxImagePageW = 4114800
	docxImagePageH = 5486400
)

// docxImageSpot is a paragraph holding images: at is where its text
// starts in the walker's output, anchor the paragraph's own first line or
// the last line before it.
type docxImageSpot struct {
	at     int
	n      int
	pages  int      // how many are page-sized
	ids    []string // the images' relationship IDs
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
		if id := attr(t, "embed") + attr(t, "id"); para != nil && big && id != "" {
			para.images = append(para.images, id)
			if w.img.cx >= docxImagePageW && w.img.cy >= docxImagePageH {
				para.pageImgs++
			}
		}
		w.img.cx, w.img.cy = 0, 0
	}
}

// imageSpot records a paragraph with images before it is written.
func (w *docxWalker) imageSpot(p *docxPara, text string) {
	if len(p.images) == 0 {
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
	w.img.spots = append(w.img.spots, docxImageSpot{at: w.out.Len(), n: len(p.images), pages: p.pageImgs, ids: p.images, anchor: anchor})
}

// imageParts groups the spots with no running text between them and
// names the clause each group sits in: the last clause holding its anchor
// as a line. A group is an unread part only where its clause has no
// running text of its own (an exhibit made of page images), or where it
// is several page-sized images: a figure between the paragraphs of a
// clause (a diagram of the service) leaves no text unread.
//
// plain are the clauses of the text without OCR, where the test for
// running text is made (OCR puts the images' own text in their clause).
func imageParts(text string, spots []docxImageSpot, clauses, plain []Clause) []ImagePart {
	var out []ImagePart
	var anchors []string
	var pages []int
	for i, s := range spots {
		if i > 0 && runningWords(text[spots[i-1].at:s.at]) < MinRunningWords {
			out[len(out)-1].Images += s.n
			pages[len(pages)-1] += s.pages
			continue
		}
		out = append(out, ImagePart{Images: s.n})
		anchors = append(anchors, s.anchor)
		pages = append(pages, s.pages)
	}
	keep := out[:0]
	for i := range out {
		a := headLine(anchors[i])
		for j := len(clauses) - 1; j >= 0 && a != ""; j-- {
			if hasLine(clauses[j].Text, a) {
				out[i].Clause = clauses[j].ID
				break
			}
		}
		prose := false
		for j := len(plain) - 1; j >= 0 && a != ""; j-- {
			if hasLine(plain[j].Text, a) {
				prose = runningWords(plain[j].Text) >= MinRunningWords
				break
			}
		}
		if prose && pages[i] < 2 {
			continue
		}
		switch {
		case out[i].Clause != "":
			out[i].Place = "§" + out[i].Clause
		case a != "":
			out[i].Place = fmt.Sprintf("the part after %q", clipRunes(a, 60))
		default:
			out[i].Place = "the start of the document"
		}
		keep = append(keep, out[i])
	}
	return keep
}

// imageWarning is the warning for a part whose images were not read, or
// were read by OCR (--ocr); ocrErr says why OCR failed.
func imageWarning(p ImagePart, ocrErr error) string {
	n := "1 image"
	if p.Images > 1 {
		n = strconv.Itoa(p.Images) + " images"
	}
	if p.OCR {
		return fmt.Sprintf("%s holds %s and no text around them: their text was read by OCR (--ocr) and stands where they sit; quotes from it may hold OCR errors, check them against the document", p.Place, n)
	}
	if ocrErr != nil {
		return fmt.Sprintf("%s holds %s and no text around them: images %s (scanned pages?), so the findings come from the document's text only; --ocr failed: %v", p.Place, n, UnreadImagesWarning, ocrErr)
	}
	return fmt.Sprintf("%s holds %s and no text around them: images %s (scanned pages?), so the findings come from the document's text only; run again with --ocr to read them from their images", p.Place, n, UnreadImagesWarning)
}

// docxAgreement splits a Word document's text (raw as read, text
// normalised) into clauses and names its parts of images; with --ocr
// their text, read by tesseract, is put where they sit first.
func docxAgreement(p string, zr *zip.Reader, raw, text string, auto []string, spots []docxImageSpot, opts Options) *Agreement {
	var ocrErr error
	ocrd := false
	plainText := text
	if opts.OCR && len(spots) > 0 {
		withText, err := docxOCR(zr, raw, spots)
		if err == nil {
			text, ocrd = NormalizeText(withText), true
		}
		ocrErr = err
	}
	pages := []Page{{Number: 1, Text: text, AutoNumbered: normalizeAll(auto)}}
	a := &Agreement{Path: p, Format: "docx", Paginated: false, Pages: pages, Clauses: SplitClauses(pages, false)}
	plain := a.Clauses
	if ocrd {
		plain = SplitClauses([]Page{{Number: 1, Text: plainText, AutoNumbered: pages[0].AutoNumbered}}, false)
	}
	for _, ip := range imageParts(raw, spots, a.Clauses, plain) {
		ip.OCR = ocrd
		a.ImageParts = append(a.ImageParts, ip)
		a.Warnings = append(a.Warnings, imageWarning(ip, ocrErr))
	}
	return a
}

// docxOCRMax bounds the images one document has read by OCR.
const docxOCRMax = 200

// docxOCR reads the images of the spots with tesseract (English, as a PDF
// page is read; each image within ocrPageTimeout) and returns raw with
// each spot's text put where its paragraph stands.
func docxOCR(zr *zip.Reader, raw string, spots []docxImageSpot) (string, error) {
	if _, err := exec.LookPath("tesseract"); err != nil {
		return "", errors.New("OCR needs tesseract (Debian package tesseract-ocr)")
	}
	files, main := docxMainPart(zr)
	dir := path.Dir(main)
	rels, err := readZipPart(files[dir+"/_rels/"+path.Base(main)+".rels"], docxMaxPart)
	if err != nil {
		return "", err
	}
	targets := relTargets(rels, dir)
	tmp, err := os.MkdirTemp("", "ssrm-ocr-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	n := 0
	for i := len(spots) - 1; i >= 0; i-- {
		var texts []string
		for _, id := range spots[i].ids {
			if n++; n > docxOCRMax {
				return "", fmt.Errorf("over %d images", docxOCRMax)
			}
			f := files[targets[id]]
			ext := strings.ToLower(path.Ext(targets[id]))
			if f == nil || !strings.Contains(".png.jpg.jpeg.gif.bmp.tif.tiff", ext) {
				continue // an EMF drawing or a linked picture: nothing to read
			}
			b, err := readZipPart(f, docxMaxPart)
			if err != nil {
				return "", err
			}
			img := filepath.Join(tmp, "i"+strconv.Itoa(n)+ext)
			if err := os.WriteFile(img, b, 0o600); err != nil {
				return "", err
			}
			t, err := ocrImage(img)
			if err != nil {
				return "", fmt.Errorf("OCR of %s: %w", targets[id], err)
			}
			texts = append(texts, t)
		}
		at := spots[i].at
		raw = raw[:at] + "\n" + strings.Join(texts, "\n") + "\n" + raw[at:]
	}
	return raw, nil
}

// ocrImage reads one image file with tesseract.
func ocrImage(img string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), ocrPageTimeout)
	defer cancel()
	return tesseract(ctx, img)
}

// relTargets maps a part's relationship IDs to the archive paths of
// their internal targets.
func relTargets(rels []byte, dir string) map[string]string {
	out := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(rels))
	for {
		tok, err := d.Token()
		if err != nil {
			return out
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" || attr(se, "TargetMode") == "External" {
			continue
		}
		t := attr(se, "Target")
		if strings.HasPrefix(t, "/") {
			out[attr(se, "Id")] = strings.TrimPrefix(path.Clean(t), "/")
		} else {
			out[attr(se, "Id")] = path.Clean(path.Join(dir, t))
		}
	}
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

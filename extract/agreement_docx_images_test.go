package extract

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/internal/hostile"
)

// docxPicture is a run holding an inline picture of cx by cy EMU.
func docxPicture(cx, cy int) string {
	return `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="` +
		strconv.Itoa(cx) + `" cy="` + strconv.Itoa(cy) + `"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
}

// TestDOCXImageOnlyExhibit (trial28a): an exhibit pasted in as page images
// (no text around them) is named in a warning with its clause and the
// number of images, and in ImageParts; a small logo beside text is not.
func TestDOCXImageOnlyExhibit(t *testing.T) {
	page := docxPicture(6400000, 9000000)
	body := para("", "", 0, "1. Services. The Supplier shall provide the hosting services described in Exhibit A to the Client.") +
		para("", "", 0, "2. Security. The Supplier shall comply with Exhibit B at all times during the term of this Agreement.") +
		para("", "", 0, docxPicture(900000, 400000), "3. Fees. The Client shall pay the fees within thirty days of each invoice date.") +
		para("Kop1", "", 0, "Exhibit B") +
		para("", "", 0, page) + para("", "", 0, page) + para("", "", 0, page)
	doc := `<?xml version="1.0"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`
	p := writeDocx(t, "images.docx", map[string]string{"word/document.xml": doc, "word/styles.xml": fixtureStyles})
	d, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := d.Agreement
	if len(a.ImageParts) != 1 || a.ImageParts[0].Clause != "Exhibit B" || a.ImageParts[0].Images != 3 {
		t.Fatalf("image parts %+v, want one in Exhibit B with 3 images", a.ImageParts)
	}
	if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "§Exhibit B holds 3 images") || !strings.Contains(a.Warnings[0], UnreadImagesWarning) {
		t.Errorf("warnings %q", a.Warnings)
	}
}

// TestDOCXImageOCR (trial28a): with --ocr the text of an exhibit of page
// images is read with tesseract and stands where the images sit, and the
// warning says it was read by OCR.
func TestDOCXImageOCR(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed (Debian: poppler-utils)")
	}
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("tesseract not installed (Debian: tesseract-ocr)")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "src.pdf")
	if err := os.WriteFile(src, hostile.AgreementPDF(7, 1).Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", src, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	png, err := os.ReadFile(filepath.Join(dir, "p.png"))
	if err != nil {
		t.Fatal(err)
	}
	body := para("", "", 0, "1. Services. The Supplier shall provide the hosting services described in Exhibit A to the Client.") +
		para("", "", 0, "2. Security. The Supplier shall comply with Exhibit B at all times during the term of this Agreement.") +
		para("Kop1", "", 0, "Exhibit B") + para("", "", 0, docxPicture(6400000, 8300000))
	parts := map[string]string{
		"word/document.xml":            `<?xml version="1.0"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/styles.xml":              fixtureStyles,
		"word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>`,
		"word/media/image1.png":        string(png),
	}
	p := writeDocx(t, "scanned.docx", parts)
	d, err := Open(p, Options{OCR: true})
	if err != nil {
		t.Fatal(err)
	}
	a := d.Agreement
	if len(a.ImageParts) != 1 || !a.ImageParts[0].OCR || len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "read by OCR") {
		t.Fatalf("image parts %+v, warnings %q; want Exhibit B read by OCR", a.ImageParts, a.Warnings)
	}
	text := a.Pages[0].Text
	at, ocr := strings.Index(text, "Exhibit B"), strings.Index(text, "Clause")
	if at < 0 || ocr < at {
		t.Errorf("the OCR text does not stand under Exhibit B: %.400q", text)
	}
}

// TestDOCXFigureInProse (struct21): a diagram between two paragraphs of a
// clause is a figure in running prose, no unread part: no warning, no
// image part, so reports do not call the result partial. Several
// page-sized images in a clause with text are still pages pasted in.
func TestDOCXFigureInProse(t *testing.T) {
	diagram := docxPicture(5029200, 3017520) // 5.5 by 3.3 inches
	page := docxPicture(6400000, 9000000)
	head := para("", "", 0, "1. Architecture. The Supplier hosts the service in two data centres that mirror each other, as the figure below shows.") +
		para("", "", 0, diagram) +
		para("", "", 0, "Each data centre holds a full copy of the Client's data, and the Supplier switches to the other within four hours.") +
		para("", "", 0, "2. Security. The Supplier shall comply with its security standard at all times during the term of this Agreement.")
	tests := []struct {
		name  string
		body  string
		parts int
	}{
		{"diagram in clause 1", head, 0},
		{"page images in a clause with text", head + para("", "", 0, page) + para("", "", 0, page), 1},
	}
	for _, tt := range tests {
		doc := `<?xml version="1.0"?><w:document ` + wNS + `><w:body>` + tt.body + `</w:body></w:document>`
		p := writeDocx(t, "figure.docx", map[string]string{"word/document.xml": doc, "word/styles.xml": fixtureStyles})
		d, err := Open(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		a := d.Agreement
		if len(a.ImageParts) != tt.parts || len(a.Warnings) != tt.parts {
			t.Errorf("%s: image parts %+v, warnings %q; want %d", tt.name, a.ImageParts, a.Warnings, tt.parts)
		}
	}
}

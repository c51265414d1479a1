package extract

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/internal/hostile"
)

// TestPDFOCR reads the scanned corpus agreement with --ocr: the pages without
// a text layer are read from their images and listed in OCRPages.
func TestPDFOCR(t *testing.T) {
	path := corpusFile(t, "mou-flock-eugene-2024-scanned.pdf")
	if _, err := (pdfParser{}).Parse(path, Options{}); !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), "--ocr") {
		t.Fatalf("without --ocr: err = %v, want ErrNoText suggesting --ocr", err)
	}
	if !OCRAvailable() {
		t.Skip("tesseract or pdftoppm not installed (Debian: tesseract-ocr, poppler-utils)")
	}
	doc, err := (pdfParser{}).Parse(path, Options{OCR: true})
	if err != nil {
		t.Fatalf("with --ocr: %v", err)
	}
	a := doc.Agreement
	if got := pageList(a.OCRPages); got != "pages 1-5" {
		t.Errorf("OCRPages = %s, want pages 1-5", got)
	}
	all := strings.ToLower(a.Pages[0].Text + a.Pages[1].Text)
	for _, w := range []string{"eugene", "flock", "agreement"} {
		if !strings.Contains(all, w) {
			t.Errorf("OCR text lacks %q: %.300q", w, all)
		}
	}
	if len(a.Clauses) < 5 {
		t.Errorf("%d clauses from the OCR text, want the MoU's numbered sections", len(a.Clauses))
	}
}

// scannedPagePDF builds a two-page PDF: page 1 typeset text, page 2 an
// image of typeset text (rendered with pdftoppm at 150 dpi), as a signed
// contract with one scanned page looks.
func scannedPagePDF(t *testing.T) []byte {
	t.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed (Debian: poppler-utils)")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "src.pdf")
	scan := hostile.AgreementPDF(7, 1)
	if err := os.WriteFile(src, scan.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", src, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "p.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	bounds := img.Bounds()
	var pix bytes.Buffer
	zw := zlib.NewWriter(&pix)
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			g := color.GrayModel.Convert(img.At(x, y)).(color.Gray)
			zw.Write([]byte{g.Y})
		}
	}
	zw.Close()
	p := hostile.AgreementPDF(1, 1) // objects 1-5: catalog, pages, font, page 1, its content
	p.Objects[1] = "<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>"
	p.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 8 0 R >> >> /Contents 7 0 R >>")
	p.Add(hostile.Stream("", []byte("q 612 0 0 792 0 0 cm /Im1 Do Q")))
	p.Add(hostile.Stream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", bounds.Dx(), bounds.Dy()), pix.Bytes()))
	return p.Bytes()
}

// TestPDFScannedPagePartial: a contract with one scanned page is read from
// its text page and says which page it could not read; with --ocr that
// page is read from its image and listed in OCRPages.
func TestPDFScannedPagePartial(t *testing.T) {
	path := writeTemp(t, "signed.pdf", scannedPagePDF(t))
	doc, err := (pdfParser{}).Parse(path, Options{})
	if err != nil {
		t.Fatalf("without --ocr: %v, want the text page read", err)
	}
	a := doc.Agreement
	if !a.Partial() || pageList(a.UnreadPages()) != "page 2" || !strings.Contains(a.Unread[0].Reason, "a scan") || len(a.Clauses) == 0 {
		t.Fatalf("unread %+v, %d clauses; want page 2 unread (scanned) and the clauses of page 1", a.Unread, len(a.Clauses))
	}
	if !OCRAvailable() {
		t.Skip("tesseract not installed (Debian: tesseract-ocr)")
	}
	doc, err = (pdfParser{}).Parse(path, Options{OCR: true})
	if err != nil {
		t.Fatalf("with --ocr: %v", err)
	}
	a = doc.Agreement
	if a.Partial() || pageList(a.OCRPages) != "page 2" || !strings.Contains(a.Pages[1].Text, "Clause") {
		t.Errorf("with --ocr: unread %v, OCR pages %v, page 2 %.200q", a.Unread, a.OCRPages, a.Pages[1].Text)
	}
}

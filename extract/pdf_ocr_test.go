package extract

import (
	"errors"
	"strings"
	"testing"
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

package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrNoOCR says --ocr was asked for but tesseract or pdftoppm is missing.
var ErrNoOCR = errors.New("OCR needs tesseract and pdftoppm (Debian packages tesseract-ocr and poppler-utils)")

// ocrPageTimeout bounds one page's rendering and recognition.
const ocrPageTimeout = 2 * time.Minute

// OCRAvailable reports whether the OCR tools are on PATH.
func OCRAvailable() bool {
	_, e1 := exec.LookPath("tesseract")
	_, e2 := exec.LookPath("pdftoppm")
	return e1 == nil && e2 == nil
}

// ocrPages renders each page of the PDF at path to an image with pdftoppm
// (300 dpi, grey) and reads it with tesseract (English), returning the text
// per 1-based page number. It runs only when Options.OCR asks for it, never
// silently; the images live in a temporary folder removed on return.
func ocrPages(ctx context.Context, path string, pages []int) (map[int]string, error) {
	if !OCRAvailable() {
		return nil, ErrNoOCR
	}
	dir, err := os.MkdirTemp("", "ssrm-ocr-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out := map[int]string{}
	for _, n := range pages {
		text, err := ocrPage(ctx, path, dir, n)
		if err != nil {
			return nil, fmt.Errorf("OCR of page %d: %w", n, err)
		}
		out[n] = text
	}
	return out, nil
}

func ocrPage(ctx context.Context, path, dir string, n int) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, ocrPageTimeout)
	defer cancel()
	base := filepath.Join(dir, "p"+strconv.Itoa(n))
	page := strconv.Itoa(n)
	render := exec.CommandContext(ctx, "pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", page, "-l", page, path, base)
	if msg, err := render.CombinedOutput(); err != nil {
		return "", fmt.Errorf("pdftoppm: %v: %s", err, strings.TrimSpace(string(msg)))
	}
	return tesseract(ctx, base+".png")
}

// tesseract reads the text of one image file (English, automatic page
// segmentation) within ctx.
func tesseract(ctx context.Context, img string) (string, error) {
	read := exec.CommandContext(ctx, "tesseract", img, "stdout", "-l", "eng", "--psm", "3")
	var stderr strings.Builder
	read.Stderr = &stderr
	text, err := read.Output()
	if err != nil {
		return "", fmt.Errorf("tesseract: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return string(text), nil
}

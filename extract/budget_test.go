package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// declaredObjects is the largest /Size the cross-reference chain of a PDF
// declares (-1 when it cannot be read).
func declaredObjects(b []byte) int64 {
	ra := bytes.NewReader(b)
	size := int64(len(b))
	off, ok := startXref(ra, size)
	best := int64(-1)
	for seen := map[int64]bool{}; ok && !seen[off]; {
		seen[off] = true
		sec, ok2 := readXrefSection(ra, off, size, 1<<62)
		if !ok2 {
			break
		}
		best = max(best, sec.size)
		if sec.prev < 0 {
			break
		}
		off = sec.prev
	}
	return best
}

// TestBudgetsCorpus reads every agreement and questionnaire of the shared
// corpus and checks that each stays well inside every budget: a quarter
// of the bytes per stream and per document, a tenth of the pages, a
// quarter of the objects the file's length allows. It logs the figures
// the budgets were set from, time included.
func TestBudgetsCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(agreementCorpus, "*"))
	if len(files) == 0 {
		t.Skipf("shared corpus not available (%s)", agreementCorpus)
	}
	qs, _ := filepath.Glob(filepath.Join(questionnaireCorpus(t), "*"))
	var maxStream, maxRead int64
	var maxPages int
	var maxTime time.Duration
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil || st.IsDir() {
			continue
		}
		data := mustRead(t, f)
		b := newBudget()
		start := time.Now()
		var doc Document
		switch strings.ToLower(filepath.Ext(f)) {
		case ".pdf":
			doc, err = parsePDFWithin(f, bytes.NewReader(data), int64(len(data)), Options{}, b)
			objs := declaredObjects(data)
			t.Logf("%-45s %8d bytes  %6d objects declared (limit %7d, %.0f bytes/object)", filepath.Base(f), len(data), objs, objectLimit(int64(len(data))), float64(len(data))/float64(max(objs, 1)))
			if objs*4 > objectLimit(int64(len(data))) {
				t.Errorf("%s declares %d objects, over a quarter of the %d its length allows", f, objs, objectLimit(int64(len(data))))
			}
		case ".docx":
			zr, zerr := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if zerr != nil {
				t.Fatal(zerr)
			}
			err = checkOfficeZip(zr, docxLimits, b)
		default:
			continue
		}
		took := time.Since(start)
		if errors.Is(err, ErrBudget) {
			t.Errorf("%s: %v", f, err)
		}
		pages := 0
		if doc.Agreement != nil {
			pages = len(doc.Agreement.Pages)
		}
		t.Logf("%-45s %3d pages, largest stream %8d bytes, %9d bytes inflated, %v", filepath.Base(f), pages, b.biggest, b.read, took.Round(time.Millisecond))
		maxStream, maxRead, maxPages, maxTime = max(maxStream, b.biggest), max(maxRead, b.read), max(maxPages, pages), max(maxTime, took)
	}
	for _, f := range qs {
		if !strings.HasSuffix(f, ".xlsx") {
			continue
		}
		zr, err := zip.OpenReader(f)
		if err != nil {
			t.Fatal(err)
		}
		b := newBudget()
		lim := officeLimits{part: func(string) int64 { return xlsxUnzipLimit }, total: xlsxUnzipLimit}
		start := time.Now()
		err = checkOfficeZip(&zr.Reader, lim, b)
		zr.Close()
		if err != nil {
			t.Errorf("%s: %v", f, err)
		}
		t.Logf("%-45s largest part %8d bytes, %9d bytes inflated, %v", filepath.Base(f), b.biggest, b.read, time.Since(start).Round(time.Millisecond))
		maxStream, maxRead = max(maxStream, b.biggest), max(maxRead, b.read)
	}
	t.Logf("corpus maxima: stream %d bytes, document %d bytes, %d pages, %v", maxStream, maxRead, maxPages, maxTime)
	if maxStream*4 > MaxStreamBytes || maxRead*4 > MaxDocumentBytes || maxPages*10 > MaxPages {
		t.Errorf("a corpus document uses over a quarter of a byte budget or a tenth of the pages")
	}
}

// BenchmarkPDFBudgetChecks measures what the checks made before the PDF
// library reads a file cost on the corpus PDFs (cross-reference chain,
// object streams inflated).
func BenchmarkPDFBudgetChecks(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(agreementCorpus, "*.pdf"))
	if len(files) == 0 {
		b.Skip("shared corpus not available")
	}
	var data [][]byte
	for _, f := range files {
		data = append(data, mustRead(b, f))
	}
	b.ResetTimer()
	for range b.N {
		for _, d := range data {
			ra := bytes.NewReader(d)
			if err := checkXref(ra, int64(len(d))); err != nil {
				b.Fatal(err)
			}
			if err := checkRawStreams(ra, int64(len(d)), false, newBudget()); err != nil {
				b.Fatal(err)
			}
		}
	}
}

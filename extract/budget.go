package extract

import (
	"errors"
	"fmt"
	"io"
	"time"
)

// Budgets: what reading one document may cost. Each is checked where the
// bytes are read, before the cost is paid where it can be (a declared size,
// a page count) and as it is paid otherwise (bytes inflated, time). A file
// past a budget is refused whole with an *InputError wrapping ErrBudget
// that names what was exceeded. They are set well above what any real
// document of the shared corpus needs (see budget_test.go for the
// measured figures).
const (
	// MaxPDFObjects is the most objects (object numbers) a PDF may declare
	// in its trailer or cross-reference sections, whatever its length.
	// The PDF library allocates a table entry per declared object
	// (32 bytes each), before reading any.
	MaxPDFObjects = 4_000_000

	// PDFBytesPerObject: a PDF may declare at most one object per this
	// many bytes of file, plus PDFObjectsSlack objects. The smallest
	// object, "1 0 obj null endobj" with its 20-byte xref entry, takes more
	// than 30 bytes; object streams pack them tighter, but not under 2
	// bytes each.
	PDFBytesPerObject = 2
	// PDFObjectsSlack objects may be declared above the length rule
	// (small files with generous /Size values).
	PDFObjectsSlack = 10_000

	// MaxStreamBytes is the most bytes (after decompression) one stream
	// may decode to: a page content stream (its parts together), a form,
	// an object stream, an Office XML part (CMaps: MaxCMapBytes). They are
	// scanned as they inflate, not held.
	MaxStreamBytes int64 = 64 << 20

	// MaxDocumentBytes is the most bytes (after decompression) all the
	// streams read for one document may decode to together, counted each
	// time a stream is read (a form drawn twice counts twice).
	MaxDocumentBytes int64 = 512 << 20

	// MaxPages is the most pages a PDF may have.
	MaxPages = 10_000

	// MaxCMapBytes is the most bytes (after decompression) a font's CMap
	// may decode to: it is parsed in memory. The corpus's largest is 30 KB.
	MaxCMapBytes int64 = 8 << 20

	// MaxXMLDepth is the deepest nesting of elements an Office XML part
	// may have (Word's own documents stay under 100).
	MaxXMLDepth = 5_000

	// MaxDocumentTime is the wall time reading one document may take
	// (OCR excluded: --ocr bounds each page itself).
	MaxDocumentTime = time.Minute
)

// ErrBudget: the file is past one of the budgets above (see *InputError's
// message for which).
var ErrBudget = errors.New("file exceeds a reading limit")

// budget tracks one document's reading costs. A budget is used by one
// goroutine.
type budget struct {
	perStream, perDoc int64
	pages             int
	time              time.Duration
	deadline          time.Time
	read              int64 // bytes decoded so far
	biggest           int64 // the largest stream read, bytes (for tests)
	// err is the first budget exceeded (sticky: every later check fails
	// with it), an error wrapping ErrBudget.
	err error
}

// newBudget starts the clock of a document with the default budgets.
func newBudget() *budget {
	return &budget{
		perStream: MaxStreamBytes,
		perDoc:    MaxDocumentBytes,
		pages:     MaxPages,
		time:      MaxDocumentTime,
		deadline:  time.Now().Add(MaxDocumentTime),
	}
}

// exceed records (once) that a budget is past and returns the error.
func (b *budget) exceed(format string, args ...any) error {
	if b.err == nil {
		b.err = fmt.Errorf("%w: "+format, append([]any{ErrBudget}, args...)...)
	}
	return b.err
}

// check returns the recorded error, or one when the deadline has passed.
func (b *budget) check() error {
	if b.err != nil {
		return b.err
	}
	if !b.deadline.IsZero() && time.Now().After(b.deadline) {
		return b.exceed("reading took longer than %v", b.time)
	}
	return nil
}

// readStream reads r whole into memory, within most bytes (at most the
// per-stream budget) and what is left of the document's budget; what
// names the stream in the error ("a CMap"). Streams that need not be held
// are read through a countingReader instead.
func (b *budget) readStream(r io.Reader, what string, most int64) ([]byte, error) {
	if err := b.check(); err != nil {
		return nil, err
	}
	most = min(most, b.perStream)
	lim := min(most, b.perDoc-b.read)
	data, err := io.ReadAll(io.LimitReader(r, lim+1))
	b.read += int64(len(data))
	b.biggest = max(b.biggest, int64(len(data)))
	if int64(len(data)) > lim {
		if lim < most {
			return nil, b.exceed("streams decompress to more than %s in all", sizeText(b.perDoc))
		}
		return nil, b.exceed("%s decompresses to more than %s", what, sizeText(most))
	}
	return data, err
}

// countingReader counts what it passes on against a budget, failing once
// the stream (limit bytes, or the budget's per-stream limit when 0) or
// the document is past it.
type countingReader struct {
	r     io.Reader
	b     *budget
	limit int64
	n     int64 // bytes of this stream so far
	what  string
}

func (c *countingReader) Read(p []byte) (int, error) {
	if err := c.b.check(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.b.read += int64(n)
	c.b.biggest = max(c.b.biggest, c.n)
	limit := c.limit
	if limit == 0 {
		limit = c.b.perStream
	}
	switch {
	case c.n > limit:
		return n, c.b.exceed("%s decompresses to more than %s", c.what, sizeText(limit))
	case c.b.read > c.b.perDoc:
		return n, c.b.exceed("streams decompress to more than %s in all", sizeText(c.b.perDoc))
	}
	return n, err
}

// sizeText writes a byte count for people: "111 KB", "64 MiB", "1 GiB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	}
	return fmt.Sprintf("%d bytes", n)
}

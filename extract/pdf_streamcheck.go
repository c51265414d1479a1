package extract

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/ledongthuc/pdf"
)

// checkStreams guards against a hang in the library: its content-stream
// tokenizer loops forever on a hex string left open at the end of a stream
// (readHexString reads '\n' at EOF for ever). The page's content streams
// and its fonts' /ToUnicode CMaps are scanned first with the same
// tokenizing rules; the page is refused if one would hang.
//
// The streams are read within b (their bytes count against the budget);
// an error wrapping ErrBudget says so. A font whose CMaps passed on an
// earlier page (seen, by its streams' identity) is not read again: the
// bytes its check read are counted against b again, as if it were; a
// whole /Font dictionary seen before is not resolved again either.
//
// content, when not nil, receives the page's content stream as read (see
// readContent), for the walker.
//
// descs keeps the descendant fonts read, for loadFont (nil: none kept).
func checkStreams(p pdf.Page, b *budget, seen fontChecks, content *keptBytes, descs descendants) error {
	if ok, err := readContent(p.V.Key("Contents"), b, "the content stream", content); err != nil || !ok {
		return cmp.Or(err, errors.New("content stream ends inside a hex string"))
	}
	fonts := p.Resources().Key("Font")
	// A /Font dictionary whose every font passed on an earlier page (the
	// same text: the same fonts) is charged again font by font, in the
	// same order, without resolving each font again.
	resKey := fontResKey + fonts.String()
	if memo, ok := seen[resKey]; ok {
		for _, f := range memo {
			for _, sizes := range f.calls {
				if err := chargeAgain(sizes, b, f.what); err != nil {
					return err
				}
			}
		}
		return nil
	}
	var all []fontCheck // each font's check, for the memo
	memoOK := seen != nil
	for _, name := range fonts.Keys() {
		f := fonts.Key(name)
		what := "the ToUnicode CMap of font " + name
		// The streams' identity: the library prints a stream with its
		// object number and offset, an array with its references, cheaply
		// (the font dictionary itself may hold a long /Widths array).
		tu := f.Key("ToUnicode")
		var desc pdf.Value
		descErr := try(func() error { desc = f.Key("DescendantFonts"); return nil })
		key := tu.String() + "|" + desc.String()
		if checks, ok := seen[key]; ok && descErr == nil {
			for _, sizes := range checks[0].calls {
				if err := chargeAgain(sizes, b, what); err != nil {
					return err
				}
			}
			all = append(all, fontCheck{what: what, calls: checks[0].calls})
			continue
		}
		var calls [][]int64
		ok, sizes, err := scanTokens(tu, b, what, nil)
		if err != nil || !ok {
			return cmp.Or(err, fmt.Errorf("font %s: ToUnicode CMap ends inside a hex string", name))
		}
		calls = append(calls, sizes)
		if descErr != nil {
			memoOK = false
			desc = f.Key("DescendantFonts") // a damaged file: it fails here, as it always did
		}
		for _, d := range []pdf.Value{desc} {
			for i := 0; i < d.Len(); i++ {
				ok, sizes, err := scanTokens(descs.get(d, i).Key("ToUnicode"), b, what, nil)
				if err != nil || !ok {
					return cmp.Or(err, fmt.Errorf("font %s: ToUnicode CMap ends inside a hex string", name))
				}
				calls = append(calls, sizes)
			}
		}
		if seen != nil && descErr == nil {
			seen[key] = []fontCheck{{what: what, calls: calls}}
		}
		all = append(all, fontCheck{what: what, calls: calls})
	}
	if memoOK {
		seen[resKey] = all
	}
	return nil
}

// fontResKey prefixes the key of a whole /Font dictionary in fontChecks
// (a font's key starts with its ToUnicode as the library prints it).
const fontResKey = "\x00fonts\x00"

// fontCheck is what checkStreams read of one font's CMaps: for each
// stream (or array of streams) it scanned, the bytes of each part; what
// names the font in a budget error.
type fontCheck struct {
	what  string
	calls [][]int64
}

// fontChecks: the fonts whose CMaps checkStreams passed, by their
// ToUnicode stream and descendant fonts as the library prints them (one
// fontCheck), and the /Font dictionaries all of whose fonts passed, by
// their text after fontResKey (a fontCheck per font, in order).
type fontChecks map[string][]fontCheck

// readContent reads a stream (or an array of streams, read as one)
// within b and reports whether the library's tokenizer would reach its
// end: false when a hex string is still open at EOF. what names the
// stream in a budget error. The bytes read go to keep (when not nil) for
// the walker's tokenizer: keep.broken says they are not the stream the
// library would read (a part that is not a stream, a read error), or were
// not kept (past maxKeptContent).
func readContent(v pdf.Value, b *budget, what string, keep *keptBytes) (bool, error) {
	ok, _, err := scanTokens(v, b, what, keep)
	return ok, err
}

// keptBytes is a content stream as the hang guard read it.
type keptBytes struct {
	data   []byte
	broken bool
}

// maxKeptContent is the largest content stream kept for the walker's
// tokenizer (a page of dense text is under 100 KB); a larger one is read
// again by the library, as it streams.
const maxKeptContent = 8 << 20

// scanTokens is readContent, also giving the bytes read of each part.
func scanTokens(v pdf.Value, b *budget, what string, keep *keptBytes) (bool, []int64, error) {
	var parts []pdf.Value
	switch v.Kind() {
	case pdf.Stream:
		parts = []pdf.Value{v}
	case pdf.Array:
		for i := 0; i < v.Len(); i++ {
			parts = append(parts, v.Index(i))
		}
	default:
		if keep != nil {
			keep.broken = true
		}
		return true, nil, nil
	}
	var opens []func() io.ReadCloser
	for _, part := range parts {
		if part.Kind() == pdf.Stream {
			opens = append(opens, part.Reader)
		} else if keep != nil {
			keep.broken = true // the library fails on it
		}
	}
	var sc hexScanner
	sizes, err := scanParts(opens, b, what, &sc, keep)
	if err != nil {
		return false, nil, err
	}
	return sc.closed(), sizes, nil
}

// chargeAgain counts against b what scanParts read of parts of these
// sizes, as it did: the same limits, the same errors.
func chargeAgain(sizes []int64, b *budget, what string) error {
	opens := make([]func() io.ReadCloser, len(sizes))
	for i, n := range sizes {
		opens[i] = func() io.ReadCloser { return io.NopCloser(io.LimitReader(zeroReader{}, n)) }
	}
	_, err := scanParts(opens, b, what, nil, nil)
	return err
}

// scanBufs holds scanParts's read buffers: it runs for each page's
// content stream and each font's CMaps (a few hundred times on a 35-page
// contract), and a fresh 32 KiB buffer each time was a tenth of what the
// PDF reader allocated.
var scanBufs = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// zeroReader reads zero bytes for ever.
type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// scanParts feeds the parts opened in turn to sc within b and returns the
// bytes read of each. The parts are scanned as they inflate, never held: a
// content stream may be tens of MiB, and several documents are read at
// once in a batch.
//
// keep, when not nil, receives the bytes (see readContent); sc nil reads
// them only to count them (chargeAgain).
func scanParts(opens []func() io.ReadCloser, b *budget, what string, sc *hexScanner, keep *keptBytes) ([]int64, error) {
	var total int64
	sizes := make([]int64, 0, len(opens))
	bp := scanBufs.Get().(*[]byte)
	defer scanBufs.Put(bp)
	buf := *bp
	for _, open := range opens {
		rc := open()
		limit := b.perStream - total
		if limit <= 0 {
			limit = -1 // the stream budget is spent: any byte is past it
		}
		cr := &countingReader{r: rc, b: b, limit: limit, what: what}
		for {
			n, err := cr.Read(buf)
			if sc != nil {
				sc.feed(buf[:n])
			}
			if keep != nil && !keep.broken {
				if len(keep.data)+n > maxKeptContent {
					keep.data, keep.broken = nil, true
				} else {
					keep.data = append(keep.data, buf[:n]...)
				}
			}
			if err != nil {
				if keep != nil && err != io.EOF {
					keep.broken = true // the library panics on a read error
				}
				rc.Close()
				if errors.Is(err, ErrBudget) {
					if cr.n > cr.limit && cr.limit < b.perStream {
						// The parts together are past the stream budget.
						b.err = nil
						return nil, b.exceed("%s decompresses to more than %s", what, sizeText(b.perStream))
					}
					return nil, err
				}
				break
			}
		}
		total += cr.n
		sizes = append(sizes, cr.n)
	}
	return sizes, nil
}

package extract

import (
	"strings"

	"github.com/ledongthuc/pdf"
)

// Marked content with /ActualText (ISO 32000-1, 14.9.4): a producer may
// draw a ligature glyph its ToUnicode CMap maps to nothing (or to U+0000,
// read as U+FFFD) inside "/Span <</ActualText (ff)>> BDC ... EMC", so the
// span says what the glyphs stand for (Google Docs does so for ff, ffi,
// ffl). The walker holds the glyphs of such a span back and, at its EMC,
// writes the ActualText in their place only when their own text was lost
// (a glyph read as U+FFFD or as nothing); otherwise they are written as
// drawn, so a span whose glyphs read well changes nothing.

// maxSpanGlyphs is the most glyphs an ActualText span holds back; past
// it the span's glyphs are written as drawn and the ActualText is not used.
const maxSpanGlyphs = 4096

// maxMarkedDepth is the most nested marked-content sequences tracked.
const maxMarkedDepth = 256

// actualSpan is an open ActualText span: its text and the glyphs drawn in
// it so far, in order (a space event only sets the pending space).
type actualSpan struct {
	text   string
	events []spanEvent
	lost   bool // a glyph of the span read as U+FFFD or as nothing
	depth  int  // the marked-content depth the span opened at
	// first is where the span's first glyph was drawn (set when any glyph,
	// even one read as nothing, was).
	first    spanEvent
	hasFirst bool
	last     spanEvent
	// through: the span held more than maxSpanGlyphs glyphs; they were
	// written, and the rest are written as drawn.
	through bool
}

// spanEvent is a glyph drawn (emit's arguments) or a space (space true).
type spanEvent struct {
	space                    bool
	text                     string
	x, y, ex, ey, dx, dy, sz float64
	bold                     bool
}

// beginMarked opens a marked-content sequence (BMC, or BDC with its
// properties: a dictionary or the name of one in the resources'
// /Properties). An ActualText span opens unless one is open already.
func (w *walker) beginMarked(props cArg, res pdf.Value) {
	if w.marked >= maxMarkedDepth {
		w.markedOver++
		return
	}
	w.marked++
	if w.span != nil {
		return
	}
	switch props.kind {
	case cName:
		d := res.Key("Properties").Key(props.s)
		if d.Kind() != pdf.Dict {
			return
		}
		at := d.Key("ActualText")
		if at.Kind() != pdf.String {
			return
		}
		w.span = &actualSpan{text: at.Text(), depth: w.marked}
	case cDict:
		if props.actual {
			w.span = &actualSpan{text: pdfTextString(props.s), depth: w.marked}
		}
	}
}

// endMarked closes a marked-content sequence (EMC); closing an ActualText
// span writes it.
func (w *walker) endMarked() {
	if w.markedOver > 0 {
		w.markedOver--
		return
	}
	if w.marked == 0 {
		return
	}
	if w.span != nil && w.span.depth == w.marked {
		w.closeSpan()
	}
	w.marked--
}

// closeSpan writes the open span: its ActualText in place of its glyphs
// when their text was lost and the ActualText is not blank, else the
// glyphs as drawn.
func (w *walker) closeSpan() {
	s := w.span
	w.span = nil
	if s == nil {
		return
	}
	if s.through {
		return
	}
	if !s.lost || strings.TrimSpace(s.text) == "" || !s.hasFirst {
		for _, e := range s.events {
			w.replay(e)
		}
		return
	}
	for _, e := range s.events {
		if !e.space {
			break
		}
		w.replay(e) // spaces before the first glyph
	}
	f, l := s.first, s.last
	ex, ey := f.ex, f.ey
	if l.dx == f.dx && l.dy == f.dy {
		ex, ey = l.ex, l.ey
	}
	w.emit(s.text, f.x, f.y, ex, ey, f.dx, f.dy, f.sz, f.bold)
}

func (w *walker) replay(e spanEvent) {
	if e.space {
		w.line.pendingSpace = true
		return
	}
	w.emit(e.text, e.x, e.y, e.ex, e.ey, e.dx, e.dy, e.sz, e.bold)
}

// spaceSeen records a space glyph with a real advance (held back in a span).
func (w *walker) spaceSeen() {
	if s := w.span; s != nil && !s.through {
		s.events = append(s.events, spanEvent{space: true})
		return
	}
	w.line.pendingSpace = true
}

// glyphSeen writes one glyph (emit), or holds it back in an open span;
// text may be "" there (a glyph read as nothing), which only marks the
// span lost and places it.
func (w *walker) glyphSeen(e spanEvent) {
	s := w.span
	if s == nil || s.through {
		if e.text != "" {
			w.emit(e.text, e.x, e.y, e.ex, e.ey, e.dx, e.dy, e.sz, e.bold)
		}
		return
	}
	if e.text == "" || strings.ContainsRune(e.text, '\uFFFD') {
		s.lost = true
	}
	if !s.hasFirst {
		s.first, s.hasFirst = e, true
	}
	s.last = e
	if e.text == "" {
		return
	}
	s.events = append(s.events, e)
	if len(s.events) > maxSpanGlyphs {
		// Too long to hold back: write what was held, and the rest as drawn.
		for _, h := range s.events {
			w.replay(h)
		}
		s.events, s.through = nil, true
	}
}

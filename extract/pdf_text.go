package extract

import (
	"math"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
)

// The text walker: reads the text of one page from its content stream with
// ledongthuc/pdf's exported primitives (Interpret, Value, fonts), tracking
// the text state and the graphics state, so that spaces and line breaks
// come from glyph positions rather than from how the producer split its
// text objects.
//
// What it does that Page.GetPlainText does not:
//   - words: a gap between glyphs wider than wordGap em (from a TJ
//     displacement, a Td/Tm move or a character spacing) is a space;
//   - lines: a change of baseline starts a new line, a larger jump adds a
//     blank line (a paragraph break);
//   - Form XObjects (Do) are entered with their own /Resources, /Matrix
//     and /BBox (depth-limited, cycles refused);
//   - /ToUnicode is honoured for every font kind, parsed here (bfchar,
//     bfrange, code lengths from codespacerange); the library's encoder is
//     only the fallback for codes the map does not cover;
//   - glyph widths from /Widths (simple fonts, scaled by /FontMatrix for
//     Type 3) and /W, /DW (CID fonts);
//   - glyphs outside the clip (page box, "re W n" rectangles, form BBox)
//     are dropped, as pdftotext drops them: some producers draw one tall
//     form on every page and show a window of it;
//   - the ' and " operators, TJ without a stray glyph.

// Walker limits.
const (
	maxFormDepth = 12
	maxFormCalls = 2000 // Do of forms per page; past it, ErrBudget
	// wordGap is the gap (in em of the current font) that separates words
	// (pdftotext's minWordBreakSpace); space glyphs are not text, only
	// their advance counts (see spaceAdvance).
	wordGap = 0.1
	// spaceAdvance is the advance (in em) from which a space glyph counts.
	spaceAdvance = 0.03
	// lineJump is the baseline change (in em) that starts a new line;
	// paraJump the one that adds a blank line.
	lineJump = 0.5
	paraJump = 1.4
)

type mat [6]float64 // a b c d e f

var identity = mat{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m first, then n).
func (m mat) mul(n mat) mat {
	return mat{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m mat) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) intersect(s rect) rect {
	return rect{math.Max(r.x0, s.x0), math.Max(r.y0, s.y0), math.Min(r.x1, s.x1), math.Min(r.y1, s.y1)}
}

func (r rect) contains(x, y float64) bool {
	const tol = 1
	return x >= r.x0-tol && x <= r.x1+tol && y >= r.y0-tol && y <= r.y1+tol
}

// bbox of the rectangle (x0,y0)-(x1,y1) mapped through m.
func (m mat) bbox(x0, y0, x1, y1 float64) rect {
	r := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range [][2]float64{{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}} {
		x, y := m.apply(p[0], p[1])
		r.x0, r.y0 = math.Min(r.x0, x), math.Min(r.y0, y)
		r.x1, r.y1 = math.Max(r.x1, x), math.Max(r.y1, y)
	}
	return r
}

// gstate is the part of the graphics state the walker needs.
type gstate struct {
	ctm  mat
	clip rect
	// text state
	font                 *wfont
	size, tc, tw, th, tl float64
	rise                 float64
}

// walker reads one page.
type walker struct {
	fonts *fontCache
	g     gstate
	stack []gstate
	tm    mat
	tlm   mat
	// path bounding box for clipping
	path        rect
	pathSet     bool
	pendingClip bool
	// form recursion
	depth, calls int
	ops          int // operators run, for the budget's clock
	active       map[string]bool
	// output
	out        strings.Builder // the current line
	runs       []textRun       // the current line's runs
	lines      []textLine
	glyphs     int // letters and digits on the current line
	boldGlyphs int // ... set in a bold face
	leadEnd    int // byte offset of the line's first regular letter, if leadSet
	leadSet    bool
	columns    bool        // layout read the page as two columns
	doubt      bool        // layout found the page's reading order uncertain (orderDoubt)
	styles     []lineStyle // the type of each line laid out (see layout)
	line       lineState
	images     int
	dropped    int
	// lastGlyphs: the last 8 glyphs written, a ring (nGlyphs of them
	// held, the next written at glyphAt): shifting a slice of strings
	// cost a write barrier per element on every glyph.
	lastGlyphs       [8]seenGlyph
	nGlyphs, glyphAt int
	// marked-content nesting (markedOver: past maxMarkedDepth) and the
	// open ActualText span (pdf_actualtext.go).
	marked, markedOver int
	span               *actualSpan
}

type seenGlyph struct {
	text string
	x, y float64
}

// lineState is the position of the last glyph written.
type lineState struct {
	started     bool
	dx, dy      float64 // text direction (unit)
	across, end float64 // baseline coordinate and end of the last glyph along it
	startAcross float64 // baseline of the line's first glyph
	size        float64
	// pendingSpace: a space glyph with a real advance was shown since the
	// last glyph.
	pendingSpace bool
}

// walkPage returns the text of page p, one line per visual line.
func walkPage(p pdf.Page, fc *fontCache) (text string, images int, err error) {
	text, _, images, _, err = walkPageStyled(p, fc, nil)
	return text, images, err
}

// walkPageStyled is walkPage with the type of each line of the text (its
// non-blank lines, in order) and whether its reading order is uncertain
// (orderDoubt). content is the page's content stream as checkStreams read
// it (nil: read here).
func walkPageStyled(p pdf.Page, fc *fontCache, content *keptBytes) (text string, styles []lineStyle, images int, doubt bool, err error) {
	w, err := walkPageContent(p, fc, content)
	text = w.layout()
	return text, w.styles, w.images, w.doubt, err
}

// walkPageLines reads the lines of page p (not yet laid out).
func walkPageLines(p pdf.Page, fc *fontCache) (*walker, error) {
	return walkPageContent(p, fc, nil)
}

// walkPageContent is walkPageLines with the page's content stream as
// checkStreams read it (nil: it is read here, within fc's budget).
func walkPageContent(p pdf.Page, fc *fontCache, content *keptBytes) (*walker, error) {
	w := &walker{fonts: fc, active: map[string]bool{}}
	box := pageBox(p)
	w.g = gstate{ctm: identity, clip: box, th: 1}
	err := w.run(p.V.Key("Contents"), p.Resources(), content)
	w.closeSpan() // a span left open at the page's end
	w.flushLine()
	return w, err
}

// textLine is one output line with its baseline.
type textLine struct {
	text         string
	across, size float64
	dx, dy       float64
	runs         []textRun
	// glyphs counts the line's letters and digits, bold those set in a
	// bold face (or overprinted to look bold); lead is the length of the
	// text before its first letter in a regular face (the whole text when
	// there is none).
	glyphs, bold int
	lead         int
}

// textRun is one word-like run of a line: the glyphs between two of the
// spaces the walker wrote. off is the byte offset of its text in the
// line's text (it ends where the next run's begins, space included);
// start and end are its extent along the baseline.
type textRun struct {
	off        int
	start, end float64
}

func (w *walker) flushLine() {
	if w.out.Len() == 0 {
		return
	}
	l := w.line
	w.lines = append(w.lines, textLine{text: w.out.String(), across: l.startAcross, size: l.size, dx: l.dx, dy: l.dy,
		runs: w.runs, glyphs: w.glyphs, bold: min(w.boldGlyphs, w.glyphs), lead: w.out.Len()})
	if w.leadSet {
		w.lines[len(w.lines)-1].lead = w.leadEnd
	}
	joinSpacedCaps(&w.lines[len(w.lines)-1])
	w.out.Reset()
	w.runs = nil
	w.glyphs, w.boldGlyphs, w.leadSet = 0, 0, false
}

// weigh counts the letters and digits of a glyph's text on the current
// line, and those set in a bold face.
func (w *walker) weigh(text string, bold bool) {
	n := letterCount(text)
	w.glyphs += n
	if bold {
		w.boldGlyphs += n
	} else if n > 0 && !w.leadSet {
		w.leadEnd, w.leadSet = w.out.Len()-len(text), true
	}
}

// layout joins the lines, with a blank line where the baseline moves down
// by clearly more than the page's usual line advance (a paragraph gap).
func (w *walker) layout() string {
	w.lines, w.columns = readColumns(gapBlock(leadFirst(edgeOrder(attachMarkers(w.lines)))))
	w.doubt = orderDoubt(w.lines)
	var adv []float64
	for i := 1; i < len(w.lines); i++ {
		a, b := w.lines[i-1], w.lines[i]
		d := a.across - b.across
		if a.dx == b.dx && a.dy == b.dy && d > 0.8*b.size && d < 3*b.size {
			adv = append(adv, d/b.size)
		}
	}
	usual := 1.2 // em, when the page has too few lines to tell
	if len(adv) >= 3 {
		sort.Float64s(adv)
		usual = adv[len(adv)/2]
	}
	var b strings.Builder
	w.styles = make([]lineStyle, len(w.lines))
	for i, l := range w.lines {
		w.styles[i] = lineStyle{text: l.text, size: l.size, glyphs: l.glyphs, bold: l.bold, first: i == 0, lead: l.text[:min(l.lead, len(l.text))]}
		if horizontal(l) {
			lo, hi := extent(l)
			w.styles[i].placed, w.styles[i].across, w.styles[i].x, w.styles[i].xend = true, l.across, lo, hi
		}
		if i > 0 {
			b.WriteByte('\n')
			p := w.lines[i-1]
			d := p.across - l.across
			ref := math.Min(p.size, l.size) // the body size, not a heading's
			if p.dx == l.dx && p.dy == l.dy && d > paraJump*usual*ref && d > 1.3*ref || columnBreak(p, l) {
				b.WriteByte('\n')
				w.styles[i].gap = true
			}
		}
		b.WriteString(l.text)
	}
	return b.String()
}

// pageBox is the crop box (else the media box) of the page.
func pageBox(p pdf.Page) rect {
	box := func(v pdf.Value) (rect, bool) {
		if v.Kind() != pdf.Array || v.Len() < 4 {
			return rect{}, false
		}
		a, b, c, d := v.Index(0).Float64(), v.Index(1).Float64(), v.Index(2).Float64(), v.Index(3).Float64()
		r := rect{math.Min(a, c), math.Min(b, d), math.Max(a, c), math.Max(b, d)}
		return r, r.x1 > r.x0 && r.y1 > r.y0
	}
	if r, ok := box(inherited(p, "CropBox")); ok {
		if m, ok := box(inherited(p, "MediaBox")); ok {
			if i := r.intersect(m); i.x1 > i.x0 && i.y1 > i.y0 {
				return i
			}
		}
		return r
	}
	if r, ok := box(inherited(p, "MediaBox")); ok {
		return r
	}
	return rect{-1e9, -1e9, 1e9, 1e9}
}

// inherited looks key up on the page and its ancestors (bounded).
func inherited(p pdf.Page, key string) pdf.Value {
	v := p.V
	for i := 0; i <= maxTreeDepth && !v.IsNull(); i++ {
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

func (w *walker) addPath(r rect) {
	if !w.pathSet {
		w.path, w.pathSet = r, true
		return
	}
	w.path = rect{math.Min(w.path.x0, r.x0), math.Min(w.path.y0, r.y0), math.Max(w.path.x1, r.x1), math.Max(w.path.y1, r.y1)}
}

func (w *walker) moveLine(tx, ty float64) {
	w.tlm = mat{1, 0, 0, 1, tx, ty}.mul(w.tlm)
	w.tm = w.tlm
}

// do draws the XObject called name: forms are walked, images counted.
func (w *walker) do(res pdf.Value, name string) error {
	xo := res.Key("XObject").Key(name)
	switch xo.Key("Subtype").Name() {
	case "Image":
		w.images++
		return nil
	case "Form":
	default:
		return nil
	}
	if xo.Kind() != pdf.Stream {
		return nil
	}
	key := xo.String()
	if w.active[key] || w.depth >= maxFormDepth {
		return nil // a cycle or too deep: skip, as viewers do
	}
	w.calls++
	if w.calls > maxFormCalls {
		// A form bomb: refused rather than cut (the text so far would
		// pass for the whole page). The corpus draws at most 8 per page.
		return w.fonts.budget.exceed("a page draws forms more than %d times", maxFormCalls)
	}
	saved, savedTm, savedTlm := w.g, w.tm, w.tlm
	m := identity
	if mv := xo.Key("Matrix"); mv.Kind() == pdf.Array && mv.Len() == 6 {
		for i := range 6 {
			m[i] = mv.Index(i).Float64()
		}
	}
	w.g.ctm = m.mul(w.g.ctm)
	if bb := xo.Key("BBox"); bb.Kind() == pdf.Array && bb.Len() == 4 {
		b := w.g.ctm.bbox(bb.Index(0).Float64(), bb.Index(1).Float64(), bb.Index(2).Float64(), bb.Index(3).Float64())
		w.g.clip = w.g.clip.intersect(b)
	}
	fres := xo.Key("Resources")
	if fres.Kind() != pdf.Dict {
		fres = res
	}
	w.active[key] = true
	w.depth++
	savedStack := w.stack
	w.stack = nil
	err := w.run(xo, fres, nil)
	w.stack = savedStack
	w.depth--
	delete(w.active, key)
	w.g, w.tm, w.tlm = saved, savedTm, savedTlm
	return err
}

// show writes the glyphs of one string.
func (w *walker) show(raw string) {
	f := w.g.font
	if f == nil {
		f = nullFont
	}
	g := &w.g
	for len(raw) > 0 {
		code, n := f.next(raw)
		raw = raw[n:]
		text := f.decode(code, n)
		wd := f.width(code)
		// Text rendering matrix: [size*th 0 0 size 0 rise] × Tm × CTM.
		trm := mat{g.size * g.th, 0, 0, g.size, 0, g.rise}.mul(w.tm).mul(g.ctm)
		x, y := trm[4], trm[5]
		tx := (wd*g.size + g.tc) * g.th
		if n == 1 && code == 32 {
			tx += g.tw * g.th
		}
		w.tm = mat{1, 0, 0, 1, tx, 0}.mul(w.tm)
		if text == "" {
			if w.span != nil {
				if e, ok := glyphPlace(trm, wd, f.bold); ok && g.clip.contains(x, y) {
					w.glyphSeen(e) // read as nothing inside an ActualText span
				}
			}
			continue
		}
		if strings.TrimSpace(text) == "" {
			// A space glyph separates words when it moves the pen by a
			// real space (not when Tw cancels its advance inside a word).
			if size := math.Hypot(trm[2], trm[3]); size > 0 {
				e := mat{g.size * g.th, 0, 0, g.size, 0, g.rise}.mul(w.tm).mul(g.ctm)
				if math.Hypot(e[4]-x, e[5]-y) >= spaceAdvance*size {
					w.spaceSeen()
				}
			}
			continue
		}
		e, ok := glyphPlace(trm, wd, f.bold)
		if !ok {
			continue
		}
		if !g.clip.contains(x, y) {
			w.dropped++
			continue
		}
		e.text = text
		w.glyphSeen(e)
	}
}

// glyphPlace is where a glyph of width wd (text space units per unit
// size) is drawn by the text rendering matrix trm: its origin, the end of
// its box (its width, without the character and word spacing: a producer
// may space words with Tc alone), its direction (unit) and size in device
// space; ok is false for a degenerate matrix.
func glyphPlace(trm mat, wd float64, bold bool) (spanEvent, bool) {
	x, y := trm[4], trm[5]
	dx, dy := trm[0], trm[1]
	adv := math.Hypot(dx, dy)
	size := math.Hypot(trm[2], trm[3])
	if adv == 0 || size == 0 || math.IsNaN(x+y+size) || math.IsInf(x+y+size, 0) {
		return spanEvent{}, false
	}
	ex, ey := trm.apply(wd, 0)
	return spanEvent{x: x, y: y, ex: ex, ey: ey, dx: dx / adv, dy: dy / adv, sz: size, bold: bold}, true
}

// emit appends one glyph's text at its device position.
func (w *walker) emit(text string, x, y, ex, ey, dx, dy, size float64, bold bool) {
	along := x*dx + y*dy
	across := -x*dy + y*dx
	end := ex*dx + ey*dy
	if end < along {
		end = along
	}
	// Drop a glyph drawn again on top of itself (fake bold).
	for _, s := range w.lastGlyphs[:w.nGlyphs] {
		if s.text == text && math.Abs(s.x-x) < 0.15*size && math.Abs(s.y-y) < 0.15*size {
			w.boldGlyphs += letterCount(text) // overprinted: bold drawn with a regular face
			return
		}
	}
	w.lastGlyphs[w.glyphAt] = seenGlyph{text, x, y}
	w.glyphAt = (w.glyphAt + 1) % len(w.lastGlyphs)
	w.nGlyphs = min(w.nGlyphs+1, len(w.lastGlyphs))
	l := &w.line
	if !l.started {
		l.started = true
		w.out.WriteString(text)
		w.weigh(text, bold)
		*l = lineState{started: true, dx: dx, dy: dy, across: across, startAcross: across, end: end, size: size}
		w.runs = append(w.runs[:0], textRun{0, along, end})
		return
	}
	ref := math.Max(size, l.size)
	sameDir := math.Abs(dx-l.dx) < 0.05 && math.Abs(dy-l.dy) < 0.05
	// Baseline relative to the current line, in the line's frame.
	lAcross := -x*l.dy + y*l.dx
	lAlong := x*l.dx + y*l.dy
	if !sameDir || math.Abs(lAcross-l.across) > lineJump*ref || lAlong < l.end-3*ref && math.Abs(lAcross-l.across) > 0.1*ref {
		w.flushLine()
		w.out.WriteString(text)
		w.weigh(text, bold)
		*l = lineState{started: true, dx: dx, dy: dy, across: across, startAcross: across, end: end, size: size}
		w.runs = append(w.runs[:0], textRun{0, along, end})
		return
	}
	gap := lAlong - l.end
	lEnd := end - along + lAlong // the glyph's end in the line's frame
	if gap > wordGap*ref || gap < -ref || l.pendingSpace {
		w.out.WriteByte(' ')
		w.runs = append(w.runs, textRun{w.out.Len(), lAlong, lEnd})
	} else if k := len(w.runs) - 1; k >= 0 {
		w.runs[k].start, w.runs[k].end = math.Min(w.runs[k].start, lAlong), math.Max(w.runs[k].end, lEnd)
	}
	w.out.WriteString(text)
	w.weigh(text, bold)
	l.pendingSpace = false
	l.end = end
	l.size = size
	if math.Abs(lAcross-l.across) > 0.2*ref && size >= 0.8*l.size {
		l.across = lAcross // follow a drifting baseline, not superscripts
	}
}

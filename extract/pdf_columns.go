package extract

import (
	"math"
	"sort"
	"strings"
)

// Two-column pages.
//
// The walker merges glyphs on one baseline into one line, so a producer
// that writes two columns row by row gives lines that run across both
// columns. readColumns finds such pages and splits those lines at the
// gutter, left column first. The rule is conservative: a table row (cells
// on one baseline with gaps) must stay one line, so a page is read as two
// columns only when
//   - its lines are horizontal;
//   - a vertical gutter near the middle of the text (35-65% of its width)
//     has a gap of at least gutterGap em over it on at least gutterShare of
//     the lines whose extent crosses it, and at least minColumnLines of them;
//   - each column is 30-60% of the text width, has at least minColumnLines
//     lines, its split lines hold a median of at least minPieceWords words
//     (table cells are short), and at most maxInnerGaps of its lines have
//     another gutter-wide gap (a table has gaps at several x positions).
//
// Lines that cross the gutter without a gap there (a full-width title, a
// footer) stay in place and separate the blocks read column by column.
const (
	gutterGap      = 1.5 // em
	gutterShare    = 0.8
	minColumnLines = 6
	minColumnWidth = 0.3
	maxColumnWidth = 0.6
	minPieceWords  = 4
	maxInnerGaps   = 0.1
	maxColumnPage  = 3000 // lines; beyond that the page is left as is
)

// lineSpan is a horizontal line's extent and its gutter-wide gaps.
type lineSpan struct {
	ok     bool // horizontal, with runs
	lo, hi float64
	gaps   [][2]float64
}

func (s lineSpan) gapAt(x float64) bool {
	for _, g := range s.gaps {
		if g[0] <= x && x <= g[1] {
			return true
		}
	}
	return false
}

func spanOf(l textLine) lineSpan {
	if l.dx < 0.999 || math.Abs(l.dy) > 0.01 || len(l.runs) == 0 || !(l.size > 0) {
		return lineSpan{}
	}
	runs := append([]textRun(nil), l.runs...)
	sort.Slice(runs, func(i, j int) bool { return runs[i].start < runs[j].start })
	s := lineSpan{ok: true, lo: runs[0].start, hi: runs[0].end}
	for _, r := range runs[1:] {
		if r.start-s.hi >= gutterGap*l.size {
			s.gaps = append(s.gaps, [2]float64{s.hi, r.start})
		}
		s.hi = math.Max(s.hi, r.end)
	}
	return s
}

// piece is the part of line l made of the runs on one side of x.
func piece(l textLine, x float64, left bool) textLine {
	p := l
	p.runs = nil
	p.lead = 0 // where the bold start of a line split in two lies is not kept
	var b strings.Builder
	for i, r := range l.runs {
		if ((r.start+r.end)/2 < x) != left {
			continue
		}
		end := len(l.text)
		if i+1 < len(l.runs) {
			end = l.runs[i+1].off
		}
		t := strings.TrimSpace(l.text[r.off:end])
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		p.runs = append(p.runs, textRun{b.Len(), r.start, r.end})
		b.WriteString(t)
	}
	p.text = b.String()
	return p
}

// readColumns returns the lines in reading order and whether the page was
// read as two columns; other pages come back unchanged.
func readColumns(lines []textLine) ([]textLine, bool) {
	if len(lines) < 2*minColumnLines || len(lines) > maxColumnPage {
		return lines, false
	}
	spans := make([]lineSpan, len(lines))
	x0, x1 := math.Inf(1), math.Inf(-1)
	for i, l := range lines {
		spans[i] = spanOf(l)
		if spans[i].ok {
			x0, x1 = math.Min(x0, spans[i].lo), math.Max(x1, spans[i].hi)
		}
	}
	width := x1 - x0
	if !(width > 0) || math.IsInf(width, 0) {
		return lines, false
	}
	// The gutter: the position in the middle band with the most lines
	// split there, among those where splits are gutterShare of crossings.
	const steps = 60
	best, score := 0, make([]int, steps+1)
	for k := 0; k <= steps; k++ {
		x := x0 + width*(0.35+0.3*float64(k)/steps)
		cross, mixed := 0, 0
		for _, s := range spans {
			if s.ok && s.lo < x && x < s.hi {
				cross++
				if s.gapAt(x) {
					mixed++
				}
			}
		}
		if mixed >= minColumnLines && float64(mixed) >= gutterShare*float64(cross) {
			score[k] = mixed
			best = max(best, mixed)
		}
	}
	if best == 0 {
		return lines, false
	}
	var ks []int
	for k, s := range score {
		if s == best {
			ks = append(ks, k)
		}
	}
	x := x0 + width*(0.35+0.3*float64(ks[len(ks)/2])/steps)

	// Split and check the columns.
	type part struct {
		left, right *textLine
		keep        bool // a full-width or non-horizontal line
	}
	parts := make([]part, len(lines))
	var nLeft, nRight, inner int
	lx0, lx1, rx0, rx1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	var leftWords, rightWords []int
	for i, l := range lines {
		s := spans[i]
		switch {
		case !s.ok:
			parts[i].keep = true
			continue
		case s.hi <= x:
			parts[i].left = &lines[i]
		case s.lo >= x:
			parts[i].right = &lines[i]
		case s.gapAt(x):
			lp, rp := piece(l, x, true), piece(l, x, false)
			parts[i].left, parts[i].right = &lp, &rp
			leftWords = append(leftWords, len(lp.runs))
			rightWords = append(rightWords, len(rp.runs))
		default:
			parts[i].keep = true
			continue
		}
		if p := parts[i].left; p != nil {
			ps := spanOf(*p)
			nLeft++
			lx0, lx1 = math.Min(lx0, ps.lo), math.Max(lx1, ps.hi)
			if len(ps.gaps) > 0 {
				inner++
			}
		}
		if p := parts[i].right; p != nil {
			ps := spanOf(*p)
			nRight++
			rx0, rx1 = math.Min(rx0, ps.lo), math.Max(rx1, ps.hi)
			if len(ps.gaps) > 0 {
				inner++
			}
		}
	}
	colOK := func(w float64) bool { return w >= minColumnWidth*width && w <= maxColumnWidth*width }
	if nLeft < minColumnLines || nRight < minColumnLines || !colOK(lx1-lx0) || !colOK(rx1-rx0) ||
		float64(inner) > maxInnerGaps*float64(nLeft+nRight) ||
		medianInt(leftWords) < minPieceWords || medianInt(rightWords) < minPieceWords {
		return lines, false
	}

	// Blocks between kept lines, each left column first.
	out := make([]textLine, 0, len(lines)+len(leftWords))
	var left, right []textLine
	flush := func() {
		out = append(append(out, left...), right...)
		left, right = left[:0], right[:0]
	}
	for i, p := range parts {
		if p.keep {
			flush()
			out = append(out, lines[i])
			continue
		}
		if p.left != nil {
			left = append(left, *p.left)
		}
		if p.right != nil {
			right = append(right, *p.right)
		}
	}
	flush()
	return out, true
}

func medianInt(v []int) int {
	if len(v) == 0 {
		return 0
	}
	s := append([]int(nil), v...)
	sort.Ints(s)
	return s[len(s)/2]
}

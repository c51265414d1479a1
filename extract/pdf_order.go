package extract

import (
	"math"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Reading order within a page, after the walker and readColumns.
//
// Column breaks. A producer that draws a page column by column (HTML
// printers: WeasyPrint, browsers) gives lines in reading order, but the
// first line of a column followed the last line of the column before
// with no paragraph gap (the baseline moves up, not down), so a list at
// the foot of the left column and the paragraph at the head of the right
// one read as one paragraph. columnBreak finds that step: the next line
// starts right of where the previous one ends, past a gutter, and at
// least columnRise lines higher up the page; layout writes a blank line
// there. A table drawn column by column steps up the height of a row or
// two, less than columnRise, or between one-word cells, and reads as
// before.
//
// Doubtful order. orderDoubt tells a page whose reading order the walker
// cannot vouch for: text drawn over other text (two lines on one baseline
// whose extents overlap), or a block drawn after the text below it that
// neither edgeOrder nor a column break accounts for (a step up the page of
// more than columnRise lines to a line that does not start right of the
// previous one). The document's warnings name those pages.
//
// Letter-spaced capitals. A heading set in small capitals with a larger
// first letter ("SECTION 7" drawn as S + ECTION in a smaller size, with
// letter spacing) has a gap after its first letter a little wider than the
// word-gap threshold; joinSpacedCaps joins a single capital to the
// capitalised word after it when that gap is under capsGap em and clearly
// narrower than the line's other word gaps, so "S ECTION 7" reads
// "SECTION 7" while "A SECTION" of prose (an ordinary word space) stays.
const (
	columnRise  = 3    // lines (of the larger size) up the page
	capsGap     = 0.2  // em: the widest gap inside a letter-spaced word
	capsGapRate = 0.5  // times the narrowest other word gap of the line
	overlapEm   = 2.0  // em of extent two lines on one baseline must share to overlap
	overlapBase = 0.15 // em: baselines closer than this are one baseline
	// doubtLetters: the letters and digits of a block drawn out of order
	// that make the order doubtful.
	doubtLetters = 40
)

// horizontal: a line running left to right with runs.
func horizontal(l textLine) bool {
	return l.dx > 0.999 && math.Abs(l.dy) < 0.01 && len(l.runs) > 0 && l.size > 0
}

// extent is the start and end of a horizontal line's runs.
func extent(l textLine) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, r := range l.runs {
		lo, hi = math.Min(lo, r.start), math.Max(hi, r.end)
	}
	return lo, hi
}

// columnBreak: l, drawn after p, starts a new column of running text.
func columnBreak(p, l textLine) bool {
	if len(p.runs) < 2 || len(l.runs) < 2 {
		return false // a table's one-word cells (marks, names, dates) read as before
	}
	return columnStep(p, l)
}

// columnStep: l, drawn after p, starts a new column.
func columnStep(p, l textLine) bool {
	if !horizontal(p) || !horizontal(l) {
		return false
	}
	ref := math.Max(p.size, l.size)
	if l.across-p.across < columnRise*ref {
		return false
	}
	_, phi := extent(p)
	llo, _ := extent(l)
	return llo >= phi+gutterGap*ref
}

// orderDoubt reports whether the page's reading order is uncertain (see
// above). lines are in reading order.
func orderDoubt(lines []textLine) bool {
	top, bottom := math.Inf(-1), math.Inf(1)
	for _, l := range lines {
		if horizontal(l) {
			top, bottom = math.Max(top, l.across), math.Min(bottom, l.across)
		}
	}
	for i := 1; i < len(lines); i++ {
		p, l := lines[i-1], lines[i]
		if !horizontal(p) || !horizontal(l) {
			continue
		}
		ref := math.Max(p.size, l.size)
		if l.across-p.across <= columnRise*ref || columnStep(p, l) ||
			p.across <= bottom+edgeMargin*ref || l.across >= top-edgeMargin*ref {
			continue // in order, a column break, or a page edge (a footer drawn first, a header last)
		}
		// The lines drawn above p from l on: a paragraph's worth of
		// letters, not a label or bullets (signature fields filled in, list
		// markers drawn after their items).
		n := 0
		for _, b := range lines[i:] {
			if !horizontal(b) || b.across <= p.across {
				break
			}
			n += b.glyphs
		}
		if n >= doubtLetters {
			return true
		}
	}
	return overlaps(lines)
}

// overlaps: two horizontal lines on one baseline share more than
// overlapEm of their extents.
func overlaps(lines []textLine) bool {
	idx := make([]int, 0, len(lines))
	for i, l := range lines {
		if horizontal(l) {
			idx = append(idx, i)
		}
	}
	sort.Slice(idx, func(a, b int) bool { return lines[idx[a]].across < lines[idx[b]].across })
	for a, i := range idx {
		li := lines[i]
		if li.glyphs < doubtLetters/4 {
			continue
		}
		lo, hi := extent(li)
		for _, j := range idx[a+1:] {
			lj := lines[j]
			ref := math.Max(li.size, lj.size)
			if lj.across-li.across > overlapBase*ref {
				break
			}
			if lj.glyphs < doubtLetters/4 {
				continue
			}
			lo2, hi2 := extent(lj)
			if math.Min(hi, hi2)-math.Max(lo, lo2) > overlapEm*ref {
				return true
			}
		}
	}
	return false
}

// joinSpacedCaps joins, in line l, a run that is one capital letter to
// the run after it when that run starts with a capitalised word (two or
// more capitals) and the gap between them is a letter space, not a word
// space (see above).
func joinSpacedCaps(l *textLine) {
	if len(l.runs) < 2 || !(l.size > 0) {
		return
	}
	for k := 0; k+1 < len(l.runs); k++ {
		r, n := l.runs[k], l.runs[k+1]
		if n.off <= r.off || l.text[n.off-1] != ' ' || !oneCapital(l.text[r.off:n.off-1]) || !capsWord(l.text[n.off:]) {
			continue
		}
		gap := n.start - r.end
		if gap < 0 || gap >= capsGap*l.size {
			continue
		}
		if other := narrowestGap(l.runs, k); other > 0 && gap >= capsGapRate*other {
			continue
		}
		// Drop the space before run k+1 and merge the runs.
		l.text = l.text[:n.off-1] + l.text[n.off:]
		if l.lead >= n.off {
			l.lead--
		}
		l.runs[k].end = math.Max(r.end, n.end)
		l.runs = append(l.runs[:k+1], l.runs[k+2:]...)
		for j := k + 1; j < len(l.runs); j++ {
			l.runs[j].off--
		}
	}
}

// oneCapital: s is one upper-case letter.
func oneCapital(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && unicode.IsUpper(r)
}

// capsWord: s starts with two or more upper-case letters ending at a
// space, a digit, punctuation or the end.
func capsWord(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			if unicode.IsLetter(r) {
				return false
			}
			break
		}
		n++
	}
	return n >= 2
}

// narrowestGap is the narrowest gap between runs of the line other than
// the one after run k (0 when there is none).
func narrowestGap(runs []textRun, k int) float64 {
	best := 0.0
	for j := 0; j+1 < len(runs); j++ {
		if j == k {
			continue
		}
		if g := runs[j+1].start - runs[j].end; g > 0 && (best == 0 || g < best) {
			best = g
		}
	}
	return best
}

// ReadingOrderWarning begins the warning that names the pages of a PDF
// whose reading order is uncertain (orderDoubt): the words are whole, but
// their paragraphs may be out of order.
const ReadingOrderWarning = "reading order uncertain"

// orderWarning tells the pages whose reading order is uncertain.
func orderWarning(pages []int) string {
	return ReadingOrderWarning + " on " + pageList(pages) + " (a block drawn out of place, or text over text): " +
		"paragraphs there may be out of order; check quotes from there against the PDF"
}

// A block drawn last into an empty band of the page. Some producers draw a
// boxed block (the parties' panel under a title, a sidebar) after the
// body although it sits between two of the body's paragraphs; read in
// stream order it follows the page's last line. gapBlock moves the last
// lines of the stream (at most maxGapBlock, at least two) to their place
// when they all lie, top down in one direction, strictly inside a band of
// the page that no line drawn before them crosses, the lines before run
// top down (as edgeOrder asks), and the block starts above the line drawn
// just before it.
const maxGapBlock = 16

func gapBlock(lines []textLine) []textLine {
	n := len(lines)
	for k := max(n-maxGapBlock, 3); k <= n-2; k++ {
		block, body := lines[k:], lines[:k]
		top, bottom, ok := bodyExtent(body)
		if !ok || !horizontal(block[0]) || block[0].across <= body[k-1].across {
			continue
		}
		hi, lo := math.Inf(-1), math.Inf(1)
		fits := true
		for _, l := range block {
			if !sameDirection(l, body[0]) || !horizontal(l) {
				fits = false
				break
			}
			hi, lo = math.Max(hi, l.across), math.Min(lo, l.across)
		}
		if !fits || hi > top || lo < bottom {
			continue // outside the body: edgeOrder's case
		}
		// The band must be empty of the body's lines, and the block must
		// sit between two consecutive body lines.
		at := -1
		for i, l := range body {
			m := l.size
			if l.across >= lo-m && l.across <= hi+m {
				at = -2
				break
			}
			if at == -1 && l.across < lo {
				at = i
			}
		}
		if at < 1 || body[at-1].across <= hi {
			continue
		}
		out := make([]textLine, 0, n)
		out = append(append(append(out, body[:at]...), block...), body[at:]...)
		return out
	}
	return lines
}

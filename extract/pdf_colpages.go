package extract

import (
	"math"
	"strings"
)

// Side-by-side columns cut by a page break. A designed document sets
// sections in pairs of boxes side by side (section 6 left, section 7
// right); when the page ends below the boxes' headings, each box goes on
// at the head of the next page in its own column. Read page by page, both
// headings come first and then both bodies, so section 6's body was read
// under section 7's heading. stitchColumns moves the right box's foot (at
// most maxFootLines lines) to the next page, after the left column of its
// first block, when
//   - the page ends with two short blocks side by side whose first lines
//     share a baseline (the left one at most maxFootLines lines, the right
//     one starting right of the left one's lines, past a gutter), and
//   - the next page starts (after at most maxHeadSkip lines: a running
//     header) with a column at the left block's start, followed by a line
//     higher up at the right block's start.
//
// Running text that flows from the foot of the right column to the head
// of the next page's left column fills its columns to the foot, so its
// blocks are never this short: it reads as before.
const (
	maxFootLines = 4
	maxHeadSkip  = 2
	footAlign    = 0.3 // em: the two blocks' first baselines differ by less
	colAlign     = 1.0 // em: a column starts within this of the block it continues
)

// stitchColumns applies the move to each pair of consecutive pages read
// (see above); texts are laid out again from the styles of pages changed.
func stitchColumns(res *pagesResult) {
	for i := 1; i < len(res.pages); i++ {
		a, okA := res.styles[i]
		b, okB := res.styles[i+1]
		if !okA || !okB {
			continue
		}
		na, nb, ok := stitchPair(a, b)
		if !ok {
			continue
		}
		res.styles[i], res.styles[i+1] = na, nb
		res.texts[i], res.texts[i+1] = styledText(na), styledText(nb)
	}
}

// stitchPair returns pages a and b with the right block of a's foot moved
// into b (see above), and whether it was.
func stitchPair(a, b []lineStyle) ([]lineStyle, []lineStyle, bool) {
	n := len(a)
	if n < 2 {
		return nil, nil, false
	}
	// The right block: from the last step up and right.
	r := -1
	for i := n - 1; i > 0 && i >= n-maxFootLines; i-- {
		p, l := a[i-1], a[i]
		if !l.placed || !p.placed {
			return nil, nil, false
		}
		if l.across > p.across && l.x >= p.xend+gutterGap*math.Max(p.size, l.size) {
			r = i
			break
		}
	}
	if r < 0 {
		return nil, nil, false
	}
	right := a[r:]
	for k := 1; k < len(right); k++ {
		if right[k].across >= right[k-1].across || math.Abs(right[k].x-right[0].x) > colAlign*right[k].size {
			return nil, nil, false
		}
	}
	// The left block: the lines before it at or below its top.
	top, em := right[0].across, right[0].size
	l := r
	for l > 0 && a[l-1].placed && a[l-1].across <= top+footAlign*em && a[l-1].xend < right[0].x {
		l--
	}
	if l == r || r-l > maxFootLines || math.Abs(a[l].across-top) > footAlign*em || l > 0 && a[l-1].placed && a[l-1].across <= top {
		return nil, nil, false
	}
	leftX := a[l].x
	// The next page's head: a left column, then a step up to the right one.
	h := -1
	for i := 0; i < len(b) && i <= maxHeadSkip; i++ {
		if b[i].placed && math.Abs(b[i].x-leftX) <= colAlign*b[i].size && b[i].xend < right[0].x {
			h = i
			break
		}
	}
	if h < 0 {
		return nil, nil, false
	}
	k := -1
	for i := h + 1; i < len(b); i++ {
		if !b[i].placed {
			return nil, nil, false
		}
		if b[i].across > b[i-1].across && math.Abs(b[i].x-right[0].x) <= colAlign*b[i].size {
			k = i
			break
		}
		if b[i].xend >= right[0].x || b[i].across >= b[i-1].across {
			return nil, nil, false // a full-width line or a step elsewhere: no left column
		}
	}
	if k < 0 {
		return nil, nil, false
	}
	moved := append([]lineStyle(nil), right...)
	moved[0].gap, moved[0].first = true, false
	nb := make([]lineStyle, 0, len(b)+len(moved))
	nb = append(append(append(nb, b[:k]...), moved...), b[k:]...)
	nb[k+len(moved)].gap = true
	return a[:r:r], nb, true
}

// styledText is a page's text from its line styles, as layout writes it.
func styledText(ls []lineStyle) string {
	var sb strings.Builder
	for i, l := range ls {
		if i > 0 {
			sb.WriteByte('\n')
			if l.gap {
				sb.WriteByte('\n')
			}
		}
		sb.WriteString(l.text)
	}
	return sb.String()
}

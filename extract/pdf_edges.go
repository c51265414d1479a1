package extract

import (
	"math"
	"sort"
)

// Page headers and footers drawn out of reading order.
//
// The walker keeps the lines in the order the content stream draws them,
// which is the reading order for the body of almost every producer. Some
// producers draw the page's header last (after the body) or its footer
// first; read in stream order, a header line then follows the last
// paragraph of the page ("... terminate your rights under this licence.",
// "Software licence agreement") and is read as a sub-heading of the last
// clause, and a footer line comes before the first clause. Neither the
// running-line filter (which looks at the ends of the page) nor the
// heading finder can tell.
//
// edgeOrder moves such lines to their place: a block of at most maxEdge
// lines at the end of the stream whose lines all lie outside the vertical
// extent of the lines drawn before them, some of them above it, is read as
// the page's edges: those above go first, top down, those below stay
// last. The mirror case (a block at the start of the stream lying outside
// the extent of the rest, some of it below) sends the lines below to the
// end. It acts only on a page whose other lines run top down (at least
// edgeOrdered of their steps go down the page), in one direction, so a
// page drawn in no order at all is left as it is.
const (
	maxEdge     = 6
	edgeOrdered = 0.8
	edgeMargin  = 0.5 // em outside the body's extent
)

// edgeOrder returns the lines with out-of-order header and footer lines
// moved to the top and bottom of the page; other pages come back
// unchanged.
func edgeOrder(lines []textLine) []textLine {
	n := len(lines)
	if n < maxEdge+3 {
		return lines
	}
	if out, ok := edgeTail(lines); ok {
		return out
	}
	if out, ok := edgeHead(lines); ok {
		return out
	}
	return lines
}

// sameDirection: l runs in the direction of ref.
func sameDirection(l, ref textLine) bool {
	return math.Abs(l.dx-ref.dx) < 0.05 && math.Abs(l.dy-ref.dy) < 0.05
}

// bodyExtent is the highest and lowest baseline of body, and whether its
// lines run top down in one direction.
func bodyExtent(body []textLine) (top, bottom float64, ok bool) {
	top, bottom = math.Inf(-1), math.Inf(1)
	down := 0
	for i, l := range body {
		if !sameDirection(l, body[0]) {
			return 0, 0, false
		}
		top, bottom = math.Max(top, l.across), math.Min(bottom, l.across)
		if i > 0 && body[i-1].across > l.across {
			down++
		}
	}
	return top, bottom, len(body) >= 3 && float64(down) >= edgeOrdered*float64(len(body)-1)
}

// outside: l lies above (+1) or below (-1) the extent [bottom, top] by
// more than edgeMargin em, else 0.
func outside(l textLine, top, bottom float64) int {
	m := edgeMargin * l.size
	switch {
	case l.across > top+m:
		return 1
	case l.across < bottom-m:
		return -1
	}
	return 0
}

// edgeTail moves the header lines of an edge block at the stream's end to
// the top of the page.
func edgeTail(lines []textLine) ([]textLine, bool) {
	n := len(lines)
	for k := max(n-maxEdge, 3); k < n; k++ {
		above, below, ok := edgeBlock(lines[k:], lines[:k])
		if ok && len(above) > 0 {
			return placeEdges(above, lines[:k], below), true
		}
	}
	return nil, false
}

// edgeHead moves the footer lines of an edge block at the stream's start
// to the bottom of the page.
func edgeHead(lines []textLine) ([]textLine, bool) {
	for k := min(maxEdge, len(lines)-3); k > 0; k-- {
		above, below, ok := edgeBlock(lines[:k], lines[k:])
		if ok && len(below) > 0 {
			return placeEdges(above, lines[k:], below), true
		}
	}
	return nil, false
}

// edgeBlock splits block into the lines above and below body, and whether
// every line of block lies outside body's extent, in body's direction, and
// body runs top down.
func edgeBlock(block, body []textLine) (above, below []textLine, ok bool) {
	top, bottom, ok := bodyExtent(body)
	if !ok {
		return nil, nil, false
	}
	for _, l := range block {
		if !sameDirection(l, body[0]) {
			return nil, nil, false
		}
		switch outside(l, top, bottom) {
		case 1:
			above = append(above, l)
		case -1:
			below = append(below, l)
		default:
			return nil, nil, false
		}
	}
	return above, below, true
}

// placeEdges is above (top down), body, below (top down), in a new slice.
func placeEdges(above, body, below []textLine) []textLine {
	down := func(s []textLine) {
		sort.SliceStable(s, func(i, j int) bool { return s[i].across > s[j].across })
	}
	above = append([]textLine(nil), above...)
	below = append([]textLine(nil), below...)
	down(above)
	down(below)
	out := make([]textLine, 0, len(above)+len(body)+len(below))
	out = append(append(append(out, above...), body...), below...)
	return out
}

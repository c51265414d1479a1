package extract

import "math"

// Headings drawn before the body. An HTML printer (WeasyPrint) may draw
// a page's section headings first and the body after them; read in stream
// order, the headings open the page and the paragraphs above them (the end
// of the section carried over from the page before) are read under the
// last heading: "9. User's Rights" followed by clause 8.7. leadFirst moves
// such a line to its place: one of the first maxEdge lines of the stream,
// every line drawn before it lying outside the extent of the lines after it
// (a page header or footer), it lying inside that extent, the lines after
// it running top down, and it alone in an empty band of the page between
// two lines drawn one after the other (the nearest lines above and below
// it, neither within bandClear of its baseline), where it shares the
// body's horizontal extent. One line is
// moved at a time, up to maxEdge of them.
const bandClear = 0.8 // lines (of its size) of empty space above and below a line drawn first

func leadFirst(lines []textLine) []textLine {
	lines = topFirst(lines)
	for range maxEdge {
		out, ok := placeLead(lines)
		if !ok {
			break
		}
		lines = out
	}
	return lines
}

// placeLead moves the first line drawn ahead of the body into its band
// (see leadFirst), in a new slice.
func placeLead(lines []textLine) ([]textLine, bool) {
	for i := 0; i < min(maxEdge, len(lines)); i++ {
		l := lines[i]
		if !horizontal(l) {
			return nil, false
		}
		// The horizontal lines after l in l's direction: the body.
		var body []int
		top, bottom := math.Inf(-1), math.Inf(1)
		lo, hi := math.Inf(1), math.Inf(-1)
		for j := i + 1; j < len(lines); j++ {
			b := lines[j]
			if !horizontal(b) || !sameDirection(b, l) {
				continue
			}
			body = append(body, j)
			top, bottom = math.Max(top, b.across), math.Min(bottom, b.across)
			blo, bhi := extent(b)
			lo, hi = math.Min(lo, blo), math.Max(hi, bhi)
		}
		if len(body) < 3 || !topDown(lines, body) {
			return nil, false
		}
		if outside(l, top, bottom) != 0 {
			continue // a header or footer drawn first: edgeOrder's
		}
		llo, lhi := extent(l)
		if lhi <= lo || llo >= hi {
			return nil, false
		}
		// The nearest body lines above and below l, and the band between
		// them: its edges must be drawn one after the other.
		clear := bandClear * l.size
		above, below := -1, -1
		for _, j := range body {
			b := lines[j]
			if math.Abs(b.across-l.across) < clear {
				return nil, false
			}
			if b.across > l.across && (above < 0 || b.across < lines[above].across) {
				above = j
			}
			if b.across < l.across && (below < 0 || b.across > lines[below].across) {
				below = j
			}
		}
		at := below
		if above < 0 || below < 0 || !nextDrawn(lines, body, above, below) {
			return nil, false
		}
		out := make([]textLine, 0, len(lines))
		out = append(out, lines[:i]...)
		out = append(out, lines[i+1:at]...)
		out = append(out, l)
		out = append(out, lines[at:]...)
		return out, true
	}
	return nil, false
}

// nextDrawn: body line b is the one drawn next after body line a.
func nextDrawn(lines []textLine, body []int, a, b int) bool {
	for k := 1; k < len(body); k++ {
		if body[k-1] == a {
			return body[k] == b
		}
	}
	return false
}

// A running header drawn in the middle of the stream (after the page's
// first heading and its paragraphs) is read there, inside a clause, where
// the running-line filter does not look for it. topFirst moves the page's
// topmost line to the start when it stands above every other line by more
// than topClear lines of its size, on a page whose lines run top down:
// whatever the layout, that line is read first.
const topClear = 1.5

func topFirst(lines []textLine) []textLine {
	t, second := -1, math.Inf(-1)
	var idx []int
	for i, l := range lines {
		if !horizontal(l) {
			continue
		}
		idx = append(idx, i)
		if t < 0 || l.across > lines[t].across {
			if t >= 0 {
				second = lines[t].across
			}
			t = i
		} else {
			second = math.Max(second, l.across)
		}
	}
	if t <= 0 || len(idx) < 3 || lines[t].across-second <= topClear*lines[t].size || !topDown(lines, idx) {
		return lines
	}
	out := make([]textLine, 0, len(lines))
	out = append(out, lines[t])
	out = append(out, lines[:t]...)
	return append(out, lines[t+1:]...)
}

// topDown: the lines at idx (in stream order) mostly step down the page
// (edgeOrdered of their steps).
func topDown(lines []textLine, idx []int) bool {
	down := 0
	for k := 1; k < len(idx); k++ {
		if lines[idx[k-1]].across > lines[idx[k]].across {
			down++
		}
	}
	return float64(down) >= edgeOrdered*float64(len(idx)-1)
}

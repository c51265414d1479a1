package extract

import (
	"math"
	"strings"
)

// List markers drawn apart from their items. Some producers (browsers
// printing HTML lists) draw every item's text first and the list markers
// ("•") last, each as a text run of its own on its item's baseline; read
// in stream order the markers pile up as lone lines after the page's text
// and the items lose them. attachMarkers puts each such marker back at the
// start of its item's line: a line that is only a marker glyph joins the
// nearest other line on the same baseline (within overlapBase em) that
// starts right of it, within markerReach em.
const markerReach = 4.0 // em from a marker's end to its item's start

// markerGlyphs are the glyphs a list marker is drawn with.
const markerGlyphs = "•◦▪▫‣∙●○■□◾◽▸►➢➤"

// loneMarker: the line's text is one marker glyph (spaces around it).
func loneMarker(l textLine) bool {
	t := strings.TrimSpace(l.text)
	return t != "" && len([]rune(t)) == 1 && strings.Contains(markerGlyphs, t) && horizontal(l)
}

func attachMarkers(lines []textLine) []textLine {
	var marks []int
	isMark := make([]bool, len(lines))
	for i, l := range lines {
		if loneMarker(l) {
			marks = append(marks, i)
			isMark[i] = true
		}
	}
	if len(marks) == 0 {
		return lines
	}
	drop := make(map[int]bool)
	for _, i := range marks {
		m := lines[i]
		_, mhi := extent(m)
		best, bestGap := -1, math.Inf(1)
		for j, l := range lines {
			if isMark[j] || drop[j] || !horizontal(l) || !sameDirection(l, m) {
				continue
			}
			ref := math.Max(l.size, m.size)
			if math.Abs(l.across-m.across) > overlapBase*ref {
				continue
			}
			lo, _ := extent(l)
			gap := lo - mhi
			if gap < -0.1*ref || gap > markerReach*ref || gap >= bestGap {
				continue
			}
			best, bestGap = j, gap
		}
		if best < 0 {
			continue
		}
		lines[best] = withMarker(lines[best], m)
		drop[i] = true
	}
	out := lines[:0]
	for i, l := range lines {
		if !drop[i] {
			out = append(out, l)
		}
	}
	return out
}

// withMarker is line l with marker m's glyph and a space before its text.
func withMarker(l, m textLine) textLine {
	g := strings.TrimSpace(m.text) + " "
	runs := make([]textRun, 0, len(l.runs)+1)
	mlo, mhi := extent(m)
	runs = append(runs, textRun{off: 0, start: mlo, end: mhi})
	for _, r := range l.runs {
		r.off += len(g)
		runs = append(runs, r)
	}
	l.runs = runs
	l.text = g + l.text
	l.lead += len(g)
	return l
}

package extract

import (
	"math"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
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

// Numbers in the margin are drawn the same way: HTML printers
// (WeasyPrint) draw an ordered list's item text first and its number
// ("8.1.", "a)") last, on the baseline of the item's first line, left of
// it. Read in stream order each number follows its own item: a lone line
// after an item of several lines, or the end of the line of an item of one
// line ("... to third parties. 8.6."), so the clause parser paired each
// number with the next item. A number is a marker when it was drawn after
// its item's line (never a number drawn before a line: a table's number
// column read as before) and stands left of the line's start within
// markerReach em; a number at the end of a line whose run stands left of
// the line's first run goes back to the start of it.

// numberMarkRe is a list number as drawn in the margin: "8.", "8.1.",
// "8.1", "a)", "(a)", "iv.", "(iv)", "A." (a bare "7", a page number or a
// figure, is none).
var numberMarkRe = lazyre.New(`^(?:\d{1,3}(?:\.\d{1,3}){0,3}[.)]|\d{1,3}(?:\.\d{1,3}){1,3}|\(\d{1,3}\)|\(?[a-zA-Z][.)]|\([a-zA-Z]\)|\(?[ivxlc]{1,6}[.)]|\([ivxlc]{1,6}\))$`)

// loneMarker: the line's text is one marker glyph (spaces around it).
func loneMarker(l textLine) bool {
	t := strings.TrimSpace(l.text)
	return t != "" && len([]rune(t)) == 1 && strings.Contains(markerGlyphs, t) && horizontal(l)
}

// loneNumber: the line's text is one list number (see numberMarkRe).
func loneNumber(l textLine) bool {
	return len(l.runs) == 1 && horizontal(l) && numberMarkRe.MatchString(strings.TrimSpace(l.text))
}

func attachMarkers(lines []textLine) []textLine {
	var marks []int
	isMark := make([]bool, len(lines))
	number := make([]bool, len(lines))
	for i, l := range lines {
		lines[i] = numberBack(l)
		if loneMarker(l) || loneNumber(l) {
			marks = append(marks, i)
			isMark[i] = true
			number[i] = !loneMarker(l)
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
			if isMark[j] || drop[j] || !horizontal(l) || !sameDirection(l, m) || number[i] && j > i {
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

// withMarker is line l with marker m's glyph (or number) and a space
// before its text.
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
	if m.glyphs > 0 && m.bold == 0 {
		l.lead = 0 // a number in the regular face, as if drawn first
	} else {
		l.lead += len(g)
	}
	l.glyphs += m.glyphs
	l.bold += m.bold
	return l
}

// numberBack moves a list number drawn after the one line of its item
// ("... to third parties. 8.6.", its run left of the line's first run) to
// the start of the line.
func numberBack(l textLine) textLine {
	k := len(l.runs) - 1
	if k < 1 || !horizontal(l) {
		return l
	}
	last, first := l.runs[k], l.runs[0]
	t := strings.TrimSpace(l.text[last.off:])
	if last.off < 1 || last.end > first.start+0.1*l.size || first.start-last.end > markerReach*l.size ||
		!numberMarkRe.MatchString(t) && !(len([]rune(t)) == 1 && strings.Contains(markerGlyphs, t)) {
		return l
	}
	for _, r := range l.runs[1:k] {
		if r.start < first.start {
			return l // runs out of order already: not one item's line
		}
	}
	n := letterCount(t)
	rest := l
	rest.text = strings.TrimRight(l.text[:last.off], " ")
	rest.runs = l.runs[:k:k]
	rest.glyphs = l.glyphs - n
	rest.bold = max(0, min(l.bold, rest.glyphs))
	rest.lead = min(l.lead, len(rest.text))
	m := textLine{text: t, across: l.across, size: l.size, dx: l.dx, dy: l.dy,
		runs: []textRun{{off: 0, start: last.start, end: last.end}}, glyphs: n}
	if l.bold > rest.glyphs {
		m.bold = n
	}
	return withMarker(rest, m)
}

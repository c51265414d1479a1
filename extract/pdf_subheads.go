package extract

import "strings"

// tightSubHeading reports whether the bold line p[i] in the body's size,
// with its paragraph right below it in the same size and no gap between
// (a word processor's heading style with little space after: "Notice of
// Changes" / "We give thirty days notice ..."), is a sub-heading all the
// same: it stands alone above (a paragraph gap, the page's start or a
// finished sentence on the line before), it
// is one line, the line below is in the regular face, and its words read
// as a sub-heading (two to eight words in title case, no sentence or
// lead-in punctuation, see subHeadingWords). A bold first line of a
// paragraph that wraps into regular text ends like a phrase cut short or
// reads as a sentence, and is left to the paragraph.
func tightSubHeading(p []lineStyle, i, j int, k typeKey) bool {
	if j != i+1 || j >= len(p) || !k.bold || !(p[i].gap || p[i].first || i == 0 || endsSentence(p[i-1].text)) {
		return false
	}
	next := keyOfStyle(p[j])
	t := strings.TrimSpace(NormalizeText(p[i].text))
	return !next.bold && next.halfPt == k.halfPt && (subHeadingWords(t) || oneWordSubHeading(t, p[j].text))
}

// endsSentence: the line ends a sentence or a list's lead-in.
func endsSentence(t string) bool {
	t = strings.TrimSpace(t)
	return t != "" && strings.ContainsAny(t[len(t)-1:], ".:;!?")
}

package extract

import (
	"strings"
	"unicode"
)

// Word's automatic numbering. A DOCX list paragraph shows the number its
// list gives it, and that number is what a reader cites even where the
// list skips ("15." then "17." then "20.", each paragraph in a list of its
// own whose start value was typed in). The Word reader lists those lines
// (Page.AutoNumbered); a number so written is the next sibling of an open
// clause of its style whenever it is greater than the last one, where a
// typed number must be the next one (a skip there is more often a
// wrapped line or a cross-reference). And a number Word writes without a
// full stop ("%1" then a tab: "1 The Supplier shall ...") opens a clause
// whatever follows it, as a typeset number does, where typed text would
// read as a wrapped line ("72 hours").

// maxAutoSkip is the largest skip accepted in Word's automatic numbers.
const maxAutoSkip = 20

// noteAuto records line, the first line of a paragraph its list numbers
// with prefix ("17. "), when the prefix is a number (not a bullet).
func (w *docxWalker) noteAuto(prefix, line string) {
	if len(w.tables) == 0 && prefix != "" && unicode.IsDigit(rune(prefix[0])) {
		w.auto = append(w.auto, line)
	}
}

// normalizeAll applies NormalizeText to each line, so that the lines match
// the page's normalised text.
func normalizeAll(ls []string) []string {
	if len(ls) == 0 {
		return nil
	}
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = strings.TrimSpace(NormalizeText(l))
	}
	return out
}

// markAutoNumbered marks the lines listed as auto-numbered (in order).
func markAutoNumbered(lines []srcLine, auto []string) {
	at := 0
	for _, a := range auto {
		for i := at; i < len(lines); i++ {
			if strings.TrimSpace(lines[i].text) == a {
				lines[i].autoNum = true
				at = i + 1
				break
			}
		}
	}
}

// autoSibling reports whether m, a number of Word's automatic numbering
// on line s.line, follows the open clause o of its style although it
// skips (see above).
func (s *splitter) autoSibling(m marker, o openClause) bool {
	return m.kind == kNum && len(m.path) == 1 && s.line < len(s.lines) && s.lines[s.line].autoNum &&
		m.ord > o.ord && m.ord <= o.ord+maxAutoSkip
}

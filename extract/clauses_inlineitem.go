package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Lettered items run on inside the item before them. A text layer that
// joined wrapped lines, or a paragraph typed with its items one after
// another, leaves the next item's mark inside the item before it ("(h) use
// the Service in competition with us ...; (i) access any content ...",
// then "(j) bypass ..." at a line start): the inline item opened no
// clause, and the next one, skipping its letter, none either. The line is
// cut before the mark of the next letter of the item that opened the
// paragraph when the mark follows a semicolon that closes an item ("; ",
// "; or ", "; and ") and precedes a word.

// itemLeadRe: a parenthesised letter opening a line ("(h) use ...").
var itemLeadRe = lazyre.New(`^\s*\(([a-zA-Z])\)\s`)

// splitInlineItems cuts the lines of ls before lettered items run on
// inside the item before them (see above).
func splitInlineItems(ls []srcLine) []srcLine {
	var out []srcLine
	var cur byte // the letter of the item the paragraph is in, or 0
	for _, l := range ls {
		t := l.text
		if strings.TrimSpace(t) == "" {
			cur = 0
			out = append(out, l)
			continue
		}
		from := 0
		if g := itemLeadRe.FindStringSubmatchIndex(t); g != nil {
			cur, from = t[g[2]], g[1]
		}
		for cur != 0 && cur != 'z' && cur != 'Z' {
			cut := inlineItemCut(t, from, cur+1)
			if cut < 0 {
				break
			}
			head := l
			head.text = strings.TrimRight(t[:cut], " ")
			out = append(out, head)
			t, from, cur = t[cut:], 4, cur+1
		}
		l.text = t
		out = append(out, l)
	}
	return out
}

// inlineItemCut is the offset in t, at or after from, of the mark "(c)"
// of letter c after a semicolon closing an item and before a word, or -1.
func inlineItemCut(t string, from int, c byte) int {
	mark := "(" + string(c) + ") "
	return cutAtMark(t, from, mark, func(at int) int {
		before := strings.TrimRight(t[:at], " ")
		before = strings.TrimSuffix(strings.TrimSuffix(before, " or"), " and")
		if !strings.HasSuffix(before, ";") {
			return -1
		}
		if r, _ := utf8.DecodeRuneInString(t[at+len(mark):]); unicode.IsLetter(r) {
			return at
		}
		return -1
	})
}

// cutAtMark returns the first cut that cut finds at an occurrence of mark
// in t at or after from (cut returns -1 to pass an occurrence by), or -1.
func cutAtMark(t string, from int, mark string, cut func(at int) int) int {
	for i := from; i < len(t); {
		k := strings.Index(t[i:], mark)
		if k < 0 {
			return -1
		}
		at := i + k
		i = at + len(mark)
		if c := cut(at); c >= 0 {
			return c
		}
	}
	return -1
}

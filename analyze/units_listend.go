package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// The end of an unpunctuated list. splitLines runs a paragraph that ends
// without a full stop on into the next one (a page break, or a running
// header dropped, in mid-sentence). A list whose items carry no final full
// stop ends the same way, and its last item then swallowed the heading or
// clause after it. listEnds tells that case: the paragraph is a list item
// (a bullet, "(a)") or a list of "Label: value" lines, it does not break
// off on a word that needs a continuation ("the", "of", "shall"), and the
// next paragraph starts with a capital.

// reLabelLine: a line opening with a short capitalised label and a colon
// ("Encryption at rest: AES-256 ...").
var reLabelLine = lazyre.New(`(?m)^[ \t]*\p{Lu}[\p{L}\p{N} &/()'’-]{0,40}:[ \t]+\S`)

// continuationWords: a paragraph ending on one of these breaks off in
// mid-sentence.
var continuationWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of to and or nor in on at by for with from as into onto upon
		under within without than that which who whose whom if where when while including such any all
		each every no not its their his her our your this these those shall will must may can should
		would could is are was were be been being has have had do does other between against per via
		so but either neither both also only`) {
		continuationWords[w] = true
	}
}

// listEnds: paragraph p, which ends without punctuation, closes a list
// (item says p is a list item's paragraph), so next starts a new unit.
func listEnds(p, next string, item bool) bool {
	next = strings.TrimLeft(next, " \t\r\n*_")
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsUpper(r) {
		return false
	}
	f := strings.Fields(p)
	if len(f) == 0 || continuationWords[strings.ToLower(strings.Trim(f[len(f)-1], "*_,-–—"))] {
		return false
	}
	if item {
		return true
	}
	return reLabelLine.MatchString(firstLine(p)) && len(reLabelLine.FindAllStringIndex(p, 3)) >= 2
}

// firstLine is s up to its first line break.
func firstLine(s string) string {
	s = strings.TrimLeft(s, "\n")
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// closesParen says a line opening with "32)" closes a parenthesis the
// line before left open ("measures (Article\n32) - Respect ..."): a
// wrapped reference, no list item.
func closesParen(before, marker string) bool {
	m := strings.TrimSpace(marker)
	if strings.HasPrefix(m, "(") || !strings.HasSuffix(m, ")") {
		return false
	}
	last := strings.TrimRight(before, " \t\r\n")
	if k := strings.LastIndexByte(last, '\n'); k >= 0 {
		last = last[k+1:]
	}
	return strings.Count(last, "(") > strings.Count(last, ")")
}

// startsLower says s opens (after marks) with a lower-case letter.
func startsLower(s string) bool {
	for _, r := range strings.TrimLeft(s, " \t\n*_\"“") {
		return unicode.IsLower(r)
	}
	return false
}

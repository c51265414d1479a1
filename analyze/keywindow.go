package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// A keyPattern is a pattern every match of which ends with a keyword (a
// phrase a cheap scan finds) and holds none of a few barrier bytes before
// it: reNameThenRole, "Acme (as data importer)", opens with a lazy class of
// up to 80 runes, so Go's regexp tries it at every byte of an agreement
// with its slow engines (the batch's parent paid about a tenth of its time
// for it, over every DPA that names the transfer roles). Here the pattern
// runs only on the window from the last barrier byte before each keyword
// to just past the keyword. The matches are FindAllStringSubmatchIndex's,
// in its order (TestKeyPatterns and FuzzKeyPatterns hold each to its
// pattern), provided the pattern has these properties:
//   - it opens with no assertion and matches no empty string;
//   - every match ends with one keyword, and after it with at most pad
//     bytes less one, its closing assertion reading no further than that;
//   - no match holds a barrier byte before its keyword;
//   - of the matches from one start, the pattern prefers the one whose
//     keyword comes first, and a match from a start reaches any keyword a
//     match from a later start reaches (reNameThenRole: a lazy class that
//     holds the keyword's words, then words that never hold its first).
type keyPattern struct {
	re *lazyre.Regexp
	// key is the next keyword at or after from: its start and end, or -1.
	key     func(s string, from int) (start, end int)
	barrier string
	pad     int
	// span bounds a window's length before its keyword: a text with no
	// barrier byte for longer is matched by the pattern itself, from there
	// on, so the work stays linear in the text.
	span int
}

// findAllSubmatchIndex is re.FindAllStringSubmatchIndex(s, -1).
func (p *keyPattern) findAllSubmatchIndex(s string) [][]int {
	var out [][]int
	pos, from := 0, 0
	for {
		ks, ke := p.key(s, from)
		if ks < 0 {
			return out
		}
		base := max(pos, ks-p.span)
		lo := base
		if i := strings.LastIndexAny(s[base:ks], p.barrier); i >= 0 {
			lo = base + i + 1
		} else if base > pos {
			for _, m := range p.re.FindAllStringSubmatchIndex(s[pos:], -1) {
				out = append(out, shiftIndex(m, pos))
			}
			return out
		}
		m := p.re.FindStringSubmatchIndex(s[lo:min(len(s), ke+p.pad)])
		if m == nil {
			from = ks + 1
			continue
		}
		m = shiftIndex(m, lo)
		out = append(out, m)
		pos, from = m[1], m[1]
	}
}

// findAllSubmatch is re.FindAllStringSubmatch(s, -1).
func (p *keyPattern) findAllSubmatch(s string) [][]string {
	return submatchStrings(s, p.findAllSubmatchIndex(s))
}

// shiftIndex adds off to every index of a match that is set.
func shiftIndex(m []int, off int) []int {
	for k := range m {
		if m[k] >= 0 {
			m[k] += off
		}
	}
	return m
}

// kpNameThenRole is reNameThenRole: its keyword "data", spaces, then
// "exporter" or "importer", in any case (none of their letters has a case
// partner outside ASCII); its matches hold no ".", ";", ":" or ")" (its
// opening class excludes them, the words before the keyword hold none);
// after the keyword come an "s" (in upper case, or the long s, two bytes)
// and a word boundary. Its opening class is at most 80 runes (320 bytes),
// the words after it a few dozen bytes but for runs of spaces.
var kpNameThenRole = &keyPattern{re: reNameThenRole, key: nextTransferRole, barrier: ".;:)", pad: 4, span: 4096}

// nextTransferRole finds "data", then spaces (\s: tab, newline, form feed,
// carriage return, space), then "exporter" or "importer", in any ASCII
// case, at or after from: the start of "data" and the end of the role.
func nextTransferRole(s string, from int) (int, int) {
	for from < len(s) {
		i := indexLower(s[from:], "data")
		if i < 0 {
			return -1, -1
		}
		start := from + i
		j := start + 4
		for j < len(s) && isReSpace(s[j]) {
			j++
		}
		if j > start+4 && j+8 <= len(s) {
			if w := s[j : j+8]; strings.EqualFold(w, "exporter") || strings.EqualFold(w, "importer") {
				return start, j + 8
			}
		}
		from = start + 1
	}
	return -1, -1
}

// isReSpace is a byte of \s: tab, newline, form feed, carriage return, space.
func isReSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// A startPattern is a pattern whose every match starts at a place a cheap
// test finds: the word "between" after a word boundary, a quotation mark,
// the start of a line that holds a colon, a full stop (the parties' patterns
// over an agreement's first 20,000 characters; the sentence ends and list
// items of every clause). Go's regexp tries a pattern that opens with a word
// boundary, a class or a line start at every byte of the text, with its slow
// engines; here it is tried, anchored, only at those places. The matches are
// FindAllStringSubmatchIndex's, in its order (TestStartPatterns and
// FuzzStartPatterns hold each to its pattern).
type startPattern struct {
	re       *lazyre.Regexp
	anchored *lazyre.Regexp
	// next is the first place at or after from where a match may start
	// (-1: none). Every match's start must be one, and the byte before it
	// must read as the start of a text does to the pattern's opening
	// assertion (a word boundary, a line start): it is tried on s[i:].
	next func(s string, from int) int
}

func newStartPattern(re *lazyre.Regexp, next func(s string, from int) int) *startPattern {
	return &startPattern{re: re, anchored: lazyre.New(`^(?:` + re.String() + `)`), next: next}
}

// findAllSubmatchIndex is re.FindAllStringSubmatchIndex(s, -1). The
// pattern must not match the empty string.
func (p *startPattern) findAllSubmatchIndex(s string) [][]int {
	var out [][]int
	for pos := 0; pos < len(s); {
		j := p.next(s, pos)
		if j < 0 {
			break
		}
		m := p.anchored.FindStringSubmatchIndex(s[j:])
		if m == nil {
			pos = j + 1
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += j
			}
		}
		out = append(out, m)
		pos = max(m[1], j+1)
	}
	return out
}

// findAllSubmatch is re.FindAllStringSubmatch(s, -1).
func (p *startPattern) findAllSubmatch(s string) [][]string {
	return submatchStrings(s, p.findAllSubmatchIndex(s))
}

// submatchStrings turns FindAllStringSubmatchIndex's matches of s into
// FindAllStringSubmatch's strings ("" for a group that did not take part).
func submatchStrings(s string, matches [][]int) [][]string {
	var out [][]string
	for _, m := range matches {
		sub := make([]string, len(m)/2)
		for k := range sub {
			if m[2*k] >= 0 {
				sub[k] = s[m[2*k]:m[2*k+1]]
			}
		}
		out = append(out, sub)
	}
	return out
}

// isReWordByte is a byte of \w (ASCII): the byte before a word boundary that
// opens a match must not be one. A byte of a rune outside ASCII is not.
func isReWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// nextWord finds word (its letters without case partners outside ASCII)
// from from on, after a word boundary; fold compares ASCII letters in
// lower case.
func nextWord(word string, fold bool) func(s string, from int) int {
	return func(s string, from int) int {
		for i := from; i+len(word) <= len(s); i++ {
			if fold {
				k := indexLower(s[i:], word)
				if k < 0 {
					return -1
				}
				i += k
			} else {
				k := strings.Index(s[i:], word)
				if k < 0 {
					return -1
				}
				i += k
			}
			if i == 0 || !isReWordByte(s[i-1]) {
				return i
			}
		}
		return -1
	}
}

// nextAny finds the first of the strings in set from from on.
func nextAny(set ...string) func(s string, from int) int {
	return func(s string, from int) int {
		for i := from; i < len(s); i++ {
			for _, q := range set {
				if s[i] == q[0] && strings.HasPrefix(s[i:], q) {
					return i
				}
			}
		}
		return -1
	}
}

// nextFirst is the nearest place either of two finders gives.
func nextFirst(a, b func(s string, from int) int) func(s string, from int) int {
	return func(s string, from int) int {
		i, j := a(s, from), b(s, from)
		if i < 0 || j >= 0 && j < i {
			return j
		}
		return i
	}
}

// nextLine finds the next line start (the text's start, or just after a
// "\n") from from on that passes ok.
func nextLine(ok func(s string, i int) bool) func(s string, from int) int {
	return func(s string, from int) int {
		i := from
		if i > 0 && s[i-1] != '\n' {
			k := strings.IndexByte(s[i:], '\n')
			if k < 0 {
				return -1
			}
			i += k + 1
		}
		for i < len(s) {
			if ok(s, i) {
				return i
			}
			k := strings.IndexByte(s[i:], '\n')
			if k < 0 {
				return -1
			}
			i += k + 1
		}
		return -1
	}
}

// lineHas says the line that starts at i holds c.
func lineHas(c byte) func(s string, i int) bool {
	return func(s string, i int) bool {
		line := s[i:]
		if k := strings.IndexByte(line, '\n'); k >= 0 {
			line = line[:k]
		}
		return strings.IndexByte(line, c) >= 0
	}
}

// nextLineStarts says the line after the one that starts at i begins with
// word, after any of the bytes of skip.
func nextLineStarts(skip, word string) func(s string, i int) bool {
	return func(s string, i int) bool {
		k := strings.IndexByte(s[i:], '\n')
		return k >= 0 && strings.HasPrefix(strings.TrimLeft(s[i+k+1:], skip), word)
	}
}

// The patterns of the parties' reading over an agreement's head, each with
// where its matches start.
var (
	spBetweenVendor = newStartPattern(reBetweenVendor, nextWord("between", false))
	spHereinafter   = newStartPattern(reHereinafter, nextFirst(nextWord("here", true), nextAny("-", "–", "—")))
	spRoleThenName  = newStartPattern(reRoleThenName, nextWord("the", true))
	spWeAre         = newStartPattern(reWeAre, nextAny(`"`, `“`, `'`, `‘`))
	spMeansParty    = newStartPattern(reMeansParty, nextAny(`"`, `“`))
	spDefinedName   = newStartPattern(reDefinedName, nextAny(`(`, `,`))
	// reSigns's match ends with a colon on its line.
	spSigns = newStartPattern(reSigns, nextLine(lineHas(':')))
	// reSignedCompany's second line opens with "By".
	spSignedCompany = newStartPattern(reSignedCompany, nextLine(nextLineStarts(" \t*_|", "By")))
	// The engine's sentence ends and list items (splitSentences,
	// splitLines), over every clause.
	spSentenceEnd = newStartPattern(reSentenceEnd, nextAny(".", "!", "?"))
	spListItem    = newStartPattern(reListItem, nextLine(func(string, int) bool { return true }))
)

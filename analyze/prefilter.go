package analyze

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A literal prefilter for regular expressions: from a pattern's syntax tree,
// the literal strings one of which every match must contain (as gitleaks
// keeps keywords beside its rules). Text that holds none of them cannot
// match, so the pattern is not run on it. Strings are compared in a
// case-folded form (foldText), so the prefilter is sound for (?i) patterns.

// litCache holds the literals of each pattern, by its source text (nil: no
// prefilter). Keyed by text, not by the compiled pattern, it stays as small
// as the packs' patterns however often rules are loaded (ssrm serve loads
// them for every analysis).
var litCache sync.Map // string → []string

// literalsOf returns the folded literals one of which every match of re
// contains, or nil when there is no such set.
func literalsOf(re fmt.Stringer) []string {
	src := re.String()
	if v, ok := litCache.Load(src); ok {
		return v.([]string)
	}
	var out []string
	if t, err := syntax.Parse(src, syntax.Perl); err == nil {
		if l, ok := requiredLits(t); ok {
			out = l
		}
	}
	litCache.Store(src, out)
	return out
}

// alsoCache holds alsoLitsOf's answer per source text, as litCache.
var alsoCache sync.Map // string → [][]string

// alsoLitsOf returns the sets of folded literals besides literalsOf's
// one of each of which every match of re contains (litSets), or nil.
func alsoLitsOf(re fmt.Stringer) [][]string {
	_, also := signalLitsOf(re)
	return also
}

// signalLitsOf is literalsOf and alsoLitsOf of re, its source parsed once.
func signalLitsOf(re fmt.Stringer) ([]string, [][]string) {
	src := re.String()
	if v, ok := alsoCache.Load(src); ok {
		return literalsOf(re), v.([][]string)
	}
	var lits []string
	var also [][]string
	if t, err := syntax.Parse(src, syntax.Perl); err == nil {
		lits, also = litSets(t)
	}
	if v, ok := litCache.LoadOrStore(src, lits); ok {
		lits = v.([]string)
	}
	alsoCache.Store(src, also)
	return lits, also
}

// requiredLits returns a set of folded strings one of which every match of r
// contains.
func requiredLits(r *syntax.Regexp) ([]string, bool) {
	switch r.Op {
	case syntax.OpLiteral:
		if len(r.Rune) == 0 {
			return nil, false
		}
		return []string{foldText(string(r.Rune))}, true
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLits(r.Sub[0])
	case syntax.OpRepeat:
		if r.Min >= 1 {
			return requiredLits(r.Sub[0])
		}
	case syntax.OpConcat:
		// Every part is in every match: the best part's set will do.
		var best []string
		found := false
		consider := func(l []string, ok bool) {
			if ok && minLen(l) > 0 && (!found || betterLits(l, best)) {
				best, found = l, true
			}
		}
		concatParts(r, func(sub *syntax.Regexp) { consider(requiredLits(sub)) }, func(l []string) { consider(l, true) })
		return best, found
	case syntax.OpAlternate:
		var out []string
		for _, s := range r.Sub {
			l, ok := requiredLits(s)
			if !ok {
				return nil, false
			}
			out = append(out, l...)
		}
		return dedupeLits(out), true
	}
	return nil, false
}

// concatParts reads the parts of concatenation r: runs of parts that
// match few strings are joined first, as the strings they make ("data"
// "breach" split by nothing; "(hosted|run)" " " "(by|on)" as "hosted by",
// "hosted on", "run by", "run on"), and each run's folded set is given to
// run; any other part is given to other.
func concatParts(r *syntax.Regexp, other func(*syntax.Regexp), run func([]string)) {
	cur := []string{""}
	closeRun := func() {
		if minLen(cur) > 0 {
			for i, x := range cur {
				cur[i] = foldText(x)
			}
			run(dedupeLits(cur))
		}
		cur = []string{""}
	}
	for _, sub := range r.Sub {
		if set, ok := exactSet(sub); ok {
			if p := product(cur, set); len(p) <= maxExact {
				cur = p
				continue
			}
			closeRun()
			cur = set
			continue
		}
		// The run goes on into the strings the part begins with:
		// "r" then "(?:to|po|ecovery...)" as "rto", "rpo", "recovery"
		// (the parser takes a prefix shared by alternatives out of them).
		if minLen(cur) > 0 {
			if p := product(cur, inexactPrefix(sub)); len(p) <= maxExact && minLen(p) > minLen(cur) {
				cur = p
			}
		}
		closeRun()
		other(sub)
	}
	closeRun()
}

// prefixSet lists strings, as exactSet does, one of which every match of
// r begins with, at most maxExact: "" when none is known.
func prefixSet(r *syntax.Regexp) []string {
	if set, ok := exactSet(r); ok {
		return set
	}
	return inexactPrefix(r)
}

// inexactPrefix is prefixSet of r, which exactSet does not list.
func inexactPrefix(r *syntax.Regexp) []string {
	switch r.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return prefixSet(r.Sub[0])
	case syntax.OpRepeat:
		if r.Min >= 1 {
			return prefixSet(r.Sub[0])
		}
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range r.Sub {
			set, exact := exactSet(sub)
			if !exact {
				set = inexactPrefix(sub)
			}
			p := product(out, set)
			if len(p) > maxExact {
				return out
			}
			if out = p; !exact {
				return out
			}
		}
		return out
	case syntax.OpAlternate:
		var out []string
		for _, sub := range r.Sub {
			if out = append(out, prefixSet(sub)...); len(out) > maxExact {
				return []string{""}
			}
		}
		return out
	}
	return []string{""}
}

// litSets returns requiredLits of r (nil when none) and the other sets of
// requiredSets: a text that holds none of one set cannot match.
func litSets(r *syntax.Regexp) (lits []string, also [][]string) {
	if l, ok := requiredLits(r); ok {
		lits = l
	}
	for _, l := range requiredSets(r) {
		if !slices.Equal(l, lits) {
			also = append(also, l)
		}
	}
	return lits, also
}

// maxExact bounds the strings exactSet lists, and a run's product.
const maxExact = 16

// exactSet lists every string r matches, when they are at most maxExact:
// literals, small classes (compared folded: "[sz]" under (?i) is "s" or
// "z"), optional parts, alternations and captures of those; assertions
// (\b, ^, $) match the empty string.
func exactSet(r *syntax.Regexp) ([]string, bool) {
	switch r.Op {
	case syntax.OpLiteral:
		return []string{string(r.Rune)}, true
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine,
		syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return []string{""}, true
	case syntax.OpCapture:
		return exactSet(r.Sub[0])
	case syntax.OpQuest:
		set, ok := exactSet(r.Sub[0])
		if !ok || len(set) >= maxExact {
			return nil, false
		}
		return append(set[:len(set):len(set)], ""), true
	case syntax.OpCharClass:
		seen := map[rune]bool{}
		var out []string
		for i := 0; i+1 < len(r.Rune); i += 2 {
			if r.Rune[i+1]-r.Rune[i] >= 2*maxExact {
				return nil, false
			}
			for c := r.Rune[i]; c <= r.Rune[i+1]; c++ {
				if f := foldRune(c); !seen[f] {
					seen[f] = true
					out = append(out, string(f))
				}
				if len(out) > 4 {
					return nil, false
				}
			}
		}
		return out, len(out) > 0
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range r.Sub {
			set, ok := exactSet(sub)
			if !ok {
				return nil, false
			}
			if out = product(out, set); len(out) > maxExact {
				return nil, false
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range r.Sub {
			set, ok := exactSet(sub)
			if !ok {
				return nil, false
			}
			if out = append(out, set...); len(out) > maxExact {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// product is every string of a followed by one of b.
func product(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// betterLits prefers the set whose shortest string is longer, then the
// smaller set.
func betterLits(a, b []string) bool {
	ma, mb := minLen(a), minLen(b)
	if ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
}

func minLen(xs []string) int {
	m := -1
	for _, x := range xs {
		if m < 0 || len(x) < m {
			m = len(x)
		}
	}
	return m
}

// dedupeLits drops repeats and strings that contain another of the set
// (any text holding "breaches" holds "breach").
func dedupeLits(xs []string) []string {
	var out []string
	for i, x := range xs {
		keep := true
		for j, y := range xs {
			if i != j && strings.Contains(x, y) && (len(y) < len(x) || j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, x)
		}
	}
	return out
}

// foldText maps every rune to one representative of its case-folding
// orbit (ASCII letters to lower case; "K" (Kelvin) to "k", "ſ" to "s"), so
// two strings equal under (?i) are equal after it.
func foldText(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	if 'A' <= m && m <= 'Z' {
		m += 'a' - 'A'
	}
	return m
}

// matchFiltered is re.MatchString(s), the pattern tried only when s holds
// one of its literals.
func matchFiltered(re *regexp.Regexp, s string) bool {
	return mayMatch(literalsOf(re), foldText(s)) && re.MatchString(s)
}

// mayMatch says folded text (foldText) holds one of lits; with no lits,
// anything may match.
func mayMatch(lits []string, folded string) bool {
	if lits == nil {
		return true
	}
	if len(lits) >= minBigramLits && len(folded) >= minBigramText {
		if b := bigramSetOf(lits); b != nil {
			return b.any(folded)
		}
	}
	for _, l := range lits {
		if strings.Contains(folded, l) {
			return true
		}
	}
	return false
}

// A set of at least minBigramLits literals is looked for in a text of at
// least minBigramText bytes in one pass (bigramSet); fewer, by
// strings.Contains each.
const minBigramLits, minBigramText = 4, 64

// hasLit is mayMatch(lits, foldText(s)) without folding s where it can: a
// literal of ASCII is looked for in s byte by byte, ASCII letters compared
// in lower case. That is exact because the only runes outside ASCII that
// fold to ASCII are the Kelvin sign and the long s (TestFoldsToASCII): text
// holding either is folded whole, as are literals outside ASCII.
func hasLit(s string, lits []string) bool {
	if lits == nil {
		return true
	}
	if strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		return mayMatch(lits, foldText(s))
	}
	folded := ""
	for _, l := range lits {
		if !isASCII(l) && foldsAlone(l) {
			if strings.Contains(s, l) {
				return true
			}
		} else if !isASCII(l) {
			if folded == "" {
				folded = foldText(s)
			}
			if strings.Contains(folded, l) {
				return true
			}
		} else if indexLower(s, l) >= 0 {
			return true
		}
	}
	return false
}

// foldsAlone says no rune of s has a case partner ("☐", "§", "“"): s is in
// the folded text just where it is in the text. U+FFFD is not alone: every
// invalid byte folds to it.
func foldsAlone(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || unicode.SimpleFold(r) != r {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// indexLower is the first index of l (ASCII, in lower case) in s with s's
// ASCII letters read in lower case, -1 when none.
func indexLower(s, l string) int {
	if l == "" {
		return 0
	}
	c0 := l[0]
	for i := 0; i+len(l) <= len(s); i++ {
		if lowerASCII(s[i]) != c0 {
			continue
		}
		j := 1
		for j < len(l) && lowerASCII(s[i+j]) == l[j] {
			j++
		}
		if j == len(l) {
			return i
		}
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

package analyze

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
)

// A frame's signal is often a vocabulary class expanded into one pattern:
// an alternation of a score of phrases ("technical ... measures", "security
// program", "encrypt...", "firewall..."). Its literal prefilter is the union
// of every phrase's literals, which common words ("security", "to") put in
// nearly every sentence, and the whole alternation is then tried at every
// byte. signalsAt needs only where a signal's first match begins, and an
// alternation matches at a position when one of its branches does, so the
// earliest start of the pattern is the earliest start of any branch: each
// branch is kept with its own literals and run only on a sentence that
// holds one of them.

// minSplit is the fewest branches a pattern is split into.
const minSplit = 3

// splitAfter is how many sentences a pattern is run on whole before it is
// split: parsing the alternatives of a class of 3 KB (about a millisecond)
// and compiling those run costs about what running it on a few sentences
// does, and most signals pass their literals in a handful of a contract's
// sentences or none.
const splitAfter = 8

// signalBranch is one alternative of a split signal pattern, with the
// pattern's flags, compiled on first use.
type signalBranch struct {
	lits []string
	also [][]string // litSets
	re   func() *regexp.Regexp
}

// signalBranches returns the branches of a pattern whose matches are one
// alternation of at least minSplit alternatives, or nil. The alternation is
// found in the pattern's source, not its syntax tree: writing a tree out
// again (syntax.Regexp.String) takes hundreds of milliseconds on a class of
// 3 KB, its case-folded classes read once per node.
func signalBranches(re *regexp.Regexp) []signalBranch {
	alts := splitSource(re.String())
	if len(alts) < minSplit {
		return nil
	}
	out := make([]signalBranch, 0, len(alts))
	for _, src := range alts {
		t, err := syntax.Parse(src, syntax.Perl)
		if err != nil {
			return nil
		}
		lits, also := litSets(t)
		out = append(out, signalBranch{lits: lits, also: also, re: sync.OnceValue(func() *regexp.Regexp {
			if b, err := regexp.Compile(src); err == nil {
				return b
			}
			return nil // not expected: the pattern itself is run instead
		})})
	}
	return out
}

// splitSource splits a pattern's source at the bars of its outermost
// alternation: the pattern is flags ("(?i)"), then either alternatives
// side by side or one non-capturing group of them, nothing after. Each
// alternative is returned with the flags before it. nil: no such
// alternation, or a construct the split does not read (a flag set inside
// the pattern, \Q...\E).
func splitSource(src string) []string {
	flags := ""
	if strings.HasPrefix(src, "(?") {
		if end := strings.IndexByte(src, ')'); end > 2 && strings.Trim(src[2:end], "imsU") == "" {
			flags, src = src[:end+1], src[end+1:]
		}
	}
	if strings.Contains(src, `\Q`) {
		return nil
	}
	bars, ok := topBars(src)
	if !ok {
		return nil
	}
	if len(bars) == 0 {
		// One group around the whole: its bars.
		if !strings.HasPrefix(src, "(?:") || !strings.HasSuffix(src, ")") {
			return nil
		}
		if end, ok := groupEnd(src); !ok || end != len(src)-1 {
			return nil // "(?:a|b)(?:c)": the first group ends before the last byte
		}
		inner := src[3 : len(src)-1]
		in, ok := topBars(inner)
		if !ok || len(in) == 0 {
			return nil
		}
		src, bars = inner, in
	}
	out := make([]string, 0, len(bars)+1)
	from := 0
	for _, b := range append(bars, len(src)) {
		out = append(out, flags+src[from:b])
		from = b + 1
	}
	return out
}

// topBars returns the offsets of the bars of src outside any group and
// class; ok is false when src sets a flag inside it ("(?i)", "(?i:": the
// first changes what follows it in its group) or is not balanced.
func topBars(src string) (bars []int, ok bool) {
	bad := false
	depth, read := walkGroups(src, func(i, depth int) bool {
		switch src[i] {
		case '(':
			bad = strings.HasPrefix(src[i:], "(?") && !strings.HasPrefix(src[i:], "(?:") && !strings.HasPrefix(src[i:], "(?P<") && !strings.HasPrefix(src[i:], "(?<")
		case ')':
			bad = depth < 0
		case '|':
			if depth == 0 {
				bars = append(bars, i)
			}
		}
		return !bad
	})
	if !read || bad {
		return nil, false
	}
	return bars, depth == 0
}

// groupEnd returns the offset of the parenthesis closing the group src
// opens with.
func groupEnd(src string) (int, bool) {
	end := -1
	walkGroups(src, func(i, depth int) bool {
		if src[i] == ')' && depth == 0 {
			end = i
			return false
		}
		return true
	})
	if end < 0 {
		return 0, false
	}
	return end, true
}

// walkGroups reads src's parentheses and bars outside classes and escapes,
// calling at with the offset of each and the depth of groups there: after
// a '(' opens or a ')' closes. at returns false to stop the walk, which
// returns the depth then; read is false when a class does not close first.
func walkGroups(src string, at func(i, depth int) bool) (depth int, read bool) {
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '[':
			end, ok := classEnd(src, i)
			if !ok {
				return depth, false
			}
			i = end
		case '(', ')', '|':
			switch src[i] {
			case '(':
				depth++
			case ')':
				depth--
			}
			if !at(i, depth) {
				return depth, true
			}
		}
	}
	return depth, true
}

// classEnd returns the offset of the bracket closing the class opened at
// src[at] ('['): a ']' first (after '^') is a member; escapes and named
// classes ("[:alpha:]") are skipped.
func classEnd(src string, at int) (int, bool) {
	i := at + 1
	if i < len(src) && src[i] == '^' {
		i++
	}
	if i < len(src) && src[i] == ']' {
		i++
	}
	for ; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '[':
			if strings.HasPrefix(src[i:], "[:") {
				if end := strings.Index(src[i+2:], ":]"); end >= 0 {
					i += 2 + end + 1
				}
			}
		case ']':
			return i, true
		}
	}
	return 0, false
}

// firstStart is where re's first match in text begins, or -1, with the
// branches of re (signalBranches; nil: re itself) each run only when the
// folded text holds one of its literals. A pattern's branches are found
// the first time it is run (signalPat.branches): most signals never pass
// their literals in a process.
func firstStart(re *regexp.Regexp, branches []signalBranch, text, folded string) int {
	if branches == nil {
		if loc := re.FindStringIndex(text); loc != nil {
			return loc[0]
		}
		return -1
	}
	at := -1
	for _, b := range branches {
		if !mayMatch(b.lits, folded) || !holdsAll(b.also, folded) {
			continue
		}
		bre := b.re()
		if bre == nil {
			return firstStart(re, nil, text, folded)
		}
		if loc := bre.FindStringIndex(text); loc != nil && (at < 0 || loc[0] < at) {
			at = loc[0]
		}
	}
	return at
}

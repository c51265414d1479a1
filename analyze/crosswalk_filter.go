package analyze

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
)

// A litFilter is a cheap test a pattern's matches must pass: the lower-case
// text contains one of its literals. Go's regexp scans a question slowly
// when a pattern starts with a word boundary or an alternation (every
// topic does), so each pattern is tried only on questions its filter
// passes. A nil filter passes everything.
type litFilter []string

func (l litFilter) pass(lower string) bool {
	if l == nil {
		return true
	}
	for _, s := range l {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}

// filterOf derives a pattern's filter: a set of literals one of which every
// match contains, lower-cased; nil when the pattern has none of at least
// three characters (or too many to be worth checking).
func filterOf(re *regexp.Regexp) litFilter {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	return filterOfTree(t)
}

// filterOfTree is filterOf of a pattern already parsed (with syntax.Perl).
func filterOfTree(t *syntax.Regexp) litFilter {
	lits := required(t.Simplify())
	if len(lits) == 0 || len(lits) > 200 {
		return nil
	}
	for _, l := range lits {
		if len(l) < 3 {
			return nil
		}
	}
	return lits
}

// required returns literals one of which every match of t contains (nil:
// none known).
func required(t *syntax.Regexp) []string {
	switch t.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(t.Rune))}
	case syntax.OpCapture:
		return required(t.Sub[0])
	case syntax.OpPlus:
		return required(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min >= 1 {
			return required(t.Sub[0])
		}
	case syntax.OpConcat:
		// The sub-expression whose shortest literal is longest filters best.
		var best []string
		score := 0
		for _, s := range t.Sub {
			l := required(s)
			if len(l) == 0 {
				continue
			}
			m := len(l[0])
			for _, x := range l {
				m = min(m, len(x))
			}
			if m > score {
				best, score = l, m
			}
		}
		return best
	case syntax.OpAlternate:
		var out []string
		for _, s := range t.Sub {
			l := required(s)
			if len(l) == 0 {
				return nil
			}
			out = append(out, l...)
		}
		return out
	}
	return nil
}

// topicPattern is a compiled topic pattern with what spares running it:
// its lower-case literal filter (filterOf), the case-folded literal sets
// every match holds one of each (conj, as prefilter.go folds them), and,
// when the pattern is an alternation, its branches, each with its own sets:
// an alternation matches where one of its branches does, and most
// branches are ruled out by their literals alone.
type topicPattern struct {
	// src is the pattern; re compiles it on first use (most patterns are
	// ruled out by their literals, or decided by their branches, on most
	// questions, and a run reads one questionnaire).
	src      string
	re       func() *regexp.Regexp
	filter   litFilter
	conj     [][]string
	branches []topicBranch
	// mask is filter as bits of the crosswalk's topicLits (nil: none).
	mask []uint64
}

// topicBranch is one branch of an alternation, compiled on first use
// (printing a branch of a large pattern costs more than most questions
// need: most branches are ruled out by their literals).
type topicBranch struct {
	re   func() (*regexp.Regexp, error)
	conj [][]string
}

// newTopicPattern parses src once (as regexp.Compile does: a pattern it
// refuses gets regexp.Compile's error) and derives its filters and
// branches from the tree; the whole pattern is compiled on first use.
func newTopicPattern(src string) (topicPattern, error) {
	t, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return topicPattern{}, err
	}
	p := topicPattern{src: src, re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(src) }), filter: filterOfTree(t)}
	p.conj = requiredSets(t)
	for t.Op == syntax.OpCapture {
		t = t.Sub[0]
	}
	if t.Op != syntax.OpAlternate {
		return p, nil
	}
	var bs []topicBranch
	for _, s := range t.Sub {
		bs = append(bs, topicBranch{re: sync.OnceValues(func() (*regexp.Regexp, error) { return regexp.Compile(s.String()) }), conj: requiredSets(s)})
	}
	p.branches = bs
	return p, nil
}

// match is re.MatchString(s); lower is s in lower case (strings.ToLower),
// folded s case-folded (foldText), held the filter literals lower holds
// (topicLits.held; nil: not known).
func (p *topicPattern) match(s, lower, folded string, held []uint64) bool {
	if !p.passes(lower, held) || !holdsAll(p.conj, folded) {
		return false
	}
	if p.branches == nil {
		return p.re().MatchString(s)
	}
	for _, b := range p.branches {
		if !holdsAll(b.conj, folded) {
			continue
		}
		re, err := b.re()
		if err != nil {
			return p.re().MatchString(s) // cannot happen: a branch of a valid pattern; the whole decides
		}
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// holdsAll says folded text holds one literal of each set.
func holdsAll(sets [][]string, folded string) bool {
	for _, set := range sets {
		if !mayMatch(set, folded) {
			return false
		}
	}
	return true
}

// requiredSets returns sets of case-folded literals such that every match
// of r holds one literal of each set (none: nothing known): the parts of a
// concatenation each give theirs; any other node its one set
// (requiredLits).
func requiredSets(r *syntax.Regexp) [][]string {
	switch r.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return requiredSets(r.Sub[0])
	case syntax.OpRepeat:
		if r.Min >= 1 {
			return requiredSets(r.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		var out [][]string
		for i := 0; i < len(r.Sub); i++ {
			if r.Sub[i].Op != syntax.OpLiteral {
				out = append(out, requiredSets(r.Sub[i])...)
				continue
			}
			// A run of literals is one literal.
			var b strings.Builder
			for ; i < len(r.Sub) && r.Sub[i].Op == syntax.OpLiteral; i++ {
				b.WriteString(string(r.Sub[i].Rune))
			}
			i--
			if b.Len() > 0 {
				out = append(out, []string{foldText(b.String())})
			}
		}
		return out
	}
	if l, ok := requiredLits(r); ok {
		return [][]string{l}
	}
	return nil
}

// topicPatternOf compiles a topic's pattern against the vocabulary, with
// expandRegexp's errors.
func topicPatternOf(pattern string, v *Vocabulary) (topicPattern, error) {
	src, err := expandPattern(pattern, v)
	if err != nil {
		return topicPattern{}, err
	}
	p, err := newTopicPattern(src)
	if err != nil {
		return topicPattern{}, fmt.Errorf("bad pattern %q: %v", pattern, err)
	}
	return p, nil
}

package analyze

import (
	"regexp"
	"regexp/syntax"
	"strings"
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

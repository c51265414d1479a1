package extract

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// definedTermLead is the length of the quote and emphasis marks that open
// a numbered definition before its term, so that the term's first letter
// can be read: `"you"`, `**"you"**`, and the spaced form web pages give
// when the term is bold inside its quotes (`“ **ex-EEA Transfer** ”`,
// a converter's space between the quote and the emphasis). A space counts
// only after a quote mark, so "1.2 * item" is not read as a term.
func definedTermLead(rest string) int {
	q, quoted := 0, false
	for q < len(rest) {
		switch {
		case strings.HasPrefix(rest[q:], "“") || strings.HasPrefix(rest[q:], "‘"):
			q += len("“")
			quoted = true
		case rest[q] == '"' || rest[q] == '\'':
			q++
			quoted = true
		case rest[q] == '*' || rest[q] == '_':
			q++
		case rest[q] == ' ' && quoted:
			q++
		default:
			return q
		}
	}
	return q
}

// escapedNumberRe: a clause number whose dots a Markdown converter
// escaped ("**1\.7**", "9\.6.1").
var escapedNumberRe = lazyre.New(`^((?:\*\*|__)?\d{1,3}(?:\.\d{1,3})*)\\([.)])`)

// unescapeNumberLead removes the escapes from the clause number that opens
// t, "**1\.7** ..." read as "**1.7** ...".
func unescapeNumberLead(t string) string {
	for k := 0; k < 4 && strings.Contains(t[:min(len(t), 24)], `\`); k++ {
		u := escapedNumberRe.ReplaceAllString(t, "$1$2")
		if u == t {
			break
		}
		t = u
	}
	return t
}

// definitionRe: a definition's opening, a quoted term and its verb
// ("\"Incident\" means", "“Data” shall mean").
var definitionRe = lazyre.New(`^\*{0,2}["“'‘][^"“”]{1,60}["”'’]\*{0,2}\s+(?:means|shall mean|has the meaning|refers to|includes)\b`)

// definesTerm reports whether an item's text is a definition ("\"Incident\"
// means any unauthorised access"), whose words are no title however
// capitalised they are.
func definesTerm(s string) bool { return definitionRe.MatchString(strings.TrimSpace(s)) }

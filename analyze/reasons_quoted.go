package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// reQuotedWords is a phrase in quotation marks within a reason ('only
// "sufficient information" for ...').
var reQuotedWords = lazyre.New(`"([^"\n]{1,80})"|“([^”\n]{1,80})”`)

// unquoteStock shows without quotation marks the phrases of reasons that
// none of texts (the finding's quoted clauses) holds: a reason is the rule
// file's stock wording, and an explanation may put in quotation marks only
// the document's own words. A single word in quotation marks is kept: it
// names the word ("may", "shall"), it quotes nothing.
func unquoteStock(reasons, texts []string) []string {
	var folded []string
	for i, r := range reasons {
		if !strings.ContainsAny(r, "\"“") {
			continue
		}
		if folded == nil {
			for _, t := range texts {
				folded = append(folded, lowerSpaced(t))
			}
		}
		reasons[i] = reQuotedWords.ReplaceAllStringFunc(r, func(q string) string {
			m := reQuotedWords.FindStringSubmatch(q)
			words := m[1] + m[2]
			if !strings.ContainsAny(strings.TrimSpace(words), " \t") {
				// One word in quotation marks is the word named as a word
				// (permissive "may" instead of "shall"), not a quotation.
				return q
			}
			for _, t := range folded {
				if strings.Contains(t, lowerSpaced(words)) {
					return q
				}
			}
			return words
		})
	}
	return reasons
}

// lowerSpaced is s in lower case with its runs of spaces made one.
func lowerSpaced(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// quotedTexts are the texts a finding quotes: its evidence and, whole,
// the clauses it cites.
func quotedTexts(f *Finding, us ...*unit) []string {
	var out []string
	for _, e := range f.Evidence {
		out = append(out, e.Text)
	}
	for _, u := range us {
		if u != nil {
			out = append(out, u.full())
		}
	}
	return out
}

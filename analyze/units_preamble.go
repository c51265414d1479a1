package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
)

// untitledPreamble is the clauses with the preamble's heading cleared:
// the preamble's heading is the document's title (extract.SplitClauses),
// which names the whole document, not a topic of its opening text, so it
// lends the preamble's sentences no classes. Standing on a line of its
// own, it is no words of the first sentence either: "Incident
// Notification Policy We are strongly committed ..." quoted the title
// glued to the sentence (security-idio-incident-2026).
func untitledPreamble(cs []extract.Clause) []extract.Clause {
	for i, c := range cs {
		if c.ID == "preamble" && c.Heading != "" {
			out := append([]extract.Clause(nil), cs...)
			out[i].Heading = ""
			out[i].Text = dropTitleLine(c.Text, c.Heading)
			return out
		}
	}
	return cs
}

// dropTitleLine is text without its first line when that line is the
// title (its words, past Markdown markup), else text as it stands.
func dropTitleLine(text, title string) string {
	rest, ok := pastWords(text, title, " \t\r*_#")
	if !ok {
		return text
	}
	rest = strings.TrimLeft(rest, " \t\r*_")
	if !strings.HasPrefix(rest, "\n") || strings.TrimSpace(rest) == "" {
		return text
	}
	return strings.TrimLeft(rest, "\n")
}

// pastWords walks the words of words at the start of text, each past the
// characters of cut (spaces, markup), and returns what follows them; ok
// is false when text does not open with those words.
func pastWords(text, words, cut string) (rest string, ok bool) {
	rest = text
	for _, w := range strings.Fields(words) {
		rest = strings.TrimLeft(rest, cut)
		if !strings.HasPrefix(rest, w) {
			return text, false
		}
		rest = rest[len(w):]
	}
	return rest, true
}

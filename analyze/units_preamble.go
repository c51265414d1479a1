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
	rest := text
	for _, w := range strings.Fields(title) {
		rest = strings.TrimLeft(rest, " \t\r*_#")
		if !strings.HasPrefix(rest, w) {
			return text
		}
		rest = rest[len(w):]
	}
	rest = strings.TrimLeft(rest, " \t\r*_")
	if !strings.HasPrefix(rest, "\n") || strings.TrimSpace(rest) == "" {
		return text
	}
	return strings.TrimLeft(rest, "\n")
}

package analyze

import "github.com/ssrm-dev/ssrm/extract"

// untitledPreamble is the clauses with the preamble's heading cleared:
// the preamble's heading is the document's title (extract.SplitClauses),
// which names the whole document, not a topic of its opening text, so it
// lends the preamble's sentences no classes and is not stripped as a
// heading.
func untitledPreamble(cs []extract.Clause) []extract.Clause {
	for i, c := range cs {
		if c.ID == "preamble" && c.Heading != "" {
			out := append([]extract.Clause(nil), cs...)
			out[i].Heading = ""
			return out
		}
	}
	return cs
}

package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSplitClausesListedLeadIns: a PDF's bulleted items with bold lead-ins
// ending in a colon ("• Copies: ...") under a heading of the document's
// own are that heading's list, as the same words in text or Markdown are:
// a finding cites the heading, and the PDF gives the clauses the text
// gives. A run-in title ending in a full stop ("• Retention. ...") still
// titles a sub-clause of its own; lead-ins with no heading above them
// still open clauses.
func TestSplitClausesListedLeadIns(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		heads []Heading
		want  []string
	}{
		{"colon lead-ins under headings",
			"Tallow Hosting Terms\nThese terms cover the archive service Tallow Ltd runs for the customer.\n\n" +
				"Storage\n• Copies: Tallow keeps two copies of each archive in separate halls.\n" +
				"• Keys: Tallow shall encrypt every archive with keys held in a hardware module.\n" +
				"Leaving\n• Files: Archives are exported as plain tar files.\n" +
				"• Return: When the terms end, Tallow will hand back every archive within 20 days.\n",
			[]Heading{{Text: "Tallow Hosting Terms", Level: 1},
				{Text: "Storage", Level: 2, BodySize: true},
				{Text: "• Copies: Tallow keeps two copies of each archive in separate halls.", Lead: "Copies"},
				{Text: "• Keys: Tallow shall encrypt every archive with keys held in a hardware module.", Lead: "Keys"},
				{Text: "Leaving", Level: 2, BodySize: true},
				{Text: "• Files: Archives are exported as plain tar files.", Lead: "Files"},
				{Text: "• Return: When the terms end, Tallow will hand back every archive within 20 days.", Lead: "Return"}},
			[]string{"preamble", `"Storage"`, `"Leaving"`}},
		{"run-in titles keep their clauses",
			"Tallow Hosting Terms\nThese terms cover the archive service Tallow Ltd runs for the customer.\n\n" +
				"Ending the Terms\n• Retention. Tallow keeps archives for 20 days after the terms end.\n" +
				"• Changes. Tallow may change these terms with 30 days notice.\n",
			[]Heading{{Text: "Tallow Hosting Terms", Level: 1},
				{Text: "Ending the Terms", Level: 2, BodySize: true},
				{Text: "• Retention. Tallow keeps archives for 20 days after the terms end.", Lead: "Retention"},
				{Text: "• Changes. Tallow may change these terms with 30 days notice.", Lead: "Changes"}},
			[]string{"preamble", `"Ending the Terms"`, `"Retention"<"Ending the Terms"`, `"Changes"<"Ending the Terms"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text), Headings: tc.heads}}, true))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

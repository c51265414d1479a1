package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// outline writes the clauses of a document one a line: the ID, "<" and
// the parent's ID, then " | " and the heading.
func outline(cs []Clause) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.ID)
		if c.Parent != "" {
			b.WriteString("<" + c.Parent)
		}
		b.WriteString(" | " + c.Heading + "\n")
	}
	return b.String()
}

// TestMarkdownOutlines: invented Markdown pages, each with its golden
// outline (testdata/outlines/NAME.outline, rewritten under -update):
// structure carried only by ordered lists ("1. **Definitions**" with
// nested "   1." items: the list numbers are the clause numbers, 4.4 is
// the 4th item of item 4; all-"1." lists count as a browser shows them),
// a list of examples under a heading (its heading's items, not clauses of
// the document), HTML headings, bold titles and lists inside Markdown
// (<h2>, <p><strong>Title</strong></p>, <ol><li>), and unnumbered pages
// whose headings are all-caps lines or bold lead-ins; a "RECITALS" block
// ending "the parties agree as follows:" and the roman articles after it,
// its siblings, not its items.
func TestMarkdownOutlines(t *testing.T) {
	ins, err := filepath.Glob(filepath.Join("testdata", "outlines", "*.md"))
	if err != nil || len(ins) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	for _, in := range ins {
		t.Run(filepath.Base(in), func(t *testing.T) {
			doc, err := textParser{}.Parse(in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := outline(doc.Agreement.Clauses)
			golden := strings.TrimSuffix(in, ".md") + ".outline"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -run %s -update)", err, t.Name())
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// TestMarkdownOutlinesCite: the clause a lawyer cites for a sentence of
// the samples, as the sample's own cross-references do.
func TestMarkdownOutlinesCite(t *testing.T) {
	for _, tc := range []struct{ file, sentence, id string }{
		{"ordered-nested.md", "notify the Customer of any Incident within 48 hours", "4.4"},
		{"ordered-nested.md", "engage subcontractors to host the Service", "2.2"},
		{"ordered-ones.md", "tell you about a Security Incident within 72 hours", "3.4"},
		{"ordered-loose.md", "reports security incidents to the customer within 48 hours", "2.4"},
		{"ordered-examples.md", "encrypted backups", `"Examples of controls" 2`},
		{"html-lists.md", "reports each Incident within 48 hours", "2.4"},
		{"recitals-articles.md", "within five (5) days of discovery", "II(B)"},
		{"html-headings.md", "thirty days' notice before adding one", `"Subprocessors"`},
		{"html-headings.md", "backups are kept in Dublin", `"Data location"`},
		{"html-headings.md", "within 72 hours of confirming", `"Incident response"`},
		{"html-headings.md", "material changes to these commitments", `"Notice"`},
		{"caps-pages.md", "requires multi-factor authentication", `"ACCESS CONTROL"`},
		{"caps-pages.md", "SOC 2 Type II report", `"SOC 2 COMPLIANCE"`},
		{"caps-pages.md", "An outside firm tests the platform", `"Penetration testing"`},
		{"caps-pages.md", "security of their own user accounts", `"Penetration testing"`}, // "IMPORTANT:" is a note
		{"caps-pages.md", "within 24 hours of confirming it", `"INCIDENT NOTIFICATION"`},
		{"excerpt-numbered.md", "shall allow for audits once a year", "4.8"}, // an excerpt opening at "## 4.8"
		{"excerpt-numbered.md", "kept for three years", "4.9.1"},
	} {
		t.Run(tc.file+"/"+tc.id, func(t *testing.T) {
			doc, err := textParser{}.Parse(filepath.Join("testdata", "outlines", tc.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, c := range doc.Agreement.Clauses {
				if strings.Contains(strings.Join(strings.Fields(c.Text), " "), tc.sentence) {
					got = c.ID // the innermost clause holding it comes last
				}
			}
			if got != tc.id {
				t.Errorf("%q cited as %q, want %q", tc.sentence, got, tc.id)
			}
		})
	}
}

// TestCapsNumbered: an all-caps title may hold a number of its own ("SOC 2
// COMPLIANCE"); a reference, a date or a code is no title.
func TestCapsNumbered(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"SOC 2 COMPLIANCE", true},
		{"PCI DSS LEVEL 1 SERVICE PROVIDER", true},
		{"SCHEDULE 2 SECURITY MEASURES", false},
		{"MARCH 2024 UPDATE", false},
		{"2024 SECURITY REPORT", false},
		{"TIER A1 SUPPORT", false},
		{"ISO 27001", false},
		{"BACKUPS AND RECOVERY", false}, // no number: capsCharRe's
	} {
		if got := capsNumbered(tc.line); got != tc.want {
			t.Errorf("capsNumbered(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

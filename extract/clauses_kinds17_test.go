package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure found on the dev corpus by structure17, each
// reproduced by invented text, with the clause IDs a lawyer would cite.

// A document that opens with its title heading: the text up to the first
// section is the preamble, and a lawyer cites it by that title ("Terms of
// Service"), so the preamble's Heading is the title. Without a title the
// preamble has no heading.
func TestPreambleTitleHeading(t *testing.T) {
	md := func(text string) []Clause { return SplitClauses([]Page{{Number: 1, Text: text}}, false) }
	tests := []struct {
		name string
		cs   []Clause
		want string
	}{
		{"markdown title", md("# Lantern Storage Terms\n\nLast changed: 3 March 2025\n\nWe may change these terms by posting them on our site.\n\n## Accounts\n\nYou keep your password secret.\n\n## Fees\n\nYou pay the fees of your plan.\n"), "Lantern Storage Terms"},
		{"setext title after front matter", md("---\ntitle: Lantern\n---\n\nLantern Service Level Agreement\n===============================\n\nThis agreement sets the uptime Lantern promises.\n\n1. Uptime. Lantern keeps the service up 99.9% of each month.\n\n2. Credits. Lantern credits a tenth of the fee for each missed month.\n"), "Lantern Service Level Agreement"},
		{"no title", md("Lantern may change this agreement at any time by posting it.\n\n1. Uptime. Lantern keeps the service up 99.9% of each month.\n\n2. Credits. Lantern credits a tenth of the fee for each missed month.\n"), ""},
	}
	pdf, err := pdfParser{}.Parse(writeTemp(t, "title.pdf", typesetPDF([]typedLine{
		bold("Lantern Security Guidelines", 20),
		body("Each party shall keep its systems patched and shall protect its passwords."),
		bold("Encryption", 14),
		body("Lantern encrypts stored files with current ciphers and rotates its keys yearly."),
		bold("Access Control", 14),
		body("Lantern gives its staff only the access their work needs and reviews it monthly."),
	})), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests = append(tests, struct {
		name string
		cs   []Clause
		want string
	}{"typeset PDF title", pdf.Agreement.Clauses, "Lantern Security Guidelines"})
	for _, tt := range tests {
		if len(tt.cs) == 0 || tt.cs[0].ID != "preamble" {
			t.Errorf("%s: no preamble first: %q", tt.name, clauseIDs(tt.cs))
			continue
		}
		if got := tt.cs[0].Heading; got != tt.want {
			t.Errorf("%s: preamble heading %q, want %q", tt.name, got, tt.want)
		}
		for _, c := range tt.cs[1:] {
			if c.ID == `"`+tt.want+`"` {
				t.Errorf("%s: the title is a clause of its own too", tt.name)
			}
		}
	}
}

// A part whose name is in quotes (APPENDIX "A", Exhibit “B”, Schedule
// '1') is that part, cited without the quotes ("Appendix A 1(c)").
func TestQuotedPartNames(t *testing.T) {
	pages := []testPage{
		{lines: []string{"HOSTING AGREEMENT", "1. Services. Host Co provides the hosted service described in the order.",
			"2. Platform Terms. The platform terms attached as APPENDIX \"A\" form part of this agreement."}},
		{lines: []string{"APPENDIX \"A\"", "Platform Terms of Use", "1. Use of Service.",
			"(a) Each user account may be used by one person only.",
			"(b) You shall keep the passwords of your users secret.",
			"2. Storage. The platform includes storage for the data of your users."}},
	}
	d, err := pdfParser{}.Parse(writeTemp(t, "appendix.pdf", makePDF("1.4", pages)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"preamble", "1", "2", "Appendix A", "Appendix A 1<Appendix A", "Appendix A 1(a)<Appendix A 1",
		"Appendix A 1(b)<Appendix A 1", "Appendix A 2<Appendix A"}
	if diff := cmp.Diff(want, clauseIDs(d.Agreement.Clauses)); diff != "" {
		t.Errorf("PDF ids (-want +got):\n%s", diff)
	}

	md := "# Hosting Agreement\n\n1. Services. Host Co provides the hosted service.\n\n2. Security. Host Co keeps the measures of Exhibit “B”.\n\n" +
		"## Exhibit “B” – Security Measures\n\n1. Host Co encrypts stored files.\n\n2. Host Co logs administrative access.\n\n" +
		"## Schedule '1': Fees\n\n1. The fee is due monthly.\n"
	want = []string{"preamble", "1", "2", "Exhibit B", "Exhibit B 1<Exhibit B", "Exhibit B 2<Exhibit B", "Schedule 1", "Schedule 1 1<Schedule 1"}
	if diff := cmp.Diff(want, clauseIDs(SplitClauses([]Page{{Number: 1, Text: md}}, false))); diff != "" {
		t.Errorf("Markdown ids (-want +got):\n%s", diff)
	}
	// A quoted name in running text is a mention, not a heading.
	if _, _, ok := parsePart(`Exhibit "A" attached hereto sets out the measures.`, false); ok {
		t.Error(`a mention of Exhibit "A" in a sentence read as a part heading`)
	}
}

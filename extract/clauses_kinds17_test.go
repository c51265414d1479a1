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

// A Word list whose second level shows only its own number ("%2.": Word
// shows "1." under "2. Security") nests under the numbered paragraph above
// it, as a lawyer cites it: 2.1, 2.2 and 2.1(a). The text carries no
// indentation of its own; the level comes from numbering.xml.
func TestDOCXOwnNumberLevels(t *testing.T) {
	const numbering = `<?xml version="1.0"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="10">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
</w:numbering>`
	bold := func(s string) string {
		return `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + s + `</w:t></w:r>`
	}
	doc := `<w:document ` + wNS + `><w:body>` +
		para("", "", 0, "LANTERN HOSTING AGREEMENT") +
		para("", "", 0, "This agreement is made between Lantern Ltd and the Customer.") +
		para("", "1", 0, bold("Definitions")) +
		para("", "1", 1, "Words have the meanings given in the order form.") +
		para("", "1", 0, bold("Security")) +
		para("", "1", 1, "Lantern shall encrypt stored files:") +
		para("", "1", 2, "at rest;") +
		para("", "1", 2, "in transit.") +
		para("", "1", 1, "Lantern shall tell the Customer of a breach within two days.") +
		para("", "1", 0, bold("Audit")) +
		para("", "1", 1, "The Customer may audit Lantern once a year.") +
		`</w:body></w:document>`
	p := writeDocx(t, "levels.docx", map[string]string{"word/document.xml": doc, "word/styles.xml": fixtureStyles, "word/numbering.xml": numbering})
	d, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"preamble", "1", "1.1<1", "2", "2.1<2", "2.1(a)<2.1", "2.1(b)<2.1", "2.2<2", "3", "3.1<3"}
	if diff := cmp.Diff(want, clauseIDs(d.Agreement.Clauses)); diff != "" {
		t.Errorf("ids (-want +got):\n%s\n%s", diff, d.Agreement.Pages[0].Text)
	}
	for _, c := range d.Agreement.Clauses {
		if c.ID == "2" && c.Heading != "Security" {
			t.Errorf("clause 2 heading %q", c.Heading)
		}
	}
}

// A document whose title names a lettered part ("SCHEDULE K - SUPPORT
// TERMS") numbers its clauses with that letter ("K.1 Scope."): they are
// clauses K.1, K.2, as a lawyer cites them, not text of the preamble. A
// document whose title names no such part keeps "K.1" as text (no section
// K is open).
func TestTitleLetterNumbers(t *testing.T) {
	doc := func(title string) string {
		return "# " + title + "\n\n_Effective 1 March 2026._\n\n" +
			"**K.1\tScope.** This Schedule applies to every order for support.\n\n" +
			"**K.2\tSecurity.** The Supplier shall encrypt stored customer files.\n\n" +
			"**K.3\tIncidents.** The Supplier shall notify the Client of a security incident within 48 hours.\n"
	}
	for _, tc := range []struct {
		title string
		want  []string
	}{
		{"SCHEDULE K - SUPPORT TERMS", []string{"preamble", "K.1", "K.2", "K.3"}},
		{"Annex K: Support terms", []string{"preamble", "K.1", "K.2", "K.3"}},
		{"SUPPORT TERMS", []string{"preamble"}},
		{"SCHEDULE L - SUPPORT TERMS", []string{"preamble"}},
	} {
		got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: doc(tc.title)}}, false))
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: ids (-want +got):\n%s", tc.title, diff)
		}
	}
}

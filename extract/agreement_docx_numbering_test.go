package extract

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Word list numbering as Word shows it (ECMA-376 Part 1 §17.9, with the
// departures Word documents in MS-OI29500): the numbers each paragraph
// gets, from small documents built here.

const numberingRules = `<?xml version="1.0"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="10">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Article %1"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Section %1.%2"/><w:isLgl/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/><w:lvlRestart w:val="1"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlRestart w:val="0"/></w:lvl></w:lvlOverride></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>`

// tracked wraps a paragraph's properties with a tracked change of them:
// old are the properties before the change (w:pPrChange).
func tracked(numID string, ilvl int, old string, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + string(rune('0'+ilvl)) + `"/><w:numId w:val="` + numID + `"/></w:numPr>` +
		`<w:pPrChange w:id="1" w:author="Counsel" w:date="2026-01-01T00:00:00Z"><w:pPr>` + old + `</w:pPr></w:pPrChange></w:pPr>` +
		`<w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// deletedPara is a numbered paragraph deleted with its mark, as a redline
// holds it: Word's final view shows neither it nor its number.
func deletedPara(numID string, ilvl int, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + string(rune('0'+ilvl)) + `"/><w:numId w:val="` + numID + `"/></w:numPr>` +
		`<w:rPr><w:del w:id="2" w:author="Counsel" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr>` +
		`<w:del w:id="3" w:author="Counsel" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>` + text + `</w:delText></w:r></w:del></w:p>`
}

func TestDOCXListNumbering(t *testing.T) {
	for _, tc := range []struct {
		name  string
		paras []string
		want  []string
	}{
		{"a list continues across its paragraphs and across nums of one abstract numbering",
			[]string{para("", "1", 0, "Services"), para("", "1", 1, "Scope"), para("", "2", 0, "Fees"), para("", "1", 1, "Invoices")},
			[]string{"1. Services", "1.1 Scope", "2. Fees", "2.1 Invoices"}},
		{"a startOverride restarts the list",
			[]string{para("", "1", 0, "Services"), para("", "1", 0, "Fees"), para("", "3", 0, "Scope"), para("", "3", 1, "Hosting")},
			[]string{"1. Services", "2. Fees", "1. Scope", "1.1 Hosting"}},
		{"a startOverride restarts its level at its value",
			[]string{para("", "7", 0, "Security"), para("", "7", 1, "Encryption"), para("", "7", 0, "Audits")},
			[]string{"5. Security", "5.1 Encryption", "6. Audits"}},
		// Word's "Restart numbering" on an annex's first sub-clause writes
		// a new num whose startOverride is of level 0: Word shows "1.1",
		// the sub-level restarting with it, not the body's next "1.3".
		{"a restart of level 0 restarts the levels below it at the num's first paragraph",
			[]string{para("", "1", 0, "Services"), para("", "1", 1, "Scope"), para("", "1", 1, "Hosting"), para("", "1", 0, "Fees"), para("", "1", 1, "Invoices"),
				para("", "", 0, "Annex 1"), para("", "3", 1, "Access"), para("", "3", 1, "Encryption")},
			[]string{"1. Services", "1.1 Scope", "1.2 Hosting", "2. Fees", "2.1 Invoices", "Annex 1", "1.1 Access", "1.2 Encryption"}},
		{"a level override restarts that level only: the level above goes on",
			[]string{para("", "1", 0, "Services"), para("", "1", 1, "Scope"), para("", "1", 0, "Fees"), para("", "1", 1, "Invoices"), para("", "1", 1, "Taxes"), para("", "4", 1, "Late payment")},
			[]string{"1. Services", "1.1 Scope", "2. Fees", "2.1 Invoices", "2.2 Taxes", "2.1 Late payment"}},
		{"Word ignores lvlRestart in a level override",
			[]string{para("", "5", 0, "Services"), para("", "5", 1, "Scope"), para("", "5", 0, "Fees"), para("", "5", 1, "Invoices")},
			[]string{"1. Services", "1.1 Scope", "2. Fees", "2.1 Invoices"}},
		{"lvlText with words, legal numbering and lvlRestart",
			[]string{para("", "6", 0, "Services"), para("", "6", 1, "Scope"), para("", "6", 2, "hosting"), para("", "6", 0, "Fees"), para("", "6", 1, "Invoices"), para("", "6", 2, "taxes")},
			[]string{"Article I Services", "Section 1.1 Scope", "(a) hosting", "Article II Fees", "Section 2.1 Invoices", "(a) taxes"}},
		{"an empty numbered paragraph takes its number",
			[]string{para("", "1", 0, "Services"), para("", "1", 0), para("", "1", 0, "Fees")},
			[]string{"1. Services", "3. Fees"}},
		{"an empty paragraph ending a section takes none",
			[]string{para("", "1", 0, "Services"), `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:pPr></w:p>`, para("", "1", 0, "Fees")},
			[]string{"1. Services", "2. Fees"}},
		{"a deleted paragraph takes none",
			[]string{para("", "1", 0, "Services"), deletedPara("1", 0, "Exclusivity"), para("", "1", 0, "Fees")},
			[]string{"1. Services", "2. Fees"}},
		{"a tracked change of numbering shows the new numbering",
			[]string{para("", "1", 0, "Services"), tracked("1", 1, `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`, "Scope"), para("", "1", 0, "Fees")},
			[]string{"1. Services", "1.1 Scope", "2. Fees"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := `<w:document ` + wNS + `><w:body>` + strings.Join(tc.paras, "") + `</w:body></w:document>`
			data := docxZip(t, map[string]string{"word/document.xml": doc, "word/styles.xml": fixtureStyles, "word/numbering.xml": numberingRules})
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			text, _, err := docxText(zr)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range strings.Split(text, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					got = append(got, l)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}

// An annex after the body whose sub-clauses Word restarts ("Restart
// numbering" writes a num with a startOverride of level 0): its clauses
// are the annex's "1.1", "1.2", not the body's list run on, and do not
// collide with or outrank the body's.
func TestDOCXAnnexRestart(t *testing.T) {
	doc := `<w:document ` + wNS + `><w:body>` +
		para("", "1", 0, "Processing") +
		para("", "1", 1, "Instructions. The Processor processes Personal Data only on instructions.") +
		para("", "1", 1, "Breaches. The Processor notifies the Controller of a breach within 48 hours.") +
		para("", "1", 0, "Term") +
		para("", "1", 1, "Duration. This Addendum runs with the Agreement.") +
		para("", "", 0, "Annex 1 – Security Measures") +
		para("", "3", 1, "Access. The Processor restricts access to personnel who need it.") +
		para("", "3", 1, "Encryption. Data is encrypted at rest.") +
		`</w:body></w:document>`
	p := writeDocx(t, "annex.docx", map[string]string{"word/document.xml": doc, "word/styles.xml": fixtureStyles, "word/numbering.xml": numberingRules})
	d, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1", "1.1<1", "1.2<1", "2", "2.1<2", "Annex 1", "Annex 1 1.1<Annex 1", "Annex 1 1.2<Annex 1"}
	if diff := cmp.Diff(want, clauseIDs(d.Agreement.Clauses)); diff != "" {
		t.Errorf("ids (-want +got):\n%s\n%s", diff, d.Agreement.Pages[0].Text)
	}
}

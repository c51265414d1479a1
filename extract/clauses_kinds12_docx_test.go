package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A Word list whose paragraphs each stand in a list of their own, the
// start value typed in (as a document pasted together item by item writes
// it): Word shows 1, 2, 3, 5, 8, 9, and those are the clauses' numbers.
const numberingTyped = `<?xml version="1.0"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="31"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="32"><w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="35"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="38"><w:lvl w:ilvl="0"><w:start w:val="8"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="31"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="32"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="35"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="38"/></w:num>
</w:numbering>`

func TestDOCXTypedStartNumbers(t *testing.T) {
	doc := `<w:document ` + wNS + `><w:body>` +
		para("", "", 0, "Terms of Use") +
		para("", "", 0, "These terms govern the use of the tutoring service the Company offers.") +
		para("", "1", 0, "The Company owns all content shown through the service and its apps.") +
		para("", "2", 0, "Your use of the service is at your own risk and subject to these terms.") +
		para("", "2", 0, "You may not copy the content of the service for any other purpose.") +
		para("", "5", 0, "You must keep your account details confidential and log out after use.") +
		para("", "8", 0, "The Company may amend these terms at any time by posting them online.") +
		para("", "8", 0, "These terms are governed by the laws of the place of registration.") +
		`</w:body></w:document>`
	p := writeDocx(t, "typed.docx", map[string]string{"word/document.xml": doc, "word/styles.xml": fixtureStyles, "word/numbering.xml": numberingTyped})
	d, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"preamble", "1", "2", "3", "5", "8", "9"}
	if diff := cmp.Diff(want, clauseIDs(d.Agreement.Clauses)); diff != "" {
		t.Errorf("ids (-want +got):\n%s\n%s", diff, d.Agreement.Pages[0].Text)
	}
}

// The same numbers typed as text (a text file): a number that skips
// after a clause is no clause of its own.
const txtTypedSkips = `Terms of Use

These terms govern the use of the tutoring service the Company offers.

1. The Company owns all content shown through the service and its apps.

2. Your use of the service is at your own risk and subject to these terms.

3. You may not copy the content of the service for any other purpose.

5. You must keep your account details confidential and log out after use.
`

func TestSplitClausesTypedSkipsStay(t *testing.T) {
	got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(txtTypedSkips)}}, false))
	if diff := cmp.Diff([]string{"preamble", "1", "2", "3"}, got); diff != "" {
		t.Errorf("IDs (-want +got):\n%s", diff)
	}
}

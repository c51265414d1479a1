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

// Word numbers written without a full stop ("%1", "%1.%2", a tab after
// them), on sentences, as many English contracts are set: each is a
// clause, though "1 The Supplier shall ..." typed as text would read as a
// wrapped line.
const numberingBareNumbers = `<?xml version="1.0"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="41">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="41"/></w:num>
</w:numbering>`

func TestDOCXBareNumbersOnSentences(t *testing.T) {
	doc := `<w:document ` + wNS + `><w:body>` +
		para("", "", 0, "Services Agreement") +
		para("", "", 0, "This agreement is made between the Supplier and the Customer on the date below.") +
		para("", "1", 0, "The Supplier shall provide the services described in the order form.") +
		para("", "1", 1, "the Supplier shall use reasonable skill and care in providing them.") +
		para("", "1", 1, "The Customer shall pay the fees within thirty days of each invoice.") +
		para("", "1", 2, "late payments carry interest at four percent a year;") +
		para("", "1", 2, "disputed amounts are paid once the dispute is resolved.") +
		para("", "1", 0, "Either party may end this agreement on ninety days written notice.") +
		para("", "1", 1, "on termination the Supplier returns all customer data.") +
		para("", "1", 0, "Data protection") +
		para("", "1", 1, "Each party complies with data protection law.") +
		`</w:body></w:document>`
	p := writeDocx(t, "bare.docx", map[string]string{"word/document.xml": doc, "word/styles.xml": fixtureStyles, "word/numbering.xml": numberingBareNumbers})
	d, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"preamble", "1", "1.1<1", "1.2<1", "1.2(a)<1.2", "1.2(b)<1.2", "2", "2.1<2", "3", "3.1<3"}
	if diff := cmp.Diff(want, clauseIDs(d.Agreement.Clauses)); diff != "" {
		t.Errorf("ids (-want +got):\n%s\n%s", diff, d.Agreement.Pages[0].Text)
	}
}

// Clauses laid out in a Word table, the number in the first column: each
// row is the numbered clause.
func TestDOCXTableNumbers(t *testing.T) {
	row := func(a, b string) string {
		return `<w:tr><w:tc><w:p><w:r><w:t>` + a + `</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>` + b + `</w:t></w:r></w:p></w:tc></w:tr>`
	}
	doc := `<w:document ` + wNS + `><w:body>` +
		para("", "", 0, "Security Schedule") +
		para("", "", 0, "This schedule forms part of the agreement between the Supplier and the Customer.") +
		para("", "", 0, "1. Encryption") +
		`<w:tbl>` + row("1.1", "The Supplier shall encrypt customer data at rest.") + row("1.2", "The Supplier shall encrypt customer data in transit.") + `</w:tbl>` +
		para("", "", 0, "2. Incidents") +
		`<w:tbl>` + row("2.1", "The Supplier shall notify the Customer of a breach within 48 hours.") + row("Level 1", "99.9 percent") + row("3", "4 hours") + `</w:tbl>` +
		`</w:body></w:document>`
	p := writeDocx(t, "table.docx", map[string]string{"word/document.xml": doc, "word/styles.xml": fixtureStyles, "word/numbering.xml": numberingRules})
	d, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"preamble", "1", "1.1<1", "1.2<1", "2", "2.1<2"}
	if diff := cmp.Diff(want, clauseIDs(d.Agreement.Clauses)); diff != "" {
		t.Errorf("ids (-want +got):\n%s\n%s", diff, d.Agreement.Pages[0].Text)
	}
}

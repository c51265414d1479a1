package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// boldRun is a run of bold text; plainRun one without.
func boldRun(s string) string {
	return `<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">` + s + `</w:t></w:r>`
}

func unboldRun(s string) string {
	return `<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">` + s + `</w:t></w:r>`
}

func docxBody(paras ...string) string {
	b := `<?xml version="1.0"?><w:document ` + wNS + `><w:body>`
	for _, p := range paras {
		b += p
	}
	return b + `</w:body></w:document>`
}

// Word agreements whose headings are paragraphs typed in bold, with no
// heading style, outline level or number: each heading opens its clause.
// A bold lead-in followed by plain text, a bold sentence, a bold number
// and a paragraph whose bold is switched off keep their old reading.
func TestDOCXBoldHeadings(t *testing.T) {
	for _, tc := range []struct {
		name  string
		paras []string
		want  []string
	}{
		{"unnumbered bold headings", []string{
			para("", "", 0, "Storage Terms"),
			para("", "", 0, "These terms apply whenever the Host keeps files for the Customer under an order."),
			para("", "", 0, boldRun("Protection")),
			para("", "", 0, "The Host shall protect the files it keeps with reasonable technical measures."),
			para("", "", 0, boldRun("Breach "), boldRun("Notice")),
			para("", "", 0, "The Host shall tell the Customer of any breach within two days of learning of it."),
			para("", "", 0, boldRun("Audit")),
			para("", "", 0, "The Customer may audit the Host once a year on thirty days notice."),
		}, []string{"preamble", `"Protection"`, `"Breach Notice"`, `"Audit"`}},
		{"bold runs that are not headings", []string{
			para("", "", 0, "Storage Terms"),
			para("", "", 0, "These terms apply whenever the Host keeps files for the Customer under an order."),
			para("", "", 0, boldRun("1. Protection")),
			para("", "", 0, "The Host shall protect the files it keeps with reasonable technical measures."),
			para("", "", 0, boldRun("Notice."), " The Host shall tell the Customer of any breach within two days."),
			para("", "", 0, unboldRun("Audit")),
			para("", "", 0, "The Customer may audit the Host once a year on thirty days notice."),
			para("", "", 0, boldRun("2. Fees")),
			para("", "", 0, "The Customer pays the fees in the order form each month."),
		}, []string{"preamble", "1", "2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeDocx(t, "bold.docx", map[string]string{"word/document.xml": docxBody(tc.paras...)})
			doc, err := Open(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range doc.Agreement.Clauses {
				got = append(got, c.ID)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

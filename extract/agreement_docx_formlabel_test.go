package extract

import (
	"strings"
	"testing"
)

// A form's row whose first cell holds a field's label and a line that
// describes it keeps the label apart ("Hosting Region — Where ...") so a
// reader can name the row by it; a first cell of one paragraph, or whose
// first paragraph is a sentence, is joined as before.
func TestDOCXFormRowLabel(t *testing.T) {
	cell := func(ps ...string) string {
		var b strings.Builder
		for _, p := range ps {
			b.WriteString(para("", "", 0, p))
		}
		return "<w:tc>" + b.String() + "</w:tc>"
	}
	row := func(cells ...string) string { return "<w:tr>" + strings.Join(cells, "") + "</w:tr>" }
	body := docxBody(
		para("", "", 0, "Hosting Order Form"),
		para("", "", 0, "The Customer orders the hosted service on the terms below and in the General Terms."),
		"<w:tbl>"+
			row(cell("Hosting Region", "Where the Customer's data is kept"), cell("The Supplier keeps Customer Data in Frankfurt.")+"")+
			row(cell("Backups"), cell("Daily, kept for thirty days."))+
			row(cell("The Supplier will restore data.", "On request only"), cell("Within two days."))+
			"</w:tbl>",
	)
	p := writeDocx(t, "form.docx", map[string]string{"word/document.xml": body})
	doc, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, pg := range doc.Agreement.Pages {
		text.WriteString(pg.Text)
	}
	for _, want := range []string{
		"Hosting Region — Where the Customer's data is kept | The Supplier keeps Customer Data in Frankfurt.",
		"Backups | Daily, kept for thirty days.",
		"The Supplier will restore data. On request only | Within two days.",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("no line %q in:\n%s", want, text.String())
		}
	}
}

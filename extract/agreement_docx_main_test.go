package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// relsTo is a package relationship file naming target as the main part.
func relsTo(target string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="` + target + `"/></Relationships>`
}

// A Word archive whose main part is not word/document.xml (Word for the
// web saves word/document2.xml) is found through _rels/.rels; a
// relationship to a part the archive lacks, or outside word/, is not.
func TestDOCXMainPartByRelationship(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		parts map[string]string
		docx  bool
	}{
		{"main part word/document2.xml", map[string]string{
			"_rels/.rels": relsTo("word/document2.xml"), "word/document2.xml": fixtureDocument(),
			"word/styles.xml": fixtureStyles, "word/numbering.xml": fixtureNumbering}, true},
		{"main part with a leading slash", map[string]string{
			"_rels/.rels": relsTo("/word/main.xml"), "word/main.xml": fixtureDocument()}, true},
		{"relationship to a missing part", map[string]string{
			"_rels/.rels": relsTo("word/document2.xml"), "word/other.xml": fixtureDocument()}, false},
		{"relationship outside word/", map[string]string{
			"_rels/.rels": relsTo("xl/workbook.xml"), "xl/workbook.xml": "<workbook/>"}, false},
	}
	want, err := Open(writeDocx(t, "plain.docx", fixtureParts()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, tt := range tests {
		p := filepath.Join(dir, "doc"+string(rune('a'+i)))
		if err := os.WriteFile(p, docxZip(t, tt.parts), 0o644); err != nil {
			t.Fatal(err)
		}
		head, _ := os.ReadFile(p)
		if len(head) > sniffSize {
			head = head[:sniffSize]
		}
		if got := (docxParser{}).Sniff(head, p); got != tt.docx {
			t.Errorf("%s: Sniff = %v, want %v", tt.name, got, tt.docx)
			continue
		}
		if !tt.docx || tt.parts["word/styles.xml"] == "" {
			continue
		}
		doc, err := Open(p, Options{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(clauseIDs(doc.Agreement.Clauses), clauseIDs(want.Agreement.Clauses)) {
			t.Errorf("%s: clauses %v, want %v", tt.name, clauseIDs(doc.Agreement.Clauses), clauseIDs(want.Agreement.Clauses))
		}
	}
}

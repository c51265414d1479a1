package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const (
	wNS   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`
	wRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
)

// docxZip builds a Word archive from part names and contents.
func docxZip(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := []string{"[Content_Types].xml", "_rels/.rels"}
	if _, ok := parts["[Content_Types].xml"]; !ok {
		parts["[Content_Types].xml"] = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`
	}
	if _, ok := parts["_rels/.rels"]; !ok {
		parts["_rels/.rels"] = wRels
	}
	for n := range parts {
		if n != "[Content_Types].xml" && n != "_rels/.rels" {
			names = append(names, n)
		}
	}
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeDocx(t testing.TB, name string, parts map[string]string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, docxZip(t, parts), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// para builds a paragraph: style, numbering (numID "" for none) and runs.
func para(style, numID string, ilvl int, runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p><w:pPr>")
	if style != "" {
		b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
	}
	if numID != "" {
		b.WriteString(`<w:numPr><w:ilvl w:val="` + string(rune('0'+ilvl)) + `"/><w:numId w:val="` + numID + `"/></w:numPr>`)
	}
	b.WriteString(`<w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>`)
	for _, r := range runs {
		if strings.HasPrefix(r, "<") {
			b.WriteString(r)
			continue
		}
		b.WriteString(`<w:r><w:t xml:space="preserve">` + r + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

const fixtureStyles = `<?xml version="1.0"?><w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ClauseL1"><w:name w:val="Clause Level 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ClauseL2"><w:name w:val="Clause Level 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`

const fixtureNumbering = `<?xml version="1.0"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="10">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%2."/><w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="30">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`

func fixtureDocument() string {
	w14Box := func(checked bool, label string) string {
		v := "0"
		glyph := "☐"
		if checked {
			v, glyph = "1", "☒"
		}
		return `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="` + v + `"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>` + glyph + `</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> ` + label + `</w:t></w:r>`
	}
	formBox := func(checkedAttr, label string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/>` + checkedAttr + `</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> ` + label + `</w:t></w:r>`
	}
	cell := func(s ...string) string {
		return "<w:tc>" + strings.Join(s, "") + "</w:tc>"
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>`)
	b.WriteString(para("Titel", "", 0, "Master Services Agreement"))
	b.WriteString(para("", "", 0, "This Agreement is made between Vendor and Customer."))
	b.WriteString(`<w:tbl><w:tr>` + cell(para("", "", 0, "Security reports")) + cell(
		para("", "", 0, w14Box(false, "SOC 2 Type II")),
		para("", "", 0, w14Box(true, "ISO 27001")),
		para("", "", 0, formBox(`<w:default w:val="0"/><w:checked/>`, "Penetration test summary")),
		para("", "", 0, formBox(`<w:default w:val="1"/>`, "Security questionnaire")),
		para("", "", 0, formBox(`<w:default w:val="0"/>`, "PCI DSS AOC")),
	) + `</w:tr><w:tr>` + cell(para("", "", 0, "Typed boxes")) + cell(para("", "", 0, "[    ] HIPAA ☑ GDPR [ X ] CCPA")) + `</w:tr></w:tbl>`)
	b.WriteString(para("ClauseL1", "", 0, "Definitions"))
	b.WriteString(para("ClauseL2", "", 0, "Terms. Capitalised terms have the meanings below."))
	b.WriteString(para("", "", 0, ""))
	b.WriteString(para("ClauseL1", "", 0, "Security"))
	b.WriteString(para("ClauseL2", "", 0, "Safeguards. Vendor will maintain:"))
	b.WriteString(para("", "1", 2, "encryption of data at rest;"))
	b.WriteString(para("", "1", 2, "access control, including:"))
	b.WriteString(para("", "1", 3, "multi-factor authentication;"))
	b.WriteString(para("", "1", 3, "quarterly access reviews; and"))
	b.WriteString(para("", "1", 2, "logging."))
	b.WriteString(para("ClauseL2", "", 0, "Incidents. Vendor will notify Customer within", `<w:r><w:tab/><w:t>72 hours</w:t></w:r>`, `<w:del><w:r><w:delText>five days</w:delText></w:r></w:del>`, " as set out in Section 5."))
	b.WriteString(para("ClauseL1", "", 0, "Audit", `<w:r><w:br/><w:t>Customer may audit Vendor once a year.</w:t></w:r>`))
	b.WriteString(para("", "3", 0, "a bullet item"))
	b.WriteString(para("Kop1", "", 0, "Exhibit A – Security Measures"))
	b.WriteString(para("", "4", 0, "Access Control"))
	b.WriteString(para("", "4", 1, "Passwords. Users keep their passwords secret."))
	b.WriteString(para("", "2", 0, "Appendix items"))
	b.WriteString(para("", "2", 1, "First roman"))
	b.WriteString(para("", "2", 1, "Second roman"))
	b.WriteString(para("", "2", 0, "Next letter"))
	b.WriteString(para("", "2", 1, "Third roman, not restarted"))
	b.WriteString(`<w:sectPr/></w:body></w:document>`)
	return b.String()
}

func fixtureParts() map[string]string {
	return map[string]string{
		"word/document.xml":  fixtureDocument(),
		"word/styles.xml":    fixtureStyles,
		"word/numbering.xml": fixtureNumbering,
	}
}

func TestDOCXGolden(t *testing.T) {
	p := writeDocx(t, "sample.docx", fixtureParts())
	doc, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := doc.Agreement
	if a == nil || a.Format != "docx" || a.Paginated || len(a.Pages) != 1 {
		t.Fatalf("agreement %+v", a)
	}
	matchGolden(t, filepath.Join("testdata", "docx-sample.golden.json"), struct {
		Text    []string `json:"text"`
		Clauses []Clause `json:"clauses"`
	}{strings.Split(a.Pages[0].Text, "\n"), a.Clauses})

	// The points the golden file pins down, spelled out.
	text := a.Pages[0].Text
	for _, s := range []string{
		"# Master Services Agreement",
		"Security reports | [ ] SOC 2 Type II [x] ISO 27001 [x] Penetration test summary [x] Security questionnaire [ ] PCI DSS AOC",
		"Typed boxes | [ ] HIPAA [x] GDPR [x] CCPA",
		"1. Definitions", "1.1 Terms.", "2. Security", "2.1 Safeguards.", "(a) encryption", "(b) access control", "(i) multi-factor", "(ii) quarterly", "(c) logging",
		"within 72 hours as set out in Section 5.",
		"3. Audit\nCustomer may audit",
		"- a bullet item",
		"# Exhibit A – Security Measures",
		"\n1. Access Control", "1.1 Passwords.",
		"A. Appendix items", "I. First roman", "II. Second roman", "B. Next letter", "III. Third roman",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("text lacks %q:\n%s", s, text)
		}
	}
	if strings.Contains(text, "five days") || strings.Contains(text, "FORMCHECKBOX") {
		t.Errorf("deleted text or field code in the text:\n%s", text)
	}
	ids := strings.Join(clauseIDs(a.Clauses), " ")
	for _, id := range []string{"1", "1.1<1", "2.1<2", "2.1(a)<2.1", "2.1(b)(i)<2.1(b)", "2.1(c)<2.1", "3", "Exhibit A", "Exhibit A 1<Exhibit A", "Exhibit A 1.1<Exhibit A 1"} {
		if !strings.Contains(" "+ids+" ", " "+id+" ") {
			t.Errorf("no clause %s in %s", id, ids)
		}
	}
}

func TestDOCXSniffAndRouting(t *testing.T) {
	dir := t.TempDir()
	docx := docxZip(t, fixtureParts())
	xlsx := docxZip(t, map[string]string{"xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "<worksheet/>"})
	// A docx whose document.xml lies beyond the sniffed head: found by
	// reading the archive's directory.
	var lateBuf bytes.Buffer
	zw := zip.NewWriter(&lateBuf)
	noise := make([]byte, 3*sniffSize)
	x := uint32(1)
	for i := range noise {
		x = x*1664525 + 1013904223
		noise[i] = 'a' + byte(x>>24)%26
	}
	for _, part := range [][2]string{{"customXml/item1.xml", string(noise)}, {"word/document.xml", fixtureDocument()}} {
		w, _ := zw.Create(part[0])
		w.Write([]byte(part[1]))
	}
	zw.Close()
	late := lateBuf.Bytes()
	if bytes.Contains(late[:sniffSize], []byte("word/document.xml")) {
		t.Fatal("fixture: document.xml inside the head")
	}
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"docx", "a.docx", docx, "docx"},
		{"docx without extension", "agreement", docx, "docx"},
		{"docx named xlsx-like zip", "a.zip", docx, "docx"},
		{"docx part beyond the head", "late", late, "docx"},
		{"xlsx", "q.xlsx", xlsx, "xlsx"},
		{"xlsx without extension", "q", xlsx, "xlsx"},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.file)
		if err := os.WriteFile(p, tt.data, 0o644); err != nil {
			t.Fatal(err)
		}
		head := tt.data
		if len(head) > sniffSize {
			head = head[:sniffSize]
		}
		got := ""
		for _, pr := range Parsers {
			if pr.Sniff(head, p) {
				got = pr.Name()
				break
			}
		}
		if got != tt.want {
			t.Errorf("%s: routed to %q, want %q", tt.name, got, tt.want)
		}
	}
	if (docxParser{}).Sniff([]byte("%PDF-1.7"), "x.docx") {
		t.Error("a PDF sniffed as docx")
	}
}

func TestDOCXErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	check := func(name, p string, want error, msg string) {
		t.Helper()
		_, err := docxParser{}.Parse(p, Options{})
		var ie *InputError
		if !errors.As(err, &ie) || ie.Path != p || !errors.Is(err, want) {
			t.Errorf("%s: err %v, want *InputError naming the file wrapping %v", name, err, want)
			return
		}
		if !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: message %q lacks %q", name, err, msg)
		}
	}
	check("truncated zip", write("t.docx", []byte("PK\x03\x04garbage")), ErrDamaged, "zip")
	check("no document part", write("n.docx", docxZip(t, map[string]string{"word/other.xml": "<x/>"})), ErrUnsupported, "word/document.xml")
	check("bad xml", write("b.docx", docxZip(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p><w:p><w:r></w:body>`})), ErrDamaged, "document.xml")
	check("empty", write("e.docx", docxZip(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body><w:p/></w:body></w:document>`})), ErrEmpty, "no text")

	old := docxMaxDocument
	docxMaxDocument = 1 << 10
	defer func() { docxMaxDocument = old }()
	check("zip bomb", write("z.docx", docxZip(t, fixtureParts())), ErrBudget, "at most 1 KB")
}

func TestDOCXNumberFormats(t *testing.T) {
	tests := []struct {
		v    int
		f    string
		want string
	}{
		{1, "decimal", "1"}, {12, "decimal", "12"}, {3, "decimalZero", "03"},
		{1, "lowerLetter", "a"}, {26, "lowerLetter", "z"}, {27, "lowerLetter", "aa"}, {2, "upperLetter", "B"},
		{4, "lowerRoman", "iv"}, {9, "upperRoman", "IX"}, {14, "lowerRoman", "xiv"}, {5, "none", ""},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.v, tt.f); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.v, tt.f, got, tt.want)
		}
	}
}

// TestDOCXMarkdownSameIDs: the same terms written as Markdown and as a Word
// document with list numbering give the same clause IDs.
func TestDOCXMarkdownSameIDs(t *testing.T) {
	md := "# Terms\n\n1. Service\n    1. **Access.** Customer may use the service.\n    2. **Support.** Vendor will provide support:\n        a. by email; and\n        b. by phone.\n2. Security\n    1. **Safeguards.** Vendor will (i) encrypt data and (ii) log access.\n"
	dir := t.TempDir()
	mp := filepath.Join(dir, "terms.md")
	if err := os.WriteFile(mp, []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := `<w:document ` + wNS + `><w:body>` +
		para("Titel", "", 0, "Terms") +
		para("", "1", 0, "Service") +
		para("", "1", 1, "Access. Customer may use the service.") +
		para("", "1", 1, "Support. Vendor will provide support:") +
		para("", "1", 2, "by email; and") +
		para("", "1", 2, "by phone.") +
		para("", "1", 0, "Security") +
		para("", "1", 1, "Safeguards. Vendor will (i) encrypt data and (ii) log access.") +
		`</w:body></w:document>`
	dp := writeDocx(t, "terms.docx", map[string]string{"word/document.xml": doc, "word/styles.xml": fixtureStyles, "word/numbering.xml": fixtureNumbering})
	a, err := Open(mp, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(dp, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"preamble", "1", "1.1<1", "1.2<1", "1.2(a)<1.2", "1.2(b)<1.2", "2", "2.1<2", "2.1(i)<2.1", "2.1(ii)<2.1"}
	if diff := cmp.Diff(want, clauseIDs(a.Agreement.Clauses)); diff != "" {
		t.Errorf("markdown ids (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, clauseIDs(b.Agreement.Clauses)); diff != "" {
		t.Errorf("docx ids (-want +got):\n%s\n%s", diff, b.Agreement.Pages[0].Text)
	}
}

// TestDOCXNumberingStyle: a list that names its numbering through a
// numbering style (w:numStyleLink, ECMA-376 17.9.21) is numbered by the
// abstract numbering that style points to (w:styleLink), as Word shows it:
// "3.", "3.3.", "(b)", not the default "1." at every level.
func TestDOCXNumberingStyle(t *testing.T) {
	styles := `<?xml version="1.0"?><w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="numbering" w:customStyle="1" w:styleId="ContractList"><w:name w:val="Contract List"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
</w:styles>`
	numbering := `<?xml version="1.0"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/><w:numStyleLink w:val="ContractList"/></w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="multilevel"/><w:styleLink w:val="ContractList"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>`
	doc := `<w:document ` + wNS + `><w:body>` +
		para("", "2", 0, "Pilot Terms") +
		para("", "2", 1, "Access. Customer may use the pilot.") +
		para("", "2", 0, "Term and Termination") +
		para("", "2", 1, "Term. The pilot lasts ninety days.") +
		para("", "2", 1, "Effect of Termination. On termination:") +
		para("", "2", 2, "Customer stops using the pilot; and") +
		para("", "2", 2, "Each party returns the other's Confidential Information.") +
		`</w:body></w:document>`
	p := writeDocx(t, "pilot.docx", map[string]string{"word/document.xml": doc, "word/styles.xml": styles, "word/numbering.xml": numbering})
	d, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1", "1.1<1", "2", "2.1<2", "2.2<2", "2.2(a)<2.2", "2.2(b)<2.2"}
	if diff := cmp.Diff(want, clauseIDs(d.Agreement.Clauses)); diff != "" {
		t.Errorf("ids (-want +got):\n%s\n%s", diff, d.Agreement.Pages[0].Text)
	}
}

func FuzzDOCX(f *testing.F) {
	f.Add(fixtureDocument(), false)
	f.Add(`<w:document `+wNS+`><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="9"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>`, false)
	f.Add(`<w:document `+wNS+`><w:body><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>n</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>`, false)
	f.Add(`<w:sdt><w:sdtPr><w14:checkbox/></w:sdtPr><w:sdtContent><w:p>`, false)
	f.Add(string(docxZip(f, fixtureParts())), true)
	f.Fuzz(func(t *testing.T, s string, raw bool) {
		var data []byte
		if raw {
			data = []byte(s)
		} else {
			data = docxZip(t, map[string]string{"word/document.xml": s, "word/styles.xml": fixtureStyles, "word/numbering.xml": fixtureNumbering})
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		start := time.Now()
		text, _, err := docxText(zr)
		if err == nil {
			SplitClauses([]Page{{Number: 1, Text: NormalizeText(text)}}, false)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("took %v on %d bytes", d, len(data))
		}
	})
}

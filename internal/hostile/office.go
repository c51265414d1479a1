package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// Part is one entry of an Office (zip) package.
type Part struct {
	Name string
	Data []byte // compressed normally
	// Bomb, when set, replaces Data with a hand-built DEFLATE stream.
	Bomb *Bomb
}

// Bomb is an entry that inflates to Prefix, N copies of Byte, Suffix.
type Bomb struct {
	Prefix, Suffix []byte
	Byte           byte
	N              int64
	// DeclaredSize, when not 0, is the uncompressed size written in the
	// zip headers instead of the true one (a lying entry).
	DeclaredSize uint64
}

// Zip writes the parts as a zip archive.
func Zip(parts []Part) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		if p.Bomb == nil {
			w, err := zw.Create(p.Name)
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(p.Data); err != nil {
				return nil, err
			}
			continue
		}
		b := p.Bomb
		raw := Deflate(b.Prefix, b.Byte, b.N, b.Suffix)
		size := uint64(len(b.Prefix)) + uint64(b.N) + uint64(len(b.Suffix))
		h := &zip.FileHeader{
			Name:               p.Name,
			Method:             zip.Deflate,
			CRC32:              crcRepeat(b.Prefix, b.Byte, b.N, b.Suffix),
			CompressedSize64:   uint64(len(raw)),
			UncompressedSize64: size,
		}
		if b.DeclaredSize != 0 {
			h.UncompressedSize64 = b.DeclaredSize
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(raw); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

const (
	xmlHead  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	relsNS   = "http://schemas.openxmlformats.org/package/2006/relationships"
	officeNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	sheetNS  = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	wordNS   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
)

// XLSXParts returns the parts of a valid workbook with one sheet
// ("Questionnaire") holding a header row and rows of questions and
// answers; sheet is the worksheet XML (see SheetXML) and shared the
// sharedStrings.xml part ("" for none).
func XLSXParts(sheet, shared string) []Part {
	types := xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
	rels := `<Relationship Id="rId1" Type="` + officeNS + `/worksheet" Target="worksheets/sheet1.xml"/>`
	if shared != "" {
		types += `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
		rels += `<Relationship Id="rId2" Type="` + officeNS + `/sharedStrings" Target="sharedStrings.xml"/>`
	}
	types += `</Types>`
	parts := []Part{
		{Name: "[Content_Types].xml", Data: []byte(types)},
		{Name: "_rels/.rels", Data: []byte(xmlHead + `<Relationships xmlns="` + relsNS + `"><Relationship Id="rId1" Type="` + officeNS + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{Name: "xl/workbook.xml", Data: []byte(xmlHead + `<workbook xmlns="` + sheetNS + `" xmlns:r="` + officeNS + `"><sheets><sheet name="Questionnaire" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{Name: "xl/_rels/workbook.xml.rels", Data: []byte(xmlHead + `<Relationships xmlns="` + relsNS + `">` + rels + `</Relationships>`)},
		{Name: "xl/worksheets/sheet1.xml", Data: []byte(sheet)},
	}
	if shared != "" {
		parts = append(parts, Part{Name: "xl/sharedStrings.xml", Data: []byte(shared)})
	}
	return parts
}

// questions are the rows of the benign questionnaire.
var questions = [][3]string{
	{"SEF-07.1", "Do you notify affected customers of security breaches within a defined time?", "Yes"},
	{"STA-09.1", "Do your customer agreements allow customers to audit your controls?", "No"},
	{"A&A-02.1", "Does an independent firm assess your controls at least once a year?", "Yes"},
	{"CEK-01.1", "Is customer data encrypted at rest and in transit?", "Yes"},
	{"IAM-01.1", "Does the service support multi-factor authentication?", "Yes"},
}

// SheetRows returns the <row> elements of the benign questionnaire with
// inline strings; question, when not "", replaces the question text of
// the first row (raw XML, e.g. an entity reference).
func SheetRows(question string) string {
	var b strings.Builder
	cell := func(ref, v string) { fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v) }
	b.WriteString(`<row r="1">`)
	cell("A1", "Question ID")
	cell("B1", "Question")
	cell("C1", "Answer")
	b.WriteString(`</row>`)
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	for i, q := range questions {
		r := i + 2
		text := esc.Replace(q[1])
		if i == 0 && question != "" {
			text = question
		}
		fmt.Fprintf(&b, `<row r="%d">`, r)
		cell(fmt.Sprintf("A%d", r), esc.Replace(q[0]))
		cell(fmt.Sprintf("B%d", r), text)
		cell(fmt.Sprintf("C%d", r), q[2])
		b.WriteString(`</row>`)
	}
	return b.String()
}

// SheetXML wraps rows (and anything before the root, e.g. a DOCTYPE) as a
// worksheet part.
func SheetXML(doctype, rows string) string {
	return xmlHead + doctype + `<worksheet xmlns="` + sheetNS + `"><sheetData>` + rows + `</sheetData></worksheet>`
}

// DOCXParts returns the parts of a Word document whose main part is doc
// (see DocumentXML); styles, when not "", is word/styles.xml.
func DOCXParts(doc, styles string) []Part {
	parts := []Part{
		{Name: "[Content_Types].xml", Data: []byte(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)},
		{Name: "_rels/.rels", Data: []byte(xmlHead + `<Relationships xmlns="` + relsNS + `"><Relationship Id="rId1" Type="` + officeNS + `/officeDocument" Target="word/document.xml"/></Relationships>`)},
		{Name: "word/document.xml", Data: []byte(doc)},
	}
	if styles != "" {
		parts = append(parts, Part{Name: "word/styles.xml", Data: []byte(styles)})
	}
	return parts
}

// Paragraphs returns the agreement's lines as <w:p> elements.
func Paragraphs(lines []string) string {
	var b strings.Builder
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	for _, l := range lines {
		fmt.Fprintf(&b, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, esc.Replace(l))
	}
	return b.String()
}

// DocumentXML wraps body (paragraphs) as word/document.xml, with doctype
// (e.g. a DTD) before the root.
func DocumentXML(doctype, body string) string {
	return xmlHead + doctype + `<w:document xmlns:w="` + wordNS + `"><w:body>` + body + `</w:body></w:document>`
}

// billionLaughs is the classic DTD: lol9 expands to 10^9 "lol".
func billionLaughs(root string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE " + root + " [\n<!ENTITY lol \"lol\">\n")
	for i := 1; i <= 9; i++ {
		prev := "lol"
		if i > 1 {
			prev = fmt.Sprintf("lol%d", i-1)
		}
		b.WriteString(fmt.Sprintf("<!ENTITY lol%d \"%s\">\n", i, strings.Repeat("&"+prev+";", 10)))
	}
	b.WriteString("]>\n")
	return b.String()
}

// xxe is a DTD declaring an external entity xxe read from file.
func xxe(root, file string) string {
	return "<!DOCTYPE " + root + " [\n<!ENTITY xxe SYSTEM \"file://" + file + "\">\n]>\n"
}

// xlsxBomb is the benign questionnaire with part (the worksheet or
// sharedStrings.xml) inflating to n spaces inside its root element;
// declared, when not 0, is the size its zip headers claim.
func xlsxBomb(part string, n int64, declared uint64) ([]byte, error) {
	shared := xmlHead + `<sst xmlns="` + sheetNS + `" count="1" uniqueCount="1"><si><t>Question</t></si></sst>`
	parts := XLSXParts(SheetXML("", SheetRows("")), shared)
	for i, p := range parts {
		if p.Name != part {
			continue
		}
		var prefix, suffix string
		switch part {
		case "xl/sharedStrings.xml":
			prefix, suffix = xmlHead+`<sst xmlns="`+sheetNS+`" count="1" uniqueCount="1"><si><t>Question</t></si>`, `</sst>`
		default:
			prefix, suffix = xmlHead+`<worksheet xmlns="`+sheetNS+`"><sheetData>`+SheetRows(""), `</sheetData></worksheet>`
		}
		parts[i] = Part{Name: part, Bomb: &Bomb{Prefix: []byte(prefix), Byte: ' ', N: n, Suffix: []byte(suffix), DeclaredSize: declared}}
	}
	return Zip(parts)
}

// docxBomb is the benign agreement with part (word/document.xml or
// word/styles.xml) inflating to n spaces inside its root element.
func docxBomb(part string, n int64, declared uint64) ([]byte, error) {
	body := Paragraphs(AgreementLines(1, 40))
	var b *Bomb
	styles := ""
	switch part {
	case "word/styles.xml":
		styles = "placeholder"
		b = &Bomb{Prefix: []byte(xmlHead + `<w:styles xmlns:w="` + wordNS + `">`), Suffix: []byte(`</w:styles>`)}
	default:
		b = &Bomb{Prefix: []byte(xmlHead + `<w:document xmlns:w="` + wordNS + `"><w:body>` + body), Suffix: []byte(`</w:body></w:document>`)}
	}
	b.Byte, b.N, b.DeclaredSize = ' ', n, declared
	parts := DOCXParts(DocumentXML("", body), styles)
	for i, p := range parts {
		if p.Name == part {
			parts[i] = Part{Name: part, Bomb: b}
		}
	}
	return Zip(parts)
}

package report

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/templates"
)

// addendumText is the wording around the clauses of the rider, read from
// templates/addendum/addendum.yaml (data a lawyer changes, not code).
type addendumText struct {
	Title        string   `yaml:"title"`
	Preamble     []string `yaml:"preamble"`
	ClosingTitle string   `yaml:"closing_title"`
	Closing      []string `yaml:"closing"`
	Signature    []string `yaml:"signature"`
}

var riderText = func() addendumText {
	b, err := templates.Addendum.ReadFile("addendum/addendum.yaml")
	if err != nil {
		panic(err)
	}
	var t addendumText
	if err := yaml.Unmarshal(b, &t); err != nil {
		panic(fmt.Sprintf("templates/addendum/addendum.yaml: %v", err)) // embedded, checked by the tests
	}
	return t
}()

// RiderClause is one numbered clause of the rider: a term's title and its
// recommended wording.
type RiderClause struct {
	Number int
	Rule   string
	Title  string
	Text   string
}

// RiderClauses lists the terms a rider must add, one clause each, numbered
// from 1: every term the questionnaire's promise contradicts, then every
// missing, by-reference and weak term, in the report's order, each once;
// a waived term is left out (its shortfall is accepted). The wording is
// the rule's recommendation (templates/rules/*.yaml).
func RiderClauses(res *analyze.Result) []RiderClause {
	var out []RiderClause
	seen := make(map[string]bool)
	byRule := make(map[string]analyze.Finding, len(res.Findings))
	for _, f := range res.Findings {
		byRule[f.Rule] = f
	}
	add := func(f analyze.Finding) {
		if seen[f.Rule] || f.Waiver != nil || strings.TrimSpace(f.Recommendation) == "" {
			return
		}
		seen[f.Rule] = true
		out = append(out, RiderClause{Number: len(out) + 1, Rule: f.Rule, Title: f.Title, Text: strings.Join(strings.Fields(f.Recommendation), " ")})
	}
	for _, c := range res.Contradictions {
		if f, ok := byRule[c.Rule]; ok {
			// The rule's own wording: the contradiction's ask also tells
			// the reviewer what to do, which a rider does not say.
			add(f)
		}
	}
	for _, st := range []string{analyze.StatusMissing, analyze.StatusByReference, analyze.StatusWeak} {
		for _, f := range byStatus(res, st) {
			add(f)
		}
	}
	return out
}

// riderVendor names the vendor in the rider's preamble.
func riderVendor(res *analyze.Result) string {
	if res.Vendor == "" {
		return "the provider named in the Agreement"
	}
	return res.Vendor
}

func fill(s string, res *analyze.Result) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "{vendor}", riderVendor(res))), " ")
}

// addendumMDRenderer writes the rider as Markdown (--format addendum-md).
type addendumMDRenderer struct{}

func (addendumMDRenderer) Render(w io.Writer, res *analyze.Result) error {
	ew := &errWriter{w: w}
	t := riderText
	ew.printf("# %s\n", mdEscape(t.Title))
	for _, p := range t.Preamble {
		ew.printf("\n%s\n", mdEscape(fill(p, res)))
	}
	clauses := RiderClauses(res)
	for _, c := range clauses {
		ew.printf("\n## %d. %s\n\n%s\n", c.Number, mdEscape(c.Title), mdEscape(c.Text))
	}
	if len(clauses) == 0 {
		ew.printf("\n%s\n", noClauses)
	}
	ew.printf("\n## %d. %s\n", len(clauses)+1, mdEscape(t.ClosingTitle))
	for _, p := range t.Closing {
		ew.printf("\n%s\n", mdEscape(fill(p, res)))
	}
	ew.printf("\n")
	for _, p := range t.Signature {
		ew.printf("%s  \n", mdEscape(fill(p, res)))
	}
	return ew.err
}

// noClauses stands in the rider when no term is open.
const noClauses = "(No term is missing, weak or contradicted: nothing to add.)"

// addendumRenderer writes the rider as a Word document (--format
// addendum): a title, the preamble, one heading and one paragraph per
// clause, the closing and the signature lines. The numbers are typed, not
// Word list numbering, so that they survive any editor.
type addendumRenderer struct{}

func (addendumRenderer) Render(w io.Writer, res *analyze.Result) error {
	return addendumRenderer{}.RenderOptions(w, res, Options{})
}

func (addendumRenderer) RenderOptions(w io.Writer, res *analyze.Result, opts Options) error {
	t := riderText
	var body strings.Builder
	para := func(style, text string) {
		body.WriteString("<w:p>")
		if style != "" {
			fmt.Fprintf(&body, `<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
		}
		body.WriteString(`<w:r><w:t xml:space="preserve">`)
		xml.EscapeText(&body, []byte(text))
		body.WriteString("</w:t></w:r></w:p>")
	}
	para("Title", t.Title)
	for _, p := range t.Preamble {
		para("", fill(p, res))
	}
	clauses := RiderClauses(res)
	for _, c := range clauses {
		para("Heading1", fmt.Sprintf("%d. %s", c.Number, c.Title))
		para("", c.Text)
	}
	if len(clauses) == 0 {
		para("", noClauses)
	}
	para("Heading1", fmt.Sprintf("%d. %s", len(clauses)+1, t.ClosingTitle))
	for _, p := range t.Closing {
		para("", fill(p, res))
	}
	for _, p := range t.Signature {
		para("", fill(p, res))
	}
	modified, err := stamp(opts)
	if err != nil {
		return err
	}
	if modified.IsZero() || modified.Year() < 1980 { // zip dates start in 1980
		modified = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	parts := []struct{ name, content string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRootRels},
		{"word/_rels/document.xml.rels", docxDocumentRels},
		{"word/styles.xml", docxStyles},
		{"word/document.xml", docxDocumentHead + body.String() + docxDocumentTail},
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.content); err != nil {
			return err
		}
	}
	return zw.Close()
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const docxContentTypes = xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`</Types>`

const docxRootRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`</Relationships>`

const docxDocumentRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`

const docxStyles = xmlHead + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>` +
	`</w:styles>`

const docxDocumentHead = xmlHead + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`

const docxDocumentTail = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`

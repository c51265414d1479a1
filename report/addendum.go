package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/templates"
	"go.yaml.in/yaml/v3"
)

// addendumText is the wording around the clauses of the rider, read from
// templates/addendum/addendum.yaml (data a lawyer changes, not code).
type addendumText struct {
	Title        string   `yaml:"title"`
	Preamble     []string `yaml:"preamble"`
	ClosingTitle string   `yaml:"closing_title"`
	Closing      []string `yaml:"closing"`
	Signature    []string `yaml:"signature"`
	// Headings title each clause by the rule's id, as a lawyer would.
	Headings map[string]string `yaml:"headings"`
}

// riderText is read on first use (only a rider needs it).
var riderText = sync.OnceValue(func() addendumText {
	b, err := templates.Addendum.ReadFile("addendum/addendum.yaml")
	if err != nil {
		panic(err)
	}
	var t addendumText
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&t); err != nil {
		panic(fmt.Sprintf("templates/addendum/addendum.yaml: %v", err)) // embedded, checked by the tests
	}
	return t
})

// RiderClause is one numbered clause of the rider: a term's heading and its
// recommended wording.
type RiderClause struct {
	Number   int
	Rule     string
	Severity analyze.Severity
	// Heading titles the clause as a lawyer would ("Audit and Inspection
	// Rights"); Title is the rule's own title.
	Heading string
	Title   string
	Text    string
}

// RiderClauses lists the terms a rider must add, one clause each, numbered
// from 1: every term the questionnaire's promise contradicts and every
// missing, by-reference and weak term, each once, by severity (critical
// first), then in the order of the rule packs; a waived term is left out
// (its shortfall is accepted). The wording is the rule's recommendation
// (templates/rules/*.yaml), the heading RiderHeading's.
func RiderClauses(res *analyze.Result) []RiderClause {
	var open []analyze.Finding
	for _, f := range res.Findings { // the packs' order
		switch {
		case f.Waiver != nil || strings.TrimSpace(f.Recommendation) == "":
		case contradicted(res, f.Rule), f.Status == analyze.StatusMissing, f.Status == analyze.StatusByReference, f.Status == analyze.StatusWeak:
			// A contradicted term takes the rule's own wording: the
			// contradiction's ask also tells the reviewer what to do,
			// which a rider does not say.
			open = append(open, f)
		}
	}
	sort.SliceStable(open, func(i, j int) bool { return open[i].Severity.Rank() > open[j].Severity.Rank() })
	var out []RiderClause
	for i, f := range open {
		out = append(out, RiderClause{Number: i + 1, Rule: f.Rule, Severity: f.Severity, Heading: RiderHeading(f), Title: f.Title, Text: strings.Join(strings.Fields(f.Recommendation), " ")})
	}
	return out
}

// RiderHeading is the heading of a term's clause in the rider: the one
// templates/addendum/addendum.yaml gives the rule, else the rule's title
// up to its first comma in title case ("Source code escrow, with
// releases" → "Source Code Escrow").
func RiderHeading(f analyze.Finding) string {
	if h := strings.TrimSpace(riderText().Headings[f.Rule]); h != "" {
		return h
	}
	title, _, _ := strings.Cut(f.Title, ",")
	words := strings.Fields(title)
	for i, w := range words {
		if i > 0 && minorWords[strings.ToLower(w)] {
			words[i] = strings.ToLower(w)
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	if len(words) == 0 {
		return f.Rule
	}
	return strings.Join(words, " ")
}

// minorWords stay in lower case inside a heading.
var minorWords = map[string]bool{"a": true, "an": true, "and": true, "as": true, "at": true, "by": true, "for": true, "in": true, "of": true, "on": true, "or": true, "the": true, "to": true, "with": true}

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
	t := riderText()
	ew.printf("# %s\n", mdEscape(t.Title))
	for _, p := range t.Preamble {
		ew.printf("\n%s\n", mdEscape(fill(p, res)))
	}
	clauses := RiderClauses(res)
	for _, c := range clauses {
		ew.printf("\n## %d. %s\n\n%s\n", c.Number, mdEscape(c.Heading), mdEscape(c.Text))
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
	t := riderText()
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
		para("Heading1", fmt.Sprintf("%d. %s", c.Number, c.Heading))
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

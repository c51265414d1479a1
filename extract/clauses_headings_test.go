package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// The agreements below are written for these tests; each reproduces one
// kind of unnumbered heading.

const mdProcessorAddendum = `# Processor Addendum

This Processor Addendum forms part of the Agreement between Acme Cloud Ltd ("Provider") and the customer ("Customer").

## Security

Provider shall maintain the following measures:

1. Encryption of Customer Data at rest and in transit.
2. Multi-factor authentication for all administrative access.

## Audit

Customer may audit Provider's compliance with this Addendum once a year on thirty days' written notice.

## Data Breach Notification

Provider shall notify Customer without undue delay and in any event within 48 hours after becoming aware of a Personal Data Breach.

## Deletion

Upon termination Provider shall delete all Customer Data within 30 days.
`

const mdNestedHeadings = `# Overview

These terms apply to every order placed by the Customer under this agreement.

# Security Terms

The Provider protects the Customer's data as follows.

## Data Breach

Provider shall notify Customer of a Security Incident within 24 hours.

## Audit

Customer may inspect Provider's facilities once a year.

# Fees

Customer pays the fees within 30 days of the invoice.
`

const mdSetext = `Hosting Addendum
================

The parties agree to the following hosting terms for the Services.

Audit
-----

Customer may audit the hosting facilities on reasonable notice.

Provider shall keep records of:

1. Access to the hosting facilities.
2. Changes to production systems.

Data Breach
-----------

Provider shall notify Customer of any breach within 24 hours.
`

const mdBoldLeadIns = `# Security Addendum

The Provider shall comply with this addendum when it processes Customer Data.

**Security Incidents.** Provider shall notify Customer of any Security Incident within 24 hours.

__Audit__: Customer may audit Provider's facilities once a year.

**"Customer Data"** means all data submitted by Customer to the Services.

**Deletion**

Provider shall delete Customer Data within 30 days after termination.
`

const mdBoldInNumbered = `## 1. Security

**Encryption.** Provider encrypts Customer Data at rest and in transit.

**Audit.** Customer may audit Provider once a year.

## 2. Fees

Customer pays the fees.

2.1 **Invoices.** Provider invoices monthly in arrears.
`

const mdRestartingLists = `# Security Schedule

This schedule describes the Provider's security duties.

## Audit

1. Customer may audit Provider once a year.
2. Provider shall make its records available for the audit.

## Data Breach

1. Provider shall notify Customer within 24 hours.
2. The notice shall describe the nature of the breach.
`

const mdRunningLists = `# Security Schedule

This schedule describes the Provider's security duties.

## Audit

1. Customer may audit Provider once a year.
2. Provider shall make its records available for the audit.

## Data Breach

3. Provider shall notify Customer within 24 hours.
4. The notice shall describe the nature of the breach.
`

const pdfCapsHeadings = `DATA PROCESSING ADDENDUM
This Addendum is entered into by Acme Cloud Ltd and the Customer named in the Order Form.

SECURITY MEASURES
Provider shall maintain the following measures for the Services:
1. Encryption of Customer Data at rest and in transit.
2. Logging of administrative access to production systems.

AUDIT
Customer may audit Provider's compliance once a year on reasonable notice.

ACME CLOUD LIMITED
a company registered in England under number 01234567.

THE SERVICES ARE PROVIDED AS IS AND PROVIDER DISCLAIMS
ALL WARRANTIES, EXPRESS OR IMPLIED, TO THE EXTENT PERMITTED BY LAW.

DATA BREACH NOTIFICATION
Provider shall notify Customer of a Personal Data Breach within 48 hours.

IN WITNESS WHEREOF
The parties have signed this Addendum on the dates written below.
`

const pdfCapsInNumbered = `1. SERVICES
Provider supplies the hosted Services described in the Order Form.
2. SECURITY
Provider protects Customer Data as set out below.

ACCESS CONTROL
Provider limits access to Customer Data to personnel who need it.
2.1 Encryption
Provider encrypts Customer Data at rest.
3. FEES
Customer pays the fees.
`

func TestSplitClausesUnnumberedHeadings(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"markdown headings are boundaries beside a numbered list", mdProcessorAddendum, false,
			[]string{"preamble", `"Security"`, `"Security" 1<"Security"`, `"Security" 2<"Security"`, `"Audit"`, `"Data Breach Notification"`, `"Deletion"`}},
		{"markdown nesting follows heading levels", mdNestedHeadings, false,
			[]string{`"Overview"`, `"Security Terms"`, `"Data Breach"<"Security Terms"`, `"Audit"<"Security Terms"`, `"Fees"`}},
		{"setext headings", mdSetext, false,
			[]string{"preamble", `"Audit"`, `"Audit" 1<"Audit"`, `"Audit" 2<"Audit"`, `"Data Breach"`}},
		{"bold lead-in paragraphs", mdBoldLeadIns, false,
			[]string{"preamble", `"Security Incidents"`, `"Audit"`, `"Deletion"`}},
		{"bold lead-ins inside numbered sections", mdBoldInNumbered, false,
			[]string{"1", `1 "Encryption"<1`, `1 "Audit"<1`, "2", "2.1<2"}},
		{"numbering restarting under each heading", mdRestartingLists, false,
			[]string{"preamble", `"Audit"`, `"Audit" 1<"Audit"`, `"Audit" 2<"Audit"`, `"Data Breach"`, `"Data Breach" 1<"Data Breach"`, `"Data Breach" 2<"Data Breach"`}},
		{"numbering running through the headings", mdRunningLists, false,
			[]string{"preamble", `"Audit"`, `1<"Audit"`, `2<"Audit"`, `"Data Breach"`, `3<"Data Breach"`, `4<"Data Breach"`}},
		{"heading style on a whole paragraph", "# Terms\n\nIntro text for the terms.\n\n## Access and Use. During the term Provider grants access to the Service.\n\n## U.S. Government Users\n\nMore text here.\n", false,
			[]string{"preamble", `"Access and Use"`, `"U.S. Government Users"`}},
		{"repeated heading", "# Terms\n\nIntro text for the terms.\n\n## Definitions\n\nWords.\n\n## Services\n\nMore.\n\n## Definitions\n\nOther words.\n", false,
			[]string{"preamble", `"Definitions"`, `"Services"`, `"Definitions" (2)`}},
		{"all-caps headings in a PDF", pdfCapsHeadings, true,
			[]string{"preamble", `"SECURITY MEASURES"`, `"SECURITY MEASURES" 1<"SECURITY MEASURES"`, `"SECURITY MEASURES" 2<"SECURITY MEASURES"`, `"AUDIT"`, `"DATA BREACH NOTIFICATION"`}},
		{"all-caps sub-heading inside a numbered section", pdfCapsInNumbered, true,
			[]string{"1", "2", `2 "ACCESS CONTROL"<2`, "2.1<2", "3"}},
		{"all-caps headings in plain text", strings.ReplaceAll(pdfCapsHeadings, "\n\n", "\n\n\n"), false,
			[]string{"preamble", `"SECURITY MEASURES"`, `"SECURITY MEASURES" 1<"SECURITY MEASURES"`, `"SECURITY MEASURES" 2<"SECURITY MEASURES"`, `"AUDIT"`, `"DATA BREACH NOTIFICATION"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tt.text)}}, tt.paginated))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUnnumberedHeadingText checks what the clauses under unnumbered
// headings hold: their own section only, the heading without markup, and
// no heading that is really a party name, a disclaimer or boilerplate.
func TestUnnumberedHeadingText(t *testing.T) {
	byID := func(cs []Clause) map[string]Clause {
		m := map[string]Clause{}
		for _, c := range cs {
			m[c.ID] = c
		}
		return m
	}
	md := byID(SplitClauses([]Page{{Number: 1, Text: mdProcessorAddendum}}, false))
	audit := md[`"Audit"`]
	if audit.Heading != "Audit" || !strings.Contains(audit.Text, "once a year") || strings.Contains(audit.Text, "48 hours") {
		t.Errorf(`"Audit" = %+v`, audit)
	}
	if pre := md["preamble"]; !strings.Contains(pre.Text, "Processor Addendum") || strings.Contains(pre.Text, "Encryption") {
		t.Errorf("preamble holds the title and the opening only: %q", pre.Text)
	}

	pdf := byID(SplitClauses([]Page{{Number: 1, Text: NormalizeText(pdfCapsHeadings)}, {Number: 2, Text: "Signed for Acme Cloud Ltd by its director on behalf of the Provider."}}, true))
	a := pdf[`"AUDIT"`]
	for _, s := range []string{"ACME CLOUD LIMITED", "THE SERVICES ARE PROVIDED AS IS"} {
		if !strings.Contains(a.Text, s) {
			t.Errorf(`"AUDIT" lacks %q (not a heading): %q`, s, a.Text)
		}
	}
	if !cmp.Equal(a.Pages, []int{1}) {
		t.Errorf(`"AUDIT" pages %v`, a.Pages)
	}
	if n := pdf[`"DATA BREACH NOTIFICATION"`]; !strings.Contains(n.Text, "IN WITNESS WHEREOF") || !cmp.Equal(n.Pages, []int{1, 2}) {
		t.Errorf(`"DATA BREACH NOTIFICATION" = %+v`, n)
	}

	bold := byID(SplitClauses([]Page{{Number: 1, Text: mdBoldInNumbered}}, false))
	if c := bold["2.1"]; c.Heading != "Invoices" {
		t.Errorf("2.1 heading %q, want Invoices (a bold lead-in after the number)", c.Heading)
	}
	if c := bold[`1 "Audit"`]; c.Heading != "Audit" || c.Text != "Audit. Customer may audit Provider once a year." {
		t.Errorf(`1 "Audit" = %+v`, c)
	}
	lead := byID(SplitClauses([]Page{{Number: 1, Text: mdBoldLeadIns}}, false))
	if c := lead[`"Audit"`]; !strings.Contains(c.Text, `"Customer Data" means`) {
		t.Errorf("a bold defined term is not a heading: %q", c.Text)
	}
}

// TestClauseTextMarkup: no Markdown or HTML markup reaches clause text or
// headings, links keep their URL, and each list item is a line of its own
// that starts with a list marker.
func TestClauseTextMarkup(t *testing.T) {
	const doc = `# Security Addendum

This addendum sets out the *security* terms of the **Agreement** between the parties.

## Incident _Response_

Provider shall, at its own cost:

* notify Customer of any **Security Incident** within _24 hours_;
+ cooperate with Customer's ` + "`incident response`" + ` team; and
- provide the report described at [the incident page](https://acme.example/incidents).

> Customer may audit <b>annually</b> and see <https://acme.example/audit>.

---

## Sub\_processors

Provider lists its subprocessors at [https://acme.example/subprocessors](https://acme.example/subprocessors) and below:

` + "```" + `
Annex 3
` + "```" + `
`
	p := filepath.Join(t.TempDir(), "addendum.md")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := textParser{}.Parse(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Clause{}
	var ids []string
	for _, c := range d.Agreement.Clauses {
		got[c.ID] = c
		ids = append(ids, c.ID)
	}
	if diff := cmp.Diff([]string{"preamble", `"Incident Response"`, `"Sub_processors"`}, ids); diff != "" {
		t.Fatalf("ids (-want +got):\n%s", diff)
	}
	want := map[string]string{
		"preamble": "Security Addendum\n\nThis addendum sets out the security terms of the Agreement between the parties.",
		`"Incident Response"`: "Incident Response\n\nProvider shall, at its own cost:\n\n" +
			"- notify Customer of any Security Incident within 24 hours;\n" +
			"- cooperate with Customer's incident response team; and\n" +
			"- provide the report described at the incident page (https://acme.example/incidents).\n\n" +
			"Customer may audit annually and see https://acme.example/audit.",
		`"Sub_processors"`: "Sub_processors\n\nProvider lists its subprocessors at https://acme.example/subprocessors and below:\n\nAnnex 3",
	}
	for id, w := range want {
		if diff := cmp.Diff(w, got[id].Text); diff != "" {
			t.Errorf("clause %s text (-want +got):\n%s", id, diff)
		}
	}
	if h := got[`"Incident Response"`].Heading; h != "Incident Response" {
		t.Errorf("heading %q", h)
	}
}

// TestMarkupAcrossLines: emphasis and links wrapped across a line end of
// a hard-wrapped Markdown paragraph are removed too; list items stay
// blocks of their own.
func TestMarkupAcrossLines(t *testing.T) {
	doc := "## Scope\n\nThese terms cover the hosted service.\n\n## Incidents\n\nProvider shall notify **Customer\nwithin 24 hours** as set out in [the\npolicy](https://acme.example/p).\n\n- an *item\n  wrapped* here;\n- **another item**.\n"
	cs := SplitClauses([]Page{{Number: 1, Text: doc}}, false)
	want := "Incidents\n\nProvider shall notify Customer\nwithin 24 hours as set out in the\npolicy (https://acme.example/p).\n\n- an item\n  wrapped here;\n- another item."
	if len(cs) != 2 || cs[1].Text != want {
		t.Errorf("clauses %v, text %q, want %q", clauseIDs(cs), cs[len(cs)-1].Text, want)
	}
}

// TestListItemsStayItems: bullets and numbered items that are not clauses
// keep a line of their own with a marker, in every format.
func TestListItemsStayItems(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		paginated bool
		id        string
		want      string
	}{
		{"pdf bullet glyphs", "1. SECURITY\nProvider shall:\n\uf0b7 encrypt Customer Data;\n\u25aa log access;\n\u27a2 test backups.\n2. FEES\nCustomer pays.", true, "1",
			"1. SECURITY\nProvider shall:\n• encrypt Customer Data;\n• log access;\n• test backups."},
		{"glyph without a space", "1. SECURITY\nProvider shall:\n•encrypt Customer Data;\n•log access.\n2. FEES\nCustomer pays.", true, "1",
			"1. SECURITY\nProvider shall:\n• encrypt Customer Data;\n• log access."},
		{"markdown items under a heading", "## Security\n\nProvider shall:\n\n1. encrypt Customer Data;\n2. log access.\n\n## Fees\n\nCustomer pays.", false, `"Security"`,
			"Security\n\nProvider shall:\n\n1. encrypt Customer Data;\n2. log access."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range SplitClauses([]Page{{Number: 1, Text: tt.text}}, tt.paginated) {
				if c.ID == tt.id {
					if diff := cmp.Diff(tt.want, c.Text); diff != "" {
						t.Errorf("text (-want +got):\n%s", diff)
					}
					return
				}
			}
			t.Errorf("no clause %s", tt.id)
		})
	}
}

// TestDOCXUnnumberedHeadings: heading styles without numbering (Heading 1
// and 2, Title, a custom style with an outline level, a paragraph with an
// outline level of its own) are clause boundaries; list paragraphs from
// numbering.xml stay list items.
func TestDOCXUnnumberedHeadings(t *testing.T) {
	const styles = `<?xml version="1.0"?><w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="SchedHead"><w:name w:val="Schedule Head"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
</w:styles>`
	outlined := `<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Deletion</w:t></w:r></w:p>`
	body := strings.Join([]string{
		para("Title", "", 0, "Data Processing Addendum"),
		para("Normal", "", 0, "This addendum forms part of the agreement between Acme Cloud Ltd and the Customer."),
		para("Heading1", "", 0, "Security"),
		para("Normal", "", 0, "Provider shall maintain these measures:"),
		para("Normal", "1", 0, "Encryption of Customer Data at rest and in transit."),
		para("Normal", "1", 0, "Logging of administrative access."),
		para("Normal", "3", 0, "Backups tested every quarter."),
		para("Heading1", "", 0, "Audit"),
		para("Normal", "", 0, "Customer may audit Provider's compliance once a year."),
		para("Heading2", "", 0, "On-site Audits"),
		para("Normal", "", 0, "On-site audits take place during business hours."),
		para("SchedHead", "", 0, "Data Breach Notification"),
		para("Normal", "", 0, "Provider shall notify Customer within 48 hours of becoming aware of a breach."),
		outlined,
		para("Normal", "", 0, "Provider shall delete Customer Data within 30 days after termination."),
	}, "")
	p := writeDocx(t, "dpa.docx", map[string]string{
		"word/document.xml":  `<?xml version="1.0"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/styles.xml":    styles,
		"word/numbering.xml": fixtureNumbering,
	})
	d, err := docxParser{}.Parse(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := d.Agreement.Clauses
	want := []string{"preamble", `"Security"`, `"Security" 1<"Security"`, `"Security" 2<"Security"`, `"Audit"`, `"On-site Audits"<"Audit"`,
		`"Data Breach Notification"`, `"Deletion"`}
	if diff := cmp.Diff(want, clauseIDs(cs)); diff != "" {
		t.Fatalf("ids (-want +got):\n%s", diff)
	}
	for _, c := range cs {
		switch c.ID {
		case `"Security"`:
			if !strings.Contains(c.Text, "\n- Backups tested every quarter.") || strings.Contains(c.Text, "#") {
				t.Errorf("security text %q", c.Text)
			}
		case `"Audit"`:
			if c.Heading != "Audit" || strings.Contains(c.Text, "48 hours") {
				t.Errorf("audit %+v", c)
			}
		}
	}
}

func TestStripInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**bold** and __strong__", "bold and strong"},
		{"*em* and _em_", "em and em"},
		{"***both***", "both"},
		{"**_Indirect Damages._ To the extent permitted.**", "Indirect Damages. To the extent permitted."},
		{"snake_case_name and {company_name}", "snake_case_name and {company_name}"},
		{"EXCEPT FOR [*] CAUSED BY A [*] OF", "EXCEPT FOR [*] CAUSED BY A [*] OF"},
		{"fees of [***] per month", "fees of [***] per month"},
		{"2 * 3 * 4", "2 * 3 * 4"},
		{"an unclosed **bold", "an unclosed **bold"},
		{"use `grep -r` here", "use grep -r here"},
		{"see [the policy](https://acme.example/policy)", "see the policy (https://acme.example/policy)"},
		{"see [https://acme.example](https://acme.example)", "see https://acme.example"},
		{"see [the statement](/site-policy/privacy#legal)", "see the statement"},
		{"mail [privacy@acme.example](mailto:privacy@acme.example)", "mail privacy@acme.example"},
		{"![logo](logo.png) text", "logo text"},
		{"[text][ref] and <https://acme.example/x>", "text and https://acme.example/x"},
		{`Sub\_processors and \*not em\*`, "Sub_processors and *not em*"},
		{"[ ] unchecked and [x] checked (see below)", "[ ] unchecked and [x] checked (see below)"},
		{`audit <b>annually</b> by <span class="x">Provider</span><br/>`, "audit annually by Provider"},
		{"notify <Customer Name> at <Address>", "notify <Customer Name> at <Address>"},
	}
	for _, tt := range tests {
		if got := stripInline(tt.in); got != tt.want {
			t.Errorf("stripInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDisplayLine(t *testing.T) {
	tests := []struct {
		in   string
		md   bool
		want string
	}{
		{"## 1.3 **Account** Security", true, "1.3 Account Security"},
		{"> quoted text", true, "quoted text"},
		{"> [!NOTE]", true, ""},
		{"---", true, ""},
		{"* * *", true, ""},
		{"```go", true, ""},
		{"  + nested item", true, "  - nested item"},
		{"* item", true, "- item"},
		{"\uf0b7 item", false, "• item"},
		{"  ▪item", false, "  • item"},
		{"• item", false, "• item"},
		{"**not stripped in PDFs**", false, "**not stripped in PDFs**"},
		{"#hashtag", true, "#hashtag"},
	}
	for _, tt := range tests {
		if got := displayLine(tt.in, tt.md); got != tt.want {
			t.Errorf("displayLine(%q, %v) = %q, want %q", tt.in, tt.md, got, tt.want)
		}
	}
}

func FuzzStripInline(f *testing.F) {
	for _, s := range []string{"**a** _b_ `c` [d](https://e) \\*f", "**_X._ Y**", "[***] a_b_c", "***", "<https://x>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := displayLine(s, true)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 from %q: %q", s, got)
		}
		if strings.Count(got, "*")+strings.Count(got, "_") > strings.Count(s, "*")+strings.Count(s, "_") {
			t.Fatalf("markup added: %q -> %q", s, got)
		}
	})
}

// BenchmarkSplitClausesHeadings splits a Markdown agreement of 400
// sections under unnumbered headings, with lists, bold lead-ins and links.
func BenchmarkSplitClausesHeadings(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("# Master Addendum\n\nThese terms apply to the services.\n\n")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&sb, "## Section %d\n\n**Scope.** Provider shall, as set out at [the page](https://acme.example/%d):\n\n1. keep *records* of access;\n2. notify Customer within 24 hours;\n\n- encrypt data;\n- log access.\n\n", i, i)
	}
	pages := []Page{{Number: 1, Text: sb.String()}}
	b.ReportAllocs()
	for b.Loop() {
		SplitClauses(pages, false)
	}
}

// TestPDFUnnumberedHeadings reads a generated PDF whose sections are
// all-caps headings, and checks that a running page header in capitals is
// not taken for one.
func TestPDFUnnumberedHeadings(t *testing.T) {
	pages := []testPage{
		{lines: []string{"DATA PROCESSING ADDENDUM", "This Addendum is entered into by Acme Cloud Ltd and the Customer named in the Order Form.",
			"SECURITY MEASURES", "Provider shall maintain the following measures for the Services:",
			"1. Encryption of Customer Data at rest and in transit.", "2. Logging of administrative access to production systems.",
			"AUDIT", "Customer may audit Provider's compliance once a year on reasonable notice."}},
		{lines: []string{"DATA BREACH NOTIFICATION", "Provider shall notify Customer of a Personal Data Breach within 48 hours.",
			"DELETION", "Provider shall delete Customer Data within 30 days after the end of the Services."}},
	}
	d, err := pdfParser{}.Parse(writeTemp(t, "dpa.pdf", makePDF("1.4", pages)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"preamble", `"SECURITY MEASURES"`, `"SECURITY MEASURES" 1<"SECURITY MEASURES"`, `"SECURITY MEASURES" 2<"SECURITY MEASURES"`,
		`"AUDIT"`, `"DATA BREACH NOTIFICATION"`, `"DELETION"`}
	if diff := cmp.Diff(want, clauseIDs(d.Agreement.Clauses)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	for _, c := range d.Agreement.Clauses {
		if c.ID == `"DATA BREACH NOTIFICATION"` && (!cmp.Equal(c.Pages, []int{2}) || strings.Contains(c.Text, "DELETION")) {
			t.Errorf("breach notice clause %+v", c)
		}
	}

	// The same capitals at the top of every page are a running header.
	var split []Page
	for i, body := range []string{"SECURITY\nProvider encrypts Customer Data at rest and in transit.", "AUDIT\nCustomer may audit Provider once a year on notice.", "DELETION\nProvider deletes Customer Data after the end of the term."} {
		split = append(split, Page{Number: i + 1, Text: "ACME CLOUD SECURITY\nSome body text of the page follows the header line.\n\n" + body})
	}
	// Its two lines, the same at the top of every page, are running lines
	// and no clause's text: no preamble is left.
	got := clauseIDs(SplitClauses(split, true))
	if diff := cmp.Diff([]string{`"SECURITY"`, `"AUDIT"`, `"DELETION"`}, got); diff != "" {
		t.Errorf("running header (-want +got):\n%s", diff)
	}
}

package analyze

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/assurancegen"
)

// TestTableSubprocessors: a table whose header names the suppliers' column
// names subprocessors even without a legal form, with the location and the
// purpose when the table has those columns; placeholders, "N/A", empty
// cells and header words are no names. Every table is our own.
func TestTableSubprocessors(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // name [purpose; location], "|"-separated
	}{
		{
			name: "DOCX table rows (cells joined by pipes)",
			text: "9.2 Hosting\n\nData Category | Region | Vendor\nBackups | EU (Frankfurt) | Corvane Storage\nEvent logs | EU | Glimmerline\nAnalytics | N/A | [Vendor Name]",
			want: "Corvane Storage [; EU (Frankfurt)]|Glimmerline [; EU]",
		},
		{
			name: "Markdown pipe table with its rule row",
			text: "| Sub-processor name | Purpose | Country |\n|:---|---|---|\n| Ostrava Mailworks s.r.o. | Transactional email | Czech Republic |\n| N/A | | |\n| | Support | Ireland |\n| Sub-processor | Purpose | Country |\n| Pellucid Analytics (EU instance) | Product analytics | Ireland |",
			want: "Ostrava Mailworks s.r.o. [Transactional email; Czech Republic]|Pellucid Analytics [Product analytics; Ireland]",
		},
		{
			name: "PDF rows under a header in capitals",
			text: "SECTION 4\nSubcontractors\nSUBCONTRACTOR SERVICE LOCATION PURPOSE\n\nHarrowgate Data Ltd EC2, S3 eu-west-2 Hosting of the platform\n\nTwilio SMS us-east-1 Login codes\n\nSECTION 5\nCOMPLIANCE\nBrindle Audit LLC will audit annually.",
			want: "Harrowgate Data Ltd [; ]|Twilio [; ]",
		},
		{
			name: "PDF rows under a header in title case",
			text: "EXHIBIT B\nSubprocessor List\nThe list as of the Effective Date includes the parties named in the table below.\n\nSubprocessor Purpose Data accessed\nQuillmere, PBC Text evaluation Strings for the duration of the call.\nTarnbrook Inc. Payments Billing email, card details.\nHollowfen Insights OU Analytics Anonymous page-view counts.\nSoldane s.r.o. Backups Nightly database copies.\nEXHIBIT C\nVendor Services shall be rendered as ordered.",
			want: "Quillmere, PBC [; ]|Tarnbrook Inc. [; ]|Hollowfen Insights OU [; ]|Soldane s.r.o. [; ]",
		},
		{
			name: "a sentence opening with a header word is no title-case header",
			text: "Vendor shall keep its list current.\nBrackwater Hosting Inc. hosts the platform.",
		},
		{
			name: "a table without a suppliers' column names none",
			text: "Data Type | Retention | Location\nInvoices | 7 years | Spain\nLogs | 90 days | Spain",
		},
		{
			name: "a key-value table under an empty header names none",
			text: "Data importer\n\n| | |\n|---|---|\n| Name | Brookfarrow Systems Inc. |\n| Entity | Brookfarrow Systems Inc. |\n| Address | 1 Main Street |",
		},
		{
			name: "columns told by words within the header cell",
			text: "| Sub-Processor Legal Name | Sub-Processing Activities | Data Location |\n| --- | --- | --- |\n| Kestrelwick (https://kestrelwick.example/) | Support tickets | Canada |",
			want: "Kestrelwick [Support tickets; Canada]",
		},
		{
			name: "placeholders and header words only",
			text: "| Provider | Location |\n|---|---|\n| [Name] | [Country] |\n| Provider | Location |\n| TBD | TBD |\n| <entity> | - |\n| See Annex 3 | |",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, ts := range tableSubprocessors(tc.text) {
				got = append(got, ts.name+" ["+ts.purpose+"; "+ts.location+"]")
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

// TestTableSubprocessorsInFiles reads one invented DPA, its subprocessors
// in a table, as Markdown, DOCX and PDF, through extract and Run: the
// result's subprocessors are the table's names, each once.
func TestTableSubprocessorsInFiles(t *testing.T) {
	rows := [][]string{
		{"SUB-PROCESSOR", "LOCATION", "PURPOSE"},
		{"Quarrystone Cloud GmbH", "Germany", "Hosting"},
		{"Quarrystone Cloud GmbH", "Germany", "Backups"},
		{"Mapleridge Payments Inc.", "United States", "Billing"},
		{"[Name]", "[Country]", "[Purpose]"},
	}
	intro := "The Processor uses the following sub-processors."
	dir := t.TempDir()
	var md strings.Builder
	md.WriteString("# Data Processing Addendum\n\n## 5. Sub-processors\n\n" + intro + "\n\n")
	for i, r := range rows {
		md.WriteString("| " + strings.Join(r, " | ") + " |\n")
		if i == 0 {
			md.WriteString("|---|---|---|\n")
		}
	}
	md.WriteString("\n## 6. Security\n\nThe Processor shall encrypt personal data at rest.\n")
	mdPath := filepath.Join(dir, "dpa.md")
	if err := os.WriteFile(mdPath, []byte(md.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	pdfPath := filepath.Join(dir, "dpa.pdf")
	if err := assurancegen.PDF(assurancegen.Doc{Name: "Data Processing Addendum", Blocks: []assurancegen.Block{
		{Kind: assurancegen.Title, Text: "Data Processing Addendum"},
		{Kind: assurancegen.H2, Text: "5. Sub-processors"},
		{Kind: assurancegen.Para, Text: intro},
		{Kind: assurancegen.Table, Rows: rows, Widths: []float64{60, 40, 60}},
		{Kind: assurancegen.H2, Text: "6. Security"},
		{Kind: assurancegen.Para, Text: "The Processor shall encrypt personal data at rest."},
	}}, pdfPath); err != nil {
		t.Fatal(err)
	}
	docxPath := filepath.Join(dir, "dpa.docx")
	if err := os.WriteFile(docxPath, tableDocx(t, intro, rows), 0o644); err != nil {
		t.Fatal(err)
	}
	rs := loadRules(t)
	want := map[string]string{
		"md":   "Mapleridge Payments Inc. [Billing; United States]|Quarrystone Cloud GmbH [Hosting; Backups; Germany]",
		"docx": "Mapleridge Payments Inc. [Billing; United States]|Quarrystone Cloud GmbH [Hosting; Backups; Germany]",
		// A PDF's columns run together once read: the names only.
		"pdf": "Mapleridge Payments Inc. [; ]|Quarrystone Cloud GmbH [; ]",
	}
	for _, p := range []string{mdPath, docxPath, pdfPath} {
		ext := strings.TrimPrefix(filepath.Ext(p), ".")
		t.Run(ext, func(t *testing.T) {
			d, err := extract.Open(p, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Agreement == nil {
				t.Fatalf("%s not read as an agreement", p)
			}
			res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{d.Agreement}}, rs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range res.Subprocessors {
				got = append(got, s.Name+" ["+s.Purpose+"; "+s.Location+"]")
			}
			if g := strings.Join(got, "|"); g != want[ext] {
				t.Errorf("subprocessors %q, want %q", g, want[ext])
			}
		})
	}
}

// tableDocx is a Word document, built as extract's tests build one: a
// heading, the intro and rows as a table.
func tableDocx(t *testing.T, intro string, rows [][]string) []byte {
	t.Helper()
	p := func(s string) string { return "<w:p><w:r><w:t>" + s + "</w:t></w:r></w:p>" }
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	b.WriteString(p("Data Processing Addendum") + p("5. Sub-processors") + p(intro) + "<w:tbl>")
	for _, r := range rows {
		b.WriteString("<w:tr>")
		for _, c := range r {
			b.WriteString("<w:tc>" + p(c) + "</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>" + p("6. Security") + p("The Processor shall encrypt personal data at rest.") + "</w:body></w:document>")
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   b.String(),
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
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

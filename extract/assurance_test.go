package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/ssrm-dev/ssrm/internal/assurancegen"
)

// writeReport writes d as PDF and Markdown in a temporary folder and
// returns both paths.
func writeReport(t *testing.T, d assurancegen.Doc, name string) (pdfPath, mdPath string) {
	t.Helper()
	dir := t.TempDir()
	pdfPath, mdPath = filepath.Join(dir, name+".pdf"), filepath.Join(dir, name+".md")
	if err := assurancegen.PDF(d, pdfPath); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mdPath, []byte(assurancegen.Markdown(d)), 0o644); err != nil {
		t.Fatal(err)
	}
	return pdfPath, mdPath
}

// docxOf renders d as a Word document: headings in the heading 1 style,
// tables as Word tables.
func docxOf(t *testing.T, d assurancegen.Doc, name string) string {
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><w:document ` + wNS + `><w:body>`)
	for _, bl := range d.Blocks {
		switch bl.Kind {
		case assurancegen.H1, assurancegen.H2:
			b.WriteString(para("Kop1", "", 0, esc(bl.Text)))
		case assurancegen.Table:
			b.WriteString("<w:tbl>")
			for _, row := range bl.Rows {
				b.WriteString("<w:tr>")
				for _, c := range row {
					b.WriteString("<w:tc>" + para("", "", 0, esc(c)) + "</w:tc>")
				}
				b.WriteString("</w:tr>")
			}
			b.WriteString("</w:tbl>")
		case assurancegen.NewPage:
		default:
			b.WriteString(para("", "", 0, esc(bl.Text)))
		}
	}
	b.WriteString(`<w:sectPr/></w:body></w:document>`)
	parts := fixtureParts()
	parts["word/document.xml"] = b.String()
	return writeDocx(t, name+".docx", parts)
}

func openAssurance(t *testing.T, path string) *AssuranceReport {
	t.Helper()
	doc, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Kind() != KindAssurance {
		t.Fatalf("%s reads as %s, want an assurance report", path, doc.Kind())
	}
	return doc.Assurance
}

// pageless drops the page numbers of places, for formats without pages.
func pageless(p Place, paginated bool) Place {
	if !paginated {
		p.Page = 0
	}
	return p
}

var ignoreRead = cmpopts.IgnoreFields(AssuranceReport{}, "Path", "Format", "Paginated", "Pages", "Recognition")

func TestAssuranceSOC2(t *testing.T) {
	pdfPath, mdPath := writeReport(t, assurancegen.SOC2(), "soc2")
	for _, path := range []string{pdfPath, mdPath, docxOf(t, assurancegen.SOC2(), "soc2")} {
		paginated := strings.HasSuffix(path, ".pdf")
		at := func(page int, section, heading string) Place {
			return pageless(Place{Page: page, Section: section, Heading: heading}, paginated)
		}
		cuecs := []UserControl{}
		for _, c := range assurancegen.CUECs {
			cuecs = append(cuecs, UserControl{Text: c[0], Criteria: strings.Split(c[1], ", "), At: at(4, "III", "Complementary User Entity Controls")})
		}
		csoc := func(i int) UserControl {
			return UserControl{Text: assurancegen.CSOCs[i][0], Criteria: []string{assurancegen.CSOCs[i][1]}, At: at(4, "III", "Complementary Subservice Organization Controls")}
		}
		want := &AssuranceReport{
			Type:                AssuranceSOC2Type2,
			ServiceOrganization: "Cobalt Harbor Inc.",
			Issuer:              "Larchmont & Reyes LLP",
			IssuerAt:            ptr(at(3, "II", "")),
			PeriodStart:         "2025-04-01",
			PeriodEnd:           "2026-03-31",
			PeriodAt:            ptr(at(1, "", "")),
			Categories:          []string{"security", "availability", "confidentiality"},
			CategoriesAt:        ptr(at(1, "", "")),
			Opinion:             OpinionQualified,
			OpinionAt:           ptr(at(3, "II", "Qualified Opinion")),
			Qualification:       "Cobalt Harbor states in its description that customer databases are backed up every day and that backups are replicated to a second region. However, as noted in Section IV, backups of one customer database were not replicated to the second region for 9 days in October 2025. As a result, the control did not operate effectively throughout the period to achieve criterion A1.2.",
			System:              "Harbor Payroll Cloud",
			Subservice: []SubserviceOrg{
				{Name: "Amazon Web Services, Inc.", Services: "Infrastructure hosting of the production environment in the US East region", Method: "carve-out",
					CSOCs: []UserControl{csoc(0), csoc(1)}, At: at(4, "III", "Subservice Organizations")},
				{Name: "Twilio Inc.", Services: "Delivery of SMS one-time passcodes for user sign-in", Method: "carve-out",
					CSOCs: []UserControl{csoc(2)}, At: at(4, "III", "Subservice Organizations")},
			},
			CUECs: cuecs,
			Exceptions: []ControlException{
				{Control: "CC6.2.1", Activity: "New user access is approved by the user's manager before it is granted.",
					Test:      "Inspected access tickets for a sample of 25 new users.",
					Deviation: "For 2 of 25 new users sampled, manager approval was recorded after access was granted.",
					Response:  "Management has added a check to the access request workflow that blocks provisioning until the manager's approval is recorded.",
					At:        at(7, "IV", "")},
				{Control: "CC7.2.3", Activity: "Security alerts from the monitoring system are triaged within one business day. (control 3 of the criterion)",
					Test:      "Inspected a sample of security alerts and their triage records.",
					Deviation: "For 1 of 40 security alerts sampled, triage was completed five business days after the alert.",
					Response:  "The alert was raised during a change of on-call rota; the rota tool now pages a second responder after four hours.",
					At:        at(8, "IV", "")},
				{Control: "A1.2.2", Activity: "Customer databases are backed up every day and backups are replicated to a second region. (control 2 of the criterion)",
					Test:      "Inspected the backup configuration and a sample of daily backup jobs.",
					Deviation: "Backups of one customer database were not replicated to the second region for 9 days in October 2025.",
					Response:  "The replication job failed silently after a storage quota change; replication is now monitored and an alert is raised within one hour of a failed job.",
					At:        at(9, "IV", "")},
			},
		}
		got := openAssurance(t, path)
		if d := cmp.Diff(want, got, ignoreRead); d != "" {
			t.Errorf("%s (-want +got):\n%s", filepath.Base(path), d)
		}
		if !paginated {
			continue
		}
		// The tests table spans pages 6 to 10 (its header, repeated on
		// each page, is dropped from pages 7-10 as a running line).
		var pages []int
		for _, p := range got.Pages {
			if regexp.MustCompile(`(?m)^(CC|A|C)\d\.\d\.\d `).MatchString(p.Text) {
				pages = append(pages, p.Number)
			}
		}
		if d := cmp.Diff([]int{6, 7, 8, 9, 10}, pages); d != "" {
			t.Errorf("pages with rows of the tests table (-want +got):\n%s", d)
		}
	}
}

func TestAssuranceOthers(t *testing.T) {
	tests := []struct {
		name string
		doc  assurancegen.Doc
		want AssuranceReport
	}{
		{"soc3", assurancegen.SOC3(), AssuranceReport{
			Type: AssuranceSOC3, ServiceOrganization: "Cobalt Harbor Inc.", Issuer: "Larchmont & Reyes LLP",
			IssuerAt: &Place{Page: 1, Section: "II", Heading: "Opinion"}, PeriodStart: "2025-04-01", PeriodEnd: "2026-03-31",
			PeriodAt: &Place{Page: 1, Section: "II"}, Categories: []string{"security", "availability"}, CategoriesAt: &Place{Page: 1, Section: "II"},
			Opinion: OpinionUnqualified, OpinionAt: &Place{Page: 1, Section: "II", Heading: "Opinion"}, System: "Harbor Payroll Cloud",
			// Named only in a sentence that states the carve-out method.
			Subservice: []SubserviceOrg{{Name: "Amazon Web Services, Inc.", Method: "carve-out", CSOCs: []UserControl{}, At: Place{Page: 1, Section: "II"}}},
			CUECs:      []UserControl{}, Exceptions: []ControlException{}}},
		{"iso", assurancegen.ISOCert(), AssuranceReport{
			Type: AssuranceISO27001, ServiceOrganization: "Cobalt Harbor Inc.", Issuer: "Northgate Assurance Ltd.", IssuerAt: &Place{Page: 1},
			PeriodStart: "2024-06-12", PeriodEnd: "2027-06-11", PeriodAt: &Place{Page: 1}, Categories: []string{},
			System:     "The information security management system supporting the development and operation of Harbor Payroll Cloud",
			Subservice: []SubserviceOrg{}, CUECs: []UserControl{}, Exceptions: []ControlException{}}},
		{"bridge", assurancegen.Bridge(), AssuranceReport{
			Type: AssuranceBridgeLetter, Issuer: "Cobalt Harbor Inc.", IssuerAt: &Place{Page: 1},
			PeriodStart: "2026-04-01", PeriodEnd: "2026-06-30", PeriodAt: &Place{Page: 1}, Categories: []string{},
			Subservice: []SubserviceOrg{}, CUECs: []UserControl{}, Exceptions: []ControlException{}}},
	}
	for _, tc := range tests {
		pdfPath, mdPath := writeReport(t, tc.doc, tc.name)
		for _, path := range []string{pdfPath, mdPath} {
			want := tc.want
			if strings.HasSuffix(path, ".md") {
				for _, p := range []**Place{&want.IssuerAt, &want.PeriodAt, &want.CategoriesAt, &want.OpinionAt} {
					if *p != nil {
						*p = ptr(pageless(**p, false))
					}
				}
				want.Subservice = slices.Clone(want.Subservice)
				for i := range want.Subservice {
					want.Subservice[i].At.Page = 0
				}
			}
			if d := cmp.Diff(&want, openAssurance(t, path), ignoreRead); d != "" {
				t.Errorf("%s (-want +got):\n%s", filepath.Base(path), d)
			}
		}
	}
}

// TestAssuranceTypeI reads a point in time and an adverse opinion from a
// short text report.
func TestAssuranceTypeI(t *testing.T) {
	text := `SOC 2 Type I Report

Section II: Independent Service Auditor's Report

We have examined Quill Metrics LLC's description of its Quill Analytics system as of September 30, 2025, and the suitability of the design of controls to meet the criteria relevant to security and privacy.

Adverse Opinion

In our opinion, because of the significance of the matter described in the Basis for Adverse Opinion paragraph, the controls were not suitably designed as of September 30, 2025.

Basis for Adverse Opinion

Quill Metrics has not designed controls to review user access.

Orchard Peak CPAs

Section III: Description of the Quill Analytics System

Complementary User Entity Controls

- Customers are responsible for reviewing their users' access every quarter (CC6.2).
- Customers are responsible for protecting their API keys. CC6.1
`
	path := filepath.Join(t.TempDir(), "type1.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	want := &AssuranceReport{
		Type: AssuranceSOC2Type1, ServiceOrganization: "Quill Metrics LLC", Issuer: "Orchard Peak CPAs", IssuerAt: &Place{Section: "II", Heading: "Basis for Adverse Opinion"},
		PeriodEnd: "2025-09-30", PointInTime: true, PeriodAt: &Place{Section: "II"},
		Categories: []string{"security", "privacy"}, CategoriesAt: &Place{Section: "II"},
		Opinion: OpinionAdverse, OpinionAt: &Place{Section: "II", Heading: "Adverse Opinion"},
		Qualification: "Quill Metrics has not designed controls to review user access.",
		System:        "Quill Analytics",
		Subservice:    []SubserviceOrg{},
		CUECs: []UserControl{
			{Text: "Customers are responsible for reviewing their users' access every quarter (CC6.2).", Criteria: []string{"CC6.2"}, At: Place{Section: "III", Heading: "Complementary User Entity Controls"}},
			{Text: "Customers are responsible for protecting their API keys.", Criteria: []string{"CC6.1"}, At: Place{Section: "III", Heading: "Complementary User Entity Controls"}},
		},
		Exceptions: []ControlException{},
	}
	if d := cmp.Diff(want, openAssurance(t, path), ignoreRead); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// TestAgreementsStayAgreements: an agreement that promises reports is not
// one, nor is the sample agreement.
func TestAgreementsStayAgreements(t *testing.T) {
	text := `Security Addendum

1. Reports. Provider shall make available to Customer its most recent SOC 2 Type II report, prepared by an independent service auditor, and its ISO/IEC 27001 certificate, each year. Customer shall implement the complementary user entity controls described in the SOC 2 report.

2. Bridge letters. Where the report's period ended more than three months before a request, Provider shall provide a bridge letter.

3. Certificates. Provider is certified to ISO 27001; the available certificates are listed with their expiry date on its site. On deletion Provider issues a certificate of destruction.
`
	path := filepath.Join(t.TempDir(), "addendum.md")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, "../samples/nimbus-ledger/agreement.pdf"} {
		doc, err := Open(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Kind() != KindAgreement {
			t.Errorf("%s reads as %s, want an agreement", p, doc.Kind())
		}
	}
}

func TestAssuranceVocabStrict(t *testing.T) {
	if _, err := compileAssuranceVocab([]byte("schema: ssrm.assurance/v1\nkinds: []\nfrobnicate: 1\n")); err == nil || !strings.Contains(err.Error(), "frobnicate") {
		t.Errorf("unknown key: got %v", err)
	}
	if _, err := compileAssuranceVocab([]byte("schema: ssrm.assurance/v1\ncriteria: \"(\"\n")); err == nil || !strings.Contains(err.Error(), "assurance/report.yaml") {
		t.Errorf("bad pattern: got %v", err)
	}
}

// FuzzAssurance: any text read as an agreement is either left alone or
// read as a report without a panic, every place on a page it has.
func FuzzAssurance(f *testing.F) {
	soc2 := assurancegen.Markdown(assurancegen.SOC2())
	f.Add(soc2[:4000]) // the title, sections I and II: small seeds fuzz faster
	f.Add(soc2[strings.Index(soc2, "## Subservice Organizations"):strings.Index(soc2, "## Changes to the System")])
	f.Add(soc2[strings.Index(soc2, "# Section IV"):][:3000])
	f.Add(assurancegen.Markdown(assurancegen.ISOCert()))
	f.Add(assurancegen.Markdown(assurancegen.Bridge()))
	f.Add("Independent Service Auditor's Report\nSOC 2\ncomplementary user entity controls\nCC6.1.1 x\nException noted")
	f.Fuzz(func(t *testing.T, text string) {
		a := &Agreement{Path: "fuzz.txt", Format: "txt", Pages: []Page{{Number: 1, Text: text}}}
		r, err := readAssurance(a)
		if err != nil {
			t.Fatal(err)
		}
		if r == nil {
			return
		}
		for _, e := range r.Exceptions {
			if e.Control == "" || e.At.Page != 0 {
				t.Errorf("exception %+v", e)
			}
		}
		for _, c := range r.CUECs {
			if c.Text == "" {
				t.Errorf("empty CUEC %+v", c)
			}
		}
	})
}

// BenchmarkAssuranceRead reads the SOC 2's text (11 pages as Markdown)
// into a report; the PDF's text extraction is not included.
func BenchmarkAssuranceRead(b *testing.B) {
	a := &Agreement{Path: "soc2.md", Format: "md", Pages: []Page{{Number: 1, Text: NormalizeText(cleanMarkdown(assurancegen.Markdown(assurancegen.SOC2())))}}}
	b.ReportAllocs()
	for b.Loop() {
		if r, err := readAssurance(a); err != nil || r == nil || len(r.Exceptions) != 3 {
			b.Fatalf("%v %v", r, err)
		}
	}
}

// BenchmarkAssuranceAgreement is the price an agreement pays for the
// check: the sample agreement's text, which is no report.
func BenchmarkAssuranceAgreement(b *testing.B) {
	doc, err := Open("../samples/nimbus-ledger/agreement.pdf", Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if r, err := readAssurance(doc.Agreement); err != nil || r != nil {
			b.Fatalf("%v %v", r, err)
		}
	}
}

// TestAssuranceSOC1 reads a SOC 1 Type II written in Markdown: control
// objectives instead of criteria, an inclusive subservice organization,
// the exception and its response in the results cell of a pipe table.
func TestAssuranceSOC1(t *testing.T) {
	text := `# SOC 1 Type II Report: Report on Tallyfold LLC's Description of Its Payroll Ledger System

# Section II: Independent Service Auditor's Report

We have examined Tallyfold LLC's description of its Payroll Ledger system for processing user entities' transactions throughout the period January 1, 2025 to December 31, 2025, relevant to user entities' internal control over financial reporting, and the suitability of the design and operating effectiveness of controls to achieve the related control objectives.

## Opinion

In our opinion, in all material respects, the controls operated effectively throughout the period.

Harrowgate Partners LLP

# Section III: Description of the Payroll Ledger System

## Subservice Organizations

Tallyfold uses Quarry Data Centers Inc. for colocation, presented using the inclusive method.

| Subservice Organization | Services |
|---|---|
| Quarry Data Centers Inc. | Colocation of the primary data center |

## Complementary User Entity Controls

1. User entities are responsible for reconciling payroll totals to their general ledger each pay period (Control Objective 4).
2. User entities are responsible for approving pay rate changes before they are submitted.

# Section IV: Control Objectives, Related Controls, and Tests of Controls

| Control Number | Control Activity | Test Performed | Results of Testing |
|---|---|---|---|
| 4.1 | Payroll runs are approved by a second employee. | Inspected approvals for a sample of 40 payroll runs. | No exceptions noted. |
| 4.2 | Rate tables are reviewed every month. | Inspected the monthly reviews. | Exception noted. The review for June 2025 was not performed. Management's response: A calendar reminder now assigns a back-up reviewer. |
`
	path := filepath.Join(t.TempDir(), "soc1.md")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cuec := Place{Section: "III", Heading: "Complementary User Entity Controls"}
	want := &AssuranceReport{
		Type: AssuranceSOC1Type2, ServiceOrganization: "Tallyfold LLC", Issuer: "Harrowgate Partners LLP", IssuerAt: &Place{Section: "II", Heading: "Opinion"},
		PeriodStart: "2025-01-01", PeriodEnd: "2025-12-31", PeriodAt: &Place{Section: "II"}, Categories: []string{},
		Opinion: OpinionUnqualified, OpinionAt: &Place{Section: "II", Heading: "Opinion"}, System: "Payroll Ledger",
		Subservice: []SubserviceOrg{{Name: "Quarry Data Centers Inc.", Services: "Colocation of the primary data center", Method: "inclusive", CSOCs: []UserControl{},
			At: Place{Section: "III", Heading: "Subservice Organizations"}}},
		CUECs: []UserControl{
			{Text: "User entities are responsible for reconciling payroll totals to their general ledger each pay period (Control Objective 4).", Criteria: []string{}, At: cuec},
			{Text: "User entities are responsible for approving pay rate changes before they are submitted.", Criteria: []string{}, At: cuec},
		},
		Exceptions: []ControlException{{Control: "4.2", Activity: "Rate tables are reviewed every month.", Test: "Inspected the monthly reviews.",
			Deviation: "The review for June 2025 was not performed.", Response: "A calendar reminder now assigns a back-up reviewer.", At: Place{Section: "IV"}}},
	}
	if d := cmp.Diff(want, openAssurance(t, path), ignoreRead); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// TestAssuranceVariants: criteria set before the CUEC in its table,
// "Controls are in place" openings, "The following deviation was noted".
func TestAssuranceVariants(t *testing.T) {
	text := `SOC 2 Type II

Section II: Independent Service Auditor's Report

We have examined Brightwell Labs Inc.'s description of its Signal system throughout the period July 1, 2025 to June 30, 2026 relevant to security.

In our opinion, in all material respects, the controls operated effectively.

Kestrel & Vane LLP

Section III: Description of the Signal System

Complementary User Entity Controls

| Criteria | Complementary User Entity Control |
|---|---|
| CC6.2 | Controls are in place to approve the user accounts the customer creates. |
| CC7.3, CC7.4 | User entities have procedures to report incidents to Brightwell Labs. |

Section IV: Trust Services Criteria, Related Controls, and Tests of Controls

| Control Number | Control Activity | Test Performed | Results of Testing |
|---|---|---|---|
| CC8.1.4 | Emergency changes are approved after deployment. | Inspected a sample of emergency changes. | The following deviation was noted: one emergency change of 12 was not approved. |
| CC8.1.5 | Changes are tested. | Inspected test records. | No relevant exceptions noted. |
`
	path := filepath.Join(t.TempDir(), "variants.md")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r := openAssurance(t, path)
	cuec := Place{Section: "III", Heading: "Complementary User Entity Controls"}
	wantC := []UserControl{
		{Text: "Controls are in place to approve the user accounts the customer creates.", Criteria: []string{"CC6.2"}, At: cuec},
		{Text: "User entities have procedures to report incidents to Brightwell Labs.", Criteria: []string{"CC7.3", "CC7.4"}, At: cuec},
	}
	if d := cmp.Diff(wantC, r.CUECs); d != "" {
		t.Errorf("CUECs (-want +got):\n%s", d)
	}
	wantE := []ControlException{{Control: "CC8.1.4", Activity: "Emergency changes are approved after deployment.", Test: "Inspected a sample of emergency changes.",
		Deviation: "one emergency change of 12 was not approved.", At: Place{Section: "IV"}}}
	if d := cmp.Diff(wantE, r.Exceptions); d != "" {
		t.Errorf("exceptions (-want +got):\n%s", d)
	}
}

// TestAssuranceCriteriaFirstPDF: in a PDF, a CUEC table whose criteria
// column comes first gives each criteria cell to the control below it.
func TestAssuranceCriteriaFirstPDF(t *testing.T) {
	soc := assurancegen.SOC2()
	for i, b := range soc.Blocks {
		if b.Kind == assurancegen.Table && b.Rows[0][0] == "Complementary User Entity Control" {
			rows := [][]string{{"Related Criteria", "Complementary User Entity Control"}}
			for _, r := range b.Rows[1:] {
				rows = append(rows, []string{r[1], r[0]})
			}
			soc.Blocks[i] = assurancegen.Block{Kind: assurancegen.Table, Rows: rows, Widths: []float64{35, 125}}
		}
	}
	pdfPath, mdPath := writeReport(t, soc, "soc2-criteria-first")
	for _, path := range []string{pdfPath, mdPath} {
		var got []string
		for _, c := range openAssurance(t, path).CUECs {
			got = append(got, strings.Join(c.Criteria, ", ")+" | "+c.Text)
		}
		var want []string
		for _, c := range assurancegen.CUECs {
			want = append(want, c[1]+" | "+c[0])
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", filepath.Base(path), d)
		}
	}
}

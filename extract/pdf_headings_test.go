package extract

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// typedLine is one line of a generated PDF: its text, font size (pt),
// weight, whether a paragraph gap comes before it, and a bold lead-in.
type typedLine struct {
	text string
	size float64
	bold bool
	gap  bool
	lead string // a bold start before text, on the same line
}

// Shorthands for the generated documents: body text at 11 pt, a gap
// before a paragraph's first line.
func body(t string) typedLine            { return typedLine{text: t, size: 11, gap: true} }
func more(t string) typedLine            { return typedLine{text: t, size: 11} }
func boldStart(lead, t string) typedLine { return typedLine{text: t, size: 11, gap: true, lead: lead} }
func bold(t string, size float64) typedLine {
	return typedLine{text: t, size: size, bold: true, gap: true}
}

// typesetPDF builds a PDF whose lines are set in Helvetica or
// Helvetica-Bold at their sizes, top to bottom, onto as many pages as
// they need.
func typesetPDF(lines []typedLine) []byte {
	helvBold := strings.Replace(helv, "/Helvetica ", "/Helvetica-Bold ", 1)
	esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`, "–", "\x96") // WinAnsiEncoding
	var pages []string
	var c bytes.Buffer
	y := 740.0
	for _, l := range lines {
		step := l.size * 1.25
		if l.gap {
			step += 24
		}
		if y-step < 60 {
			pages = append(pages, c.String())
			c.Reset()
			y = 740
		}
		y -= step
		font := "/F1"
		if l.bold {
			font = "/F2"
		}
		if l.lead != "" {
			fmt.Fprintf(&c, "BT /F2 %g Tf 72 %.1f Td (%s) Tj /F1 %g Tf ( %s) Tj ET\n", l.size, y, esc.Replace(l.lead), l.size, esc.Replace(l.text))
			continue
		}
		fmt.Fprintf(&c, "BT %s %g Tf 72 %.1f Td (%s) Tj ET\n", font, l.size, y, esc.Replace(l.text))
	}
	pages = append(pages, c.String())
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", helv, helvBold}
	var kids []string
	for _, content := range pages {
		kids = append(kids, fmt.Sprintf("%d 0 R", len(objs)+1))
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>", len(objs)+2),
			stream("", content))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))
	return rawPDF(objs...)
}

// Terms whose sections are bold lines in the body's size above their
// paragraphs, with a bold name inside a paragraph that is no heading.
var typesetBoldTerms = []typedLine{
	bold("ACME CLOUD TERMS OF SERVICE", 11),
	body("These terms apply to your use of the hosted applications of Acme Cloud. Please read"),
	more("them carefully before you use the service."),
	bold("Changes to these Terms", 11),
	body("We may change these terms at any time. Changes take effect five business days after"),
	more("we post them, and it is your responsibility to check the site for changes."),
	bold("Creating Accounts", 11),
	body("When you create an account you agree to maintain the security of your password and to"),
	more("tell us at once of any suspected breach of the security of the service operated by"),
	{text: "Acme Cloud Incorporated", size: 11, bold: true},
	more("and its affiliates, who will investigate it."),
	bold("Governing Law", 11),
	body("These terms are governed by the laws of the State of California in every respect."),
}

// Terms whose sections are headings in a larger type, one wrapped over
// two lines, another ending in a colon, with bold lead-ins starting
// paragraphs (one repeating its heading).
var typesetLargeTerms = []typedLine{
	{text: "Example Plus Terms of Service", size: 24, bold: true},
	body("Example Plus is a subscription service providing premium features to its members, as"),
	more("described on the website of the service."),
	bold("You Must Be Eligible to Use the Service", 16),
	body("You must live in a country where the service is offered and hold an account with us."),
	bold("You May Cancel Your Subscription at Any", 16),
	{text: "Time", size: 16, bold: true},
	boldStart("Cancellation.", "You may cancel your subscription at any time from the settings page of"),
	more("your account, and you will keep access until the end of the billing period."),
	boldStart("Refunds.", "We refund the first month of a subscription cancelled within thirty days."),
	bold("Your Privacy", 16),
	boldStart("Your Privacy.", "The privacy notice explains what information is sent when you use the"),
	more("service and how we handle it."),
	bold("We Can Update These Terms", 16),
	body("Every once in a while we may update these terms. We will post the updated terms online"),
	more("and your continued use of the service is acceptance of the changes."),
	bold("Contact Us:", 16),
	body("Example Corporation, Legal Notices, 1 Main Street, Springfield"),
}

// A processing agreement in lettered sections in a large bold type, with
// numbered headings in a smaller bold type (sentence case after a bare
// number), bold lines, bold lead-ins and table cells in the body's size
// that are no headings, and a last section whose numbering restarts.
var typesetSections = []typedLine{
	{text: "Data processing agreement", size: 24, bold: true},
	bold("Section A – Key terms", 16),
	{text: "Variable Value", size: 11, bold: true, gap: true},
	body("Controller Acme Retail Ltd, London"),
	{text: "Place of storage", size: 11, bold: true, gap: true},
	more("At the offices of the Processor in Frankfurt, Germany."),
	bold("Section B – Legal terms", 16),
	bold("1 Purpose and scope", 13),
	body("This agreement governs the processing of personal data for the Controller by the"),
	more("Processor under the main agreement between them."),
	bold("2 Obligations of the processor", 13),
	bold("2.1 General", 11),
	body("The Processor shall process personal data only on documented instructions."),
	bold("2.2 Security of processing", 11),
	body("The Processor shall implement the measures in Section C and notify the Controller of"),
	more("a personal data breach within 48 hours of becoming aware of it."),
	bold("3 Description of processing operations", 13),
	body("The processing operations are described in Section A of this agreement."),
	bold("Section C – Technical and organisational measures", 16),
	bold("1 Organisational measures", 13),
	bold("1.1 Security management", 11),
	{text: "Roles and responsibilities:", size: 11, bold: true, gap: true},
	body("Roles related to the processing of personal data are defined and allocated."),
	boldStart("Access control:", "Specific access rights are allocated to each role, on a need-to-know basis."),
	bold("1.2 Incident response", 11),
	body("The Processor reports incidents to the Controller without undue delay and keeps an"),
	more("incident response plan."),
}

// Numbered clauses in the body's type with bold all-caps sub-headings
// inside them: the sub-headings do not close the numbered clauses. The
// filing's exhibit number atop the document is no section.
var typesetSubHeadings = []typedLine{
	{text: "Exhibit 10.4", size: 11, bold: true},
	bold("MASTER SERVICES AGREEMENT", 14),
	body("1. Services. The Provider provides the hosted service described in the order form to"),
	more("the Customer for the term of the order."),
	body("2. Security. The Provider protects Customer Data as follows."),
	bold("ACCESS CONTROL", 11),
	body("2.1 The Provider grants access to Customer Data only to personnel who need it."),
	body("2.2 The Provider reviews access rights every quarter and removes stale accounts."),
	body("3. Fees. The Customer pays the fees set out in the order form within thirty days."),
}

func TestTypesetHeadings(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []typedLine
		want  []string
	}{
		{"bold headings in the body's size", typesetBoldTerms,
			[]string{"preamble", `"Changes to these Terms"`, `"Creating Accounts"`, `"Governing Law"`}},
		{"headings in a larger type, one wrapped", typesetLargeTerms,
			[]string{"preamble", `"You Must Be Eligible to Use the Service"`, `"You May Cancel Your Subscription at Any Time"`,
				`"Cancellation"<"You May Cancel Your Subscription at Any Time"`, `"Refunds"<"You May Cancel Your Subscription at Any Time"`,
				`"Your Privacy"`, `"We Can Update These Terms"`, `"Contact Us"`}},
		{"bold sub-headings inside numbered clauses", typesetSubHeadings,
			[]string{"preamble", "1", "2", `2 "ACCESS CONTROL"<2`, "2.1<2", "2.2<2", "3"}},
		{"lettered sections over typeset numbered headings", typesetSections,
			[]string{"preamble", "Section A", "Section B", "1<Section B", "2<Section B", "2.1<2", "2.2<2", "3<Section B",
				"Section C", "Section C 1<Section C", "Section C 1.1<Section C 1", "Section C 1.2<Section C 1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkTypesetIDs(t, tc.lines, tc.want)
		})
	}
}

// checkTypesetIDs typesets lines into a PDF, reads it and compares its
// clause IDs with want, printing the pages' text on a difference.
func checkTypesetIDs(t *testing.T, lines []typedLine, want []string) {
	t.Helper()
	doc, err := Open(writeTemp(t, "typeset.pdf", typesetPDF(lines)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, pg := range doc.Agreement.Pages {
		text.WriteString(pg.Text + "\n")
	}
	if diff := cmp.Diff(want, clauseIDs(doc.Agreement.Clauses)); diff != "" {
		t.Errorf("ids (-want +got):\n%s\n%s", diff, text.String())
	}
}

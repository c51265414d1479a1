package extract

import "testing"

// sub is a bold line in the body's size with a paragraph gap above it and
// its paragraph right below, with no gap (a word processor's heading
// style with little space after).
func sub(t string) typedLine { return typedLine{text: t, size: 11, bold: true, gap: true} }

// Terms in unnumbered sections in a larger bold type, each with bold
// sub-headings in the body's size set tight above their paragraphs; a bold
// lead-in ending in a colon and a bold sentence are no headings.
var typesetTightSubHeadings = []typedLine{
	{text: "Example Storage Customer Terms", size: 20, bold: true},
	body("These terms are between you and Example Storage Ltd and apply to the storage service."),
	bold("Changes to the Terms", 14),
	body("This part of the terms explains how the terms may change over time."),
	sub("Notice of Changes"),
	more("We give thirty days notice of any change to these terms by email and on the website."),
	sub("When we change the terms, we will:"),
	more("post the new terms and update the date at the top of the page."),
	{text: "Your Right to Close the Account", size: 11, bold: true}, // no gap above: a finished sentence
	more("If you do not accept a change you may close your account before it takes effect."),
	bold("Security of Your Files", 14),
	body("This part of the terms describes how we protect the files you store with us."),
	sub("Encryption at Rest"),
	more("Files are encrypted at rest with keys held in a separate key store."),
	sub("Incident Notice"),
	more("We tell you of a security incident affecting your files within 72 hours."),
}

func TestTypesetTightSubHeadings(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []typedLine
		want  []string
	}{
		{"bold sub-headings set tight above their paragraphs", typesetTightSubHeadings,
			[]string{"preamble", `"Changes to the Terms"`, `"Notice of Changes"<"Changes to the Terms"`,
				`"Your Right to Close the Account"<"Changes to the Terms"`, `"Security of Your Files"`,
				`"Encryption at Rest"<"Security of Your Files"`, `"Incident Notice"<"Security of Your Files"`}},
		// The earlier kinds keep their IDs.
		{"bold headings in the body's size", typesetBoldTerms,
			[]string{"preamble", `"Changes to these Terms"`, `"Creating Accounts"`, `"Governing Law"`}},
		{"bold sub-headings inside numbered clauses", typesetSubHeadings,
			[]string{"preamble", "1", "2", `2 "ACCESS CONTROL"<2`, "2.1<2", "2.2<2", "3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkTypesetIDs(t, tc.lines, tc.want)
		})
	}
}

// Bold lead-ins titling the paragraphs before the body's numbered
// sections (the sections in the body's regular type): the sections are
// the body's, not the last lead-in's sub-clauses.
var typesetLeadInsBeforeBody = []typedLine{
	{text: "HOSTING ADDENDUM", size: 16, bold: true},
	boldStart("Background.", "The Customer uses the hosted service of the Provider under the main agreement."),
	boldStart("Scope.", "This addendum applies to the hosting of the Customer's shop."),
	body("1. Hosting. The Provider hosts the shop in two data centres."),
	body("2. Security. The Provider keeps the shop's data safe."),
	body("2.1 The Provider encrypts the shop's data at rest."),
	body("3. Term. This addendum ends with the main agreement."),
}

// A lead-in whose paragraph introduces a numbered list keeps it.
var typesetLeadInList = []typedLine{
	{text: "HOSTING ADDENDUM", size: 16, bold: true},
	boldStart("Security.", "The Provider shall:"),
	body("1. Encryption of the shop's data at rest."),
	body("2. Logging of every access to the shop's data."),
}

func TestTypesetLeadInsBeforeBody(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []typedLine
		want  []string
	}{
		{"lead-ins before the numbered body", typesetLeadInsBeforeBody,
			[]string{"preamble", `"Background"`, `"Scope"`, "1", "2", "2.1<2", "3"}},
		{"a lead-in introducing a numbered list", typesetLeadInList,
			[]string{"preamble", `"Security"`, `1<"Security"`, `2<"Security"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkTypesetIDs(t, tc.lines, tc.want)
		})
	}
}

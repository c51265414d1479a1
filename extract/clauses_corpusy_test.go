package extract

import (
	"slices"
	"testing"
)

// A line that only dates or versions the document, typed in bold or as
// a heading, is no heading: the numbered clauses after it
// are 1..N of their own, not clauses of "Last Updated: ...". (A PDF's
// all-caps date line was no heading before: capsHeading reads no digits.)
func TestDateLineIsNoHeading(t *testing.T) {
	body := "Welcome to the Kennel Club app! These terms govern your use of it.\n\n" +
		"1. Acceptance\n\nBy using the app you agree to these terms and to our privacy notice.\n\n" +
		"2. Changes\n\nWe will tell you of material changes by email before they take effect.\n\n" +
		"3. Accounts\n\nYou are responsible for all activity under your account.\n"
	for _, tc := range []struct {
		name, line string
	}{
		{"markdown bold updated", "**Last Updated: March 3, 2024**"},
		{"markdown bold effective", "**Effective Date: 12 January 2023**"},
		{"markdown heading version", "## Version 2.1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := "**Kennel Club Terms of Use**\n\n" + tc.line + "\n\n" + body
			ids := clauseIDs(SplitClauses([]Page{{Number: 1, Text: text}}, false))
			for _, want := range []string{"1", "2", "3"} {
				if !slices.Contains(ids, want) {
					t.Errorf("no clause %q in %q", want, ids)
				}
			}
		})
	}
}

// The same line in a Word document, a paragraph all in bold.
func TestDOCXDateLineIsNoHeading(t *testing.T) {
	p := writeDocx(t, "dated.docx", map[string]string{"word/document.xml": docxBody(
		para("", "", 0, boldRun("Kennel Club Terms of Use")),
		para("", "", 0, boldRun("Last Updated: March 3, 2024")),
		para("", "", 0, "Welcome to the Kennel Club app! These terms govern your use of it."),
		para("", "", 0, "1. Acceptance"),
		para("", "", 0, "By using the app you agree to these terms and to our privacy notice."),
		para("", "", 0, "2. Changes"),
		para("", "", 0, "We will tell you of material changes by email before they take effect."),
	)})
	doc, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := clauseIDs(doc.Agreement.Clauses)
	for _, want := range []string{"1", "2"} {
		if !slices.Contains(ids, want) {
			t.Errorf("no clause %q in %q", want, ids)
		}
	}
}

// Titles that hold a date or a number are headings still.
func TestDateLineKeepsTitles(t *testing.T) {
	for _, h := range []string{"Updates to these Terms", "Effective Date", "Version Control", "Data Retention Period", "Schedule 2", "Date of Birth Records"} {
		if dateLine(h) {
			t.Errorf("%q read as a date line", h)
		}
	}
	for _, h := range []string{"Last Updated: October 5, 2025", "Effective Date: 1 March 2024", "Version 2.1", "Last revised on 05/10/2025", "Effective as of January 1, 2024", "Version 3.0 – June 2024", "Updated: Oct. 5, 2025"} {
		if !dateLine(h) {
			t.Errorf("%q not read as a date line", h)
		}
	}
}

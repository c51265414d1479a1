package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure found by a self-check on public agreements outside
// the corpus: each case is invented text that reproduces one kind, with the
// clause IDs a lawyer would cite.

// The parties as a numbered list before the body, whose numbered headings
// then restart at 1: the list is the preamble's, not sections 1 and 2.
const mdPartiesListBeforeBody = `# HOSTING AGREEMENT

Between:

1) Supplier
- Name: Birch Hosting Ltd
- Address: 4 Mill Lane

2) Client
- Name: Oak Retail Ltd
- Address: 9 Harbour Road

## 1. Scope
The Supplier hosts the Client's shop.

## 2. Documents
In order of precedence:
1. This agreement
2. The order form

## 3. Fees
Fees are paid monthly.
`

// The same in a PDF's text: "Parties:" with two numbered names, then the
// body's "1. Response Times:".
const pdfPartiesListBeforeBody = `Support Level Agreement
Parties:
1. Customer: Oak Retail Ltd
2. Vendor: Birch Hosting Ltd
Purpose:
This agreement sets the response times of the Vendor's support desk.
1. Response Times:
a. Critical incidents are acknowledged within one hour.
b. Other requests are acknowledged within one business day.
2. Service Credits:
A missed response time earns a credit of five percent of the monthly fee.
`

// A numbered list after a short lead-in that the body does not restart
// after: the body's own sections.
const pdfLeadInSections = `Support Level Agreement
Terms:
1. Scope. The Vendor runs a support desk.
2. Hours. The desk is open on business days.
3. Credits. A missed response earns a credit.
`

// Lettered definitions whose first letter is glued to the quote of the
// term it defines, as a word processor's export writes it.
const mdGluedLetterDefinition = `1\. DEFINITIONS:

In this Agreement,

a."Services" means the hosted shop platform.

b. "Fees" means the charges in the order form.

c. "Data" means the records the Client stores.

2\. TERM:

One year from signature.
`

// Two bold sub-headings inside one numbered clause, each over its own
// bulleted (a), (b) list: the second list's items are cited by their
// sub-heading, as the clause's own (a) and (b) are the first list's.
const mdOptionListsInClause = `## 6. Subprocessors

Choose one option:

**Option A: General approval**

- (a) The Customer approves the listed subprocessors.
- (b) The Vendor keeps the list current.

**Option B: Specific approval**

- (a) The Vendor asks before each engagement.
- (b) The Customer answers within ten days.

## 7. Audits

The Customer may audit once a year.
`

// A list of "1)" items at the margin inside an indented Markdown list of
// "1." items: a new delimiter starts a new list, nested in the item it
// follows, so "2)" is not section 2 and the "2." after it is still 1.2.
const mdParenListInDotList = `1. **SCOPE**

   1. The Vendor hosts two systems:

1) The shop front; and

2) The order database.

   2. The Vendor backs both up daily.

2. **FEES**

   1. Fees are paid monthly.
`

func TestSplitClausesKinds7(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"a parties list before numbered headings (Markdown)", mdPartiesListBeforeBody, false,
			[]string{"preamble", "1", "2", "2.1<2", "2.2<2", "3"}},
		{"a parties list before a restarted numbering (PDF)", pdfPartiesListBeforeBody, true,
			[]string{"preamble", "1", "1(a)<1", "1(b)<1", "2"}},
		{"a numbered list after a short lead-in, never restarted, is the body", pdfLeadInSections, true,
			[]string{"preamble", "1", "2", "3"}},
		{"a letter glued to a defined term's quote", mdGluedLetterDefinition, false,
			[]string{"1", "1(a)<1", "1(b)<1", "1(c)<1", "2"}},
		{"a list of 1) items inside a list of 1. items", mdParenListInDotList, false,
			[]string{"1", "1.1<1", "1.1.1<1.1", "1.1.2<1.1", "1.2<1", "2", "2.1<2"}},
		{"a second sub-heading's list in a numbered clause", mdOptionListsInClause, false,
			[]string{"6", `6 "Option A: General approval"<6`, `6(a)<6 "Option A: General approval"`, `6(b)<6 "Option A: General approval"`,
				`6 "Option B: Specific approval"<6`, `6 "Option B: Specific approval"(a)<6 "Option B: Specific approval"`,
				`6 "Option B: Specific approval"(b)<6 "Option B: Specific approval"`, "7"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSplitClausesRunningLines: a page header or footer repeated on the
// pages' edges is no clause's text, also on a page where the rest of a
// footer block pushed it a few lines in.
func TestSplitClausesRunningLines(t *testing.T) {
	for _, tc := range []struct {
		name    string
		pages   []string
		running string
		want    []string
	}{
		{"a footer at the end of each page", []string{
			"1. Services. The Provider hosts the platform.\nThe platform runs in two regions.\nOAK-TERMS-07",
			"2. Fees. The Customer pays monthly.\nInvoices are due in thirty days.\nOAK-TERMS-07",
			"3. Term. The term is one year.\nIt renews each year.\nOAK-TERMS-07"},
			"OAK-TERMS-07", []string{"1", "2", "3"}},
		{"a header pushed in by a footer block on the first page", []string{
			"1. Services. The Provider hosts the platform.\nThe platform runs in two regions.\nOAK-TERMS-07\nRevision 3, May 2024\nContact your local sales office.\nwww.example.com",
			"2. Fees. The Customer pays monthly.\nInvoices are due in thirty days.\nOAK-TERMS-07",
			"3. Term. The term is one year.\nIt renews each year.\nOAK-TERMS-07"},
			"OAK-TERMS-07", []string{"1", "2", "3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var pages []Page
			for i, p := range tc.pages {
				pages = append(pages, Page{Number: i + 1, Text: NormalizeText(p)})
			}
			cs := SplitClauses(pages, true)
			if diff := cmp.Diff(tc.want, clauseIDs(cs)); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			for _, c := range cs {
				if strings.Contains(c.Text, tc.running) {
					t.Errorf("clause %s keeps the running line %q: %q", c.ID, tc.running, c.Text)
				}
			}
		})
	}
}

// TestSplitClausesTitleDefinedName: a PDF title set large, that gives its
// document a short name in parentheses, is the title all the same, not a
// heading its sections are cited under.
func TestSplitClausesTitleDefinedName(t *testing.T) {
	text := "DATA HOSTING AGREEMENT (\"Agreement\")\nBY USING THE PLATFORM YOU AGREE TO BE BOUND BY THIS AGREEMENT.\n" +
		"1. The Provider hosts the platform.\n2. The Customer pays monthly.\nDISCLAIMER\nTHE PLATFORM IS PROVIDED AS IS.\n"
	heads := []Heading{{Text: "DATA HOSTING AGREEMENT (\"Agreement\")", Level: 1}, {Text: "DISCLAIMER", Level: 1}}
	got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(text), Headings: heads}}, true))
	if diff := cmp.Diff([]string{"preamble", "1", "2", `"DISCLAIMER"`}, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

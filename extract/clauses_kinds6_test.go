package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure found by new users' documents: each case is invented
// text that reproduces one kind, with the clause IDs a lawyer would cite.

// One lettered list numbered across sections, as a word processor does
// when a document's items are one list: section 2 has (a)-(c), section 4
// goes on at (e), and its "(i)" is the letter after "(h)", not roman one.
const pdfLettersAcrossSections = `1. Services. The Provider hosts the platform.
2. Limitations of Liability.
(a) No party is liable for lost profits or indirect damages.
(b) The Provider's total liability is capped at the fees paid.
(c) Each party indemnifies the other against third-party claims.
3. Amendment. Any amendment to the scope of work must be in writing.
4. Miscellaneous Provisions.
(e) This Agreement binds the parties and their permitted assigns.
(f) The Agreement may be amended only in a signed writing.
(g) A failure to enforce a right is no waiver of it.
(h) THE LAWS OF THE STATE OF OHIO GOVERN THIS AGREEMENT.
(i) Notices are given in writing, by hand, by mail or by email.
(j) This Agreement supersedes all earlier agreements.
(k) The Company may amend its Terms of Service at any time.
(l) The prevailing party recovers reasonable attorney fees.
5. Counterparts. This Agreement may be signed in counterparts.
`

// The same in Markdown, running past "(u)" and "(w)": "(v)" and "(x)" are
// letters too.
const mdLettersLateInAlphabet = `## 1. Services

The Provider hosts the platform.

## 2. General

(s) Headings are for convenience only.

(t) Each party is an independent contractor.

(u) No third party has rights under this Agreement.

(v) Each party bears its own costs.

(w) Electronic signatures are valid.

(x) This Agreement is in English only.

## 3. Notices

Notices are given in writing.
`

// A list whose first item shares the heading's line: its (a) is inline,
// so the (b)-(d) at line starts continue no earlier list.
const pdfFirstItemOnHeadingLine = `1. Services. The Provider hosts the platform.
2. Fees. (a) The Customer pays the fees in the Order Form.
(b) Invoices are due within thirty days.
(c) Late amounts bear interest at one percent a month.
(d) Fees exclude taxes.
3. Term. This Agreement runs for one year.
`

// Bold labels under a numbered sub-heading, each over bullets: cited by
// the clause's number and their title, `7.1 "Encryption"`; the same label
// under another clause is another place, not a repeat.
const mdLabelsUnderNumbered = `## 7. Technical and Organisational Measures

### 7.1 Security Measures

The Provider maintains at least the following measures:

**Encryption:**

- Data is encrypted at rest with AES-256.
- Data is encrypted in transit with TLS 1.2 or later.

**Access Control:**

- Access requires multi-factor authentication.

### 7.2 Reviews

**Encryption:**

- Key management is reviewed every year.

## Security Contacts

**Encryption:**

- Questions go to the security team.
`

// An all-caps sub-heading inside a numbered clause of a PDF, over a
// list.
const pdfCapsUnderNumbered = `1. Services. The Provider hosts the platform.
2. Obligations.
2.1 The Provider shall keep the following in force:
INSURANCE
(i) General liability insurance of one million dollars.
(ii) Cyber liability insurance of two million dollars.
2.2 The Customer pays the fees.
`

func TestSplitClausesKinds6(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"a lettered list continued across sections (PDF)", pdfLettersAcrossSections, true,
			[]string{"1", "2", "2(a)<2", "2(b)<2", "2(c)<2", "3", "4", "4(e)<4", "4(f)<4", "4(g)<4", "4(h)<4",
				"4(i)<4", "4(j)<4", "4(k)<4", "4(l)<4", "5"}},
		{"a lettered list continued late in the alphabet (Markdown)", mdLettersLateInAlphabet, false,
			[]string{"1", "2", "2(s)<2", "2(t)<2", "2(u)<2", "2(v)<2", "2(w)<2", "2(x)<2", "3"}},
		{"roman items under a lettered item stay roman", "1. Services.\n(a) The Provider shall:\n(i) host the data;\n(ii) back it up daily;\n(iii) restore it on request.\n(b) The Customer pays the fees.\n2. Term. One year.\n", true,
			[]string{"1", "1(a)<1", "1(a)(i)<1(a)", "1(a)(ii)<1(a)", "1(a)(iii)<1(a)", "1(b)<1", "2"}},
		{"(i) opening a list on its own is roman", "1. Services. The Provider hosts the platform.\n2. Fees.\n(i) The Customer pays monthly.\n(ii) Late fees accrue at one percent.\n(iii) Fees exclude taxes.\n3. Term. One year.\n", true,
			[]string{"1", "2", "2(i)<2", "2(ii)<2", "2(iii)<2", "3"}},
		{"a letter wrapped onto a line start is no list", "1. Term. The term is set out in section 2\n(e) of the Order Form and renews each year.\n2. Fees. As in the Order Form.\n", true,
			[]string{"1", "2"}},
		{"two letters after a cross-reference are no list", "1. Term. The term is set out in section 2\n(e) Renewal is automatic.\n(f) Either party may end it.\n2. Fees. As in the Order Form.\n", true,
			[]string{"1", "2"}},
		{"a first item on the heading's line starts the list", pdfFirstItemOnHeadingLine, true,
			[]string{"1", "2", "2(a)<2", "2(b)<2", "2(c)<2", "2(d)<2", "3"}},
		{"labels under a numbered sub-heading", mdLabelsUnderNumbered, false,
			[]string{"7", "7.1<7", `7.1 "Encryption"<7.1`, `7.1 "Access Control"<7.1`, "7.2<7", `7.2 "Encryption"<7.2`,
				`"Security Contacts"`, `"Encryption"<"Security Contacts"`}},
		{"an all-caps sub-heading in a numbered clause", pdfCapsUnderNumbered, true,
			[]string{"1", "2", "2.1<2", `2.1 "INSURANCE"<2.1`, `2.1(i)<2.1 "INSURANCE"`, `2.1(ii)<2.1 "INSURANCE"`, "2.2<2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

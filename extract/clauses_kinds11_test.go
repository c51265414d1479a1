package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure found on agreements from outside the corpus
// (structure13's self-check and probes), each reproduced by invented text,
// with the clause IDs a lawyer would cite.

// Sub-clauses 2.2.1 and 2.2.2 printed under 2 with no "2.2" line (the
// parent's number left out): 2.3 follows the implied 2.2.
const txtImpliedParent = `HOSTING TERMS

These terms apply whenever the Host stores files for the Customer.

1. Scope
1.1 These terms cover every storage plan the Customer orders from the Host.
1.2 The Customer decides which files are stored and for how long.
2. Protection
2.1 The Host shall protect stored files with reasonable technical measures.
2.2.1 The Host shall encrypt files while they travel over public networks.
2.2.2 The Host shall encrypt files while they rest on its disks.
2.3 The Host shall review these measures every year and keep a record.
3. Outages
3.1 The Host shall tell the Customer of any outage lasting over an hour.
`

// The same with the implied parent one level deeper (1.1.2.1 under 1.1,
// no 1.1.2), then the next sibling of the implied number and of its parent.
const txtImpliedParentDeep = `SUPPORT TERMS

These terms apply to the support desk the Vendor runs for the Customer.

1. Support
1.1 Channels
1.1.1 The Vendor answers tickets sent through the portal on business days.
1.1.2.1 Urgent tickets are answered within two hours of their receipt.
1.1.2.2 Other tickets are answered within one business day of receipt.
1.1.3 The Vendor keeps a log of every ticket for twelve months.
1.2 Escalation
1.2.1 The Customer may escalate any ticket to the support manager.
`

func TestSplitClausesKinds11(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"sub-clauses whose parent number is left out", txtImpliedParent, false,
			[]string{"preamble", "1", "1.1<1", "1.2<1", "2", "2.1<2", "2.2.1<2", "2.2.2<2", "2.3<2", "3", "3.1<3"}},
		{"sub-clauses whose parent number is left out, paginated", txtImpliedParent, true,
			[]string{"preamble", "1", "1.1<1", "1.2<1", "2", "2.1<2", "2.2.1<2", "2.2.2<2", "2.3<2", "3", "3.1<3"}},
		{"a deeper implied parent", txtImpliedParentDeep, false,
			[]string{"preamble", "1", "1.1<1", "1.1.1<1.1", "1.1.2.1<1.1", "1.1.2.2<1.1", "1.1.3<1.1", "1.2<1", "1.2.1<1.2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

// A numbered section whose lead-in ends with a colon opens a list
// numbered again from 1 in the sections' own style: its items are 2.1,
// 2.2, 2.3, and section 3 follows them.
const txtRestartedList = `PRIVACY TERMS

These terms describe how the Studio handles personal data for its clients.

1. Definitions
1.1 Words in capitals have the meanings given in the main agreement.
2. Lawful Bases
The Studio handles personal data on these bases:
1. Contract: to deliver the work the client ordered under the agreement.
2. Legal duty: to keep the records that tax law requires of the Studio.
3. Legitimate interest: to keep its systems secure and prevent fraud.
3. Rights
3.1 A person may ask the Studio for a copy of the data it holds on them.
4. Retention
4.1 The Studio keeps personal data while the agreement lasts.
`

// The same with two items: "3. Rights", a short title, is the next
// section, not item 3 of the list.
const txtRestartedListTwo = `PRIVACY TERMS

These terms describe how the Studio handles personal data for its clients.

1. Definitions
1.1 Words in capitals have the meanings given in the main agreement.
2. Lawful Bases
The Studio handles personal data on these bases:
1. Contract: to deliver the work the client ordered under the agreement.
2. Legal duty: to keep the records that tax law requires of the Studio.
3. Rights
3.1 A person may ask the Studio for a copy of the data it holds on them.
`

func TestSplitClausesRestartedList(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"a list restarting at 1 after a lead-in", txtRestartedList, false,
			[]string{"preamble", "1", "1.1<1", "2", "2.1<2", "2.2<2", "2.3<2", "3", "3.1<3", "4", "4.1<4"}},
		{"a list restarting at 1 after a lead-in, paginated", txtRestartedList, true,
			[]string{"preamble", "1", "1.1<1", "2", "2.1<2", "2.2<2", "2.3<2", "3", "3.1<3", "4", "4.1<4"}},
		{"a two-item list before the next section", txtRestartedListTwo, false,
			[]string{"preamble", "1", "1.1<1", "2", "2.1<2", "2.2<2", "3", "3.1<3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

// Articles left out of an excerpt: ARTICLE 9 after ARTICLE 5, and a
// plain caps heading 12 after 9, each confirmed by its first sub-clause.
const txtSectionJump = `HOSTING AGREEMENT (EXCERPT)

This excerpt reproduces the articles of the hosting agreement that bear on security.

ARTICLE 1: DEFINITIONS
1.1 Words in capitals have the meanings given in the order form.
ARTICLE 5: INCIDENTS
5.1 The Host shall tell the Customer of any breach within two days.
ARTICLE 9: AUDIT
9.1 The Customer may audit the Host once a year on notice.
ARTICLE 16: GOVERNING LAW
16.1 This agreement is governed by the laws of Ireland.
`

// An unconfirmed jump stays inside the clause: "Article 12" at a line's
// start without a 12.1 after it is a wrapped cross-reference.
const txtSectionJumpRef = `HOSTING AGREEMENT

This agreement sets the terms on which the Host stores files for the Customer.

ARTICLE 1: DEFINITIONS
1.1 Words in capitals have the meanings given in the order form.
ARTICLE 2: FEES
2.1 The Customer pays the fees in the order form, as adjusted under
Article 12 of the order form, within thirty days of each invoice.
ARTICLE 3: TERM
3.1 The agreement lasts one year.
`

func TestSplitClausesSectionJump(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"articles skipping numbers", txtSectionJump, false,
			[]string{"preamble", "1", "1.1<1", "5", "5.1<5", "9", "9.1<9", "16", "16.1<16"}},
		{"articles skipping numbers, paginated", txtSectionJump, true,
			[]string{"preamble", "1", "1.1<1", "5", "5.1<5", "9", "9.1<9", "16", "16.1<16"}},
		{"a cross-reference at a line start", txtSectionJumpRef, true,
			[]string{"preamble", "1", "1.1<1", "2", "2.1<2", "3", "3.1<3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

// Section numbers set apart from their titles by a dash; a
// range at a line's start ("3 - 5 business days") is text.
const txtDashedNumbers = `STORAGE TERMS

These terms apply whenever the Host keeps files for the Customer under an order.

1 - Definitions
Words in capitals have the meanings given in the order form.
2 – Protection
The Host shall protect the files it keeps and restore them within
3 - 5 business days of a request made through the portal.
3 — Audit
The Customer may audit the Host once a year on thirty days notice.
`

func TestSplitClausesDashedNumbers(t *testing.T) {
	for _, paginated := range []bool{false, true} {
		got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(txtDashedNumbers)}}, paginated))
		if diff := cmp.Diff([]string{"preamble", "1", "2", "3"}, got); diff != "" {
			t.Errorf("paginated %v: ids (-want +got):\n%s", paginated, diff)
		}
	}
}

// Sub-clauses run on in one paragraph (a Word paragraph per section):
// each later one in sequence after a full stop opens its clause; a
// cross-reference (no full stop before it) and a number out of sequence
// do not.
const txtRunOnSubclauses = `STORAGE TERMS

These terms apply whenever the Host keeps files for the Customer under an order.

1. Term and Ending
1.1 Term. These terms last one year from the order date and renew for further years unless ended. 1.2 Ending for Convenience. Either party may end these terms on ninety days notice, subject to 1.4 Fees owed stay payable. 1.3 Ending for Cause. Either party may end these terms at once for a material breach. 1.5 Transition. The Host returns all files within thirty days.
2. Fees
2.1 The Customer pays the fees monthly.
`

func TestSplitClausesRunOnSubclauses(t *testing.T) {
	for _, paginated := range []bool{false, true} {
		cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(txtRunOnSubclauses)}}, paginated)
		got := clauseIDs(cs)
		want := []string{"preamble", "1", "1.1<1", "1.2<1", "1.3<1", "2", "2.1<2"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("paginated %v: ids (-want +got):\n%s", paginated, diff)
		}
		for _, c := range cs {
			if c.ID == "1.3" && !strings.Contains(c.Text, "1.5 Transition") {
				t.Errorf("paginated %v: 1.3 lost the out-of-sequence 1.5: %q", paginated, c.Text)
			}
			if c.ID == "1.2" && !strings.Contains(c.Text, "subject to 1.4 Fees") {
				t.Errorf("paginated %v: 1.2 lost its cross-reference: %q", paginated, c.Text)
			}
		}
	}
}

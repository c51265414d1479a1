package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure whose citations came out wrong on the development
// documents of corpus-g (bulleted clause numbers, parts restarting their
// numbering, "§" headings, headings with an emoji and a subtitle):
// invented text reproducing each kind, with the IDs a lawyer would cite.

// Clause numbers written as the items of a Markdown bullet list, under
// setext headings with escaped numbers (as an HTML-to-Markdown converter
// writes a web page's numbered clauses).
const mdBulletedClauseNumbers = `Data Processing Terms
=====================

These terms supplement the agreement.

1\. Scope.
----------

*   1.1 Roles. Vendor processes Customer Data as a processor.
*   1.2 Details. The details of processing are in Schedule 1.

2\. Vendor Obligations.
-----------------------

*   2.1 Instructions. Vendor processes Customer Data only on Customer's instructions.
*   2.2 Security. Vendor maintains the security measures in the Agreement.
*   2.3 Breaches. Vendor notifies Customer of a Personal Data Breach without undue delay, and:
    *   (i) describes the breach; and
    *   (ii) names a contact point.
*   2.4 Audits. Customer may audit Vendor once a year.

3\. Term.
---------

*   The terms last as long as the Agreement.
*   2.5 GB of storage is included with each plan.
`

// Sections numbered with a section sign, as German-style agreements
// write them, over numbered paragraphs ("§ 10" paragraph 2 is cited
// "§ 10.2").
const mdSectionSigns = `# Agreement on Commissioned Processing

## § 1 Scope

1. This agreement governs the processing of personal data by the Processor.
2. It applies to all services under the main contract.

## § 2 Duration

The agreement runs as long as the main contract.

## §3 Notification of Breaches

1. The Processor shall inform the Controller of any breach without delay.
2. The Processor shall assist the Controller with its duties under Articles 33 and 34 GDPR.
   - describing the breach;
   - naming a contact point.

§ 4 Final Provisions

1. Changes must be made in writing.
`

// Headings opening with an emoji behind an empty anchor link (as a web
// page's headings convert to Markdown), each with a one-line bold
// subtitle under it; a bold subject opening a sentence is no heading.
const mdEmojiHeadingsSubtitles = `Terms of Use
============

Thanks for choosing us! These terms apply to all of our services.

[](#🔑-your-login)🔑 Your Login
--------------------------------

**The boring part, but it matters!**

You are responsible for keeping your password safe. Tell us at once of any breach.

[](#📦-your-files)📦 Your Files
--------------------------------

**Curious what happens to your files?**

We keep private files confidential.

**Backups**. We back up your files every day.

**Each Party's** (and each affiliate's) **total liability** is capped at the fees paid.

[](#🚪-leaving)🚪 Leaving
--------------------------

**Sorry to see you go. Here is what happens next.**

We delete your files within 90 days.
`

// An agreement in numbered parts, each restarting its numbering, the
// first opening before any numbered clause.
const pdfNumberedParts = `Data Processing Agreement

This agreement supplements the service terms.

Part 1 – Personal Data Processed by the Provider as a Processor on the Client's instructions

The purpose of this part is to set the conditions of processing.

(a) The Client shall obtain all necessary authorisations.

(b) The Client shall pass on the Provider's notices.

1. Scope

This part applies to all services.

2. Security

The Provider shall protect the data.

3. Breaches

The Provider shall notify the Client of a breach without undue delay.

Part 2 – Personal Data Processed by the Provider as a Controller

1. Purpose

The Provider processes account data to bill the Client.

2. Retention

The Provider keeps account data for five years.
`

// "Part 1" in running text is no part.
const pdfNumberedPartMention = `1. Scope

These terms apply as set out in
Part 1 of the Order Form, which prevails.

2. Fees

Fees are due monthly.
`

func TestSplitClausesKinds3(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"clause numbers as bullet items", mdBulletedClauseNumbers, false,
			[]string{"preamble", "1", "1.1<1", "1.2<1", "2", "2.1<2", "2.2<2", "2.3<2", "2.3(i)<2.3", "2.3(ii)<2.3", "2.4<2", "3"}},
		{"sections numbered with a section sign", mdSectionSigns, false,
			[]string{"preamble", "1", "1.1<1", "1.2<1", "2", "3", "3.1<3", "3.2<3", "4", "4.1<4"}},
		{"emoji headings behind anchors, with subtitles", mdEmojiHeadingsSubtitles, false,
			[]string{"preamble", `"🔑 Your Login"`, `"📦 Your Files"`, `"Backups"<"📦 Your Files"`, `"🚪 Leaving"`}},
		{"numbered parts restarting their numbering", pdfNumberedParts, true,
			[]string{"preamble", "Part 1", "Part 1 (a)<Part 1", "Part 1 (b)<Part 1", "Part 1 1<Part 1", "Part 1 2<Part 1", "Part 1 3<Part 1",
				"Part 2", "Part 2 1<Part 2", "Part 2 2<Part 2"}},
		{"numbered parts as Markdown headings", "# Terms\n\nIntro.\n\n## Part 1: General Terms\n\n1. Scope\n\nText.\n\n2. Fees\n\nText.\n\n## Part 2: Product Terms\n\n1. Hosting\n\nText.\n", false,
			[]string{"preamble", "Part 1", "Part 1 1<Part 1", "Part 1 2<Part 1", "Part 2", "Part 2 1<Part 2"}},
		{"a part named in running text", pdfNumberedPartMention, true,
			[]string{"1", "2"}},
		// The EU standard clauses and the DPAs built on them title their
		// sections in sentence case after a bare number; a wrapped line that
		// starts with a figure is no heading.
		{"sentence-case titles after bare numbers", "1 Purpose and scope\n\n(a) The purpose.\n\n2 Data subject rights\n\n(a) The processor shall assist:\n\n(1) the right of access,\n\n(2) the right to erasure.\n\n(b) The processor shall notify.\n\n3 Notification of personal data breaches\n\n(a) The processor shall cooperate within\n72 hours of becoming aware of it.\n\n4 Non-compliance and termination\n\n(a) Without prejudice.\n", false,
			[]string{"1", "1(a)<1", "2", "2(a)<2", "2(a)(1)<2(a)", "2(a)(2)<2(a)", "2(b)<2", "3", "3(a)<3", "4", "4(a)<4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

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
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure left after structure9's work, each reproduced by
// invented text, with the clause IDs a lawyer would cite.

// A privacy notice, then the agreement appended in the same file under its
// own title, numbering restarting at 1: the agreement keeps its numbers,
// the notice's sections are named by its title.
const mdNoticeThenAgreement = `# Privacy Notice

## 1. Who we are
Birch Hosting Ltd runs the platform.

## 2. Your rights
You may ask for a copy of your data.

# Data Processing Agreement

This agreement forms part of the Terms of Service.

## 1. Scope
1.1 The Processor processes Customer Data for the Services.

## 2. Security
2.1 The Processor encrypts Customer Data at rest.
2.2 The Processor notifies the Controller of a breach within 48 hours.

# Appendix 1

Categories of data subjects: employees.
`

// A services agreement with an addendum appended under its own title and
// no part heading: the agreement keeps its numbers, the addendum's are
// prefixed by its title.
const mdAgreementThenAddendum = `# Hosting Services Agreement

1. Services. The Provider hosts the platform.
2. Fees. The Customer pays monthly.

# Security Addendum

The Provider also agrees as follows.

1. Encryption. The Provider encrypts Customer Data.
2. Audit. The Customer may audit the Provider once a year.
`

// Two top-level headings in one document whose numbering runs on: one
// document, not two.
const mdTwoHeadingsRunOn = `# Hosting Services Agreement

1. Services. The Provider hosts the platform.
2. Fees. The Customer pays monthly.

# General Terms

3. Law. The law of England applies.
4. Notices. Notices are in writing.
`

func TestSplitClausesKinds8(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"a notice, then an agreement appended with its numbering restarting", mdNoticeThenAgreement, false,
			[]string{"preamble", `"Privacy Notice" 1`, `"Privacy Notice" 2`, `"Data Processing Agreement"`,
				`1<"Data Processing Agreement"`, "1.1<1", `2<"Data Processing Agreement"`, "2.1<2", "2.2<2", "Appendix 1"}},
		{"an agreement, then an addendum appended under its own title", mdAgreementThenAddendum, false,
			[]string{"preamble", "1", "2", `"Security Addendum"`, `"Security Addendum" 1<"Security Addendum"`,
				`"Security Addendum" 2<"Security Addendum"`}},
		{"two top headings over one numbering are one document", mdTwoHeadingsRunOn, false,
			[]string{"preamble", "1", "2", `"General Terms"`, `3<"General Terms"`, `4<"General Terms"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

// Headings with kramdown or Pandoc attribute lists: the list is markup,
// the heading its text.
const mdAttrListHeadings = `# Terms of Service
{: datetime="2024-02-15" }

## License Grant {: #grant }
We grant you a licence to use the app, see [the policy](https://example.com/p){: rel="nofollow"}.

## Revisions {#revisions .legal}
We may revise these terms with notice.

Data Location {#location}
-------------
Data is stored in the EU.
`

func TestSplitClausesAttrLists(t *testing.T) {
	cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(mdAttrListHeadings)}}, false)
	want := []string{"preamble", `"License Grant"`, `"Revisions"`, `"Data Location"`}
	if diff := cmp.Diff(want, clauseIDs(cs)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	for _, c := range cs {
		if strings.Contains(c.Text, "{") || strings.Contains(c.Heading, "{") {
			t.Errorf("clause %s keeps an attribute list: %q %q", c.ID, c.Heading, c.Text)
		}
	}
}

// A PDF whose numbered sections are set in a larger type, with bold
// sub-headings in the body's size inside them: each sub-heading is a
// clause of its own, cited by its section's number and its title.
func TestSplitClausesBodySizeSubHeadings(t *testing.T) {
	text := "CUSTOMER AGREEMENT\n1. General Terms\nThese terms govern the use of the platform.\n" +
		"Modifications and Amendments\nWe may change these terms with thirty days' notice by email.\n" +
		"Age and Capacity\nYou must be eighteen or older to use the platform.\n" +
		"2. Data Protection\nWe process personal data as set out in the privacy policy.\n" +
		"Security Incidents\nWe notify you of a security incident within 72 hours.\n" +
		"ACME CLOUD LTD\nSigned by its director.\n"
	heads := []Heading{{Text: "CUSTOMER AGREEMENT", Level: 1}, {Text: "1. General Terms", Level: 2},
		{Text: "Modifications and Amendments", Level: 3, BodySize: true}, {Text: "Age and Capacity", Level: 3, BodySize: true},
		{Text: "2. Data Protection", Level: 2}, {Text: "Security Incidents", Level: 3, BodySize: true},
		{Text: "ACME CLOUD LTD", Level: 3, BodySize: true}}
	got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(text), Headings: heads}}, true))
	want := []string{"preamble", "1", `1 "Modifications and Amendments"<1`, `1 "Age and Capacity"<1`, "2", `2 "Security Incidents"<2`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

// Bold lead-ins whose bold runs on past the title's period into its
// sentence ("**Subcontracting. We may** subcontract"): the title is the
// lead-in; an abbreviation ("**Mr. Smith**"), a sentence, or a title with
// a whole bold sentence after it (emphasis) is not.
const mdBoldRunsOn = `# Terms of Use

## Miscellaneous

**Assignment.** We may assign these terms to an affiliate.

**Subcontracting. We may** subcontract our obligations and remain responsible for our subcontractors.

**Export Control**. The Services are subject to export laws.

**Mr. Smith** is the contact for notices under these terms.

**We do not sell data. Ever.** We keep your data to ourselves.

**Warranty. We provide the services as they are and make no other promises.** Some laws give you more rights.
`

func TestSplitClausesBoldRunsOn(t *testing.T) {
	got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(mdBoldRunsOn)}}, false))
	want := []string{"preamble", `"Miscellaneous"`, `"Assignment"<"Miscellaneous"`, `"Subcontracting"<"Miscellaneous"`, `"Export Control"<"Miscellaneous"`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

// A numbered Markdown heading glued to the end of the paragraph before it
// by a conversion: the heading opens its clause.
const mdGluedHeading = `## 10. Use of the Services

### 10.1.Backups
The Customer keeps its own backups. ### 10.2.Intrusion tests
The Customer may run intrusion tests after signing an audit agreement.

### 10.3.Export
The Services are subject to export laws; see ### 4 of the guide.
`

func TestSplitClausesGluedHeading(t *testing.T) {
	cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(mdGluedHeading)}}, false)
	want := []string{"10", "10.1<10", "10.2<10", "10.3<10"}
	if diff := cmp.Diff(want, clauseIDs(cs)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	for _, c := range cs {
		if c.ID == "10.1" && strings.Contains(c.Text, "Intrusion") {
			t.Errorf("10.1 keeps the heading glued to it: %q", c.Text)
		}
	}
}

// A nested list item whose title opens with a qualifier in parentheses:
// an item all the same, and its siblings after it keep their numbers.
const mdQualifiedItem = `### 21. Managed Services

1. Managed Services are an add-on to the support plans.

2. The team will manage the Environment by:

   1. Service continuity

      1. Continuous monitoring

   2. (Non-security) Incident management

      1. Root Cause Analysis for S1 incidents

   3. Operations

      1. Patching and rebooting
`

func TestSplitClausesQualifiedItem(t *testing.T) {
	got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(mdQualifiedItem)}}, false))
	want := []string{"21", "21.1<21", "21.2<21", "21.2.1<21.2", "21.2.1.1<21.2.1", "21.2.2<21.2", "21.2.2.1<21.2.2", "21.2.3<21.2", "21.2.3.1<21.2.3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

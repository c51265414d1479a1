package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of Markdown structure found on agreements from outside the corpus
// (structure12's self-check), each reproduced by invented text, with the
// clause IDs a lawyer would cite.

// Headings inside numbered list items, as Pandoc writes an HTML page whose
// <ol><li> items hold <h2>/<h3> titles: the items are sections 1, 2, 2.1.
const mdListItemHeadings = `# Care Plan Terms

These terms apply to every care plan subscription.

1.  ## Services

    The Studio provides the services listed in each work order.

2.  ## Work Orders

    1.  ### Contents

        Each work order describes the deliverables and the fees:

        1.  the pages to be built, and
        2.  the hours of support each month.

    2.  ### Changes

        Either party may propose a change to a work order in writing.

3.  ## Fees

    The Client pays the fees within thirty days of each invoice.
`

// The same terms as an HTML fragment inside a Markdown file: each <li>
// opens with its heading; the paragraphs stand at the margin.
const mdHTMLListItemHeadings = `# Care Plan Terms

These terms apply to every care plan subscription.

<ol>
<li><h2>Services</h2>
<p>The Studio provides the services listed in each work order.</p>
</li>
<li><h2>Work Orders</h2>
<ol>
<li><h3>Contents</h3>
<p>Each work order describes the deliverables and the fees.</p>
</li>
<li><h3>Changes</h3>
<p>Either party may propose a change to a work order in writing.</p>
</li>
</ol>
</li>
<li><h2>Fees</h2>
<p>The Client pays the fees within thirty days of each invoice.</p>
</li>
</ol>
`

// Headings in list items under a numbered heading at the margin: the
// items are cited under its number.
const mdListItemHeadingsUnderNumbered = `# Support Terms

## 4. Payment

1.  ### Invoices

    The Studio invoices monthly in arrears.

2.  ### Late Payment

    Overdue amounts bear interest at two percent a month.

## 5. Term

These terms run for one year.
`

// Item marks in bold alone ("**a)**") before the item's text: items of the
// clause above, as plain "a)" marks are.
const mdBoldItemMarks = `# Supplier Terms

## 1. Scope

1.1 Supplier shall not:

**a)** resell the goods to any third party without the written consent of Buyer;

**b)** ship goods from a warehouse that Buyer has not approved in advance.

1.2 Supplier shall:

**a.** Label each parcel with the order number and the delivery address;

**b.** Insure each parcel until it is delivered to Buyer.

## 2. Fees

2.1 Buyer pays each invoice within thirty days of receiving it.
`

// An article's designator and its title set as two headings in a row
// ("## ARTICLE I" above "## DEFINITIONS"): one article, cited by its
// number, its sections under it.
const mdDesignatorAboveTitle = `# Hosting Agreement

This agreement is made between Host and Client.

## ARTICLE I
## DEFINITIONS

1.1 "Services" means the hosting services described in an order form.

1.2 "Fees" means the amounts stated in an order form.

## ARTICLE II

## SERVICES

2.1 Host shall provide the Services with reasonable skill and care.
`

// A part's designator above the next part's heading is no title: "Part C"
// of Annex 1 and "Annex 2" stay two parts.
const mdPartAboveAnnex = `# Data Processing Addendum

## 1. Scope

1.1 The Processor processes Customer Data for the Services.

### Annex 1

#### Part A

The data exporter is the Customer.

#### Part B

The data importer is the Processor.

#### Part C

### Annex 2

The Processor encrypts Customer Data at rest.
`

// A table of contents written as a list of links to the sections'
// anchors, then the sections: the contents are no clauses, however long
// an entry's link makes its line.
const mdAnchorLinkContents = `## Team Plan Terms

1.  [Service](#service)
2.  [Customer Content, Permissions, Restrictions and Ownership of Materials](#customer-content)
3.  [Fees](#fees)
4.  [Termination](#termination)

These terms form the agreement between Forum Ltd and the Customer.

### 1. Service

Forum Ltd hosts a private forum for the Customer's staff.

### 2. Customer Content, Permissions, Restrictions and Ownership of Materials

The Customer keeps ownership of the content its staff post.

### 3. Fees

The Customer pays the fees stated in its order.

### 4. Termination

Either party may end these terms on thirty days' notice.
`

// Plain text Pandoc wrote of an HTML page whose items open with a nested
// list: "1.  2.  Password." is item 2 of section 1, cited 1.2.
const txtDoubleItems = `SUBSCRIPTION TERMS

1.  Licence.

1.  1.  Licence to Use. The Provider grants the Subscriber a licence to
        use the Services under these terms.

1.  2.  Password. The Subscriber keeps its password secret and tells
        the Provider at once of any misuse.

2.  Fees.

2.  1.  Payment. The Subscriber pays the fees in advance each month.
`

// Roman items indented under a lettered item in parentheses: items of
// that item, and the next lettered item its sibling.
const mdRomanUnderParen = `# Services Agreement

## 4. Term

4.1 This Agreement runs for two years.

4.2 **Termination for Cause.**
(a) Either Party may end this Agreement on notice if the other Party:

  i. breaches it and does not cure the breach within thirty days; or

  ii. becomes insolvent.

(b) Late payment of undisputed fees is a material breach.

4.3 Termination does not end accrued rights.
`

// A definition whose lead-in ends its line with a colon and whose items
// follow on one line: each item is cited, not only the first.
const mdColonInlineItems = `# Data Terms

## 1. Definitions

1.1 "Personal Data" means any information relating to a person, including:
(i) names; (ii) e-mail addresses; and (iii) IP addresses.

1.2 "Processing" means any operation on Personal Data.
`

// Sub-clauses numbered in bold whose text continues a lead-in in lower
// case ("You:" then "**6.1.** must comply ..."), and bullet items opening
// with a bold letter ("* **a.** circumvent ..."): each is cited.
const mdBoldLowerSubclauses = `# Service Terms

## 6. Your Obligations

You:

**6.1.** must comply with all applicable laws when you use the Service;

**6.2.** must use the Service in accordance with these Terms.

**6.3.** "you" means the person who opens the account.

## 7. Acceptable Use

**7.1.** When using the Service you must not:

* **a.** circumvent any security feature of the Service;
* **b.** create more than one account on the Service.

**7.2.** We may suspend your account for a breach of this section.
`

// A template's clauses opening with a placeholder for the company's name.
const mdTemplatePlaceholders = `# Terms of Use

## 3. Accounts

3.1 You are responsible for keeping your password secret.

3.2 {{ company.name }} may suspend an Account that breaches these Terms.

3.3 {{ company.name }} may refuse service to anyone at any time.
`

func TestSplitClausesKinds10(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		html bool // an HTML fragment: read through cleanMarkdown first
		want []string
	}{
		{"headings inside numbered list items", mdListItemHeadings, false,
			[]string{"preamble", "1", "2", "2.1<2", "2.1.1<2.1", "2.1.2<2.1", "2.2<2", "3"}},
		{"HTML list items opening with headings", mdHTMLListItemHeadings, true,
			[]string{"preamble", "1", "2", "2.1<2", "2.2<2", "3"}},
		{"headings in list items under a numbered heading", mdListItemHeadingsUnderNumbered, false,
			[]string{"preamble", "4", "4.1<4", "4.2<4", "5"}},
		{"item marks in bold alone", mdBoldItemMarks, false,
			[]string{"preamble", "1", "1.1<1", "1.1(a)<1.1", "1.1(b)<1.1", "1.2<1", "1.2(a)<1.2", "1.2(b)<1.2", "2", "2.1<2"}},
		{"an article's designator and title as two headings", mdDesignatorAboveTitle, false,
			[]string{"preamble", "I", "1.1<I", "1.2<I", "II", "2.1<II"}},
		{"list items opening a nested list on their line", txtDoubleItems, false,
			[]string{"preamble", "1", "1.1<1", "1.2<1", "2", "2.1<2"}},
		{"roman items indented under an item in parentheses", mdRomanUnderParen, false,
			[]string{"preamble", "4", "4.1<4", "4.2<4", "4.2(a)<4.2", "4.2(a)(i)<4.2(a)", "4.2(a)(ii)<4.2(a)", "4.2(b)<4.2", "4.3<4"}},
		{"items on one line after a lead-in's colon", mdColonInlineItems, false,
			[]string{"preamble", "1", "1.1<1", "1.1(i)<1.1", "1.1(ii)<1.1", "1.1(iii)<1.1", "1.2<1"}},
		{"bold sub-clause numbers before lower case, bullets with bold letters", mdBoldLowerSubclauses, false,
			[]string{"preamble", "6", "6.1<6", "6.2<6", "6.3<6", "7", "7.1<7", "7.1(a)<7.1", "7.1(b)<7.1", "7.2<7"}},
		{"clauses opening with a template placeholder", mdTemplatePlaceholders, false,
			[]string{"preamble", "3", "3.1<3", "3.2<3", "3.3<3"}},
		{"a part heading above the next annex stays a part", mdPartAboveAnnex, false,
			[]string{"preamble", "1", "1.1<1", "Annex 1", "Annex 1 Part A<Annex 1", "Annex 1 Part B<Annex 1",
				"Annex 1 Part C<Annex 1", "Annex 2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.text
			if tc.html {
				text = cleanMarkdown(text)
			}
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(text)}}, false))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSplitClausesAnchorLinkContents(t *testing.T) {
	cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(mdAnchorLinkContents)}}, false)
	want := map[string]string{
		"1": "hosts a private forum",
		"2": "keeps ownership of the content",
		"3": "pays the fees stated",
		"4": "thirty days' notice",
	}
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
		if w, ok := want[c.ID]; ok && !strings.Contains(c.Text, w) {
			t.Errorf("clause %s is %q, want the section holding %q (not its contents entry)", c.ID, c.Text, w)
		}
	}
	if diff := cmp.Diff([]string{"preamble", "1", "2", "3", "4"}, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

// An inline list inside a bullet ends with its bullet: the next bullet is
// the clause's again, not the last inline item's (a new user's trial: a
// DPA's "Cooperate with Controller ..." bullet read as part of "6(iv)").
func TestInlineItemsEndAtNextBullet(t *testing.T) {
	const text = `## 6. Security Incidents

Provider shall:
- Notify Customer of a Security Incident within 48 hours
- Describe: (i) the nature of the incident, (ii) the data affected, (iii) the measures taken
- Assist Customer with its own notifications

## 7. Audits

Customer may audit Provider once a year.
`
	got := map[string]string{}
	for _, c := range SplitClauses([]Page{{Number: 1, Text: NormalizeText(text)}}, false) {
		got[c.ID] = c.Text
	}
	if g := got["6(iii)"]; strings.TrimSpace(g) != "(iii) the measures taken" {
		t.Errorf("6(iii) = %q, want only its own item", g)
	}
	if !strings.Contains(got["6"], "Assist Customer with its own notifications") {
		t.Errorf("6 = %q, want the last bullet in it", got["6"])
	}
}

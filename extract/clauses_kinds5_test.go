package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure found by a self-check over public agreements outside
// the labelled corpus (terms of service, DPAs, commercial terms in
// Markdown): each case is invented text that reproduces one kind, with the
// clause IDs a lawyer would cite.

// Lettered recitals in Markdown, then the numbered body: "1." is section
// 1, not item B.1 of the last recital.
const mdRecitalsThenBody = `Whereas:

A. The Customer uses the Provider's hosting service under the Terms.

B. The Provider processes personal data on the Customer's behalf.

Therefore, the Parties agree as follows:

1. Definitions.

1.1 "Agreement" means the Terms.

1.2 "Breach" means any unauthorised access to personal data.

2. Security

2.1. The Provider shall encrypt personal data at rest.

2.2. The Provider shall notify the Customer of a Breach within 48 hours.
`

// SCC-style annexes titled with a phrase after a dash, on plain lines.
const mdAnnexesDashTitles = `1. Scope

The Provider processes personal data for the Customer.

2. Audits

The Customer may audit the Provider once a year.

ANNEX I - Description of the processing where the Provider acts as a processor

A. LIST OF PARTIES

Data exporter: the Customer.

ANNEX II - Technical and organisational measures to protect the data

1. Access control:

Only authorised staff may access personal data.

2. Encryption:

Personal data is encrypted in transit.
`

// A web page converted to Markdown: numbers glued to their text, emphasis
// closed and reopened inside a number, "(a)." with a stray full stop.
const mdGluedNumbers = `# Processing Terms

**1.Scope.** These terms apply to the Service.

1.1The Provider hosts the Service in the EU.

1.2**Support**. The Provider answers email within one day.

**2.Security.** The Provider protects Customer Data.

(a)“Breach” means any unauthorised access to Customer Data.

(b)Encryption. Customer Data is encrypted at rest.

(c). Keys. Encryption keys are rotated every year.

### **3****.1 Keep Your Password Secure.**

The Customer keeps its password secret.

3.5GB of storage is included in each plan.
`

// Numbered section titles underlined as headings, one glued to its
// number ("2.Liability"): all of them are sections.
const mdNumberedSetext = `1. Contacting the Provider
-------------------------

The Customer may write to the Provider at any time.

2.Liability
-----------

If the Agreement is governed by the laws of:

(a) a state of the United States, the cap of the Agreement applies; or

(b) another jurisdiction, the law of that jurisdiction applies.

3. Effect of these Terms
------------------------

3.1 **Order of Precedence**. These terms prevail over the Agreement.
`

// Lettered parts holding numbered sections with dotted sub-clauses
// written "3.1)".
const mdLetteredPartsDotted = `# Customer Terms

##### **A. Services**

Please read these terms carefully before using the Service.

##### **1\. Agreement to Terms**

By using the Service the Customer agrees to these terms.

##### **2\. Services**

**2.1) Platform.** The Customer may use the platform for its business.

**2.2) Support.** The Provider answers support requests by email.

##### **B. Early Access Features**

##### **1\. Acceptable Use**

The Customer shall not process personal data in early access features.
`

// A sub-heading the splitter reads as no number ("2.2 : Limitation of
// Use") between two numbered sub-headings of section 2.
const mdSubHeadingBetweenDotted = `# Terms

### 1) Purpose

The Provider supplies email services to the Customer under these terms.

### 2) Use of the Services

#### 2.1 Compliance

Each Party complies with the regulations applicable to its activity.

#### 2.2 : Limitation of Use

The Provider may limit the number of messages sent each day.

#### 2.3 Prohibited Uses

The Customer shall not send unsolicited messages.

### 3) Responsibilities

The Provider is responsible for the availability of the platform.
`

// Lists of a lead-in whose items start in lower case, under headings.
const mdLowerCaseLists = `# Processing Addendum

## Personnel

Processor agrees to:

1.  answer for breaches of this addendum by its personnel;

2.  limit access to personal data to personnel who need it; and

3.  keep personnel bound to confidentiality.

## Audit Limits

Processor need not give access for an audit:

1.  to anyone without evidence of authority;

2.  outside business hours; or

3.  more than once per year.

## Suspension

The Provider may suspend the Service if:

1.  The Customer fails to pay an amount owed;

2.  the Customer breaches these terms.
`

// Headings a web page links to themselves: cited by their titles.
const mdLinkedHeadings = `# Terms

### [](#scope)**[Scope](https://example.com/terms#scope)**

These terms apply to every order the Customer places with the Provider.

### [Security](https://example.com/terms#security)

The Provider encrypts Customer Data at rest and in transit at all times.

### [](#annex-1)**[ANNEX 1](https://example.com/terms#annex)**

#### [Data processing addendum](https://example.com/terms#dpa)

The Provider processes personal data only on the Customer's instructions.
`

func TestSplitClausesKinds5(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"lettered recitals before the numbered body (Markdown)", mdRecitalsThenBody, false,
			[]string{"preamble", "A", "B", "1", "1.1<1", "1.2<1", "2", "2.1<2", "2.2<2"}},
		{"a sentence item under a lettered paragraph stays its item", "A. The Provider shall:\n\n1. Keep backups of the data.\n\n2. Test them monthly.\n", false,
			[]string{"A", "A.1<A", "A.2<A"}},
		{"annexes titled with a phrase after a dash", mdAnnexesDashTitles, false,
			[]string{"1", "2", "Annex I", "Annex I A<Annex I", "Annex II", "Annex II 1<Annex II", "Annex II 2<Annex II"}},
		{"numbers glued to their text", mdGluedNumbers, false,
			[]string{"preamble", "1", "1.1<1", "1.2<1", "2", "2(a)<2", "2(b)<2", "2(c)<2", "3.1"}},
		{"numbered section titles underlined as headings", mdNumberedSetext, false,
			[]string{"1", "2", "2(a)<2", "2(b)<2", "3", "3.1<3"}},
		{"dotted sub-clauses of sections under lettered parts", mdLetteredPartsDotted, false,
			[]string{"preamble", "A", "A.1<A", "A.2<A", "A.2.1<A.2", "A.2.2<A.2", "B", "B.1<B"}},
		{"a sub-heading without a number between dotted sub-headings", mdSubHeadingBetweenDotted, false,
			[]string{"preamble", "1", "2", "2.1<2", `"2.2 : Limitation of Use"<2`, "2.3<2", "3"}},
		{"lists of a lead-in in lower case", mdLowerCaseLists, false,
			[]string{"preamble", `"Personnel"`, `"Personnel" 1<"Personnel"`, `"Personnel" 2<"Personnel"`, `"Personnel" 3<"Personnel"`,
				`"Audit Limits"`, `"Audit Limits" 1<"Audit Limits"`, `"Audit Limits" 2<"Audit Limits"`, `"Audit Limits" 3<"Audit Limits"`,
				// A list whose first item starts in upper case keeps the
				// numbering of such lists; its lower-case items follow it.
				`"Suspension"`, `1<"Suspension"`, `2<"Suspension"`}},
		{"a wrapped line starting with a number after a paragraph line", "# Terms\n\n## Fees\n\nThe Customer pays within\n30. days of the invoice date, by transfer.\n\n## Term\n\nThe terms run for one year from the order date.\n", false,
			[]string{"preamble", `"Fees"`, `"Term"`}},
		{"headings linked to themselves", mdLinkedHeadings, false,
			[]string{"preamble", `"Scope"`, `"Security"`, "Annex 1", `Annex 1 "Data processing addendum"<Annex 1`}},
		{"a bold number closed before its full stop or colon", "# Terms\n\n### 3. Payment Services\n\n### **3.1. General**\n\nThe Client may use the payment services.\n\n**3.1.1**. Subject to eligibility, the Client may open an account.\n\n**3.1.2.** The Client may hold funds.\n\n**3.2**: Fees. The Client pays the fees listed.\n", false,
			[]string{"preamble", "3", "3.1<3", "3.1.1<3.1", "3.1.2<3.1", "3.2<3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// More kinds of structure the labelled corpus showed missing (the batch of
// PDF and Word agreements): invented text reproducing each kind, with the
// clause IDs a lawyer would cite.

// A paragraph that opens its first sub-paragraph on its own line, as the
// Code of Federal Regulations and the FAR/DFARS clauses write it:
// "(ii)(A) The Contractor ..." is item (ii) and its first item (A).
const mdChainedItems = `SAFEGUARDING CUSTOMER DATA (MAY 2026)

(a) *Definitions*. As used in this clause, "breach" means any loss of Customer Data.

(b) *Security*. The Contractor shall provide adequate security, as follows:

\(1\) For systems operated on behalf of the Customer, the cloud rules apply.

\(2\) For other systems, the following requirements apply:

\(i\) The Contractor shall follow the security standard named in the order.

(ii)(A) The Contractor shall implement the standard within one year.

\(B\) The Contractor shall submit requests to vary from the standard in writing.

\(3\) The Contractor shall apply other measures where needed.

(c)(1) Reporting. The Contractor shall report each incident within 72 hours.

\(2\) The report shall name the systems affected.

(d) Subcontracts. The Contractor shall flow this clause down.
`

// A cross-reference wrapped onto a line start is no item.
const pdfChainedReference = `(a) Definitions. As used in this clause, "breach" means any loss of data.

(b) Security. The Contractor shall provide the security required by paragraph
(c)(1) of this clause, and report as required.

(c) Reporting. The Contractor shall report each incident within 72 hours.
`

// A document in lettered sections, each a heading of its own ("Section B
// – Legal terms"), listed first in a table of its parts; the legal terms
// are numbered 1-3 and the security measures restart at 1.
const pdfLetteredSections = `Data processing agreement
Structure
This agreement is structured as follows:
Section Content
Section A – Key terms The key variables that apply to the agreement.
Section B – Legal terms Sets out the legal terms applicable to the processing.
Section C – Security measures The applicable technical and organisational measures.

Section A – Key terms
Controller Acme Retail Ltd, London
Place of storage At the offices of the Processor in Frankfurt, Germany.

Section B – Legal terms

1 Purpose
This agreement governs the processing of personal data for the Controller.

2 Obligations of the Processor
2.1 Instructions
The Processor shall process personal data only on documented instructions.
2.2 Security
The Processor shall implement the measures specified in Section C and notify
the Controller of a breach within 48 hours. The Processor shall delete the
data on termination pursuant to Clause 3.

3 Termination
This agreement ends with the main agreement.

Section C – Security measures
The Processor maintains the following measures.

1 Organisational measures
1.1 Security management
The Processor has a documented security policy.
1.2 Incident response
The Processor reports incidents to the Controller without undue delay.

2 Technical measures
2.1 Encryption
Data is encrypted in transit and at rest.
`

const mdLettered = `# Master Agreement

## Part A: General Terms

1. **Services.** Provider provides the Service described in the order.
2. **Fees.** Customer pays the fees within 30 days.

## PART B – SECURITY

1. **Safeguards.** Provider maintains appropriate safeguards.
2. **Incidents.** Provider notifies Customer of incidents within 48 hours.
`

// A numbered list under one of several sibling headings is that
// heading's list (an item may start with a name in lower case,
// "cloud.example"); numbered sections under a heading, and the numbers
// under the last heading (the body after the recitals), are not.
const mdListUnderHeading = `# Availability Statement

Intro to the statement that follows.

## Division of responsibility

To estimate availability, consider three factors:

1. Your application: customers run their own code.
2. cloud.example: the provider runs the platform layer.
3. The infrastructure: the cloud provider runs the region.

## Recent uptime

The platform was available 99.99% of the time last month.

## Learn more

Write to the provider for more information.
`

const mdSectionsUnderHeadings = `# Conditions of Purchase

## Scope

These conditions apply to every purchase order.

## Operative Provisions

### 1. Fees.

Invoices are paid within 30 days.

### 2. Audit.

Buyer may audit Supplier once a year.

## Signatures

Signed by both parties.
`

// Numbered sections with dotted sub-clauses under one of two headings
// are sections, not a list.
const pdfSectionsUnderCaps = `This exhibit forms part of the contract between the City and the Contractor.

STANDARD CONTRACT PROVISIONS
The following provisions are made part of the attached contract.

1. Fair Employment Practice Provisions
1.1 Non-Discrimination. The Contractor will not discriminate against any employee.
1.2 Reporting. The Contractor will report as the City requires.
2. Insurance
2.1 The Contractor keeps liability insurance during the term.

ACCEPTANCE
The Contractor accepts these provisions by signing the contract.
`

const mdBodyAfterBackground = `# Services Agreement

## Background

The Customer wishes to buy the services the Provider offers.

## Agreement

1. Services. The Provider shall provide the services in the order.
2. Fees. The Customer shall pay the fees within 30 days.
`

// A sentence wrapped onto a line that starts with a number is no item.
const pdfWrappedNumbers = `1. Hosting. The Provider hosts the Service in two regions, as set out in
2. the order form, and keeps backups in a third region.
2. Support. The Provider answers requests within one business day, e.g.
3. e.g. by email, and within four hours for urgent requests.
`

// Headings glued to their numbers ("10.4.Authentication means"), as some
// word processors export them.
const plainGluedNumbers = `1. Framework. These terms govern the use of the services.
2. Use of the services. The Customer uses the services as follows.
2.1.Respect for conditions. The Customer shall respect the conditions of use.
2.2.Connection. The Customer provides its own connection to the services.
3. Collaboration. The parties work together in good faith.
`

// Paragraph numbers set in bold on their own ("**9.1.** The Processor"),
// with a plain list under one of them.
const mdBoldNumbers = `## 9. Audits

**9.1.** The Processor shall make available all information necessary to demonstrate compliance.

1. The Customer may audit the Processor once a year.
2. Audits are at the Customer's expense.

**9.2.** The Customer shall give 30 days' notice of any audit.

## 10. Security Incidents

**10.1.** The Processor shall notify the Customer of a Security Incident within 48 hours.
`

func TestSplitClausesKindsPlain(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"an item opening its first sub-item on its line", mdChainedItems, false,
			[]string{"preamble", "(a)", "(b)", "(b)(1)<(b)", "(b)(2)<(b)", "(b)(2)(i)<(b)(2)", "(b)(2)(ii)<(b)(2)",
				"(b)(2)(ii)(A)<(b)(2)(ii)", "(b)(2)(ii)(B)<(b)(2)(ii)", "(b)(3)<(b)", "(c)", "(c)(1)<(c)", "(c)(2)<(c)", "(d)"}},
		{"a cross-reference wrapped to a line start", pdfChainedReference, true,
			[]string{"(a)", "(b)", "(c)"}},
		{"lettered sections, the last restarting its numbering", pdfLetteredSections, true,
			[]string{"preamble", "Section A", "Section B", "1<Section B", "2<Section B", "2.1<2", "2.2<2", "3<Section B",
				"Section C", "Section C 1<Section C", "Section C 1.1<Section C 1", "Section C 1.2<Section C 1",
				"Section C 2<Section C", "Section C 2.1<Section C 2"}},
		{"a numbered list under one of several headings", mdListUnderHeading, false,
			[]string{"preamble", `"Division of responsibility"`, `"Division of responsibility" 1<"Division of responsibility"`,
				`"Division of responsibility" 2<"Division of responsibility"`, `"Division of responsibility" 3<"Division of responsibility"`,
				`"Recent uptime"`, `"Learn more"`}},
		{"numbered sections under a heading", mdSectionsUnderHeadings, false,
			[]string{"preamble", `"Scope"`, `"Operative Provisions"`, `1<"Operative Provisions"`, `2<"Operative Provisions"`, `"Signatures"`}},
		{"numbered sections with sub-clauses under one of two headings", pdfSectionsUnderCaps, true,
			[]string{"preamble", `"STANDARD CONTRACT PROVISIONS"`, `1<"STANDARD CONTRACT PROVISIONS"`, "1.1<1", "1.2<1",
				`2<"STANDARD CONTRACT PROVISIONS"`, "2.1<2", `"ACCEPTANCE"`}},
		{"the numbered body under the last heading", mdBodyAfterBackground, false,
			[]string{"preamble", `"Background"`, `"Agreement"`, `1<"Agreement"`, `2<"Agreement"`}},
		{"wrapped lines starting with a number", pdfWrappedNumbers, true,
			[]string{"1", "2"}},
		{"headings glued to their numbers", plainGluedNumbers, true,
			[]string{"1", "2", "2.1<2", "2.2<2", "3"}},
		{"paragraph numbers in bold", mdBoldNumbers, false,
			[]string{"9", "9.1<9", "9.1.1<9.1", "9.1.2<9.1", "9.2<9", "10", "10.1<10"}},
		{"lettered sections as Markdown headings", mdLettered, false,
			[]string{"preamble", "Part A", "1<Part A", "2<Part A", "Part B", "Part B 1<Part B", "Part B 2<Part B"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

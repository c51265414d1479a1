package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure that the labelled corpus showed missing: each case is
// invented text that reproduces one kind, with the clause IDs a lawyer
// would cite.

const mdEscapedNumbers = `Terms of Service
================

1\. Who We Are
--------------

"Provider" means Acme Cloud Ltd, which operates the Service for its customers.

2\. Security
------------

### a. Data Protection

Provider shall protect Customer Data with industry standard measures.

### b. Breach Notice

Provider shall notify Customer of any breach within 48 hours.
`

const mdEscapedParens = `SAFEGUARDING CUSTOMER DATA (MAY 2026)

\(a\) *Definitions*. As used in this clause, "breach" means any loss of Customer Data.

\(b\) *Security*. The Contractor shall provide adequate security, as follows:

\(1\) For systems operated on behalf of the Customer:

\(i\) Encryption of data at rest.

\(ii\) Multi-factor authentication for every user.

\(2\) For other systems, the Contractor's own security policy applies.

\(c\) *Reporting*. The Contractor shall report each incident within 72 hours.
`

// The first section is an unnumbered heading over a list of definitions
// numbered 1-3; the sections after it are numbered from 2.
const mdDefinitionsFirstCaps = `# Subscription Agreement

DEFINITIONS

1. "Customer Data" means the data Customer submits to the Service.
2. "Service" means the hosted software Provider makes available.
3. "Security Incident" means any unauthorised access to Customer Data.

2. SERVICES
   1. Provision. Provider shall make the Service available to Customer.
   2. Support. Provider shall answer support requests within one business day.

3. SECURITY
   1. Safeguards. Provider shall maintain appropriate safeguards.
   2. Incidents. Provider shall notify Customer of a Security Incident within 48 hours.
`

const mdDefinitionsFirstHeadings = `# Data Processing Agreement

This agreement applies when Provider processes Personal Data for Customer.

### Definitions

1. "Personal Data" means any information relating to an identified person.
2. "Processor" means the entity that processes Personal Data for another.
3. "Sub-processor" means a Processor engaged by Provider.

### 2.0 Security

2.1. Provider shall implement appropriate technical and organisational measures.

2.2. Provider shall notify Customer of a Security Incident without undue delay.

### 3.0 Sub-processors

3.1. Provider may engage the Sub-processors listed on its website.
`

// Bold numbered headings over plain numbered (or lettered) items.
const mdBoldNumberedHeadings = `## Security Measures

Provider maintains the following measures while it processes Customer Data.

**1. Network Security.**

1. Provider maintains a firewall in front of every production system.
2. Provider applies security patches within 30 days of their release.

**2. Personnel**

a. Provider trains all employees on security every year.

**3. Backups**

1. Customer Data is backed up daily in the region where it is stored.
`

// Transfer clauses: sections that group clauses numbered on their own
// (Clause 3 follows Clause 2 across SECTION II); the last clause is
// written without the heading markup of the others.
const mdGroupedClauses = `## Standard Transfer Clauses

### SECTION I

#### Clause 1

Purpose

(a) These Clauses ensure compliance with the rules on transfers.

(b) They apply to the transfers described in Annex I.

#### Clause 2

Invariability

These Clauses may not be changed by the Parties.

### SECTION II – OBLIGATIONS OF THE PARTIES

#### Clause 3

Safeguards

**3.1 Instructions**

The importer shall process the data only on documented instructions.

**3.2 Security**

(a) The importer shall implement appropriate technical measures.

(b) The importer shall notify the exporter of a personal data breach.
Clause 4
Sub-processors

The importer shall not engage a sub-processor without prior authorisation.
`

// Parts after a body under unnumbered headings; a part title in sentence
// case after a colon.
const mdPartsAfterHeadings = `# Data Protection Agreement

## Introduction

This agreement applies to the Online Services that Provider offers.

## Security Incident Notification

Provider shall notify Customer of a Security Incident without undue delay.

# Appendix A – Security Safeguards

Provider maintains the following safeguards for Customer Data.

## Annex 2: Technical and organisational **security** measures

Provider encrypts Customer Data at rest and in transit.
`

// Headings written as plain Title Case lines, without markup.
const mdTitleLines = `# Business Associate Terms

## Definitions

(a) Covered Entity. "Covered Entity" means the customer named in the order.

(b) Breach. "Breach" has the meaning given in the privacy rules.

Obligations and Activities of the Vendor

The Vendor agrees to:

(a) Not use or disclose health information other than as permitted.

(b) Use appropriate safeguards to prevent any unauthorised use.

(c) Report to the customer any security incident of which it becomes aware.

Term and Termination

(a) Term. This agreement runs for the term of the services agreement.

(b) Return. On termination the Vendor shall return all health information.
`

const mdTitleLineAmongHeadings = `# Security Practices

Intro to the practices that follow.

## Monitoring

### Security Logs

Systems log security events. Logs are kept for one year.

Incident Management

Provider maintains incident policies. Provider notifies customers without undue delay.

### Personnel Practices

Provider checks the background of every employee.
`

// Short Title Case lines that are no headings: the term of a table of
// defined terms (one sentence under it), an address, a document's name, a
// field of a form.
const mdTitleLineTraps = `# Terms

Intro to the terms that follow.

## Transfers

Provider transfers data only as these terms allow.

Restricted Transfer

A transfer which is covered by the transfer rules.

San Francisco, California 94107 USA

Notices go to this office. Notices are effective on receipt.

Data Processing Addendum

The addendum applies to personal data. It forms part of these terms.

Contact Person: Data Protection Officer

The officer answers within five days. Requests go by email.
`

func TestSplitClausesKinds(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"markdown-escaped numbers in setext headings", mdEscapedNumbers, false,
			[]string{"preamble", "1", "2", "2(a)<2", "2(b)<2"}},
		{"markdown-escaped parenthesised items", mdEscapedParens, false,
			[]string{"preamble", "(a)", "(b)", "(b)(1)<(b)", "(b)(1)(i)<(b)(1)", "(b)(1)(ii)<(b)(1)", "(b)(2)<(b)", "(c)"}},
		{"definitions list under a caps heading, then sections from 2", mdDefinitionsFirstCaps, false,
			[]string{"preamble", `"DEFINITIONS"`, `"DEFINITIONS" 1<"DEFINITIONS"`, `"DEFINITIONS" 2<"DEFINITIONS"`, `"DEFINITIONS" 3<"DEFINITIONS"`,
				"2", "2.1<2", "2.2<2", "3", "3.1<3", "3.2<3"}},
		{"definitions list under a heading, then N.0 section headings", mdDefinitionsFirstHeadings, false,
			[]string{"preamble", `"Definitions"`, `"Definitions" 1<"Definitions"`, `"Definitions" 2<"Definitions"`, `"Definitions" 3<"Definitions"`,
				"2", "2.1<2", "2.2<2", "3", "3.1<3"}},
		{"definitions list and sections in a PDF", strings.NewReplacer("# ", "", "   1. ", "(a) ", "   2. ", "(b) ").Replace(mdDefinitionsFirstCaps), true,
			[]string{"preamble", `"DEFINITIONS"`, `"DEFINITIONS" 1<"DEFINITIONS"`, `"DEFINITIONS" 2<"DEFINITIONS"`, `"DEFINITIONS" 3<"DEFINITIONS"`,
				"2", "2(a)<2", "2(b)<2", "3", "3(a)<3", "3(b)<3"}},
		{"bold numbered headings over plain numbered items", mdBoldNumberedHeadings, false,
			[]string{"preamble", "1", "1.1<1", "1.2<1", "2", "2(a)<2", "3", "3.1<3"}},
		{"a bold number continued by a plain one", "**1. Scope.**\n\nProvider provides the Service to Customer.\n\n2. Fees\n\nCustomer pays the fees monthly.\n", false,
			[]string{"1", "2"}},
		{"sections grouping clauses numbered on their own", mdGroupedClauses, false,
			[]string{"preamble", `"SECTION I"`, `1<"SECTION I"`, "1(a)<1", "1(b)<1", `2<"SECTION I"`,
				`"SECTION II – OBLIGATIONS OF THE PARTIES"`, `3<"SECTION II – OBLIGATIONS OF THE PARTIES"`, "3.1<3", "3.2<3", "3.2(a)<3.2", "3.2(b)<3.2",
				`4<"SECTION II – OBLIGATIONS OF THE PARTIES"`}},
		{"grouped clauses in a PDF", strings.NewReplacer("#### ", "", "### ", "", "## ", "", "**", "").Replace(mdGroupedClauses), true,
			[]string{"preamble", `"SECTION I"`, `1<"SECTION I"`, "1(a)<1", "1(b)<1", `2<"SECTION I"`,
				`"SECTION II – OBLIGATIONS OF THE PARTIES"`, `3<"SECTION II – OBLIGATIONS OF THE PARTIES"`, "3.1<3", "3.2<3", "3.2(a)<3.2", "3.2(b)<3.2",
				`4<"SECTION II – OBLIGATIONS OF THE PARTIES"`}},
		{"parts after a body under unnumbered headings", mdPartsAfterHeadings, false,
			[]string{"preamble", `"Introduction"`, `"Security Incident Notification"`, "Appendix A", "Annex 2"}},
		{"a bold title under a number alone", "#### Clause 1\n\n**Purpose and scope**\n\n(a) These Clauses apply to transfers of data.\n\n#### Clause 2\n\n**Effect**\n\nThese Clauses may not be changed by the Parties.\n", false,
			[]string{"1", "1(a)<1", "2"}},
		{"plain Title Case heading lines over lists", mdTitleLines, false,
			[]string{"preamble", `"Definitions"`, `"Definitions"(a)<"Definitions"`, `"Definitions"(b)<"Definitions"`,
				`"Obligations and Activities of the Vendor"`, `"Obligations and Activities of the Vendor"(a)<"Obligations and Activities of the Vendor"`,
				`"Obligations and Activities of the Vendor"(b)<"Obligations and Activities of the Vendor"`, `"Obligations and Activities of the Vendor"(c)<"Obligations and Activities of the Vendor"`,
				`"Term and Termination"`, `"Term and Termination"(a)<"Term and Termination"`, `"Term and Termination"(b)<"Term and Termination"`}},
		{"a plain Title Case line among headings is their sibling", mdTitleLineAmongHeadings, false,
			[]string{"preamble", `"Monitoring"`, `"Security Logs"<"Monitoring"`, `"Incident Management"<"Monitoring"`, `"Personnel Practices"<"Monitoring"`}},
		{"Title Case lines that are no headings", mdTitleLineTraps, false,
			[]string{"preamble", `"Transfers"`}},
		{"restarting lists under headings, the first named like a document", "# Terms of Service\n\nIntro to the terms.\n\n## Account Terms\n\n1. You keep your password safe.\n2. You must be a human.\n\n## Payment and Refunds\n\n1. Fees are billed in advance.\n2. Refunds follow the refund policy.\n", false,
			[]string{"preamble", `"Account Terms"`, `"Account Terms" 1<"Account Terms"`, `"Account Terms" 2<"Account Terms"`,
				`"Payment and Refunds"`, `"Payment and Refunds" 1<"Payment and Refunds"`, `"Payment and Refunds" 2<"Payment and Refunds"`}},
		{"a Markdown list numbered 1. 1. 1. is numbered as shown", "# Terms\n\nIntro to the terms.\n\n## Security\n\nProvider shall maintain:\n\n1. Encryption of data at rest.\n1. Multi-factor authentication.\n1. Daily backups.\n", false,
			[]string{"preamble", `"Security"`, `1<"Security"`, `2<"Security"`, `3<"Security"`}},
		{"nested lists numbered 1. 1.", "1. Services\n   1. Hosting of the Service.\n   1. Support by email.\n1. Fees\n   1. Invoices are sent monthly.\n", false,
			[]string{"1", "1.1<1", "1.2<1", "2", "2.1<2"}},
		{"a paragraph at the margin ends a list", "1. Encryption of data at rest.\n\nThe measures are reviewed every year.\n\n1. Access reviews.\n", false,
			[]string{"1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tt.text)}}, tt.paginated))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

// TestListLeadInsStayWithTheirItems: the sentence that introduces a list
// ("The Vendor agrees to:") is in the clause that holds the list's items,
// before them, so that the engine reads each item with it.
func TestListLeadInsStayWithTheirItems(t *testing.T) {
	tests := []struct {
		name, text, item, lead string
	}{
		{"under a plain Title Case heading", mdTitleLines, `"Obligations and Activities of the Vendor"(c)`, "The Vendor agrees to:"},
		{"under a Markdown heading", "# Terms\n\nIntro to the terms.\n\n## Security\n\nProvider shall:\n\n1. Encrypt Customer Data at rest.\n2. Log every administrative access.\n", "2", "Provider shall:"},
		{"after a bold lead-in", "# Terms\n\nIntro to the terms.\n\n**Incident Response.** Processor shall:\n\n(a) notify Controller within 48 hours;\n\n(b) assist Controller with its investigation.\n", `"Incident Response"(b)`, "Processor shall:"},
		{"in a section after a definitions list", mdDefinitionsFirstCaps, "3.2", "3. SECURITY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(tt.text)}}, false)
			byID := map[string]Clause{}
			for _, c := range cs {
				byID[c.ID] = c
			}
			item, ok := byID[tt.item]
			if !ok {
				t.Fatalf("no clause %s in %v", tt.item, clauseIDs(cs))
			}
			parent := byID[item.Parent]
			first := parent.Text
			for _, c := range cs {
				if c.Parent == parent.ID {
					if i := strings.Index(parent.Text, c.Text); i >= 0 && i < len(first) {
						first = parent.Text[:i]
					}
				}
			}
			if !strings.Contains(first, tt.lead) {
				t.Errorf("the parent %s of %s holds %q before its items, want the lead-in %q", parent.ID, tt.item, first, tt.lead)
			}
		})
	}
}

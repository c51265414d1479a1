package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure found on agreements from outside the corpus
// (structure14's self-check and probes), each reproduced by invented text,
// with the clause IDs a lawyer would cite.

// Markdown headings whose "#"s are glued to their numbers.
const mdHashGlued = `# Hosting Terms

These terms apply whenever the Host stores files for the Customer.

##1. Scope

These terms cover every storage plan the Customer orders.

###1.1 Plans

The Customer picks a plan when it signs up.

##2. Protection

###2.1 Encryption

The Host shall encrypt stored files with current ciphers.

###2.2 Incidents

The Host shall tell the Customer of any breach within two days.
`

// Glued hashes with undotted numbers, twice: headings too.
const mdHashGluedPlain = `# Hosting Terms

These terms apply whenever the Host stores files for the Customer.

#1 Scope

These terms cover every storage plan the Customer orders.

#2 Protection

The Host shall encrypt stored files with current ciphers.
`

// A single "#1" at a line start is a hashtag, not a heading.
const mdHashTag = `# Hosting Terms

These terms apply whenever the Host stores files for the Customer.

#1 rated host in the region, as our customers keep telling us.

## Protection

The Host shall encrypt stored files with current ciphers.
`

// reStructuredText: an overlined title, then section titles underlined
// with "-", "~" and "^" (levels in order of first appearance), a field
// list and a definition list.
const rstTerms = `=====================
Storage Service Terms
=====================

:Effective: 1 March 2026
:Version: 3

These terms apply whenever the Host stores files for the Customer.

Definitions
-----------

Files
    Anything the Customer uploads to the service.

Security
--------

Encryption
~~~~~~~~~~

The Host shall encrypt stored files with current ciphers.

Key rotation
^^^^^^^^^^^^

The Host shall rotate its keys every year.

Incidents
~~~~~~~~~
The Host shall tell the Customer of any breach within two days.

Audit
-----

The Customer may audit the Host once a year.
`

// Markdown setext headings only ("=" and "-"): still Markdown levels,
// and a "~~~" fence after a short line is code, not an underline.
const mdSetextFence = `Storage Terms
=============

These terms apply whenever the Host stores files for the Customer.

Security
--------

The Host shall encrypt stored files with current ciphers.

Key
~~~
rotate --yearly
~~~

Audit
-----

The Customer may audit the Host once a year.
`

// Numbering that starts at 0.
const txtZeroSection = `Terms of Use

These terms govern the use of the tutoring service the Company offers to schools.

0. Acceptance
Using the service means accepting these terms in full. The Company may change them by posting a new version.

1. Purpose
The Company connects students with tutors.

2. Fees
Schools pay a monthly fee for the service.
`

// A "0." inside the text that is no section: the numbering starts at 1.
const txtZeroNotSection = `Terms of Use

These terms govern the use of the tutoring service the Company offers to schools.

1. Purpose
The Company connects students with tutors.
0. Tutors
are matched by subject.

2. Fees
Schools pay a monthly fee for the service.
`

func TestSplitClausesKinds14(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"Markdown headings with hashes glued to dotted numbers", mdHashGlued, false,
			[]string{"preamble", "1", "1.1<1", "2", "2.1<2", "2.2<2"}},
		{"Markdown headings with hashes glued to plain numbers", mdHashGluedPlain, false,
			[]string{"preamble", "1", "2"}},
		{"a hashtag at a line start", mdHashTag, false,
			[]string{"preamble", `"Protection"`}},
		{"reStructuredText section titles", rstTerms, false,
			[]string{"preamble", `"Definitions"`, `"Security"`, `"Encryption"<"Security"`, `"Key rotation"<"Encryption"`, `"Incidents"<"Security"`, `"Audit"`}},
		{"Markdown setext headings and a tilde fence", mdSetextFence, false,
			[]string{"preamble", `"Security"`, `"Audit"`}},
		{"numbering that starts at 0", txtZeroSection, false,
			[]string{"preamble", "0", "1", "2"}},
		{"numbering that starts at 0, paginated", txtZeroSection, true,
			[]string{"preamble", "0", "1", "2"}},
		{"a 0 inside a clause", txtZeroNotSection, false,
			[]string{"preamble", "1", "2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("IDs (-want +got):\n%s", diff)
			}
		})
	}
}

// reStructuredText definition lists under section titles: each term is a
// heading of its own under the title (as the labels cite it); terms inside
// a numbered clause stay its text.
const rstDefList = `Security Policy
===============

The Host follows the practices below for every customer.

Operations
----------

Change review
    Every change to production goes through review before release.

Incident response
    An engineer on call responds to security incidents at any hour.

Access
------

Staff reach customer data only to answer a support request.
`

const txtDefListInClause = `Security Terms

These terms apply whenever the Host stores files for the Customer.

1. Operations
The Host runs the service as follows.

Change review
    Every change to production goes through review before release.

Incident response
    An engineer on call responds to security incidents at any hour.

2. Access
Staff reach customer data only to answer a support request.
`

// All-caps headings asked as questions, as privacy policies write them.
const txtCapsQuestions = `Privacy Policy

This policy says how the Company handles the personal information of its users.

WHAT INFORMATION DO WE COLLECT?

We collect the name and e-mail address you give us when you sign up.

HOW DO WE USE YOUR INFORMATION?

We use your information to run the service and to answer your requests.

DATA RETENTION

We keep your information while your account is open.
`

func TestSplitClausesKinds14More(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"definition-list terms under section titles", rstDefList, false,
			[]string{"preamble", `"Operations"`, `"Change review"<"Operations"`, `"Incident response"<"Operations"`, `"Access"`}},
		{"definition-list terms inside a numbered clause", txtDefListInClause, false,
			[]string{"preamble", "1", "2"}},
		{"all-caps question headings", txtCapsQuestions, false,
			[]string{"preamble", `"WHAT INFORMATION DO WE COLLECT?"`, `"HOW DO WE USE YOUR INFORMATION?"`, `"DATA RETENTION"`}},
		{"all-caps question headings, paginated", txtCapsQuestions, true,
			[]string{"preamble", `"WHAT INFORMATION DO WE COLLECT?"`, `"HOW DO WE USE YOUR INFORMATION?"`, `"DATA RETENTION"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("IDs (-want +got):\n%s", diff)
			}
		})
	}
}

// A lettered item whose mark the text layer left inside the item before
// it, after a semicolon: an item of its own, and the next item at a line
// start follows it.
const txtInlineLetter = `Acceptable Use

These terms apply whenever the Customer uses the service.

1. Restrictions
The Customer shall not:

(a) copy the service or any part of it;

(b) resell the service to any third party, or otherwise use it for a competitor's benefit; (c) probe the service for weaknesses without consent;

(d) send spam through the service;

(e) upload malware to the service.

2. Suspension
The Host may suspend the service after a breach of section 1.
`

// The same with the lines wrapped as a PDF's text layer gives them: the
// inline mark on a wrapped line of the item.
const txtInlineLetterWrapped = `Acceptable Use

These terms apply whenever the Customer uses the service.

1. Restrictions
The Customer shall not:

(a) copy the service or any part of it;

(b) resell the service to any third party, or otherwise use it for a
competitor's benefit; (c) probe the service for weaknesses without
consent;

(d) send spam through the service;

2. Suspension
The Host may suspend the service after a breach of section 1.
`

// A letter that skips with no inline mark before it stays text.
const txtLetterSkip = `Acceptable Use

These terms apply whenever the Customer uses the service.

1. Restrictions
The Customer shall not:

(a) copy the service or any part of it;

(b) resell the service to any third party;

(d) send spam through the service;

2. Suspension
The Host may suspend the service after a breach of section 1.
`

func TestSplitClausesInlineLetter(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"a letter left inline", txtInlineLetter, false, []string{"preamble", "1", "1(a)<1", "1(b)<1", "1(c)<1", "1(d)<1", "1(e)<1", "2"}},
		{"a letter left inline, paginated", txtInlineLetter, true, []string{"preamble", "1", "1(a)<1", "1(b)<1", "1(c)<1", "1(d)<1", "1(e)<1", "2"}},
		{"a letter left inline on a wrapped line, paginated", txtInlineLetterWrapped, true, []string{"preamble", "1", "1(a)<1", "1(b)<1", "1(c)<1", "1(d)<1", "2"}},
		{"a letter skipped", txtLetterSkip, false, []string{"preamble", "1", "1(a)<1", "1(b)<1", "2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("IDs (-want +got):\n%s", diff)
			}
		})
	}
}

// An HTML table of clauses converted to Markdown rows without the
// leading "|"; a Markdown table row is left alone.
const mdTableNumbers = `# Service Levels

These service levels form part of the agreement.

1. Availability

1.1 | The Host shall keep the service available 99.9 percent of each month.
1.2 | The Host shall credit the Customer for each hour below that level.

| 2 | Support | Answered within one business day |
`

func TestSplitClausesTableNumbers(t *testing.T) {
	got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(mdTableNumbers)}}, false))
	if diff := cmp.Diff([]string{"preamble", "1", "1.1<1", "1.2<1"}, got); diff != "" {
		t.Errorf("IDs (-want +got):\n%s", diff)
	}
}

// One-word bold sub-headings set tight above their paragraphs (a PDF
// exported from a word processor); a bold label and a party's name above a
// signature field are no headings.
var typesetOneWordHeadings = []typedLine{
	{text: "Example Storage Terms", size: 11, bold: true},
	body("These terms are between you and Example Storage Ltd and apply to the storage service."),
	sub("Eligibility"),
	more("You must be at least eighteen years old to open an account with us."),
	sub("Communications"),
	more("We send notices about the service to the address you gave us."),
	sub("Note"),
	more("The examples in these terms are illustrations and not promises."),
	sub("Termination"),
	more("Either of us may close the account on thirty days notice."),
	sub("Provider"),
	more("By: ______________________"),
}

func TestTypesetOneWordHeadings(t *testing.T) {
	checkTypesetIDs(t, typesetOneWordHeadings,
		[]string{"preamble", `"Eligibility"`, `"Communications"`, `"Termination"`})
}

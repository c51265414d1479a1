package analyze

import (
	"strings"
	"testing"
)

// Kinds of missed terms found on outside agreements (a UK data processing
// agreement, a sample DPA, terms of service) and in the ways other drafters
// word the same duty, each reproduced with sentences of our own: the
// status, the cited section and the quote.

// recallCase is one invented agreement in Markdown and what one rule must
// find in it.
type recallCase struct {
	name, md, rule string
	status         string
	section        string // the cited section ("" when missing)
	quote          string // words the lead quote holds ("" when missing)
}

// checkRecall reads each case's Markdown as a file is read (headings,
// numbering, lists) and checks the rule's status, section and quote.
func checkRecall(t *testing.T, cases []recallCase) {
	t.Helper()
	rs := loadRules(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := runMarkdown(t, rs, tc.md)
			for _, f := range res.Findings {
				if f.Rule != tc.rule {
					continue
				}
				if f.Status != tc.status {
					t.Fatalf("%s: got %s, want %s", tc.rule, f.Status, tc.status)
				}
				if tc.section == "" {
					return
				}
				if len(f.Evidence) == 0 {
					t.Fatalf("%s: no evidence", tc.rule)
				}
				if got := f.Evidence[0].Section; got != tc.section {
					t.Errorf("%s: section %q, want %q", tc.rule, got, tc.section)
				}
				if got := f.Evidence[0].Text; !strings.Contains(got, tc.quote) {
					t.Errorf("%s: quote %q does not hold %q", tc.rule, got, tc.quote)
				}
				return
			}
			t.Fatalf("%s: absent from findings", tc.rule)
		})
	}
}

// TestTwoWordLeadInKeepsItsParty: a numbered lead-in of a party and its
// modal alone ("6.1. Processor shall:", "4.2 Customer may:") is read as a
// lead-in, not as a heading, so each item below it is the party's duty or
// right. A two-word heading with no modal ("Data Security:") stays a
// heading.
func TestTwoWordLeadInKeepsItsParty(t *testing.T) {
	checkRecall(t, []recallCase{
		{"the vendor's duties under a two-word lead-in",
			"# Hosting Terms\n\n## 4. Assurance\n\n4.1. Supplier shall:\n- keep its information security certificate current\n- give the Buyer a copy of its latest SOC 2 Type II report once a year\n- tell the Buyer of any breach of the Buyer's records within two days\n\n4.2. Supplier may change its hosting provider.\n",
			"security-reports", StatusMet, "4.1", "give the Buyer a copy of its latest SOC 2 Type II report"},
		{"the customer's right under a two-word lead-in",
			"# Hosting Terms\n\n## 7. Checks\n\n7.1. Buyer may:\n- inspect the Supplier's premises once a year on notice\n- ask for copies of the Supplier's security certifications\n\n7.2. The Buyer pays for its own checks.\n",
			"security-reports", StatusMet, "7.1", "ask for copies of the Supplier's security certifications"},
		{"the breach notice under a two-word lead-in",
			"# Hosting Terms\n\n## 5. Incidents\n\n5.1. Supplier will:\n- notify the Buyer of any security incident within 48 hours\n- help the Buyer look into the incident\n\n5.2. The Buyer names a contact for incidents.\n",
			"breach-notification", StatusMet, "5.1", "notify the Buyer of any security incident within 48 hours"},
		{"a two-word heading with no modal stays a heading",
			"# Hosting Terms\n\n## 4. Assurance\n\n4.1. Certificate copies:\n- a list of the rooms that hold the servers\n- the opening hours of the support desk\n\n4.2. The Supplier hosts the service in its own rooms.\n",
			"security-reports", StatusMissing, "", ""},
	})
}

// TestExitWordsOtherDrafters: the data given back or destroyed at the end,
// in words the vocabulary lacked: "hand back" (a phrasal verb beside
// "hand over", "give back"), and the deletion attested by "a certificate
// of destruction" rather than by the verb "certify".
func TestExitWordsOtherDrafters(t *testing.T) {
	checkRecall(t, []recallCase{
		{"hand back at the end",
			"# Services Agreement\n\n## 12. End of the contract\n\nWhen the contract ends the Contractor shall hand back to the Client all Client Data it holds.\n",
			"data-return-exit", StatusMet, "12", "hand back to the Client all Client Data"},
		{"a certificate of destruction after termination",
			"# Services Agreement\n\n## 12. End of the contract\n\nOnce the agreement is terminated the Vendor will send the Customer a certificate of destruction for all Customer Data it held.\n",
			"data-return-exit", StatusMet, "12", "certificate of destruction for all Customer Data"},
		{"a certificate of insurance is no deletion",
			"# Services Agreement\n\n## 12. End of the contract\n\nWhen the agreement is terminated the Vendor will send the Customer a certificate of insurance for the final year.\n",
			"data-return-exit", StatusMissing, "", ""},
	})
}

// TestSubprocessorsByTheirTradeName: the vendor's suppliers called
// vendors, service providers or hosting partners, where the sentence is
// about bringing a new one in (GDPR Art. 28(2): notice of "the addition
// or replacement of other processors") or lists them. A move to a new
// provider at exit is no subprocessor.
func TestSubprocessorsByTheirTradeName(t *testing.T) {
	checkRecall(t, []recallCase{
		{"notice before engaging a new vendor",
			"# Platform Terms\n\n## 8. Our suppliers\n\nThe Provider will tell the Customer by email a month before it engages any new vendor that can reach Customer Data, and the Customer may object.\n",
			"subprocessors", StatusMet, "8", "before it engages any new vendor"},
		{"notice before a new hosting provider starts processing",
			"# Platform Terms\n\n## 8. Our suppliers\n\nWe will notify you before an additional hosting provider starts processing your uploads.\n",
			"subprocessors", StatusWeak, "8", "an additional hosting provider starts processing"},
		{"a move to a new service provider at exit",
			"# Platform Terms\n\n## 8. Exit\n\nOn exit the Provider shall help the Customer move its records to a new service provider.\n",
			"subprocessors", StatusMissing, "", ""},
	})
}

// TestAssuranceHeldOutOrNamedByItsAuthor: reports named by who wrote
// them ("the reports of its external assessors") and a report held out to
// the customer with no verb of giving ("is available to the Client").
func TestAssuranceHeldOutOrNamedByItsAuthor(t *testing.T) {
	checkRecall(t, []recallCase{
		{"the reports of its independent auditors",
			"# Security Schedule\n\n## 3. Assurance\n\nThe Vendor shall give the Client the reports of its independent auditors on the hosting environment each year.\n",
			"security-reports", StatusMet, "3", "reports of its independent auditors"},
		{"a report available to the customer",
			"# Security Schedule\n\n## 3. Assurance\n\nThe Vendor's latest SOC 2 Type II report is available to the Client on request each year.\n",
			"security-reports", StatusMet, "3", "SOC 2 Type II report is available to the Client"},
	})
}

// TestChangeOfTermsNamedByTitle: a change to the terms named by their
// own title ("any modification to the Hosting Terms") is a change to the
// terms, announced in advance.
func TestChangeOfTermsNamedByTitle(t *testing.T) {
	checkRecall(t, []recallCase{
		{"advance notice of a modification to the titled terms",
			"# Hosting Terms\n\n## 15. Changes\n\nThe Vendor will tell the Client in advance of any modification to the Cloud Hosting Terms.\n",
			"change-notice", StatusMet, "15", "any modification to the Cloud Hosting Terms"},
	})
}

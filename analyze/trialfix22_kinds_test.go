package analyze

import (
	"strings"
	"testing"
)

// trialfix22Case is a short Markdown agreement of our own wording and what
// one rule must make of it: the status, and (when found) the section and a
// part of the first quote.
type trialfix22Case struct {
	name    string
	body    string
	rule    string
	status  string
	section string
	quote   string
}

const trialfix22Head = "# Data Processing Addendum\n\nThis Data Processing Addendum is entered into between Brightwave Labs Inc. (\"Vendor\") and the customer named in the order form (\"Customer\").\n\n"

// TestTrialfix22Kinds holds the kinds new users found on outside
// agreements in the last round, each row a sentence of our own that the
// build before it read wrong.
func TestTrialfix22Kinds(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := []trialfix22Case{
		// 1. "it" in a clause the customer reports is the customer.
		{"customer warrants that it will", "## 1. Customer Duties\n\n1.1 Customer warrants that it will keep its account credentials confidential and will promptly tell Vendor of any misuse.\n",
			"customer-responsibilities", StatusMet, "1.1", "Customer warrants that it will keep its account credentials confidential"},
		{"customer represents that it has", "## 1. Customer Duties\n\n1.1 Customer represents and warrants that it has put appropriate security controls in place on its own systems.\n",
			"customer-responsibilities", StatusMet, "1.1", "it has put appropriate security controls in place"},
		// 5. An incident review kept inside the company: "will" in a
		// relative clause of a thing owes the customer nothing.
		{"internal review is no assistance", "## 4. Incident Response\n\na. After an incident is contained and mitigated, the teams involved write up a review, which is discussed internally and contains follow-up tasks that will make a repeat of the incident less likely.\n",
			"incident-cooperation", StatusWeak, "4(a)", "write up a review"},
		// 5. Incident handling under a heading that joins continuity and
		// incident response is no continuity plan.
		{"incident handling is no continuity plan", "## 4. Business Continuity and Security Incident Response Plan\n\na. Vendor has put in place a formal process for handling security events. When an event is detected, the on-call staff are alerted and gathered to deal with it quickly.\n",
			"business-continuity", StatusMissing, "", ""},
		{"continuity in its own words still counts", "## 4. Business Continuity and Incident Response\n\na. Vendor maintains a disaster recovery plan that also covers restoring the service after a security incident, and tests it every year.\n",
			"business-continuity", StatusMet, "4(a)", "disaster recovery plan"},
		// 7. The notice owed in the next sentence for "such changes"
		// answers a right to change the terms by posting a new version.
		{"notice of such changes answers the right to change", "## 11. Changes\n\n11.1 Vendor may change this Addendum by posting a new version to its trust centre. Vendor will notify Customer of such changes at least 30 days in advance.\n",
			"change-notice", StatusMet, "11.1", "Vendor will notify Customer of such changes at least 30 days in advance."},
		{"no notice of such changes stays weak", "## 11. Changes\n\n11.1 Vendor may change this Addendum from time to time. Vendor will not notify Customer of such changes.\n",
			"change-notice", StatusWeak, "11.1", "Vendor may change this Addendum from time to time."},
		// 8. A contact for audit requests grants no audit right.
		{"audit contact is no right", "## 5. Audits\n\nIf You request an on-site audit of Vendor's facilities, You may contact audits@brightwave.example.\n",
			"audit-rights", StatusMissing, "", ""},
		{"audit right elsewhere still found", "## 5. Audits\n\n5.1 Customer may audit Vendor's compliance with this Addendum on reasonable notice.\n\n5.2 If You request an on-site audit of Vendor's facilities, You may contact audits@brightwave.example.\n",
			"audit-rights", StatusMet, "5.1", "Customer may audit Vendor's compliance"},
		// 9. The customer's own equipment is no data location.
		{"customer's equipment is no location", "## 4. Processing\n\nCustomer Data may be processed using equipment or facilities located in Ireland that belong to Customer.\n",
			"data-location", StatusMissing, "", ""},
		// 6. A one-cell table a converter drew around a paragraph: the
		// quote is the sentence, without the bars and the rule between.
		{"one-cell table bars leave the quote", "## Clause 9. Audits\n\n1\\. Vendor shall keep records of its processing. In that case, the\n\n| records will be kept confidential.\n2. Vendor warrants that on request of Customer it will open its processing facilities for an audit of the measures described in paragraph\n |\n| ---------------------------------------- |\n| 1, which shall be carried out by Customer or an inspector chosen by Customer.\n |\n",
			"audit-rights", StatusMet, "9.2", "described in paragraph 1, which shall be carried out by Customer or an inspector chosen by Customer."},
		// 6. A page footer is no part of the sentence quoted.
		{"page footer leaves the quote", "## 10. Security\n\nVendor shall keep its systems patched. Page 3 of 12\n\nConfidential - Brightwave Labs\n\nVendor shall encrypt Customer Data in transit and at rest.\n",
			"vendor-security", StatusMet, "10", "Vendor shall encrypt Customer Data in transit and at rest."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := runMarkdown(t, rs, trialfix22Head+tc.body)
			for _, f := range res.Findings {
				if f.Rule != tc.rule {
					continue
				}
				if f.Status != tc.status {
					t.Fatalf("%s: status %s, want %s (%v)", tc.rule, f.Status, tc.status, f.Evidence)
				}
				if tc.quote == "" {
					return
				}
				if len(f.Evidence) == 0 {
					t.Fatalf("%s: no evidence", tc.rule)
				}
				if e := f.Evidence[0]; e.Section != tc.section || !strings.Contains(e.Text, tc.quote) || strings.Contains(e.Text, "|") || strings.Contains(e.Text, "Page 3") {
					t.Errorf("%s: quoted §%s %q, want §%s with %q", tc.rule, e.Section, e.Text, tc.section, tc.quote)
				}
				return
			}
			t.Fatalf("%s: not among the findings", tc.rule)
		})
	}
}

// TestTrialfix22PlaceholderOnce: one placeholder spelt in two cases, or
// broken over two lines, is named once in the warning.
func TestTrialfix22PlaceholderOnce(t *testing.T) {
	rs := loadRules(t)
	res := run(t, rs, Options{}, "Brightwave Labs Inc. (\"Vendor\") and [Client Name] (\"Client\") agree as follows.", "Notices to the Client go to [CLIENT NAME] at [insert postal address], copied to [Insert postal\naddress].")
	for _, w := range res.Warnings {
		if w.Code == WarnPlaceholders {
			if !strings.Contains(w.Message, "holds 2 unfilled template placeholders") {
				t.Errorf("placeholder warning %q, want 2 placeholders", w.Message)
			}
			return
		}
	}
	t.Error("no placeholder warning")
}

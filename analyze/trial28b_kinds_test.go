package analyze

import (
	"context"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestTrial28bKinds: kinds of fault a new user's trial (trial28b, and
// trial28c on a dev DPA) found on documents of its own, each reproduced
// with sentences of our own writing.
func TestTrial28bKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// A regulator's demand named in a condition, answered by the
		// parties cooperating with each other, is no cooperation with the
		// regulator; a cooperation "with" the authority still is.
		{"a regulator's demand in a condition", []string{"Language. This Agreement is made in English and German. If a court or a regulator requires a translation of this Agreement, both Parties commit to cooperate in preparing it, and the English text prevails."}, "regulator-cooperation", StatusMissing},
		{"should a regulator ask, the parties cooperate", []string{"Should any regulator ask for a certified copy of the Contract in another language, the Parties shall work together to obtain it."}, "regulator-cooperation", StatusMissing},
		{"the parties amend the terms over an authority's finding", []string{"In the event that a competent authority decides that the processing under this Addendum is no longer lawful, the Parties shall agree to amend the Addendum so that it meets that authority's requirements."}, "regulator-cooperation", StatusMissing},
		{"cooperation with the authority that asks", []string{"If a supervisory authority requests information about the processing, both Parties shall cooperate with the supervisory authority."}, "regulator-cooperation", StatusMet},
		// Where the customer is (its seat, its office) decides which
		// transfer terms apply; it is no place for the data.
		{"the customer's head office decides the transfer terms", []string{"If the Client's head office is located within the European Economic Area, the Standard Contractual Clauses govern any transfer of Client Data."}, "data-location", StatusMissing},
		{"the customer established in a country", []string{"Where the Client is established in Switzerland, the transfer clauses apply to Client Data with the changes in Annex 4."}, "data-location", StatusMissing},
		{"the customer situated in a country, a transfer from it", []string{"If the Client is situated in Canada, the Canadian transfer terms apply to any transfer of Client Data from Canada."}, "data-location", StatusMissing},
		{"the customer's address decides the addendum", []string{"The Data Act Addendum forms part of this Agreement if the Client's head office and billing address are located within the European Union."}, "data-location", StatusMissing},
		{"the data's own place stays met", []string{"The Supplier stores and processes Client Data only in data centres located within the European Union."}, "data-location", StatusMet},
		// The vendor may change its security measures with no notice: a
		// subprocessor notice elsewhere does not make change notice met.
		// A change kept above a floor is no change at will (the dev labels
		// grade it met in four DPAs).
		{"measures changed above a floor, beside a subprocessor notice", []string{"The Supplier shall notify the Client by e-mail at least 30 days before it engages a new Subprocessor.", "The Supplier may update the Security Measures over time, provided that the overall level of protection is not materially decreased."}, "change-notice", StatusMet},
		{"measures changed at will, beside a subprocessor notice", []string{"The Supplier shall notify the Client by e-mail at least 30 days before it engages a new Subprocessor.", "The Supplier may modify its technical and organisational measures at its discretion from time to time."}, "change-notice", StatusWeak},
		{"measures changed with notice owed stays met", []string{"The Supplier shall notify the Client by e-mail at least 30 days before it engages a new Subprocessor.", "The Supplier may update the Security Measures over time, provided that it notifies the Client thirty days before any change takes effect."}, "change-notice", StatusMet},
		{"measures changed as another clause allows", []string{"The Supplier shall notify the Client by e-mail at least 30 days before it engages a new Subprocessor.", "The Supplier may revise its technical and organisational measures at any time, subject to Clause 9 of this Addendum."}, "change-notice", StatusMet},
		// The auditor's confidentiality and the customer's payment for
		// the vendor's time are conditions of the audit right, not the
		// right: the right itself (only if the reports do not suffice, at
		// the customer's expense) is what the finding reads.
		{"audit: confidentiality and payment beside a limited right", []string{
			"Where the reports given under Clause 8.1 are not sufficient to demonstrate compliance, the Client may, at its own expense, audit the Supplier's processing of Client Data once a year.",
			"The Client and any auditor it appoints shall keep confidential all information obtained during an audit, and shall sign a non-disclosure agreement with the Supplier first.",
			"The Client shall compensate the Supplier for the staff time an audit takes at the Supplier's standard rates.",
		}, "audit-rights", StatusWeak},
		// The customer's assent by use to the revised terms, in the third
		// person: the only notice the change gets.
		{"the customer bound by the revised terms by its use", []string{"The Supplier shall notify the Client by e-mail at least 30 days before it engages a new Subprocessor.", "By continuing to use the Platform after the revision date, the Client agrees to be bound by the revised Terms of Service."}, "change-notice", StatusWeak},
		// A discretion held by a third party (an add-on's publisher
		// setting its own prices) is no change the vendor makes at will.
		{"a publisher's discretion over its prices", []string{"Fees. Fees for each add-on are set by its Add-on Publisher as shown in the Marketplace and the Platform, and may be revised by the Add-on Publisher at their own discretion."}, "change-notice", StatusMissing},
		{"the vendor's own discretion stays flagged", []string{"The Supplier may revise the Platform at its own discretion."}, "change-notice", StatusWeak},
	})
	// The vendor "not responsible for your security practices" leaves
	// them to the customer: no disclaimer of the vendor's own security.
	for _, tc := range []struct {
		text string
		flag bool
	}{
		{"The Supplier is not responsible for the Client's data security practices or for the security of the Client's own systems.", false},
		{"The Supplier is not responsible for the security of the Client's own devices.", false},
		{"The Supplier is not responsible for the Client's legal duties or information security policies.", false},
		{"The Supplier is not responsible for the security of the Platform.", true},
	} {
		res := run(t, rs, Options{}, tc.text)
		got := hasRedFlag(res, "vendor-security", "security-disclaimer")
		if got != tc.flag {
			t.Errorf("%q: security-disclaimer red flag %v, want %v", tc.text, got, tc.flag)
		}
	}
	// Tools that protect a party's rights, forbidden to the customer under
	// its security duties, are no security measure of the vendor's.
	a := &extract.Agreement{Path: "terms.md", Format: "md", Pages: []extract.Page{{Number: 1}}}
	a.Clauses = []extract.Clause{
		{ID: "", Text: "These Terms are between Acme Ltd (\"Acme\", \"we\", \"us\") and you, our customer (\"you\")."},
		{ID: "6", Heading: "Your Security Obligations", Text: "6. Your Security Obligations"},
		{ID: "6.1", Parent: "6", Text: "6.1 You shall take appropriate security measures against unauthorised use of your account. Forbidden acts include disabling, removing or bypassing any tools that may serve to protect our rights or the information about our trademarks."},
	}
	for _, c := range a.Clauses {
		a.Pages[0].Text += c.Text + "\n"
	}
	out, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := status(out, "vendor-security"); got != StatusMissing {
		t.Errorf("vendor-security on tools that protect our rights: got %s, want missing", got)
	}
}

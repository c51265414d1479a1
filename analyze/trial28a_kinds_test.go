package analyze

import (
	"context"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestTrial28aKinds: kinds of fault a new user's trial (trial28a) found on
// documents of its own, each reproduced with sentences of our own writing.
func TestTrial28aKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// The third parties the vendor retains to do the work are its
		// subcontractors: named before they are retained, the vendor liable
		// for them.
		{"third parties retained by the vendor", []string{"Subcontractors. The Supplier shall name in writing each third party retained by the Supplier for the hosting of the Platform before giving it access to Client Data. The Supplier shall be liable to the Client, and as between the parties to all other persons, for the acts and omissions of such third parties."}, "subprocessors", StatusWeak},
		{"liable to the customer for its subcontractors", []string{"The Supplier shall be liable to the Client, and as between the parties to anyone else, for the acts and omissions of its subcontractors."}, "subprocessors", StatusWeak},
		{"third parties the customer retains are not the vendor's", []string{"Customer shall ensure that any third party retained by Customer complies with this Agreement."}, "subprocessors", StatusMissing},
		// A notice of an authority's demand to disclose the data is no
		// notice of a change of the data's location.
		{"notice of a demand of competent jurisdiction", []string{"If a public authority of competent jurisdiction asks the Supplier to hand over Client Data, the Supplier shall tell the Client within two business days, unless the law forbids it."}, "data-location", StatusMissing},
		// A cost said once at the end of coordinated duties ("..., all at
		// Customer's costs") is the cost of each of them.
		{"all at the customer's cost", []string{"Provider shall take reasonable steps to limit the harm of the Security Incident and shall keep Customer informed of its progress, all at Customer's cost."}, "incident-cooperation", StatusWeak},
		{"in each case at the customer's expense", []string{"The Supplier will contain any Security Incident and will help the Client investigate it, in each case at the Client's expense."}, "incident-cooperation", StatusWeak},
		{"all at the customer's costs in the clause's next sentence", []string{"If it learns of a Security Incident, the Supplier will notify the Client within 48 hours and give it reasonable cooperation. The Supplier shall further take the steps needed to limit the harm of the Security Incident and keep the Client informed, all at the Client's costs."}, "incident-cooperation", StatusWeak},
		{"the vendor's cost stays met", []string{"Provider shall take reasonable steps to limit the harm of the Security Incident and shall keep Customer informed of its progress, all at Provider's own cost."}, "incident-cooperation", StatusMet},
		// A titled item run into its sentence ("Platform risk – Although
		// ..."): the conceding clause is still no promise, and the main
		// clause disclaims the security itself.
		{"a titled risk disclaiming security", []string{"Our offering carries risks, which include:\n(a) Platform risk – Although we will try hard and build the platform to high security standards, we do not warrant or represent that the platform is secure or safe, or shielded from hacking;\n(b) Network risk – the networks we rely on may fail."}, "vendor-security", StatusMissing},
		{"a titled risk, alone", []string{"Hosting risk – While we build our systems to high security standards, we do not warrant that they are secure."}, "vendor-security", StatusMissing},
		// "Reasonable information" beside the notice lists nothing the
		// notice must say.
		{"reasonable information beside the notice", []string{"If it learns of a confirmed Security Incident, the Supplier will tell the Client by e-mail within 48 hours, and will give the Client reasonable information and help to support its own reporting obligations."}, "notification-content", StatusWeak},
		{"content listed beside the notice stays met", []string{"If it learns of a Security Incident, the Supplier will tell the Client within 48 hours, and will give the Client information on the nature of the Security Incident and its likely consequences."}, "notification-content", StatusMet},
	})
}

// TestTrial28aRedFlagsAndCitations: the change-notice red flag, the
// explanation's party and the clause cited for the customer's duties.
func TestTrial28aRedFlagsAndCitations(t *testing.T) {
	rs := loadRules(t)
	// A change of the measures kept above a floor is no unilateral change
	// of the terms or the service; a change at will still is.
	for _, tc := range []struct {
		text string
		flag bool
	}{
		{"The Supplier may revise its technical and organisational measures from time to time, provided that every revision keeps an adequate level of protection for Client Data.", false},
		{"The Supplier may update or change the Security Measures from time to time, provided that such changes keep an adequate level of data protection.", false},
		{"Vendor may change its security controls as long as the changes do not reduce the overall protection of Customer Data.", false},
		{"The Supplier may revise these terms from time to time.", true},
	} {
		res := run(t, rs, Options{}, tc.text)
		got := hasRedFlag(res, "change-notice", "unilateral-change")
		if got != tc.flag {
			t.Errorf("%q: unilateral-change red flag %v, want %v", tc.text, got, tc.flag)
		}
	}
	// "Customer instructs Supplier to return": the customer instructs, the
	// vendor returns.
	res := run(t, rs, Options{}, "When this Agreement ends, the Client instructs the Supplier to return or delete all Client Data in its possession.")
	for _, f := range res.Findings {
		if f.Rule == "data-return-exit" && !strings.Contains(f.Explanation, `the customer "instructs" the vendor`) {
			t.Errorf("data-return-exit: explanation %q, want the customer instructing the vendor", f.Explanation)
		}
	}
	// Under one parent heading, the clause headed by the customer's
	// security duties is cited before a sibling naming a duty in passing.
	a := &extract.Agreement{Path: "test.md", Format: "md", Pages: []extract.Page{{Number: 1}}}
	a.Clauses = []extract.Clause{
		{ID: "6", Heading: "Security", Text: "6. Security"},
		{ID: "6(b)", Parent: "6", Heading: "Incidents", Text: "(b) Incidents: The Client alone is responsible for meeting the security incident notification laws that apply to it."},
		{ID: "6(c)", Parent: "6", Heading: "Client's security responsibilities", Text: "(c) Client's security responsibilities: The Client is solely responsible for its use of the Service, including using it in a way that ensures security appropriate to the risk."},
	}
	for _, c := range a.Clauses {
		a.Pages[0].Text += c.Text + "\n"
	}
	out, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range out.Findings {
		if f.Rule == "customer-responsibilities" && (len(f.Evidence) == 0 || f.Evidence[0].Section != "6(c)") {
			t.Errorf("customer-responsibilities: cited %v, want 6(c)", f.Evidence)
		}
	}
}

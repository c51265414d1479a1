package analyze

import (
	"context"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// Kinds found on outside agreements (public terms and security pages the
// team never tuned on), each reproduced with sentences of our own.

// TestDisclaimerListItemsKeepTheirLead: a terms-of-service disclaimer
// that lists what it refuses liability for ("WE ACCEPT NO LIABILITY OR
// RESPONSIBILITY FOR ANY (a) ..., (b) ANY UNAUTHORISED ACCESS TO OUR
// SECURE SERVERS ...") is no security measure: each item is read with the
// words that refuse liability for it.
func TestDisclaimerListItemsKeepTheirLead(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, lead string
		items      []string
		rule, want string
	}{
		{"no liability for any unauthorised access", "THE SERVICE IS PROVIDED AS IS. WE ACCEPT NO LIABILITY OR RESPONSIBILITY FOR ANY",
			[]string{"MISTAKES IN CONTENT,", "DAMAGE TO YOUR DEVICE ARISING FROM YOUR USE OF THE SERVICE,", "ANY UNAUTHORISED ACCESS TO OUR SECURE SERVERS OR TO ANY PERSONAL DATA HELD ON THEM, OR", "ANY OUTAGE OF THE SERVICE."},
			"vendor-security", StatusMissing},
		{"not responsible for any breach of the hosting systems", "The Operator is not responsible for",
			[]string{"typing errors on the site;", "a breach of the secure hosting systems that hold your stored records; or", "interruptions of the site."},
			"vendor-security", StatusMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := itemsAgreement("9", tc.lead, tc.items)
			res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := status(res, tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

// TestSecurityPagePassivesAreNotTheCustomers: a security page's
// descriptions in the passive ("The rooms we rent are guarded by our
// colocation partners", "We watch our network so that no unauthorised
// access is gained") put no duty on the customer: a long subject with a
// party inside it is a thing, and an agent after "by" acts.
func TestSecurityPagePassivesAreNotTheCustomers(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"a passive with its agent", []string{"We operate a cloud service for small clinics.", "The server rooms we rent are secured by our colocation partners with badge readers and camera surveillance."}, "customer-responsibilities", StatusMissing},
		{"a passive inside a purpose clause", []string{"We run our platform on a rented virtual network and rely on its isolation.", "We watch and protect our network to make sure no unauthorized access is performed using:"}, "customer-responsibilities", StatusMissing},
		{"the customer acts when named as the agent", []string{"User passwords are protected by the Customer at all times."}, "customer-responsibilities", StatusMet},
	})
}

// TestSecurityPagePassiveActor: who acts in such a passive, read on its
// own: the agent after "by", or no one; never the customer because "we"
// stands somewhere in the subject.
func TestSecurityPagePassiveActor(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		sentence string
		want     Party
	}{
		{"The server rooms we rent are secured by our colocation partners with badge access controls and camera surveillance.", PartyVendor},
		{"We watch and protect our network to make sure no unauthorized access is performed using:", PartyUnknown},
		{"Personal data sent to the platform is managed by encrypted upload from the Customer.", PartyUnknown},
		{"User passwords are protected by the Customer at all times.", PartyCustomer},
		// A doing as the subject, its data owned by the customer: a
		// priority of the page's author, no customer duty.
		{"Keeping our clients' files protected around the clock is our first priority.", PartyUnknown},
		{"Security Overview Keeping our clients' files protected around the clock is our first priority.", PartyUnknown},
		{"Customer is notified within 24 hours.", PartyVendor},
	} {
		f := buildFrame("", tc.sentence, rs.Vocabulary, nil, nil)
		if len(f.preds) == 0 {
			t.Fatalf("no predicate in %q", tc.sentence)
		}
		if got := f.preds[0].actor; got != tc.want {
			t.Errorf("%q: actor %q, want %q", tc.sentence, got, tc.want)
		}
	}
}

// TestPlainWordsForABreach: a security page promises notice of an attack
// that succeeded or a break-in, not of a "security incident".
func TestPlainWordsForABreach(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"a successful attack", []string{"If an intruder successfully attacks our servers, we will tell every affected customer within 24 hours."}, "breach-notification", StatusMet},
		{"a break-in", []string{"Should anyone break into our hosting systems, we will notify the customers concerned within 48 hours."}, "breach-notification", StatusMet},
		{"blocked attacks are no breach", []string{"Our firewall blocks attacks before they reach the application, and we will notify customers of planned maintenance."}, "breach-notification", StatusMissing},
	})
}

// TestSubprocessorElementsInOtherWords: liability named by the work the
// subprocessors do, flow-down with the obligations named first, and the
// customer's right to end the services an unresolved objection concerns.
func TestSubprocessorElementsInOtherWords(t *testing.T) {
	rs := loadRules(t)
	res := run(t, rs, Options{},
		`This agreement is made between Nimbo AB ("Nimbo") and the Customer.`,
		"Nimbo ensures that each subprocessor it engages complies with data processing obligations similar to the ones which apply to Nimbo.",
		"Nimbo shall be liable towards the Customer for the hosting work carried out by Nimbo's subprocessors.",
		"Nimbo shall give the Customer 30 days' notice of a new subprocessor, and the Customer may object to it.",
		"If the objection is not resolved within 30 days, the Customer may terminate the Services that depend on the new subprocessor.")
	found := map[string]bool{}
	for _, f := range res.Findings {
		if f.Rule != "subprocessors" {
			continue
		}
		for _, e := range f.Elements {
			found[e.ID] = e.Found
		}
	}
	for _, id := range []string{"flow-down", "liability", "termination"} {
		if !found[id] {
			t.Errorf("subprocessors element %s not found (elements %v)", id, found)
		}
	}
}

// TestDataLocationInPlainWords: where a security page or terms of service
// say the data is: "US" in capitals is the country, not the pronoun "us";
// a service "hosted in" countries; data centres "within" a region with no
// verb of storing.
func TestDataLocationInPlainWords(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"the US is a country", []string{"All customer files are stored in a US region and are never moved outside of the US."}, "data-location", StatusMet},
		{"a hosted service", []string{"The platform is hosted in Norway and Sweden."}, "data-location", StatusMet},
		{"data centres within a region", []string{"All our data centres are within the European Union."}, "data-location", StatusMet},
		{"US in a name is no place", []string{"Parcels are shipped with the US Postal Service, which will notify you of the delivery."}, "data-location", StatusMissing},
		{"offices are no data centres", []string{"All our offices are within the European Union."}, "data-location", StatusMissing},
	})
	for _, tc := range []struct {
		sentence string
		want     string
	}{
		{"All records are kept in a US region.", "usa"},
		{"PLEASE NOTIFY US IN WRITING.", "us"},
		{"Contact us at the address below.", "us"},
	} {
		for _, tok := range tokenize(tc.sentence) {
			if tok.w == "usa" || tok.w == "us" {
				if tok.w != tc.want {
					t.Errorf("%q: read %q, want %q", tc.sentence, tok.w, tc.want)
				}
			}
		}
	}
}

// TestRootCauseFoundIsNoNoticeContent: finding the root cause of an
// incident is the vendor's investigation, not what its notice must say,
// though the clause's heading speaks of notification.
func TestRootCauseFoundIsNoNoticeContent(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, text, want string
	}{
		{"identifying the root cause", "Upon becoming aware of any unauthorised access to Personal Data held by Nimbo, Nimbo will notify Customer without undue delay. Nimbo will take reasonable steps to identify the root cause of the incident and remediate it where it is within Nimbo's control.", StatusMissing},
		{"a notice that gives the likely consequences", "Upon becoming aware of any unauthorised access to Personal Data held by Nimbo, Nimbo will notify Customer without undue delay, describing the nature of the incident and its likely consequences.", StatusMet},
	} {
		a := &extract.Agreement{Path: "test.md", Format: "md", Pages: []extract.Page{{Number: 1, Text: tc.text}}}
		a.Clauses = []extract.Clause{{ID: "7", Heading: "Incident Management and Notification", Text: "7. Incident Management and Notification\n" + tc.text}}
		res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := status(res, "notification-content"); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestMeasuresWeApplyPointedAt: "The security measures we apply are
// specified on our website": "we" stands in a relative clause, so the
// passive is not the customer's doing, and the measures are only pointed
// at (by reference), not stated.
func TestMeasuresWeApplyPointedAt(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"measures pointed at", []string{"The security measures we operate are specified on our website at https://example.com/trust."}, "vendor-security", StatusByReference},
		{"files you upload are no duty of yours", []string{"The files you upload are encrypted at rest with AES-256."}, "customer-responsibilities", StatusMissing},
	})
}

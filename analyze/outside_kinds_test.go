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

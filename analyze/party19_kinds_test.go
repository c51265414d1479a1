package analyze

import (
	"context"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestWrongPartyKinds19: sentences of our own writing for the wrong-party
// and missed-party readings of stop 26's trials and dev misses (party19),
// each beside one that still shows the term.
func TestWrongPartyKinds19(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// a. The customer's duties are no vendor term: its own people
		// named by a role word of the vendor's ("contractors"), and what
		// it tells data subjects.
		{"the customer's contractors trained", []string{"Customer's employees and contractors shall complete security awareness training before using the Service."}, "awareness-training", StatusMissing},
		{"the vendor's contractors trained", []string{"Provider's employees and contractors shall complete security awareness training every year."}, "awareness-training", StatusWeak},
		{"the customer tells data subjects where data is", []string{"Customer shall inform data subjects that their personal data will be stored in the United States."}, "data-location", StatusMissing},
		{"the controller's duty to inform of the place", []string{"The Controller is responsible for informing data subjects that their personal data will be processed in the European Union."}, "data-location", StatusMissing},
		{"the vendor keeps the data in a place", []string{"Provider shall ensure that Customer Data is stored in the European Union."}, "data-location", StatusMet},
		// b. The customer named by its trade's role word.
		{"the merchant's credentials", []string{"Merchant shall keep its account credentials confidential and is responsible for all activity under its account."}, "customer-responsibilities", StatusMet},
		// d. The vendor's service providers named without the word
		// subprocessor: a disclosure, weak; a link-out or the customer's
		// own integrations are none.
		{"services from third parties the vendor relies on", []string{"We rely on services from third parties, including Twilio and Google Cloud, to deliver the platform."}, "subprocessors", StatusWeak},
		{"service providers on the vendor's behalf", []string{"We share personal data with service providers acting on our behalf, such as email delivery services."}, "subprocessors", StatusWeak},
		{"links to third-party websites", []string{"The Service may contain links to third-party websites that we do not control."}, "subprocessors", StatusMissing},
		{"an integration the customer chooses", []string{"If you enable an integration with a third-party service of your choice, that service's own terms apply."}, "subprocessors", StatusMissing},
		// e. A party's trade described is no report given.
		{"a company providing SOC 2 services", []string{"This Agreement is made between Brightline Ltd, a company providing SOC 2 audit readiness services, and the Customer."}, "security-reports", StatusMissing},
		{"the vendor's SOC 2 report given", []string{"Provider shall provide Customer with a copy of its most recent SOC 2 Type II report upon request."}, "security-reports", StatusMet},
	})
}

// TestHeadingPartyCarries19: a clause headed with a side's defined name
// ("Obligations of Acme") gives its subjectless orders to that side
// (party19, sentences of our own writing).
func TestHeadingPartyCarries19(t *testing.T) {
	rs := loadRules(t)
	pre := `This Agreement is between Acme Pay Inc. ("Acme") and Northwind Books Ltd ("Northwind"). Acme provides the payment platform.`
	for _, tc := range []struct{ name, heading, items, rule, want string }{
		{"the vendor's orders under its name", "Obligations of Acme", "Notify Northwind of any security incident within 48 hours. Keep the platform available.", "breach-notification", StatusMet},
		{"the customer's orders under its name", "Obligations of Northwind", "Keep all passwords for the platform confidential. Notify Acme of any security incident within 48 hours.", "breach-notification", StatusMissing},
		{"the customer's orders are its duties", "Obligations of Northwind", "Keep all passwords for the platform confidential. Notify Acme of any unauthorised use of its account.", "customer-responsibilities", StatusMet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runHeaded(t, rs, pre, tc.heading, tc.items)
			if got := status(res, tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

// runHeaded runs the engine on an agreement of two clauses: the opening
// pre (clause 1) and, under the unnumbered heading, the sentences items.
func runHeaded(t *testing.T, rs *RuleSet, pre, heading, items string) *Result {
	t.Helper()
	a := &extract.Agreement{Path: "t.md", Format: "md", Pages: []extract.Page{{Number: 1, Text: pre + "\n" + heading + "\n" + items + "\n"}}}
	a.Clauses = []extract.Clause{{ID: "1", Text: pre}, {ID: `"` + heading + `"`, Heading: heading, Text: heading + "\n" + items}}
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

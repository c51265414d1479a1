package analyze

import (
	"testing"
)

// TestRecall44bServiceCredits: a sentence that says only how service
// credits are paid ("apply only towards future fees") states no level of
// service: alone it is weak, and beside the clause that states the uptime
// it comes after it (new-user trial 43, issue 11; our own sentences).
func TestRecall44bServiceCredits(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{
			name:    "the credits' use alone",
			clauses: []string{"Any Service Credit is applied only against the fees of the Customer's later billing periods."},
			rule:    "service-levels", want: StatusWeak,
		},
		{
			name:    "an uptime named, not a number, with an efforts hedge",
			clauses: []string{"The Vendor shall use commercially reasonable efforts to keep the Platform available for no less than the Committed Uptime in each month."},
			rule:    "service-levels", want: StatusWeak,
		},
		{
			name:    "a credit tied to the availability stays met",
			clauses: []string{"The Vendor shall make the Platform available 99.9% of each month, and a Service Credit is due for each hour below it."},
			rule:    "service-levels", want: StatusMet,
		},
	})
	checkCites(t, rs, []citeCase{
		{
			name:     "the uptime clause before the credits' use",
			ids:      []string{"2.1", "4.2"},
			headings: []string{"Availability", "Use of credits"},
			parents:  []string{"", ""},
			text: []string{
				"2.1 Availability. The Vendor will keep the Platform available for at least the Committed Uptime, measured each calendar month.",
				"4.2 Use of credits. Service Credits apply only towards the fees of later billing periods.",
			},
			rule: "service-levels", want: "2.1",
		},
	})
}

// TestRecall44bNoOneElseOnTheAccount: the customer's duty not to let
// another person use its account or login is a duty to keep its
// credentials to itself, as a duty not to share its password is (issue
// 11: dev documents of two vendors; our own sentences).
func TestRecall44bNoOneElseOnTheAccount(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{
			name:    "must not allow another person to use the account",
			clauses: []string{"The Customer must not allow any other person to use its user accounts."},
			rule:    "customer-responsibilities", want: StatusMet,
		},
		{
			name:    "may not let someone else use the login",
			clauses: []string{"You may not impersonate another member or let someone else access the Portal with your login."},
			rule:    "customer-responsibilities", want: StatusMet,
		},
		{
			name:    "the vendor letting others use its platform is no customer duty",
			clauses: []string{"The Vendor may allow other customers to use the shared hosting platform."},
			rule:    "customer-responsibilities", want: StatusMissing,
		},
	})
}

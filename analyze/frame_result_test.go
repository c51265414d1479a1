package analyze

import "testing"

// TestResultClauseNoPredicate: a clause of purpose or result that permits
// or enables ("..., so the controller can meet its duties") is whom the
// act serves, not the sentence's predicate; a binding consequence after
// ", so" stays one.
func TestResultClauseNoPredicate(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"a declarative notice with a result clause", []string{
			"The processor notifies the controller without undue delay after becoming aware of a personal data breach, so the controller can meet its own reporting duties.",
		}, "breach-notification", StatusMet},
		{"a binding notice with a purpose clause", []string{
			"The Supplier shall notify the Buyer of any Security Incident within 24 hours so that the Buyer may warn its users.",
		}, "breach-notification", StatusMet},
	})
	checkPredicates(t, rs, []predicateCase{
		{"The processor notifies the controller of a breach, so the controller can meet its duties.", 1},
		{"Customer may terminate, so Provider shall refund any prepaid fees.", 2},
	})
}

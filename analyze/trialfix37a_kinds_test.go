package analyze

import "testing"

// Kinds a new user found on a shared-corpus terms of service (new-user
// trial 37, issue 11), each reproduced with sentences of our own writing.

// TestTrialfix37aEffortInTheSingular: an efforts qualifier weakens the
// duty it qualifies in the singular too ("will make a reasonable effort
// to provide a copy"), as "reasonable efforts" does; the plain duty stays
// met.
func TestTrialfix37aEffortInTheSingular(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"a reasonable effort to hand over a copy at the end", []string{"After this Agreement ends, the Supplier will make a reasonable effort to provide the Client with a copy of its Client Data on request, if the Client asks within 60 days of the end date."}, "data-return-exit", StatusWeak},
		{"every effort to return the data on expiry", []string{"On expiry of the subscription, the Supplier shall make every effort to return all Client Data to the Client."}, "data-return-exit", StatusWeak},
		{"a reasonable effort to tell of a breach", []string{"The Supplier will make a reasonable effort to notify the Client of any security breach affecting Client Data within 48 hours."}, "breach-notification", StatusWeak},
		{"a plain duty to hand over a copy at the end", []string{"After this Agreement ends, the Supplier will provide the Client with a copy of its Client Data on request, if the Client asks within 60 days of the end date."}, "data-return-exit", StatusMet},
	})
}

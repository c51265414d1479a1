package analyze

import "testing"

// TestTrial45HedgeBindsItsOwnVerb: an efforts hedge binds the verb it
// governs, not a verb coordinated before it: "will notify the Client ...
// and use reasonable efforts to contain the breach" hedges the
// containment, not the notice (new-user trial 45, issue 11; our own
// sentences).
func TestTrial45HedgeBindsItsOwnVerb(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{
			name:    "notice, then a hedged containment",
			clauses: []string{"If the Service Provider discovers a breach of security affecting Client Data, the Service Provider will notify the Client within 24 hours and use reasonable efforts to contain the breach."},
			rule:    "breach-notification", want: StatusMet,
		},
		{
			name:    "investigation, then a hedged limitation",
			clauses: []string{"The Contractor shall investigate each Security Incident affecting Agency Data at its own cost and make commercially reasonable efforts to limit its effects."},
			rule:    "incident-cooperation", want: StatusMet,
		},
		{
			name:    "the hedge before the notice still weakens it",
			clauses: []string{"The Vendor shall use reasonable efforts to notify the Customer of any security breach affecting Customer Data within 24 hours."},
			rule:    "breach-notification", want: StatusWeak,
		},
	})
}

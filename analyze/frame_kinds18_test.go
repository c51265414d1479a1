package analyze

import "testing"

// TestFrameKinds18: kinds of fault new users met on outside documents,
// each reproduced with sentences of our own writing (issue 11, frames18).
func TestFrameKinds18(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// e. The vendor's own incident response, described, owes the
		// customer nothing: weak, not met; a duty to investigate stays met.
		{"an on-call team responding to incidents", []string{"Our security team is on call around the clock and responds to security incidents following a documented incident response plan."}, "incident-cooperation", StatusWeak},
		{"a duty to investigate and mitigate", []string{"Provider shall investigate the Security Incident and take reasonable steps to mitigate its effects."}, "incident-cooperation", StatusMet},
	})
}

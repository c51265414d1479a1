package analyze

import "testing"

// TestRecallChangeExitKinds: ways of stating a change of the terms or the
// data at the end of the contract that the engine missed on public
// agreements nobody tuned it on (issue 11), one row per kind, in sentences
// of our own.
func TestRecallChangeExitKinds(t *testing.T) {
	rs := loadRules(t)
	parties := `This Agreement is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`
	checkStatuses(t, rs, []statusCase{
		{
			name:    "a right to change reserved with a parenthesis before its to",
			clauses: []string{parties, "Provider reserves the right, at any time and at its sole discretion, to amend these Terms."},
			rule:    "change-notice", want: StatusWeak,
		},
		{
			name:    "a right to change reserved as rights",
			clauses: []string{parties, "Provider reserve the rights to amend these Terms."},
			rule:    "change-notice", want: StatusWeak,
		},
		{
			name:    "a right to change the terms that notifies the new version by posting it",
			clauses: []string{parties, "Provider may modify these Terms from time to time, informing Customer of each new version by publishing it on its website."},
			rule:    "change-notice", want: StatusWeak,
		},
		{
			name:    "a right to change the terms in the passive, with no one named",
			clauses: []string{parties, "These Terms may be updated from time to time."},
			rule:    "change-notice", want: StatusWeak,
		},
		{
			name:    "an amendment both parties must sign is no right to change",
			clauses: []string{parties, "These Terms may be amended only by a written instrument signed by both parties."},
			rule:    "change-notice", want: StatusMissing,
		},
		{
			name:    "amendments of the terms that take effect when they are posted",
			clauses: []string{parties, "Any amendments to these Terms become effective immediately upon posting on the website."},
			rule:    "change-notice", want: StatusWeak,
		},
		{
			name:    "the end of the contract told by the customer deleting its account",
			clauses: []string{parties, "When Customer deletes its account, Provider will delete Customer Data within 30 days."},
			rule:    "data-return-exit", want: StatusMet,
		},
		{
			name:    "the customer's files removed from the servers when the agreement expires",
			clauses: []string{parties, "When this Agreement expires, Customer files are removed from Provider's servers within 14 days."},
			rule:    "data-return-exit", want: StatusMet,
		},
	})
}

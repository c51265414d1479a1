package analyze

import "testing"

// TestUnseenKinds: sentences of our own writing, each a kind of fault the
// engine made on agreements it had never seen (corpus-l, issue 11).
func TestUnseenKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// A reduced relative clause ("data submitted to X by Y") says what
		// was done to a thing, not what the sentence's party does.
		{"a participle after its noun is no action", []string{"Provider's hosting vendors may store compliance questionnaires submitted to Provider by its customers."}, "audit-rights", StatusMissing},
		{"the same verb as the party's own action", []string{"Provider shall submit to inspections of its facilities by Customer."}, "audit-rights", StatusMet},
		// A perfect inside an acknowledgement recounts a past event.
		{"a past opportunity to inspect is no audit right", []string{"Customer acknowledges that it has relied on its own judgment and that Provider has afforded Customer the opportunity to make inspections of the equipment before delivery."}, "audit-rights", StatusMissing},
		// Where a thing is kept is its state, said by a participle too.
		{"a place in a reduced relative is still data location", []string{"Provider uses only data centres located in the European Union for Customer Data."}, "data-location", StatusMet},
		// A participle whose agent is the vendor is the vendor's act.
		{"a participle with the vendor as agent", []string{"The platform relies on the security measures implemented by Provider for the Services."}, "vendor-security", StatusMet},
		{"affording inspections as a duty", []string{"Provider shall afford Customer the opportunity to make inspections of its data centres."}, "audit-rights", StatusMet},
	})
}

// TestFeatureBulletIsNoDuty: a security page's feature list ("Secure
// session handling") names what the vendor built; its first word is an
// adjective, not an imperative to the reader.
func TestFeatureBulletIsNoDuty(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"an adjective before a noun phrase", []string{"Security features of the platform:", "- Secure session handling (signed cookies)", "- Secure key management for backups"}, "customer-responsibilities", StatusMissing},
		{"the imperative keeps its determiner", []string{"Secure your account credentials and your devices."}, "customer-responsibilities", StatusMet},
	})
}

// TestCoordinatedVerbSharesSubject: "Customer acknowledges that ..., and
// will ..." - the verb after ", and" is the opening party's, not a
// subjectless one.
func TestCoordinatedVerbSharesSubject(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"the acknowledging customer's own duty", []string{"Customer acknowledges that the security measures in Schedule 2 suit its data, and will keep its account passwords confidential."}, "customer-responsibilities", StatusMet},
		{"the acknowledging vendor's own notice", []string{"Provider acknowledges that Customer Data is confidential, and will notify Customer of any Security Incident within 48 hours."}, "breach-notification", StatusMet},
		// A party named inside the "that" clause is not the opener.
		{"no opening party, no shared subject", []string{"It is agreed that the security measures in Schedule 2 suit the data, and will keep account passwords confidential."}, "customer-responsibilities", StatusMissing},
	})
}

// TestPartyRelativeIsNoGrant: "any malware that you may come across"
// qualifies the malware; the customer is granted nothing and bound to
// nothing.
func TestPartyRelativeIsNoGrant(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"a possibility in a relative clause", []string{"We are not liable for any malware, phishing page or stolen password that you may run into while browsing linked sites."}, "customer-responsibilities", StatusMissing},
		// The customer's own "may" is a right, no duty (precision15): the
		// predicate stays (checkPredicates below), the term does not.
		{"the customer's own permission is no duty", []string{"You may change your password and enable two-factor authentication at any time."}, "customer-responsibilities", StatusMissing},
	})
	checkPredicates(t, rs, []predicateCase{
		{"We are not liable for any malware that you may run into.", 1},
		{"Provider agrees that Customer may audit its security controls.", 2},
		{"Customer acknowledges that the measures evolve and that Provider may update them.", 2},
	})
}

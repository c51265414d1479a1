package analyze

import "testing"

// TestCorpusABKinds: the kinds behind the dev half of the blind batch
// corpus-ab (issue 11), each in sentences of our own writing beside one
// that still binds.
func TestCorpusABKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// a. "Customer undertakes that it shall permit Provider to audit":
		// "undertakes that" reports the customer's own promise, its "it"
		// the customer, also where a lead-in is joined to its item; the
		// vendor auditing the customer is no audit right.
		{"the customer undertaking that it lets the vendor audit it is no audit right", []string{"The Client undertakes that it shall permit the Supplier to audit its use of the Platform once a year."}, "audit-rights", StatusMissing},
		{"the same as an item of the customer's lead-in is no audit right", []string{"With respect to its Users, the Client undertakes that: … it will allow the Supplier to audit its use of the Platform and supply any information the Supplier asks for."}, "audit-rights", StatusMissing},
		{"the vendor undertaking that it lets the customer audit still binds", []string{"The Supplier undertakes that it shall permit the Client to audit its compliance with this Agreement."}, "audit-rights", StatusMet},
	})
}

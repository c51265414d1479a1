package analyze

import "testing"

// TestKinds37 holds the kinds the lead found on corpus-x's dev half in
// stop 37, each row a sentence of our own that the build before it read
// wrong.
func TestKinds37(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	checkStatuses(t, rs, []statusCase{
		// A negation before a list of bare verbs governs the last one too:
		// "do not review, certify, or assume responsibility for" denies
		// the responsibility (it is no liability for service providers).
		{"a negation over a verb list", []string{"Lumenbrook does not review, certify, or assume responsibility for any services provided by third parties through the Platform."}, "subprocessors", StatusMissing},
		{"a verb list keeps its subject", []string{"Customer shall not copy, rent, or create derivative works of the Service, and Customer is solely responsible for the security of its passwords."}, "customer-responsibilities", StatusMet},
		// The customer's own policies named as a limit on a use are no
		// books the vendor opens to it.
		{"the customer's policies are no records opened", []string{"Vendor may share the files only as far as the retention policies and procedures of the Client allow."}, "audit-rights", StatusMissing},
		{"the customer's policies, possessive", []string{"Vendor may disclose the data only as the Customer's policies and procedures allow."}, "audit-rights", StatusMissing},
		// The vendor's own providers named by their trade with their names
		// after them are its service providers; the exception to a
		// prohibition on disclosure names who may receive.
		{"named infrastructure providers", []string{"Lumenbrook passes account data only to its infrastructure providers such as Hetzner and Postmark to run the Service."}, "subprocessors", StatusWeak},
		{"the exception names the subcontractors", []string{"Lumenbrook will not disclose account data to any third party, except to its subcontractors bound by written terms no less protective than these."}, "subprocessors", StatusWeak},
	})
}

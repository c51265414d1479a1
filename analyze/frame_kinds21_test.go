package analyze

import "testing"

// TestKinds21 holds the kinds the lead found in stop 29, each row a
// sentence of our own that the build before it read wrong.
func TestKinds21(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	checkStatuses(t, rs, []statusCase{
		// A parenthesis between an entitlement and its "to" (as in
		// "reserves the right, at any time, to"): the right still holds.
		{"entitled, with a parenthesis, to audit", []string{"The Customer is entitled, upon reasonable notice, to inspect the Provider's data processing facilities."}, "audit-rights", StatusMet},
		{"a right, with a parenthesis, to audit", []string{"The Controller has the right, in consultation with the Processor, to audit the Processor's compliance with this Agreement."}, "audit-rights", StatusMet},
		// "for any given client" is an adjective, nothing handed over: a
		// vendor keeping its own records gives the customer no information.
		{"any given is no giving", []string{"The Provider keeps a log of each accepted version in its customer records, so that the text in force can be rebuilt for any given customer."}, "audit-rights", StatusMissing},
		// A list of the schedules appended to the agreement only names
		// them: the term is in the schedule (by reference).
		{"a list of appended schedules points to them", []string{"The following schedules are appended to this Agreement and form part of it:\n- Schedule A. Service levels\n- Schedule C. Data export and termination procedure"}, "data-return-exit", StatusByReference},
		// Quebec's statutory name for a breach.
		{"a confidentiality incident is a breach", []string{"The Supplier will inform the Client within 72 hours of any confidentiality incident involving the personal information it holds for the Client."}, "breach-notification", StatusMet},
	})
}

package analyze

import "testing"

// TestTrial25Kinds: sentences of our own writing, one kind per group, from
// a new user's trial on three outside documents (trial25a), each beside a
// sentence that still shows the term.
func TestTrial25Kinds(t *testing.T) {
	rs := loadRules(t)
	tests := []statusCase{
		// 1. A refusal with a carve-out is no commitment: the "except ...
		// otherwise agreed" lead binds no one to the act.
		{"a refusal to encrypt with a leading carve-out is no security duty", []string{"Except as expressly stated in an order form or otherwise agreed to by Customer and Vendor in writing, Vendor will not encrypt any Customer Data."}, "vendor-security", StatusMissing},
		{"a refusal to encrypt with a trailing carve-out is no security duty", []string{"Provider will not encrypt any Customer Data, except where otherwise agreed to in writing by the parties."}, "vendor-security", StatusMissing},
		{"encryption agreed to still binds", []string{"Vendor agrees to encrypt all Customer Data at rest and in transit."}, "vendor-security", StatusMet},
		// 4. A unilateral right to vary the agreement on notice is change
		// notice, weak.
		{"a right to vary the terms on notice is weak change notice", []string{"The Supplier may on notice vary this Agreement to the extent required to reflect a change in applicable law."}, "change-notice", StatusWeak},
		{"a right to amend the terms upon notice is weak change notice", []string{"Provider may amend these Terms upon notice where a change in law requires it."}, "change-notice", StatusWeak},
		{"assignment on notice is no change notice", []string{"Provider may assign this Agreement upon notice if it undergoes a change of control or a merger."}, "change-notice", StatusMissing},
		{"varying the terms with a period of written notice is met", []string{"Provider may vary these Terms with thirty days written notice to Customer."}, "change-notice", StatusMet},
		// 5. Support response and resolution times are service levels.
		{"response times by severity are service levels", []string{"Vendor will respond to Critical errors within 2 hours and to Minor errors within 24 hours."}, "service-levels", StatusMet},
		{"acknowledging a severity 1 ticket within an hour is a service level", []string{"Provider shall acknowledge each Severity 1 support request within one hour."}, "service-levels", StatusMet},
		{"resolving a billing dispute is no service level", []string{"Provider will resolve any billing dispute with the Customer within thirty days."}, "service-levels", StatusMissing},
		{"responding to a security incident is no service level", []string{"Provider will respond to any Security Incident affecting Customer Data within 24 hours."}, "service-levels", StatusMissing},
	}
	checkStatuses(t, rs, tests)
	// The carve-out's "agreed to" is no predicate of its own (it was read
	// as the binding verb, the encryption borrowed from the refusal).
	checkPredicates(t, rs, []predicateCase{
		{"Except as expressly stated in an order form or otherwise agreed to by Customer and Vendor in writing, Vendor will not encrypt any Customer Data.", 1},
		{"Provider will not encrypt any Customer Data, except where otherwise agreed to in writing by the parties.", 1},
		{"Unless otherwise agreed by the parties, the Supplier will not store backups of Client Content.", 1},
		{"Except as set out in Section 4, Vendor agrees to encrypt all Customer Data at rest.", 1},
	})
}

// TestTrial25Evidence: the clause cited and the clauses listed beside it
// (trial25a). An audit is cited at the clause that grants it, not at the
// customer's duties that condition it (an audit plan to submit, notice to
// give, costs to reimburse); a breach notice is not supported by the
// customer's own duty to notify the vendor.
func TestTrial25Evidence(t *testing.T) {
	rs := loadRules(t)
	audit := []string{
		"Before any audit, the Client must send the Supplier a detailed audit plan stating the scope, duration and start date of the audit.",
		"Where the Supplier's certifications do not sufficiently demonstrate compliance, the Client may audit the Supplier's processing of Client Personal Data on thirty days' notice.",
		"The Client shall reimburse the Supplier for all reasonable expenses associated with any audit.",
	}
	res := run(t, rs, Options{}, audit...)
	f := find(res, "audit-rights")
	if len(f.Evidence) == 0 || f.Evidence[0].Section != "2" || f.Status != StatusWeak {
		t.Errorf("audit-rights %s: evidence %+v, want section 2, weak", f.Status, f.Evidence)
	}
	breach := []string{
		"The Supplier shall notify the Client without undue delay after becoming aware of a Personal Data Breach affecting Client Personal Data.",
		"If the Client decides that a Personal Data Breach must be notified to a supervisory authority or to data subjects, the Client agrees to notify the Supplier in advance and consider its comments.",
	}
	res = run(t, rs, Options{}, breach...)
	f = find(res, "breach-notification")
	if len(f.Evidence) == 0 || f.Evidence[0].Section != "1" {
		t.Fatalf("breach-notification %s: evidence %+v, want section 1", f.Status, f.Evidence)
	}
	for _, e := range f.Evidence[1:] {
		if e.Section == "2" {
			t.Errorf("breach-notification: the customer's duty to notify the vendor is listed as support: %+v", e)
		}
	}
}

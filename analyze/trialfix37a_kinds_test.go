package analyze

import (
	"strings"
	"testing"
)

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

// TestTrialfix37aTermination: the steps the customer takes to close its
// account are no right to terminate, and a right to terminate for
// convenience names no security or regulatory ground (weak, as a general
// breach is).
func TestTrialfix37aTermination(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"how the customer closes its account", []string{"Termination for convenience: if the Client chooses to terminate this Agreement, it is the Client's responsibility to close its workspace from the Billing page of the admin console."}, "termination-rights", StatusMissing},
		{"termination without cause on notice", []string{"Either party may terminate this Agreement without cause on sixty days' written notice."}, "termination-rights", StatusWeak},
		{"termination for any reason", []string{"The Client may terminate this Agreement for any reason by giving the Supplier ninety days' notice."}, "termination-rights", StatusWeak},
	})
	res := run(t, rs, Options{}, "Either party may terminate this Agreement without cause on sixty days' written notice. If the Client chooses to terminate this Agreement, it is the Client's responsibility to close its workspace from the Billing page of the admin console.")
	if f := find(res, "termination-rights"); len(f.Evidence) == 0 || !strings.Contains(f.Evidence[0].Text, "without cause") {
		t.Errorf("termination-rights evidence %+v, want the right without cause, not the steps to close the account", f.Evidence)
	}
}

// TestTrialfix37aUseAfterANoticePeriod: use that goes on after the notice
// period, named back by its length ("after those 45 days"), assents to a
// change the customer was told of: no change without notice. A right to
// change the service "with or without notice" in the same clause is the
// flag quoted; and a verb joined with no subject of its own ("Beta
// Features may not be supported and may be changed without notice")
// keeps its subject's beta features.
func TestTrialfix37aUseAfterANoticePeriod(t *testing.T) {
	rs := loadRules(t)
	res := run(t, rs, Options{}, "The Supplier will notify the Client of material changes to these terms at least 45 days before they take effect. The Client's continued use of the Platform after those 45 days constitutes acceptance of the revised terms.")
	if hasRedFlag(res, "change-notice", "change-without-notice") {
		t.Errorf("use after a 45-day notice flagged as a change without notice: %+v", find(res, "change-notice").RedFlags)
	}
	res = run(t, rs, Options{}, "The Supplier will notify the Client of material changes to these terms at least 45 days before they take effect. The Client's continued use of the Platform after those 45 days constitutes acceptance of the revised terms.\n\nThe Supplier may also alter or withdraw the Platform, or any feature of it, at any time with or without notice.")
	f := find(res, "change-notice")
	if len(f.RedFlags) != 1 || !strings.Contains(f.RedFlags[0].Evidence.Text, "with or without notice") {
		t.Errorf("change-notice flags %+v, want the right to alter the Platform with or without notice", f.RedFlags)
	}
	res = run(t, rs, Options{}, "Beta Features may not be supported and may be changed at any time without notice.")
	if !hasRedFlag(res, "change-notice", "prerelease-change") || hasRedFlag(res, "change-notice", "change-without-notice") {
		t.Errorf("beta features changed without notice: flags %+v, want prerelease-change only", find(res, "change-notice").RedFlags)
	}
}

// TestTrialfix37aSummaryCountsRedFlags: the one-line summary counts the
// red flags, as it counts contradictions.
func TestTrialfix37aSummaryCountsRedFlags(t *testing.T) {
	rs := loadRules(t)
	res := run(t, rs, Options{}, "The Supplier may alter the Platform at any time without notice.")
	if line := res.Line(); !strings.Contains(line, "; 1 red flag;") {
		t.Errorf("summary line %q does not count the red flag", line)
	}
}

// TestTrialfix37aEncryptionBesideADeletion: encryption named in a remark
// beside a deletion at the end ("though copies may persist in encrypted
// backups") is no security measure the vendor binds; encryption stated of
// the data is.
func TestTrialfix37aEncryptionBesideADeletion(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"encrypted backups beside a deletion", []string{"On termination, the Supplier will keep the Client's information only as the law requires and will erase the Client Data within 60 days (though copies may persist in encrypted backups for a further 30 days)."}, "vendor-security", StatusMissing},
		{"the data stored encrypted", []string{"The Supplier will store all Client Data in encrypted form."}, "vendor-security", StatusMet},
	})
}

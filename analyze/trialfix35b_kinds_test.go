package analyze

import (
	"strings"
	"testing"
)

// TestTrialfix35bKinds: kinds a new user found on a shared-corpus cloud
// service agreement (new-user trial 34), reproduced with sentences of our
// own writing.
func TestTrialfix35bKinds(t *testing.T) {
	rs := loadRules(t)
	// Deletion at the end is the term (corpus/README.md: "return, export
	// or delete"), but the note must say what the clause left out in
	// words that cannot be read as what it states: no return or export.
	res := run(t, rs, Options{}, "When this Agreement expires, the Supplier will erase the Client Data within 45 days of the Client's written request.")
	f := find(res, "data-return-exit")
	if f.Status != StatusMet {
		t.Errorf("deletion at the end: %s, want met", f.Status)
	}
	notes := strings.Join(f.Notes, " | ")
	if !strings.Contains(notes, "not stated: the data returned or made available for export when the agreement ends") {
		t.Errorf("deletion only: the note does not say the data is neither returned nor exported: %q", notes)
	}
	if strings.Contains(notes, "returned or exported on request, not tied") {
		t.Errorf("deletion only: the note reads as if a return on request were stated: %q", notes)
	}
	// A return at the end, with no deletion said: the note names the
	// deletion as what is left out.
	res = run(t, rs, Options{}, "When this Agreement ends the Supplier shall hand back all Client Data to the Client in CSV format.")
	f = find(res, "data-return-exit")
	if notes := strings.Join(f.Notes, " | "); f.Status != StatusMet || !strings.Contains(notes, "the data deleted when the agreement ends") {
		t.Errorf("return only: %s, notes %q; want met, the deletion named as not stated", f.Status, notes)
	}
}

// TestTrialfix35bFlagTitles: a red flag's title says what kind of sentence
// it quotes. A promise withheld of an outcome ("no warranty that it will
// always be secure") is no disclaimer of security duties; a right to
// change beta or preview features without notice is no right to change the
// terms or the service as a whole (still a weak change notice: the
// corpus labels it so).
func TestTrialfix35bFlagTitles(t *testing.T) {
	rs := loadRules(t)
	flagged := func(rule, id string, clauses ...string) *Result {
		t.Helper()
		res := run(t, rs, Options{}, clauses...)
		if !hasRedFlag(res, rule, id) {
			var got []string
			for _, fl := range find(res, rule).RedFlags {
				got = append(got, fl.ID)
			}
			t.Errorf("%s: flags %v, want %s on %q", rule, got, id, clauses)
		}
		return res
	}
	flagged("vendor-security", "security-no-guarantee", "The Supplier does not warrant that the Platform will be free of vulnerabilities or always secure.")
	flagged("vendor-security", "security-no-guarantee", "The Supplier makes no warranty that the Hosted Service will remain secure from every intrusion.")
	flagged("vendor-security", "security-disclaimer", "The Supplier has no responsibility for the security of the Client Data.")
	res := flagged("change-notice", "prerelease-change", "Preview Features are experimental, and the Supplier may alter or withdraw them without notice.")
	if f := find(res, "change-notice"); f.Status != StatusWeak {
		t.Errorf("beta changed without notice: %s, want weak", f.Status)
	}
	flagged("change-notice", "prerelease-change", "Early access releases may be changed or discontinued by the Supplier without prior notice to the Client.")
	flagged("change-notice", "change-without-notice", "The Supplier may alter the Platform at any time without notice.")
}

// TestTrialfix35bTermination: a general right to terminate for breach is
// no security or regulatory ground; it is a part of the term (weak), where
// a breach of the security duties, a regulator or any ground at all meets
// it.
func TestTrialfix35bTermination(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"termination for any material breach", []string{"Either party may end this Agreement by written notice if the other party commits a material breach and fails to remedy it within 30 days."}, "termination-rights", StatusWeak},
		{"termination for a breach of the obligations", []string{"The Client may terminate this Agreement if the Supplier breaches any of its obligations under it and does not cure the breach."}, "termination-rights", StatusWeak},
		{"termination for a breach of the security duties", []string{"The Client may terminate this Agreement immediately if the Supplier materially breaches its data security obligations."}, "termination-rights", StatusMet},
		{"termination for convenience", []string{"The Client may terminate this Agreement for convenience on 30 days' written notice."}, "termination-rights", StatusWeak},
	})
}

// TestTrialfix35bMatrixBoilerplate: boilerplate (a remedies limitation,
// an entire-agreement clause, a confidentiality disclosure permission)
// assigns no CCM domain, though its words brush one (restoring, a
// supplier's portal, employees); a clause that names the domain's subject
// as its own still does.
func TestTrialfix35bMatrixBoilerplate(t *testing.T) {
	rs := loadRules(t)
	for _, c := range []struct{ name, md, domain string }{
		{"remedies", "# Hosting Terms\n\n## Warranty Remedy\n\nThe Supplier's duty to restore the affected feature and the Client's right to a refund are the Client's sole and exclusive remedies for a breach of this warranty.\n", "BCR"},
		{"entire agreement", "# Hosting Terms\n\n## Whole Agreement\n\nThis Agreement is the entire agreement between the parties, and no terms printed on any Client purchase order or supplier registration portal will bind the Client's use of the Platform.\n", "STA"},
		{"confidentiality", "# Hosting Terms\n\n## Confidential Information\n\nA receiving party may share the other party's Confidential Information with its employees and advisers who need to know it, and it shall remain responsible for their compliance with this Section.\n", "HRS"},
	} {
		for _, row := range runMarkdown(t, rs, c.md).Matrix {
			if row.Domain == c.domain && row.AgreementOwner != OwnerUnassigned {
				t.Errorf("%s: %s owned by %s from boilerplate", c.name, c.domain, row.AgreementOwner)
			}
		}
	}
	// A duty that names the domain's subject keeps it.
	md := "# Hosting Terms\n\n## Continuity\n\nThe Supplier shall back up the Client Data daily and restore it within 24 hours of a failure.\n"
	for _, row := range runMarkdown(t, rs, md).Matrix {
		if row.Domain == "BCR" && row.AgreementOwner != OwnerVendor {
			t.Errorf("BCR: %s, want the vendor's backup duty", row.AgreementOwner)
		}
	}
}

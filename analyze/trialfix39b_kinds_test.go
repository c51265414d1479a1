package analyze

import (
	"strings"
	"testing"
)

// Kinds of fault of new-user trial 39 (a short BAA), reproduced with
// sentences of our own writing.

// baa39 is a short business associate agreement around one clause.
func baa39(clause string) string {
	return "# Business Associate Agreement\n\nThe Business Associate provides scheduling services to the Covered Entity.\n\n## 1. Terms\n\n" + clause + "\n"
}

// TestTrialfix39bStatedTermIsAssessed: a BAA's kind does not carry data
// location or an allocation of responsibilities, but where its text states
// them ("all processing occurs on the customer's own servers"; "this
// Agreement sets out each party's responsibilities for the data") the term
// is assessed, weak, not set apart as not covered by the documents sent.
func TestTrialfix39bStatedTermIsAssessed(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ rule, sentence, want string }{
		{"data-location", "All PHI is processed solely on servers owned and operated by the Covered Entity.", StatusWeak},
		{"data-location", "Patient records are processed exclusively within the Client's own environment.", StatusWeak},
		{"data-location", "All booking software runs on Customer-provided virtual machines.", StatusWeak},
		{"responsibility-allocation", "This Agreement sets out the responsibilities of each party for protecting Protected Health Information.", StatusWeak},
		{"responsibility-allocation", "This Addendum defines the security responsibilities of both parties for the hosted service.", StatusMet},
		// The text silent: the kind's default stands.
		{"data-location", "The Covered Entity may host the software on its own servers.", StatusNotCovered},
		{"responsibility-allocation", "This Agreement sets forth the entire rights and responsibilities of the parties with respect to its subject matter.", StatusNotCovered},
	} {
		if got := finding(runMarkdown(t, rs, baa39(tc.sentence)), tc.rule).Status; got != tc.want {
			t.Errorf("%s: %s %s, want %s", tc.sentence, tc.rule, got, tc.want)
		}
	}
}

// TestTrialfix39bVendorOnLabelledLine: a cover page's vendor label alone on
// its line ("Service Provider:") names the vendor on the line under it,
// as the same label and name on one line do.
func TestTrialfix39bVendorOnLabelledLine(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ block, want string }{
		// The person who signs gives way to the company in brackets (issue 11).
		{"Service Provider:\nPriya Ramaswamy\n(Lantern Scheduling)", "Lantern Scheduling"},
		{"Provider:\n\nLantern Scheduling", "Lantern Scheduling"},
		{"Business Associate (Provider):\nHalden Route Systems", "Halden Route Systems"},
		{"Service Provider:\nAuthorized Signatory:\n______", ""},
	} {
		md := "# Business Associate Agreement\n\nThis Agreement is entered into between:\n\nClient (Covered Entity):\n______\n\nAND\n\n" + tc.block + "\n\nEffective Date: ______\n\n## 1. Safeguards\n\nThe Business Associate shall encrypt PHI in transit.\n"
		if got := runMarkdown(t, rs, md).Vendor; got != tc.want {
			t.Errorf("%q: vendor %q, want %q", tc.block, got, tc.want)
		}
	}
}

// TestTrialfix39bCustomerEnvironmentNoVendorAloneWarning: a sentence that
// keeps all processing on the customer's own servers gives the data
// domain to the customer, so the matrix does not warn that it falls on the
// vendor alone; where a warning stays, it names the section it was read
// from.
func TestTrialfix39bCustomerEnvironmentNoVendorAloneWarning(t *testing.T) {
	rs := loadRules(t)
	for _, sentence := range []string{
		"All patient records are processed solely on servers owned and operated by the Covered Entity.",
		"All booking software runs on Customer-provided virtual machines.",
	} {
		res := runMarkdown(t, rs, baa39(sentence+" The Business Associate shall avoid writing PHI to its debugging logs."))
		for _, row := range res.Matrix {
			if row.Domain == "DSP" && row.AgreementOwner == OwnerVendor {
				t.Errorf("%s: DSP on the vendor alone (%s)", sentence, row.Surprise)
			}
		}
	}
	res := runMarkdown(t, rs, baa39("The Business Associate shall avoid writing PHI to its debugging logs."))
	for _, row := range res.Matrix {
		if row.Surprise != "" && !strings.Contains(row.Surprise, "read from section 1") {
			t.Errorf("%s: warning %q names no source", row.Domain, row.Surprise)
		}
	}
}

package analyze

import (
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestDocs49BAACarriesTermination: HIPAA requires a BAA to let the covered
// entity terminate it if the business associate violates a material term
// (45 CFR 164.504(e)(2)(iii)), so a BAA sent alone without that right
// leaves termination-rights missing, not "not covered" (new user 50,
// issue 11; our own sentences).
func TestDocs49BAACarriesTermination(t *testing.T) {
	for _, tc := range []struct {
		name    string
		clauses []string
		want    string
	}{
		{"a BAA with no right to terminate", []string{
			"Business Associate shall notify Covered Entity of any Breach of Unsecured PHI within ten days of discovery.",
			"Upon termination of services, Business Associate will disable all user logins and stop processing PHI.",
		}, StatusMissing},
		{"a BAA that ends with the services", []string{
			"Business Associate shall use appropriate safeguards to prevent any use of PHI not provided for by this Agreement.",
			"This Agreement remains in force for as long as Business Associate holds PHI received from Covered Entity.",
		}, StatusMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runDocs(t, Inputs{Agreements: []*extract.Agreement{titled("baa.md", "Business Associate Agreement", tc.clauses...)}})
			if k := res.Inputs[0].DocKind; k == nil || k.Kind != "baa" {
				t.Fatalf("document kind %+v, want baa", k)
			}
			if got := finding(res, "termination-rights").Status; got != tc.want {
				t.Errorf("termination-rights: got %s, want %s", got, tc.want)
			}
		})
	}
}

// TestDocs49SignatoryIsNoVendor: a person's name under the vendor's label
// is the one who signs, not the vendor, when the block names the company:
// in brackets on the name's line or the next, or in a company field (new
// user 50, issue 11; our own sentences). A company's own other name in
// brackets ("Fernwick (Fernwick Cloud)") is no person's gloss.
func TestDocs49SignatoryIsNoVendor(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name    string
		clauses []string
		vendor  string
	}{
		{"a person over the company in brackets", []string{
			"# Business Associate Agreement",
			"This Agreement is entered into between:\n\nClient (Covered Entity):\n____________\n\nService Provider:\nPriya Nandakumar\n(Tesselate Labs)\n\nEffective Date: ________",
			"Business Associate shall report to Covered Entity any Breach of Unsecured PHI.",
		}, "Tesselate Labs"},
		{"a person and the company in brackets on one line", []string{
			"# Services Agreement",
			"Service Provider:\nOwen Castellanos (Brightwater Robotics)\n\nClient:\n____________",
			"The Service Provider shall encrypt all Client data at rest.",
		}, "Brightwater Robotics"},
		{"a person over a company field", []string{
			"# Services Agreement",
			"The Service Provider shall encrypt all Client data at rest.",
			"Service Provider: Owen Castellanos\nSignature: ____________\nCompany: Brightwater Robotics\n\nClient: ____________\nSignature: ____________",
		}, "Brightwater Robotics"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if res := run(t, rs, Options{}, tc.clauses...); res.Vendor != tc.vendor {
				t.Errorf("vendor %q, want %q", res.Vendor, tc.vendor)
			}
		})
	}
}

// TestDocs49SOC2Claim: "maintains SOC 2 Type II" states a report exists
// and no duty to share it: security-reports stays missing, with a note
// that says so and where (new user 49, issue 11; our own sentences).
func TestDocs49SOC2Claim(t *testing.T) {
	rs := loadRules(t)
	for _, s := range []string{
		"Quillmark holds an ISO/IEC 27001 certification for its hosting operations.",
		"The Supplier has completed a SOC 2 Type II audit of the platform.",
	} {
		res := run(t, rs, Options{}, "The Supplier shall encrypt Client Data at rest.", s)
		f := find(res, "security-reports")
		if f.Status != StatusMissing || len(f.Notes) == 0 || !strings.Contains(f.Notes[0], "no clause gives the customer a copy") {
			t.Errorf("%s: %s, notes %q; want missing with the note on a claimed report", s, f.Status, f.Notes)
		}
	}
}

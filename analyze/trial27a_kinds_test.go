package analyze

import (
	"context"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestTrial27aKinds: sentences of our own writing from a new user's trial on
// one vendor's three outside documents (trial27a), each beside one that still
// shows the term.
func TestTrial27aKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// 1. A passive statement of how something is stored is no customer duty.
		{"passive storage of a third party's keys", []string{"These Terms are between Zentrova Labs (\"Zentrova\") and the customer.", "Model vendor credentials are encrypted for storage and are not shown through the listing endpoints."}, "customer-responsibilities", StatusMissing},
		{"passive storage of integration tokens", []string{"Integration tokens are encrypted at rest and are never displayed through the export endpoints."}, "customer-responsibilities", StatusMissing},
		{"the customer keeping its keys secret", []string{"Customer shall keep its account credentials confidential."}, "customer-responsibilities", StatusMet},
		// 2. A severity-definition table row is no duty of anyone.
		{"a severity definition row", []string{"Severity | Meaning | First response\nSev 1 | Platform down for all Customer users, a confirmed security breach, or ongoing loss of protected data | 2 hours\nSev 2 | Major: an important function is impaired for many users | 8 hours"}, "customer-responsibilities", StatusMissing},
		{"the customer reporting outages", []string{"Customer must report any suspected unauthorised access to its account to Provider without delay."}, "customer-responsibilities", StatusMet},
		// 3. A customer's right to request reports binds the vendor.
		{"customer may request independent reports if available", []string{"Once a year, Customer may ask for Provider's security policies and the latest independent reports, where available."}, "security-reports", StatusWeak},
		{"customer may request external auditors' reports", []string{"Customer may request copies of the external auditors' reports on the Service."}, "security-reports", StatusMet},
		{"customer may request documentation and reports if available", []string{"Each year, Customer may request up-to-date security documentation, a filled-in questionnaire and relevant third-party assessment reports if available."}, "security-reports", StatusWeak},
		{"customer may request the SOC 2 report", []string{"Customer may request a copy of Provider's most recent SOC 2 Type II report."}, "security-reports", StatusMet},
		// 6. Remaining responsible for one's own obligations is no flow-down.
		{"responsible for its own obligations beside third-party services", []string{"Third-party services the Customer connects are governed by their own terms; Provider is not responsible for them, but remains responsible for its own processing obligations under this Agreement."}, "subprocessors", StatusMissing},
		{"responsible for its subprocessors", []string{"Provider remains fully responsible for the acts and omissions of its subprocessors."}, "subprocessors", StatusWeak},
		// 9. A commitment that also links to a page is the vendor's own word.
		{"measures maintained and published at a URL", []string{"We maintain appropriate technical and organisational measures to protect Customer Data and publish a summary of them at https://example.org/security."}, "vendor-security", StatusMet},
		{"measures only as described at a URL", []string{"Our security measures are described at https://example.org/security."}, "vendor-security", StatusByReference},
	})
}

// TestChangeFlagReadsNextSentence: "We may revise these Terms" is no change
// without notice when the next sentence of its clause gives notice of the
// changes that matter (trial27a, sentences of our own writing).
func TestChangeFlagReadsNextSentence(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, clause string
		flag         bool
		want         string
	}{
		{"notice in the next sentence", "We may revise these Terms from time to time. Changes that would materially reduce the Service will receive reasonable prior notice and apply only going forward.", false, StatusMet},
		{"notice given in the next sentence", "We may revise these Terms from time to time. We will give you 30 days' notice of any material change by e-mail.", false, StatusMet},
		{"no notice in the clause", "We may revise these Terms from time to time. The revised Terms apply from the date they are posted.", true, ""},
		{"notice of something else", "We may revise these Terms from time to time. Either party may terminate on 30 days' written notice.", true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, rs, Options{}, "These Terms are between Zentrova Labs (\"we\") and you.", tc.clause)
			flagged := false
			for _, s := range redFlagSections(res) {
				if s == "change-notice §2" {
					flagged = true
				}
			}
			if flagged != tc.flag {
				t.Errorf("change-notice red flag on §2: %v, want %v", flagged, tc.flag)
			}
			if tc.want != "" {
				if got := status(res, "change-notice"); got != tc.want {
					t.Errorf("change-notice: got %s, want %s", got, tc.want)
				}
			}
		})
	}
}

// TestVendorNameEndsBeforePlace: a party described by its city, region and
// country ("Velmora Systems, Pune, Maharashtra, India") is named without
// them (trial27a, names of our own invention).
func TestVendorNameEndsBeforePlace(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name    string
		clauses []string
		vendor  string
	}{
		{"city, state and country after the name", []string{
			"Terms of Service",
			`These Terms govern access to the Tallowfin service. Tallowfin is operated by Velmora Systems, Pune, Maharashtra, India ("Tallowfin", "we" or "us").`,
			"We shall notify you of a security incident affecting your data without undue delay.",
		}, "Velmora Systems"},
		{"city and country after a legal form with a comma", []string{
			"Terms of Service",
			`These Terms are offered by Quorrel Co., Ltd., Busan, Korea ("Quorrel", "we").`,
			"We shall notify you of a security incident affecting your data without undue delay.",
		}, "Quorrel Co., Ltd."},
		{"incorporated under a law", []string{
			"Terms of Service",
			`These Terms are offered by Hallowmere Analytics, a company incorporated under the laws of Ireland with its registered office in Cork ("Hallowmere", "we").`,
			"We shall notify you of a security incident affecting your data without undue delay.",
		}, "Hallowmere Analytics"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, rs, Options{}, tc.clauses...)
			if res.Vendor != tc.vendor {
				t.Errorf("vendor %q, want %q", res.Vendor, tc.vendor)
			}
		})
	}
}

// TestVendorAcrossDocuments: one vendor's documents in one folder, one by
// its trade name, one by its legal name, one linking the two, name one
// company by its legal name; documents that name two companies with no link
// say so instead of naming none (trial27a, names of our own invention).
func TestVendorAcrossDocuments(t *testing.T) {
	rs := loadRules(t)
	doc := func(path string, clauses ...string) *extract.Agreement {
		a := agreement(clauses...)
		a.Path = path
		return a
	}
	sla := doc("sla.md", "Tallowfin Service Level Agreement", "Tallowfin will make the hosted service available 99.9% of each month.", "Tallowfin will credit 5% of the monthly fee for each hour below that target.")
	dpa := doc("dpa.md", "Data Processing Addendum", `This Addendum forms part of the Agreement between the Customer and Velmora Systems, operating Tallowfin ("Processor").`, "Processor shall notify Customer of a Personal Data Breach without undue delay.")
	tos := doc("tos.md", "Terms of Service", `These Terms govern the Tallowfin service. Tallowfin is operated by Velmora Systems ("Tallowfin", "we" or "us").`, "We shall notify you of a security incident affecting your data without undue delay.")
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{sla, dpa, tos}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Vendor != "Velmora Systems" || res.VendorSource != VendorFromAgreement {
		t.Errorf("vendor %q (%s), want Velmora Systems from the agreements", res.Vendor, res.VendorSource)
	}
	other := doc("other.md", "Terms of Service", `These Terms are offered by Quorrelby Analytics ("Quorrelby", "we").`, "We shall notify you of a security incident affecting your data without undue delay.")
	res, err = Run(context.Background(), Inputs{Agreements: []*extract.Agreement{sla, other}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Vendor != "" || res.VendorSource != VendorDiffers || strings.Join(res.VendorNames, "; ") != "Tallowfin; Quorrelby Analytics" {
		t.Errorf("vendor %q (%s, %q), want none, the documents differing: Tallowfin; Quorrelby Analytics", res.Vendor, res.VendorSource, res.VendorNames)
	}
}

package analyze

import (
	"context"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestVendorNeverCustomerSideTerm (trial28a): a term the agreement defines
// for the customer's side ("Users", "Members", "Customers") is never the
// vendor's name, and a legal name defined by the vendor's pronouns without
// quotes ("Acme Pty Ltd (we, us or our)") names the vendor.
func TestVendorNeverCustomerSideTerm(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name    string
		clauses []string
		vendor  string
	}{
		{
			name: "users defined beside the vendor's unquoted pronouns",
			clauses: []string{
				"Marketplace Terms and Conditions",
				"1.1 These terms (Terms) are entered into between Brindlecot Holdings Pty Ltd ABN 12 345 678 901 (we, us or our) and you, together the Parties.",
				"1.2 We provide a platform where Sellers (Sellers) and Users (Users) can connect and trade.",
				"1.3 Users may cancel their membership at any time.",
				"1.4 We will notify you of changes to these Terms by email.",
			},
			vendor: "Brindlecot Holdings Pty Ltd",
		},
		{
			name: "users defined in a sentence that defines the platform after them",
			clauses: []string{
				"Marketplace Terms and Conditions",
				"1.1 These terms (Terms) are entered into between Brindlecot Holdings Pty Ltd ABN 12 345 678 901 (we, us or our) and you, together the Parties and each a Party.",
				"1.2 We provide a platform where Sellers (Sellers ), corporate Buyers (Buyers) and Users (Users) can connect and trade (Tradehub Platform).",
				"1.3 The Tradehub Platform will perform in a manner consistent with its description.",
				"1.4 You must not use the Tradehub Platform to harass any other person.",
			},
			vendor: "Brindlecot Holdings Pty Ltd",
		},
		{
			name: "the same without the pronouns: the platform's name, never Users",
			clauses: []string{
				"Marketplace Terms and Conditions",
				"1.2 We provide a platform where Sellers (Sellers ), corporate Buyers (Buyers) and Users (Users) can connect and trade (Tradehub Platform).",
				"1.3 The Tradehub Platform will perform in a manner consistent with its description.",
				"1.4 You must not use the Tradehub Platform to harass any other person.",
			},
			vendor: "Tradehub Platform",
		},
		{
			name: "members defined, the vendor named by no definition: no vendor",
			clauses: []string{
				"Club Terms",
				"1.1 Members (Members) may book courts through the app.",
				"1.2 Members shall keep their password secret.",
				"1.3 We may change these terms by notice to you.",
			},
			vendor: "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, rs, Options{}, tc.clauses...)
			if res.Vendor != tc.vendor {
				t.Errorf("vendor %q, want %q", res.Vendor, tc.vendor)
			}
		})
	}
}

// TestPointerAtUnreadPart (trial28a): a vendor bound only to "comply with
// Exhibit B", whose Exhibit B the reader could not read (page images), is
// by-reference for the term the exhibit's title names, with the reader's
// warning in the note; other terms stay missing, and a pointer at a part
// that was read changes nothing.
func TestPointerAtUnreadPart(t *testing.T) {
	rs := loadRules(t)
	a := agreement(
		"The Supplier shall host the ordering platform for the Client.",
		"The Supplier shall comply with Exhibit B during the term.",
		"This Agreement includes: Exhibit A – Pricing; Exhibit B – Client Information Protection Standards.",
		"Exhibit B",
	)
	a.Clauses[1].Heading = "DATA SECURITY"
	a.Clauses[3].ID = "Exhibit B"
	warn := "§Exhibit B holds 4 images and no text around them: images " + extract.UnreadImagesWarning
	a.ImageParts = []extract.ImagePart{{Clause: "Exhibit B", Place: "§Exhibit B", Images: 4}}
	a.Warnings = []string{warn}
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		switch f.Rule {
		case "vendor-security":
			if f.Status != StatusByReference || len(f.Evidence) == 0 || !strings.Contains(f.Evidence[len(f.Evidence)-1].Note, warn) {
				t.Errorf("vendor-security %s %+v, want by-reference citing the warning", f.Status, f.Evidence)
			}
		case "breach-notification", "audit-rights":
			if f.Status != StatusMissing {
				t.Errorf("%s %s, want missing", f.Rule, f.Status)
			}
		}
	}
	a.ImageParts, a.Warnings = nil, nil
	if got := status(run(t, rs, Options{}, "The Supplier shall comply with Exhibit B during the term.", "Exhibit B"), "vendor-security"); got != StatusMissing {
		t.Errorf("read part: vendor-security %s, want missing", got)
	}
}

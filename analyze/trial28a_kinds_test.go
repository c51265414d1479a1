package analyze

import "testing"

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

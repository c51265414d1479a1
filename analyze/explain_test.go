package analyze

import "testing"

// TestExplainOwner holds the one-line explanation of a met finding to its
// owner: a vendor's term is bound by the agreement; a customer's own duty is
// put on the customer, its actor named once.
func TestExplainOwner(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		clause, rule, want string
	}{
		{"The Supplier shall notify the Customer of any Security Incident without undue delay and in any event within 48 hours.", "breach-notification",
			`the agreement binds this term in section 2 (the vendor "shall")`},
		{"The Customer must keep its passwords confidential and is responsible for configuring the access controls of its own users.", "customer-responsibilities",
			`the agreement puts this duty on the customer in section 2 ("must")`},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			res := run(t, rs, Options{}, "This Agreement is between Acme Cloud Ltd (\"Supplier\") and Beta Corp (\"Customer\").", tt.clause)
			for _, f := range res.Findings {
				if f.Rule != tt.rule {
					continue
				}
				if f.Status != StatusMet || f.Explanation != tt.want {
					t.Errorf("%s: %s %q, want met %q", tt.rule, f.Status, f.Explanation, tt.want)
				}
				return
			}
			t.Fatalf("no finding for %s", tt.rule)
		})
	}
}

package analyze

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRedFlagDeleteAtWill: a vendor's permission to delete the customer's
// data at its will (on suspension, termination or inactivity), with no
// return or export first, works against data return; de-identifying the
// data or removing unlawful content costs the customer nothing (trial25c,
// sentences of our own writing).
func TestRedFlagDeleteAtWill(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name, clause string
		want         []string
	}{
		{"deletion at will on suspension",
			"If the Customer's account is suspended, the Provider may erase the account and all Customer Data stored in it.", []string{"data-return-exit §2"}},
		{"de-identification",
			"The Provider may de-identify Customer Data in line with applicable law.", nil},
		{"unlawful content removed",
			"The Provider may remove or delete any unlawful Customer Data from the Service.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, rs, Options{}, "This Agreement is between Acme Cloud Ltd (the \"Provider\") and Beta Corp (the \"Customer\").", tt.clause)
			var got []string
			for _, s := range redFlagSections(res) {
				if len(s) > 16 && s[:16] == "data-return-exit" {
					got = append(got, s)
				}
			}
			if !cmp.Equal(got, tt.want) {
				t.Errorf("red flags %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRedFlagTransferWithoutConsent: the vendor's right to move the data
// to third countries without the customer's consent or notice works
// against the location term; a prohibition with that condition does not
// (trial25c, sentences of our own writing).
func TestRedFlagTransferWithoutConsent(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name, clause string
		want         []string
	}{
		{"transfer abroad without consent",
			"The Provider may transfer Customer Data to third-party countries without the Customer's prior approval.", []string{"data-location §2"}},
		{"no transfer abroad without consent",
			"The Provider shall not transfer Customer Data to third countries without the Customer's prior written consent.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, rs, Options{}, "This Agreement is between Acme Cloud Ltd (the \"Provider\") and Beta Corp (the \"Customer\").", tt.clause)
			var got []string
			for _, s := range redFlagSections(res) {
				if len(s) > 13 && s[:13] == "data-location" {
					got = append(got, s)
				}
			}
			if !cmp.Equal(got, tt.want) {
				t.Errorf("red flags %q, want %q", got, tt.want)
			}
		})
	}
}

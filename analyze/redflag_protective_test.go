package analyze

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRedFlagNotOnProtectiveProhibition: a prohibition with a notice or
// consent condition forbids what a red flag warns of, so it raises none;
// the permission itself still does.
func TestRedFlagNotOnProtectiveProhibition(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name, clause string
		want         []string
	}{
		{"no change that lowers protection without notice",
			"The Provider will not make changes that materially decrease the protection of Customer Data without prior notice to the Customer.", nil},
		{"no change of the service without notice",
			"The Provider shall not change the Services without notice to the Customer.", nil},
		{"a right to change without notice",
			"The Provider may change the Services at any time without notice to the Customer.", []string{"change-notice §2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, rs, Options{}, "This Agreement is between Acme Cloud Ltd (the \"Provider\") and Beta Corp (the \"Customer\").", tt.clause)
			if got := redFlagSections(res); !cmp.Equal(got, tt.want) {
				t.Errorf("red flags %q, want %q", got, tt.want)
			}
		})
	}
}

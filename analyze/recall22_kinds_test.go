package analyze

import (
	"context"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestRecall22Kinds: dev misses of stop 30, each kind in sentences of our
// own writing beside one that must stay as it is.
func TestRecall22Kinds(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name, lead string
		items      []string
		rule, want string
		section    string // the cited section's prefix, "" for none
		quote      string // words the quote must hold, "" for none
	}{
		// a. An inline enumeration that goes on with its head's sentence:
		// "the Supplier shall give the Client reasonable help (a) in the
		// event of ..., (b) to ...". The head is each item's actor and
		// verb (dev dpa-mistral, GDPR Art. 28(3)(f) and 36 assistance).
		{"assistance in the event of an inquiry by a supervisory authority", "The Supplier shall give the Client reasonable and prompt help", []string{"in the event of an inquiry by a supervisory authority into the processing,", "to carry out an impact assessment of the processing."}, "regulator-cooperation", StatusMet, "4.3", "inquiry by a supervisory authority"},
		{"assistance in case of a consultation of the authority", "Vendor will give Customer such help as it reasonably needs", []string{"to prepare its records of processing,", "in case of a prior consultation with a supervisory authority."}, "regulator-cooperation", StatusMet, "4.3", "prior consultation"},
		// Items that are sentences of their own keep their own actor: the
		// customer's duties stay the customer's.
		{"items with their own modal are read alone", "The parties note the following", []string{"for the avoidance of doubt, the Client shall answer any inquiry by a supervisory authority itself,", "for clarity, the Client may keep its own records."}, "regulator-cooperation", StatusMissing, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := itemsAgreement("4.3", tc.lead, tc.items)
			res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			f := finding(res, tc.rule)
			if f == nil {
				t.Fatalf("%s: no finding", tc.rule)
			}
			if f.Status != tc.want {
				t.Fatalf("%s: got %s, want %s", tc.rule, f.Status, tc.want)
			}
			if tc.section == "" {
				return
			}
			if len(f.Evidence) == 0 {
				t.Fatalf("%s: no evidence", tc.rule)
			}
			if got := f.Evidence[0].Section; !strings.HasPrefix(got, tc.section) {
				t.Errorf("%s: section %q, want %q", tc.rule, got, tc.section)
			}
			if got := f.Evidence[0].Text; !strings.Contains(got, tc.quote) {
				t.Errorf("%s: quote %q lacks %q", tc.rule, got, tc.quote)
			}
		})
	}
}

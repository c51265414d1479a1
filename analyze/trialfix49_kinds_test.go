package analyze

import "testing"

// TestTrialfix49PlacePointer: a place named in the sentence before and
// taken up by a pointer ("these locations", "those countries", "such
// regions") is the place of the data (new-user trial 49, issue 11; our own
// sentences). With no place before, the pointer names none.
func TestTrialfix49PlacePointer(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{
			name:    "those countries, named the sentence before",
			clauses: []string{"Our support staff work from Canada and Ireland. Customer Data may be accessed from those countries to deliver the Services."},
			rule:    "data-location", want: StatusWeak,
		},
		{
			name:    "such countries, named the sentence before",
			clauses: []string{"The Vendor's engineers are based in Australia and Singapore. Client Data may be processed in such countries when they give support."},
			rule:    "data-location", want: StatusWeak,
		},
		{
			name:    "no place before the pointer",
			clauses: []string{"Our support staff work from home on some days. Customer Data may be accessed from those locations to deliver the Services."},
			rule:    "data-location", want: StatusMissing,
		},
	})
}

package analyze

import "testing"

// TestPredicateActor checks who acts in the first predicate of a sentence,
// read on its own (no defined names).
func TestPredicateActor(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name, sentence string
		want           Party
	}{
		{"passive: the other party acts", "Customer will be notified within 24 hours.", PartyVendor},
		{"passive with its agent", "The Customer will be notified by Provider within 24 hours.", PartyVendor},
		{"a subject that names its agent", "Any transfer of data by the Provider shall be undertaken only with consent.", PartyVendor},
		// The vendor only as the agent of a participle in the subject: the
		// subject is a thing it did, and the passive names no actor.
		{"a thing the vendor did, described", "The technical measures implemented by Provider are listed in Annex 2 of this Agreement.", PartyUnknown},
		{"a thing the vendor did, bound", "The safeguards adopted by Provider shall be reviewed every year.", PartyUnknown},
		{"a thing the customer gave", "Personal data supplied by Customer shall be erased after termination.", PartyUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := buildFrame("", tc.sentence, rs.Vocabulary, nil, nil)
			if len(f.preds) == 0 {
				t.Fatalf("no predicate in %q", tc.sentence)
			}
			if got := f.preds[0].actor; got != tc.want {
				t.Errorf("actor %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRelativeClauseNoPredicate checks that a relative clause of a thing
// ("which may ...", "where more information can be obtained") is no
// predicate of its own, while a clause after a verb keeps its own.
func TestRelativeClauseNoPredicate(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		sentence string
		want     int
	}{
		{"Such notice shall name a contact point where more information can be obtained.", 1},
		{"Provider shall notify Customer of any change to the Service which may reduce its security.", 1},
		{"Provider shall report any event that could affect Customer Data.", 1},
		{"Customer agrees that it may not resell the Service.", 2},
		{"Provider shall notify Customer, and Customer may object within ten days.", 2},
	}
	for _, tc := range tests {
		f := buildFrame("", tc.sentence, rs.Vocabulary, nil, nil)
		if got := len(f.preds); got != tc.want {
			t.Errorf("%q: %d predicates, want %d", tc.sentence, got, tc.want)
		}
	}
}

package analyze

import "testing"

// TestRegulatorKinds19p: a regulator named only in an exception of another
// duty, and the customer's act the vendor may require at an authority's
// request, are no regulator cooperation; an audit by the authority stays
// one. Sentences of our own.
func TestRegulatorKinds19p(t *testing.T) {
	rs := loadRules(t)
	party := `This Agreement is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`
	checkStatuses(t, rs, []statusCase{
		{
			name: "a regulator in the exception of an audit frequency cap",
			clauses: []string{party, "No more than twice in any year (unless required more often by a supervisory authority or following a Data Breach), " +
				"Provider will make available to Customer the information needed to show compliance."},
			rule: "regulator-cooperation", want: StatusMissing,
		},
		{
			name:    "the customer's documents the vendor may require for an authority",
			clauses: []string{party, "Provider may require Customer to submit further records at the request of any competent authority or to help Provider comply with the law."},
			rule:    "regulator-cooperation", want: StatusMissing,
		},
		{
			name:    "an audit by the authority itself stays cooperation",
			clauses: []string{party, "Where required by a supervisory authority, Provider shall permit that authority to audit its processing facilities."},
			rule:    "regulator-cooperation", want: StatusMet,
		},
	})
}

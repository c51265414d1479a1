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

// TestRecallKinds19p: a deletion after the account's cancellation told in
// the sentence before. Sentences of our own. ("Stay engaged with" as
// incident assistance and reports that "take the form of" were tried in
// stop 27 and dropped: each was found in one corpus document only.)
func TestRecallKinds19p(t *testing.T) {
	rs := loadRules(t)
	party := `This Agreement is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`
	checkStatuses(t, rs, []statusCase{
		{
			name: "deletion after the account's cancellation told the sentence before",
			clauses: []string{party, "Customer's files can no longer be opened once the account is cancelled. " +
				"All Customer Data is erased from Provider's servers within 45 days."},
			rule: "data-return-exit", want: StatusMet,
		},
	})
}

// TestChangeNoticeKinds19p: the terms changed on notice with an adjective
// before the notice, or in the passive with the vendor as agent. Sentences
// of our own.
func TestChangeNoticeKinds19p(t *testing.T) {
	rs := loadRules(t)
	party := `This Agreement is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`
	checkStatuses(t, rs, []statusCase{
		{
			name:    "the addendum updated on advance notice",
			clauses: []string{party, "Provider may update this Addendum on prospective notice, provided no update lowers the protection of Customer Data."},
			rule:    "change-notice", want: StatusWeak,
		},
		{
			name:    "the addendum amended by the vendor, in the passive, on notice",
			clauses: []string{party, "This Addendum may be amended by Provider from time to time on notice given under the Agreement."},
			rule:    "change-notice", want: StatusWeak,
		},
	})
}

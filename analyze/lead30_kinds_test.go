package analyze

import "testing"

// TestLead30Kinds: kinds of fault of the seventh blind batch's development
// half (corpus-s), reproduced with sentences of our own writing.
func TestLead30Kinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// A prohibition whose exception names the recipients allowed and
		// what binds them: the vendor's subprocessors and their flow-down.
		{"no sharing except with bound providers", []string{"We never share Customer Data with anyone except with our sub-processors, which are contractually required to keep it secure."}, "subprocessors", StatusWeak},
		{"no disclosure except to bound subprocessors", []string{"Provider does not disclose Customer Content to third parties except to its subprocessors, who are bound by written obligations of confidentiality and security."}, "subprocessors", StatusWeak},
		// Being "bound by" obligations is the flow-down's participle.
		{"disclosure only to bound subprocessors", []string{"Provider discloses Customer Content only to subprocessors bound by written obligations of confidentiality."}, "subprocessors", StatusWeak},
		// A flat refusal with no exception is still no subprocessor term.
		{"no sharing at all", []string{"We never share Customer Data with anyone."}, "subprocessors", StatusMissing},
		// The police prosecuting a user is no cooperation with the
		// customer's regulators.
		{"law enforcement prosecuting users", []string{"The Operator may consult with law enforcement agencies on the prosecution of any person who abuses the platform."}, "regulator-cooperation", StatusMissing},
		{"a supervisory authority still counts", []string{"The Operator shall cooperate with the Customer's supervisory authority and answer its requests for information."}, "regulator-cooperation", StatusMet},
		// "Supplemental terms apply" points at other terms: the transfers it
		// names are stated there, not here.
		{"supplemental terms for transfers", []string{"For users in Brazil, supplemental terms apply, covering international transfers of personal data under standard contractual clauses."}, "data-location", StatusByReference},
	})
}

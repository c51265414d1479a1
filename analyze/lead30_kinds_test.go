package analyze

import "testing"

// TestLead30Kinds: kinds of fault of two blind batches' development halves
// (corpus-s, corpus-t), reproduced with sentences of our own writing.
func TestLead30Kinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// Being "bound by" obligations is the flow-down's participle.
		{"disclosure only to bound subprocessors", []string{"Provider discloses Customer Content only to subprocessors bound by written obligations of confidentiality."}, "subprocessors", StatusWeak},
		// The vendor's own suppliers named by whose they are, checked
		// before they get the data (corpus-t dev kind).
		{"a risk assessment of its third-party contractors", []string{"Northwind will carry out a security review of each of its third-party suppliers before giving them access to Customer Data."}, "subprocessors", StatusWeak},
		{"the customer's own third-party vendors", []string{"The Customer is responsible for the conduct of its third-party vendors."}, "subprocessors", StatusMissing},
		// The subprocessors named after a copula: "the sub-processors used
		// by X are: ...".
		{"the sub-processors engaged by the vendor are", []string{"The sub-processors engaged by the Supplier are: Pellucid Mail and Northwind Cloud."}, "subprocessors", StatusWeak},
		// trial30c: a policy named by its short name, and terms named just
		// before, are what the vendor may change.
		{"the AUP amended on notice", []string{"The Provider may amend the AUP on 30 days' written notice to the Client."}, "change-notice", StatusMet},
		{"the usage rules revised at will", []string{"The Provider may revise the usage rules whenever it sees fit."}, "change-notice", StatusWeak},
		{"those terms revised at will", []string{"Customer accepts the Provider's standard terms, and the Provider may revise those terms from time to time."}, "change-notice", StatusWeak},
		{"complying with the AUP is no change", []string{"The Client shall comply with the AUP."}, "change-notice", StatusMissing},
		// A flat refusal with no exception is still no subprocessor term.
		{"no sharing at all", []string{"We never share Customer Data with anyone."}, "subprocessors", StatusMissing},
		{"a supervisory authority still counts", []string{"The Operator shall cooperate with the Customer's supervisory authority and answer its requests for information."}, "regulator-cooperation", StatusMet},
		// "Supplemental terms apply" points at other terms: the transfers it
		// names are stated there, not here.
		{"supplemental terms for transfers", []string{"For users in Brazil, supplemental terms apply, covering international transfers of personal data under standard contractual clauses."}, "data-location", StatusByReference},
	})
}

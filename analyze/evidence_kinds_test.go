package analyze

import "testing"

// TestKeywordIsNoEvidence: sentences of our own writing, one kind of quote
// that does not support its finding per group (new users' trials, issue
// 11): a word of the term's object class stands near the verb but is not
// what the verb acts on. Each group has a sentence that still shows the
// term beside it.
func TestKeywordIsNoEvidence(t *testing.T) {
	rs := loadRules(t)
	tests := []statusCase{
		// 1. Trade law named with its pair ("export and import") is no
		// export of the customer's data.
		{"export and import regulations are no data export", []string{"Provider will ensure compliance with export and import regulations applicable to Customer Data it transfers through the Service."}, "data-return-exit", StatusMissing},
		{"import and export control laws are no data export", []string{"Each party shall comply with all import and export control laws with respect to the data, software and technology it provides."}, "data-return-exit", StatusMissing},
		{"a data export on termination still shows the term", []string{"On termination Provider will make Customer Data available for export for thirty days."}, "data-return-exit", StatusMet},
		// 2. Technical measures that protect a copyright are no security
		// of the customer's data.
		{"copy protection is no vendor security", []string{"Provider will maintain technical measures to prevent the unauthorised copying of copyrighted material on the Service."}, "vendor-security", StatusMissing},
		{"technical measures protecting a copyright are no vendor security", []string{"The Supplier shall respect the technical measures used by the Customer to protect its copyright works."}, "vendor-security", StatusMissing},
		{"technical measures for the data still bind", []string{"Provider shall implement appropriate technical and organisational measures to protect Customer Data against unauthorised access."}, "vendor-security", StatusMet},
		// 3. Referring a user's wrongdoing to the police is no cooperation
		// with the customer's regulators.
		{"a referral to law enforcement is no regulator cooperation", []string{"We may refer any suspected illegal activity to law enforcement authorities and cooperate with them."}, "regulator-cooperation", StatusMissing},
		{"cooperation in a referral of fraud is no regulator cooperation", []string{"Provider shall cooperate with law enforcement authorities when it refers suspected fraud by Users to them."}, "regulator-cooperation", StatusMissing},
		{"cooperation with supervisory authorities still binds", []string{"Provider shall cooperate fully with Customer's supervisory authorities, including persons appointed by them."}, "regulator-cooperation", StatusMet},
		// 4. A change of prices is a commercial term: no change notice and
		// no change of the service without notice.
		{"a price change without notice is no change of the service", []string{"Prices are subject to change without notice."}, "change-notice", StatusMissing},
		{"a right to change fees is no change of the service", []string{"Provider may change the subscription fees at any time without notice."}, "change-notice", StatusMissing},
		{"a change of the service without notice is still flagged", []string{"Provider may change the Service at any time without notice."}, "change-notice", StatusWeak},
	}
	checkStatuses(t, rs, tests)
}

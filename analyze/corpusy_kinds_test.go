package analyze

import "testing"

// Kinds found on the dev half of batch corpus-y (issue 11), each written
// here in our own sentences: the term named is not read from them.
func TestCorpusyKindsNotFound(t *testing.T) {
	rs := loadRules(t)
	head := "# Kennel Booking Terms\n\nLarch Pets Ltd (\"Provider\") runs the Kennel booking service for the Customer.\n\n## Terms\n\n"
	for _, tc := range []struct {
		name, rule, text string
	}{
		// A mutual confidentiality duty's need-to-know exception names no
		// subprocessor of the vendor.
		{"mutual exception", "subprocessors", "Each party shall not pass the other party's secrets to anyone except to its subcontractors who are bound by written terms of confidence.\n"},
		{"representatives listed", "subprocessors", "Provider shall not pass the Customer's secrets to anyone except to its staff, subcontractors and agents who need them and who are bound by written terms of confidence.\n"},
		// A data processing agreement the parties may sign later states no
		// location and no transfer safeguard in force.
		{"future DPA", "data-location", "Should the Customer want to upload personal data of people in the United Kingdom, the Customer will tell Provider first, and the parties may then sign a data processing addendum that includes the standard contractual clauses for transfers of personal data to third countries.\n"},
		{"future DPA after notice", "data-location", "Should the Customer want to upload personal data of people in the United Kingdom, the Customer will notify Provider and the parties may then sign a data processing addendum that includes the standard contractual clauses for transfers of personal data to third countries.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runMarkdown(t, rs, head+tc.text)
			if f := finding(res, tc.rule); f != nil && f.Status != "missing" {
				t.Errorf("%s %s, want missing: %+v", tc.rule, f.Status, f.Evidence)
			}
		})
	}
}

// The vendor's own exception naming its subcontractors still discloses
// them.
func TestCorpusyVendorExceptionKept(t *testing.T) {
	rs := loadRules(t)
	res := runMarkdown(t, rs, "# Kennel Booking Terms\n\nLarch Pets Ltd (\"Provider\") runs the Kennel booking service for the Customer.\n\n## Terms\n\nProvider shall not pass the Customer's records to anyone except to its subcontractors who are bound by written terms of confidence.\n")
	if f := finding(res, "subprocessors"); f == nil || f.Status == "missing" {
		t.Errorf("subprocessors not found")
	}
}

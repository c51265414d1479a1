package analyze

import (
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestTransferRoles reads the roles of the standard contractual clauses
// ("data importer", "data exporter") as the sides the agreement gives
// them: the last clause of each case is read, and its first predicate's
// actor must be want.
func TestTransferRoles(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name    string
		clauses []string
		want    Party
	}{
		{
			name: "the clauses alone: the vendor's DPA imports",
			clauses: []string{
				`This Data Processing Addendum is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`,
				"The data importer shall submit its processing facilities for audit at the request of the data exporter.",
			},
			want: PartyVendor,
		},
		{
			name: "the exporter's duties stay unassigned: the Commission's text on transfers",
			clauses: []string{
				`This Data Processing Addendum is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`,
				"The data exporter shall inform the data importer of any instruction.",
			},
			want: PartyUnknown,
		},
		{
			name: "roles given in brackets after the parties' names",
			clauses: []string{
				`This Addendum is between Quillfeather Ltd. ("Quillfeather") and its customer ("Customer").`,
				"The Clauses are entered into by Customer (as data exporter) and Quillfeather (as data importer).",
				"The data importer agrees and warrants: to submit its facilities for audit.",
			},
			want: PartyVendor,
		},
		{
			name: "roles reversed: the vendor exports to the customer",
			clauses: []string{
				`This Addendum is between Quillfeather Ltd. ("Quillfeather" or "Provider") and its customer ("Customer").`,
				`For the transfers under this Addendum, the "data exporter" is Quillfeather and the "data importer" is the Customer.`,
				"The data exporter shall notify the data importer of any personal data breach without undue delay.",
			},
			want: PartyVendor,
		},
		{
			name: "roles given with pronouns",
			clauses: []string{
				`These terms are between Quillfeather Ltd. ("we") and you.`,
				`For the standard contractual clauses, you are the "Data Importer" and we are the "Data Exporter".`,
				"The data exporter shall keep a record of the processing.",
			},
			want: PartyVendor,
		},
		{
			name: "a GDPR role says what a side is, not which",
			clauses: []string{
				`This Addendum is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`,
				"Where the data exporter is a processor, it shall inform the controller.",
				"The data importer shall notify the data exporter of any request.",
			},
			want: PartyVendor,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := agreement(tc.clauses...)
			units, _ := readAgreements([]*extract.Agreement{a}, "", rs.Vocabulary)
			last := units[len(units)-1]
			if last.text != tc.clauses[len(tc.clauses)-1] {
				t.Fatalf("last unit %q, want the last clause", last.text)
			}
			if len(last.frame.preds) == 0 {
				t.Fatalf("no predicate in %q", last.text)
			}
			if got := last.frame.preds[0].actor; got != tc.want {
				t.Errorf("actor %q, want %q", got, tc.want)
			}
		})
	}
}

// TestStatesTransferRoles: a sentence that only gives the transfer roles
// binds no one (it is read like a definition); one that also binds a side
// is read as an obligation.
func TestStatesTransferRoles(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"For Module Two, the Data Exporter is Customer as a controller and the Data Importer is Quillfeather as a processor.", true},
		{`The "data importer" is the Customer.`, true},
		{"The data importer is the Customer's processor and shall notify it of any breach.", false},
		{"The data importer shall notify the data exporter of any breach.", false},
		{"The data exporter is responsible for the lawfulness of the transfer.", false},
	}
	for _, tc := range tests {
		if got := statesTransferRoles(tc.s); got != tc.want {
			t.Errorf("statesTransferRoles(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

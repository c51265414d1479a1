package analyze

import (
	"strings"
	"testing"
)

// TestTrialfix41RelativeWillNotTheVendors: the customer accepts the
// vendor's reports "to the extent" the vendor makes them available, and
// may otherwise ask the vendor to provide for an audit "which will" be
// done on notice (issue 11; our own sentences): the "will" is the
// relative clause's, of the audit, and binds the vendor to give no
// report; the vendor's giving stands only in a condition, so the finding
// is at most weak.
func TestTrialfix41RelativeWillNotTheVendors(t *testing.T) {
	rs := loadRules(t)
	head := "# Data Processing Addendum\n\nThis Data Processing Addendum forms part of the agreement between Customer and Larch Cloud Ltd (\"Larch\").\n\n## 8. Audit\n\n"
	named := "# Data Processing Addendum\n\nThis Data Processing Addendum forms part of the written agreement between Customer and Larch Cloud Ltd (\"Provider\") for the provision of services to Customer.\n\n## 8. Audit\n\n"
	for _, tc := range []struct{ name, text string }{
		{"lead-in and items", "8.2. To the extent Larch makes available to Customer copies of its third-party audit reports (\"Audit Report\"), Customer agrees to accept each Audit Report in satisfaction of its audit right; however, where Customer shows that it needs more information, Customer may request, at Customer's cost, Larch to provide for an on-site audit, which will: (i) exclude information about other Larch customers; and (ii) take place on thirty (30) days' notice during business hours.\n"},
		{"the vendor named as a party", named + "8.2. To the extent Provider makes available to Customer copies of its third-party audit reports (\"Audit Report\"), Customer agrees to accept each Audit Report in satisfaction of its audit right; however, where Customer shows that it needs more information, Customer may request, at Customer's cost, Provider to provide for an on-site audit, which will: (i) exclude information about other Provider customers; and (ii) take place on thirty (30) days' notice during business hours.\n"},
		{"one sentence", "8.2. Where Larch makes available its third-party Audit Reports, Customer shall accept them in place of an audit; otherwise Customer may ask Larch to provide for an on-site inspection, which will be carried out during business hours.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.text
			if !strings.HasPrefix(doc, "#") {
				doc = head + doc
			}
			res := runMarkdown(t, rs, doc)
			if got := status(res, "security-reports"); got == StatusMet {
				t.Errorf("security-reports: got met, want at most weak")
			}
		})
	}
}

// TestTrialfix41ExitAsFarAsKept: at termination the vendor lets the
// customer delete or obtain copies of the data "to the extent" it still
// keeps them and as far as the service's features go (issue 11; our own
// sentences): weak, and the note does not call the export unstated when
// the quoted sentence gives the customer its copies.
func TestTrialfix41ExitAsFarAsKept(t *testing.T) {
	rs := loadRules(t)
	head := "# Data Processing Addendum\n\nThis Data Processing Addendum forms part of the agreement between Customer and Larch Cloud Ltd (\"Larch\").\n\n## 3. Processing\n\n"
	for _, text := range []string{
		"3.1. When the Agreement ends, Larch will permit Customer to delete or obtain copies of its Customer Data, to the extent Larch retains it.\n",
		"3.1. On expiry of the Agreement, Larch will allow Customer to erase or obtain a copy of the Customer Data in line with the features of the Services.\n",
	} {
		res := runMarkdown(t, rs, head+text)
		for _, f := range res.Findings {
			if f.Rule != "data-return-exit" {
				continue
			}
			if f.Status != StatusWeak {
				t.Errorf("%s: status %s, want weak", text, f.Status)
			}
			for _, n := range f.Notes {
				if strings.Contains(n, "made available for export when the agreement ends") {
					t.Errorf("%s: note %q calls the export unstated", text, n)
				}
			}
		}
	}
}

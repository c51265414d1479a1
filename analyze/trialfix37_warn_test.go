package analyze

import "testing"

// TestTrialfix37DPANotSent: a page that only tells of a DPA, and an MSA
// that brings one in by reference without it, say to ask for the DPA
// (new-user trial 36; our own sentences).
func TestTrialfix37DPANotSent(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, md string
		want     bool
	}{
		{"a page about a DPA", "# Data Processing Agreement\n\nA Data Processing Agreement is available on request to customers of the Teams plan where Orchard Metrics Inc. processes personal data for them.\n\n## Requesting it\n\nWrite to privacy@orchard.example to receive the current version.\n", true},
		{"terms that point at the DPA online", "# Terms of Service\n\nThese Terms of Service govern the use of the Orchard Metrics service provided by Orchard Metrics Inc. (\"Orchard\").\n\n## Personal data\n\nOrchard processes personal data for the customer as set out in the Data Processing Addendum at https://orchard.example/dpa.\n", true},
		{"a DPA that binds the vendor", "# Data Processing Agreement\n\nThis Data Processing Agreement is made between the customer and Orchard Metrics Inc. (\"Orchard\").\n\n## Security\n\nOrchard shall implement appropriate technical and organisational measures, including encryption of personal data at rest and in transit. Orchard shall notify the customer of a personal data breach without undue delay and within 48 hours.\n", false},
		{"terms with no DPA named", "# Terms of Service\n\nThese Terms of Service govern the use of the Orchard Metrics service provided by Orchard Metrics Inc. (\"Orchard\").\n\n## Fees\n\nThe customer shall pay the fees set out in the order form.\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runMarkdown(t, rs, tc.md)
			got := false
			for _, w := range res.Warnings {
				got = got || w.Code == WarnDPANotSent
			}
			if got != tc.want {
				t.Errorf("dpa-not-sent warning: got %v, want %v (warnings %+v)", got, tc.want, res.Warnings)
			}
		})
	}
}

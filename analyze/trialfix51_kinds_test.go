package analyze

import "testing"

// Kinds of sentences a new user found on an outside Indian DPA (new-user
// trial 51, issue 11). Every sentence is our own.

// TestTrialfix51RegulatorsOfOtherCountries: the data protection
// regulators outside the EU and the US, named by their names or initials
// (India's Data Protection Board, Australia's OAIC, Singapore's PDPC,
// France's CNIL, Brazil's ANPD), are regulators; a country inside a
// regulator's name is no place for the data.
func TestTrialfix51RegulatorsOfOtherCountries(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, md, rule, want string
	}{
		{"the data protection board", "# Data Processing Agreement\n\n## 9. Breaches\n\nThe Vendor and the Customer shall cooperate in notifying the Data Protection Board and the affected individuals.\n", "regulator-cooperation", StatusMet},
		{"initials", "# Data Processing Agreement\n\n## 4. Regulators\n\nThe Supplier will assist the Client with any inquiry from the OAIC or the PDPC.\n", "regulator-cooperation", StatusMet},
		{"the cnil", "# Data Processing Agreement\n\n## 4. Regulators\n\nThe Processor shall cooperate with the CNIL on request in the performance of its tasks.\n", "regulator-cooperation", StatusMet},
		{"the board of india is no location", "# Data Processing Agreement\n\n## 9. Breaches\n\nThe Processor shall assist the Controller in notifying the Data Protection Board of India of the breach.\n", "data-location", StatusMissing},
		{"the pdpc of singapore is no location", "# Data Processing Agreement\n\n## 9. Breaches\n\nThe Supplier shall report any breach to the PDPC of Singapore.\n", "data-location", StatusMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(runMarkdown(t, rs, tc.md), tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

// TestTrialfix51RolesOfOtherLaws: a DPA that allocates the data
// protection roles of another law (India's DPDP Act: data fiduciary and
// data processor; the CCPA: business and service provider; Singapore's
// PDPA: data intermediary) allocates them as one that names the GDPR's
// controller and processor: weak, not "not covered". A service provider
// named with no law is no role.
func TestTrialfix51RolesOfOtherLaws(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, md, want string
	}{
		{"dpdp", "# Data Processing Agreement\n\n## 2. Roles\n\nUnder the Digital Personal Data Protection Act, 2023, the Client is the Data Fiduciary and the Supplier acts as its Data Processor.\n", StatusWeak},
		{"pdpa", "# Data Processing Agreement\n\n## 2. Roles\n\nFor the purposes of the PDPA, the Client is the organisation and the Vendor acts as its data intermediary.\n", StatusWeak},
		{"ccpa", "# Data Processing Agreement\n\n## 2. Roles\n\nFor the purposes of the CCPA, the Customer is a business and the Provider is a service provider.\n", StatusWeak},
		{"a service provider of no law", "# Data Processing Agreement\n\n## 2. Roles\n\nThe Supplier is a service provider of hosting services to the Client.\n", StatusNotCovered},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(runMarkdown(t, rs, tc.md), "responsibility-allocation"); got != tc.want {
				t.Errorf("responsibility-allocation: got %s, want %s", got, tc.want)
			}
		})
	}
}

// TestTrialfix51TerminationOnNotice: a right to end the agreement on a
// notice period with no ground named is one for convenience (weak), in a
// DPA's own termination clause as in an MSA; it is read, not left "not
// covered". The vendor's own right is no term of the customer's.
func TestTrialfix51TerminationOnNotice(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, md, want string
	}{
		{"either party, a dpa", "# Data Processing Agreement\n\n## 10. Termination\n\nEither party may end this Agreement on forty-five days' written notice to the other.\n", StatusWeak},
		{"the client, an msa", "# Master Services Agreement\n\n## 14. Term and Termination\n\nThe Client may terminate this Agreement with 90 days written notice.\n", StatusWeak},
		{"the vendor's own right", "# Data Processing Agreement\n\n## 10. Termination\n\nThe Supplier may terminate this Agreement on 30 days notice.\n", StatusNotCovered},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(runMarkdown(t, rs, tc.md), "termination-rights"); got != tc.want {
				t.Errorf("termination-rights: got %s, want %s", got, tc.want)
			}
		})
	}
}

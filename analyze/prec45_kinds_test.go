package analyze

import "testing"

// TestPrec45AccountAsPlace: the customer's account named only as the place
// where something else happens ("all fees incurred under your account",
// "content posted through its account") is no duty to protect the account
// or its credentials (issue 11: customer responsibilities met from the
// account's mere mention; our own sentences). A duty about the account
// itself, or its credentials, beside it still is.
func TestPrec45AccountAsPlace(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, md, want string
	}{
		{"fees under the account", "# Subscription Terms\n\n## 4. Fees\n\nYou are responsible for all fees incurred under your account.\n", StatusMissing},
		{"content through the account", "# Subscription Terms\n\n## 6. Posting\n\nThe Client is liable for any content posted through its account.\n", StatusMissing},
		{"credentials beside the activity", "# Subscription Terms\n\n## 3. Sign-in\n\nYou are responsible for keeping your password secret and for all activity that occurs under your account.\n", StatusMet},
		{"misuse of the account reported", "# Subscription Terms\n\n## 3. Sign-in\n\nYou must notify us immediately of any unauthorised use of your account.\n", StatusMet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(runMarkdown(t, rs, tc.md), "customer-responsibilities"); got != tc.want {
				t.Errorf("customer-responsibilities: got %s, want %s", got, tc.want)
			}
		})
	}
}

// TestPrec45PolicingUsers: the vendor working with law enforcement to
// prosecute its users polices its platform; it is no cooperation with the
// customer's regulators (issue 11: seen in two dev terms of service; our
// own sentences). Cooperation with the authorities on a breach still is.
// (A phrase for "investigations may include ... law enforcement" was
// dropped in the merge: one document of 470 words it so.)
func TestPrec45PolicingUsers(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, md, want string
	}{
		{"prosecuting members", "# Member Terms\n\n## 8. Fraud\n\nWe may also consult and work with law enforcement authorities to prosecute members who break the law.\n", StatusMissing},
		{"a breach investigated with the authorities", "# Processing Terms\n\n## 7. Authorities\n\nThe Processor shall cooperate with law enforcement and the supervisory authority in investigating any Personal Data Breach.\n", StatusMet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(runMarkdown(t, rs, tc.md), "regulator-cooperation"); got != tc.want {
				t.Errorf("regulator-cooperation: got %s, want %s", got, tc.want)
			}
		})
	}
}

// TestPrec45DomainWordOfAnotherSubject: a domain's word standing for
// another subject places no domain of the matrix: the party's own name
// ("The Vendor shall invoice", "the Supplier"), a certificate of insurance,
// an application for more seats, a mobile phone number (issue 11: matrix
// domains from a domain word inside another subject; our own sentences).
// The words in their own sense still place them.
func TestPrec45DomainWordOfAnotherSubject(t *testing.T) {
	rs := loadRules(t)
	head := "This Services Agreement is made between Norvale Ltd (the \"Vendor\") and Quintex Corp (the \"Client\").\n\n"
	res := runMarkdown(t, rs, head+
		"1. Insurance. The Vendor shall deliver certificates of insurance to the Client on request.\n\n"+
		"2. Invoices. The Vendor shall invoice the Client monthly in arrears.\n\n"+
		"3. Orders. The Client shall submit applications for additional seats in writing.\n\n"+
		"4. Numbers. The Client shall keep its mobile phone number current for billing reminders.\n")
	for _, d := range []string{"AIS", "CEK", "STA", "UEM"} {
		if r := matrixRow(res, d); r.AgreementOwner != OwnerUnassigned {
			t.Errorf("%s: %s from %v; want unassigned (the word names another subject)", d, r.AgreementOwner, r.Evidence)
		}
	}
	res = runMarkdown(t, rs, head+
		"1. Suppliers. The Vendor shall assess the security of its third-party suppliers each year.\n\n"+
		"2. Certificates. The Vendor shall renew its TLS certificates before they expire.\n\n"+
		"3. Devices. The Client shall lock its mobile devices with a passcode.\n")
	for d, want := range map[string]Owner{"STA": OwnerVendor, "CEK": OwnerVendor, "UEM": OwnerCustomer} {
		if r := matrixRow(res, d); r.AgreementOwner != want {
			t.Errorf("%s: %s from %v; want %s", d, r.AgreementOwner, r.Evidence, want)
		}
	}
}

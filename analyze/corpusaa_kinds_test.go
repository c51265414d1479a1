package analyze

import "testing"

// Kinds found on the dev half of batch corpus-aa (issue 11), each written
// here in our own sentences: terms of service that call the customer "the
// user" state its security duties with the user as the subject of a duty
// ("Users remain responsible for", "The User shall keep") or as the one the
// duty rests on ("is the sole responsibility of the user").
func TestCorpusaaUserSecurityDuty(t *testing.T) {
	rs := loadRules(t)
	head := "# Lantern Ledger Terms of Service\n\nOsprey Vault Ltd runs the Lantern Ledger wallet.\n\n## 3. Security\n\n"
	for _, text := range []string{
		"Safekeeping of the recovery phrase is the sole responsibility of the user.\n",
		"Users remain responsible for protecting the devices they sign in from.\n",
		"The User shall keep the wallet passphrase secret and must not share it with anyone.\n",
		"Users agree to keep their login details confidential.\n",
		"Each user is solely responsible for safeguarding the private keys of the wallet.\n",
	} {
		res := runMarkdown(t, rs, head+text)
		if f := finding(res, "customer-responsibilities"); f == nil || f.Status != "met" {
			t.Errorf("customer-responsibilities not met on %q", text)
		}
	}
}

// A "user" that is no actor (a noun modifier, a table row, whose a thing
// is), or the vendor's own staff named by its systems ("internal users"),
// states no customer duty.
func TestCorpusaaUserNotActor(t *testing.T) {
	rs := loadRules(t)
	head := "# Lantern Ledger Data Processing Addendum\n\nOsprey Vault Ltd (\"Processor\") processes personal data for the Controller.\n\n## 3. Security\n\n"
	for _, text := range []string{
		"Sign-in secrets (for instance the user name and passphrase) shall never be sent in clear text over public networks.\n",
		"| Crash reports | Pseudonymous user number, stack trace | 60 days |\n",
		"A user's login will be closed when it has not been used for 120 days.\n",
		"The user interface shall show the date of the last password change.\n",
		// The vendor's own staff, named by the system they use.
		"Internal users must confirm in writing that they will follow the password guideline.\n",
	} {
		res := runMarkdown(t, rs, head+text)
		if f := finding(res, "customer-responsibilities"); f != nil && f.Status != "missing" {
			t.Errorf("customer-responsibilities %s on %q, want missing: %+v", f.Status, text, f.Evidence)
		}
	}
}

package analyze

import "testing"

// TestTrialfix22cKinds: kinds of fault a new user's trial (trial30a) found
// on three outside documents, each reproduced with sentences of our own
// writing.
func TestTrialfix22cKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// Compelled disclosure: law enforcement named with the authorities
		// the vendor deals with "as required by law", or answering valid
		// legal requests, is no cooperation with the customer's
		// supervisors. Cooperation with the supervisory authority as the
		// law requires stays (weak).
		{"law enforcement as required by law", []string{"Official Requests: Quillby cooperates with law enforcement and regulatory bodies as required by law."}, "regulator-cooperation", StatusMissing},
		{"regulators and police where the law requires", []string{"Quillby shall cooperate with law enforcement agencies and regulators where required by applicable law."}, "regulator-cooperation", StatusMissing},
		{"the supervisory authority as the law requires stays", []string{"Quillby shall cooperate with the Customer's supervisory authority as required by applicable law."}, "regulator-cooperation", StatusWeak},
		// Keeping the uploaded data correct and current is a data-quality
		// duty, no security duty of the customer's; patching stays one.
		{"uploaded data kept correct and up to date", []string{"The Client is responsible for ensuring that the records it submits are correct and kept up to date."}, "customer-responsibilities", StatusMissing},
		{"files kept safe, the data accurate and up to date", []string{"The Client plays a part in keeping its files safe: the Client is responsible for making sure the personal data it sends us is accurate and kept up to date."}, "customer-responsibilities", StatusMissing},
		{"plugins kept up to date stays a duty", []string{"The Client must keep its plugins up to date."}, "customer-responsibilities", StatusMet},
		// The customer's exit from a change ("must stop using the service
		// and may close the account") is no right of the vendor's to
		// change at will; the vendor's right in the same sentence is, with the
		// customer's exit told as a duty ("must stop using").
		{"the member's exit after a change", []string{"If a member disagrees with any changes to these terms, the member must stop using the site at once and may close the account."}, "change-notice", StatusMissing},
		{"the vendor's right beside the exit stays flagged", []string{"Quillby may change these terms whenever it likes, and if you do not accept a change you must stop using the site."}, "change-notice", StatusWeak},
	})
	// The customer defined by a name of the agreement's own, right after
	// "you" (`you (the "Member")`): its duties are the customer's, its
	// notice to the vendor no breach notice of the vendor's.
	for _, name := range []string{"Member", "User"} {
		md := "# Terms of Use\n\nThese terms govern the Quillby photo hosting site. By signing up you (the \"" + name + "\") accept them.\n\n" +
			"## Accounts\n\n" + name + " is fully responsible for everything done through its account and shall tell Quillby of any unauthorized use of its account or any other breach of security.\n"
		res := runMarkdown(t, rs, md)
		if got := status(res, "customer-responsibilities"); got != StatusMet {
			t.Errorf("%s: customer-responsibilities %s, want met", name, got)
		}
		if got := status(res, "breach-notification"); got != StatusMissing {
			t.Errorf("%s: breach-notification %s, want missing", name, got)
		}
	}
}

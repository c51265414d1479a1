package analyze

import "testing"

// TestTrial26Kinds: sentences of our own writing from a new user's trial on
// three outside documents (trial26a), each beside one that still shows the
// term.
func TestTrial26Kinds(t *testing.T) {
	rs := loadRules(t)
	// "customer" before a thing the vendor keeps for it is no subject: the
	// sentence says what the vendor's system does.
	checkStatuses(t, rs, []statusCase{
		{"a fact about the customer's database is no customer duty", []string{"Every customer database has hourly backups kept for seven days."}, "customer-responsibilities", StatusMissing},
		{"customer workspaces described are no customer duty", []string{"Customer workspaces are isolated from one another and encrypted at rest."}, "customer-responsibilities", StatusMissing},
		{"the customer backing up its own databases is a customer duty", []string{"Customer shall back up its own databases and protect its account credentials."}, "customer-responsibilities", StatusMet},
	})
	for _, tc := range []struct {
		sentence string
		want     Party
	}{
		{"Every customer database has hourly backups kept for seven days.", PartyUnknown},
		{"Customer logs are kept for ninety days.", PartyUnknown},
		{"The Customer has sole control over its own databases.", PartyCustomer},
	} {
		f := buildFrame("", tc.sentence, rs.Vocabulary, nil, nil)
		if len(f.preds) == 0 {
			t.Fatalf("no predicate in %q", tc.sentence)
		}
		if got := f.preds[0].actor; got != tc.want {
			t.Errorf("%q: actor %q, want %q", tc.sentence, got, tc.want)
		}
	}
}

// TestCustomerSecurityActs: an act that is a security measure whatever its
// object (encrypting, backing up, patching) is the customer's security duty
// when the customer must do it, also as an item of a responsibility list.
func TestCustomerSecurityActs(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"the customer encrypting what it sends", []string{"The Customer shall encrypt any personal data it sends through the Service."}, "customer-responsibilities", StatusMet},
		{"encrypting as an item of the customer's responsibility", []string{"Customer is solely responsible for its use of Personal Data, including: (i) checking recipient addresses; (ii) encrypting any Personal Data sent through the Services where appropriate."}, "customer-responsibilities", StatusMet},
		{"the customer backing up its files", []string{"Client must back up its own files before each upgrade."}, "customer-responsibilities", StatusMet},
		{"the vendor encrypting is no customer duty", []string{"Provider shall encrypt Customer Data at rest."}, "customer-responsibilities", StatusMissing},
		{"the customer checking addresses is no security duty", []string{"Customer shall verify that recipient addresses are entered correctly."}, "customer-responsibilities", StatusMissing},
	})
}

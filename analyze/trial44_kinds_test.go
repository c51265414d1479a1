package analyze

import (
	"strings"
	"testing"
)

// TestTrial44InlineItemsEndTheirLeadIn: a bullet whose own items stand
// inline on its line ("- Report on: (a) ..., (b) ...") has its list
// already; the next bullet of the same list is an item of the list above
// it, read with that list's lead-in ("The Supplier will:"), not left
// without an actor (new-user trial 44, issue 11; our own sentences). The
// notice-content quote is then the enumeration's sentence whole, not its
// first item.
func TestTrial44InlineItemsEndTheirLeadIn(t *testing.T) {
	rs := loadRules(t)
	md := "# Data Processing Terms\n\n## 9. Security Breaches\n\nThe Supplier will:\n" +
		"- Tell the Client of any Security Breach within 48 hours of discovering it\n" +
		"- Give the Client details of: (a) what happened, (b) the kinds and rough number of people and records concerned, (c) the probable effects, (d) the steps it has taken or plans to take\n" +
		"- Assist the Client in meeting its duties to inform regulators and affected individuals of the Security Breach\n\n" +
		"Notices under this clause go to the Client's named privacy contact.\n"
	res := runMarkdown(t, rs, md)
	if got := status(res, "incident-cooperation"); got != StatusMet && got != StatusWeak {
		t.Errorf("incident-cooperation: got %s, want met or weak (the bullet after the inline list keeps \"The Supplier will:\")", got)
	}
	f := find(res, "notification-content")
	if len(f.Evidence) == 0 {
		t.Fatalf("notification-content: no evidence (%s)", f.Status)
	}
	if e := f.Evidence[0]; e.Section != "9" || !strings.Contains(e.Text, "(a) what happened") || !strings.Contains(e.Text, "(d) the steps it has taken") {
		t.Errorf("notification-content: quoted §%s %q, want §9 with the items (a) to (d) whole", e.Section, e.Text)
	}
	// An item that shows the term better than its siblings is still
	// quoted on its own (rank_cite_test's "(ii) maintaining the security
	// of its login credentials").
	md2 := "# Terms\n\n## 5. Accounts\n\nThe Client answers for: (i) all use made of its account; and (ii) keeping its passwords secret and secure.\n"
	f2 := find(runMarkdown(t, rs, md2), "customer-responsibilities")
	if len(f2.Evidence) == 0 || f2.Evidence[0].Section != "5(ii)" {
		t.Errorf("customer-responsibilities: evidence %+v, want §5(ii) first", f2.Evidence)
	}
	// Guard: the items of "The Client shall: (i) ...; (ii) ..." are
	// duties of their own, each with its own verb: the one that shows the
	// term is cited as the item it is, not as the whole list.
	md3 := "# Terms\n\n## 4. Your Duties\n\nThe Client shall: (i) follow the acceptable use rules; (ii) keep its login details confidential and secure; (iii) tell the Supplier at once of any misuse of its accounts; and (iv) pay the fees when due.\n"
	f3 := find(runMarkdown(t, rs, md3), "customer-responsibilities")
	if len(f3.Evidence) == 0 || !strings.HasPrefix(f3.Evidence[0].Section, "4(") {
		t.Errorf("customer-responsibilities: evidence %+v, want an item of 4 first", f3.Evidence)
	}
}

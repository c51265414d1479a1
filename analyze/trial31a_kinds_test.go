package analyze

import "testing"

// TestTrial31aKinds: false findings a new user met on five outside
// agreements (trial31, issue 11), written again with sentences of our own.
func TestTrial31aKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// Where the customer is established names whose law applies, not
		// where its data is kept.
		{"clients located in a country", []string{"For Clients located in Germany, the Supplier acts as a Data Processor under the GDPR and commits to the obligations set out in Section 4."}, "data-location", StatusMissing},
		// A vendor duty whose object is the customer's users is no duty
		// of the customer's.
		{"vendor authenticates customer users", []string{"Use of a managed single sign-on service to authenticate customer users."}, "customer-responsibilities", StatusMissing},
		// A product told to "you": "it" encrypts, the customer owes nothing.
		{"the product described to you", []string{"If you turn on this feature, it encrypts your messages end to end before sending them."}, "customer-responsibilities", StatusMissing},
		// Logs the vendor gathers for its own watch give the customer no
		// access to them.
		// A right to change the terms, its notice in the next sentence
		// told by "email" as a verb.
		{"a right to change, then an email before material changes", []string{"Now and then, Acme may decide to revise these Terms. If a change is material, we will email you the revised Terms at least 20 days before it takes effect, and you may end your subscription within that time."}, "change-notice", StatusMet},
		{"vendor gathers logs to facilitate detection", []string{"Provider collects server logs from its systems to facilitate detection of attacks."}, "log-access", StatusMissing},
	})
}

// TestTrial31aWhichShallInclude: "practices for signing in customers,
// which shall include": the relative clause says what the vendor's
// practices hold; its "shall" binds no customer.
func TestTrial31aWhichShallInclude(t *testing.T) {
	rs := loadRules(t)
	res := runMarkdown(t, rs, "The Supplier will keep sound practices for signing in customers to the Platform, which shall include the following security measures and obligations:\n\n1. Use of an outside identity provider for customer sign-in.\n")
	if got := status(res, "customer-responsibilities"); got != StatusMissing {
		t.Errorf("customer-responsibilities: got %s, want %s", got, StatusMissing)
	}
}

// TestTrial31aDocumentList: a schedule named in the list of the contract's
// documents, under a lead-in's "shall apply", is by reference at most.
func TestTrial31aDocumentList(t *testing.T) {
	rs := loadRules(t)
	res := runMarkdown(t, rs, `# Order Form

## 2. Contract documents

The following documents form part of this Contract. If they conflict, the following order of precedence shall apply:

1. This Order Form.
2. The General Terms.
3. Schedule D (Disaster Recovery and Business Continuity)
`)
	if got := status(res, "business-continuity"); got != StatusByReference {
		t.Errorf("business-continuity: got %s, want %s", got, StatusByReference)
	}
}

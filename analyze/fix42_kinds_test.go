package analyze

import (
	"slices"
	"strings"
	"testing"
)

// TestFix42TransferSafeguardsNoSecurity: the safeguards a vendor puts in
// place for a transfer abroad (GDPR Chapter V: standard clauses, an
// adequacy decision) are no security measures (new-user trial 42, issue
// 11; our own sentences). The place may be named as a territory or a
// jurisdiction, not only as a third country.
func TestFix42TransferSafeguardsNoSecurity(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{
			name:    "safeguards for the transfer to a territory without adequacy",
			clauses: []string{"Where Supplier moves Client Data to a territory that lacks an adequacy finding, Supplier shall put in place appropriate safeguards for the transfer of Client Data to that territory."},
			rule:    "vendor-security", want: StatusMissing,
		},
		{
			name:    "safeguards for any transfer, no place named",
			clauses: []string{"The Processor will implement appropriate safeguards for any transfer of the Personal Data as the Data Protection Laws require."},
			rule:    "vendor-security", want: StatusMissing,
		},
		{
			name:    "security measures still met beside it",
			clauses: []string{"The Processor will implement appropriate technical and organisational measures to protect the Personal Data against unauthorised access."},
			rule:    "vendor-security", want: StatusMet,
		},
	})
}

// TestFix42DraftingNoteAcrossSentences: an unfilled drafting note is no
// evidence even where it runs over several sentences, so that a sentence
// break falls inside its brackets (new-user trial 42, issue 11; our own
// sentences): none of its words is read.
func TestFix42DraftingNoteAcrossSentences(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{
			name:    "a note on the safeguards, two sentences long",
			clauses: []string{"Health Data Safeguards | [ drafting note: Where health data is hosted, describe the safeguards in place to protect health data by ticking a box below and removing the others. Where none is hosted, remove this row. ] [ ] See Annex 3"},
			rule:    "vendor-security", want: StatusMissing,
		},
		{
			name:    "a note to the drafter on the audit",
			clauses: []string{"Audits | [Note to drafter: state how often the customer may audit the records of the supplier. Delete if not agreed.] Once a year."},
			rule:    "audit-rights", want: StatusMissing,
		},
	})
}

// TestFix42LawfulSupplyNoSecurityDuty: the customer's duty to comply with
// data protection law in supplying the data (consents, notices, a lawful
// basis, the safeguards that law requires of it) is a duty of lawful
// supply, no security duty of its own over credentials, access,
// configuration or its systems (new-user trial 42, issue 11; our own
// sentences).
func TestFix42LawfulSupplyNoSecurityDuty(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{
			name:    "the safeguards data protection law requires of its supply",
			clauses: []string{"The Client will continue to comply with the Privacy Legislation in supplying Client Personal Data to the Supplier, including giving all notices, obtaining all consents and implementing the safeguards required by the Privacy Legislation."},
			rule:    "customer-responsibilities", want: StatusMissing,
		},
		{
			name:    "a lawful basis for the data it sends",
			clauses: []string{"The Client shall ensure that it has a lawful basis for the personal data it sends to the Supplier and shall implement any safeguards that the data protection laws require of it."},
			rule:    "customer-responsibilities", want: StatusMissing,
		},
		{
			name:    "its passwords are still its security duty",
			clauses: []string{"The Client shall keep its account passwords confidential and secure its own devices."},
			rule:    "customer-responsibilities", want: StatusMet,
		},
	})
}

// TestFix42ReasonQuotesOnlyTheDocument: a weakener's reason that puts
// stock wording of the rule file in quotation marks ('only "sufficient
// information"') shows it without them when the document does not say
// it: an explanation quotes only the document's own words (new-user
// trial 42, issue 11; our own sentences). Where the document says it, the
// quotation stands.
func TestFix42ReasonQuotesOnlyTheDocument(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, text string
		quoted     bool
	}{
		{"the words not in the document", "Upon becoming aware of any Security Incident, the Supplier will notify the Client within 24 hours and will provide timely information about the Security Incident as it becomes known or as the Client reasonably requests.", false},
		{"the words in the document", "Once it learns of a Security Incident, the Supplier shall notify the Client within 24 hours and give it sufficient information to meet its own reporting duties.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := finding(run(t, rs, Options{}, tc.text), "notification-content")
			if f == nil || f.Status != StatusWeak {
				t.Fatalf("notification-content: got %+v, want weak", f)
			}
			if got := strings.Contains(f.Explanation, `"sufficient information"`); got != tc.quoted {
				t.Errorf("explanation %q: quoted %v, want %v", f.Explanation, got, tc.quoted)
			}
			if !strings.Contains(f.Explanation, "sufficient information") {
				t.Errorf("explanation %q: the reason's words are gone", f.Explanation)
			}
		})
	}
}

// TestUnquoteStockKeepsWordsNamed: a single word in quotation marks names
// the word and is kept whether or not the document holds it; a phrase the
// document lacks loses its quotation marks.
func TestUnquoteStockKeepsWordsNamed(t *testing.T) {
	got := unquoteStock([]string{`permissive "may" instead of "shall" or "will"`, `only "sufficient information"`},
		[]string{"Provider may engage subprocessors and will remain responsible for them."})
	want := []string{`permissive "may" instead of "shall" or "will"`, `only sufficient information`}
	if !slices.Equal(got, want) {
		t.Errorf("unquoteStock = %q, want %q", got, want)
	}
}

package analyze

import (
	"context"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestThingRelativeIsNoPredicate: ", which will be deemed ..." after the
// object says what the thing will be; it is no predicate of its own, so
// the party right before it (the indirect object) does not become the
// actor of the duty (corpus-m, issue 11).
func TestThingRelativeIsNoPredicate(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"an assurance report given, with a which-clause", []string{"On request, Provider will provide Customer a copy of its latest Audit Reports, which will be deemed Provider's Confidential Information."}, "security-reports", StatusMet},
		{"a copy of audit reports is no audit right", []string{"On request, Provider will provide Customer a copy of its latest Audit Reports, which will be deemed Provider's Confidential Information."}, "audit-rights", StatusMissing},
		{"a SOC 2 report sent, with a which-clause", []string{"Provider shall send Customer its current SOC 2 Type II report, which shall be subject to the confidentiality terms of this Agreement."}, "security-reports", StatusMet},
	})
	checkPredicates(t, rs, []predicateCase{
		{"Provider will send Customer its security reports, which shall be confidential.", 1},
		// A party before "which" keeps its own predicate.
		{"Provider may appoint a Subprocessor, which shall be subject to terms no less protective than these.", 2},
		// A which-clause that says what a notice holds is a statement.
		{"Provider shall collect the following details, which shall be stated in the notice: the nature of the incident.", 2},
	})
}

// TestLegallyPermittedIsNoAccessGiven: "where legally permitted" in a
// confidentiality clause's exception for compelled disclosure is what the
// law allows, not access the party permits a regulator.
func TestLegallyPermittedIsNoAccessGiven(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"a compelled-disclosure exception", []string{"Nothing in these Terms will prevent either party from disclosing Confidential Information that a regulator or a court orders it to disclose, provided that, where legally permitted, it first gives the other party notice of the order."}, "regulator-cooperation", StatusMissing},
		{"access permitted to a regulator", []string{"Provider shall permit Customer's regulators to inspect its records relating to the Services."}, "regulator-cooperation", StatusMet},
	})
}

// TestHelpsPreventIsNoAssistance: a measure that "helps prevent"
// unauthorized access is a property of the measure, not help given to the
// customer with an incident; the except of the assist class was written
// for the base form only.
func TestHelpsPreventIsNoAssistance(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"a feature that helps prevent", []string{"Every login needs a one-time code, which helps prevent unauthorized access to the account."}, "incident-cooperation", StatusMissing},
		{"logging that helps detect", []string{"Our logging helps detect unauthorized access to Customer Data."}, "incident-cooperation", StatusMissing},
		{"the vendor helps with incidents", []string{"Provider helps Customer respond to Security Incidents."}, "incident-cooperation", StatusMet},
	})
}

// TestAnyJurisdictionIsNoPlace: "any analogous process in any
// jurisdiction" in a termination-for-insolvency clause widens its
// grounds; with the notice of termination it was read as notice before
// the data's location changes.
func TestAnyJurisdictionIsNoPlace(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"insolvency grounds in any jurisdiction", []string{"Either party may terminate this Agreement by giving written notice to the other party if the other party suffers any analogous insolvency process in any jurisdiction."}, "data-location", StatusMissing},
		{"a move to another jurisdiction", []string{"Provider shall notify Customer before it moves Customer Data to another jurisdiction."}, "data-location", StatusWeak},
		{"a named place", []string{"Provider shall store Customer Data only in the European Union and shall notify Customer before it changes that location."}, "data-location", StatusMet},
	})
}

// TestPointerDefinitionIsByReference: a duty to comply with a defined
// term whose definition is only an address ("means the security measures
// available at: URL") binds a document that lives elsewhere.
func TestPointerDefinitionIsByReference(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"comply with a term defined by a URL", []string{`"Safeguards" means the safeguards available at: https://example.com/legal/safeguards.`, "Provider will comply with the Safeguards."}, "vendor-security", StatusByReference},
		{"the same duty with the measures stated", []string{"Provider will comply with the safeguards, including encryption of Customer Data at rest and in transit."}, "vendor-security", StatusMet},
	})
	for _, c := range []struct{ body, want string }{
		{"the safeguards available at: https://example.com/s.", "https://example.com/s"},
		{"the security policy published on [www.example.com/policy](https://example.com/policy)", "www.example.com/policy"},
		{"the administrative, physical and technical safeguards that Provider maintains for the Services, including encryption, access control and logging, as described further at https://example.com/s", ""},
		{"the measures in Schedule 2.", ""},
	} {
		if got := pointerDefinition(c.body); got != c.want {
			t.Errorf("pointerDefinition(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

// TestSubjectLeadIn: "You (i) are responsible ...; (ii) shall notify ..."
// - a list whose lead-in is only its subject: the items are that
// party's, not subjectless duties read as the vendor's.
func TestSubjectLeadIn(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name, lead string
		items      []string
		rule, want string
	}{
		{"the customer's notice of misuse", "You", []string{"are responsible for all activity under your user accounts;", "shall notify the Reseller promptly of any unauthorized access to the Service that you become aware of."}, "breach-notification", StatusMissing},
		{"the customer's duties", "The Customer", []string{"are responsible for all activity under its user accounts;", "shall keep its passwords confidential."}, "customer-responsibilities", StatusMet},
		{"the vendor's notice", "Provider", []string{"shall maintain a security programme;", "shall notify Customer of any Security Incident within 48 hours."}, "breach-notification", StatusMet},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := itemsAgreement("7.2", tc.lead, tc.items)
			res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := status(res, tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
	// A heading before a list of whole sentences is no subject.
	for _, c := range []struct {
		head, item string
		want       bool
	}{
		{"You", "(i) are responsible for your accounts;", true},
		{"Each Party", "(a) shall keep the other's data confidential;", true},
		{"Security", "(a) Provider shall encrypt Customer Data.", false},
		{"Provider shall", "(a) notify Customer.", false},
	} {
		if got := subjectLeadIn(c.head, c.item); got != c.want {
			t.Errorf("subjectLeadIn(%q, %q) = %v, want %v", c.head, c.item, got, c.want)
		}
	}
}

package analyze

import (
	"strings"
	"testing"
)

// TestTrialfix33cKinds: kinds of fault a new user (trial33) found on outside
// agreements, each in sentences of our own writing beside one that must
// stay as it was.
func TestTrialfix33cKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"information to demonstrate the vendor's compliance", []string{"The Supplier shall make available to the Client all information necessary to demonstrate compliance with its obligations under this Addendum."}, "audit-rights", StatusWeak},
		// 10. Administrative details kept current are no security duty.
		{"customer keeps billing details current", []string{"The Client shall keep its billing, contact and other account details accurate and current."}, "customer-responsibilities", StatusMissing},
		{"customer keeps credentials secret", []string{"The Client shall keep its account credentials confidential and shall notify the Supplier promptly of any unauthorised use of its account."}, "customer-responsibilities", StatusMet},
		// 11. The auditors' courtesy on the vendor's site is no audit
		// right.
		{"auditors avoid damage to the premises", []string{"The Controller's staff and its auditors agree to take reasonable steps to avoid disturbing the Processor's operations and to avoid damage to the Processor's premises during an audit."}, "audit-rights", StatusMissing},
		{"an audit right with a courtesy", []string{"The Client may inspect the Supplier's premises once notice is given, and shall take reasonable steps to avoid damage to them."}, "audit-rights", StatusMet},
		// 8. A security promise the next sentence disclaims is weak.
		{"precautions then disclaimed", []string{"The Supplier will take industry-standard security precautions to shield the Service from intrusion. The Supplier does not agree to make sure the Service is free of coding errors or entirely secure from every attack."}, "vendor-security", StatusWeak},
		// 1. A written plan to recover from a disaster is a (weak, never
		// tested) continuity term.
		{"a recovery plan tested", []string{"The Supplier shall maintain a written plan to recover from any Disaster and shall test it once a year."}, "business-continuity", StatusMet},
		{"plan to recover from a disaster", []string{"The Supplier shall maintain, and review now and then, a written plan to recover from any Disaster that affects the systems it uses to run the Service."}, "business-continuity", StatusWeak},
	})
}

// TestTrialfix33cOwnCompliance: information the vendor gives for the
// customer's own compliance with other laws (tax, export) is no audit
// right, though its heading says "Compliance Information" (3).
func TestTrialfix33cOwnCompliance(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ heading, body, want string }{
		{"Provide Client Tax-Compliance Information", "Provider agrees to give Client the information Client needs to comply with the sales tax laws that apply to its fees.", StatusMissing},
		{"Export Compliance Information", "Provider will give Client such information about the Products as Client needs to comply with export control laws.", StatusMissing},
		{"Compliance Information", "Provider will give Client information about its compliance with this Agreement on request.", StatusWeak},
	} {
		md := "# Service Terms\n\n## " + tc.heading + "\n\n" + tc.body + "\n"
		if got := status(runMarkdown(t, rs, md), "audit-rights"); got != tc.want {
			t.Errorf("%q: audit-rights %s, want %s", tc.heading, got, tc.want)
		}
	}
}

// TestTrialfix33cAuditConductMatrix: the customer's auditors' courtesy on
// the vendor's site ("avoid damage to the premises") does not make the
// customer the owner of datacenter security (11).
func TestTrialfix33cAuditConductMatrix(t *testing.T) {
	rs := loadRules(t)
	md := "# Data Processing Terms\n\n## Audits\n\nThe Controller's staff and its auditors agree to take reasonable steps to avoid damage to the Processor's premises and to its hardware while they carry out an audit.\n"
	for _, row := range runMarkdown(t, rs, md).Matrix {
		if (row.Domain == "DCS" || row.Domain == "HRS") && row.AgreementOwner == OwnerCustomer {
			t.Errorf("%s: the customer owns it from an auditors' courtesy", row.Domain)
		}
	}
	// The customer's own premises duty stays the customer's.
	md = "# Terms\n\n## Customer Sites\n\nThe Client shall keep physical security controls at the premises where it runs the on-premises hardware.\n"
	for _, row := range runMarkdown(t, rs, md).Matrix {
		if row.Domain == "DCS" && row.AgreementOwner != OwnerCustomer {
			t.Errorf("DCS: %s, want the customer's own premises duty", row.AgreementOwner)
		}
	}
}

// TestTrialfix33cBibliography: a "References" list of outside sources
// (titles and URLs) points at no term for the agreement (9).
func TestTrialfix33cBibliography(t *testing.T) {
	rs := loadRules(t)
	md := "# Terms of Use\n\n## Use of the Service\n\nYou may use the Service only for lawful purposes.\n\n## References\n\nNational Institute of Standards and Technology. (2020). Security and privacy controls. NIST. https://csrc.nist.gov/\n\nU.S. Department of Commerce. (2021). Export administration regulations. https://www.bis.doc.gov/\n"
	if got := status(runMarkdown(t, rs, md), "data-location"); got != StatusMissing {
		t.Errorf("data-location %s from a bibliography, want missing", got)
	}
}

// TestTrialfix33cCodeSpanBlanks: a Markdown form's blanks written as code
// spans ("within `Export Period`", "` `") are unfilled placeholders, and
// a term whose value is one is weak (6).
func TestTrialfix33cCodeSpanBlanks(t *testing.T) {
	rs := loadRules(t)
	md := "# Service Terms\n\n## Ending the Agreement\n\nWhen this agreement ends, the Supplier agrees to return all Customer Data to the Client within `Export Period` of the Client's request.\n\n## Security Measures\n\n`security measures`\n\n## Support\n\nThe Supplier will answer support tickets within ` ` business days.\n"
	res := runMarkdown(t, rs, md)
	var msg string
	for _, w := range res.Warnings {
		if w.Code == WarnPlaceholders {
			msg = w.Message
		}
	}
	for _, want := range []string{"`Export Period`", "`security measures`", "``"} {
		if !strings.Contains(msg, want) {
			t.Errorf("placeholder warning %q lacks %s", msg, want)
		}
	}
	if got := status(res, "data-return-exit"); got != StatusWeak {
		t.Errorf("data-return-exit %s, want weak (its period is a blank)", got)
	}
	// Code that is no blank (a header name, a path) is no placeholder.
	md = "# Service Terms\n\n## Security\n\nThe Supplier shall send the `Strict-Transport-Security` header and serve the API only under `/v2/`.\n"
	for _, w := range runMarkdown(t, rs, md).Warnings {
		if w.Code == WarnPlaceholders {
			t.Errorf("code taken for a blank: %s", w.Message)
		}
	}
}

package analyze

import (
	"strings"
	"testing"
)

// TestTrial27bKinds: sentences of our own writing for the kinds a new
// user's trial on three outside documents showed (trial27b), each beside
// one that still shows the term.
func TestTrial27bKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"an imperative to the reader is a customer duty", []string{"Change your password regularly and keep it secret."}, "customer-responsibilities", StatusMet},
		{"a notice of changes thirty days ahead", []string{"Provider will inform Customer of material changes to this policy at least thirty days before they take effect."}, "change-notice", StatusMet},
		// A narrow offer's change is no change of the terms.
		{"a trial offer changed without notice", []string{"Harbourline may amend or withdraw the free-trial offer at any time without notice."}, "change-notice", StatusMissing},
		// A service level's bullet commits the notice in a noun.
		{"a notice in a noun beside a policy list", []string{"Security incidents: immediate notification to Customer.", "Provider maintains controls as described in its Security Incident Response Plan, available upon request."}, "breach-notification", StatusMet},
	})
	res := run(t, rs, Options{}, "Harbourline may amend or withdraw the free-trial offer at any time without notice.")
	if fl := redFlagSections(res); len(fl) != 0 {
		t.Errorf("red flags %q on a trial offer's change, want none", fl)
	}
	res = run(t, rs, Options{}, "Harbourline may amend these Terms at any time without notice.")
	if fl := redFlagSections(res); len(fl) == 0 {
		t.Errorf("no red flag on a change of the terms without notice")
	}
}

// TestSubHeadingItemsKeepTheLeadIn: every bullet under a bold sub-heading
// of a clause whose lead-in introduces the lists is the lead-in's party's
// (trial27b: business continuity was missing though a bullet under
// "Organizational Measures:" named the plans).
func TestSubHeadingItemsKeepTheLeadIn(t *testing.T) {
	rs := loadRules(t)
	md := `# Processing Terms

These terms are between Fenwick Analytics Ltd ("Vendor") and the customer ("Customer").

## 1. Safeguards

Vendor shall implement and maintain appropriate safeguards for Customer Data, including:

**Technical Safeguards:**
- Encryption of Customer Data at rest
- Multi-factor authentication for administrators

**Organisational Safeguards:**
- Written information security policies
- Business continuity and disaster recovery plans
- Background checks for staff
`
	res := runMarkdown(t, rs, md)
	// Weak, not met: the plans are never said to be tested (trialfix33c).
	if got := status(res, "business-continuity"); got != StatusWeak {
		t.Errorf("business-continuity %s, want weak from the second bullet under the sub-heading", got)
	}
	for _, f := range res.Findings {
		if f.Rule == "business-continuity" && len(f.Evidence) > 0 && !strings.Contains(f.Evidence[0].Text, "Vendor shall implement") {
			t.Errorf("quote %q, want the lead-in with the bullet", f.Evidence[0].Text)
		}
	}
}

// TestAuditReplacedByReportsIsWeak: a sub-heading of the audit clause lets
// the vendor give reports instead of the audit (trial27b).
func TestAuditReplacedByReportsIsWeak(t *testing.T) {
	rs := loadRules(t)
	md := `# Processing Terms

These terms are between Fenwick Analytics Ltd ("Vendor") and the customer ("Customer").

## 4. Audits

Vendor shall allow for and contribute to audits, including inspections, by Customer or its appointed auditor.

**Audit Conditions:**
- Customer shall give reasonable notice of any audit.
- Vendor may provide its most recent independent audit report instead of an on-site audit.
`
	if got := status(runMarkdown(t, rs, md), "audit-rights"); got != StatusWeak {
		t.Errorf("audit-rights %s, want weak", got)
	}
	md = strings.Replace(md, "- Vendor may provide its most recent independent audit report instead of an on-site audit.\n", "", 1)
	if got := status(runMarkdown(t, rs, md), "audit-rights"); got != StatusMet {
		t.Errorf("audit-rights %s without the substitution, want met", got)
	}
}

// TestHeadingIsNoDuty: a heading or a list's label in the vendor's own
// measures schedule names a topic; it orders no one (trial27b: "Change
// Management" gave customer responsibilities met).
func TestHeadingIsNoDuty(t *testing.T) {
	rs := loadRules(t)
	md := `# Processing Terms

These terms are between Fenwick Analytics Ltd ("Vendor") and the customer ("Customer").

## 1. Breach

Vendor shall notify Customer of any Security Incident within 48 hours.

## Schedule 1 Security Measures

### 1. Operations

- **Change Management**
  - Change approval procedures
  - Rollback plans

- **Configuration Management**
  - Hardened baseline images
`
	if got := status(runMarkdown(t, rs, md), "customer-responsibilities"); got != StatusMissing {
		t.Errorf("customer-responsibilities %s, want missing", got)
	}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Change Management", false},
		{"Change approval procedures", false},
		{"Protect Customer Data", false},
		{"Change your password regularly", true},
		{"Notify Provider of any breach", true},
		{"Delete customer data", true},
	} {
		f := buildFrame("", c.text, rs.Vocabulary, nil, nil)
		if got := len(f.preds) > 0 && f.preds[0].actor == PartyCustomer && f.preds[0].modality == ModalBinding; got != c.want {
			t.Errorf("%q: an order to the customer %v, want %v", c.text, got, c.want)
		}
	}
}

package analyze

import (
	"slices"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestTrialfix22bKinds: kinds of fault a new user (trial30b) found on three
// outside agreements, each in sentences of our own writing beside one that
// still binds.
func TestTrialfix22bKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// 1. What a denied guarantee refuses to promise binds no one:
		// "cannot guarantee that ... will", "does not guarantee that it
		// will". A turn ("but it will") promises again.
		{"a denied guarantee of complete findings", []string{"The Tester cannot promise that its report will be exhaustive, nor that all vulnerabilities present in the Customer's network will be reported."}, "vulnerability-disclosure", StatusMissing},
		{"a guarantee of notice denied", []string{"The Supplier does not guarantee that it will notify the Customer of each vulnerability in the platform."}, "vulnerability-disclosure", StatusMissing},
		{"a promise after the denial still binds", []string{"The Supplier does not guarantee that the platform will be free of defects, but it will notify the Customer of any critical vulnerability within five days."}, "vulnerability-disclosure", StatusMet},
		// 1b. "present" the adjective (existing) hands nothing over; the
		// verb still does.
		{"flaws present in an environment are told to no one", []string{"The Supplier shall keep a list of the vulnerabilities present in its hosting environment."}, "vulnerability-disclosure", StatusMissing},
		{"presenting the vulnerabilities still tells", []string{"The Supplier shall present to the Customer a summary of the vulnerabilities found in the platform each quarter."}, "vulnerability-disclosure", StatusMet},
		// 4. "It is the Client's responsibility to ..." is the client's
		// duty, and its own backups are no business continuity of the
		// vendor's.
		{"it is the customer's responsibility", []string{"It is the Customer's responsibility to keep backups of its own files so that it can restore them after a failure."}, "customer-responsibilities", StatusMet},
		{"the customer's own backups are no vendor continuity", []string{"It is the Customer's responsibility to keep backups of its own files so that it can restore them after a failure."}, "business-continuity", StatusMissing},
		{"the vendor's own duty stays the vendor's", []string{"It shall be the Vendor's duty to keep daily backups of Customer Data and to restore the Service within four hours of a disaster."}, "customer-responsibilities", StatusMissing},
		// 5. Data kept in approved regions, and the hosting countries
		// disclosed, state where the data is; the customer's records
		// stored somewhere are no books opened for audit.
		{"data kept in permitted regions", []string{"Customer Data shall be kept only in permitted regions: Canada or Switzerland."}, "data-location", StatusMet},
		{"the countries of storage disclosed", []string{"The Vendor shall disclose the countries where client records are stored."}, "data-location", StatusMet},
		{"the countries of storage are no audit right", []string{"The Vendor shall disclose the countries where client records are stored."}, "audit-rights", StatusMissing},
		{"the vendor's books opened still count", []string{"The Vendor shall make its books and records available to the Customer on request."}, "audit-rights", StatusWeak},
		// 6. A parenthesis between the subject and its modal: the auditor
		// the customer appoints acts for the customer.
		{"the customer or its nominee may inspect", []string{"The Client (or an auditor it nominates) may inspect the Vendor's data centres and processing once per year."}, "audit-rights", StatusWeak},
	})
}

// TestTrialfix22bRedFlags: a change both parties must agree is no
// unilateral change, even with a relative clause after it or "both
// parties" after the agreement; a change the vendor makes alone still is.
func TestTrialfix22bRedFlags(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Changes to this schedule may be made by mutual consent, which neither side may unreasonably withhold.", false},
		{"Changes to this schedule may be made by agreement of both parties.", false},
		{"The Supplier may amend this schedule at any time.", true},
	} {
		res := run(t, rs, Options{}, tc.text)
		got := hasRedFlag(res, "change-notice", "unilateral-change")
		if got != tc.want {
			t.Errorf("%q: unilateral-change %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestTrialfix22bStructure: kinds that live in a document's layout.
func TestTrialfix22bStructure(t *testing.T) {
	rs := loadRules(t)
	// 3. A bold sub-heading after the items of "The Vendor shall ...:"
	// continues the vendor's list: its bare verbs are the vendor's.
	vendorList := "# Security Terms\n\n## 3. MAINTENANCE\n\n**3.1 Fixes**\n\nThe Vendor shall deploy fixes:\n- **High severity:** within 5 days\n- **Low severity:** within 60 days\n\n**Emergency fixes:**\n- Apply emergency security patches within a day\n- Warn the Customer before any planned outage\n"
	if got := status(runMarkdown(t, rs, vendorList), "customer-responsibilities"); got != StatusMissing {
		t.Errorf("sub-heading under the vendor's list: customer-responsibilities %s, want missing", got)
	}
	// A sub-heading that names the customer starts the customer's list.
	customerList := "# Security Terms\n\n## 3. MAINTENANCE\n\n**3.1 Fixes**\n\nThe Vendor shall deploy fixes:\n- within 5 days of release\n\n**Client duties:**\n- Keep the Client's own passwords secret\n- Install the Vendor's fixes on the Client's devices within a week\n"
	if got := status(runMarkdown(t, rs, customerList), "customer-responsibilities"); got != StatusMet {
		t.Errorf("a customer sub-heading: customer-responsibilities %s, want met", got)
	}
	// 6. The customer's audit list under a parenthesised appointee is
	// cited at its own clause.
	audit := "# Security Terms\n\n## 7. ASSURANCE\n\n**7.1 Inspections**\n\nThe Client (or an auditor it nominates) may:\n- inspect the Vendor's data centres each year\n- review the Vendor's access logs on notice\n"
	if f := finding(runMarkdown(t, rs, audit), "audit-rights"); f == nil || f.Status == StatusMissing || len(f.Evidence) == 0 || f.Evidence[0].Section != "7.1" {
		t.Errorf("audit under a parenthesised appointee: %+v, want found at 7.1", f)
	}
	// 8. The duty is cited, not the first item of its exception.
	exit := "# Hosting Terms\n\n1. Services. The Vendor will run the hosted service described in the order form.\n\n2. Exit\n\n2.1. The Vendor shall erase all Customer Data within 30 days after termination, except that the Vendor shall be permitted to:\n\n2.1.1. retain aggregated metrics without limit;\n\n2.1.2. retain its invoices to the Customer.\n"
	if f := finding(runMarkdown(t, rs, exit), "data-return-exit"); f == nil || f.Status == StatusMissing || len(f.Evidence) == 0 || f.Evidence[0].Section != "2.1" {
		t.Errorf("a duty with an exception list: %+v, want found at 2.1", f)
	}
	// 9. Names a condition gives as examples are no subprocessors; a
	// named subprocessor still is.
	hypo := "# Security Terms\n\n## 4. SUPPLIERS\n\nThe Vendor shall obtain the Client's written approval before it engages any new subprocessor.\n\nWhere the Vendor relies on a cloud provider (Rackspace, Equinix or DigitalOcean):\n- the cloud provider must be certified to ISO 27001\n"
	if subs := runMarkdown(t, rs, hypo).Subprocessors; len(subs) != 0 {
		t.Errorf("examples in a condition listed as subprocessors: %+v", subs)
	}
	named := "# Security Terms\n\n## 4. SUPPLIERS\n\nThe Vendor hosts the Service with Equinix, its only subprocessor.\n"
	if subs := runMarkdown(t, rs, named).Subprocessors; len(subs) != 1 || subs[0].Name != "Equinix" {
		t.Errorf("a named subprocessor: %+v, want Equinix", subs)
	}
}

// TestTrialfix22bPlaceholders: drafting values left in brackets ("[90
// days]", "[2 hours / 8 hours]", "[Vendor support contact]") are
// placeholders to warn of; a year or a footnote mark in brackets is not.
func TestTrialfix22bPlaceholders(t *testing.T) {
	got := blanksIn("The Vendor shall keep logs for [90 days], answer within [2 hours / 8 hours], name [Vendor support contact] as the contact, as held in [2019] EWHC 12 [1].")
	want := []string{"[90 days]", "[2 hours / 8 hours]", "[Vendor support contact]"}
	if !slices.Equal(got, want) {
		t.Errorf("blanks %q, want %q", got, want)
	}
}

// TestTrialfix22bTitledPart: a title naming a general agreement and, after
// a dash, the part of it the document is, is that part (a security
// schedule), not the agreement; the agreement's own title stays its kind.
func TestTrialfix22bTitledPart(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"# Cloud Services Agreement – Data Security Exhibit\n\n1. Scope. The Vendor shall meet these security requirements when it runs the service.\n", "security"},
		{"# Cloud Services Agreement\n\n1. Scope. The Vendor shall run the service described in each order.\n", "msa"},
	} {
		a := &extract.Agreement{Path: "terms.md", Format: "md", Pages: []extract.Page{{Number: 1, Text: tc.text}}}
		if got := DetectKind(a); got.Kind != tc.want {
			t.Errorf("%q: kind %s (%s %q), want %s", tc.text, got.Kind, got.From, got.Cue, tc.want)
		}
	}
}

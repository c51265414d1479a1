package analyze

import "testing"

// TestTrialfix23Kinds: kinds of fault new users' trials found (issue 11),
// each reproduced with sentences of our own writing.
func TestTrialfix23Kinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// A regulator inspecting the customer: the customer is the one
		// audited, no audit right of its own over the vendor and no
		// cooperation of the vendor's.
		{"the customer lets its regulator audit its own systems", []string{"The Client shall allow its banking regulator to audit the Client's own systems at any time."}, "audit-rights", StatusMissing},
		{"the customer lets the authority in", []string{"The Client will permit the supervisory authority to inspect its offices and records."}, "audit-rights", StatusMissing},
		{"an authority examines the customer's books", []string{"Any competent authority may examine the Client's books without notice."}, "regulator-cooperation", StatusMissing},
		{"the customer's audit of the vendor stays", []string{"The Client may audit the Supplier's premises once a year on thirty days' notice."}, "audit-rights", StatusWeak},
		{"the vendor letting the regulator in stays", []string{"The Supplier shall permit the Client's regulator to audit the Supplier's systems."}, "regulator-cooperation", StatusMet},
		// A termination (or a service ended) for convenience on notice
		// ends the contract: no notice of a change.
		{"a service ended for convenience", []string{"The Supplier may end any Subscription or discontinue any Service for convenience on sixty days' written notice to the Client."}, "change-notice", StatusMissing},
		{"the notice before a service is discontinued stays", []string{"The Supplier will give the Client sixty days' notice before it discontinues any Service."}, "change-notice", StatusMet},
		// The mutual duty of confidentiality is no security measure of the
		// vendor's.
		{"each party protects the other's confidential information", []string{"Each party shall protect the other's confidential information against unauthorised disclosure."}, "vendor-security", StatusMissing},
		{"the disclosing party's information safeguarded", []string{"The receiving party will safeguard the disclosing party's Confidential Information with reasonable security measures."}, "vendor-security", StatusMissing},
		{"the vendor's own measures stay", []string{"The Supplier shall implement appropriate technical measures to protect Client Data against unauthorised access."}, "vendor-security", StatusMet},
		// What the customer tells the data subjects about processors
		// abroad is no location the vendor commits to.
		{"the customer tells data subjects of processing abroad", []string{"The Client shall inform the data subjects that their personal data may be processed by processors located outside the European Economic Area."}, "data-location", StatusMissing},
		{"the customer informing data subjects", []string{"The Client is responsible for informing Data Subjects that Processors outside the EEA may process their data."}, "data-location", StatusMissing},
		{"the vendor's own location stays", []string{"The Supplier shall store Client Data only in data centres located in the European Economic Area."}, "data-location", StatusMet},
		// An assurance report "available on request" is the report held
		// out (weak: to no one named), no pointer; an invitation to write
		// for it is weak (nothing owed). Given to the customer on request
		// it stays met.
		{"a certificate available on request", []string{"Our ISO 27001 certificate is available on request."}, "security-reports", StatusWeak},
		{"write to us for the report", []string{"Please write to us at assurance@quillby.example for a copy of our SOC 2 report."}, "security-reports", StatusWeak},
		{"contact the account manager for the report", []string{"To receive our latest SOC 1 report, please get in touch with your account manager."}, "security-reports", StatusWeak},
		{"the report given on request stays met", []string{"The Supplier will give the Client a copy of its SOC 2 report on request."}, "security-reports", StatusMet},
		{"policies on request still point", []string{"Our security policies are available on request."}, "vendor-security", StatusByReference},
	})
	// A DPA's items under a lead-in that only names the party ("The
	// Processor:") open with a verb in -s: the lead-in's party acts, and
	// the liability and termination the items state are found.
	md := "# Data Processing Agreement\n\nThis agreement is between the customer (\"Controller\") and Quillby Ltd (\"Processor\").\n\n" +
		"## 7. Sub-processors\n\nThe Controller gives the Processor a general authorisation to engage sub-processors. The Processor shall tell the Controller of any new sub-processor 30 days in advance. The Processor:\n\n" +
		"- Imposes on each sub-processor the data protection obligations of this Agreement;\n" +
		"- Remains liable to the Controller for the acts and omissions of each sub-processor;\n" +
		"- Stays responsible to the Controller for every sub-processor's performance.\n"
	res := runMarkdown(t, rs, md)
	// "Reports are available on request" under a reports heading.
	reports := runMarkdown(t, rs, "# Services Agreement\n\nThis agreement is between Quillby Ltd (\"Supplier\") and the customer (\"Client\").\n\n## 11. ISO 27001 Certificates and SOC 2 Reports\n\nReports are available on request.\n")
	if got := status(reports, "security-reports"); got != StatusWeak {
		t.Errorf("reports on request under a reports heading: security-reports %s, want weak", got)
	}
	for _, f := range res.Findings {
		if f.Rule != "subprocessors" {
			continue
		}
		for _, e := range f.Elements {
			if e.ID == "liability" && !e.Found {
				t.Errorf("subprocessors: liability not found, notes %v", f.Notes)
			}
		}
	}
}

// TestTrialfix23AnnexMeasures: the verb-less bullets of an annex of
// technical and organisational measures are the vendor's in the
// responsibility matrix.
func TestTrialfix23AnnexMeasures(t *testing.T) {
	rs := loadRules(t)
	md := "# Data Processing Agreement\n\nThis agreement is between the customer (\"Controller\") and Quillby Ltd (\"Processor\").\n\n" +
		"## 4. Security\n\nThe parties agree the measures in Annex 3.\n\n" +
		"## Annex 3. Technical and Organisational Measures\n\n" +
		"- Encryption of stored personal data with AES-256\n" +
		"- Two-factor authentication for all privileged accounts\n"
	res := runMarkdown(t, rs, md)
	for _, r := range res.Matrix {
		if (r.Domain == "CEK" || r.Domain == "IAM") && r.AgreementOwner != OwnerVendor {
			t.Errorf("%s: agreement owner %s, want vendor", r.Domain, r.AgreementOwner)
		}
	}
}

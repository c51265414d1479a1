package analyze

import (
	"strings"
	"testing"
)

// trial27dTerms is a processing addendum of our own writing with the
// shapes a new user's trial on outside documents showed (trial27d): a
// lead-in on "the security of personal data" and "the prior consultations
// referred to in Articles 32 to 36" before numbered paragraphs, some of
// which are whole sentences of their own (caps on liability, a disclaimer
// of liability for sub-processors, force majeure), and a list of
// sub-processors by reference in another clause.
const trial27dTerms = `# Data Processing Terms

These terms are between Orrin Vale s.r.o. ("Supplier") and the customer ("Client").

## 1. Scope

1.1 These terms apply to the processing of personal data by the Supplier for the Client.

## 2. Support of the Client

The Supplier shall support the Client in meeting its duties on the security of processing, the reporting requirements for personal data breaches and the prior consultations referred to in Articles 32 to 36 of the GDPR. These include:

2.1 Keeping a level of protection suited to the likely harm from breaches of the law caused by security vulnerabilities.

2.2 The duty to report personal data breaches to the Client without delay.

2.3 The Supplier shall not be liable for any indirect or consequential damages, including loss of revenue or data, arising out of the processing of personal data under these terms, except in case of gross negligence.

2.4 The Supplier shall not be liable for any acts or omissions of sub-processors or other third parties engaged in processing personal data on behalf of the Supplier, unless caused by its own gross negligence.

2.5 The Supplier shall not be liable for any failure to perform its obligations caused by events beyond its reasonable control.

## 3. Sub-processors

The Supplier may engage sub-processors. A current list of the sub-processors is published at https://example.com/legal/subprocessors.

## 4. Term

4.1 These terms end with the main agreement.
`

// TestTrial27dKinds: the kinds trial27d found, on our own sentences.
func TestTrial27dKinds(t *testing.T) {
	rs := loadRules(t)
	res := runMarkdown(t, rs, trial27dTerms)
	// 1. A cap on liability, force majeure or a disclaimer of liability
	// for sub-processors read after a lead-in on "the security of personal
	// data" disclaims no security duty.
	for _, fl := range redFlagSections(res) {
		if strings.HasPrefix(fl, "vendor-security ") {
			t.Errorf("red flag %s: a cap on liability is no security disclaimer", fl)
		}
	}
	// 2. Not being liable for sub-processors is no element of the term:
	// the list by reference alone with that disclaimer is weak, and the
	// list clause is the one cited.
	if got := status(res, "subprocessors"); got != StatusWeak {
		t.Errorf("subprocessors %s, want weak (a list by reference, liability for them disclaimed)", got)
	}
	for _, f := range res.Findings {
		if f.Rule == "subprocessors" && (len(f.Evidence) == 0 || f.Evidence[0].Section != "3") {
			t.Errorf("subprocessors cite %v, want §3 (the list) first", f.Evidence)
		}
	}
	// 4. A breach notice read after a paragraph on breaches of the law
	// through vulnerabilities discloses no vulnerability.
	if got := status(res, "vulnerability-disclosure"); got != StatusMissing {
		t.Errorf("vulnerability-disclosure %s, want missing", got)
	}
	if got := status(res, "breach-notification"); got != StatusMet {
		t.Errorf("breach-notification %s, want met (2.2 still reads with its lead-in)", got)
	}

	// A disclaimer of the service's security is still one, and so is a
	// disclaimer of liability for sub-processors.
	res = run(t, rs, Options{}, "The Supplier makes no warranty that the Service is secure.")
	if fl := redFlagSections(res); len(fl) == 0 {
		t.Errorf("no red flag on a disclaimer of the service's security")
	}
	res = run(t, rs, Options{}, "The Supplier publishes a list of its subcontractors at https://example.com/subcontractors.", "The Supplier is not liable for the acts or omissions of its subcontractors.")
	if got := status(res, "subprocessors"); got != StatusWeak {
		t.Errorf("subprocessors %s on a list and a disclaimer of liability for them, want weak", got)
	}
}

// TestPointerToServiceLevels: a pointer to an exhibit of service levels
// is the service levels by reference, and a definition list's lead-in
// before it lends it no incident (trial27d: notification content "by
// reference" on the service-level pointer, service levels missing).
func TestPointerToServiceLevels(t *testing.T) {
	rs := loadRules(t)
	md := `# Technology Terms of Use

These terms are between Brightfen Inc. ("Brightfen") and the customer ("Client").

**Definitions.**
The following definitions shall apply to the Agreement:

* "**Outage Event**" means one or more of the following: (i) loss of the Services; (ii) a security breach that stops the Services.
* "**Services**" means the hosted platform.

1. **Services.**
   1. **Scope.** Brightfen will provide the Services described in the Order Form.
   2. **Equipment.** Client is solely responsible for the equipment it uses to reach the Services.
   3. **Service Level.** Service level terms and conditions are set forth in the attached Schedule 4.

2. **Fees.**
   1. Client shall pay the fees in the Order Form.
`
	res := runMarkdown(t, rs, md)
	if got := status(res, "service-levels"); got != StatusByReference {
		t.Errorf("service-levels %s, want by-reference", got)
	}
	if got := status(res, "notification-content"); got != StatusMissing {
		t.Errorf("notification-content %s, want missing", got)
	}
}

// TestDefinedUserIsTheCustomer: terms that call the customer "User" in a
// definition list ("User means any legal entity or natural person other
// than the Provider that uses the Service") bind the customer with "the
// User shall": its duty to back up its own data is no vendor continuity,
// and its duty to keep its credentials secret is a customer
// responsibility (trial27d).
func TestDefinedUserIsTheCustomer(t *testing.T) {
	rs := loadRules(t)
	res := run(t, rs, Options{},
		"The following terms have these meanings:\n\nProvider\n     refers to the company Quillstone s.r.o., with its registered office in Brno;\nUser\n     means any legal entity or natural person other than the Provider that uses the Service;",
		"The Provider shall keep the Service available during business hours.",
		"The User accepts that the Service may at times be unavailable for reasons the Provider cannot control. The User therefore agrees and undertakes to keep backups of all of its data held in the Service at a separate location.",
		"The User is required to keep its access credentials confidential.")
	if got := status(res, "business-continuity"); got != StatusMissing {
		t.Errorf("business-continuity %s, want missing (the backups are the customer's)", got)
	}
	if got := status(res, "customer-responsibilities"); got != StatusMet {
		t.Errorf("customer-responsibilities %s, want met", got)
	}
}

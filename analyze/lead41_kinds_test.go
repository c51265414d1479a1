package analyze

import "testing"

// TestLead41BracketedNote: a template's drafting note in brackets after a
// BAA's termination clause ("[Bracketed language may be added ...]") was
// read as the end of the clause's sentence, whose actor and "may" it then
// took: the HHS sample BAA's termination right read missing once the rule
// carried BAAs (stop 41). The note is a sentence of its own.
func TestLead41BracketedNote(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	const head = "# Business Associate Agreement\n\nThis Business Associate Agreement is between Harbor Clinic (\"Covered Entity\") and Lumen Records (\"Business Associate\").\n\n## 1. Safeguards\n\nBusiness Associate shall use appropriate safeguards to prevent use or disclosure of protected health information.\n\n## 2. Ending the agreement\n\n"
	for _, tc := range []struct{ text, want string }{
		{"Business associate authorizes termination of this Agreement by covered entity if covered entity finds that business associate has violated a material term of the Agreement. [Optional wording may be inserted here if the parties want a cure period.]", "met"},
		{"Business associate authorizes termination of this Agreement by covered entity if covered entity finds that business associate has violated a material term of the Agreement.", "met"},
	} {
		res := runMarkdown(t, rs, head+tc.text+"\n")
		got := ""
		for _, f := range res.Findings {
			if f.Rule == "termination-rights" {
				got = string(f.Status)
			}
		}
		if got != tc.want {
			t.Errorf("%q: termination-rights %s, want %s", tc.text, got, tc.want)
		}
	}
}

// TestLead41LicenceAudit: the vendor's audit of the customer's licence use
// and the sentence on who pays for it when it finds an underpayment are no
// audit right of the customer (new user 53: a subscription licence's
// "Reporting/Audit" clause read as the customer's audit right, weak).
func TestLead41LicenceAudit(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	const md = "# Subscription Licence Agreement\n\nThis Subscription Licence Agreement is between Quarry Build Tools, Inc. (\"Company\") and the entity ordering the Product (\"Customer\").\n\n## 1. Security\n\nCompany shall maintain appropriate technical and organisational measures to protect Customer Data.\n\n## 2. Usage reports and audit\n\nOn Company's request, Customer will report its usage of the Product. If there is a discrepancy between the report and the Order Form, Company may, at its own cost and no more than once a year, audit Customer's records relating to its use of the Product, and Customer shall reasonably cooperate with any such audit. Should the audit show an underpayment above five percent of the amount Customer paid for the audited period, Customer shall also pay Company's reasonable expenses of the audit.\n"
	res := runMarkdown(t, rs, md)
	for _, f := range res.Findings {
		if f.Rule == "audit-rights" && f.Status != StatusMissing {
			t.Errorf("audit-rights %s, want missing: %v", f.Status, f.Evidence)
		}
	}
}

package analyze

import (
	"context"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestGradeReadsTheClause: sentences of our own writing, each a kind of
// false MET seen on real agreements (issue 11, grades): the quoted sentence
// states the term, but the clause it stands in limits it, or what it states
// is only part of the term.
func TestGradeReadsTheClause(t *testing.T) {
	rs := loadRules(t)
	tests := []statusCase{
		// An audit right limited in the clause's next sentence.
		{"audit at the customer's cost, next sentence", []string{"Customer may audit Provider's compliance with this Agreement on reasonable notice. Any such audit shall be at Customer's own expense."}, "audit-rights", StatusWeak},
		{"audit only if the reports do not suffice, next sentence", []string{"Provider shall allow for and contribute to audits, including inspections, by Customer or its auditor. Customer may only conduct an audit where the certifications provided by Provider do not reasonably demonstrate compliance."}, "audit-rights", StatusWeak},
		{"audit once a year, next sentence", []string{"The Client may inspect the Supplier's processing facilities. Inspections may take place once per calendar year."}, "audit-rights", StatusWeak},
		{"an unlimited audit clause stays met", []string{"Customer may audit Provider's compliance with this Agreement on reasonable notice. Provider shall give the auditor access to its premises and personnel."}, "audit-rights", StatusMet},
		// Another clause's cost is no limit of this one.
		{"a cost in another clause", []string{"Customer may audit Provider's compliance with this Agreement on reasonable notice.", "Support beyond the Service Level is provided at Customer's expense."}, "audit-rights", StatusMet},
		// A report offered only if the vendor has one.
		{"a report only if the vendor has one", []string{"To the extent the Supplier holds a SOC 2 Type II report for the Service, it will give the Customer a copy each year."}, "security-reports", StatusWeak},
		// Backups and redundancy are no plan to recover.
		{"backups alone are no continuity plan", []string{"Provider backs up Customer Data every day and keeps the backups in a second data centre."}, "business-continuity", StatusWeak},
		{"a recovery plan is continuity", []string{"Provider shall maintain a disaster recovery plan for the Service and test it every year."}, "business-continuity", StatusMet},
		// Logs the vendor keeps give the customer no access to them.
		{"logs kept are no access", []string{"Provider retains the access logs of Customer's account for one year."}, "log-access", StatusWeak},
		// A permission bound by a proviso on the vendor: the items are owed,
		// and elements stated in the items and the next sentence count.
		{"may engage, provided that the vendor: (a) ... (c)", []string{"Provider may engage subprocessors to process Customer Data, provided that Provider: (a) maintains a list of its subprocessors on its website; (b) notifies Customer at least 30 days before engaging a new subprocessor; and (c) imposes on each subprocessor data protection terms no less protective than this Agreement. Customer may object to a new subprocessor on reasonable grounds within 14 days of the notice."}, "subprocessors", StatusMet},
		{"may engage at its discretion stays weak", []string{"Provider may engage subprocessors at its sole discretion, provided that Provider remains liable for them."}, "subprocessors", StatusWeak},
		// A deletion with no return is no exit.
		{"deleted and not returned", []string{"On termination Provider will delete all Customer Data. Provider will not return Customer Data to Customer."}, "data-return-exit", StatusWeak},
	}
	checkStatuses(t, rs, tests)
}

// TestGradeChangeNotice: sentences of our own writing, each a kind of wrong
// grade of a change notice seen on outside documents (issue 11, grades15).
func TestGradeChangeNotice(t *testing.T) {
	rs := loadRules(t)
	tests := []statusCase{
		// The discretion is over the change; the notice owed is the term.
		{"discretion to change with a notice period", []string{"Provider may modify these terms at its discretion by giving 90 days' prior written notice to Customer."}, "change-notice", StatusMet},
		{"discretion to change with no notice stays weak", []string{"Provider may amend this Agreement from time to time at its sole discretion."}, "change-notice", StatusWeak},
		// Notice given by posting is notice by posting, though the vendor
		// "notifies" the customer.
		{"notify you by posting on the website", []string{"The Supplier will notify you of any material amendment at least 45 days before it takes effect by posting a notice on the Supplier's website."}, "change-notice", StatusWeak},
		{"notify by posting or by e-mail", []string{"The Supplier will notify you of any material amendment at least 45 days before it takes effect by e-mail or by posting a notice on the Supplier's website."}, "change-notice", StatusMet},
		{"notify you in writing", []string{"The Supplier will notify you in writing of any material amendment at least 45 days before it takes effect."}, "change-notice", StatusMet},
	}
	checkStatuses(t, rs, tests)
}

// TestElementFound: an element stated in words the rule's main frames do not
// read is still found (issue 11: "safeguards not stated" beside a quoted
// Standard Contractual Clauses sentence).
func TestElementFound(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name    string
		clauses []string
		rule    string
		element string
	}{
		{"the safeguard named, without the word transfer", []string{"Provider hosts Customer Data only in Germany.", "The Client, as data exporter, and the Supplier, as data importer, hereby agree to the Standard Contractual Clauses in Annex 3."}, "data-location", "transfers"},
		{"a prohibition unless safeguards are in place", []string{"Provider hosts Customer Data only in Germany.", "Provider shall not transfer Personal Data to a third country unless appropriate safeguards under Article 46 GDPR are in place."}, "data-location", "transfers"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, rs, Options{}, tc.clauses...)
			for _, f := range res.Findings {
				if f.Rule != tc.rule {
					continue
				}
				for _, e := range f.Elements {
					if e.ID == tc.element && !e.Found {
						t.Errorf("%s: element %s not found (status %s, notes %q)", tc.rule, tc.element, f.Status, f.Notes)
					}
				}
				return
			}
			t.Errorf("no finding for %s", tc.rule)
		})
	}
}

// TestChangeFlagAnsweredBySibling: a right to change the terms in one
// sub-clause and the notice owed for it in the next are one clause; the
// red flag "no notice stated" does not stand (issue 11, grades15).
func TestChangeFlagAnsweredBySibling(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name string
		ids  []string
		want string
	}{
		{"siblings 7.1 and 7.2", []string{"7.1", "7.2"}, StatusMet},
		{"parent 7 and its item 7(a)", []string{"7", "7(a)"}, StatusMet},
		{"unrelated clauses 3 and 7", []string{"3", "7"}, StatusWeak},
	}
	texts := []string{
		"Provider may amend this Agreement from time to time.",
		"Provider shall notify Customer in writing of any material change to this Agreement at least 30 days before it takes effect.",
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &extract.Agreement{Path: "test.md", Format: "md", Pages: []extract.Page{{Number: 1}}}
			for i, id := range tc.ids {
				a.Clauses = append(a.Clauses, extract.Clause{ID: id, Text: texts[i]})
				a.Pages[0].Text += texts[i] + "\n"
			}
			res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := status(res, "change-notice"); got != tc.want {
				t.Errorf("change-notice: got %s, want %s (red flags %v)", got, tc.want, redFlagSections(res))
			}
		})
	}
}

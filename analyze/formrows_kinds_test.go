package analyze

import (
	"context"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// formCover is an invented cover page of fields and tick boxes, as the
// DOCX reader writes a table (a row's cells joined by " | ").
const formCover = "Hosting Agreement\n\n" +
	"Order Form The business terms of this order are as follows:\n" +
	"Hosted Service | The service ordered under this Order Form is {service_name}.\n" +
	"Security Commitments | [Drafting note: Tick each commitment that applies and delete the others.] " +
	"[x] Supplier will maintain an information security programme with administrative, physical and technical safeguards for Customer Data. " +
	"[ ] Supplier will give Customer its most recent SOC 2 Type II report on request. " +
	"[ ] Supplier will have an independent penetration test of the service performed every year.\n" +
	"Liability Insurance | During the Term, Supplier will carry insurance with limits of at least {insurance_amount}: " +
	"[ ] Technology errors and omissions cover, including the cost of replacing lost encryption keys.\n" +
	"Security Contact | {security_contact_email}\n\n" +
	"By signing this Order Form, the parties agree to the terms of this Order Form and of the General Terms below.\n"

func formRun(t *testing.T, cover string) (*Result, []*unit) {
	t.Helper()
	a := &extract.Agreement{Path: "order.docx", Format: "docx", Pages: []extract.Page{{Number: 1}}}
	a.Clauses = []extract.Clause{
		{ID: "preamble", Heading: "Hosting Agreement", Text: cover},
		{ID: "1", Heading: "Term", Text: "1. Term. This Agreement runs for twelve months from the date of the last signature."},
	}
	rs := loadRules(t)
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res, agreementUnits([]*extract.Agreement{a}, "", rs.Vocabulary)
}

// TestFormRowsAreCitedByLabel: each labelled row of a cover page is a unit
// of its own, cited by the form and the row's label, and quoted as the
// ticked options and the filled text alone.
func TestFormRowsAreCitedByLabel(t *testing.T) {
	res, units := formRun(t, formCover)
	var cited bool
	for _, f := range res.Findings {
		for _, e := range f.Evidence {
			for _, w := range []string{"Drafting note", "[ ]", "SOC 2", "penetration", "{"} {
				if strings.Contains(e.Text, w) {
					t.Errorf("%s quotes %q: %q", f.Rule, w, e.Text)
				}
			}
			if f.Rule == "vendor-security" && e.Section == `"Order Form" "Security Commitments"` {
				cited = true
			}
		}
	}
	if !cited {
		t.Errorf("vendor-security does not cite §\"Order Form\" \"Security Commitments\": %+v", findingOf(res, "vendor-security"))
	}
	for _, u := range units {
		if u.section == "preamble" && strings.Contains(u.text, " | ") {
			t.Errorf("a row of the form is read in the preamble: %q", u.text)
		}
		if strings.Contains(u.text, "security_contact_email") {
			t.Errorf("a row with nothing filled in is a unit: %q §%s", u.text, u.section)
		}
	}
}

// TestFormRowsPlaceNoDomainFromUntickedOptions: the matrix places no
// domain on the words of an option nobody ticked (an unticked SOC 2 report
// is no audit, an unticked pen test no vulnerability management, an
// unticked insurance cover naming encryption keys no cryptography).
func TestFormRowsPlaceNoDomainFromUntickedOptions(t *testing.T) {
	res, _ := formRun(t, formCover)
	for _, m := range res.Matrix {
		for _, e := range m.Evidence {
			if strings.Contains(e.Text, "[ ]") || strings.Contains(e.Text, "Drafting note") {
				t.Errorf("%s placed from an unticked option: %q", m.Domain, e.Text)
			}
			if m.Domain == "A&A" || m.Domain == "TVM" || m.Domain == "CEK" {
				t.Errorf("%s placed from the cover page: %q", m.Domain, e.Text)
			}
		}
	}
}

// TestFormValue: what a row binds, case by case.
func TestFormValue(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"[Drafting note: Select one.] ( x ) Monthly in arrears ( ) Annually in advance", "Monthly in arrears"},
		{"{hosting_region}", ""},
		{"[ ] Fees rise by [ ]% a year [x] Fees stay fixed for the Term.", "Fees stay fixed for the Term."},
		{"The Supplier keeps data in [__].", "The Supplier keeps data in …."},
		{"[ drafting note: name the list ] [x] The list of sub-processors at {url}", "The list of sub-processors at …"},
		{"[For example: Sections 6.3 and 9 do not apply.] ☐ No pilot ☒ A pilot of thirty days", "A pilot of thirty days"},
	} {
		got := formValue(tc.in)
		if got != tc.want {
			t.Errorf("formValue(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFormHeadingFromYAML: the headings of form pages are read from
// templates/phrases/forms.yaml, strictly.
func TestFormHeadingFromYAML(t *testing.T) {
	if _, err := loadFormHeadings(); err != nil {
		t.Fatal(err)
	}
	if _, err := parseFormHeadings([]byte("schema: ssrm.forms/v1\nform_headings: []\n")); err == nil {
		t.Error("an empty list is read")
	}
	for l, want := range map[string]string{
		"Key Terms The key terms of this Agreement are as follows:": `"Key Terms"`,
		"Annex I(B) Description of the Processing":                  "Annex I(B)",
		"Annex II": "Annex II",
		"Security Policy | [x] See the Agreement":        "",
		"The Supplier shall keep the Annex II measures.": "",
	} {
		if got := formHeadingLine(l); got != want {
			t.Errorf("formHeadingLine(%q) = %q, want %q", l, got, want)
		}
	}
}

func findingOf(res *Result, rule string) *Finding {
	for i := range res.Findings {
		if res.Findings[i].Rule == rule {
			return &res.Findings[i]
		}
	}
	return nil
}

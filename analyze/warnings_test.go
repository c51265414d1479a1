package analyze

import (
	"context"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestVendorMismatchWarning runs whole inputs through Run: a warning only
// when two documents name companies that are clearly not the same.
func TestVendorMismatchWarning(t *testing.T) {
	rs := loadRules(t)
	preamble := func(legal, short string) string {
		return `This Agreement is between ` + legal + ` ("` + short + `") and Harbor Bank ("Customer"). ` + short + ` provides the Services.`
	}
	questionnaire := func(vendor, source, product string) *extract.Questionnaire {
		return &extract.Questionnaire{Path: "q.csv", Format: "csv", Vendor: vendor, VendorSource: source, Product: product}
	}
	report := func(org string) *extract.AssuranceReport {
		return &extract.AssuranceReport{Path: "soc2.pdf", Format: "pdf", Type: extract.AssuranceSOC2Type2, ServiceOrganization: org, Categories: []string{}}
	}
	tests := []struct {
		name    string
		q       *extract.Questionnaire
		clauses []string
		reports []*extract.AssuranceReport
		given   string
		want    []string // the names the warning quotes; nil: no warning
	}{
		{"same company, legal form", questionnaire("Acme Cloud", extract.VendorFromForm, ""), []string{preamble("Acme Cloud, Inc.", "Acme")}, nil, "", nil},
		{"prefix", questionnaire("Acme", extract.VendorFromAnswers, ""), []string{preamble("Acme Cloud Services Ltd", "Provider")}, nil, "", nil},
		{"dba", questionnaire("Widgetly", extract.VendorFromForm, ""), []string{preamble("Northwind Holdings LLC d/b/a Widgetly", "Widgetly")}, nil, "", nil},
		{"different", questionnaire("Cobalt Harbor Ltd", extract.VendorFromForm, ""), []string{preamble("Saltmarsh Analytics GmbH", "Saltmarsh")}, nil, "",
			[]string{`q.csv names "Cobalt Harbor Ltd"`, `test.md names "Saltmarsh Analytics GmbH"`}},
		{"different, given name kept out", questionnaire("Cobalt Harbor Ltd", extract.VendorFromForm, ""), []string{preamble("Saltmarsh Analytics GmbH", "Saltmarsh")}, nil, "cobalt-harbor",
			[]string{`q.csv names "Cobalt Harbor Ltd"`, `test.md names "Saltmarsh Analytics GmbH"`}},
		{"product is no company", questionnaire("Instructure", extract.VendorFromForm, "Canvas LMS"), []string{"# Canvas Terms of Service", "Canvas will notify Customer of a Security Incident.", "Canvas shall maintain safeguards."}, nil, "", nil},
		{"file properties are no vendor field", questionnaire("Larchmont Consulting", extract.VendorFromProperties, ""), []string{preamble("Saltmarsh Analytics GmbH", "Saltmarsh")}, nil, "", nil},
		{"agreement names a product, no company", questionnaire("37signals", extract.VendorFromAnswers, ""), []string{"# Basecamp Terms of Service", "Basecamp will notify Customer of a Security Incident.", "Basecamp shall maintain safeguards."}, nil, "", nil},
		{"brand named in the agreement", questionnaire("Zephyr", extract.VendorFromAnswers, ""), []string{preamble("Gale Systems Ltd", "Provider"), "Provider operates the ZEPHYR platform for Customer."}, nil, "", nil},
		{"brand not named in the agreement", questionnaire("Zephyr", extract.VendorFromAnswers, ""), []string{preamble("Gale Systems Ltd", "Provider"), "Provider operates the Zephyrus platform for Customer."}, nil, "",
			[]string{`q.csv names "Zephyr"`, `test.md names "Gale Systems Ltd"`}},
		{"agreement names no vendor", questionnaire("Cobalt Harbor Ltd", extract.VendorFromForm, ""), []string{"The Provider shall notify the Customer of a Security Incident."}, nil, "", nil},
		{"questionnaire names no vendor", questionnaire("", "", ""), []string{preamble("Saltmarsh Analytics GmbH", "Saltmarsh")}, nil, "", nil},
		{"unreadable name", questionnaire("—", extract.VendorFromForm, ""), []string{preamble("Saltmarsh Analytics GmbH", "Saltmarsh")}, nil, "", nil},
		{"assurance report of another company", nil, []string{preamble("Acme Cloud, Inc.", "Acme")}, []*extract.AssuranceReport{report("Amazon Web Services, Inc.")}, "",
			[]string{`test.md names "Acme Cloud, Inc."`, `soc2.pdf names "Amazon Web Services, Inc."`}},
		{"subprocessor's assurance report", nil, []string{preamble("Acme Cloud, Inc.", "Acme"), "Acme uses the following subprocessors: Amazon Web Services, Inc. (hosting) and Twilio Inc. (SMS)."}, []*extract.AssuranceReport{report("Amazon Web Services, Inc.")}, "",
			[]string{`test.md names "Acme Cloud, Inc."`, `soc2.pdf names "Amazon Web Services, Inc."`}},
		{"assurance report of the vendor", questionnaire("Acme Cloud", extract.VendorFromForm, ""), nil, []*extract.AssuranceReport{report("ACME CLOUD LLC")}, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Inputs{Questionnaire: tc.q, Assurance: tc.reports}
			if tc.clauses != nil {
				in.Agreements = []*extract.Agreement{agreement(tc.clauses...)}
			}
			res, err := Run(context.Background(), in, rs, Options{Vendor: tc.given})
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == nil {
				if len(res.Warnings) > 0 {
					t.Errorf("warnings %+v, want none", res.Warnings)
				}
				return
			}
			if len(res.Warnings) != 1 || res.Warnings[0].Code != WarnVendorMismatch {
				t.Fatalf("warnings %+v, want one %s", res.Warnings, WarnVendorMismatch)
			}
			w := res.Warnings[0]
			for _, s := range tc.want {
				if !strings.Contains(w.Message, s) {
					t.Errorf("message %q lacks %q", w.Message, s)
				}
			}
			if len(w.Sources) != len(tc.want) {
				t.Errorf("sources %q, want %d", w.Sources, len(tc.want))
			}
		})
	}
}

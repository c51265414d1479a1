package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// TestQuestionnaireNotes: every human format says where the vendor's name
// comes from when it is not the form's own field, how the crosswalk read
// the questionnaire, how many owners of each domain were inferred, and
// that a form states no ownership at all; and each finding shows its
// questionnaire answer once.
func TestQuestionnaireNotes(t *testing.T) {
	sheet, cell := "HECVAT - Full | Vendor Response", "C44"
	promise := analyze.Evidence{File: "h.xlsx", Sheet: &sheet, Cell: &cell, Text: "HFIH-04: Yes — Cyber cover of USD 5m.", Note: "questionnaire promise"}
	res := &analyze.Result{Schema: analyze.Schema, Vendor: "Zephyrix", VendorSource: "answers", ServiceModel: "saas", Packs: []string{"baseline"},
		Inputs: []analyze.Input{{Path: "h.xlsx", Kind: "questionnaire", Format: "hecvat-full-3.04", Items: 12, Ownership: "not stated",
			Crosswalk: &analyze.CrosswalkUse{Form: "hecvat-full-3", Title: "HECVAT Full 3.x", Placed: 11, Unmapped: 1}}},
		Matrix: []analyze.MatrixRow{{Domain: "SEF", Title: "Security Incident Management", Owner: analyze.OwnerVendor, Status: analyze.MatrixVendor,
			QuestionnaireOwner: analyze.OwnerVendor, QuestionnaireInferred: 3, QuestionnaireBasis: "inferred", AgreementOwner: analyze.OwnerUnassigned}},
		Findings: []analyze.Finding{{Rule: "cyber-insurance", Title: "Cyber insurance", Status: analyze.StatusNotAssessed, Severity: analyze.SeverityLow,
			Explanation: "no agreement was given", Promise: &promise, Evidence: []analyze.Evidence{}}},
		Contradictions: []analyze.Finding{},
	}
	for _, format := range []string{"text", "md", "html"} {
		var b bytes.Buffer
		if err := Write(&b, format, res); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{
			"Zephyrix (named by the questionnaire&#39;s answers)",
			"crosswalk HECVAT Full 3.x; 11 placed, 1 left out on purpose; states no ownership (owners inferred from the answers)",
			"q=vendor (inferred 3)",
			"the questionnaire states no ownership, so its owners are inferred from the answers",
			"HFIH-04: Yes — Cyber cover of USD 5m.",
		} {
			if format != "html" {
				want = strings.ReplaceAll(want, "&#39;", "'")
			}
			if format == "md" {
				want = strings.Replace(want, "q=vendor", "| vendor", 1)
			}
			if !strings.Contains(out, want) {
				t.Errorf("%s: output lacks %q", format, want)
			}
		}
		if n := strings.Count(out, "HFIH-04: Yes"); n != 1 {
			t.Errorf("%s: the answer is shown %d times, want once", format, n)
		}
	}
	// A filled CAIQ that states every owner and places every item gets no
	// crosswalk note; a name from the form gets none either.
	res.Inputs[0].Ownership, res.Inputs[0].Crosswalk.Unmapped, res.VendorSource = "stated", 0, "form"
	var b bytes.Buffer
	if err := Write(&b, "text", res); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); strings.Contains(out, "crosswalk") || strings.Contains(out, "named by") || !strings.HasPrefix(out, "ssrm: Zephyrix, saas") {
		t.Errorf("stated ownership, form name:\n%s", out)
	}
}

// TestVendorNamedByAgreement: a vendor's name read from an agreement's
// party definitions is shown with where it comes from, in every human
// format.
func TestVendorNamedByAgreement(t *testing.T) {
	res := &analyze.Result{Schema: analyze.Schema, Vendor: "Acme Cloud, Inc.", VendorSource: analyze.VendorFromAgreement, ServiceModel: "saas",
		Packs: []string{"baseline"}, Findings: []analyze.Finding{}, Contradictions: []analyze.Finding{}}
	for _, format := range []string{"text", "md", "html"} {
		var b bytes.Buffer
		if err := Write(&b, format, res); err != nil {
			t.Fatal(err)
		}
		if want := "Acme Cloud, Inc. (named by the agreement)"; !strings.Contains(b.String(), want) {
			t.Errorf("%s: output lacks %q", format, want)
		}
	}
}

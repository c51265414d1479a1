package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// reviewResult is a review verdict whose most severe open term is medium,
// from an agreement alone (no questionnaire).
func reviewResult() *analyze.Result {
	return &analyze.Result{Schema: analyze.Schema, Vendor: "Quillmark", Verdict: analyze.VerdictReview,
		Inputs:   []analyze.Input{{Path: "terms.md", Kind: "agreement", Format: "md"}},
		Matrix:   []analyze.MatrixRow{{Domain: "SEF", Title: "Security Incident Management", Owner: analyze.OwnerVendor, Status: analyze.MatrixVendor, QuestionnaireOwner: analyze.OwnerUnassigned, AgreementOwner: analyze.OwnerVendor}},
		Findings: []analyze.Finding{{Rule: "audit-rights", Title: "Customer audit and inspection rights", Status: analyze.StatusMissing, Severity: analyze.SeverityMedium}}}
}

// TestGateNoteOnReview: a review verdict's text and Markdown reports say
// which gate decided the exit code, so 0 is not read as an all clear
// (trial27e); other verdicts and callers with no exit code say nothing.
func TestGateNoteOnReview(t *testing.T) {
	for _, format := range []string{"text", "md"} {
		for _, tc := range []struct{ failOn, want string }{
			{"high", "xit code 0: the gate --fail-on high passed (no open term is high or above; the most severe open term is medium)"},
			{"medium", "xit code 1: the gate --fail-on medium failed on an open term of medium severity"},
			{"never", "xit code 0: --fail-on never"},
		} {
			var b bytes.Buffer
			if err := WriteOptions(&b, format, reviewResult(), Options{FailOn: tc.failOn}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tc.want) {
				t.Errorf("%s, --fail-on %s: no %q in\n%s", format, tc.failOn, tc.want, b.String())
			}
		}
		var b bytes.Buffer
		if err := WriteOptions(&b, format, reviewResult(), Options{}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "xit code") {
			t.Errorf("%s: a gate note with no --fail-on known:\n%s", format, b.String())
		}
	}
}

// TestMatrixWithoutQuestionnaire: with no questionnaire the matrix shows
// no questionnaire column of "unassigned" and says none was given
// (trial27e); with one it shows the column.
func TestMatrixWithoutQuestionnaire(t *testing.T) {
	for _, format := range []string{"text", "md", "html"} {
		var b bytes.Buffer
		if err := WriteOptions(&b, format, reviewResult(), Options{}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Contains(out, "q=unassigned") || strings.Contains(out, "| unassigned | vendor |") || !strings.Contains(strings.ToLower(out), "no questionnaire") {
			t.Errorf("%s: a questionnaire column without a questionnaire:\n%s", format, out)
		}
		res := reviewResult()
		res.Inputs = append(res.Inputs, analyze.Input{Path: "caiq.xlsx", Kind: "questionnaire", Format: "xlsx"})
		b.Reset()
		if err := WriteOptions(&b, format, res, Options{}); err != nil {
			t.Fatal(err)
		}
		if out := b.String(); !strings.Contains(out, "q=unassigned") && !strings.Contains(out, "| unassigned | vendor |") {
			t.Errorf("%s: no questionnaire column with a questionnaire:\n%s", format, out)
		}
	}
}

package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ssrm-dev/ssrm/analyze"
)

func TestRiderClauses(t *testing.T) {
	rec := func(f analyze.Finding, r string) analyze.Finding { f.Recommendation = r; return f }
	res := &analyze.Result{
		Findings: []analyze.Finding{
			rec(finding("notice", analyze.StatusWeak, analyze.SeverityHigh, "", ""), "Vendor shall notify within 72 hours."),
			rec(finding("audit", analyze.StatusMissing, analyze.SeverityMedium, "", ""), "Customer may audit."),
			rec(finding("reports", analyze.StatusMet, analyze.SeverityMedium, "", ""), "Vendor shall share reports."),
			rec(finding("logs", analyze.StatusByReference, analyze.SeverityLow, "", ""), "Vendor shall keep logs\n  for a year."),
			rec(finding("escrow", analyze.StatusMissing, analyze.SeverityLow, "", ""), "Vendor shall deposit the code."),
			rec(finding("insurance", analyze.StatusMet, analyze.SeverityLow, "", ""), "Vendor shall be insured."),
		},
		Contradictions: []analyze.Finding{
			rec(finding("notice", analyze.StatusContradicted, analyze.SeverityHigh, "", ""), "Bind what the questionnaire promises. Vendor shall notify within 72 hours."),
			rec(finding("insurance", analyze.StatusContradicted, analyze.SeverityLow, "", ""), "Ask the vendor which is right."),
		},
	}
	res.Findings[4].Waiver = &analyze.Waiver{Rule: "escrow"}
	var got []string
	for _, c := range RiderClauses(res) {
		got = append(got, c.Rule+": "+c.Text)
	}
	want := []string{
		// Contradictions first, in the rule's own wording, each term once.
		"notice: Vendor shall notify within 72 hours.",
		"insurance: Vendor shall be insured.",
		"audit: Customer may audit.",
		"logs: Vendor shall keep logs for a year.",
		// escrow is waived; reports is met.
	}
	if !cmp.Equal(got, want) {
		t.Errorf("clauses:\n%s", cmp.Diff(want, got))
	}
	var md bytes.Buffer
	if err := (addendumMDRenderer{}).Render(&md, res); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"## 1. notice\n", "## 4. logs\n", "## 5. Effect of this Addendum\n", "between the provider named in the Agreement (\"Vendor\")"} {
		if !strings.Contains(md.String(), s) {
			t.Errorf("the Markdown rider lacks %q:\n%s", s, md.String())
		}
	}
	md.Reset()
	if err := (addendumMDRenderer{}).Render(&md, &analyze.Result{Vendor: "Acme"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), noClauses) || !strings.Contains(md.String(), "## 1. Effect of this Addendum") || !strings.Contains(md.String(), "between Acme (") {
		t.Errorf("a rider with no open term:\n%s", md.String())
	}
}

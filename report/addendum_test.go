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
		// By severity, then the packs' order; a contradicted term in the
		// rule's own wording, each term once.
		"notice: Vendor shall notify within 72 hours.",
		"audit: Customer may audit.",
		"logs: Vendor shall keep logs for a year.",
		"insurance: Vendor shall be insured.",
		// escrow is waived; reports is met.
	}
	if !cmp.Equal(got, want) {
		t.Errorf("clauses:\n%s", cmp.Diff(want, got))
	}
	var md bytes.Buffer
	if err := (addendumMDRenderer{}).Render(&md, res); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"## 1. Notice\n", "## 3. Logs\n", "## 4. Insurance\n", "## 5. Effect of this Addendum\n", "between the provider named in the Agreement (\"Vendor\")"} {
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

// TestRiderHeadings: every rule of every embedded pack has a heading of
// its own in templates/addendum/addendum.yaml, no heading names a rule
// that is not there, and a rule without one (a pack of the user's) is
// titled by its title in title case.
func TestRiderHeadings(t *testing.T) {
	rs, err := analyze.LoadRules(analyze.EmbeddedPacks())
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	byHeading := map[string]string{}
	for _, r := range rs.Rules {
		known[r.ID] = true
		h := riderText().Headings[r.ID]
		if h == "" {
			t.Errorf("rule %s has no heading in templates/addendum/addendum.yaml", r.ID)
			continue
		}
		if other, ok := byHeading[h]; ok {
			t.Errorf("rules %s and %s share the heading %q", other, r.ID, h)
		}
		byHeading[h] = r.ID
		if h == r.Title {
			t.Errorf("rule %s: the heading is the rule's title %q", r.ID, h)
		}
	}
	for id := range riderText().Headings {
		if !known[id] {
			t.Errorf("templates/addendum/addendum.yaml: a heading for %q, which no embedded pack has", id)
		}
	}
	tests := []struct{ rule, title, want string }{
		{"audit-rights", "Customer audit and inspection rights", "Audit and Inspection Rights"},
		{"source-code-escrow", "Source code escrow, with releases", "Source Code Escrow"},
		{"mine", "the vendor's duty to report to the customer", "The Vendor's Duty to Report to the Customer"},
		{"empty", "", "empty"},
	}
	for _, tc := range tests {
		if got := RiderHeading(analyze.Finding{Rule: tc.rule, Title: tc.title}); got != tc.want {
			t.Errorf("RiderHeading(%s, %q) = %q, want %q", tc.rule, tc.title, got, tc.want)
		}
	}
}

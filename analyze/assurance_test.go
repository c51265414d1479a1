package analyze

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/ssrm-dev/ssrm/extract"
)

// soc2 is a SOC 2 as extract reads it: two CUECs, AWS carved out, one
// exception, a qualified opinion, a period ending 2026-03-31.
func soc2(typ string) *extract.AssuranceReport {
	at := func(page int, heading string) extract.Place {
		return extract.Place{Page: page, Section: "III", Heading: heading}
	}
	return &extract.AssuranceReport{
		Path: "soc2.pdf", Format: "pdf", Paginated: true, Type: typ, Issuer: "Larchmont & Reyes LLP",
		PeriodStart: "2025-04-01", PeriodEnd: "2026-03-31", PeriodAt: &extract.Place{Page: 1},
		Categories: []string{"security", "availability"}, Opinion: extract.OpinionQualified,
		OpinionAt:     &extract.Place{Page: 3, Section: "II", Heading: "Qualified Opinion"},
		Qualification: "Backups were not replicated for 9 days.",
		Subservice: []extract.SubserviceOrg{{Name: "Amazon Web Services, Inc.", Services: "Hosting", Method: "carve-out", At: at(4, "Subservice Organizations"),
			CSOCs: []extract.UserControl{{Text: "AWS is responsible for physical access.", Criteria: []string{"CC6.4"}, At: at(4, "Complementary Subservice Organization Controls")}}}},
		CUECs: []extract.UserControl{
			{Text: "User entities are responsible for reviewing their users' access.", Criteria: []string{"CC6.2", "CC6.3"}, At: at(4, "Complementary User Entity Controls")},
			{Text: "User entities are responsible for backing up their exports.", Criteria: []string{"A1.2"}, At: at(5, "Complementary User Entity Controls")},
		},
		Exceptions: []extract.ControlException{{Control: "A1.2.2", Activity: "Backups are replicated.", Test: "Inspected jobs.",
			Deviation: "Backups were not replicated for 9 days.", At: extract.Place{Page: 9, Section: "IV"}}},
		Pages: make([]extract.Page, 11),
	}
}

func assuranceRun(t *testing.T, in Inputs, today string) *Result {
	t.Helper()
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	now, err := time.Parse("2006-01-02", today)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), in, rs, Options{Vendor: "Cobalt Harbor", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// rulesOf lists the assurance findings as "rule status severity domain".
func rulesOf(res *Result) []string {
	var out []string
	for _, f := range res.Assurance.Findings {
		out = append(out, strings.Join([]string{f.Rule, f.Status, string(f.Severity), f.Domain}, " "))
	}
	return out
}

func TestAssuranceModel(t *testing.T) {
	q := &extract.Questionnaire{Path: "q.xlsx", Format: "caiq-v4", Items: []extract.Item{
		{ID: "A&A-02.2", Question: "Did your most recent SOC 2 report contain any exceptions?", Answer: "No", AnswerNormalized: extract.AnswerNo, Sheet: "S", Row: 3, Cell: "C3"},
		{ID: "STA-03.1", Question: "Who hosts customer data?", Answer: "Hosted by AWS.", AnswerNormalized: extract.AnswerText, Sheet: "S", Row: 4, Cell: "C4"},
	}}
	ag := agreement(
		"Provider shall obtain each year a SOC 2 Type II report covering the security, availability and confidentiality trust services criteria and provide it to Customer.",
		"Provider uses Twilio Inc. as a subprocessor for SMS delivery.")
	res := assuranceRun(t, Inputs{Questionnaire: q, Agreements: []*extract.Agreement{ag}, Assurance: []*extract.AssuranceReport{soc2(extract.AssuranceSOC2Type2)}}, "2026-12-05")

	want := []string{
		"assurance-opinion weak high A&A",
		"assurance-exception weak medium BCR",
		"assurance-categories missing medium A&A",
		"assurance-exceptions-denied contradicted high A&A",
		"assurance-subprocessor-undisclosed missing high STA",
	}
	if d := cmp.Diff(want, rulesOf(res)); d != "" {
		t.Errorf("assurance findings (-want +got):\n%s", d)
	}
	// Every finding quotes its evidence with the report's page.
	f := res.Assurance.Findings[1]
	if f.Explanation != `control A1.2.2: "Backups were not replicated for 9 days."` || *f.Evidence[0].Page != 9 || f.Evidence[0].Section != "Section IV" {
		t.Errorf("exception finding: %q %+v", f.Explanation, f.Evidence[0])
	}
	if got := res.Assurance.Findings[2].Explanation; got != "the agreement names confidentiality beside the assurance report; no SOC report given covers the confidentiality category" {
		t.Errorf("categories: %q", got)
	}

	// The CUECs are the customer's, in their CCM domains.
	var crs []string
	for _, c := range res.Assurance.CustomerResponsibilities {
		crs = append(crs, strings.Join(c.Domains, ",")+" "+c.Evidence.Section)
	}
	if d := cmp.Diff([]string{"IAM Section III, Complementary User Entity Controls", "BCR Section III, Complementary User Entity Controls"}, crs); d != "" {
		t.Errorf("customer responsibilities (-want +got):\n%s", d)
	}
	row := func(dm string) MatrixRow {
		for _, m := range res.Matrix {
			if m.Domain == dm {
				return m
			}
		}
		t.Fatalf("no row %s", dm)
		return MatrixRow{}
	}
	for _, tc := range []struct {
		domain, assurance string
		owner             Owner
		cuecs             int
		thirds            []string
	}{
		{"IAM", "shared", OwnerShared, 1, nil},
		{"BCR", "shared", OwnerShared, 1, nil},
		{"DCS", "third-party", OwnerThirdParty, 0, []string{"Amazon Web Services, Inc."}},
		{"SEF", "", OwnerUnassigned, 0, nil},
	} {
		m := row(tc.domain)
		if string(m.AssuranceOwner) != tc.assurance || m.Owner != tc.owner || m.CustomerControls != tc.cuecs || !cmp.Equal(m.ThirdParties, tc.thirds) {
			t.Errorf("%s: assurance %q owner %q cuecs %d thirds %v; want %q %q %d %v", tc.domain, m.AssuranceOwner, m.Owner, m.CustomerControls, m.ThirdParties, tc.assurance, tc.owner, tc.cuecs, tc.thirds)
		}
	}
	// One supplier, named three ways across the three documents.
	var subs []string
	for _, s := range res.Subprocessors {
		subs = append(subs, s.Name+"/"+s.Method)
	}
	if d := cmp.Diff([]string{"AWS/carve-out", "Twilio Inc./"}, subs); d != "" {
		t.Errorf("subprocessors (-want +got):\n%s", d)
	}
	if res.Verdict == VerdictPass {
		t.Errorf("a qualified opinion left the verdict at pass")
	}
}

func TestAssuranceStaleAndType(t *testing.T) {
	ag := agreement("Provider shall provide its SOC 2 Type II report every year.")
	// AWS, carved out of the SOC 2, is named nowhere in the agreement.
	const undisclosed = "assurance-subprocessor-undisclosed missing high STA"
	tests := []struct {
		name    string
		reports []*extract.AssuranceReport
		today   string
		want    []string
	}{
		{"fresh type II", []*extract.AssuranceReport{soc2(extract.AssuranceSOC2Type2)}, "2027-03-31",
			[]string{"assurance-opinion weak high A&A", "assurance-exception weak medium BCR", undisclosed}},
		{"stale type II", []*extract.AssuranceReport{soc2(extract.AssuranceSOC2Type2)}, "2027-04-01",
			[]string{"assurance-opinion weak high A&A", "assurance-exception weak medium BCR", "assurance-stale missing high A&A", undisclosed}},
		{"stale but bridged", []*extract.AssuranceReport{soc2(extract.AssuranceSOC2Type2), {Path: "bridge.pdf", Type: extract.AssuranceBridgeLetter, PeriodStart: "2026-04-01", PeriodEnd: "2027-02-28"}}, "2027-05-01",
			[]string{"assurance-opinion weak high A&A", "assurance-exception weak medium BCR", undisclosed}},
		{"type I given", []*extract.AssuranceReport{soc2(extract.AssuranceSOC2Type1)}, "2026-12-05",
			[]string{"assurance-opinion weak high A&A", "assurance-exception weak medium BCR", "assurance-type contradicted high A&A", undisclosed}},
		{"SOC 3 given", []*extract.AssuranceReport{{Path: "soc3.pdf", Type: extract.AssuranceSOC3, PeriodEnd: "2026-03-31", Categories: []string{"security"}, Opinion: extract.OpinionUnqualified}}, "2026-12-05",
			[]string{"assurance-type contradicted high A&A"}},
		{"expired certificate", []*extract.AssuranceReport{{Path: "iso.pdf", Type: extract.AssuranceISO27001, PeriodStart: "2023-01-01", PeriodEnd: "2026-01-01"}}, "2026-12-05",
			[]string{"assurance-certificate-expired missing high A&A"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := assuranceRun(t, Inputs{Agreements: []*extract.Agreement{ag}, Assurance: tc.reports}, tc.today)
			if d := cmp.Diff(tc.want, rulesOf(res)); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

// TestNoAssuranceNoChange: without a report the result has no assurance
// part and the matrix no assurance owners.
func TestNoAssuranceNoChange(t *testing.T) {
	res := assuranceRun(t, Inputs{Agreements: []*extract.Agreement{agreement("Provider shall notify Customer within 24 hours of a Security Incident.")}}, "2026-12-05")
	if res.Assurance != nil {
		t.Errorf("assurance = %+v, want nil", res.Assurance)
	}
	for _, m := range res.Matrix {
		if m.AssuranceOwner != "" || m.CustomerControls != 0 {
			t.Errorf("%s: %+v", m.Domain, m)
		}
	}
}

// TestAssuranceCategoriesUnread: a SOC 2 whose categories could not be
// read gives no category finding (it cannot be told what it covers).
func TestAssuranceCategoriesUnread(t *testing.T) {
	r := soc2(extract.AssuranceSOC2Type2)
	r.Categories = []string{}
	ag := agreement("Provider shall obtain each year a SOC 2 Type II report covering the security and privacy trust services criteria.",
		"Provider uses Amazon Web Services, Inc. as a subprocessor.")
	res := assuranceRun(t, Inputs{Agreements: []*extract.Agreement{ag}, Assurance: []*extract.AssuranceReport{r}}, "2026-12-05")
	if d := cmp.Diff([]string{"assurance-opinion weak high A&A", "assurance-exception weak medium BCR"}, rulesOf(res)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

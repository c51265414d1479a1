package analyze

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// hecvatSheet is the question sheet of a HECVAT 3.04 Full workbook.
const hecvatSheet = "HECVAT - Full | Vendor Response"

// writeHECVAT writes a small workbook in the HECVAT 3.04 Full layout
// (title, general information, a section caption row, then questions with
// answers and notes), with question wordings of our own.
func writeHECVAT(t *testing.T, dir string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", hecvatSheet); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"HECVAT - Full | Vendor Response", nil, nil, nil, "Version 3.04"},
		{"Vendor Response"},
		{"GNRL-01", "Vendor Name", "Lakeside Learning"},
		{"GNRL-02", "Product Name", "Lakeside LMS"},
		{"Qualifiers", nil, "Vendor Answers", "Additional Information"},
		{"QUAL-01", "Does the product handle health records covered by HIPAA?", "No", ""},
		{"Documentation", nil, "Vendor Answers", "Additional Information"},
		{"DOCU-01", "Has an independent firm issued a SOC 2 report on the service?", "Yes", "Our SOC 2 Type II report is issued every year and shared with customers under NDA."},
		{"Third Parties", nil, "Vendor Answers", "Additional Information"},
		{"THRD-02", "Describe the third parties that will have access to institution data, and why.", "See our trust portal for the current list of subprocessors.", ""},
		{"Authentication, Authorization, and Accounting", nil, "Vendor Answers", "Additional Information"},
		{"AAAI-01", "Can institution users sign in through the institution's single sign-on?", "Yes", "SAML 2.0 and OIDC."},
		{"Change Management", nil, "Vendor Answers", "Additional Information"},
		{"CHNG-03", "Will the institution be notified of major changes that could affect its security?", "Yes", "Institutions receive 30 days' notice before any major change."},
		{"Data", nil, "Vendor Answers", "Additional Information"},
		{"DATA-06", "When the contract ends, will data be returned to the institution and then deleted?", "Yes", "Data is exported on request and deleted within 30 days."},
		{"Datacenter", nil, "Vendor Answers", "Additional Information"},
		{"DCTR-01", "Does the hosting provider have a SOC 2 Type 2 report available?", "Yes", "Our hosting provider, AWS, publishes one."},
		{"DCTR-02", "Can each institution's data be kept within its own geographic region?", "Yes", "United States customers are hosted in the United States."},
		{"Policies, Processes, and Procedures", nil, "Vendor Answers", "Additional Information"},
		{"PPPR-06", "Will you comply with breach notification laws that apply to the institution?", "Yes", "We notify affected institutions within 24 hours of discovering a breach of their data."},
		{"Incident Handling", nil, "Vendor Answers", "Additional Information"},
		{"HFIH-01", "Is there a formal incident response plan?", "Yes", "Reviewed every year."},
		{"HFIH-04", "Do you carry cyber-risk insurance?", "Yes", "Cyber liability cover of USD 5,000,000."},
		{"Vulnerability Management", nil, "Vendor Answers", "Additional Information"},
		{"VULN-04", "Will you share the results of vulnerability scans with the institution?", "No", "Scan results are internal."},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(hecvatSheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "hecvat.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// hecvatAgreement is an agreement of our own that binds less than the
// workbook promises in places, and more in one.
const hecvatAgreement = `# Lakeside Learning Subscription Agreement

## 1. Security Incidents

1.1 Provider will notify Customer promptly after it confirms a Security Incident affecting Customer Data.

## 2. Changes

2.1 Provider will notify Customer of material changes to the Services by e-mail at least 10 days before they take effect.

## 3. Vulnerabilities

3.1 Provider shall notify Customer of vulnerabilities in the Services that may affect Customer, with remediation timelines, and shall maintain a published vulnerability disclosure channel through which Customer may report suspected vulnerabilities.

## 4. Assurance

4.1 Provider will provide Customer, upon request, with a copy of its most recent SOC 2 Type II report covering the Services.

## 5. Insurance

5.1 Provider shall maintain cyber liability insurance with limits of at least USD 2,000,000 per claim during the Subscription Term.

## 6. Data

6.1 Provider stores and processes Customer Data only in the United States.

6.2 On termination Provider will make Customer Data available for export for thirty days and then delete it.
`

// TestHECVATCrossCheck analyses a HECVAT-shaped workbook beside an
// agreement: the HECVAT's own cells are the promise evidence of the
// findings they speak to; a 24-hour breach notice promised against
// "promptly", and 30 days' notice of changes against 10, are
// contradictions quoting both sides; a no to sharing vulnerability scans
// against an agreement that binds disclosure is an inconsistency; a
// pointer to the trust portal is a by-reference answer, not a yes; owners
// are inferred from the answers and the input says the form states none.
func TestHECVATCrossCheck(t *testing.T) {
	dir := t.TempDir()
	qpath := writeHECVAT(t, dir)
	apath := filepath.Join(dir, "agreement.md")
	if err := os.WriteFile(apath, []byte(hecvatAgreement), 0o644); err != nil {
		t.Fatal(err)
	}
	qd, err := extract.Open(qpath, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ad, err := extract.Open(apath, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	q := qd.Questionnaire
	if q.Format != "hecvat-full-3.04" || q.Vendor != "Lakeside Learning" || q.VendorSource != extract.VendorFromForm {
		t.Fatalf("read as %s, vendor %q (%s)", q.Format, q.Vendor, q.VendorSource)
	}
	rs := loadRules(t)
	res, err := Run(context.Background(), Inputs{Questionnaire: q, Agreements: []*extract.Agreement{ad.Agreement}}, rs, Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	in := res.Inputs[0]
	if in.Ownership != "not stated" || in.Crosswalk == nil || in.Crosswalk.Form != "hecvat-full-3" || in.Crosswalk.Unmapped != 1 || in.Crosswalk.Nowhere != 0 {
		t.Errorf("questionnaire input = %+v crosswalk %+v", in, in.Crosswalk)
	}
	if res.Vendor != "Lakeside Learning" || res.VendorSource != "form" {
		t.Errorf("vendor %q (%s)", res.Vendor, res.VendorSource)
	}

	// The HECVAT's own cells are promise evidence.
	withCells := 0
	for _, f := range res.Findings {
		if p := f.Promise; p != nil && p.Sheet != nil && *p.Sheet == hecvatSheet && p.Cell != nil && *p.Cell != "" {
			withCells++
		}
	}
	if withCells < 3 {
		t.Errorf("%d findings carry the HECVAT's cells as promise evidence, want at least 3", withCells)
	}

	contra := map[string]Finding{}
	for _, c := range res.Contradictions {
		contra[c.Rule] = c
	}
	for rule, want := range map[string][]string{
		"breach-notification":      {`"within 24 hours"`, "24 h, PPPR-06", `"promptly"`},
		"change-notice":            {"30 days' notice", "(30 days, CHNG-03)", "\"10 days before\" (10 days)"},
		"vulnerability-disclosure": {"inconsistent", "answers no (VULN-04)", "section 3.1"},
	} {
		c, ok := contra[rule]
		if !ok {
			t.Errorf("%s: no contradiction; contradictions %v", rule, ruleIDs(res.Contradictions))
			continue
		}
		for _, w := range want {
			if !strings.Contains(c.Explanation, w) {
				t.Errorf("%s: explanation %q lacks %q", rule, c.Explanation, w)
			}
		}
		// Both quotes: the questionnaire's cell first, then the agreement's section.
		if len(c.Evidence) < 2 || c.Evidence[0].Sheet == nil || *c.Evidence[0].Sheet != hecvatSheet || c.Evidence[1].Section == "" || c.Evidence[1].Sheet != nil {
			t.Errorf("%s: evidence %+v, want the HECVAT cell then the agreement's clause", rule, c.Evidence)
		}
	}
	if len(res.Contradictions) != 3 {
		t.Errorf("contradictions %v, want the three above", ruleIDs(res.Contradictions))
	}
	byRule := map[string]Finding{}
	for _, f := range res.Findings {
		byRule[f.Rule] = f
	}
	if f := byRule["subprocessors"]; !strings.Contains(f.Explanation, "points elsewhere for it (THRD-02)") || f.Promise == nil || f.Promise.Note != "questionnaire promise by reference" {
		t.Errorf("subprocessors: %q, promise %+v; want the trust-portal answer as a reference", f.Explanation, f.Promise)
	}

	rows := map[string]MatrixRow{}
	for _, m := range res.Matrix {
		rows[m.Domain] = m
	}
	for d, want := range map[string]Owner{"SEF": OwnerVendor, "IAM": OwnerShared, "A&A": OwnerVendor} {
		if m := rows[d]; m.QuestionnaireOwner != want || m.QuestionnaireBasis != "inferred" || m.QuestionnaireInferred == 0 {
			t.Errorf("%s: questionnaire owner %s (%s, %d inferred), want %s inferred", d, m.QuestionnaireOwner, m.QuestionnaireBasis, m.QuestionnaireInferred, want)
		}
	}
	if c := rows["DCS"].QuestionnaireCount; c[OwnerThirdParty] != 1 {
		t.Errorf("DCS counts %v: the hosting provider's SOC 2 is the third party's", c)
	}

	golden(t, "hecvat-crosscheck.golden.json", crossCheckView(res))
}

var reTmpDir = regexp.MustCompile(`TMP/\d+/`)

func ruleIDs(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

// crossCheckView is what the golden file records: each finding's status,
// explanation and questionnaire answer, the contradictions in full, and the
// matrix's questionnaire side.
func crossCheckView(res *Result) any {
	type finding struct {
		Rule, Status, Explanation string
		Promise                   *Evidence `json:",omitempty"`
	}
	type row struct {
		Domain, Owner, Basis string
		Inferred             int
		Counts               map[Owner]int
	}
	var fs []finding
	for _, f := range res.Findings {
		fs = append(fs, finding{f.Rule, f.Status, f.Explanation, f.Promise})
	}
	var rows []row
	for _, m := range res.Matrix {
		rows = append(rows, row{m.Domain, string(m.QuestionnaireOwner), m.QuestionnaireBasis, m.QuestionnaireInferred, m.QuestionnaireCount})
	}
	return map[string]any{"findings": fs, "contradictions": res.Contradictions, "matrix": rows, "inputs": res.Inputs}
}

// golden compares v, as indented JSON with the temporary folder's path
// replaced, with testdata/name (-update rewrites it).
func golden(t *testing.T, name string, v any) {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got := string(b) + "\n"
	for _, dir := range []string{filepath.Dir(t.TempDir())} {
		got = strings.ReplaceAll(got, dir, "TMP")
	}
	got = reTmpDir.ReplaceAllString(got, "TMP/")
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analyze -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test ./analyze -run %s -update and review the diff):\n%s", path, t.Name(), firstDiff(string(want), got))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n  want " + x + "\n  got  " + y
		}
	}
	return ""
}

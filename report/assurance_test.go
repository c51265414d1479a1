package report

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/xuri/excelize/v2"
)

const cobaltDir = "../cmd/ssrm/testdata/cobalt-harbor"

// loadCobalt analyses the vendor with a questionnaire, an agreement and a
// SOC 2, as the CLI does, on 2026-12-05.
func loadCobalt(t *testing.T) (*analyze.Result, *analyze.Inputs) {
	t.Helper()
	var in analyze.Inputs
	for _, name := range []string{"agreement.md", "questionnaire.csv", "soc2.pdf"} {
		doc, err := extract.Open(filepath.Join(cobaltDir, name), extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case doc.Questionnaire != nil:
			in.Questionnaire = doc.Questionnaire
		case doc.Assurance != nil:
			in.Assurance = append(in.Assurance, doc.Assurance)
		default:
			in.Agreements = append(in.Agreements, doc.Agreement)
		}
	}
	rs, err := analyze.LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := analyze.Run(context.Background(), in, rs, analyze.Options{Vendor: "Cobalt Harbor", Now: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return res, &in
}

// TestAssuranceExports: the CAIQ export's CSC Responsibilities column
// lists the CUECs of each domain; the workbook has the checklist and the
// merged subprocessors.
func TestAssuranceExports(t *testing.T) {
	res, docs := loadCobalt(t)
	var b bytes.Buffer
	if err := WriteOptions(&b, "caiq", res, Options{Docs: docs}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(SheetCAIQ)
	if err != nil {
		t.Fatal(err)
	}
	csc := map[string]string{}
	for _, r := range rows[1:] {
		if len(r) > 4 {
			csc[r[0]] = r[4]
		}
	}
	where := " (../cmd/ssrm/testdata/cobalt-harbor/soc2.pdf p. 4 §Section III, Complementary User Entity Controls)"
	wantIAM := []string{
		"CUEC: User entities are responsible for provisioning and deprovisioning their own users' access to Harbor Payroll Cloud and for reviewing that access at least quarterly. (CC6.1, CC6.2, CC6.3)" + where,
		"CUEC: User entities are responsible for enabling multi-factor authentication for their administrator accounts. (CC6.1)" + where,
	}
	var gotIAM []string
	for _, l := range strings.Split(csc["IAM"], "\n") {
		if strings.HasPrefix(l, "CUEC: ") {
			gotIAM = append(gotIAM, l)
		}
	}
	if d := cmp.Diff(wantIAM, gotIAM); d != "" {
		t.Errorf("IAM CSC Responsibilities, CUEC lines (-want +got):\n%s", d)
	}
	if !strings.Contains(csc["BCR"], "CUEC: User entities are responsible for backing up the exports they download") {
		t.Errorf("BCR CSC Responsibilities lacks its CUEC: %q", csc["BCR"])
	}

	b.Reset()
	if err := WriteOptions(&b, "xlsx", res, Options{Docs: docs}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(x.GetSheetList(), ","), "Summary,Matrix,Findings,Questionnaire,Clauses,Customer responsibilities,Subprocessors"; got != want {
		t.Fatalf("sheets %s, want %s", got, want)
	}
	cr, _ := x.GetRows(SheetCustomer)
	if len(cr) != 7 || cr[1][1] != "IAM" || cr[1][2] != "CC6.1, CC6.2, CC6.3" || cr[6][1] != "BCR" {
		t.Errorf("customer responsibilities sheet: %q", cr)
	}
	sp, _ := x.GetRows(SheetSubprocessors)
	var names []string
	for _, r := range sp[1:] {
		names = append(names, r[0]+"/"+r[1])
	}
	if d := cmp.Diff([]string{"Amazon Web Services, Inc./carve-out", "Twilio Inc./carve-out"}, names); d != "" {
		t.Errorf("subprocessors sheet (-want +got):\n%s", d)
	}
	fr, _ := x.GetRows(SheetFindings)
	n := 0
	for _, r := range fr {
		if strings.HasPrefix(r[0], "assurance-") {
			n++
		}
	}
	if n != 7 {
		t.Errorf("%d assurance findings in the Findings sheet, want 7", n)
	}
}

// TestAssuranceEveryFormat renders the vendor with a SOC 2 in every format;
// its JSON report matches the schema.
func TestAssuranceEveryFormat(t *testing.T) {
	res, docs := loadCobalt(t)
	for _, name := range Names() {
		var b bytes.Buffer
		if err := WriteOptions(&b, name, res, Options{Docs: docs}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if b.Len() == 0 {
			t.Errorf("%s: empty report", name)
		}
		switch name {
		case "text", "md", "html":
			if !strings.Contains(b.String(), "Customer responsibilities (from the assurance report)") {
				t.Errorf("%s: no customer responsibilities section", name)
			}
		case "json":
			inst, err := jsonschema.UnmarshalJSON(&b)
			if err != nil {
				t.Fatal(err)
			}
			if err := compileSchema(t).Validate(inst); err != nil {
				t.Errorf("the JSON report with an assurance report does not match the schema:\n%v", err)
			}
		}
	}
}

package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/xuri/excelize/v2"

	"github.com/ssrm-dev/ssrm/analyze"
)

// TestResultWarningsInEveryFormat: a result-level warning (the documents
// name different vendors) is shown by every format of report.Formats in
// its own place, and by the portfolio; the rider (addendum), text to sign,
// leaves it out. A format added to the list must decide here.
func TestResultWarningsInEveryFormat(t *testing.T) {
	res, _ := loadSample(t)
	const msg = `the documents name different vendors: q.xlsx names "Cobalt Harbor Ltd" (the form's vendor field); a.md names "Saltmarsh Analytics GmbH" (the party it names as the vendor)`
	res.Warnings = []analyze.Warning{{Code: analyze.WarnVendorMismatch, Message: msg, Sources: []string{"q.xlsx", "a.md"}}}
	plain, _ := loadSample(t)
	for _, f := range Formats {
		var b, p bytes.Buffer
		if err := Write(&b, f.Name, res); err != nil {
			t.Fatal(err)
		}
		if err := Write(&p, f.Name, plain); err != nil {
			t.Fatal(err)
		}
		out, without := b.String(), p.String()
		switch f.Name {
		case "text":
			if !strings.Contains(out, "\nWarnings\n  ! vendor-mismatch: "+msg+"\n") {
				t.Errorf("text lacks the Warnings section:\n%s", out[:min(len(out), 800)])
			}
		case "md":
			if !strings.Contains(out, "## Warnings\n\n- **Warning** (`vendor-mismatch`): "+md(msg)) {
				t.Errorf("md lacks the Warnings section")
			}
		case "html":
			if !strings.Contains(out, `<section id="warnings">`) || !strings.Contains(out, "Saltmarsh Analytics GmbH") {
				t.Errorf("html lacks the warnings section")
			}
		case "json":
			if !strings.Contains(out, `"code": "vendor-mismatch"`) {
				t.Errorf("json lacks the warning")
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := compileSchema(t).Validate(inst); err != nil {
				t.Errorf("JSON with a warning does not match the schema: %v", err)
			}
		case "xlsx", "caiq":
			x, err := excelize.OpenReader(&b)
			if err != nil {
				t.Fatal(err)
			}
			sheet, want := SheetSummary, []string{"warning: vendor-mismatch", msg}
			if f.Name == "caiq" {
				sheet, want = SheetWarnings, []string{"vendor-mismatch", msg, "q.xlsx\na.md"}
			}
			rows, err := x.GetRows(sheet)
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			found := false
			for _, r := range rows {
				found = found || strings.Join(r, "|") == strings.Join(want, "|")
			}
			if !found {
				t.Errorf("%s: sheet %s lacks the row %q: %q", f.Name, sheet, want, rows)
			}
			if f.Name == "caiq" {
				y, _ := excelize.OpenReader(&p)
				if got := strings.Join(y.GetSheetList(), ","); got != SheetCAIQ {
					t.Errorf("caiq without warnings has sheets %s", got)
				}
			}
			continue
		case "oscal":
			if !strings.Contains(out, `"name": "warning"`) || !strings.Contains(out, `"value": "vendor-mismatch"`) {
				t.Errorf("oscal lacks the warning prop")
			}
		case "addendum", "addendum-md":
			if out != without {
				t.Errorf("%s changed with a warning: the rider is text to sign", f.Name)
			}
			continue
		default:
			t.Errorf("format %s: decide how it shows the result's warnings", f.Name)
			continue
		}
		if strings.Contains(without, "vendor-mismatch") {
			t.Errorf("%s without warnings mentions one", f.Name)
		}
	}

	p := &Portfolio{Vendors: []PortfolioVendor{PortfolioEntry(res), PortfolioEntry(plain)}}
	if !strings.Contains(p.Line(), "; 1 with a warning") {
		t.Errorf("portfolio line %q", p.Line())
	}
	for _, format := range []string{"csv", "html"} {
		var b bytes.Buffer
		if err := WritePortfolio(&b, format, p); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "Saltmarsh Analytics GmbH") || !strings.Contains(b.String(), "warnings") {
			t.Errorf("portfolio %s lacks the warning column", format)
		}
	}
}

// TestDiffWarnings: ssrm diff carries each round's warnings, marked with
// the round, and warns when the rounds' documents name different vendors;
// a --vendor or folder name, or the same company, warns of nothing.
func TestDiffWarnings(t *testing.T) {
	old, _ := loadSample(t)
	tests := []struct {
		oldName, oldSource, newName, newSource string
		cross                                  bool
	}{
		{"Cobalt Harbor", "form", "Saltmarsh Analytics GmbH", analyze.VendorFromAgreement, true},
		{"Cobalt Harbor", "answers", "Cobalt Harbor Ltd", analyze.VendorFromAgreement, false},
		{"Cobalt Harbor", "given", "Saltmarsh Analytics GmbH", analyze.VendorFromAgreement, false},
		{"Cobalt Harbor", "form", "Saltmarsh Analytics", analyze.VendorFromAgreement, false}, // no legal name: maybe a product
	}
	for _, tc := range tests {
		o, n := *old, *old
		o.Vendor, o.VendorSource, n.Vendor, n.VendorSource = tc.oldName, tc.oldSource, tc.newName, tc.newSource
		n.Warnings = []analyze.Warning{{Code: analyze.WarnVendorMismatch, Message: "the documents name different vendors: x", Sources: []string{"x"}}}
		d := Compare(&o, &n)
		want := 1
		if tc.cross {
			want = 2
		}
		if len(d.Warnings) != want || d.Warnings[0].Message != "new round: the documents name different vendors: x" {
			t.Fatalf("%s → %s: warnings %+v, want %d", tc.oldName, tc.newName, d.Warnings, want)
		}
		if !tc.cross {
			continue
		}
		if !strings.Contains(d.Warnings[1].Message, `the old round's documents name "Cobalt Harbor", the new round's "Saltmarsh Analytics GmbH"`) {
			t.Errorf("cross-round warning %q", d.Warnings[1].Message)
		}
		for _, format := range DiffFormats {
			var b bytes.Buffer
			if err := WriteDiff(&b, format, d); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), "Saltmarsh Analytics GmbH") || !strings.Contains(b.String(), "new round: the documents name different vendors") {
				t.Errorf("diff %s lacks the warnings", format)
			}
		}
	}
}

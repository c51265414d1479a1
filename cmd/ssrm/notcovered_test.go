package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Our own invented agreements: a DPA, and an MSA to go with it.
const (
	inventedDPA = "# Data Processing Addendum\n\nThis Data Processing Addendum forms part of the Agreement between Provider and Customer.\n\n" +
		"## Breach\n\nProvider shall notify Customer of any Personal Data Breach without undue delay and in any event within 48 hours.\n\n" +
		"## Audits\n\nProvider shall allow for and contribute to audits, including inspections, conducted by Customer.\n"
	inventedMSA = "# Master Services Agreement\n\nThis Master Services Agreement is entered into by Provider and Customer.\n\n" +
		"## Termination\n\nEither party may terminate this Agreement for material breach on 30 days' written notice.\n"
)

// TestBatchDPAOnlyVendor: in a batch, the vendor who sent only a DPA has
// its terms no DPA carries set apart as not covered (portfolio column,
// per-rule status), and the vendor who also sent an MSA has none.
func TestBatchDPAOnlyVendor(t *testing.T) {
	in := t.TempDir()
	for name, text := range map[string]string{"dpa-only/dpa.md": inventedDPA, "with-msa/dpa.md": inventedDPA, "with-msa/msa.md": inventedMSA} {
		p := filepath.Join(in, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"batch", in, "-o", out, "--format", "json", "--portfolio-format", "csv", "--fail-on", "never", "--jobs", "1"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	f, err := os.Open(filepath.Join(out, "portfolio.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[col["report"]]] = r[col["not_covered"]] + " " + r[col["service-levels"]]
	}
	for report, want := range map[string]string{"dpa-only.json": "not-covered", "with-msa.json": "0 missing"} {
		g, ok := got[report]
		if !ok {
			t.Fatalf("no row for %s in %v", report, got)
		}
		if !strings.HasSuffix(g, want) || (want == "not-covered" && strings.HasPrefix(g, "0 ")) {
			t.Errorf("%s: not_covered and service-levels %q, want … %s", report, g, want)
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "dpa-only.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Inputs []struct {
			DocumentKind struct{ Kind, From string } `json:"document_kind"`
		}
		Summary struct {
			NotCovered int `json:"not_covered"`
		}
	}
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Inputs) != 1 || res.Inputs[0].DocumentKind.Kind != "dpa" || res.Summary.NotCovered == 0 {
		t.Errorf("dpa-only.json: inputs %+v, not covered %d", res.Inputs, res.Summary.NotCovered)
	}
}

// TestDPAOnlyPassNamesNotCovered: a DPA of our own, sent alone, passes on
// the terms a DPA carries; every human format names the six terms it
// could not assess and says the pass is no all clear, and the JSON lists
// them (summary.not_covered_rules). The text report is a golden file.
func TestDPAOnlyPassNamesNotCovered(t *testing.T) {
	const terms = "left unread (neither met nor missing): hardening-guidance, responsibility-allocation, termination-rights, service-levels, log-access, cyber-insurance"
	for _, format := range []string{"text", "md", "html", "json"} {
		t.Run(format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Run([]string{"analyze", "testdata/notcovered/dpa.md", "--format", format}, &stdout, &stderr); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			out := stdout.String()
			if format == "json" {
				var res struct {
					Verdict string
					Summary struct {
						Rules []string `json:"not_covered_rules"`
					}
				}
				if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
					t.Fatal(err)
				}
				if got := "left unread (neither met nor missing): " + strings.Join(res.Summary.Rules, ", "); res.Verdict != "pass" || got != terms {
					t.Errorf("verdict %s, %q, want pass, %q", res.Verdict, got, terms)
				}
				return
			}
			if !strings.Contains(out, terms) || !strings.Contains(out, "the pass holds for the terms the documents cover, which is no all clear") {
				t.Errorf("%s report does not name the terms not assessed:\n%s", format, out)
			}
			if format == "text" {
				compareGolden(t, filepath.Join("testdata", "notcovered", "dpa.txt"), stdout.Bytes())
			}
		})
	}
}

package eval

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
)

func TestSectionUnder(t *testing.T) {
	for _, tc := range []struct {
		got, labelled string
		want          bool
	}{
		{"8", "8", true},
		{"8.2", "8", true},
		{"8(b)", "8", true},
		{"8(b)(ii)", "8(b)", true},
		{"8.b", "8(b)", true},
		{"8 (b)", "8(b)", true},
		{"8", "8.2", false},
		{"18", "8", false},
		{"8.20", "8.2", false},
		{"Section 8.1", "8", true},
		{"§8.1", "Section 8", true},
		{"Clause 8(c)", "Cl. 8", true},
		{"Article 28(3)(h)", "Art. 28", true},
		{"12.4(a)(ii)", "12.4(a)", true},
		{"Exhibit A 3.1", "Exhibit A", true},
		{"Exhibit A 3.1", "Exh. A", true},
		{"Exhibit C", "Exh. C", true},
		{"Exhibit C", "Exhibit A", false},
		{"Exhibit A 3.1", "3.1", false},
		{"3.1", "Exhibit A 3.1", false},
		{"Annex 2 4", "Annex 2", true},
		{"Schedule 1 2.3", "Schedule 1 2", true},
		{"Annex II", "Annex II", true},
		{`"Audit"`, `"Audit"`, true},
		{`"Audit" 2`, `"Audit"`, true},
		{`"Processor's obligations"`, `"Processor’s Obligations"`, true},
		{`"AUDIT"`, `"audit"`, true},
		{`"Data  Breach Notification"`, `"data breach notification"`, true},
		{`"Data Breach"`, `"Data Breach Notification"`, false},
		{`§"Audit"`, `"Audit"`, true},
		{`Audit`, `"Audit"`, true},
		{`"**Audit.**"`, `"Audit"`, true},
		{`"Audit Rights"`, `"Audit"`, false},
		{`"👤 Your Account"`, `"👤 Your Account"`, true},
		{`"👤 Your Account"`, `"Your Account"`, true},
		{"\"👩\u200d⚖\ufe0f Indemnity\"", "\"👩⚖\ufe0f Indemnity\"", true},
		{`"👤 Your Account"`, `"💬 Your Content"`, false},
		{"Service Level Agreement 3.1", `"Service Level Agreement"`, true},
		{"B.3(ii)", "B.3", true},
		{"B.3(ii)", "§B", true},
		{"16(D)", "16.D", true},
		{"4(F)", "4.F", true},
		{"preamble", "1", false},
		{"", "8", false},
		{"8", "", false},
		{"08.1", "8", true},
		// A title after a number names that section.
		{"2", `2 "Authorization to Use Subprocessors"`, true},
		{"2.1", `2 "Authorization to Use Subprocessors"`, true},
		{"3", `2 "Authorization to Use Subprocessors"`, false},
		{"3.1 Availability", "3.1", true},
		{"Annex 2", `Annex 2 "Technical and Organisational Measures"`, true},
		{`"Terms and Conditions" 22`, `"Terms and Conditions" 22`, true},
		{`"Obligations of Business Associate" (b)`, `"Obligations of Business Associate"`, true},
		{"Exhibit C Clause 8", "Exhibit C 8", true},
		{"3a(iii)", "3(a)", true},
		{"5c", "5", true},
		{"C.3.01", "C.3", true},
		// "5.0" is how a document numbers section 5's heading.
		{"5", "5.0", true},
		{"5.2", "5.0", true},
		{"5.0", "5", true},
		{"7", "5.0", false},
		{"5", "5.0.1", false},
		{"0", "0", true},
		{"0.1", "0", true},
		{"10", "1.0", false},
	} {
		if got := SectionUnder(tc.got, tc.labelled); got != tc.want {
			t.Errorf("SectionUnder(%q, %q) = %v, want %v (paths %q, %q)", tc.got, tc.labelled, got, tc.want, sectionPath(tc.got), sectionPath(tc.labelled))
		}
	}
}

// TestPreambleTitled: the preamble cited by ssrm is the section a label
// names by the document's title heading.
func TestPreambleTitled(t *testing.T) {
	tests := []struct {
		got, title string
		labelled   []string
		want       bool
	}{
		{"preamble", "Terms of Service", []string{`"Terms of Service"`}, true},
		{"preamble", "Terms of Service", []string{`"Account Terms" 1`, `"terms of  service"`}, true},
		{"preamble", "Data Processing Addendum", []string{`"Data Processing Addendum"`}, true},
		{"preamble", "Terms of Service", []string{`"Terms of Service" 2`}, false},
		{"preamble", "Terms of Service", []string{`"Terms"`}, false},
		{"preamble", "", []string{`"Terms of Service"`}, false},
		{"1", "Terms of Service", []string{`"Terms of Service"`}, false},
	}
	for _, tt := range tests {
		if got := PreambleTitled(tt.got, tt.title, tt.labelled); got != tt.want {
			t.Errorf("PreambleTitled(%q, %q, %q) = %v, want %v", tt.got, tt.title, tt.labelled, got, tt.want)
		}
	}
}

// TestHeadingTitled: a clause numbered and titled ("2. Updates to these
// Terms"), cited by ssrm by its number, is the section a label names by its
// title; so is a sub-clause of it. The document's title over every section
// names no clause.
func TestHeadingTitled(t *testing.T) {
	in := analyze.Inputs{Agreements: []*extract.Agreement{{Clauses: []extract.Clause{
		{ID: "preamble", Heading: "Terms of Service"},
		{ID: `"Terms of Service"`, Heading: "Terms of Service"},
		{ID: "2", Heading: "Updates to these Terms", Parent: `"Terms of Service"`},
		{ID: "2(a)", Parent: "2"},
		{ID: "3", Heading: "Data Security", Parent: `"Terms of Service"`},
	}}}}
	tests := []struct {
		got      string
		labelled []string
		want     bool
	}{
		{"2", []string{`"Updates to these Terms"`}, true},
		{"2(a)", []string{`"updates to these terms"`}, true},
		{"3", []string{`"Owner Accounts"`, `"Data Security"`}, true},
		{"3", []string{`"Updates to these Terms"`}, false},
		{"2", []string{`"Updates to these Terms" 1`}, false},
		{"2", []string{`"Terms of Service"`}, false},
		{"9", []string{`"Updates to these Terms"`}, false},
	}
	for _, tt := range tests {
		if got := HeadingTitled(clauseHeadings(in, tt.got), tt.labelled); got != tt.want {
			t.Errorf("HeadingTitled(%q, %q) = %v, want %v", tt.got, tt.labelled, got, tt.want)
		}
	}
}

func TestSplitSections(t *testing.T) {
	for in, want := range map[string][]string{
		"7.1":                       {"7.1"},
		"9.2;9.3":                   {"9.2", "9.3"},
		` 9.2 ; 9.3 ;`:              {"9.2", "9.3"},
		`"Audit"`:                   {`"Audit"`},
		`"Audit; Inspection";"Fee"`: {`"Audit; Inspection"`, `"Fee"`},
		`"Audit" 2`:                 {`"Audit" 2`},
		"":                          nil,
	} {
		if got := SplitSections(in); !slices.Equal(got, want) {
			t.Errorf("SplitSections(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseEvidenceSections(t *testing.T) {
	for in, want := range map[string][]string{
		`yes §3.3(ii) (escorted tour of hosting premises); §4.3 (cost books)`:     {"3.3(ii)", "4.3"},
		`yes §5.3(c) (customer selects), §11.6(b) (keys and certificates), §11.1`: {"5.3(c)", "11.6(b)", "11.1"},
		`yes Cl. 4(b)–(c) (on-site at most once a year, 30 days' notice)`:         {"4(b)", "4(c)"},
		`yes §1–§4`:                                      {"1", "2", "3", "4"},
		`yes Exh. A §9–10 (books)`:                       {"Exhibit A 9", "Exhibit A 10"},
		`yes Exh. C`:                                     {"Exhibit C"},
		`yes §9(b)(iii)–(iv) (malware)`:                  {"9(b)(iii)", "9(b)(iv)"},
		`yes §4.F–G (x), §4.D–E (y)`:                     {"4.F", "4.G", "4.D", "4.E"},
		`yes §6.6–6.7`:                                   {"6.6", "6.7"},
		`yes "Audit"`:                                    {`"Audit"`},
		`yes §17.5 "Security", §20 (DR)`:                 {"17.5", "20"},
		`yes §12 (x); conflicts with Exh. D §2.1, §10.5`: {"12"},
		`yes §5.2 (copy), §5.3; the cover-page boxes are unchecked`:       {"5.2", "5.3"},
		`yes Key Terms "Security Policy" [x] ("commercially reasonable")`: {`"Security Policy"`},
		`yes §2.6 + cover "Approved Subprocessors"; §3.2(c)(ii)`:          {"2.6", `"Approved Subprocessors"`, "3.2(c)(ii)"},
		`yes Section 12.4(a)`:         {"12.4(a)"},
		`yes Article 28(3)(h)`:        {"28(3)(h)"},
		`yes Annex II`:                {"Annex II"},
		`yes §(i)–(v)`:                nil,
		`no`:                          nil,
		`yes (the whole document)`:    nil,
		`yes §3(i)–(iii)`:             {"3(i)", "3(ii)", "3(iii)"},
		`yes Schedule 1 §2.3`:         {"Schedule 1 2.3"},
		`yes §B.3 (x), §B.2, §E.1`:    {"B.3", "B.2", "E.1"},
		`? §3.3(iv)-(v) (bug notice)`: {"3.3(iv)", "3.3(v)"},
	} {
		if got := ParseEvidenceSections(in); !slices.Equal(got, want) {
			t.Errorf("ParseEvidenceSections(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEvidenceSectionsRealFile lists what is parsed from the evidence of
// every yes row of the shared corpus's terms-ground-truth.csv; a new or
// changed yes row fails until its sections are written here.
func TestEvidenceSectionsRealFile(t *testing.T) {
	path := filepath.Join(sharedCorpus, "labels", "terms-ground-truth.csv")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("labelled corpus not found at %s: %v", sharedCorpus, err)
	}
	labels, err := LoadLabels(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"cuad-hosting-inktomi-1998.pdf audit_rights":                         {"3.3(ii)", "4.3"},
		"cuad-hosting-inktomi-1998.pdf subprocessors":                        {"3.2"},
		"cuad-hosting-inktomi-1998.pdf customer_responsibilities":            {"3.3"},
		"cuad-hosting-inktomi-1998.pdf vendor_security":                      {"2.5", "1.9"},
		"cuad-hosting-bluefly-2002.pdf customer_responsibilities":            {"5.3(c)", "11.6(b)", "11.1"},
		"cuad-hosting-bluefly-2002.pdf vendor_security":                      {"5.3(b)"},
		"cuad-outsourcing-tricity-1998.pdf security_reports":                 {"21.8.C"},
		"cuad-outsourcing-tricity-1998.pdf customer_responsibilities":        {"21.3", "21.5", "21.6", "21.7(A)"},
		"cuad-outsourcing-tricity-1998.pdf vendor_security":                  {"17.4", "17.5", "20"},
		"cuad-outsourcing-tricity-1998.pdf regulator_cooperation":            {"21.8", "17.1"},
		"cuad-outsourcing-bnl-2007.pdf subprocessors":                        {"16.D"},
		"cuad-outsourcing-bnl-2007.pdf customer_responsibilities":            {"4.F", "4.G", "4.D", "4.E"},
		"cuad-msa-kubient-2020.pdf breach_notification":                      {"12"},
		"cuad-msa-kubient-2020.pdf customer_responsibilities":                {"9(c)(iii)"},
		"cuad-msa-kubient-2020.pdf vendor_security":                          {"9(b)(iii)", "9(b)(iv)"},
		"cuad-msa-paxmedica-2020.pdf audit_rights":                           {"8.2"},
		"cuad-msa-paxmedica-2020.pdf subprocessors":                          {"1.6"},
		"cuad-msa-paxmedica-2020.pdf regulator_cooperation":                  {"8.1"},
		"cuad-maintenance-trizetto-1999.pdf customer_responsibilities":       {"3(f)"},
		"cuad-servicing-verizonabs-2020.pdf audit_rights":                    {"3.6", "3.10(e)"},
		"msa-make-celonis-2022.pdf customer_responsibilities":                {"4.2(iii)", "4.2(v)", "4.3(iii)"},
		"msa-make-celonis-2022.pdf vendor_security":                          {"8.1"},
		"dpa-make-celonis-2022.pdf breach_notification":                      {"8(b)"},
		"dpa-make-celonis-2022.pdf incident_cooperation":                     {"8(a)"},
		"dpa-make-celonis-2022.pdf audit_rights":                             {"4(b)", "4(c)"},
		"dpa-make-celonis-2022.pdf subprocessors":                            {"5"},
		"dpa-make-celonis-2022.pdf security_reports":                         {"4(b)"},
		"dpa-make-celonis-2022.pdf vendor_security":                          {"3"},
		"toms-make-celonis-2022.pdf vendor_security":                         {"1", "2", "3", "4"},
		"contract-eugene-flock-2025-encrypted.pdf audit_rights":              {"9", "Exhibit A 9", "Exhibit A 10"},
		"contract-eugene-flock-2025-encrypted.pdf subprocessors":             {"12"},
		"contract-eugene-flock-2025-encrypted.pdf customer_responsibilities": {"Exhibit D 3.1"},
		"baa-easeworkflow-2026.pdf breach_notification":                      {"6"},
		"baa-easeworkflow-2026.pdf incident_cooperation":                     {"6"},
		"baa-easeworkflow-2026.pdf customer_responsibilities":                {"7"},
		"baa-easeworkflow-2026.pdf vendor_security":                          {"5"},
		"tos-github-corporate-2026.md customer_responsibilities":             {"B.3", "B.2", "E.1"},
		"csa-commonpaper.md customer_responsibilities":                       {"1.3", "2.1(a)(v)", "2.1(a)(vi)", "3.2"},
		"dpa-commonpaper-v1.1.docx breach_notification":                      {"4.1"},
		"dpa-commonpaper-v1.1.docx incident_cooperation":                     {"4.1(b)", "4.1(c)"},
		"dpa-commonpaper-v1.1.docx audit_rights":                             {"5.1"},
		"dpa-commonpaper-v1.1.docx subprocessors":                            {"2.6", `"Approved Subprocessors"`, "3.2(c)(ii)"},
		"dpa-commonpaper-v1.1.docx security_reports":                         {"5.2", "5.3"},
		"dpa-commonpaper-v1.1.docx regulator_cooperation":                    {"6.1", "6.2"},
		"csa-commonpaper-sla-v2.1.docx customer_responsibilities":            {"1.3", "2.1"},
		"csa-commonpaper-sla-v2.1.docx vendor_security":                      {`"Security Policy"`},
	}
	yes := 0
	for _, l := range labels {
		if l.Label != "yes" {
			if len(l.Sections) > 0 {
				t.Errorf("%s %s: label %s with sections %q", l.Document, l.Term, l.Label, l.Sections)
			}
			continue
		}
		yes++
		key := l.Document + " " + l.Term
		w, ok := want[key]
		if !ok {
			t.Errorf("%s: no expected sections for %q (parsed %q)", key, l.Note, l.Sections)
			continue
		}
		if !slices.Equal(l.Sections, w) {
			t.Errorf("%s: %q parsed as %q, want %q", key, l.Note, l.Sections, w)
		}
	}
	if yes != len(want) {
		t.Errorf("%d yes rows, %d expected", yes, len(want))
	}
}

func FuzzParseEvidenceSections(f *testing.F) {
	for _, s := range []string{`yes §3.3(ii) (escorted tour); §4.3 (cost books)`, `yes Exh. A §9–10`, `yes §1–§4`, `yes Cl. 4(b)–(c)`,
		`yes Key Terms "Security Policy" [x]`, `yes §2.1(a)(v)–(vi)`, `(((`, `"`, `§-§`, `yes §4.F–G`, `yes Annex 2 4`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		refs := ParseEvidenceSections(s)
		if len(refs) > 64+len(s) {
			t.Fatalf("%d sections from %d bytes", len(refs), len(s))
		}
		for _, r := range refs {
			if strings.TrimSpace(r) == "" {
				t.Fatalf("empty section from %q", s)
			}
		}
	})
}

func FuzzSectionPath(f *testing.F) {
	for _, s := range []string{"Exhibit A 3.1", `"Audit" 2`, "12.4(a)(ii)", "§8", "Clause 8(c)", "preamble", `'Audit'`, "Annex II 4", "((", `"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := sectionPath(s)
		if len(p) > 0 && !SectionUnder(s, s) {
			t.Fatalf("%q (path %q) is not under itself", s, p)
		}
		for _, part := range p {
			if part == "" {
				t.Fatalf("empty part in %q from %q", p, s)
			}
		}
	})
}

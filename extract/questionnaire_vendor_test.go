package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/internal/company"
	"github.com/xuri/excelize/v2"
)

// TestVendorFromAnswers: the name the answers use as the subject of what
// the answering organisation does, not a common word that starts a
// sentence, a subprocessor named now and then, or a word of a web address.
func TestVendorFromAnswers(t *testing.T) {
	for _, tc := range []struct {
		name    string
		answers []string
		want    string
	}{
		{"subject", []string{
			"Acmecloud maintains a formal incident response plan.",
			"Acmecloud's security team reviews access quarterly.",
			"Data is encrypted at rest. Acmecloud uses AES-256.",
			"Acmecloud performs annual penetration tests; see https://acmecloud.example/trust.",
			"Data is backed up daily to Supabase. Supabase's own controls apply.",
		}, "Acmecloud"},
		{"common words only", []string{
			"Data is encrypted at rest.", "Access is reviewed quarterly.", "Access is logged.", "Data is retained for a year.",
			"Risk is assessed yearly and risk is tracked.",
		}, ""},
		{"too few", []string{"Acmecloud maintains a plan.", "Acmecloud uses MFA."}, ""},
		{"two names as common", []string{
			"Alpha maintains X.", "Alpha uses Y.", "Alpha runs Z.", "Beta maintains X.", "Beta uses Y.", "Beta runs Z.",
		}, ""},
		{"lower-case elsewhere as a word", []string{
			"Secure maintains X.", "Secure uses Y.", "Secure runs Z.", "The system is secure by design.",
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v nameVotes
			for _, a := range tc.answers {
				v.add(Item{Answer: "Yes", AnswerNormalized: AnswerYes, Notes: a})
			}
			if got := v.best(); got != tc.want {
				t.Errorf("best = %q, want %q (votes %v)", got, tc.want, v.votes)
			}
		})
	}
}

// writeVendorFixture writes a small home-made questionnaire: the answers
// given, the company and title given as the file's properties, and a
// "Vendor Name" field when field is set.
func writeVendorFixture(t *testing.T, answers []string, company, title, field, cover string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if cover != "" {
		// A cover sheet as CAIQ respondents add it: a title, then
		// "caption: value" rows.
		if _, err := f.NewSheet("Introduction"); err != nil {
			t.Fatal(err)
		}
		_ = f.SetSheetRow("Introduction", "A1", &[]any{"Consensus Assessments Initiative Questionnaire"})
		_ = f.SetSheetRow("Introduction", "A3", &[]any{"CSP Name", cover})
		_ = f.SetSheetRow("Introduction", "A4", &[]any{"Date", "2026-01-05"})
	}
	sh := "Questions"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		t.Fatal(err)
	}
	row := 1
	if field != "" {
		_ = f.SetSheetRow(sh, "A1", &[]any{"Vendor Name", field})
		row = 3
	}
	_ = f.SetSheetRow(sh, "A"+itoa(row), &[]any{"Question ID", "Question", "Answer", "Notes"})
	qs := []string{"Do you encrypt data at rest?", "Do you log access?", "Do you test backups?"}
	for i, q := range qs {
		a := ""
		if i < len(answers) {
			a = answers[i]
		}
		_ = f.SetSheetRow(sh, "A"+itoa(row+1+i), &[]any{"Q-" + itoa(i+1), q, a, ""})
	}
	if company != "" {
		if err := f.SetAppProps(&excelize.AppProperties{Company: company}); err != nil {
			t.Fatal(err)
		}
	}
	if title != "" {
		if err := f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "openpyxl"}); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "q.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func itoa(n int) string {
	return string(rune('0'+n/10%10)) + string(rune('0'+n%10))
}

// TestVendorSource: the form's own field first, then the answers, then
// the file's properties (the company, else the title's leading name), and
// a blank form takes no name from its properties (they name the
// template's author).
func TestVendorSource(t *testing.T) {
	named := []string{"Yes", "Yes", "Yes"}
	for _, tc := range []struct {
		name                         string
		answers                      []string
		company, title, field, cover string
		wantVendor, wantSource       string
	}{
		{"form field", named, "Other Co", "", "Acme Cloud", "", "Acme Cloud", VendorFromForm},
		{"cover sheet", named, "Other Co", "", "", "Acme Cover Co", "Acme Cover Co", VendorFromForm},
		{"company", named, "Nimbus Ledger Ltd", "", "", "", "Nimbus Ledger Ltd", VendorFromProperties},
		{"title", named, "", "Nimbus Ledger CAIQ v4.0.3 STAR", "", "", "Nimbus Ledger", VendorFromProperties},
		{"tool as company", named, "Microsoft Corporation", "", "", "", "", ""},
		{"template title", named, "", "FedRAMP Template CIS Worksheet", "", "", "", ""},
		{"blank form", nil, "Template Author Inc", "Author CAIQ v4", "", "", "", ""},
		{"answers", []string{"Yes. Zephyrix maintains it.", "Yes. Zephyrix uses it.", "Yes. Zephyrix runs tests."}, "Other Co", "", "", "", "Zephyrix", VendorFromAnswers},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeVendorFixture(t, tc.answers, tc.company, tc.title, tc.field, tc.cover)
			doc, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			q := doc.Questionnaire
			if q.Vendor != tc.wantVendor || q.VendorSource != tc.wantSource {
				t.Errorf("vendor %q (%s), want %q (%s)", q.Vendor, q.VendorSource, tc.wantVendor, tc.wantSource)
			}
		})
	}
}

// TestVendorCorpus: every filled CAIQ, HECVAT, K-12CVAT, ISO SoA and CRM
// workbook of the corpus names its vendor, and says where the name comes
// from; the blank templates name none.
func TestVendorCorpus(t *testing.T) {
	dir := questionnaireCorpus(t)
	for file, want := range map[string][2]string{
		"caiq-v4.0.3-filled-instructure.xlsx":                {"Instructure", VendorFromAnswers},
		"caiq-v4.0.3-filled-whitepact.xlsx":                  {"WhitePact", VendorFromAnswers},
		"crm-nist-800-53r5-filled-meridian-lms.xlsx":         {"Meridian", VendorFromForm},
		"hecvat-full-v2.11-filled-portfolium.xlsx":           {"Instructure", VendorFromForm},
		"hecvat-full-v3.00-filled-opendsa.xlsx":              {"Virginia Tech Department of Computer Science", VendorFromForm},
		"hecvat-full-v3.04-filled-canvas-lms.xlsx":           {"Instructure", VendorFromForm},
		"hecvat-lite-v3.04-filled-canvas-catalog.xlsx":       {"Instructure", VendorFromForm},
		"hecvat-lite-export-filled-intelligent-insights.csv": {"Instructure", VendorFromAnswers},
		"iso27001-soa-filled-instructure.xlsx":               {"Instructure", VendorFromAnswers},
		"k12cvat-lite-v4.1-filled-canvas-lms.xlsx":           {"Instructure", VendorFromForm},
		"caiq-v4.0.3-blank.xlsx":                             {"", ""},
		"caiq-v1.0-blank.xlsx":                               {"", ""},
		"hecvat-v4.1.4-blank.xlsx":                           {"", ""},
		"fedramp-rev5-cis-crm-workbook-blank.xlsx":           {"", ""},
	} {
		path := filepath.Join(dir, file)
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		doc, err := Open(path, Options{})
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if q := doc.Questionnaire; q.Vendor != want[0] || q.VendorSource != want[1] {
			t.Errorf("%s: vendor %q (%s), want %q (%s)", file, q.Vendor, q.VendorSource, want[0], want[1])
		}
	}
}

// TestIsLowerWord holds isLowerWord to the pattern it replaces.
func TestIsLowerWord(t *testing.T) {
	re := regexp.MustCompile(`^[a-z][a-z0-9]+$`)
	for _, w := range []string{"", "a", "ab", "a1", "1a", "abc9", "Ab", "aB", "ab-c", "ab\n", "é", "aé", "z0", "{a", "a{", "`a"} {
		if got, want := isLowerWord(w), re.MatchString(w); got != want {
			t.Errorf("isLowerWord(%q) = %v, the pattern says %v", w, got, want)
		}
	}
}

func FuzzIsLowerWord(f *testing.F) {
	re := regexp.MustCompile(`^[a-z][a-z0-9]+$`)
	f.Add("ab1")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := isLowerWord(w), re.MatchString(w); got != want {
			t.Errorf("isLowerWord(%q) = %v, the pattern says %v", w, got, want)
		}
	})
}

// TestMaySubjectName holds the gate before reSubjectName: it passes every
// text the pattern matches, and turns away the one-word answers.
func TestMaySubjectName(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Yes", false},
		{"N/A", false},
		{"yes, see the policy", false},
		{"Acme", false},
		{"AcmeCloud\tis", true},
		{"Acme Cloud maintains a policy.", true},
		{"see below: Zeta's team", true},
		{"  Beta", false},
		{"Beta\u00a0is", false},
		{"", false},
	} {
		if got := maySubjectName(c.text); got != c.want {
			t.Errorf("maySubjectName(%q) = %v; want %v", c.text, got, c.want)
		}
		checkSubjectNameGate(t, c.text)
	}
}

func checkSubjectNameGate(t *testing.T, text string) {
	t.Helper()
	if !maySubjectName(text) && reSubjectName.MatchString(text) {
		t.Errorf("reSubjectName matches %q, which maySubjectName turns away", text)
	}
}

// FuzzMaySubjectName holds the gate to the pattern over any text.
func FuzzMaySubjectName(f *testing.F) {
	for _, s := range []string{"Acme Cloud maintains", "Zeta's team", "Yes", "A\nis", "x Acme\u00a0is"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSubjectNameGate(t, text)
	})
}

// checkSubjectNames holds subjectNames to the pattern's own FindAll.
func checkSubjectNames(t *testing.T, text string) {
	t.Helper()
	want := reSubjectName.FindAllStringSubmatch(text, -1)
	if got := subjectNames(text); !reflect.DeepEqual(got, want) {
		t.Errorf("subjectNames(%q) = %q, FindAllStringSubmatch: %q", text, got, want)
	}
}

// TestSubjectNames: matches after other matches, inside words, after
// digits, underscores, punctuation and non-ASCII letters, at the text's
// start and end, possessives, legal forms, none.
func TestSubjectNames(t *testing.T) {
	for _, text := range []string{
		"Acme Cloud maintains backups. Zeta Data Ltd. is audited; Acme's team reviews logs.",
		"WhitePact uses AES. whitePact uses none. xAcme is not. _Acme is. 9Acme is. (Acme) is. \"Acme\" is.",
		"éAcme is here; ÉAcme is; Acme\u00a0is; Acme\tis; Canvas LMS Inc, is; Canvas LMS, Inc. will",
		"Acme is Bolt is Cobalt has Dyn may", "Acme", "Acme is", " is", "", "A is", "AB Corp has",
		"The Provider maintains it. Customers Data Security Team will review. Instructure Inc. shall",
		"Acme Cloud Platform Services maintains", "Acme’s staff", "Acme's\nstaff", "ACME HAS", "Acme  Cloud  is",
		// subjectAt's cases: one word, white space, a verb or not.
		"Acme provides", "Acme plc is", "Acme performs", "Acme issues", "Acme is not", "Acme\n\tis", "Acme is_",
		"Acme isé", "ACME is", "A1 is", "Acme& is", "Acme 9 is", "Acme s.r.o. is", "Acme d.o.o. has", "Acme ",
		"Acme  ", "Acme‘s team", "Acme—is", "Access is granted (7). Customers manage users.", "Zeta does not",
		"Acme\vis", "Acme\ris", "Ac&me uses", "Acme currently", "Acmeé is", "Acme, is", "Acme; is",
	} {
		checkSubjectNames(t, text)
	}
}

// FuzzSubjectNames holds subjectNames to the pattern over any text.
func FuzzSubjectNames(f *testing.F) {
	for _, s := range []string{"Acme Cloud maintains", "Zeta's team", "x Acme is", "éAcme is", "Acme is Bolt is", "Acme plc is", "Bolt\tdoes not"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSubjectNames(t, text)
	})
}

// TestLegalFirstNoSpace: subjectAt reads a legal form's first byte only
// after the white space, so no form may open with white space.
func TestLegalFirstNoSpace(t *testing.T) {
	for _, f := range company.LegalForms() {
		if f == "" || isRegexpSpace(f[0]) {
			t.Errorf("legal form %q opens with white space", f)
		}
	}
}

// TestNameVotesMemo: a text read again votes again, as read the first time.
func TestNameVotesMemo(t *testing.T) {
	var v nameVotes
	for range 3 {
		v.add(Item{Answer: "Yes", Notes: "Zeta maintains logs; Zeta's team reviews them.", CSPImplementation: "Zeta maintains logs; Zeta's team reviews them."})
	}
	if v.votes["Zeta"] != 6 || len(v.memo) != 2 || !v.lower["logs"] {
		t.Errorf("votes %v, memo %d texts, lower %v", v.votes, len(v.memo), v.lower)
	}
}

// lowerWordsOracle is the loop lowerWords stands for.
func lowerWordsOracle(text string) []string {
	var out []string
	for _, tok := range strings.Fields(text) {
		w := strings.Trim(tok, wordTrim)
		if w != "" && !strings.ContainsAny(w, "./@_:\\=") && isLowerWord(w) {
			out = append(out, w)
		}
	}
	return out
}

var lowerWordsTexts = []string{
	"",
	"Yes",
	"Backups are encrypted at rest (AES-256) and reviewed yearly.",
	"See “policy”, ‘annex’ and (appendix).",
	"“quoted”’ ‘’x9 “”",
	"tabs\tand\nnewlines\u00a0nbsp\u2003emspace\u2028sep words",
	"mail ops@acme.example or see acme.example/trust; paths a/b, c_d, e=f, g:h",
	"trailing dots... ((nested)) [[x]] {{ab}} !?ok?! 'single' \"double\"",
	"broken \xe2\x80 utf \xe2\x80\x9cq\xe2\x80 \x80\x9cab\xe2\x80\x9d \xff\xfe word",
	"ab\xe2\x80\x80\x9c cd\xe2\x80\x9d\xe2\x80\x99 \xe2\x80\x98\xe2\x80\x9cef",
	"Ünïcode wörds naïve café x2 a 9ab ab9",
}

func TestLowerWords(t *testing.T) {
	for _, text := range lowerWordsTexts {
		var got []string
		lowerWords(text, func(w string) { got = append(got, w) })
		if want := lowerWordsOracle(text); !reflect.DeepEqual(got, want) {
			t.Errorf("lowerWords(%q) = %q, want %q", text, got, want)
		}
	}
}

func FuzzLowerWords(f *testing.F) {
	for _, text := range lowerWordsTexts {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var got []string
		lowerWords(text, func(w string) { got = append(got, w) })
		if want := lowerWordsOracle(text); !reflect.DeepEqual(got, want) {
			t.Errorf("lowerWords(%q) = %q, want %q", text, got, want)
		}
	})
}

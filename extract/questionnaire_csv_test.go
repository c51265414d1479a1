package extract

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const hecvatCSV = "\ufeffCompany Overview,,Vendor Answers,Additional Information\r\n" +
	"GNRL-01,Vendor Name,Acme,\r\n" +
	"COMP-01,Describe your organization.,\"Founded in 2008.\r\n\r\nPrivately held.\",\r\n" +
	"COMP-02,Have you had an unplanned disruption?, No ,See the status page.\r\n" +
	"IT Accessibility ,,,\r\n" +
	"ITAC-01,Has a third party audited accessibility?,Yes,\"Line one\nLine two\"\r\n"

func TestCSVSniff(t *testing.T) {
	md, err := os.ReadFile(filepath.Join("testdata", "agreement-sample.md"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		head string
		path string
		want bool
	}{
		{"HECVAT export with BOM", hecvatCSV, "export.csv", true},
		{"renamed export", hecvatCSV, "export.txt", true},
		{"plain header", "ID,Question,Answer,Notes\nAC-01,Is MFA on?,Yes,\n", "q.csv", true},
		{"semicolons", "Question ID;Question;Response;Comments\nAC-01;Is MFA on?;Yes;\n", "q.csv", true},
		{"two columns, .csv", "Question,Answer\nIs MFA on?,Yes\n", "q.csv", true},
		{"two columns, not .csv", "Question,Answer\nIs MFA on?,Yes\n", "q.txt", false},
		{"Markdown agreement", string(md), "agreement.md", false},
		{"Markdown agreement named .csv", string(md), "agreement.csv", false},
		{"plain-text agreement", "MASTER SERVICES AGREEMENT\n\n1. Definitions. In this Agreement, \"Customer\", \"Provider\" and \"Services\" have the meanings below.\n2. Term, renewal, and termination.\n", "msa.txt", false},
		{"prose with caption words", "Questions, answers, and notes shall be kept by the Provider, as agreed.\nThe Customer may ask, and the Provider, shall answer, in writing.\n", "terms.txt", false},
		{"contact list", "name,email,phone\nAda,ada@example.com,123\n", "contacts.csv", false},
		{"binary", "PK\x03\x04\x00\x00", "a.csv", false},
		{"first answer longer than the head", ("ID,Question,Answer,Notes\nAC-01,Is MFA on?,\"" + strings.Repeat("Yes, everywhere. ", 600) + "\",\n")[:sniffSize], "q.csv", true},
		{"long prose line", strings.Repeat("Questions, answers, notes ", 400)[:sniffSize], "terms.txt", false},
	}
	for _, tt := range tests {
		if got := (csvParser{}).Sniff([]byte(tt.head), tt.path); got != tt.want {
			t.Errorf("%s: Sniff = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCSVParse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.csv")
	if err := os.WriteFile(path, []byte(hecvatCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	q := doc.Questionnaire
	if q == nil {
		t.Fatal("not read as a questionnaire")
	}
	want := []Item{
		{ID: "COMP-01", Question: "Describe your organization.", Answer: "Founded in 2008.\n\nPrivately held.", AnswerNormalized: AnswerText, Row: 3, Cell: "C3"},
		{ID: "COMP-02", Question: "Have you had an unplanned disruption?", Answer: "No", AnswerNormalized: AnswerNo, Notes: "See the status page.", Row: 4, Cell: "C4"},
		{ID: "ITAC-01", Question: "Has a third party audited accessibility?", Answer: "Yes", AnswerNormalized: AnswerYes, Notes: "Line one\nLine two", Row: 6, Cell: "C6"},
	}
	if !reflect.DeepEqual(q.Items, want) {
		t.Errorf("items:\n got %+v\nwant %+v", q.Items, want)
	}
	if q.Format != "csv" || !reflect.DeepEqual(q.Sheets, []string{""}) {
		t.Errorf("Format %q Sheets %q", q.Format, q.Sheets)
	}
}

func TestCSVErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path string
		want       error
	}{
		{"no items", write("empty.csv", "Question,Answer,Notes\n,,\n"), ErrEmpty},
		{"not UTF-8", write("latin1.csv", "Question,Answer\n\xe9t\xe9,Yes\n"), ErrUnsupported},
	}
	for _, tt := range tests {
		_, err := csvParser{}.Parse(tt.path, Options{})
		var ie *InputError
		if !errors.As(err, &ie) || !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want *InputError wrapping %v", tt.name, err, tt.want)
		}
	}
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte(hecvatCSV))
	f.Add([]byte("ID,Question,Answer\nAC-01,\"Is MFA on?\nEverywhere\",Yes\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = (csvParser{}).Sniff(b[:min(len(b), sniffSize)], "f.csv")
		fuzzQuestionnaire(t, csvParser{}, "f.csv", b)
	})
}

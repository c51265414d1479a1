package analyze

import (
	"slices"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/templates"
)

// The embedded domains file parses (its examples checked as it is read) and
// places sentences and questions as classifyDomains, wordsDomain and
// nistFamilyDomain read it.
func TestDomainsEmbedded(t *testing.T) {
	data, err := templates.Phrases.ReadFile(domainsFile)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parseDomains(data); err != nil {
		t.Fatalf("%s: %v", domainsFile, err)
	}
	d := embeddedDomains()
	if len(d.patterns) != len(Domains) {
		t.Fatalf("%d domains, want %d", len(d.patterns), len(Domains))
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"The provider notifies the customer of a data breach within 48 hours.", []string{"SEF"}},
		{"Customer keeps its passwords confidential and secures its laptops.", []string{"IAM", "UEM"}},
		{"Encryption keys are stored in the data centre's hardware modules.", []string{"CEK", "DCS"}},
		{"Fees are due within 30 days of invoice.", nil},
	} {
		if got := classifyDomains(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("classifyDomains(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	for q, want := range map[string]string{
		"Do you patch critical vulnerabilities and run penetration tests?": "TVM",
		"Are backups tested as part of disaster recovery?":                 "BCR",
		"What is your company's name?":                                     "",
	} {
		if got := wordsDomain(q); got != want {
			t.Errorf("wordsDomain(%q) = %q, want %q", q, got, want)
		}
	}
	for id, want := range map[string]string{"AC-2": "IAM", "SI-4(5)": "TVM", "IR-6": "SEF", "ZZ-1": ""} {
		if got := nistFamilyDomain(id); got != want {
			t.Errorf("nistFamilyDomain(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestParseDomains(t *testing.T) {
	full := func(edit func(string) string) []byte {
		var b strings.Builder
		b.WriteString("schema: ssrm.domains/v1\ndomains:\n")
		for _, d := range Domains {
			b.WriteString("  - code: " + d.Code + "\n    words: ['w" + strings.ToLower(d.Code[:1]) + "x']\n")
			b.WriteString("    examples:\n      match: ['a w" + strings.ToLower(d.Code[:1]) + "x b']\n")
		}
		b.WriteString("nist_families:\n  AC: IAM\n")
		return []byte(edit(b.String()))
	}
	if _, err := parseDomains(full(func(s string) string { return s })); err != nil {
		t.Fatalf("a well-formed file: %v", err)
	}
	for name, edit := range map[string]func(string) string{
		"schema":         func(s string) string { return strings.Replace(s, "v1", "v2", 1) },
		"unknown key":    func(s string) string { return s + "extra: 1\n" },
		"bad code":       func(s string) string { return strings.Replace(s, "code: UEM", "code: XYZ", 1) },
		"missing domain": func(s string) string { return s[:strings.Index(s, "  - code: UEM")] + "nist_families:\n  AC: IAM\n" },
		"bad regexp":     func(s string) string { return strings.Replace(s, "words: ['wax']", "words: ['wa(x']", 1) },
		"example fails":  func(s string) string { return strings.Replace(s, "match: ['a wax b']", "match: ['a wa b']", 1) },
		"no_match hits": func(s string) string {
			return strings.Replace(s, "match: ['a wax b']", "match: ['a wax b']\n      no_match: ['wax']", 1)
		},
		"bad family":  func(s string) string { return strings.Replace(s, "AC: IAM", "AC: XYZ", 1) },
		"no families": func(s string) string { return s[:strings.Index(s, "nist_families:")] },
	} {
		if _, err := parseDomains(full(edit)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

package company

import (
	"regexp"
	"testing"
)

// TestLegalForms: the one list of legal forms (templates/company/
// legal_forms.yaml) is read strictly, drops every form from a name's key,
// and makes whole-word patterns.
func TestLegalForms(t *testing.T) {
	if _, err := parseLegal([]byte("schema: x\nforms: [Inc.]\nnames: [Co]\n")); err == nil {
		t.Error("an unknown key is no error")
	}
	for _, c := range [][2]string{
		{"Halvik Data OÜ", "Halvik Data"},
		{"Brzozka Soft Sp. z o.o.", "Brzozka Soft"},
		{"Norrvind Cloud A/S", "Norrvind Cloud"},
		{"Lionbridge Hosting Pte. Ltd.", "Lionbridge Hosting"},
		{"Wendelstein GmbH & Co. KG", "Wendelstein"},
	} {
		if Key(c[0]) != Key(c[1]) {
			t.Errorf("Key(%q) = %q, want Key(%q) = %q", c[0], Key(c[0]), c[1], Key(c[1]))
		}
		if !HasLegalForm(c[0]) || HasLegalForm(c[1]) {
			t.Errorf("HasLegalForm(%q) %v, HasLegalForm(%q) %v", c[0], HasLegalForm(c[0]), c[1], HasLegalForm(c[1]))
		}
	}
	if HasLegalForm("GmbH") || Key("KG") != "kg" {
		t.Error("a legal form alone is a name")
	}
	re := regexp.MustCompile(`^Acme (?:` + LegalFormPattern() + `)`)
	for s, want := range map[string]string{"Acme Inc. x": "Acme Inc.", "Acme Inc x": "Acme Inc", "Acme Incx": "", "Acme OÜ x": "Acme OÜ", "Acme Sp. z o.o.": "Acme Sp. z o.o.", "Acme Company": ""} {
		if got := re.FindString(s); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
	caps := regexp.MustCompile(`\b(?:` + LegalFormCapsPattern() + `)\.?$`)
	for _, s := range []string{"ACME CLOUD LIMITED", "ACME L.L.C.", "ACME COMPANY", "ACME OÜ", "ACME S.P.A."} {
		if !caps.MatchString(s) {
			t.Errorf("%q: no legal form in capitals", s)
		}
	}
}

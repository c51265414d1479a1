package analyze

import "testing"

// TestLegalFormsDefineVendor: a company's name closed by a legal form of
// templates/company/legal_forms.yaml, whatever country's form, is the
// vendor's name where the vendor's role is defined by it ("Provider"
// means ...) or it is said to be the processor. Sentences written for the
// test; each form here was missing from the regular expressions before
// they read the one list.
func TestLegalFormsDefineVendor(t *testing.T) {
	rs := loadRules(t)
	for _, c := range []struct{ clause, vendor string }{
		{`"Provider" means Halvik Data OÜ, a company registered in Estonia.`, "Halvik Data OÜ"},
		{`"Provider" means Norrvind Cloud AS, a company registered in Norway.`, "Norrvind Cloud AS"},
		{`"Provider" means Brzozka Soft Sp. z o.o., a company registered in Poland.`, "Brzozka Soft Sp. z o.o."},
		{`"Provider" means Kumogata Systems K.K., a company registered in Japan.`, "Kumogata Systems K.K."},
		{`"Provider" means Wendelstein Software KG, a partnership registered in Germany.`, "Wendelstein Software KG"},
		{`"Provider" means Zeegat Diensten NV, a company registered in Belgium.`, "Zeegat Diensten NV"},
		{`"Provider" means Sorrento Cloud SA, a company registered in Switzerland.`, "Sorrento Cloud SA"},
		{`Halvik Data OÜ is the processor under this agreement.`, "Halvik Data OÜ"},
		{`Zeegat Diensten NV acts as the processor under this agreement.`, "Zeegat Diensten NV"},
	} {
		res := run(t, rs, Options{}, c.clause, "The Provider shall notify the Customer of a security incident within 72 hours.")
		if res.Vendor != c.vendor {
			t.Errorf("%s: vendor %q, want %q", c.clause, res.Vendor, c.vendor)
		}
	}
}

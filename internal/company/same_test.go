package company

import "testing"

func TestSame(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		// Legal forms, punctuation and case.
		{"Acme Cloud, Inc.", "ACME CLOUD", true},
		{"Acme Cloud LLC", "Acme Cloud L.L.C.", true},
		{"Nimbus Ledger Ltd", "Nimbus Ledger Limited", true},
		{"Kessel GmbH", "kessel", true},
		{"Van Dijk B.V.", "Van Dijk BV", true},
		{"Soluciones S.A.", "Soluciones", true},
		{"The Harbor Group", "Harbor Group plc", true},
		// One name the other's first words.
		{"Acme", "Acme Cloud Services Ltd", true},
		{"Acme Cloud Services Ltd", "Acme", true},
		{"Deckard Technologies", "Deckard", true},
		// Spacing.
		{"GitHub, Inc.", "Git Hub", true},
		// d/b/a, trading as, brackets, formerly.
		{"Northwind Holdings LLC d/b/a Widgetly", "Widgetly", true},
		{"Widgetly", "Northwind Holdings LLC dba Widgetly", true},
		{"Northwind Holdings LLC, doing business as Widgetly", "Northwind", true},
		{"Bluebird Partners Ltd trading as Finch Analytics", "Finch Analytics Limited", true},
		{"Orchard Data Inc. (formerly Appleseed Labs)", "Appleseed", true},
		{"CAOS Ltd. (ZITADEL)", "Zitadel", true},
		{"Quill Software t/a Inkwell", "Inkwell Ltd", true},
		// Group companies share a distinctive first word.
		{"Stripe, Inc.", "Stripe Payments Europe, Limited", true},
		{"Microsoft Corporation", "Microsoft Azure", true},
		{"OVH Hosting Ltd.", "OVHcloud", true},
		// Aliases of the providers' list.
		{"AWS", "Amazon Web Services, Inc.", true},
		// Different companies.
		{"Acme Cloud, Inc.", "Beta Systems Ltd", false},
		{"Instructure, Inc.", "Flock Group Inc.", false},
		{"Northwind Holdings LLC d/b/a Widgetly", "Contoso Ltd", false},
		{"Bluebird Partners Ltd trading as Finch Analytics", "Sparrow Analytics", false},
		{"American Express", "American Airlines", false},
		{"Cobalt Harbor Ltd", "Saltmarsh Analytics GmbH", false},
		{"Dropbox, Inc.", "Box, Inc.", false},
		{"Datadog, Inc.", "Databricks Inc.", false},
		// No name on a side is no conflict.
		{"", "Acme", true},
		{"Acme", " ,. ", true},
		{"()", "Acme", true},
	}
	for _, tc := range tests {
		if got := Same(tc.a, tc.b); got != tc.same {
			t.Errorf("Same(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
		if got := Same(tc.b, tc.a); got != tc.same {
			t.Errorf("Same(%q, %q) = %v, want %v (not symmetric)", tc.b, tc.a, got, tc.same)
		}
	}
}

func TestHasLegalForm(t *testing.T) {
	for name, want := range map[string]bool{
		"Acme Cloud, Inc.":     true,
		"Flock Group Inc":      true,
		"Van Dijk B.V.":        true,
		"Soluciones S.A.":      true,
		"Müller GmbH & Co. KG": true,
		"37signals LLC":        true,
		"Northwind Data Holdings LLC d/b/a Saltmarsh Analytics": true,
		"Zitadel (CAOS Ltd.)": true,
		"Basecamp Big":        false,
		"Receiving Party":     false,
		"GitHub":              false,
		"Inc.":                false,
		"":                    false,
	} {
		if got := HasLegalForm(name); got != want {
			t.Errorf("HasLegalForm(%q) = %v, want %v", name, got, want)
		}
	}
}

func FuzzSame(f *testing.F) {
	for _, s := range []string{"Acme Inc. d/b/a Widgetly", "(", "a/k/a", "Acme (Beta (Gamma))", ""} {
		f.Add(s, "Acme")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if Same(a, b) != Same(b, a) {
			t.Errorf("Same(%q, %q) is not symmetric", a, b)
		}
		if !Same(a, a) {
			t.Errorf("Same(%q, itself) = false", a)
		}
		if HasLegalForm(a) && Key(a) == "" {
			t.Errorf("HasLegalForm(%q) with no key", a)
		}
	})
}

package analyze

import "testing"

// TestVendorFromKeyTerms: a document that names its vendor only in a
// key-terms table's row, or in a preamble with a Czech or Slovenian legal
// form, names the vendor in the report (trial27d, trial27e: the report
// said the file named it); a table row that holds no name names none.
func TestVendorFromKeyTerms(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name    string
		clauses []string
		vendor  string
	}{
		{"table row with (s)", []string{"Section A - Key terms\nVariable Value\nController(s) Harbor Mills, Norway\nProcessor(s) Quillmark, Norway\nContact: Quillmark (privacy@quillmark.example)", "The Processor shall notify the Controller of a personal data breach without undue delay."}, "Quillmark"},
		{"markdown table cell", []string{"| Term | Value |\n|---|---|\n| Supplier | Tallowby Systems |\n| Customer | the entity signing the Order |", "The Supplier shall encrypt Customer Data at rest."}, "Tallowby Systems"},
		{"row with name label", []string{"Processor name: Brindlewood Analytics\nProcessor address: 4 Any Street", "The Processor shall keep a record of processing."}, "Brindlewood Analytics"},
		{"role word in the cell", []string{"Provider: the Supplier named in the Order Form\nCustomer: the customer", "Provider shall back up Customer Data daily."}, ""},
		{"a sentence, no table", []string{"Processor shall notify Customer of any change.", "Supplier Obligations apply."}, ""},
		{"s.r.o. before its role", []string{"Agreement\nbetween\n- the Controller - hereafter named the \"Client\" -\nand\nPravolen s.r.o., ID: 12345678, with its registered office in Brno, Czechia\n- the Processor - hereafter named the \"Supplier\" -", "The Supplier shall notify the Client of a personal data breach."}, "Pravolen s.r.o."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, rs, Options{}, tc.clauses...)
			if res.Vendor != tc.vendor {
				t.Errorf("vendor %q from %q, want %q", res.Vendor, res.VendorSource, tc.vendor)
			}
		})
	}
}

package analyze

import "testing"

// Kinds of fault of new-user trial 38 (a hosting agreement's base terms),
// reproduced with sentences of our own writing.

// TestTrial38VendorByShortName: a preamble defines the vendor by a short
// name and the customer by its role word ("Customer"): the short name is
// the vendor's, whose legal name may break across a line.
func TestTrial38VendorByShortName(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ pre, body, want string }{
		{"Under this Managed Hosting Agreement (\"Agreement\") between Northwind Computing\nSystems Corporation (\"NCS\") and Halberd Outfitters, Inc. (\"Customer\"), NCS will\nprovide managed hosting and related services (\"Services\") to Customer.", "NCS will implement the security features specified in the Order Form. Customer shall keep its passwords secret.", "Northwind Computing Systems Corporation"},
		{"This Colocation Agreement is made between Quillmark Data Centres Limited (\"QDC\") and Ostrander Foods, Inc. (\"Customer\"). QDC will provide rack space and power to Customer.", "QDC shall maintain the cooling plant. Customer shall pay the fees monthly.", "Quillmark Data Centres Limited"},
		{"This agreement is entered into by Harrowgate Retail LLC (\"Customer\") and Velloway Network Services, Inc. (\"Velloway\"), under which Velloway will host Customer's online store.", "Velloway will back up the store daily. Customer must notify Velloway of any change of contact.", "Velloway Network Services, Inc."},
	} {
		md := "# Hosting Agreement\n\n" + tc.pre + "\n\n## 1. Services\n\n" + tc.body + "\n"
		if got := runMarkdown(t, rs, md).Vendor; got != tc.want {
			t.Errorf("%s: vendor %q, want %q", tc.pre, got, tc.want)
		}
	}
}

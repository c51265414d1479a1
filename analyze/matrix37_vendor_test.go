package analyze

import "testing"

// Kinds of fault of new-user trial 35 (an MSA whose matrix disagreed with
// its findings), reproduced with sentences of our own writing.

// TestMatrix37VendorNameCase: a legal name in the preamble's capitals is
// shown as the text spells the name elsewhere, its legal form as usual;
// a name the text only writes in capitals stays so.
func TestMatrix37VendorNameCase(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ pre, body, want string }{
		{`THIS AGREEMENT IS MADE BETWEEN NORTHWIND CLOUD, INC. ("WE") AND THE CUSTOMER ("YOU").`, "The Northwind Cloud Services are hosted in Ireland. We shall protect Customer Data with appropriate technical and organisational measures.", "Northwind Cloud, Inc."},
		{`THIS AGREEMENT IS MADE BETWEEN HALBERD DATA LLC ("WE") AND THE CUSTOMER ("YOU").`, "The Halberd Data console shows each login. We shall protect Customer Data with appropriate technical and organisational measures.", "Halberd Data LLC"},
		{`THIS AGREEMENT IS MADE BETWEEN QUORVEX, INC. ("WE") AND THE CUSTOMER ("YOU").`, "We shall protect Customer Data with appropriate technical and organisational measures.", "QUORVEX, INC."},
	} {
		md := "# Services Agreement\n\n" + tc.pre + "\n\n## 1. Security\n\n" + tc.body + "\n"
		if got := runMarkdown(t, rs, md).Vendor; got != tc.want {
			t.Errorf("%s: vendor %q, want %q", tc.pre, got, tc.want)
		}
	}
}

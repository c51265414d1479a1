package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// TestDocs49MatrixRowSaysWhere: a matrix row in the text and Markdown
// reports names the clauses it comes from and what each shows, as the
// JSON's evidence does (new user 50, issue 11; our own row).
func TestDocs49MatrixRowSaysWhere(t *testing.T) {
	res := &analyze.Result{Vendor: "Tesselate Labs", Matrix: []analyze.MatrixRow{{
		Domain: "IAM", Title: "Identity & Access Management", Owner: analyze.OwnerShared, Status: "shared-with-terms", AgreementOwner: analyze.OwnerShared,
		Evidence: []analyze.Evidence{
			{File: "baa.md", Section: "4", Text: "Business Associate shall enforce multi-factor sign-in for its staff.", Note: "vendor obligation"},
			{File: "baa.md", Section: "9", Text: "The Client manages the accounts of its own users.", Note: "customer obligation (finding customer-responsibilities, met)"},
		},
	}}}
	var txt, md bytes.Buffer
	if err := (textRenderer{}).Render(&txt, res); err != nil {
		t.Fatal(err)
	}
	if err := (markdownRenderer{}).Render(&md, res); err != nil {
		t.Fatal(err)
	}
	const want = "§4 (vendor obligation), §9 (customer obligation)"
	for name, out := range map[string]string{"text": txt.String(), "md": md.String()} {
		if !strings.Contains(out, want) {
			t.Errorf("%s report lacks %q:\n%s", name, want, out)
		}
	}
}

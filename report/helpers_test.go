package report

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
)

const sampleDir = "../samples/nimbus-ledger"

// loadSample analyses the sample vendor as the CLI does and returns the
// result and the documents it read.
func loadSample(t testing.TB) (*analyze.Result, *analyze.Inputs) {
	t.Helper()
	var in analyze.Inputs
	for _, name := range []string{"questionnaire.xlsx", "agreement.pdf"} {
		doc, err := extract.Open(filepath.Join(sampleDir, name), extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Questionnaire != nil {
			in.Questionnaire = doc.Questionnaire
		} else {
			in.Agreements = append(in.Agreements, doc.Agreement)
		}
	}
	rs, err := analyze.LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := analyze.Run(context.Background(), in, rs, analyze.Options{Vendor: "Nimbus Ledger"})
	if err != nil {
		t.Fatal(err)
	}
	return res, &in
}

// hostile is document text that must come out as text in every format.
const hostile = `<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2"><b>bold</b> & "quotes"`

// poison puts hostile text in the vendor name, a warning, a clause, a questionnaire
// answer and the evidence of the first finding and of the contradiction.
func poison(res *analyze.Result, docs *analyze.Inputs) {
	res.Vendor = "Evil <b>Vendor</b>"
	res.Warnings = append(res.Warnings, analyze.Warning{Code: analyze.WarnVendorMismatch, Message: "=the documents name different vendors: " + hostile, Sources: []string{"=q.xlsx", hostile}})
	if len(res.Findings) > 0 && len(res.Findings[0].Evidence) > 0 {
		res.Findings[0].Evidence[0].Text = hostile
	}
	for i := range res.Findings {
		res.Findings[i].Explanation += " " + hostile
	}
	for i := range res.Contradictions {
		for j := range res.Contradictions[i].Evidence {
			res.Contradictions[i].Evidence[j].Text += " " + hostile
		}
	}
	if docs != nil {
		if len(docs.Agreements) > 0 && len(docs.Agreements[0].Clauses) > 0 {
			docs.Agreements[0].Clauses[0].Text = hostile
		}
		if docs.Questionnaire != nil && len(docs.Questionnaire.Items) > 0 {
			docs.Questionnaire.Items[0].Answer = "=HYPERLINK(\"http://x\")" + hostile
		}
	}
}

package report

import (
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// TestDocs47AnnexAloneAsksForTheMainAgreement: a security annex (a TOMs)
// sent alone, as a DPA alone, has terms set apart as not covered; the
// summary asks for the main agreement, which holds them and may hold the
// terms found missing (new-user trial 47, issue 11; our own case).
func TestDocs47AnnexAloneAsksForTheMainAgreement(t *testing.T) {
	for _, c := range []struct {
		kinds []string
		want  string
	}{
		{[]string{"security"}, "send the main agreement (MSA or terms of service) with it"},
		{[]string{"dpa", "security"}, "send the main agreement (MSA or terms of service) with them"},
	} {
		res := &analyze.Result{Verdict: analyze.VerdictFail}
		for _, k := range c.kinds {
			res.Inputs = append(res.Inputs, analyze.Input{Path: k + ".pdf", DocKind: &analyze.DocKind{Kind: k}})
		}
		res.Summary.NotCovered, res.Summary.NotCoveredRules = 2, []string{"service-levels", "cyber-insurance"}
		if got := notCoveredNote(res); !strings.Contains(got, c.want) {
			t.Errorf("%v: %q, want it to hold %q", c.kinds, got, c.want)
		}
	}
}

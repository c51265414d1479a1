package report

import (
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// TestAgreementKindCueNotTitle: the words that decided an agreement's kind
// are a cue found in its title, not the title itself (new-user trial 34:
// `title: "Service Agreement"` for a document headed "Cloud Service
// Agreement"), so the line names them as what they are.
func TestAgreementKindCueNotTitle(t *testing.T) {
	for _, c := range []struct {
		kind analyze.DocKind
		want string
	}{
		{analyze.DocKind{Kind: "msa", Name: "master or subscription agreement", From: "title", Cue: "Hosting Agreement"}, `master or subscription agreement (kind read from the words "Hosting Agreement" in the title)`},
		{analyze.DocKind{Kind: "dpa", Name: "data processing agreement", From: "preamble", Cue: "this Data Processing Annex"}, `data processing agreement (kind read from the words "this Data Processing Annex" in the preamble)`},
		{analyze.DocKind{Kind: "sla", Name: "service level agreement", From: "headings", Cue: "Uptime; Credits"}, `service level agreement (kind read from the headings "Uptime; Credits")`},
	} {
		k := c.kind
		got := agreementSize(analyze.Input{Clauses: 3, DocKind: &k})
		if !strings.HasSuffix(got, c.want) {
			t.Errorf("%s: %q, want it to end %q", k.From, got, c.want)
		}
	}
}

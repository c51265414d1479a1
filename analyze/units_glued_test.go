package analyze

import (
	"context"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// Text extracted from a document often loses the space after a full stop
// ("services.For any request"): the two sentences are read apart, so the
// quote is the sentence that states the term, not the one before it. A
// dot inside a name, an address or an abbreviation does not split.
func TestSplitSentencesGlued(t *testing.T) {
	for in, want := range map[string]int{
		"Backups are kept for thirty days.Provider shall delete the data on request.":              2,
		"Each party keeps the terms confidential.THE Parties shall use the information only here.": 2,
		"Reports are sent by e-mail.They list every change.":                                       2,
		"The service runs on ASP.NET Core and Node.Js libraries.":                                  1,
		"Write to support@example.Com if in doubt.":                                                1,
		"Processing follows the instructions, e.g.The ones given in writing.":                      1,
		"See Section 10.The Provider shall comply.":                                                1,
	} {
		if got := splitSentences(in); len(got) != want {
			t.Errorf("%q split into %d, want %d: %q", in, len(got), want, got)
		}
	}
}

func TestGluedSentenceQuote(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	text := "Each party shall keep the other's information confidential for five years after termination.On termination of the Agreement, Provider shall return or delete all Customer Data within thirty days."
	a := &extract.Agreement{Path: "test.md", Format: "md", Pages: []extract.Page{{Number: 1, Text: text}},
		Clauses: []extract.Clause{{ID: "12", Heading: "End of the contract", Text: text}}}
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule != "data-return-exit" {
			continue
		}
		if len(f.Evidence) == 0 || strings.Contains(f.Evidence[0].Text, "confidential") || !strings.Contains(f.Evidence[0].Text, "return or delete") {
			t.Errorf("data-return-exit (%s): evidence %+v, want the return sentence alone", f.Status, f.Evidence)
		}
		return
	}
	t.Error("no data-return-exit finding")
}

// A clause number glued to its heading ("10.2.Choice of services") is a
// marker: the heading is not read, nor quoted, as part of the first
// sentence.
func TestStripHeadGluedNumber(t *testing.T) {
	for _, c := range []struct{ text, heading, want string }{
		{"10.2.Choice of services\n\nCustomer shall choose the services it needs.", "Choice of services", "Customer shall choose the services it needs."},
		{"7.Data Return\nProvider shall return all Customer Data on request.", "Data Return", "Provider shall return all Customer Data on request."},
		// A number before a word that is not the heading stays.
		{"2.Customer shall pay the fees.", "Payment", "2.Customer shall pay the fees."},
	} {
		if got := strings.TrimSpace(stripHead(c.text, c.heading)); got != c.want {
			t.Errorf("stripHead(%q, %q) = %q, want %q", c.text, c.heading, got, c.want)
		}
	}
}

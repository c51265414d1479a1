package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure found by a self-check on public PDF and DOCX
// agreements outside the corpus: each case is invented text that
// reproduces one kind, with the clause IDs a lawyer would cite.

// A template's numbered set-up steps before the agreement, whose sections
// then restart at 1 (a DOCX read as paragraphs): the steps are the
// preamble's, not sections 1 to 4.
const docxStepsBeforeBody = `Using this template

1. Read the whole agreement before filling it in.

2. Complete every field on the cover page.

3. Delete the options that do not apply.

4. Send the agreement to the other party for signature.

Hosting Services Agreement

Cover Page
Provider | {provider}
Customer | {customer}

1. Services

1.1 Hosting. The Provider hosts the Customer's application in its data centres.

1.2 Support. The Provider answers support requests within one business day.

2. Security

2.1 Measures. The Provider keeps the measures in the security annex.

2.2 Incidents. The Provider notifies the Customer of a security incident within 48 hours.

3. Term

3.1 Duration. This agreement runs for one year.
`

// The same steps in a PDF's text, an item wrapping onto a second line.
const pdfStepsBeforeBody = `How to use these terms
1. Read the terms and the order form together before
signing them.
2. Fill in the order form with the customer's details.
3. Keep a signed copy for your records.
Support Terms
1. SUPPORT
1.1 The Supplier runs a help desk on business days.
1.2 The Supplier answers urgent requests within four hours.
2. SERVICE CREDITS
2.1 A missed response time earns a credit of five percent.
`

// Sections that are one sentence each, never restarted: the body.
const pdfOneLineSections = `Acceptable Use Terms
1. The Customer uses the service only for lawful purposes.
2. The Customer keeps its passwords secret.
3. The Customer reports any misuse it finds.
The Provider may suspend an account that breaks these terms.
`

// Sections of one sentence, then an annex under its own heading that
// restarts at 1: the sections keep their numbers.
const pdfOneLineSectionsThenAnnex = `Acceptable Use Terms
1. The Customer uses the service only for lawful purposes.
2. The Customer keeps its passwords secret.
3. The Customer reports any misuse it finds.
Annex 1 - Security Measures
1. Access Control
1.1 Access is granted on a need-to-know basis.
2. Logging
2.1 Access to customer data is logged.
`

func TestSplitClausesKinds9(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"set-up steps before a body restarting at 1 (DOCX)", docxStepsBeforeBody, false,
			[]string{"preamble", "1", "1.1<1", "1.2<1", "2", "2.1<2", "2.2<2", "3", "3.1<3"}},
		{"set-up steps before a body restarting at 1 (PDF)", pdfStepsBeforeBody, true,
			[]string{"preamble", "1", "1.1<1", "1.2<1", "2", "2.1<2"}},
		{"one-sentence sections never restarted are the body", pdfOneLineSections, true,
			[]string{"preamble", "1", "2", "3"}},
		{"one-sentence sections before an annex keep their numbers", pdfOneLineSectionsThenAnnex, true,
			[]string{"preamble", "1", "2", "3", "Annex 1", "Annex 1 1<Annex 1", "Annex 1 1.1<Annex 1 1", "Annex 1 2<Annex 1", "Annex 1 2.1<Annex 1 2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(tc.text)}}, tc.paginated))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

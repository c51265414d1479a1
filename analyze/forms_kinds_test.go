package analyze

import (
	"strings"
	"testing"
)

// TestSignatureBlockIsNoClauseText: a signature block (names, titles,
// "Signature", dates) glued to the start of an appendix is no part of the
// appendix's first sentence, and no rule quotes it.
func TestSignatureBlockIsNoClauseText(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ name, clause string }{
		{"fields with values and blanks", "The Supplier shall process personal data only on documented instructions.\n\n" +
			"Harbor Bank plc\nName: Jane Miller\nTitle: Chief Information Security Officer\nSignature: ____________\nDate: __________\n\n" +
			"Quillbright Software Ltd\nName: Peter Smith\nTitle: Managing Director\nSignature: ____________\nDate: __________\n" +
			"The Supplier shall make the audit logs of the Customer's tenant available to the Customer."},
		{"a blank line and By", "The Supplier shall process personal data only on documented instructions.\n" +
			"Quillbright Software Ltd\nBy:\n____________________\nPrinted name: Peter Smith\nPosition: Director\n" +
			"The Supplier shall make the audit logs of the Customer's tenant available to the Customer."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, rs, Options{}, tc.clause)
			for _, f := range res.Findings {
				if f.Rule != "log-access" {
					continue
				}
				if len(f.Evidence) == 0 {
					t.Fatalf("log-access: %s, no evidence", f.Status)
				}
				for _, e := range f.Evidence {
					for _, w := range []string{"Name:", "Signature", "Title:", "Position:", "Quillbright", "____"} {
						if strings.Contains(e.Text, w) {
							t.Errorf("log-access quotes the signature block (%q): %q", w, e.Text)
						}
					}
				}
			}
		})
	}
	// A field's label in a clause's sentence is text: "Title:" with a duty.
	blocks := splitFormFields([]block{{text: "Title: The Supplier shall keep title to the hardware.\nDate: the date of signature"}})
	if len(blocks) != 1 || !strings.Contains(blocks[0].text, "keep title") {
		t.Errorf("splitFormFields dropped a clause's sentence: %+v", blocks)
	}
}

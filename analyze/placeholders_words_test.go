package analyze

import "testing"

// A blank where a value belongs names it with one of the value words of
// templates/phrases/blanks.yaml, the list extract reads too: in brackets,
// in an instruction or in a code span.
func TestValuePlaceholderWords(t *testing.T) {
	for text, want := range map[string]string{
		"Provider will notify Customer by the [NOTIFICATION DEADLINE].":    "[NOTIFICATION DEADLINE]",
		"Provider will notify Customer within <insert weeks> of a breach.": "<insert weeks>",
		"Customer pays the `Audit Fees` for each audit.":                   "`Audit Fees`",
		"Provider keeps backups for [AMOUNT] days.":                        "[AMOUNT]",
		"Provider keeps backups for [60 days].":                            "",
		"Provider notifies Customer of [DPA-COUNTERSIGN] requests.":        "",
	} {
		if got := valuePlaceholder(text); got != want {
			t.Errorf("valuePlaceholder(%q) = %q, want %q", text, got, want)
		}
	}
}

package extract

import (
	"strings"
	"testing"
)

// One list of value words, read from templates/phrases/blanks.yaml.
func TestBlankValueWords(t *testing.T) {
	words := strings.Split(BlankValueWords(), "|")
	for _, w := range []string{"amount", "number", "deadline", "fees", "date", "hours", "weeks"} {
		if !contains(words, w) {
			t.Errorf("value words lack %q: %v", w, words)
		}
	}
	for _, bad := range []string{
		"schema: ssrm.blanks/v2\nvalue_words: [amount]\n",
		"schema: ssrm.blanks/v1\n",
		"schema: ssrm.blanks/v1\nvalue_words: [amount, ' ']\n",
		"schema: ssrm.blanks/v1\nwords: [amount]\n",
	} {
		if _, err := parseBlankValueWords([]byte(bad)); err == nil {
			t.Errorf("parseBlankValueWords(%q): no error", bad)
		}
	}
}

// A code span naming a value keeps its backticks, to be read as a blank;
// code and plain words in a sentence lose them.
func TestStripCodeValueWords(t *testing.T) {
	for in, want := range map[string]string{
		"Vendor pays within `Payment Deadline` of the invoice.":    "Vendor pays within `Payment Deadline` of the invoice.",
		"Vendor keeps logs for `Retention Weeks` after the event.": "Vendor keeps logs for `Retention Weeks` after the event.",
		"Send the `X-Api-Key` header.":                             "Send the X-Api-Key header.",
		"Customer's `incident response` team is told.":             "Customer's incident response team is told.",
	} {
		if got := stripCode(in); got != want {
			t.Errorf("stripCode(%q) = %q, want %q", in, got, want)
		}
	}
}

package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestClipText: a clipped quote ends at a word boundary, or, with no space
// before the limit, at a character's start: never inside a character.
func TestClipText(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short text is kept whole", "Provider shall notify Customer.", 90, "Provider shall notify Customer."},
		{"cut at the last space", "Provider shall notify Customer promptly.", 20, "Provider shall…"},
		{"two-byte characters without spaces", strings.Repeat("é", 20), 10, strings.Repeat("é", 5) + "…"},
		{"three-byte characters without spaces", strings.Repeat("デ", 20), 10, strings.Repeat("デ", 3) + "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := clipText(tc.in, tc.n)
			if !utf8.ValidString(got) || got != tc.want {
				t.Errorf("clipText(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
			}
		})
	}
}

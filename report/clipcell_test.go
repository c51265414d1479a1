package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestClipCell: a long cell is cut under maxCell bytes at a character's
// start, so the sheet never holds half a character.
func TestClipCell(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantLen int // bytes before the " …" mark; -1: unchanged
	}{
		{"short kept", "Provider shall notify Customer.", -1},
		{"exactly the limit kept", strings.Repeat("a", maxCell), -1},
		{"ASCII cut at the limit", strings.Repeat("a", maxCell+10), maxCell},
		// "é" is two bytes: maxCell (even) falls between characters.
		{"two-byte runes, boundary", strings.Repeat("é", maxCell/2+3), maxCell},
		// One ASCII byte first shifts every "é": maxCell falls inside one.
		{"two-byte runes, inside", "a" + strings.Repeat("é", maxCell/2+3), maxCell - 1},
		// "€" is three bytes: 32000 = 3*10666 + 2 falls inside a rune.
		{"three-byte runes", strings.Repeat("€", maxCell/3+5), maxCell - 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := clipCell(tc.in)
			if tc.wantLen < 0 {
				if got != tc.in {
					t.Fatalf("changed a cell within the limit")
				}
				return
			}
			if !utf8.ValidString(got) {
				t.Fatalf("invalid UTF-8 after the cut")
			}
			body, ok := strings.CutSuffix(got, " …")
			if !ok || len(body) != tc.wantLen || !strings.HasPrefix(tc.in, body) {
				t.Fatalf("kept %d bytes (mark %v), want %d", len(body), ok, tc.wantLen)
			}
		})
	}
}

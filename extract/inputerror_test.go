package extract

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestInputErrorMessage: the message names the file once, with the place
// where there is one; an I/O error on the same file gives only its cause.
func TestInputErrorMessage(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.pdf")
	_, statErr := os.Stat(missing)
	tests := []struct {
		name string
		err  *InputError
		want string
	}{
		{"stat of the same file", &InputError{Path: missing, Err: statErr}, missing + ": no such file or directory"},
		{"a place", &InputError{Path: "q.xlsx", Place: "sheet CAIQ, cell C8", Err: errors.New("not a date")}, "q.xlsx: sheet CAIQ, cell C8: not a date"},
		{"another file's error kept whole", &InputError{Path: "vendors.csv", Err: &os.PathError{Op: "open", Path: "a.pdf", Err: os.ErrNotExist}}, "vendors.csv: open a.pdf: file does not exist"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if !errors.Is(tc.err, tc.err.Err) {
				t.Errorf("Unwrap lost the cause")
			}
		})
	}
}

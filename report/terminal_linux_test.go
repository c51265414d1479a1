package report

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/creack/pty"
)

// openPTY opens a pseudo-terminal pair, or skips the test.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, s, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { s.Close(); m.Close() })
	return m, s
}

// TestBinaryRefusesTerminal: xlsx and caiq to a terminal are refused; xlsx
// to a buffer is fine.
func TestBinaryRefusesTerminal(t *testing.T) {
	_, tty := openPTY(t)
	res, _ := loadSample(t)
	for _, format := range []string{"xlsx", "caiq"} {
		if err := Write(tty, format, res); !errors.Is(err, ErrBinaryTerminal) {
			t.Errorf("%s to a terminal: err %v, want ErrBinaryTerminal", format, err)
		}
	}
	if err := WritePortfolio(tty, "xlsx", &Portfolio{}); !errors.Is(err, ErrBinaryTerminal) {
		t.Errorf("xlsx portfolio to a terminal: err %v", err)
	}
	if err := Write(&bytes.Buffer{}, "xlsx", res); err != nil {
		t.Errorf("xlsx to a buffer: %v", err)
	}
}

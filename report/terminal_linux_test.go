package report

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"
	"unsafe"
)

// openPTY opens a pseudo-terminal pair (Linux), or skips the test.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	var unlock int32
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		m.Close()
		t.Skipf("unlockpt: %v", e)
	}
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		m.Close()
		t.Skipf("ptsname: %v", e)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Skipf("open pts: %v", err)
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

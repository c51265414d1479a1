package main

import (
	"bytes"
	"io"
	"os"
	"strings"
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
	return m, s
}

// TestBatchProgressBar: with stderr on a terminal the batch draws a bar
// redrawn in place; on a pipe it writes one plain line per vendor.
func TestBatchProgressBar(t *testing.T) {
	dir := copySample(t, 3)
	master, tty := openPTY(t)
	var got bytes.Buffer
	done := make(chan struct{})
	go func() {
		io.Copy(&got, master) // ends with EIO once the slave is closed
		close(done)
	}()
	var stdout bytes.Buffer
	code := Run([]string{"batch", dir, "-o", t.TempDir(), "--format", "json", "--portfolio-format", "csv", "--fail-on", "never"}, &stdout, tty)
	tty.Close()
	<-done
	master.Close()
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, got.String())
	}
	s := got.String()
	if !strings.Contains(s, "\r\033[K[") || !strings.Contains(s, "3/3 vendors in") || strings.Contains(s, "ssrm: [1/3]") {
		t.Errorf("terminal progress should be a bar, not lines: %q", s)
	}
	var plain bytes.Buffer
	Run([]string{"batch", dir, "-o", t.TempDir(), "--format", "json", "--portfolio-format", "csv", "--fail-on", "never"}, &stdout, &plain)
	if strings.Contains(plain.String(), "\r") || strings.Count(plain.String(), "\n") != 3 {
		t.Errorf("plain progress should be one line per vendor: %q", plain.String())
	}
}

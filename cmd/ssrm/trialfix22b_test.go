package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestUnknownCommandErrorFirst: a mistyped or guessed command ("ssrm
// explain") says so on the first line, names the command, and gives a short
// hint, not the whole usage with the error last.
func TestUnknownCommandErrorFirst(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"describe"}, &stdout, &stderr); code != exitError {
		t.Fatalf("exit %d, want %d", code, exitError)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if lines[0] != `ssrm: unknown command "describe"` {
		t.Errorf("first line %q, want the error naming the command", lines[0])
	}
	if len(lines) > 4 {
		t.Errorf("%d lines on stderr, want a short hint:\n%s", len(lines), stderr.String())
	}
	if !strings.Contains(stderr.String(), "ssrm help") || !strings.Contains(stderr.String(), "analyze") {
		t.Errorf("no hint to the commands and to ssrm help:\n%s", stderr.String())
	}
}

package main

import (
	"os"
	"testing"

	"github.com/ssrm-dev/ssrm/internal/isolate"
)

// TestMain lets the test binary be the child process that reads a document
// (isolate runs this executable with isolate.ChildArg), as the ssrm binary
// is.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == isolate.ChildArg {
		os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

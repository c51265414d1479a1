package serve

import (
	"os"
	"testing"

	"github.com/ssrm-dev/ssrm/internal/isolate"
)

// TestMain lets the test binary be the child process that reads an upload
// (the server runs this executable with isolate.ChildArg), as ssrm is.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == isolate.ChildArg {
		os.Exit(isolate.Child(os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

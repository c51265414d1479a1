package serve

import (
	"io"
	"os"
	"testing"

	"github.com/ssrm-dev/ssrm/internal/isolate"
)

// hangArg makes the test binary a reader that takes its request and never
// answers, as a parser caught in a loop would.
const hangArg = "__hang"

// TestMain lets the test binary be the child process that reads an upload
// (the server runs this executable with isolate.ChildArg), as ssrm is.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case isolate.ChildArg:
			os.Exit(isolate.Child(os.Stdin, os.Stdout, os.Stderr))
		case hangArg:
			io.ReadAll(os.Stdin)
			select {}
		}
	}
	os.Exit(m.Run())
}

package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/ssrm-dev/ssrm/internal/hugeheap"
	"github.com/ssrm-dev/ssrm/internal/isolate"
)

// parseFlags are the flags of every command that reads documents: whether
// each is read in a child process, and that process's limits.
type parseFlags struct {
	isolate  *bool
	memoryMB *int
	timeout  *time.Duration
}

// addParseFlags adds --isolate, --parse-memory-mb and, when withTimeout,
// --parse-timeout (ssrm serve bounds a document by its --timeout).
func addParseFlags(fs *flag.FlagSet, isolateByDefault, withTimeout bool) *parseFlags {
	p := &parseFlags{
		isolate:  fs.Bool("isolate", isolateByDefault, "read each document in a child process with memory and time limits, so that a hostile file cannot end ssrm (--isolate=false reads in this process)"),
		memoryMB: fs.Int("parse-memory-mb", isolate.DefaultMemoryBytes>>20, "memory limit of the child process that reads a document, in MB"),
	}
	if withTimeout {
		p.timeout = fs.Duration("parse-timeout", isolate.DefaultTimeout, "longest time to read one document")
	}
	return p
}

// extractor checks the flags and returns the reader they ask for; timeout,
// when not zero, is the wall-clock limit of one document.
func (p *parseFlags) extractor(timeout time.Duration) (*isolate.Extractor, error) {
	if *p.memoryMB < 64 {
		return nil, fmt.Errorf("%w: --parse-memory-mb: want 64 or more, got %d", errUsage, *p.memoryMB)
	}
	if p.timeout != nil {
		if *p.timeout <= 0 {
			return nil, fmt.Errorf("%w: --parse-timeout: want a positive duration, got %s", errUsage, *p.timeout)
		}
		timeout = *p.timeout
	}
	return &isolate.Extractor{InProcess: !*p.isolate, Limits: isolate.Limits{MemoryBytes: int64(*p.memoryMB) << 20, Timeout: timeout}}, nil
}

// tuneGC makes a short-lived command collect garbage at 300 % heap growth
// instead of 100 % (unless GOGC says otherwise): analysis allocates a great
// deal that dies young (tokens, frames, the documents' text), and a batch
// keeps only a summary of each vendor, so this saves about a tenth of the
// processor time for some tens of MB at the peak (README "Speed and
// memory").
//
// It also gives the process's first 64 MiB of heap huge pages (hugeheap:
// about what analyze of a real vendor uses at its peak).
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(300)
	}
	hugeheap.Reserve(64 << 20)
}

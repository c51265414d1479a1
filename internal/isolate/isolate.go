// Package isolate reads untrusted documents in a child process of the same
// binary, under memory, processor-time and wall-clock limits, so that a
// fatal error in a third-party parser (the Go runtime's "fatal error: out
// of memory", which no recover catches) ends the child, never the caller:
// ssrm serve keeps serving, a batch lists the file as failed and goes on.
//
// The parent runs the binary with the hidden argument ChildArg; the child
// (Child) reads one request on stdin (the path and extract.Options, so a
// password never shows in a process listing), sets its limits, calls
// extract.Open and writes the document as JSON on stdout. A binary that
// uses Extractor must call Child when its first argument is ChildArg
// (cmd/ssrm does, and so must a test binary, from TestMain).
//
// Limits (Linux): RLIMIT_DATA caps the child's heap and other private
// writable memory (RLIMIT_AS would count the Go runtime's ~700 MB of
// reserved address space), RLIMIT_CPU its processor time; both are
// inherited by the programs it starts (pdftoppm and tesseract for --ocr).
// The child runs in its own process group, which is killed at the wall-clock
// limit, when the caller's context ends, and when the parent dies. On other
// systems only the wall-clock limit applies.
package isolate

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ssrm-dev/ssrm/extract"
)

// ChildArg is the hidden first argument that makes the binary the child.
const ChildArg = "__extract"

// Defaults of Limits.
const (
	DefaultMemoryBytes = 1 << 30
	DefaultTimeout     = 2 * time.Minute
	DefaultOutputBytes = 256 << 20
)

// Sentinel errors, wrapped in the *extract.InputError of the file whose
// reading was stopped.
var (
	// ErrMemory: the child needed more memory than Limits.MemoryBytes.
	ErrMemory = errors.New("memory limit exceeded")
	// ErrTime: the child ran longer than Limits.Timeout, or used more
	// processor time than Limits.CPU.
	ErrTime = errors.New("time limit exceeded")
	// ErrOutput: the document read is larger than Limits.OutputBytes.
	ErrOutput = errors.New("extracted document too large")
	// ErrCrashed: the child died otherwise (a signal, a runtime fatal
	// error).
	ErrCrashed = errors.New("the document reader crashed")
)

// Limits bound one child. Zero fields take the defaults.
type Limits struct {
	// MemoryBytes caps the child's data segment (heap and other private
	// writable mappings), bytes; default 1 GiB.
	MemoryBytes int64
	// CPU caps the child's processor time (all threads), rounded up to
	// whole seconds; default Timeout.
	CPU time.Duration
	// Timeout is the wall-clock limit of one document; default 2 minutes.
	Timeout time.Duration
	// OutputBytes caps the JSON the child sends back (the document's text
	// and structure), bytes; default 256 MiB.
	OutputBytes int64
}

func (l Limits) withDefaults() Limits {
	if l.MemoryBytes <= 0 {
		l.MemoryBytes = DefaultMemoryBytes
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	if l.CPU <= 0 {
		l.CPU = l.Timeout
	}
	if l.OutputBytes <= 0 {
		l.OutputBytes = DefaultOutputBytes
	}
	return l
}

// Extractor reads documents, each in a child process (the default) or in
// this process. The zero value isolates with the default limits. It is safe
// for concurrent use.
type Extractor struct {
	// InProcess reads with extract.Open in this process: no limits, and a
	// fatal error ends the caller. For library users and tests.
	InProcess bool
	Limits    Limits
	// Command is the program and arguments that run Child; default this
	// executable with ChildArg.
	Command []string
}

// Open reads the document at path as extract.Open does and returns the same
// document and errors. Isolated, it also returns an *extract.InputError
// wrapping ErrMemory, ErrTime, ErrOutput or ErrCrashed when the child is
// stopped or dies, and one wrapping ctx.Err() when ctx ends first (the child
// is then killed at once). In process, ctx is only checked before reading.
func (x *Extractor) Open(ctx context.Context, path string, opts extract.Options) (extract.Document, error) {
	if err := ctx.Err(); err != nil {
		return extract.Document{}, &extract.InputError{Path: path, Err: fmt.Errorf("not read: %w", err)}
	}
	if x == nil || x.InProcess {
		return openHere(path, opts)
	}
	return x.openChild(ctx, path, opts)
}

// openHere is extract.Open with a parser's panic turned into the file's
// error, as the child does.
func openHere(path string, opts extract.Options) (doc extract.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = extract.Document{}, &extract.InputError{Path: path, Err: fmt.Errorf("%w: the reader failed (%v)", extract.ErrDamaged, r)}
		}
	}()
	return extract.Open(path, opts)
}

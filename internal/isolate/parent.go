package isolate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/ssrm-dev/ssrm/extract"
)

// stderrKeep is how much of the child's stderr is kept for the message.
const stderrKeep = 8 << 10

// outOfMemory matches what the Go runtime prints when an allocation fails.
var outOfMemory = regexp.MustCompile(`(?i)out of memory|cannot allocate memory|failed to create new OS thread`)

func (x *Extractor) command() ([]string, error) {
	if len(x.Command) > 0 {
		return x.Command, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	return []string{exe, ChildArg}, nil
}

// openChild runs one child for path and turns its end into a document or
// the file's error.
func (x *Extractor) openChild(ctx context.Context, path string, opts extract.Options) (extract.Document, error) {
	lim := x.Limits.withDefaults()
	fail := func(err error) (extract.Document, error) {
		return extract.Document{}, &extract.InputError{Path: path, Err: err}
	}
	argv, err := x.command()
	if err != nil {
		return fail(fmt.Errorf("starting the document reader: %w", err))
	}
	tctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.SysProcAttr = sysProcAttr()
	stderr := &headBuffer{max: stderrKeep}
	cmd.Stderr = stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return fail(fmt.Errorf("starting the document reader: %w", err))
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fail(fmt.Errorf("starting the document reader: %w", err))
	}
	if err := cmd.Start(); err != nil {
		return fail(fmt.Errorf("starting the document reader: %w", err))
	}
	// The child's process group is killed at most once, and never after
	// the child is reaped (its id could then be another's).
	var (
		mu     sync.Mutex
		reaped bool
	)
	kill := func() {
		mu.Lock()
		defer mu.Unlock()
		if !reaped {
			killGroup(cmd.Process.Pid)
		}
	}
	stop := context.AfterFunc(tctx, kill)
	defer stop()
	watch := watchMemory(cmd.Process.Pid)

	req := request{Path: path, Options: opts, MemoryBytes: lim.MemoryBytes, CPUSeconds: int64(math.Ceil(lim.CPU.Seconds()))}
	json.NewEncoder(stdin).Encode(req) // a child that died early shows at Wait
	stdin.Close()

	out := &io.LimitedReader{R: stdout, N: lim.OutputBytes + 1}
	var resp response
	decErr := json.NewDecoder(out).Decode(&resp)
	tooBig := out.N <= 0
	if decErr != nil || tooBig {
		kill()
	}
	io.Copy(io.Discard, out)
	// Whatever the child started (pdftoppm, tesseract) ends with it.
	mu.Lock()
	killGroup(cmd.Process.Pid)
	reaped = true
	mu.Unlock()
	peak := watch()
	waitErr := cmd.Wait()

	switch {
	case ctx.Err() != nil:
		return fail(fmt.Errorf("reading stopped: %w", ctx.Err()))
	case tooBig:
		return fail(fmt.Errorf("%w: what was read from it is larger than %s; nothing was kept", ErrOutput, megabytes(lim.OutputBytes)))
	case errors.Is(tctx.Err(), context.DeadlineExceeded):
		return fail(fmt.Errorf("%w: reading took longer than %s and was stopped", ErrTime, lim.Timeout))
	case decErr == nil && waitErr == nil && resp.Error != nil:
		return extract.Document{}, resp.Error.inputError()
	case decErr == nil && waitErr == nil && resp.Document != nil:
		return *resp.Document, nil
	}
	return fail(death(cmd.ProcessState, waitErr, decErr, stderr.String(), peak, lim))
}

// death says why a child ended without a response; peak is the largest
// data segment seen while it ran, bytes.
func death(ps *os.ProcessState, waitErr, decErr error, stderr string, peak int64, lim Limits) error {
	line := firstLine(stderr)
	// The runtime says "out of memory" when an allocation fails, but a
	// failure inside the collector can show as a SIGSEGV instead: a crash
	// after the data segment was seen at half the limit or more counts as
	// the limit's (the runtime maps its heap in 64 MB arenas, so the last
	// step before the limit is not always seen).
	if outOfMemory.MatchString(stderr) || peak >= lim.MemoryBytes/2 {
		return fmt.Errorf("%w: reading needed more than %s and was stopped (a decompression bomb, or a file too large for the limit)", ErrMemory, megabytes(lim.MemoryBytes))
	}
	if sig, ok := signaled(ps); ok {
		if used := cpuUsed(ps); used >= lim.CPU-time.Second/2 {
			return fmt.Errorf("%w: reading used more than %s of processor time and was stopped", ErrTime, lim.CPU)
		}
		if line != "" {
			return fmt.Errorf("%w: killed by %s: %s", ErrCrashed, sig, line)
		}
		return fmt.Errorf("%w: killed by %s", ErrCrashed, sig)
	}
	state := "no document sent"
	if waitErr != nil {
		state = waitErr.Error()
	} else if decErr != nil {
		state = "no document sent: " + decErr.Error()
	}
	if line != "" {
		return fmt.Errorf("%w (%s): %s", ErrCrashed, state, line)
	}
	return fmt.Errorf("%w (%s)", ErrCrashed, state)
}

// firstLine is the line of the child's stderr that says what happened: a
// runtime "fatal error:" or "panic:", else the first line.
func firstLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "fatal error:") || strings.HasPrefix(l, "panic:") {
			return strings.TrimSpace(l)
		}
	}
	return strings.TrimSpace(lines[0])
}

func megabytes(n int64) string {
	return fmt.Sprintf("%d MB", (n+(1<<20)-1)>>20)
}

// headBuffer keeps the first max bytes written to it.
type headBuffer struct {
	mu  sync.Mutex
	max int
	b   bytes.Buffer
}

func (h *headBuffer) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if room := h.max - h.b.Len(); room > 0 {
		h.b.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

func (h *headBuffer) String() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.b.String()
}

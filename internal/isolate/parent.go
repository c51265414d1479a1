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
	"strings"
	"sync"
	"time"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// stderrKeep is how much of the child's stderr is kept for the message.
const stderrKeep = 8 << 10

// outOfMemory matches what the Go runtime prints when an allocation fails.
var outOfMemory = lazyre.New(`(?i)out of memory|cannot allocate memory|failed to create new OS thread`)

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

// maxDocsPerChild is how many documents a reused child reads before it is
// replaced, and reuseBelow the share of the memory limit its data segment
// may have reached while reading one: past either, it is not reused.
const (
	maxDocsPerChild = 64
	reuseBelow      = 4
)

// worker is one child process, reused across documents when the Extractor
// reuses (the default: see Extractor.Reuse).
type worker struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	out    *io.LimitedReader // the child's stdout, limited per document
	dec    *json.Decoder
	stderr *headBuffer
	docs   int

	// tmp is the child's own temporary folder (TMPDIR): what a child
	// killed at a limit leaves there (excelize's unzipped sheets, ~100 MB
	// for a large workbook) is removed when it is reaped.
	tmp string

	mu     sync.Mutex
	reaped bool
}

// kill ends the worker's process group, unless it was reaped (its id could
// then be another's).
func (w *worker) kill() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.reaped {
		killGroup(w.cmd.Process.Pid)
	}
}

// reap ends the worker and waits for it: a worker that answered is let
// finish (its stdin closed, its stdout read to the end) before what is left
// of its group is killed; any other is killed first.
func (w *worker) reap(answered bool) error {
	w.stdin.Close()
	if !answered {
		w.kill()
	}
	io.Copy(io.Discard, w.out.R)
	// Whatever the child started (pdftoppm, tesseract) ends with it.
	w.mu.Lock()
	killGroup(w.cmd.Process.Pid)
	w.reaped = true
	w.mu.Unlock()
	err := w.cmd.Wait()
	os.RemoveAll(w.tmp)
	return err
}

// start runs a new child.
func (x *Extractor) start() (*worker, error) {
	argv, err := x.command()
	if err != nil {
		return nil, err
	}
	// The sweep reads the whole temporary folder (a shared /tmp may hold
	// thousands of entries): it runs beside the first child's start, not
	// before it, since the child it would delay is the reading itself.
	sweepOnce.Do(func() { go sweepStale(os.TempDir()) })
	tmp, err := os.MkdirTemp("", tmpName())
	if err != nil {
		return nil, fmt.Errorf("a temporary folder for the reader: %w", err)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.SysProcAttr = sysProcAttr()
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "TMP="+tmp, "TEMP="+tmp, childTmpEnv+"="+tmp)
	w := &worker{cmd: cmd, stderr: &headBuffer{max: stderrKeep}, tmp: tmp}
	cmd.Stderr = w.stderr
	fail := func(err error) (*worker, error) {
		os.RemoveAll(tmp)
		return nil, err
	}
	if w.stdin, err = cmd.StdinPipe(); err != nil {
		return fail(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fail(err)
	}
	if err := cmd.Start(); err != nil {
		return fail(err)
	}
	w.out = &io.LimitedReader{R: stdout}
	w.dec = json.NewDecoder(w.out)
	return w, nil
}

// get takes an idle child, or starts one.
func (x *Extractor) get() (*worker, error) {
	if x.reuse() {
		x.mu.Lock()
		if n := len(x.idle); n > 0 {
			w := x.idle[n-1]
			x.idle = x.idle[:n-1]
			x.mu.Unlock()
			return w, nil
		}
		x.mu.Unlock()
	}
	return x.start()
}

// put keeps a child that answered for the next document.
func (x *Extractor) put(w *worker) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.idle = append(x.idle, w)
}

// reuse says children read several documents: the default, with the
// standard child command.
func (x *Extractor) reuse() bool { return !x.NoReuse && len(x.Command) == 0 }

// Close ends the idle children (the Extractor may still be used: it starts
// new ones). Children also end when this process does.
func (x *Extractor) Close() {
	if x == nil {
		return
	}
	x.mu.Lock()
	idle := x.idle
	x.idle = nil
	x.mu.Unlock()
	// Each child is told to finish and waited for in its own goroutine:
	// they end together, not one after the other (the caller is often
	// about to exit, and waits for the slowest only).
	var wg sync.WaitGroup
	for _, w := range idle {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.reap(true)
		}()
	}
	wg.Wait()
}

// runChild has a child read path and turns its answer, or its end, into a
// document or the file's error. With item set, the child streams a
// questionnaire's items, each passed to item as it arrives.
func (x *Extractor) runChild(ctx context.Context, path string, opts extract.Options, item func(extract.Item, string) error) (extract.Document, error) {
	lim := x.Limits.withDefaults()
	fail := func(err error) (extract.Document, error) {
		return extract.Document{}, &extract.InputError{Path: path, Err: err}
	}
	w, err := x.get()
	if err != nil {
		return fail(fmt.Errorf("starting the document reader: %w", err))
	}
	tctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	w.stderr.reset()
	w.out.N = lim.OutputBytes + 1
	stopKill := context.AfterFunc(tctx, w.kill)
	watch := watchMemory(w.cmd.Process.Pid)
	cpuBase := procCPU(w.cmd.Process.Pid) // a reused child's earlier documents

	req := request{Path: path, Options: opts, MemoryBytes: lim.MemoryBytes, CPUSeconds: int64(math.Ceil(lim.CPU.Seconds())), Stream: item != nil, Reuse: x.reuse()}
	json.NewEncoder(w.stdin).Encode(req) // a child that died early shows below
	if !req.Reuse {
		w.stdin.Close()
	}

	var resp response
	var decErr, itemErr error
	if item == nil {
		decErr = w.dec.Decode(&resp)
	} else {
		for {
			var l streamLine
			if decErr = w.dec.Decode(&l); decErr != nil {
				break
			}
			if l.Item == nil {
				resp = l.response
				break
			}
			if itemErr = item(*l.Item, l.Vendor); itemErr != nil {
				break
			}
		}
	}
	tooBig := w.out.N <= 0
	answered := decErr == nil && !tooBig && itemErr == nil && (resp.Error != nil || resp.Document != nil)
	peak := watch()
	w.docs++
	if answered && req.Reuse && stopKill() && ctx.Err() == nil && w.docs < maxDocsPerChild && peak < lim.MemoryBytes/reuseBelow {
		x.put(w)
	} else {
		stopKill()
		var waitErr error
		if !answered || !req.Reuse {
			waitErr = w.reap(answered)
		} else {
			go w.reap(true) // a healthy child past its quota
		}
		if !answered || waitErr != nil && !req.Reuse {
			switch {
			case itemErr != nil:
				return extract.Document{}, itemErr
			case ctx.Err() != nil:
				return fail(fmt.Errorf("reading stopped: %w", ctx.Err()))
			case tooBig:
				return fail(fmt.Errorf("%w: what was read from it is larger than %s; nothing was kept", ErrOutput, megabytes(lim.OutputBytes)))
			case errors.Is(tctx.Err(), context.DeadlineExceeded):
				return fail(fmt.Errorf("%w: reading took longer than %s and was stopped", ErrTime, lim.Timeout))
			}
			return fail(death(w.cmd.ProcessState, cpuBase, waitErr, decErr, w.stderr.String(), peak, lim))
		}
	}
	switch {
	case ctx.Err() != nil:
		return fail(fmt.Errorf("reading stopped: %w", ctx.Err()))
	case resp.Error != nil:
		return extract.Document{}, resp.Error.inputError()
	}
	return *resp.Document, nil
}

// death says why a child ended without a response; peak is the largest
// data segment seen while it read the document, bytes, and cpuBase the
// processor time it had used before (reading earlier documents).
func death(ps *os.ProcessState, cpuBase time.Duration, waitErr, decErr error, stderr string, peak int64, lim Limits) error {
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
		if used := cpuUsed(ps) - cpuBase; used >= lim.CPU-time.Second/2 {
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

func (h *headBuffer) reset() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.b.Reset()
}

func (h *headBuffer) String() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.b.String()
}

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ssrm-dev/ssrm/internal/hostile"
)

// memoryCapKB is the address-space cap the hostile files are run under
// (ulimit -v, in KiB): 1 GiB.
const memoryCapKB = 1 << 20

// readableRecipes are the hostile recipes that are valid files whose cost
// the readers bound: they are read (exit 0 or 1), not refused.
var readableRecipes = map[string]bool{"pdf-deep-content": true, "xlsx-far-cell": true}

// buildStatic builds the ssrm binary without cgo: with glibc linked in,
// each thread's malloc arena reserves 64-128 MiB of address space, and
// under a 1 GiB address-space cap the Go runtime then fails at random
// (about one run in eight, on any input) before reading anything.
func buildStatic(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "ssrm")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// capped runs bin with args under the memory cap and a 30 s limit,
// through /usr/bin/time, returning the exit code (-1 when killed), stderr
// without time's line, the wall time and the peak RSS in KB (0 when
// /usr/bin/time is missing).
func capped(t *testing.T, bin string, args ...string) (code int, stderr string, took time.Duration, rssKB int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	timer := ""
	if _, err := os.Stat("/usr/bin/time"); err == nil {
		timer = `/usr/bin/time -f "rss %M" `
	}
	sh := `ulimit -v ` + strconv.Itoa(memoryCapKB) + ` && exec ` + timer + `"$0" "$@"`
	cmd := exec.CommandContext(ctx, "sh", append([]string{"-c", sh, bin}, args...)...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	start := time.Now()
	err := cmd.Run()
	took = time.Since(start)
	code = cmd.ProcessState.ExitCode()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("%v: %v", args, err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(errb.String()), "\n") {
		if v, ok := strings.CutPrefix(l, "rss "); ok && timer != "" {
			rssKB, _ = strconv.ParseInt(v, 10, 64)
			continue
		}
		if !strings.HasPrefix(l, "Command exited with non-zero status") && !strings.HasPrefix(l, "Command terminated by signal") {
			lines = append(lines, l)
		}
	}
	return code, strings.Join(lines, "\n"), took, rssKB
}

// crashed reports whether stderr shows a Go runtime crash (an unrecovered
// panic or a fatal error such as running out of memory).
func crashed(stderr string) bool {
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") || strings.HasPrefix(l, "runtime: ") || strings.HasPrefix(l, "goroutine ") {
			return true
		}
	}
	return false
}

// TestHostileFilesUnderMemoryCap runs the built binary on every hostile
// recipe (issue 14) with `extract`, `analyze` and, all together, `batch`,
// each under a 1 GiB address-space cap: every file ends within 30 s with
// exit 2 and a message naming it (the readable ones are read), never with
// a runtime crash. The figures (time, peak RSS) are logged.
func TestHostileFilesUnderMemoryCap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs every hostile file")
	}
	bin := buildStatic(t)
	dir := t.TempDir()
	paths, err := hostile.WriteAll(dir)
	if err != nil {
		t.Fatal(err)
	}
	var slowest time.Duration
	var peak int64
	for _, sub := range []string{"extract", "analyze"} {
		for _, p := range paths {
			name := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
			args := []string{sub, p}
			if sub == "analyze" {
				args = append(args, "--fail-on", "never")
			}
			code, stderr, took, rss := capped(t, bin, args...)
			t.Logf("%-8s %-24s exit %d  %5.2f s  %7d KB  %.120s", sub, name, code, took.Seconds(), rss, strings.TrimSpace(stderr))
			slowest, peak = max(slowest, took), max(peak, rss)
			switch {
			case crashed(stderr) || code < 0:
				t.Errorf("%s %s: crashed or killed (exit %d): %.300s", sub, name, code, stderr)
			case readableRecipes[name]:
				if code != 0 {
					t.Errorf("%s %s: exit %d, want 0 (the file is read): %s", sub, name, code, stderr)
				}
			case code != 2 || !strings.Contains(stderr, p):
				t.Errorf("%s %s: exit %d, want 2 with a message naming the file: %s", sub, name, code, stderr)
			}
		}
	}

	// batch: one vendor per hostile file, plus the sample vendor.
	vendors := t.TempDir()
	for _, p := range paths {
		v := filepath.Join(vendors, strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)))
		if err := os.MkdirAll(v, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(p, filepath.Join(v, filepath.Base(p))); err != nil {
			t.Fatal(err)
		}
	}
	code, stderr, took, rss := capped(t, bin, "batch", vendors, "-o", t.TempDir(), "--fail-on", "never")
	t.Logf("batch    %d vendors  exit %d  %5.2f s  %7d KB", len(paths), code, took.Seconds(), rss)
	if code != exitPartial || crashed(stderr) {
		t.Errorf("batch: exit %d, want %d (partial): %.500s", code, exitPartial, stderr)
	}
	t.Logf("slowest single file %.2f s, peak RSS %d KB (cap %d KB)", slowest.Seconds(), peak, memoryCapKB)
}

package isolate

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ssrm-dev/ssrm/extract"
)

// idlePIDs lists the process ids of x's idle children.
func idlePIDs(x *Extractor) []int {
	x.mu.Lock()
	defer x.mu.Unlock()
	var out []int
	for _, w := range x.idle {
		out = append(out, w.cmd.Process.Pid)
	}
	return out
}

// TestChildReused: one child reads document after document (the same
// process), each as Open reads it in process; with NoReuse every document
// gets its own.
func TestChildReused(t *testing.T) {
	// A child is reused while its data segment stays under a quarter of
	// the memory limit; the race detector's shadow memory counts there.
	x := &Extractor{Limits: Limits{MemoryBytes: 16 << 30}}
	defer x.Close()
	var pid int
	for i, path := range sameFiles(t) {
		compare(t, x, path)
		pids := idlePIDs(x)
		if len(pids) != 1 {
			t.Fatalf("after %s: %d idle children, want 1", path, len(pids))
		}
		if i > 0 && pids[0] != pid {
			t.Errorf("after %s: child %d, want the same child %d", path, pids[0], pid)
		}
		pid = pids[0]
	}
	x.Close()
	if n := len(idlePIDs(x)); n != 0 {
		t.Errorf("%d idle children after Close", n)
	}
	nr := &Extractor{NoReuse: true}
	if _, err := nr.Open(context.Background(), filepath.Join(sampleDir, "agreement.pdf"), extract.Options{}); err != nil {
		t.Fatal(err)
	}
	if n := len(idlePIDs(nr)); n != 0 {
		t.Errorf("NoReuse kept %d children", n)
	}
}

// writeRows writes a workbook of n CAIQ-shaped rows.
func writeRows(t *testing.T, n int) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"Question ID", "Question", "CSP CAIQ Answer", "SSRM Control Ownership", "CSP Implementation Description (Optional/Recommended)"})
	for i := range n {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		sw.SetRow(cell, []any{fmt.Sprintf("IAM-%02d.%d", i/10%100, i%10+1), fmt.Sprintf("Is access reviewed every quarter (%d)?", i), "Yes", "CSP-owned", "Reviews are logged."})
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rows.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReusedChildLimitsPerDocument: a reused child's processor-time limit
// counts from each document's start; a document past it ends that child
// and fails alone (ErrTime), and the next document is read by a new one.
func TestReusedChildLimitsPerDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a workbook for more than a second")
	}
	big := writeRows(t, 300_000) // several seconds of processor time to read, even with the lean row reader
	x := &Extractor{Limits: Limits{CPU: time.Second, Timeout: time.Minute, MemoryBytes: 16 << 30}}
	defer x.Close()
	small := filepath.Join(sampleDir, "questionnaire.xlsx")
	// More small documents than one second of processor time in all, in
	// one child: the limit is per document.
	for range 12 {
		if _, err := x.Open(context.Background(), small, extract.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	before := idlePIDs(x)
	if len(before) != 1 {
		t.Fatalf("%d idle children, want 1", len(before))
	}
	_, err := x.Open(context.Background(), big, extract.Options{})
	var ie *extract.InputError
	if !errors.Is(err, ErrTime) || !errors.As(err, &ie) || ie.Path != big {
		t.Fatalf("big workbook under a 1 s limit: %v, want ErrTime naming it", err)
	}
	if n := len(idlePIDs(x)); n != 0 {
		t.Errorf("the child stopped at its limit was kept (%d idle)", n)
	}
	if _, err := x.Open(context.Background(), small, extract.Options{}); err != nil {
		t.Fatalf("the next document: %v", err)
	}
	if after := idlePIDs(x); len(after) != 1 || after[0] == before[0] {
		t.Errorf("after the failure: children %v, want one new child (not %d)", after, before[0])
	}
}

// TestCloseEndsIdleChildren: Close ends every idle child (they are
// reaped together), each waited for and its temporary folder removed.
func TestCloseEndsIdleChildren(t *testing.T) {
	x := &Extractor{Limits: Limits{MemoryBytes: 16 << 30}}
	paths := []string{filepath.Join(sampleDir, "agreement.pdf"), filepath.Join(sampleDir, "questionnaire.xlsx")}
	// Two documents at once: two children, both idle after.
	errs := make(chan error, len(paths))
	for _, p := range paths {
		go func() {
			_, err := x.Open(context.Background(), p, extract.Options{})
			errs <- err
		}()
	}
	for range paths {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	x.mu.Lock()
	idle := append([]*worker(nil), x.idle...)
	x.mu.Unlock()
	if len(idle) != 2 {
		t.Fatalf("%d idle children, want 2", len(idle))
	}
	x.Close()
	for _, w := range idle {
		if w.cmd.ProcessState == nil {
			t.Errorf("child %d not waited for", w.cmd.Process.Pid)
		} else if !w.cmd.ProcessState.Success() {
			t.Errorf("child %d: %v, want a clean exit (its stdin closed)", w.cmd.Process.Pid, w.cmd.ProcessState)
		}
		if _, err := os.Stat(w.tmp); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("child %d's folder %s left: %v", w.cmd.Process.Pid, w.tmp, err)
		}
	}
}

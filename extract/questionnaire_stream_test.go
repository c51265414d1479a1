package extract

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"sort"
	"sync/atomic"
	"testing"
	"time"
)

// TestEachItemMatchesOpen reads every corpus questionnaire both ways: the
// items EachItem streams and the metadata it returns must equal what Open
// gives, and so must the errors.
func TestEachItemMatchesOpen(t *testing.T) {
	dir := questionnaireCorpus(t)
	var files []string
	for _, pat := range []string{"*.xlsx", "*.xlsm", "*.xls", "*.csv"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Skip("no questionnaires in the corpus")
	}
	for _, path := range files {
		doc, openErr := Open(path, Options{})
		var items []Item
		q, err := EachItem(path, Options{}, func(it Item) error {
			items = append(items, it)
			return nil
		})
		if openErr != nil || err != nil {
			if openErr == nil || err == nil || openErr.Error() != err.Error() {
				t.Errorf("%s: Open error %v, EachItem error %v", filepath.Base(path), openErr, err)
			}
			continue
		}
		want := *doc.Questionnaire
		if q.Items != nil {
			t.Errorf("%s: EachItem kept %d items", filepath.Base(path), len(q.Items))
		}
		if !reflect.DeepEqual(items, want.Items) {
			t.Errorf("%s: EachItem gave %d items, Open %d (or they differ)", filepath.Base(path), len(items), len(want.Items))
		}
		want.Items = nil
		if !reflect.DeepEqual(*q, want) {
			t.Errorf("%s: metadata %+v, want %+v", filepath.Base(path), *q, want)
		}
	}
}

// TestEachItemStops checks that an error from fn stops the reading and is
// returned as it is.
func TestEachItemStops(t *testing.T) {
	path := writeBigCAIQ(t, 50)
	stop := errors.New("enough")
	n := 0
	q, err := EachItem(path, Options{}, func(Item) error {
		if n++; n == 10 {
			return stop
		}
		return nil
	})
	if err != stop || q != nil || n != 10 {
		t.Errorf("EachItem = %v, %v after %d items; want nil, %v after 10", q, err, n, stop)
	}
	q, err = EachItem(path, Options{}, func(Item) error { return nil })
	if err != nil || q.Format != "caiq-v4.0.3" || !reflect.DeepEqual(q.Sheets, []string{"CAIQv4.0.3"}) || q.Items != nil {
		t.Errorf("EachItem = %+v, %v", q, err)
	}
	// A file Open reads as an agreement is not a questionnaire.
	txt := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(txt, []byte("1. Definitions\nThe parties agree.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := EachItem(txt, Options{}, func(Item) error { return nil }); !errors.Is(err, ErrUnsupported) {
		t.Errorf("EachItem(text) error %v, want ErrUnsupported", err)
	}
}

// TestXLSXBigSheetStreamMemory reads a generated 100,000-row CAIQ-shaped
// sheet with EachItem, keeping no item, and reports the peak heap in use
// (runtime.ReadMemStats every 5 ms) above the heap before the read. The
// target is 64 MB. It runs only with SSRM_BIG=1.
//
// For the maximum RSS seen from outside:
//
//	go test -c -o /tmp/extract.test ./extract
//	SSRM_BIG=1 /usr/bin/time -v /tmp/extract.test -test.run 'TestXLSXBigSheetStreamMemory$'
func TestXLSXBigSheetStreamMemory(t *testing.T) {
	if os.Getenv("SSRM_BIG") == "" {
		t.Skip("set SSRM_BIG=1 to read a generated 100,000-row sheet")
	}
	const rows = 100_000
	path := writeBigCAIQ(t, rows)
	st, _ := os.Stat(path)
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak atomic.Uint64
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	n := 0
	q, err := EachItem(path, Options{}, func(Item) error { n++; return nil })
	elapsed := time.Since(start)
	close(done)
	<-sampled
	if err != nil {
		t.Fatal(err)
	}
	if n != rows || q.Format != "caiq-v4.0.3" {
		t.Errorf("%d items, format %q; want %d, caiq-v4.0.3", n, q.Format, rows)
	}
	mb := func(b uint64) float64 { return float64(b) / (1 << 20) }
	used := peak.Load() - min(base, peak.Load())
	t.Logf("%d rows, file %.1f MB, read in %v: peak heap in use %.1f MB (before %.1f MB), %.1f MB above it",
		rows, float64(st.Size())/1e6, elapsed.Round(time.Millisecond), mb(peak.Load()), mb(base), mb(used))
	if used > 64<<20 {
		t.Errorf("peak heap in use %.1f MB above the start, want at most 64 MB", mb(used))
	}
}

// TestEachItemFile streams the workbook named by SSRM_EACH_FILE through
// EachItem, keeping nothing: a driver for measuring the streaming reader
// from outside, e.g.
//
//	SSRM_BIG=1 SSRM_BIG_FILE=/tmp/big.xlsx go test ./extract -run 'TestXLSXBigSheetMemory$'
//	go test -c -o /tmp/extract.test ./extract
//	SSRM_EACH_FILE=/tmp/big.xlsx /usr/bin/time -v /tmp/extract.test -test.run 'TestEachItemFile$'
func TestEachItemFile(t *testing.T) {
	path := os.Getenv("SSRM_EACH_FILE")
	if path == "" {
		t.Skip("set SSRM_EACH_FILE to a workbook to stream")
	}
	start := time.Now()
	n := 0
	q, err := EachItem(path, Options{}, func(Item) error { n++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %s, %d items in %v", path, q.Format, n, time.Since(start).Round(time.Millisecond))
}

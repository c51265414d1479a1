package hugeheap

import (
	"os"
	"strings"
	"testing"
)

// advised counts the mappings of this process that carry the huge-page
// advice ("hg" among smaps' VmFlags).
func advised(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	n := 0
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmFlags:"); ok {
			for _, f := range strings.Fields(rest) {
				if f == "hg" {
					n++
				}
			}
		}
	}
	return n
}

func TestReserveAdvisesOnce(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skip("transparent huge pages off in this kernel")
	}
	if n := advised(t); n != 0 {
		t.Fatalf("%d mappings advised before Reserve", n)
	}
	Reserve(0)
	if n := advised(t); n != 0 {
		t.Fatalf("Reserve(0) advised %d mappings", n)
	}
	Reserve(8 << 20)
	if n := advised(t); n == 0 {
		t.Fatal("no mapping advised after Reserve")
	}
	// Only the first call does anything: its once has fired.
	called := false
	once.Do(func() { called = true })
	if called {
		t.Fatal("Reserve did not use its once")
	}
}

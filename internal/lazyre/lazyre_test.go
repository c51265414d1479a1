package lazyre

import (
	"strings"
	"sync"
	"testing"
)

func TestCompileOnce(t *testing.T) {
	r := New(`(?i)\bnotif(y|ies)\b`)
	if r.re != nil {
		t.Fatal("compiled before first use")
	}
	var wg sync.WaitGroup
	got := make([]bool, 8)
	for i := range got {
		wg.Go(func() { got[i] = r.MatchString("Vendor shall NOTIFY Customer") })
	}
	wg.Wait()
	for i, g := range got {
		if !g {
			t.Errorf("goroutine %d: no match", i)
		}
	}
	first, again := r.Regexp(), r.Regexp()
	if first != again {
		t.Error("compiled twice")
	}
	if s := r.ReplaceAllString("notify, notifies", "N"); s != "N, N" {
		t.Errorf("ReplaceAllString: %q", s)
	}
}

func TestBadPatternPanicsOnUse(t *testing.T) {
	r := New(`(`)
	defer func() {
		if recover() == nil {
			t.Error("no panic for a pattern that does not compile")
		}
	}()
	r.MatchString("x")
}

func TestCheck(t *testing.T) {
	n := len(All())
	if err := Check(n + 1); err == nil {
		t.Errorf("Check(%d) with %d patterns: no error", n+1, n)
	}
	New(`(unclosed`)
	err := Check(1)
	if err == nil || !strings.Contains(err.Error(), `"(unclosed"`) {
		t.Errorf("Check with a bad pattern: %v, want it named", err)
	}
}

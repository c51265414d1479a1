package lazyre

import (
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

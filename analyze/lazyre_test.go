package analyze

import (
	"regexp"
	"testing"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// TestLazyPatternsCompile compiles every pattern of the package that
// compiles on first use (internal/lazyre), as regexp.MustCompile did at
// start: a pattern that does not compile fails here, not in a run.
func TestLazyPatternsCompile(t *testing.T) {
	all := lazyre.All()
	if len(all) < 50 {
		t.Fatalf("%d lazy patterns, want the package's (over 50)", len(all))
	}
	for _, r := range all {
		if _, err := regexp.Compile(r.String()); err != nil {
			t.Errorf("%q: %v", r.String(), err)
		} else if r.Regexp().String() != r.String() {
			t.Errorf("%q compiled as %q", r.String(), r.Regexp().String())
		}
	}
}

package extract

import (
	"testing"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// TestLazyPatternsCompile compiles every pattern of the package that
// compiles on first use (internal/lazyre), as regexp.MustCompile did at
// start: a pattern that does not compile fails here, not in a run.
func TestLazyPatternsCompile(t *testing.T) {
	if err := lazyre.Check(50); err != nil {
		t.Error(err)
	}
}

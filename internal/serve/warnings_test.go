package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mismatchDir holds the CLI's fixtures of documents that name different
// vendors (a questionnaire of Saltmarsh Analytics, an agreement of
// Larkspur Cloud Ltd, and one of Saltmarsh under its d/b/a).
const mismatchDir = "../../cmd/ssrm/testdata/mismatch"

func mismatchFile(t *testing.T, name string) file {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(mismatchDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return file{name, b}
}

// TestServeShowsVendorMismatch: the page shows the result's warning above
// the report, and the report in the frame has its Warnings section; the
// same vendor's documents show none.
func TestServeShowsVendorMismatch(t *testing.T) {
	h := newHarness(t, Config{})
	for _, tc := range []struct {
		agreement string
		warn      bool
	}{{"agreement.md", true}, {"agreement-dba.md", false}} {
		resp, body := h.analyze([]file{mismatchFile(t, "questionnaire.csv"), mismatchFile(t, tc.agreement)})
		if resp.StatusCode != 200 {
			t.Fatalf("%s: analyze = %d: %s", tc.agreement, resp.StatusCode, body)
		}
		m := analysisURL.FindStringSubmatch(resp.Request.URL.Path)
		if m == nil {
			t.Fatalf("%s: not redirected to an analysis: %s", tc.agreement, resp.Request.URL)
		}
		shown := strings.Contains(body, `<div class="error warning" role="alert"><strong>Warning</strong> (<code>vendor-mismatch</code>)`) && strings.Contains(body, "Larkspur Cloud Ltd")
		if shown != tc.warn {
			t.Errorf("%s: page shows the warning: %v, want %v", tc.agreement, shown, tc.warn)
		}
		_, html := h.get("/a/" + m[1] + "/report.html")
		if got := strings.Contains(html, `<section id="warnings">`); got != tc.warn {
			t.Errorf("%s: report.html has a Warnings section: %v, want %v", tc.agreement, got, tc.warn)
		}
	}
}

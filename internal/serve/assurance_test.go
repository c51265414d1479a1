package serve

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const cobaltDir = "../../cmd/ssrm/testdata/cobalt-harbor"

func cobaltFile(t *testing.T, name string) file {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(cobaltDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return file{name, b}
}

// TestServeAssurance: a SOC 2 dropped beside the questionnaire and the
// agreement is detected as an assurance report and analysed with them; a
// file given the assurance role that reads otherwise is refused.
func TestServeAssurance(t *testing.T) {
	h := newHarness(t, Config{})
	q, a, r := cobaltFile(t, "questionnaire.csv"), cobaltFile(t, "agreement.md"), cobaltFile(t, "soc2.pdf")
	resp, body := h.post("/detect", [][2]string{{"csrf", h.csrf()}, {"service_model", "saas"}}, []file{r})
	var out struct{ Files []detected }
	if err := json.Unmarshal([]byte(body), &out); err != nil || resp.StatusCode != 200 {
		t.Fatalf("detect = %d %v: %s", resp.StatusCode, err, body)
	}
	if len(out.Files) != 1 || out.Files[0].Role != "assurance" || out.Files[0].Detail != "soc2-type2, pdf, 6 CUECs, 3 exceptions" {
		t.Errorf("detect = %+v", out.Files)
	}
	resp, body = h.analyze([]file{q, a, r}, [2]string{"role", "auto"}, [2]string{"role", "auto"}, [2]string{"role", "assurance"})
	m := analysisURL.FindStringSubmatch(resp.Request.URL.Path)
	if resp.StatusCode != 200 || m == nil {
		t.Fatalf("analyze with a SOC 2 = %d: %s", resp.StatusCode, body)
	}
	resp, html := h.get("/a/" + m[1] + "/report.html")
	for _, want := range []string{"Customer responsibilities (from the assurance report)", "assurance-exceptions-denied", "soc2.pdf p. 4"} {
		if resp.StatusCode != 200 || !strings.Contains(html, want) {
			t.Errorf("report.html = %d, lacks %q", resp.StatusCode, want)
		}
	}
	if strings.Contains(html, h.tmp) {
		t.Error("the report names a temporary file")
	}
	resp, body = h.analyze([]file{a}, [2]string{"role", "assurance"})
	if resp.StatusCode != 400 || !strings.Contains(body, "given as the assurance, but it reads as agreement") {
		t.Errorf("agreement given as a report = %d: %s", resp.StatusCode, body)
	}
}

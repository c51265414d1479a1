package serve

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/internal/store/storetest"
)

// postForm sends a url-encoded form (as the page's decision forms do) and
// returns the final response and its body.
func (h *harness) postForm(path string, v url.Values) (*http.Response, string) {
	h.t.Helper()
	resp, err := h.c.PostForm(h.ts.URL+path, v)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (h *harness) reportJSON(id string) *analyze.Result {
	h.t.Helper()
	resp, body := h.get("/a/" + id + "/report.json")
	if resp.StatusCode != 200 {
		h.t.Fatalf("report.json = %d: %s", resp.StatusCode, body)
	}
	var res analyze.Result
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		h.t.Fatal(err)
	}
	return &res
}

func findingOf(t *testing.T, res *analyze.Result, rule string) analyze.Finding {
	t.Helper()
	for _, f := range res.Findings {
		if f.Rule == rule {
			return f
		}
	}
	t.Fatalf("no finding %s", rule)
	return analyze.Finding{}
}

// decideHarness is newHarness whose readers and store are closed when the
// test ends, so that no idle reader outlives it (the hostile-upload test
// counts this binary's readers).
func decideHarness(t *testing.T, cfg Config) *harness {
	h := newHarness(t, cfg)
	t.Cleanup(func() {
		h.s.cfg.Extract.Close()
		h.s.db.Close()
	})
	return h
}

func (h *harness) analyzeSmall(vendor string) string {
	h.t.Helper()
	resp, body := h.analyze([]file{{"msa.md", []byte(smallAgreement)}}, [2]string{"vendor", vendor})
	m := analysisURL.FindStringSubmatch(resp.Request.URL.Path)
	if resp.StatusCode != 200 || m == nil {
		h.t.Fatalf("analysis: %d %s", resp.StatusCode, body)
	}
	return m[1]
}

// TestServeDecisionSurvivesRestart: a decision made from the page is kept
// in the data folder's store, applied to the report (JSON and HTML),
// listed in the vendor's history, and all of it is still there after the
// server restarts.
func TestServeDecisionSurvivesRestart(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { decisionSurvivesRestart(t, Config{DataDir: t.TempDir()}) })
	t.Run("postgres", func(t *testing.T) {
		decisionSurvivesRestart(t, Config{DataDir: t.TempDir(), DB: storetest.PostgresDSN(t)})
	})
}

func decisionSurvivesRestart(t *testing.T, cfg Config) {
	h := decideHarness(t, cfg)
	id := h.analyzeSmall("Acme Cloud")
	_, page := h.get("/a/" + id)
	if !strings.Contains(page, `action="/a/`+id+`/decide"`) || !strings.Contains(page, `<tr data-rule="breach-notification">`) {
		t.Fatal("the page has no decision form per finding")
	}
	if before := findingOf(t, h.reportJSON(id), "breach-notification"); before.Status != analyze.StatusMet || before.Decision != nil {
		t.Fatalf("before: %s, %+v", before.Status, before.Decision)
	}
	resp, body := h.postForm("/a/"+id+"/decide", url.Values{"csrf": {h.csrf()}, "rule": {"breach-notification"}, "status": {"overridden"},
		"as": {"weak"}, "until": {""}, "reason": {"72 hours is too slow for our regulator"}, "reviewer": {"ana"}})
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/a/"+id {
		t.Fatalf("decide: %d at %s: %s", resp.StatusCode, resp.Request.URL, body)
	}
	for _, want := range []string{
		`<td class="decision applied">overridden to weak (ssrm said met) by ana on `,
		`<td><code>breach-notification</code></td><td>overridden as weak</td><td>ana</td><td>72 hours is too slow for our regulator</td>`,
		`<h3>History for Acme Cloud</h3>`,
		`msa.md <code>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page after deciding lacks %s", want)
		}
	}

	h2 := decideHarness(t, cfg)
	f := findingOf(t, h2.reportJSON(id), "breach-notification")
	if d := f.Decision; f.Status != analyze.StatusWeak || d == nil || d.State != analyze.DecisionApplied || d.SSRMStatus != analyze.StatusMet || d.Reviewer != "ana" {
		t.Errorf("after a restart: status %s, decision %+v; want the override applied", f.Status, d)
	}
	_, html := h2.get("/a/" + id + "/report.html")
	if !strings.Contains(html, `<strong>Reviewer's decision:</strong> overridden to weak (ssrm said met) by ana on `) {
		t.Error("the HTML report after a restart does not show the decision")
	}
	// A new analysis of the same vendor with the same text gets it too.
	id2 := h2.analyzeSmall("ACME CLOUD")
	if d := findingOf(t, h2.reportJSON(id2), "breach-notification").Decision; d == nil || d.State != analyze.DecisionApplied {
		t.Errorf("a later analysis of the vendor: decision %+v, want applied", d)
	}
	_, page2 := h2.get("/a/" + id2)
	if n := strings.Count(page2, "<tr><td>") - strings.Count(page2, `<tr><td><code>`); n < 2 {
		t.Errorf("the vendor's runs: want both analyses listed, page:\n%s", page2)
	}
}

// TestServeDecideBadInput: a bad decision gets the page back with a
// message and the right status, never a crash, and nothing is stored.
func TestServeDecideBadInput(t *testing.T) {
	h := decideHarness(t, Config{})
	id := h.analyzeSmall("Acme Cloud")
	noVendor := h.analyzeSmall("")
	csrf := h.csrf()
	ok := url.Values{"csrf": {csrf}, "rule": {"breach-notification"}, "status": {"accepted"}, "reason": {"fine"}}
	// with is ok with the fields given as key, value, key, value...
	with := func(kv ...string) url.Values {
		out := url.Values{}
		for k, v := range ok {
			out[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			out.Set(kv[i], kv[i+1])
		}
		return out
	}
	cases := []struct {
		name string
		id   string
		form url.Values
		code int
		msg  string
	}{
		{"no csrf", id, with("csrf", ""), 403, "the form did not come from this page"},
		{"wrong csrf", id, with("csrf", strings.Repeat("0", 64)), 403, "the form did not come from this page"},
		{"unknown rule", id, with("rule", "<script>x</script>"), 400, `rule: this analysis has no finding &#34;\u003cscript\u003ex\u003c/script\u003e&#34;`},
		{"bad status", id, with("status", "fine"), 400, `status: want accepted, overridden or waived, got &#34;fine&#34;`},
		{"no reason", id, with("reason", " "), 400, "reason: missing"},
		{"bad date", id, with("status", "waived", "until", "2027-13-01"), 400, `until: want a date YYYY-MM-DD, got &#34;2027-13-01&#34;`},
		{"date passed", id, with("status", "waived", "until", "2020-01-31"), 400, "until: 2020-01-31 has already passed"},
		{"override without as", id, with("status", "overridden"), 400, "as: an overridden decision needs"},
		{"override to the same", id, with("status", "overridden", "as", "met"), 400, "as: ssrm already says met"},
		{"no such analysis", strings.Repeat("a", 32), ok, 404, "no such analysis"},
		{"bad id", "..%2f..", ok, 404, ""},
		{"no vendor", noVendor, ok, 400, "this analysis names no vendor"},
		{"huge", id, with("reason", strings.Repeat("x", 100<<10)), 400, "reading the decision"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := h.postForm("/a/"+c.id+"/decide", c.form)
			if resp.StatusCode != c.code {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, c.code, body)
			}
			if c.msg != "" && !strings.Contains(body, c.msg) {
				t.Errorf("the answer lacks %q:\n%s", c.msg, body)
			}
		})
	}
	if d := findingOf(t, h.reportJSON(id), "breach-notification").Decision; d != nil {
		t.Errorf("a refused decision was stored: %+v", d)
	}
	if resp, _ := h.get("/"); resp.StatusCode != 200 {
		t.Errorf("the server stopped answering: %d", resp.StatusCode)
	}
}

package serve

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ssrm-dev/ssrm/report"
)

// The two rounds of an agreement written for these tests: the revision
// opens audits to the customer's auditor on reasonable notice (§4.1, weak
// in v1: once a year, 90 days' notice) and lets the vendor engage
// subprocessors without notice (§5.1, met in v1: a list, 30 days' notice,
// objection, flow-down); nothing else changes.
const (
	roundV1 = "testdata/rounds/v1.md"
	roundV2 = "testdata/rounds/v2.md"
)

// analyzeFile analyses the file at path, uploaded as name, for vendor and
// returns the analysis id.
func (h *harness) analyzeFile(vendor, name, path string) string {
	h.t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		h.t.Fatal(err)
	}
	resp, body := h.analyze([]file{{name, b}}, [2]string{"vendor", vendor})
	m := analysisURL.FindStringSubmatch(resp.Request.URL.Path)
	if resp.StatusCode != 200 || m == nil {
		h.t.Fatalf("analysis of %s: %d %s", path, resp.StatusCode, body)
	}
	return m[1]
}

// backdate moves an analysis d into the past, as if it had been made
// then: analyses are timed to the second, and those of one test would
// otherwise tie.
func (h *harness) backdate(id string, d time.Duration) {
	st := h.s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	st.entries[id].Created = st.entries[id].Created.Add(-d)
}

// changed lists the terms of each class other than unchanged, as
// "rule: old -> new".
func changed(d *report.Diff) map[string][]string {
	out := map[string][]string{}
	for _, tc := range d.Terms {
		if tc.Change != report.ChangeUnchanged {
			out[tc.Change] = append(out[tc.Change], tc.Rule+": "+tc.OldStatus+" -> "+tc.NewStatus)
		}
	}
	return out
}

func (h *harness) diffJSON(query string) *report.Diff {
	h.t.Helper()
	resp, body := h.get("/diff/diff.json?" + query)
	if resp.StatusCode != 200 {
		h.t.Fatalf("diff.json?%s = %d: %s", query, resp.StatusCode, body)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.EqualFold(cd, `attachment; filename="ssrm-Quillfeather-Analytics-diff.json"`) {
		h.t.Errorf("diff.json Content-Disposition = %q", cd)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); csp != cspDownload {
		h.t.Errorf("diff.json CSP = %q", csp)
	}
	var d report.Diff
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		h.t.Fatalf("diff.json: %v\n%s", err, body)
	}
	return &d
}

// selected returns the id picked in the page's select named name.
func selected(t *testing.T, page, name string) string {
	t.Helper()
	sel := regexp.MustCompile(`<select name="` + name + `">(.*?)</select>`).FindStringSubmatch(page)
	if sel == nil {
		t.Fatalf("the page has no select %q", name)
	}
	m := regexp.MustCompile(`<option value="([0-9a-f]{32})" selected>`).FindAllStringSubmatch(sel[1], -1)
	if len(m) != 1 {
		t.Fatalf("select %q: %d options selected, want one", name, len(m))
	}
	return m[0][1]
}

// TestServeDiffRounds: two analyses of one vendor, an agreement and its
// revision, are compared from the page as ssrm diff compares them: the
// term the revision fixed and the one it weakened, in HTML and JSON, with
// the previous and the latest analysis picked by default, and again after
// a restart.
func TestServeDiffRounds(t *testing.T) {
	cfg := Config{DataDir: t.TempDir()}
	h := decideHarness(t, cfg)
	v1 := h.analyzeFile("Quillfeather Analytics", "terms-v1.md", roundV1)
	h.backdate(v1, time.Hour)
	v2 := h.analyzeFile("QUILLFEATHER ANALYTICS ", "terms-v2.md", roundV2) // one vendor, named as the store matches it
	other := h.analyzeSmall("Acme Cloud")

	// The page of the latest analysis offers the comparison, previous and
	// latest picked; the analyses table links each round to its previous.
	_, page := h.get("/a/" + v2)
	if !strings.Contains(page, `<section id="compare">`) || !strings.Contains(page, `<form method="get" action="/diff" class="compare">`) {
		t.Fatal("the analysis page offers no comparison")
	}
	if o, n := selected(t, page, "old"), selected(t, page, "new"); o != v1 || n != v2 {
		t.Errorf("picked old %s, new %s; want %s, %s", o, n, v1, v2)
	}
	if !strings.Contains(page, `<p id="rounds">QUILLFEATHER ANALYTICS has 2 analyses: <a href="/diff?old=`+v1+`&amp;new=`+v2+`">compare the previous and the latest</a>`) {
		t.Error("the analysis' summary has no link to compare the rounds")
	}
	if !strings.Contains(page, `<a class="compare" href="/diff?old=`+v1+`&amp;new=`+v2+`">compare with previous</a>`) {
		t.Error("the analyses table has no link to compare v2 with v1")
	}
	if strings.Contains(page, `new=`+v1+`"`) || strings.Contains(page, `new=`+other+`"`) {
		t.Error("a first analysis of its vendor is offered a previous one")
	}
	if _, p := h.get("/a/" + other); strings.Contains(p, `<section id="compare">`) || strings.Contains(p, `<p id="rounds">`) {
		t.Error("a vendor with one analysis is offered a comparison")
	}

	want := map[string][]string{
		report.ChangeFixed:     {"audit-rights: weak -> met"},
		report.ChangeRegressed: {"subprocessors: met -> weak"},
	}
	wantLine := "1 fixed, 1 regressed, 0 new, 0 removed, "
	for _, c := range []struct{ name, query string }{
		{"both picked", "old=" + v1 + "&new=" + v2},
		{"new picked, old its previous", "new=" + v2},
		{"vendor only, previous and latest", "vendor=quillfeather+analytics"},
		{"old picked, new the latest", "old=" + v1},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := h.diffJSON(c.query)
			if got := changed(d); len(got) != 2 || strings.Join(got["fixed"], ",") != strings.Join(want["fixed"], ",") || strings.Join(got["regressed"], ",") != strings.Join(want["regressed"], ",") {
				t.Errorf("changes = %v, want %v", got, want)
			}
			if d.Schema != report.DiffSchema || d.Summary.Fixed != 1 || d.Summary.Regressed != 1 || !strings.HasPrefix(d.Line(), wantLine) {
				t.Errorf("schema %q, summary %+v", d.Schema, d.Summary)
			}
			if strings.Join(d.Old.Inputs, ",") != "terms-v1.md" || strings.Join(d.New.Inputs, ",") != "terms-v2.md" {
				t.Errorf("rounds' inputs = %v → %v, want terms-v1.md → terms-v2.md", d.Old.Inputs, d.New.Inputs)
			}
		})
	}

	// The word-by-word change of the fixed term's clause.
	d := h.diffJSON("old=" + v1 + "&new=" + v2)
	for _, tc := range d.Terms {
		if tc.Rule != "audit-rights" {
			continue
		}
		if len(tc.Clauses) != 1 || tc.Clauses[0].Old != "terms-v1.md §4.1" || tc.Clauses[0].New != "terms-v2.md §4.1" {
			t.Fatalf("audit-rights clauses = %+v, want §4.1 of both", tc.Clauses)
		}
		var del, ins []string
		for _, w := range tc.Clauses[0].Words {
			switch w.Op {
			case "-":
				del = append(del, w.Text)
			case "+":
				ins = append(ins, w.Text)
			}
		}
		if !strings.Contains(strings.Join(del, " "), "once per calendar year") || !strings.Contains(strings.Join(ins, " "), "independent auditor") {
			t.Errorf("audit-rights words: deleted %q, inserted %q", del, ins)
		}
	}

	// The page: the summary line, the diff in a sandboxed frame, downloads.
	resp, page := h.get("/diff?old=" + v1 + "&new=" + v2)
	if resp.StatusCode != 200 {
		t.Fatalf("/diff = %d: %s", resp.StatusCode, page)
	}
	for _, w := range []string{
		`<h2>Negotiation rounds: QUILLFEATHER ANALYTICS</h2>`,
		`<p class="summary" id="diff-summary">` + wantLine,
		`<iframe id="diff" sandbox="" src="/diff/diff.html?old=` + v1 + `&amp;new=` + v2 + `"`,
		`href="/diff/diff.json?old=` + v1 + `&amp;new=` + v2 + `" download>json</a>`,
	} {
		if !strings.Contains(page, w) {
			t.Errorf("the diff page lacks %s", w)
		}
	}
	if resp.Header.Get("Content-Security-Policy") != cspPage {
		t.Errorf("the diff page's CSP = %q", resp.Header.Get("Content-Security-Policy"))
	}

	// The HTML diff, as framed and as a download.
	resp, html := h.get("/diff/diff.html?old=" + v1 + "&new=" + v2)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Security-Policy") != cspReport || resp.Header.Get("X-Frame-Options") != "SAMEORIGIN" {
		t.Errorf("diff.html = %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
	for _, w := range []string{
		`<article class="finding met" data-rule="audit-rights" data-change="fixed">`,
		`<article class="finding weak" data-rule="subprocessors" data-change="regressed">`,
		`<ins>Customer or an independent auditor appointed by</ins>`,
		`<del>security controls once per calendar year with ninety (90) days prior written</del>`,
		`<ins>may engage subprocessors</ins>`,
		`<td>old</td><td>terms-v1.md</td>`,
	} {
		if !strings.Contains(html, w) {
			t.Errorf("diff.html lacks %s", w)
		}
	}
	if strings.Index(html, `data-change="regressed"`) > strings.Index(html, `data-change="fixed"`) {
		t.Error("diff.html lists the fix before the regression")
	}
	resp, _ = h.get("/diff/diff.html?download=1&old=" + v1 + "&new=" + v2)
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="ssrm-QUILLFEATHER-ANALYTICS-diff.html"` || resp.Header.Get("Content-Security-Policy") != cspDownload {
		t.Errorf("diff.html download: Content-Disposition %q", cd)
	}
	if resp, md := h.get("/diff/diff.md?old=" + v1 + "&new=" + v2); resp.StatusCode != 200 || !strings.Contains(md, "### Customer audit and inspection rights `audit-rights` (medium)") {
		t.Errorf("diff.md = %d:\n%s", resp.StatusCode, md)
	}

	// Picked the other way round, the same terms change the other way.
	got := changed(h.diffJSON("old=" + v2 + "&new=" + v1))
	if strings.Join(got["fixed"], ",") != "subprocessors: weak -> met" || strings.Join(got["regressed"], ",") != "audit-rights: met -> weak" {
		t.Errorf("v2 → v1 changes = %v", got)
	}

	// After a restart, the analyses read back from the data folder compare
	// the same.
	h2 := decideHarness(t, cfg)
	if got := changed(h2.diffJSON("old=" + v1 + "&new=" + v2)); strings.Join(got["fixed"], ",") != strings.Join(want["fixed"], ",") || strings.Join(got["regressed"], ",") != strings.Join(want["regressed"], ",") {
		t.Errorf("after a restart: changes = %v, want %v", got, want)
	}
}

// TestServeDiffBadInput: a comparison that cannot be made gets a message
// and a 4xx status, on the page and for the downloads, never a crash.
func TestServeDiffBadInput(t *testing.T) {
	h := decideHarness(t, Config{})
	v1 := h.analyzeFile("Quillfeather Analytics", "terms-v1.md", roundV1)
	h.backdate(v1, time.Hour)
	v2 := h.analyzeFile("Quillfeather Analytics", "terms-v2.md", roundV2)
	acme := h.analyzeSmall("Acme Cloud")
	noVendor := h.analyzeSmall("")
	unknown := strings.Repeat("ab", 16)
	cases := []struct {
		name, path string
		code       int
		msg        string
		picker     bool // the page offers the vendor's rounds again
	}{
		{"nothing picked", "/diff", 400, "pick two analyses to compare", false},
		{"malformed old", "/diff?old=zz&new=" + v2, 400, "old: &#34;zz&#34; is not an analysis id", false},
		{"markup as id", "/diff?new=" + url.QueryEscape(`<script>alert(1)</script>`), 400, "new: &#34;\\u003cscript\\u003ealert(1)\\u003c/script\\u003e&#34; is not an analysis id", false},
		{"id too long", "/diff?old=" + v1 + "0&new=" + v2, 400, "is not an analysis id", false},
		{"path in id", "/diff?old=..%2F..%2Fetc&new=" + v2, 400, "is not an analysis id", false},
		{"unknown old", "/diff?old=" + unknown + "&new=" + v2, 404, "old: no analysis " + unknown, false},
		{"unknown new", "/diff?old=" + v1 + "&new=" + unknown, 404, "new: no analysis " + unknown, false},
		{"another vendor", "/diff?old=" + acme + "&new=" + v2, 400, "analysis " + acme + " is of &#34;Acme Cloud&#34;, not of &#34;Quillfeather Analytics&#34;", false},
		{"vendor not of the ids", "/diff?vendor=Acme+Cloud&new=" + v2, 400, "not of &#34;Acme Cloud&#34;: compare two analyses of one vendor", false},
		{"no vendor named", "/diff?old=" + noVendor + "&new=" + v2, 400, "analysis " + noVendor + " names no vendor", false},
		{"one analysis only", "/diff?new=" + acme, 400, "Acme Cloud has one analysis only", false},
		{"one analysis by vendor", "/diff?vendor=acme+cloud", 400, "Acme Cloud has one analysis only", false},
		{"unknown vendor", "/diff?vendor=Nobody", 404, "no analysis of vendor &#34;Nobody&#34;", false},
		{"the same twice", "/diff?old=" + v2 + "&new=" + v2, 400, "old and new are the same analysis", true},
		{"nothing before the first", "/diff?new=" + v1, 400, "is Quillfeather Analytics&#39;s first: pick an older one", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := h.get(c.path)
			if resp.StatusCode != c.code || !strings.Contains(body, c.msg) {
				t.Errorf("status %d, want %d with %q:\n%s", resp.StatusCode, c.code, c.msg, body)
			}
			if strings.Contains(body, "<script>alert") {
				t.Error("the answer echoes markup")
			}
			if got := strings.Contains(body, `<section id="compare">`); got != c.picker {
				t.Errorf("the page offers the rounds again: %v, want %v", got, c.picker)
			}
			// The downloads refuse the same request with the same status,
			// as plain text.
			for _, f := range []string{"diff.json", "diff.html"} {
				dl := strings.Replace(c.path, "/diff", "/diff/"+f, 1)
				if !strings.Contains(dl, "?") {
					dl += "?"
				}
				resp, body := h.get(dl)
				if resp.StatusCode != c.code || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") || resp.Header.Get("Content-Disposition") != "" {
					t.Errorf("%s = %d %q, want %d as plain text: %s", f, resp.StatusCode, resp.Header.Get("Content-Type"), c.code, body)
				}
			}
		})
	}
	for _, p := range []string{"/diff/diff.exe?old=" + v1 + "&new=" + v2, "/diff/report.json?old=" + v1 + "&new=" + v2, "/diff/..%2f..%2fetc%2fpasswd"} {
		if resp, _ := h.get(p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s = %d, want 404", p, resp.StatusCode)
		}
	}
	if resp, _ := h.get("/"); resp.StatusCode != 200 {
		t.Errorf("the server stopped answering: %d", resp.StatusCode)
	}
}

// TestServeDiffNeedsToken: on a server that requires the access token the
// comparison and its downloads do too.
func TestServeDiffNeedsToken(t *testing.T) {
	h := decideHarness(t, Config{Addr: "0.0.0.0:8080", AllowRemote: true, Token: "s3cret-token"})
	q := "?old=" + strings.Repeat("a", 32) + "&new=" + strings.Repeat("b", 32)
	for _, p := range []string{"/diff" + q, "/diff/diff.json" + q, "/diff/diff.html" + q} {
		if resp, body := h.get(p); resp.StatusCode != http.StatusUnauthorized || strings.Contains(body, "no analysis") {
			t.Errorf("%s without the token = %d: %s", p, resp.StatusCode, body)
		}
	}
	// With it (the address printed at start), the request is answered.
	if resp, body := h.get("/diff/diff.json" + q + "&token=s3cret-token"); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "old: no analysis") {
		t.Errorf("with the token = %d: %s", resp.StatusCode, body)
	}
}

package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ssrm-dev/ssrm/analyze"
)

const sampleDir = "../../samples/nimbus-ledger"

// sampleLine is the summary line of the sample vendor (the README's quick
// start ends with it).
const sampleLine = "21 rules: 11 met, 4 weak, 1 by reference, 5 missing; 1 contradiction; 1 red flag; score 58; verdict review"

// smallAgreement is a short Markdown agreement that reads quickly.
const smallAgreement = `# Master Services Agreement

1. Security. Provider shall maintain administrative, physical and technical safeguards for Customer Data.

2. Incidents. Provider will notify Customer within 72 hours after becoming aware of a Security Incident.
`

type file struct {
	name string
	data []byte
}

func sample(t *testing.T, name string) file {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sampleDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return file{name, b}
}

// harness is a server under test with a browser-like client.
type harness struct {
	t   *testing.T
	s   *Server
	ts  *httptest.Server
	c   *http.Client
	tmp string
}

func newHarness(t *testing.T, cfg Config) *harness {
	t.Helper()
	if cfg.TempDir == "" {
		cfg.TempDir = t.TempDir()
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	return &harness{t: t, s: s, ts: ts, c: &http.Client{Jar: jar}, tmp: cfg.TempDir}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// csrf loads the page (setting the cookie) and returns the form's token.
func (h *harness) csrf() string {
	h.t.Helper()
	resp, body := h.get("/")
	if resp.StatusCode != 200 {
		h.t.Fatalf("GET / = %d", resp.StatusCode)
	}
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		h.t.Fatal("no CSRF token in the page")
	}
	return m[1]
}

func (h *harness) get(path string) (*http.Response, string) {
	h.t.Helper()
	resp, err := h.c.Get(h.ts.URL + path)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// multipartBody builds a multipart body: fields in order (csrf first), then files.
func multipartBody(fields [][2]string, files []file) (*bytes.Buffer, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, f := range fields {
		mw.WriteField(f[0], f[1])
	}
	for _, f := range files {
		w, _ := mw.CreateFormFile("files", f.name)
		w.Write(f.data)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

// post sends the form to path and returns the final response (redirects
// followed) and its body.
func (h *harness) post(path string, fields [][2]string, files []file) (*http.Response, string) {
	h.t.Helper()
	body, ctype := multipartBody(fields, files)
	resp, err := h.c.Post(h.ts.URL+path, ctype, body)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (h *harness) analyze(files []file, extra ...[2]string) (*http.Response, string) {
	h.t.Helper()
	fields := append([][2]string{{"csrf", h.csrf()}, {"service_model", "saas"}}, extra...)
	return h.post("/analyze", fields, files)
}

// tempEmpty fails when an upload outlived its request.
func (h *harness) tempEmpty() {
	h.t.Helper()
	des, err := os.ReadDir(h.tmp)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, d := range des {
		h.t.Errorf("temporary entry left behind: %s", d.Name())
	}
}

var analysisURL = regexp.MustCompile(`/a/([0-9a-f]{32})$`)

// TestServeAnalyzesSample: the sample vendor's files give the CLI's
// summary line, a report in a sandboxed frame, and the downloads.
func TestServeAnalyzesSample(t *testing.T) {
	h := newHarness(t, Config{})
	resp, body := h.analyze([]file{sample(t, "questionnaire.xlsx"), sample(t, "agreement.pdf")})
	if resp.StatusCode != 200 {
		t.Fatalf("analyze = %d: %s", resp.StatusCode, body)
	}
	m := analysisURL.FindStringSubmatch(resp.Request.URL.Path)
	if m == nil {
		t.Fatalf("not redirected to an analysis: %s", resp.Request.URL)
	}
	id := m[1]
	for _, want := range []string{sampleLine, `<iframe id="report" sandbox="" src="/a/` + id + `/report.html"`, "questionnaire.xlsx, agreement.pdf", `id="dl-xlsx"`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	resp, html := h.get("/a/" + id + "/report.html")
	if resp.StatusCode != 200 || !strings.Contains(html, sampleLine) || strings.Count(html, `<tr class="domain"`) != 17 {
		t.Errorf("report.html = %d, want the summary line and 17 matrix rows", resp.StatusCode)
	}
	if strings.Contains(html, h.tmp) || strings.Contains(html, "upload-0") {
		t.Error("the report names a temporary file")
	}
	resp, js := h.get("/a/" + id + "/report.json")
	var res analyze.Result
	if err := json.Unmarshal([]byte(js), &res); err != nil || res.Line() != sampleLine {
		t.Errorf("report.json = %d, %v, line %q", resp.StatusCode, err, res.Line())
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") {
		t.Errorf("json Content-Disposition = %q", cd)
	}
	resp, md := h.get("/a/" + id + "/report.md")
	if resp.StatusCode != 200 || !strings.Contains(md, sampleLine) {
		t.Errorf("report.md = %d", resp.StatusCode)
	}
	resp, xl := h.get("/a/" + id + "/report.xlsx")
	f, err := excelize.OpenReader(strings.NewReader(xl))
	if resp.StatusCode != 200 || err != nil {
		t.Fatalf("report.xlsx = %d, %v", resp.StatusCode, err)
	}
	defer f.Close()
	if len(f.GetSheetList()) < 2 {
		t.Errorf("xlsx sheets = %v", f.GetSheetList())
	}
	if resp, _ := h.get("/a/" + id + "/report.exe"); resp.StatusCode != 404 {
		t.Errorf("unknown download = %d, want 404", resp.StatusCode)
	}
	h.tempEmpty()
}

// TestServeFileLimit: a file past --max-file-mb is refused with a clear
// message, and nothing is left behind.
func TestServeFileLimit(t *testing.T) {
	h := newHarness(t, Config{MaxFileBytes: 1 << 10})
	big := file{"big.md", bytes.Repeat([]byte("1. Provider shall do things.\n"), 100)}
	resp, body := h.analyze([]file{big})
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "big.md is larger than the 1 KB limit per file") {
		t.Errorf("= %d, want 413 with the per-file message; body:\n%s", resp.StatusCode, body)
	}
	h.tempEmpty()
}

// TestServeRequestLimit: a request past --max-request-mb is refused, told
// by its Content-Length or while it streams.
func TestServeRequestLimit(t *testing.T) {
	h := newHarness(t, Config{MaxRequestBytes: 4 << 10})
	files := []file{{"a.md", bytes.Repeat([]byte("1. Provider shall do things.\n"), 100)}, {"b.md", bytes.Repeat([]byte("1. Provider shall do things.\n"), 100)}}
	resp, body := h.analyze(files)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "larger than the 4 KB limit per request") {
		t.Errorf("with Content-Length = %d, want 413; body:\n%s", resp.StatusCode, body)
	}
	// Streamed (no Content-Length): http.MaxBytesReader stops it.
	b, ctype := multipartBody([][2]string{{"csrf", h.csrf()}, {"service_model", "saas"}}, files)
	req, _ := http.NewRequest("POST", h.ts.URL+"/analyze", io.MultiReader(b))
	req.Header.Set("Content-Type", ctype)
	req.ContentLength = -1
	r2, err := h.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(r2.Body)
	r2.Body.Close()
	if r2.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(out), "limit per request") {
		t.Errorf("streamed = %d, want 413; body:\n%s", r2.StatusCode, out)
	}
	h.tempEmpty()
}

// TestServeBrokenFileKeepsServing: a damaged or unsupported file gives a
// clear error naming the upload (never the temporary path), and the next
// request is served.
func TestServeBrokenFileKeepsServing(t *testing.T) {
	h := newHarness(t, Config{})
	for _, f := range []file{
		{"agreement.pdf", []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage garbage\n%%EOF")},
		{"blob.docx", append([]byte{0, 1, 2, 3, 0xff, 0xfe}, bytes.Repeat([]byte{0}, 100)...)},
		{"empty.md", nil},
	} {
		resp, body := h.analyze([]file{f})
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `id="error"`) || !strings.Contains(body, f.name+":") {
			t.Errorf("%s = %d, want 400 with an error naming the file; body:\n%s", f.name, resp.StatusCode, body)
		}
		if strings.Contains(body, h.tmp) || strings.Contains(body, "upload-01") {
			t.Errorf("%s: the error names the temporary file", f.name)
		}
	}
	resp, body := h.analyze([]file{{"msa.md", []byte(smallAgreement)}})
	if resp.StatusCode != 200 || !strings.Contains(body, `id="summary"`) {
		t.Errorf("next request = %d, want 200 with a summary", resp.StatusCode)
	}
	h.tempEmpty()
}

// TestServeEscapesDocumentText: markup in a clause, the vendor name and a
// file name comes back as text in the page and in the report.
func TestServeEscapesDocumentText(t *testing.T) {
	h := newHarness(t, Config{})
	doc := strings.Replace(smallAgreement, "within 72 hours", "within 72 hours <script>alert(1)</script> <img src=x onerror=alert(2)> &lt;script&gt;alert(5)&lt;/script&gt;", 1)
	resp, body := h.analyze([]file{{`<img src=x onerror=alert(3)>.md`, []byte(doc)}}, [2]string{"vendor", "<script>alert(4)</script>Evil"})
	if resp.StatusCode != 200 {
		t.Fatalf("analyze = %d: %s", resp.StatusCode, body)
	}
	id := analysisURL.FindStringSubmatch(resp.Request.URL.Path)[1]
	_, html := h.get("/a/" + id + "/report.html")
	_, md := h.get("/a/" + id + "/report.md")
	for name, out := range map[string]string{"page": body, "report": html} {
		for _, bad := range []string{"<script>alert", "<img src=x", `onerror="`} {
			if i := strings.Index(out, bad); i >= 0 {
				t.Errorf("%s contains unescaped %q: ...%s...", name, bad, out[max(0, i-40):min(len(out), i+40)])
			}
		}
	}
	if !strings.Contains(body, "&lt;script&gt;alert(4)&lt;/script&gt;Evil") || !strings.Contains(body, "&lt;img src=x onerror=alert(3)&gt;.md") {
		t.Error("the page does not show the vendor and file names as text")
	}
	// The Markdown reader drops a <script> block whole and other tags from
	// clause text; an escaped tag in the document ("&lt;script&gt;") is
	// text, and it, the vendor and the file name must come back as text.
	for _, want := range []string{"&lt;script&gt;alert(5)&lt;/script&gt;", "&lt;script&gt;alert(4)&lt;/script&gt;Evil", "&lt;img src=x onerror=alert(3)&gt;.md"} {
		if !strings.Contains(html, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if !strings.Contains(md, "alert(5)") {
		t.Error("the Markdown report lacks the clause")
	}
	if strings.Contains(html, "alert(1)") || strings.Contains(md, "alert(1)") {
		t.Error("the report shows the document's <script> block")
	}
	if regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]`).MatchString(body) {
		t.Error("the page has an inline script")
	}
}

// TestServeTokenRequired: a non-loopback address needs --allow-remote and
// then the access token, by ?token= (which sets a cookie), cookie or
// Authorization header.
func TestServeTokenRequired(t *testing.T) {
	if _, err := New(Config{Addr: "0.0.0.0:8080"}); !errors.Is(err, ErrRemote) {
		t.Errorf("non-loopback without AllowRemote: err = %v, want ErrRemote", err)
	}
	for _, addr := range []string{"127.0.0.1:8080", "localhost:0", "[::1]:8080"} {
		s, err := New(Config{Addr: addr})
		if err != nil || s.Remote() || s.Token() != "" {
			t.Errorf("%s: err %v, remote %v, token %q", addr, err, s.Remote(), s.Token())
		}
	}
	g, err := New(Config{Addr: ":8080", AllowRemote: true})
	if err != nil || !g.Remote() || len(g.Token()) < 32 {
		t.Fatalf("generated token: err %v, token %q", err, g.Token())
	}

	h := newHarness(t, Config{Addr: "0.0.0.0:8080", AllowRemote: true, Token: "s3cret-token"})
	if resp, _ := h.get("/"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("no token = %d, want 401", resp.StatusCode)
	}
	if resp, _ := h.get("/static/app.js"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("no token, asset = %d, want 401", resp.StatusCode)
	}
	if resp, _ := h.get("/?token=wrong"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("wrong token = %d, want 401", resp.StatusCode)
	}
	req, _ := http.NewRequest("GET", h.ts.URL+"/", nil)
	req.Header.Set("Authorization", "Bearer s3cret-token")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Errorf("bearer token: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	resp, _ := h.get("/?token=s3cret-token")
	if resp.StatusCode != 200 || resp.Request.URL.RawQuery != "" {
		t.Errorf("right token = %d at %s, want 200 after a redirect that drops it", resp.StatusCode, resp.Request.URL)
	}
	// The cookie now carries the token.
	if r, body := h.analyze([]file{{"msa.md", []byte(smallAgreement)}}); r.StatusCode != 200 {
		t.Errorf("analyze with the token cookie = %d: %s", r.StatusCode, body)
	}
}

// TestServeLoopbackHost: a loopback server refuses another Host header
// (DNS rebinding).
func TestServeLoopbackHost(t *testing.T) {
	h := newHarness(t, Config{})
	req, _ := http.NewRequest("GET", h.ts.URL+"/", nil)
	req.Host = "attacker.example"
	resp, err := h.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host = %d, want 421", resp.StatusCode)
	}
}

// TestServeCSRF: a POST without the cookie, without the token, with a
// wrong one or with another server's is refused with 403.
func TestServeCSRF(t *testing.T) {
	h := newHarness(t, Config{})
	other := newHarness(t, Config{})
	files := []file{{"msa.md", []byte(smallAgreement)}}
	foreign := other.csrf()
	good := h.csrf()
	for _, path := range []string{"/analyze", "/detect"} {
		for name, fields := range map[string][][2]string{
			"missing":      {{"service_model", "saas"}},
			"empty":        {{"csrf", ""}, {"service_model", "saas"}},
			"wrong":        {{"csrf", strings.Repeat("0", 64)}, {"service_model", "saas"}},
			"other server": {{"csrf", foreign}, {"service_model", "saas"}},
		} {
			resp, body := h.post(path, fields, files)
			if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "CSRF") {
				t.Errorf("%s %s = %d, want 403", path, name, resp.StatusCode)
			}
		}
		// No cookie at all.
		body, ctype := multipartBody([][2]string{{"csrf", good}, {"service_model", "saas"}}, files)
		resp, err := http.Post(h.ts.URL+path, ctype, body)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s without the cookie = %d, want 403", path, resp.StatusCode)
		}
	}
	if resp, _ := h.post("/analyze", [][2]string{{"csrf", good}, {"service_model", "saas"}}, files); resp.StatusCode != 200 {
		t.Errorf("right token = %d, want 200", resp.StatusCode)
	}
	// A script that names no service model gets analyze's default, saas.
	if resp, _ := h.post("/analyze", [][2]string{{"csrf", good}}, files); resp.StatusCode != 200 {
		t.Errorf("no service model = %d, want 200 (saas, as analyze)", resp.StatusCode)
	}
	if resp, _ := h.get("/analyze"); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET /analyze = %d, want 405", resp.StatusCode)
	}
	h.tempEmpty()
}

// TestServeConcurrentBusy: with --max-analyses 2, of 8 simultaneous
// uploads 2 run and 6 are told "busy" at once; none fails otherwise.
func TestServeConcurrentBusy(t *testing.T) {
	gate := make(chan struct{})
	var started sync.WaitGroup
	var calls atomic.Int32
	started.Add(2)
	h := newHarness(t, Config{MaxAnalyses: 2, Analyze: func(ctx context.Context, in analyze.Inputs, vendor, model string, rs *analyze.RuleSet) (*analyze.Result, error) {
		if calls.Add(1) <= 2 {
			started.Done()
		}
		select {
		case <-gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return analyze.Run(ctx, in, rs, analyze.Options{Vendor: vendor, ServiceModel: model})
	}})
	token := h.csrf()
	codes := make(chan int, 8)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, ctype := multipartBody([][2]string{{"csrf", token}, {"service_model", "saas"}, {"vendor", fmt.Sprint("v", i)}}, []file{{"msa.md", []byte(smallAgreement)}})
			resp, err := h.c.Post(h.ts.URL+"/analyze", ctype, body)
			if err != nil {
				t.Error(err)
				codes <- 0
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusServiceUnavailable && !strings.Contains(string(b), "busy, try again") {
				t.Errorf("503 without the busy message: %s", b)
			}
			codes <- resp.StatusCode
		}()
	}
	// Six are answered while two hold the slots.
	count := map[int]int{}
	for range 6 {
		count[<-codes]++
	}
	started.Wait()
	close(gate)
	wg.Wait()
	close(codes)
	for c := range codes {
		count[c]++
	}
	if count[200] != 2 || count[503] != 6 {
		t.Errorf("status counts = %v, want 2 × 200 and 6 × 503", count)
	}
	// The slots are free again.
	if resp, _ := h.analyze([]file{{"msa.md", []byte(smallAgreement)}}); resp.StatusCode != 200 {
		t.Errorf("after the rush = %d, want 200", resp.StatusCode)
	}
	if n := len(h.s.store.list()); n != 3 {
		t.Errorf("%d analyses listed, want 3", n)
	}
	h.tempEmpty()
}

// TestServeRemovesTempFiles: whatever happens to a request, its uploads
// are gone when it is answered.
func TestServeRemovesTempFiles(t *testing.T) {
	h := newHarness(t, Config{MaxFileBytes: 64 << 10})
	cases := []struct {
		name  string
		files []file
		want  int
	}{
		{"ok", []file{{"msa.md", []byte(smallAgreement)}}, 200},
		{"broken", []file{{"x.pdf", []byte("%PDF-1.4 broken")}}, 400},
		{"too big", []file{{"msa.md", []byte(smallAgreement)}, {"big.txt", bytes.Repeat([]byte("a"), 65<<10)}}, 413},
		{"none", nil, 400},
	}
	for _, c := range cases {
		resp, _ := h.analyze(c.files)
		if resp.StatusCode != c.want {
			t.Errorf("%s = %d, want %d", c.name, resp.StatusCode, c.want)
		}
		h.tempEmpty()
	}
	resp, _ := h.post("/detect", [][2]string{{"csrf", h.csrf()}}, []file{{"msa.md", []byte(smallAgreement)}})
	if resp.StatusCode != 200 {
		t.Errorf("detect = %d", resp.StatusCode)
	}
	h.tempEmpty()
}

// TestServeSecurityHeaders: every response carries the policy headers;
// the report's policy sandboxes it and lets only this page frame it.
func TestServeSecurityHeaders(t *testing.T) {
	h := newHarness(t, Config{})
	resp, _ := h.analyze([]file{{"msa.md", []byte(smallAgreement)}})
	id := analysisURL.FindStringSubmatch(resp.Request.URL.Path)[1]
	for _, path := range []string{"/", "/a/" + id, "/a/" + id + "/report.html", "/a/" + id + "/report.xlsx", "/static/app.js", "/static/app.css", "/static/nope", "/nope", "/a/" + strings.Repeat("0", 32)} {
		resp, _ := h.get(path)
		hd := resp.Header
		csp := hd.Get("Content-Security-Policy")
		if hd.Get("X-Content-Type-Options") != "nosniff" || hd.Get("Referrer-Policy") != "no-referrer" || csp == "" {
			t.Errorf("%s: headers %v", path, hd)
		}
		for _, want := range []string{"object-src 'none'", "base-uri 'none'"} {
			if !strings.Contains(csp, want) && !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") && !strings.Contains(csp, "sandbox") {
			t.Errorf("%s: CSP %q allows inline code outside a sandbox", path, csp)
		}
		switch {
		case strings.HasSuffix(path, "report.html"):
			for _, want := range []string{"sandbox", "frame-ancestors 'self'", "default-src 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("%s: CSP %q lacks %q", path, csp, want)
				}
			}
		case strings.Contains(path, "report."):
			if !strings.Contains(csp, "sandbox") || !strings.Contains(csp, "frame-ancestors 'none'") {
				t.Errorf("%s: CSP %q", path, csp)
			}
		default:
			for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-src 'self'", "frame-ancestors 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("%s: CSP %q lacks %q", path, csp, want)
				}
			}
		}
	}
	resp, _ = h.post("/analyze", nil, nil)
	if resp.StatusCode != 403 || resp.Header.Get("Content-Security-Policy") != cspPage {
		t.Errorf("refused POST = %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
}

// TestServeDetect: /detect names each file's role and reads the broken
// ones as errors.
func TestServeDetect(t *testing.T) {
	h := newHarness(t, Config{})
	resp, body := h.post("/detect", [][2]string{{"csrf", h.csrf()}, {"service_model", "saas"}},
		[]file{sample(t, "questionnaire.xlsx"), sample(t, "agreement.pdf"), {"bad.pdf", []byte("%PDF-1.4 bad")}})
	if resp.StatusCode != 200 {
		t.Fatalf("detect = %d: %s", resp.StatusCode, body)
	}
	var out struct{ Files []detected }
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Files) != 3 || out.Files[0].Role != "questionnaire" || out.Files[1].Role != "agreement" || out.Files[2].Error == "" {
		t.Errorf("detect = %+v", out.Files)
	}
	if !strings.Contains(out.Files[0].Detail, "21 items") || !strings.Contains(out.Files[1].Detail, "3 pages") {
		t.Errorf("details = %q, %q", out.Files[0].Detail, out.Files[1].Detail)
	}
}

// TestServeRoles: two questionnaires need one set to ignore; a role the
// content contradicts is an error; a pack name is never a path.
func TestServeRoles(t *testing.T) {
	h := newHarness(t, Config{})
	q, a := sample(t, "questionnaire.xlsx"), sample(t, "agreement.pdf")
	q2 := file{"copy.xlsx", q.data}
	resp, body := h.analyze([]file{q, q2, a})
	if resp.StatusCode != 400 || !strings.Contains(body, "two questionnaires") {
		t.Errorf("two questionnaires = %d", resp.StatusCode)
	}
	resp, body = h.analyze([]file{q, q2, a}, [2]string{"role", "questionnaire"}, [2]string{"role", "ignore"}, [2]string{"role", "auto"})
	if resp.StatusCode != 200 || !strings.Contains(body, sampleLine) {
		t.Errorf("one ignored = %d, want the sample's line", resp.StatusCode)
	}
	resp, body = h.analyze([]file{a}, [2]string{"role", "questionnaire"})
	if resp.StatusCode != 400 || !strings.Contains(body, "given as the questionnaire, but it reads as agreement") {
		t.Errorf("wrong role = %d", resp.StatusCode)
	}
	resp, body = h.analyze([]file{a}, [2]string{"pack", "../../templates/rules/baseline.yaml"})
	if resp.StatusCode != 400 || !strings.Contains(body, "no rule pack named") {
		t.Errorf("pack path = %d", resp.StatusCode)
	}
	resp, _ = h.analyze([]file{a}, [2]string{"pack", "dora"})
	if resp.StatusCode != 200 {
		t.Errorf("dora pack = %d", resp.StatusCode)
	}
}

// TestServeDataDir: with --data a new server lists the earlier analyses
// and still renders every download.
func TestServeDataDir(t *testing.T) {
	data := t.TempDir()
	h := newHarness(t, Config{DataDir: data})
	resp, _ := h.analyze([]file{sample(t, "questionnaire.xlsx"), sample(t, "agreement.pdf")})
	id := analysisURL.FindStringSubmatch(resp.Request.URL.Path)[1]
	h2 := newHarness(t, Config{DataDir: data})
	_, body := h2.get("/")
	if !strings.Contains(body, "/a/"+id) || !strings.Contains(body, sampleLine) {
		t.Errorf("restarted server does not list %s", id)
	}
	resp, xl := h2.get("/a/" + id + "/report.xlsx")
	if f, err := excelize.OpenReader(strings.NewReader(xl)); resp.StatusCode != 200 || err != nil {
		t.Errorf("xlsx after restart = %d, %v", resp.StatusCode, err)
	} else {
		f.Close()
	}
	des, _ := os.ReadDir(filepath.Join(data, id))
	if len(des) != 3 {
		t.Errorf("data folder holds %d files, want meta, result and docs", len(des))
	}
	meta, _ := os.ReadFile(filepath.Join(data, id, "meta.json"))
	if strings.Contains(string(meta), sampleDir) || !strings.Contains(string(meta), `"questionnaire.xlsx"`) {
		t.Errorf("meta.json = %s", meta)
	}
}

// TestServeAcceptsOnlyWhatIsRead: the file input offers the types ssrm
// reads and no other (not .ods), and an upload of another type is refused
// with 415, naming the file and the types taken, before it is spooled.
func TestServeAcceptsOnlyWhatIsRead(t *testing.T) {
	h := newHarness(t, Config{})
	_, page := h.get("/")
	m := regexp.MustCompile(`<input type="file"[^>]*accept="([^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no accept attribute on the file input:\n%s", page)
	}
	if m[1] != ".xlsx,.xlsm,.xltx,.xls,.csv,.pdf,.docx,.md,.markdown,.txt" {
		t.Errorf("accept = %q", m[1])
	}
	for _, name := range []string{"questionnaire.ods", "agreement.doc", "blob.bin", "noextension", "agreement.PDF.exe"} {
		resp, body := h.analyze([]file{{name, []byte("1. Provider shall notify Customer within 24 hours.\n")}})
		if resp.StatusCode != http.StatusUnsupportedMediaType || !strings.Contains(body, name+": ssrm does not read this file type; give .xlsx, .xlsm") {
			t.Errorf("%s = %d, want 415 naming the file; body:\n%s", name, resp.StatusCode, body)
		}
	}
	h.tempEmpty()
	// Upper-case extensions are taken.
	if resp, body := h.analyze([]file{{"MSA.MD", []byte(smallAgreement)}}); resp.StatusCode != 200 {
		t.Errorf("MSA.MD = %d, want 200; body:\n%s", resp.StatusCode, body)
	}
}

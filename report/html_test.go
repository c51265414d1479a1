package report

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ssrm-dev/ssrm/internal/browsertest"

	"github.com/ssrm-dev/ssrm/analyze"
)

func renderHTML(t *testing.T) []byte {
	t.Helper()
	res, docs := loadSample(t)
	poison(res, docs)
	var b bytes.Buffer
	if err := Write(&b, "html", res); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestHTMLEscapesDocumentText: markup and script in document text come out
// as text, and the file is self-contained.
func TestHTMLEscapesDocumentText(t *testing.T) {
	out := string(renderHTML(t))
	for _, bad := range []string{"<script", "<img", "<b>bold", "onerror=\"", "Evil <b>"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains unescaped %q", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;", "Evil &lt;b&gt;Vendor&lt;/b&gt;", "<style>", "Content-Security-Policy"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for _, ext := range []string{"http://", "https://", "<link", "@import", "url("} {
		if strings.Contains(out, ext) {
			t.Errorf("output refers to an external resource: %q", ext)
		}
	}
	if n := strings.Count(out, `<tr class="domain"`); n != 17 {
		t.Errorf("grid has %d domain rows, want 17", n)
	}
}

// TestHTMLSecondOpinion: the second opinion gets its own section, with a
// row per re-check, the changed marker, the classifications and the
// counts, and the model's text is escaped like document text.
func TestHTMLSecondOpinion(t *testing.T) {
	res, _ := loadSample(t)
	var plain bytes.Buffer
	if err := Write(&plain, "html", res); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), `id="second-opinion"`) {
		t.Error("a result without a second opinion shows the section")
	}
	sheet, cell := "Security", "D12"
	res.SecondOpinion = &analyze.SecondOpinion{
		Model: "llama3.1:8b", Endpoint: "http://localhost:11434/v1",
		Rechecks: []analyze.Recheck{
			{Rule: "breach-notification", RuleStatus: "missing", ModelStatus: "met", Changed: true, Quote: `notify within 24 hours <script>alert("q")</script>`, Section: "9.1", Reason: "Section 9.1 <b>states</b> it."},
			{Rule: "audit-rights", RuleStatus: "weak", ModelStatus: "weak", Reason: "Only on request."},
		},
		Classified: []analyze.Classification{
			{Evidence: analyze.Evidence{File: "hecvat.xlsx", Sheet: &sheet, Cell: &cell, Text: "HLEG-01: Do you review access rights?"}, Domain: "IAM", Owner: analyze.OwnerShared, Reason: "access reviews"},
		},
		Summary:  "Commits to <i>encryption</i>; audit rights open.",
		Requests: 7, CacheHits: 3, Tokens: 900, DiscardedQuotes: 2, Errors: []string{"recheck x: invalid reply"},
	}
	var b bytes.Buffer
	if err := Write(&b, "html", res); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	i := strings.Index(out, `<section id="second-opinion">`)
	if i < 0 {
		t.Fatal("no second-opinion section")
	}
	sec := out[i:]
	sec = sec[:strings.Index(sec, "</section>")]
	for _, bad := range []string{"<script", "<b>states", "<i>encryption"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains unescaped %q", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(&#34;q&#34;)&lt;/script&gt;", "§9.1", "Section 9.1 &lt;b&gt;states&lt;/b&gt; it.",
		"llama3.1:8b", "http://localhost:11434/v1", `<span class="badge advisory">advisory</span>`,
		`<tr class="recheck changed" data-rule="breach-notification" data-changed="true">`,
		`<tr class="recheck" data-rule="audit-rights" data-changed="false">`,
		`<strong class="changed-mark">changed</strong>`, "hecvat.xlsx Security!D12", "<td>IAM</td><td>shared</td>",
		"Commits to &lt;i&gt;encryption&lt;/i&gt;; audit rights open.",
		"7 requests, 3 cache hits, 900 tokens, 2 quotes discarded (not in the document), 1 errors.",
		"recheck x: invalid reply",
	} {
		if !strings.Contains(sec, want) {
			t.Errorf("second-opinion section lacks %q", want)
		}
	}
	if n := strings.Count(sec, `<tr class="recheck`); n != 2 {
		t.Errorf("%d recheck rows, want 2", n)
	}
	if n := strings.Count(sec, "changed-mark"); n != 1 {
		t.Errorf("%d changed markers, want 1", n)
	}
	res.SecondOpinion.Applied = true
	b.Reset()
	if err := Write(&b, "html", res); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<span class="badge applied">applied</span>`) {
		t.Error("an applied opinion is not marked applied")
	}
}

// TestHTMLInBrowser opens the report in headless chromium: the grid has 17
// rows, the findings render, the injected script did not run; it saves a
// screenshot in the test's temp folder.
func TestHTMLInBrowser(t *testing.T) {
	page := renderHTML(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()

	tctx := browsertest.Start(t, 1280, 900, 60*time.Second)
	if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL), chromedp.WaitVisible("#grid")); err != nil {
		t.Fatalf("open report: %v", err)
	}
	rows, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll("#grid tbody tr").length`))
	if err != nil || rows != 17 {
		t.Errorf("grid rows = %d (%v), want 17", rows, err)
	}
	marked, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll("#grid td.cell.mark").length`))
	if err != nil || marked != 17 {
		t.Errorf("grid marks = %d (%v), want one per domain", marked, err)
	}
	findings, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll("article.finding").length`))
	if err != nil || findings < 8 {
		t.Errorf("findings rendered = %d (%v), want at least 8", findings, err)
	}
	versus, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll("article.contradicted .versus .promise blockquote").length`))
	if err != nil || versus < 1 {
		t.Errorf("contradiction promise quotes = %d (%v), want at least 1", versus, err)
	}
	pwned, err := chromedp.Run(tctx, chromedp.Evaluate[bool](`typeof window.__pwned !== "undefined" || document.querySelector("script, img") !== null`))
	if err != nil || pwned {
		t.Errorf("the injected markup ran or became elements (pwned=%v, err=%v)", pwned, err)
	}
	text, err := chromedp.Run(tctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil || !strings.Contains(text, "<script>window.__pwned=1;alert(1)</script>") {
		t.Errorf("the injected script should show as text (err %v)", err)
	}
	shot, err := chromedp.Run(tctx, chromedp.FullScreenshot(90))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(t.TempDir(), "report.jpg")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(shot))
}

package serve

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ssrm-dev/ssrm/internal/browsertest"
	"github.com/xuri/excelize/v2"
)

// TestServeInBrowser drives the page in headless chromium: upload the
// sample vendor's files through the file input, see the roles detected,
// submit, read the summary line, count the report's matrix rows, download
// the xlsx and save a screenshot in the test's temp folder (and, when
// SSRM_SERVE_SCREENSHOT names a file, there too: docs/serve.png is made
// this way).
func TestServeInBrowser(t *testing.T) {
	dir := t.TempDir()
	base, frames := startServer(t, Config{Addr: "127.0.0.1:0", TempDir: t.TempDir(), Version: "test"})
	tctx := browsertest.Start(t, 1280, 1400, 90*time.Second)

	q, err := filepath.Abs(filepath.Join(sampleDir, "questionnaire.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := filepath.Abs(filepath.Join(sampleDir, "agreement.pdf"))
	err = chromedp.Do(tctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#drop")),
		chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{q, a}),
		chromedp.WaitVisible(chromedp.CSS(`#roles[data-detected="2"]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name="vendor"]`), "Nimbus Ledger"),
	)
	if err != nil {
		t.Fatalf("upload: %v", err)
	}
	roles, err := chromedp.Run(tctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("#roles select")).map(s => s.value).join(",")`))
	if err != nil || roles != "questionnaire,agreement" {
		t.Errorf("roles detected = %q (%v), want questionnaire,agreement", roles, err)
	}
	if err := chromedp.Do(tctx, chromedp.Click(chromedp.CSS("#submit")), chromedp.WaitVisible(chromedp.CSS("#summary"))); err != nil {
		t.Fatalf("analyze: %v", err)
	}
	summary, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS("#summary")))
	if err != nil || summary != sampleLine {
		t.Errorf("summary = %q (%v), want %q", summary, err, sampleLine)
	}
	frameSrc, err := chromedp.Run(tctx, chromedp.Evaluate[string](`document.getElementById("report").getAttribute("src")`))
	if err != nil {
		t.Fatal(err)
	}
	sandboxed, err := chromedp.Run(tctx, chromedp.Evaluate[bool](`document.getElementById("report").getAttribute("sandbox") === "" && document.getElementById("report").sandbox.length === 0`))
	if err != nil || !sandboxed {
		t.Errorf("the report frame is not sandboxed without allowances (%v)", err)
	}
	xlsxHref, err := chromedp.Run(tctx, chromedp.Evaluate[string](`document.getElementById("dl-xlsx").href`))
	if err != nil {
		t.Fatal(err)
	}
	// Let the frame paint, then take the screenshot.
	if err := chromedp.Do(tctx, chromedp.Sleep(500*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(dir, "serve.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(shot))
	if out := os.Getenv("SSRM_SERVE_SCREENSHOT"); out != "" {
		if err := os.WriteFile(out, shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if n := frames.ok(); n < 1 {
		t.Errorf("the report frame was loaded %d times with 200", n)
	}
	// The report the frame shows: its matrix has 17 rows.
	if err := chromedp.Do(tctx, chromedp.Navigate(base+frameSrc), chromedp.WaitVisible(chromedp.CSS("#grid"))); err != nil {
		t.Fatalf("open the report: %v", err)
	}
	rows, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll("#grid tbody tr").length`))
	if err != nil || rows != 17 {
		t.Errorf("report matrix rows = %d (%v), want 17", rows, err)
	}
	report, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS("#summary")))
	if err != nil || report != sampleLine {
		t.Errorf("report summary = %q (%v)", report, err)
	}

	// The xlsx download opens.
	if !strings.HasPrefix(xlsxHref, base+"/a/") {
		t.Fatalf("xlsx link = %q", xlsxHref)
	}
	resp, err := http.Get(xlsxHref)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), ".xlsx") {
		t.Fatalf("xlsx download = %d, %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	b, _ := io.ReadAll(resp.Body)
	f, err := excelize.OpenReader(strings.NewReader(string(b)))
	if err != nil {
		t.Fatalf("the xlsx does not open: %v", err)
	}
	defer f.Close()
	t.Logf("xlsx sheets: %v", f.GetSheetList())
}

// frameLog counts the report.html answers with 200 (the frame's content
// cannot be read from the page: it is sandboxed).
type frameLog struct {
	mu sync.Mutex
	n  int
}

func (f *frameLog) ok() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
}

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}

// startServer runs a real server (with its timeouts) on 127.0.0.1:0 until
// the test ends, and returns its base URL.
func startServer(t *testing.T, cfg Config) (string, *frameLog) {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	frames := &frameLog{}
	inner := s.handler
	s.handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, code: 200}
		inner.ServeHTTP(rec, r)
		if strings.HasSuffix(r.URL.Path, "/report.html") && r.URL.RawQuery == "" && rec.code == 200 {
			frames.mu.Lock()
			frames.n++
			frames.mu.Unlock()
		}
	})
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		stop()
		if err := <-served; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String(), frames
}

// TestServeInBrowserWithToken: with an access token the page, its script,
// the frame and the downloads all work once the printed ?token= address
// has been opened.
func TestServeInBrowserWithToken(t *testing.T) {
	base, frames := startServer(t, Config{Addr: "127.0.0.1:0", TempDir: t.TempDir(), Token: "tok-123"})
	tctx := browsertest.Start(t, 1280, 1400, 90*time.Second)
	a, _ := filepath.Abs(filepath.Join(sampleDir, "agreement.pdf"))
	err := chromedp.Do(tctx,
		chromedp.Navigate(base+"/?token=tok-123"),
		chromedp.WaitVisible(chromedp.CSS("#drop")),
		chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{a}),
		chromedp.WaitVisible(chromedp.CSS(`#roles[data-detected="1"]`)),
		chromedp.Click(chromedp.CSS("#submit")),
		chromedp.WaitVisible(chromedp.CSS("#summary")),
		chromedp.Sleep(300*time.Millisecond),
	)
	if err != nil {
		t.Fatalf("upload and analyze: %v", err)
	}
	if url, err := chromedp.Run(tctx, chromedp.Evaluate[string](`location.href`)); err != nil || strings.Contains(url, "token") {
		t.Errorf("the address keeps the token: %q (%v)", url, err)
	}
	if n := frames.ok(); n < 1 {
		t.Errorf("the report frame was loaded %d times with 200", n)
	}
}

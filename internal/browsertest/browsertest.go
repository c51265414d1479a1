// Package browsertest starts Debian's headless chromium for the tests that
// check a page in a real browser (the HTML report, ssrm serve). .ci/run
// installs chromium; without it, or under -short, the test is skipped.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path finds chromium, or returns "".
func Path() string {
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// Start launches headless chromium with a window of width × height pixels
// and a fresh profile under t.TempDir(), and returns a context that drives
// it and expires after timeout. The flags keep it off the network (this
// machine has none but localhost). It skips t when chromium is absent or
// the tests run with -short.
func Start(t testing.TB, width, height int, timeout time.Duration) context.Context {
	t.Helper()
	exe := Path()
	if exe == "" {
		t.Skip("chromium not installed (apt-get install chromium; .ci/run installs it): skipping the headless-browser check")
	}
	if testing.Short() {
		t.Skip("-short: skipping the headless-browser check")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
		chromedp.WindowSize(width, height),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelA)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	// The first Do starts the browser; the deadline runs from after it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	tctx, tcancel := context.WithTimeout(ctx, timeout)
	t.Cleanup(tcancel)
	return tctx
}

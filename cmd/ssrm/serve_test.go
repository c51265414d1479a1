package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe for the server goroutine and the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeCommandRefusesRemote: a non-loopback address without
// --allow-remote is a usage error.
func TestServeCommandRefusesRemote(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"serve", "--addr", "0.0.0.0:0"}, &stdout, &stderr); code != exitError || !strings.Contains(stderr.String(), "--allow-remote") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	stderr.Reset()
	if code := Run([]string{"serve", "--max-analyses", "0"}, &stdout, &stderr); code != exitError {
		t.Errorf("--max-analyses 0: exit %d", code)
	}
}

// TestServeCommandStartsAndStops: ssrm serve prints its address (with the
// token given), answers, and shuts down when its context ends (as on
// SIGINT or SIGTERM).
func TestServeCommandStartsAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrc := make(chan string, 1)
	serveContext = func() context.Context { return ctx }
	serveListening = func(addr string) { addrc <- addr }
	defer func() { serveContext, serveListening = context.Background, nil }()

	var stdout, stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- Run([]string{"serve", "--addr", "127.0.0.1:0", "--token", "tok", "--max-analyses", "1"}, &stdout, &stderr)
	}()
	var addr string
	select {
	case addr = <-addrc:
	case code := <-done:
		t.Fatalf("exited %d before listening: %s", code, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("not listening after 10 s")
	}
	if !strings.Contains(stderr.String(), "open http://"+addr+"/?token=tok") {
		t.Errorf("stderr = %q", stderr.String())
	}
	for token, want := range map[string]int{"": http.StatusUnauthorized, "tok": http.StatusOK} {
		jar, _ := cookiejar.New(nil) // ?token= sets a cookie and redirects
		resp, err := (&http.Client{Jar: jar}).Get("http://" + addr + "/?token=" + token)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("token %q: %d, want %d", token, resp.StatusCode, want)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK || !strings.Contains(stderr.String(), "stopped") {
			t.Errorf("exit %d, stderr %q", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("did not stop")
	}
}

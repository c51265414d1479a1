package llm

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

// closedPort returns the address of a local TCP port that refuses
// connections: one that was listening and is closed again.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestUnreachableStopsAtFirstFailure: with an endpoint that refuses the
// connection, the second opinion makes one request, records one message
// naming the endpoint and how many questions were not asked, and leaves
// the findings as they were.
func TestUnreachableStopsAtFirstFailure(t *testing.T) {
	res, in, rules := sampleResult(t, "../../samples/nimbus-ledger")
	before := res.Line()
	base := "http://" + closedPort(t) + "/v1"
	s := &sleeps{}
	c, err := New(Config{BaseURL: base, Model: "test-model", Sleep: s.sleep, Timeout: 5 * time.Second, Concurrency: 4, MaxRetries: 3})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Review(context.Background(), res, in, rules); err != nil {
		t.Fatal(err)
	}
	op := res.SecondOpinion
	if op.Requests != 1 || len(s.d) != 0 {
		t.Errorf("requests = %d, retry waits = %v; want one request and no retry", op.Requests, s.d)
	}
	if len(op.Errors) != 1 {
		t.Fatalf("errors = %q, want one message", op.Errors)
	}
	msg := op.Errors[0]
	for _, want := range []string{base + "/chat/completions cannot be reached", "connection refused", "the second opinion stopped at the first failure", "question(s) not asked"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, " 0 question(s)") {
		t.Errorf("the sample has several questions to ask: %q", msg)
	}
	if res.Line() != before || len(op.Rechecks) != 0 {
		t.Errorf("the findings changed: %s → %s, %d rechecks", before, res.Line(), len(op.Rechecks))
	}
	// A later question is refused without a request.
	if err := c.ask(context.Background(), summaryPrompt()); !errors.Is(err, ErrUnreachable) || c.Usage().Requests != 1 {
		t.Errorf("after the failure: err = %v, requests = %d", err, c.Usage().Requests)
	}
}

func TestUnreachable(t *testing.T) {
	_, err := net.Dial("tcp", closedPort(t))
	if err == nil {
		t.Skip("the closed port accepted a connection")
	}
	if !unreachable(err) {
		t.Errorf("unreachable(%v) = false", err)
	}
	if unreachable(context.DeadlineExceeded) || unreachable(errors.New("500 Internal Server Error")) {
		t.Errorf("a timeout or a server error counts as unreachable")
	}
}

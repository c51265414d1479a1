package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/analyze/llm"
)

// fakeModel speaks /v1/chat/completions: a re-check quotes the first
// candidate sentence and calls the term weak, a classification places every
// clause in GRC, a summary is one sentence.
func fakeModel(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	first := regexp.MustCompile(`(?m)^\[1\](?: \(section [^)]*\))? (.*)$`)
	clause := regexp.MustCompile(`(?m)^\[(\d+)\]`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.URL.Path != "/v1/chat/completions" {
			http.NotFound(w, r)
			return
		}
		var req struct {
			Model    string `json:"model"`
			Messages []struct {
				Content string `json:"content"`
			} `json:"messages"`
			ResponseFormat struct {
				JSONSchema struct {
					Name string `json:"name"`
				} `json:"json_schema"`
			} `json:"response_format"`
		}
		raw, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(raw, &req); err != nil || len(req.Messages) != 2 {
			t.Errorf("bad request %s: %v", raw, err)
			return
		}
		user := req.Messages[1].Content
		var content any
		switch req.ResponseFormat.JSONSchema.Name {
		case "recheck":
			words := strings.Fields(first.FindStringSubmatch(user)[1])
			content = map[string]any{"status": "weak", "candidate": 1, "quote": strings.Join(words[:min(10, len(words))], " "), "reason": "The first sentence touches the term but leaves it qualified."}
		case "classify":
			var items []any
			for _, m := range clause.FindAllStringSubmatch(user, -1) {
				n := 0
				for _, d := range m[1] {
					n = n*10 + int(d-'0')
				}
				items = append(items, map[string]any{"clause": n, "domain": "GRC", "owner": "vendor", "reason": "governance duty"})
			}
			content = map[string]any{"items": items}
		default:
			content = map[string]any{"summary": "Nimbus Ledger commits to concrete security measures and exit assistance, but audit rights and regulator cooperation are not agreed."}
		}
		c, _ := json.Marshal(content)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"id": "x", "object": "chat.completion", "model": req.Model,
			"choices": []any{map[string]any{"index": 0, "finish_reason": "stop", "message": map[string]any{"role": "assistant", "content": string(c)}}},
			"usage":   map[string]any{"prompt_tokens": 200, "completion_tokens": 40, "total_tokens": 240},
		})
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

func TestAnalyzeLLM(t *testing.T) {
	t.Setenv("OPENAI_BASE_URL", "")
	t.Setenv("OPENAI_API_KEY", "")
	srv, calls := fakeModel(t)
	var plain, plainErr bytes.Buffer
	wantCode := Run([]string{"analyze", sample, "--format", "json"}, &plain, &plainErr)
	var rules analyze.Result
	if err := json.Unmarshal(plain.Bytes(), &rules); err != nil {
		t.Fatal(err)
	}

	cache := t.TempDir()
	args := []string{"analyze", sample, "--llm", "--llm-model", "test", "--llm-base-url", srv.URL, "--llm-cache", cache}
	var out, errb bytes.Buffer
	if code := Run(append(args, "--format", "json"), &out, &errb); code != wantCode {
		t.Fatalf("exit %d, want %d as without --llm; stderr %s", code, wantCode, errb.String())
	}
	var res analyze.Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	op := res.SecondOpinion
	if op == nil || op.Model != "test" || op.Endpoint != srv.URL+"/v1" || op.Requests == 0 || len(op.Rechecks) == 0 || op.Summary == "" || op.Applied {
		t.Fatalf("second_opinion = %+v", op)
	}
	if res.Score != rules.Score || res.Verdict != rules.Verdict {
		t.Errorf("score/verdict %d/%s, want the rules' %d/%s", res.Score, res.Verdict, rules.Score, rules.Verdict)
	}
	if !strings.Contains(errb.String(), "second opinion from test at "+srv.URL+"/v1") {
		t.Errorf("stderr = %s", errb.String())
	}

	// The text report, from the cache: no new request.
	before := calls.Load()
	out.Reset()
	errb.Reset()
	Run(args, &out, &errb)
	if calls.Load() != before {
		t.Errorf("a cached re-run sent %d requests", calls.Load()-before)
	}
	text := out.String()
	if !strings.Contains(text, "Second opinion (language model test at ") || !strings.Contains(text, " → weak") {
		t.Errorf("text report lacks the second opinion:\n%s", text)
	}
	t.Logf("text report:\n%s", text)
	out.Reset()
	Run(append(args, "--format", "md"), &out, io.Discard)
	if md := out.String(); !strings.Contains(md, "## Second opinion from a language model") || !strings.Contains(md, "**weak (changed)**") {
		t.Errorf("md report lacks the second opinion:\n%s", md)
	}

	// Allowed to change the verdict: applied and rescored.
	out.Reset()
	Run(append(args, "--format", "json", "--llm-may-change-verdict"), &out, io.Discard)
	var applied analyze.Result
	if err := json.Unmarshal(out.Bytes(), &applied); err != nil {
		t.Fatal(err)
	}
	if !applied.SecondOpinion.Applied || reflect.DeepEqual(applied.Summary, rules.Summary) {
		t.Errorf("applied = %v, summary %+v (rules %+v)", applied.SecondOpinion.Applied, applied.Summary, rules.Summary)
	}
}

// failingTransport fails the test if anything tries the network.
type failingTransport struct{ t *testing.T }

func (f failingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	f.t.Errorf("network request to %s without --llm", r.URL)
	return nil, errors.New("no network in this test")
}

func TestAnalyzeWithoutLLMMakesNoConnection(t *testing.T) {
	saved, savedNew := http.DefaultTransport, newLLMClient
	t.Cleanup(func() { http.DefaultTransport, newLLMClient = saved, savedNew })
	http.DefaultTransport = failingTransport{t}
	newLLMClient = func(llm.Config) (*llm.Client, error) {
		t.Error("a language model client was made without --llm")
		return nil, errors.New("not allowed")
	}
	t.Setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1") // would be used if anything asked
	t.Setenv("OPENAI_API_KEY", "sk-test")
	var out bytes.Buffer
	Run([]string{"analyze", sample, "--format", "json", "--llm-model", "test"}, &out, io.Discard)
	var res analyze.Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.SecondOpinion != nil || strings.Contains(out.String(), "second_opinion") {
		t.Error("a second opinion without --llm")
	}
}

func TestLLMFlagErrors(t *testing.T) {
	t.Setenv("OPENAI_BASE_URL", "")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--llm"}, "--llm needs --llm-model"},
		{[]string{"--llm", "--llm-model", "m", "--llm-base-url", "localhost:11434"}, "--llm-base-url"},
		{[]string{"--llm", "--llm-model", "m", "--llm-concurrency", "0"}, "must be positive"},
	} {
		var errb bytes.Buffer
		code := Run(append([]string{"analyze", sample}, tc.args...), io.Discard, &errb)
		if code != exitError || !strings.Contains(errb.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errb.String(), exitError, tc.want)
		}
	}
	// An endpoint that is down is named, and the rules' report still comes out.
	var out, errb bytes.Buffer
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	Run([]string{"analyze", sample, "--format", "json", "--llm", "--llm-model", "m", "--llm-base-url", srv.URL, "--llm-cache", "off", "--llm-max-requests", "3"}, &out, &errb)
	if !strings.Contains(errb.String(), srv.URL+"/v1/chat/completions") || !strings.Contains(out.String(), `"second_opinion"`) {
		t.Errorf("down endpoint: stderr %s", errb.String())
	}
	// Refused: one request, one warning, not one per question.
	if n := strings.Count(errb.String(), "warning: language model:"); n != 1 || !strings.Contains(errb.String(), "connection refused") || !strings.Contains(errb.String(), ": 1 requests,") {
		t.Errorf("down endpoint: %d warnings, want one after one request; stderr:\n%s", n, errb.String())
	}
}

func TestEvalLLM(t *testing.T) {
	t.Setenv("OPENAI_BASE_URL", "")
	dir := t.TempDir()
	doc := `# Hosting Agreement

## 6. Audits

6.1 Provider may audit Customer's use of the Service once a year to verify compliance with the licence.

6.2 Customer may review the summary of Provider's annual security assessment on request.

## 7. Security

7.1 Provider shall maintain administrative, physical and technical safeguards for Customer Data, including encryption at rest and in transit.
`
	write := func(name, s string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("hosting.md", doc)
	write("labels/terms-ground-truth.csv", "document,term,label,evidence\nhosting.md,audit_rights,yes,6.2\nhosting.md,vendor_security,yes,7.1\n")
	write("labels/deadlines.csv", "document,term,deadline_text,hours,grade\n")
	srv, _ := fakeModel(t)
	var out, errb bytes.Buffer
	code := Run([]string{"eval", "--corpus", dir, "--llm", "--llm-model", "test", "--llm-base-url", srv.URL, "--llm-cache", "off"}, &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	got := out.String()
	for _, want := range []string{"== rules alone ==", "== rules + language model test at " + srv.URL + "/v1", "statuses the model changed on labelled terms (1; 17 more on unlabelled terms)", "right    hosting.md audit-rights: missing → weak (label yes)"} {
		if !strings.Contains(got, want) {
			t.Errorf("eval --llm output lacks %q:\n%s", want, got)
		}
	}
	// Both tables: audit_rights is a false negative alone, a true positive with the model.
	if strings.Count(got, "audit_rights") < 2 {
		t.Errorf("want audit_rights in both tables:\n%s", got)
	}
}

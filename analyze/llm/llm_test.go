package llm

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
)

const sample = "../../samples/nimbus-ledger"

// fake is an OpenAI-compatible chat-completions server. reply decides the
// content of each answer (nil: the default, which quotes the first
// candidate and calls the term met); override may answer a call itself.
type fake struct {
	t        *testing.T
	srv      *httptest.Server
	calls    atomic.Int32
	mu       sync.Mutex
	bodies   []string
	reply    func(kind, user string) string
	override func(w http.ResponseWriter, n int, body map[string]any) bool
}

func newFake(t *testing.T) *fake {
	f := &fake{t: t}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

var candidateLine = regexp.MustCompile(`(?m)^\[1\](?: \(section [^)]*\))? (.*)$`)

func (f *fake) serve(w http.ResponseWriter, r *http.Request) {
	n := int(f.calls.Add(1))
	raw, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.bodies = append(f.bodies, string(raw))
	f.mu.Unlock()
	if r.URL.Path != "/v1/chat/completions" {
		http.Error(w, `{"error":{"message":"not found","type":"invalid_request_error"}}`, http.StatusNotFound)
		return
	}
	var body map[string]any
	if err := json.Unmarshal(raw, &body); err != nil {
		f.t.Errorf("request body is not JSON: %v", err)
	}
	if f.override != nil && f.override(w, n, body) {
		return
	}
	msgs, _ := body["messages"].([]any)
	user := ""
	if len(msgs) == 2 {
		user, _ = msgs[1].(map[string]any)["content"].(string)
	}
	kind := "summary"
	switch {
	case strings.HasPrefix(user, "Contract term"):
		kind = "recheck"
	case strings.HasPrefix(user, "Place each clause"):
		kind = "classify"
	case strings.HasPrefix(user, "Place each questionnaire item"):
		kind = "items"
	}
	var content string
	if f.reply != nil {
		content = f.reply(kind, user)
	}
	if content == "" {
		content = defaultReply(kind, user)
	}
	writeCompletion(w, body["model"], content)
}

func writeCompletion(w http.ResponseWriter, model any, content string) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion", "model": model,
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop", "message": map[string]any{"role": "assistant", "content": content}}},
		"usage":   map[string]any{"prompt_tokens": 90, "completion_tokens": 10, "total_tokens": 100},
	})
}

func defaultReply(kind, user string) string {
	switch kind {
	case "recheck":
		m := candidateLine.FindStringSubmatch(user)
		words := strings.Fields(m[1])
		quote := strings.Join(words[:min(8, len(words))], " ")
		b, _ := json.Marshal(recheckReply{Status: "met", Candidate: 1, Quote: quote, Reason: "The first sentence states it."})
		return string(b)
	case "classify":
		n := len(regexp.MustCompile(`(?m)^\[\d+\]`).FindAllString(user, -1))
		var items []map[string]any
		for i := 1; i <= n; i++ {
			items = append(items, map[string]any{"clause": i, "domain": "GRC", "owner": "vendor", "reason": "governance"})
		}
		b, _ := json.Marshal(map[string]any{"items": items})
		return string(b)
	case "items":
		var items []map[string]any
		for _, id := range itemIDs(user) {
			items = append(items, map[string]any{"id": id, "domain": "IAM", "owner": "shared", "reason": "access"})
		}
		b, _ := json.Marshal(map[string]any{"items": items})
		return string(b)
	}
	return `{"summary":"Nimbus Ledger commits to concrete security measures but leaves audit rights open."}`
}

func (f *fake) allBodies() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.bodies, "\n")
}

// sampleResult analyses the sample vendor with the rules alone.
func sampleResult(t *testing.T, dir string) (*analyze.Result, analyze.Inputs, *analyze.RuleSet) {
	t.Helper()
	rules, err := analyze.LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	var in analyze.Inputs
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		doc, err := extract.Open(filepath.Join(dir, e.Name()), extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Agreement != nil {
			in.Agreements = append(in.Agreements, doc.Agreement)
		} else {
			in.Questionnaire = doc.Questionnaire
		}
	}
	res, err := analyze.Run(context.Background(), in, rules, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res, in, rules
}

// sleeps records the waits instead of waiting.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

func newClient(t *testing.T, f *fake, mod func(*Config)) (*Client, *sleeps) {
	t.Helper()
	s := &sleeps{}
	cfg := Config{BaseURL: f.srv.URL, Model: "test-model", Sleep: s.sleep, Timeout: 5 * time.Second}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, s
}

func summaryPrompt() prompt {
	var out summaryReply
	return prompt{name: "summary", system: systemPrompt, user: "Summarise.", schema: summarySchema, decode: func(s string) error {
		return summarySchema.Unmarshal(s, &out)
	}}
}

func TestNormalizeBaseURL(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		azure    bool
	}{
		{"", DefaultBaseURL, false},
		{"http://localhost:11434", "http://localhost:11434/v1", false},
		{"http://localhost:11434/", "http://localhost:11434/v1", false},
		{"http://localhost:8000/v1/", "http://localhost:8000/v1", false},
		{"http://localhost:8080/v1/chat/completions", "http://localhost:8080/v1", false},
		{"https://gw.example/openai/v1", "https://gw.example/openai/v1", false},
		{"https://acme.openai.azure.com/", "https://acme.openai.azure.com", true},
	} {
		got, azure, err := NormalizeBaseURL(tc.in)
		if err != nil || got != tc.want || azure != tc.azure {
			t.Errorf("NormalizeBaseURL(%q) = %q, %v, %v; want %q, %v", tc.in, got, azure, err, tc.want, tc.azure)
		}
	}
	if _, _, err := NormalizeBaseURL("localhost:11434"); err == nil {
		t.Error("a URL without a scheme was accepted")
	}
}

func TestRequestShape(t *testing.T) {
	f := newFake(t)
	var seen map[string]any
	f.override = func(w http.ResponseWriter, n int, body map[string]any) bool {
		seen = body
		return false
	}
	c, _ := newClient(t, f, nil) // base URL without /v1: the fake 404s anything but /v1/chat/completions
	if err := c.ask(context.Background(), summaryPrompt()); err != nil {
		t.Fatal(err)
	}
	if seen["model"] != "test-model" {
		t.Errorf("model = %v", seen["model"])
	}
	temp, ok := seen["temperature"].(float64)
	if !ok || temp <= 0 {
		t.Errorf("temperature = %v (%v); want a positive value sent", seen["temperature"], ok)
	}
	if seed, ok := seen["seed"].(float64); !ok || seed != DefaultSeed {
		t.Errorf("seed = %v", seen["seed"])
	}
	rf, _ := seen["response_format"].(map[string]any)
	js, _ := rf["json_schema"].(map[string]any)
	if rf["type"] != "json_schema" || js["strict"] != true || js["name"] != "summary" || js["schema"] == nil {
		t.Errorf("response_format = %v", rf)
	}
	schema, _ := js["schema"].(map[string]any)
	if schema["additionalProperties"] != false || fmt.Sprint(schema["required"]) != "[summary]" {
		t.Errorf("schema = %v; want every property required and no others", schema)
	}
}

func TestReasoningModelOmitsTemperature(t *testing.T) {
	f := newFake(t)
	c, _ := newClient(t, f, func(c *Config) { c.Model = "gpt-5-mini" })
	if err := c.ask(context.Background(), summaryPrompt()); err != nil {
		t.Fatalf("go-openai refused the request: %v", err)
	}
	if strings.Contains(f.allBodies(), `"temperature"`) {
		t.Error("temperature sent to a reasoning model")
	}
}

func TestRetryAfter(t *testing.T) {
	f := newFake(t)
	f.override = func(w http.ResponseWriter, n int, body map[string]any) bool {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}`)
			return true
		}
		return false
	}
	c, s := newClient(t, f, nil)
	if err := c.ask(context.Background(), summaryPrompt()); err != nil {
		t.Fatal(err)
	}
	if f.calls.Load() != 2 {
		t.Errorf("calls = %d, want 2", f.calls.Load())
	}
	if len(s.d) != 1 || s.d[0] != time.Second {
		t.Errorf("waits = %v, want [1s] from Retry-After", s.d)
	}
}

func TestServerErrorRetryCap(t *testing.T) {
	f := newFake(t)
	f.override = func(w http.ResponseWriter, n int, body map[string]any) bool {
		http.Error(w, "upstream unavailable", http.StatusServiceUnavailable)
		return true
	}
	c, s := newClient(t, f, func(c *Config) { c.MaxRetries = 3 })
	err := c.ask(context.Background(), summaryPrompt())
	if err == nil || !strings.Contains(err.Error(), f.srv.URL+"/v1/chat/completions") || !strings.Contains(err.Error(), "after 3 retries") {
		t.Errorf("err = %v; want the URL tried and the retry count", err)
	}
	if f.calls.Load() != 4 || len(s.d) != 3 {
		t.Errorf("calls = %d, waits = %v; want 4 calls and 3 waits", f.calls.Load(), s.d)
	}
	for i, d := range s.d {
		if d <= 0 || d > 20*time.Second {
			t.Errorf("wait %d = %v: want a capped positive backoff", i, d)
		}
	}
	// A 400 is not retried.
	f2 := newFake(t)
	f2.override = func(w http.ResponseWriter, n int, body map[string]any) bool {
		http.Error(w, `{"error":{"message":"model not found","type":"invalid_request_error"}}`, http.StatusBadRequest)
		return true
	}
	c2, _ := newClient(t, f2, nil)
	if err := c2.ask(context.Background(), summaryPrompt()); err == nil || f2.calls.Load() != 1 {
		t.Errorf("400: err = %v after %d calls; want one call", err, f2.calls.Load())
	}
}

func TestTimeout(t *testing.T) {
	f := newFake(t)
	f.override = func(w http.ResponseWriter, n int, body map[string]any) bool {
		time.Sleep(300 * time.Millisecond)
		return false
	}
	c, s := newClient(t, f, func(c *Config) { c.Timeout = 50 * time.Millisecond; c.MaxRetries = 1 })
	start := time.Now()
	err := c.ask(context.Background(), summaryPrompt())
	if err == nil || !strings.Contains(err.Error(), "no reply within 50ms") {
		t.Errorf("err = %v; want a timeout", err)
	}
	if f.calls.Load() != 2 || len(s.d) != 1 {
		t.Errorf("calls = %d, waits = %v; want a timed-out call retried once", f.calls.Load(), s.d)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("took %v", el)
	}
}

func TestInvalidJSONLeavesFindings(t *testing.T) {
	f := newFake(t)
	f.reply = func(kind, user string) string {
		if kind == "recheck" {
			return `{"status": "met", "quote": `
		}
		return ""
	}
	res, in, rules := sampleResult(t, sample)
	before := statuses(res)
	c, _ := newClient(t, f, func(c *Config) { c.MayChangeVerdict = true })
	if err := c.Review(context.Background(), res, in, rules); err != nil {
		t.Fatal(err)
	}
	op := res.SecondOpinion
	if len(op.Rechecks) != 0 || len(op.Errors) == 0 || !strings.Contains(op.Errors[0], "invalid reply") {
		t.Errorf("rechecks = %v, errors = %q", op.Rechecks, op.Errors)
	}
	if got := statuses(res); got != before {
		t.Errorf("statuses changed:\n%s\nwant\n%s", got, before)
	}
	// An answer outside the allowed set is invalid too.
	f.reply = func(kind, user string) string {
		if kind == "recheck" {
			return `{"status": "probably", "candidate": 1, "quote": "", "reason": "x"}`
		}
		return ""
	}
	res, in, rules = sampleResult(t, sample)
	c, _ = newClient(t, f, nil)
	c.Review(context.Background(), res, in, rules)
	if len(res.SecondOpinion.Rechecks) != 0 || !strings.Contains(strings.Join(res.SecondOpinion.Errors, "\n"), "probably") {
		t.Errorf("a status outside the set was accepted: %+v", res.SecondOpinion)
	}
}

func statuses(res *analyze.Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "%s=%s ", f.Rule, f.Status)
	}
	fmt.Fprintf(&b, "score=%d verdict=%s", res.Score, res.Verdict)
	return b.String()
}

func TestHallucinatedQuote(t *testing.T) {
	f := newFake(t)
	f.reply = func(kind, user string) string {
		if kind == "recheck" {
			return `{"status": "met", "candidate": 1, "quote": "The Provider shall notify the Customer within one hour of any breach.", "reason": "It says so."}`
		}
		return ""
	}
	res, in, rules := sampleResult(t, sample)
	c, _ := newClient(t, f, func(c *Config) { c.MayChangeVerdict = true })
	if err := c.Review(context.Background(), res, in, rules); err != nil {
		t.Fatal(err)
	}
	op := res.SecondOpinion
	if len(op.Rechecks) == 0 || op.DiscardedQuotes != len(op.Rechecks) {
		t.Fatalf("discarded %d of %d rechecks", op.DiscardedQuotes, len(op.Rechecks))
	}
	for _, rc := range op.Rechecks {
		if rc.Changed || rc.Quote != "" || rc.ModelStatus != rc.RuleStatus || !strings.Contains(rc.Reason, "quote discarded") {
			t.Errorf("recheck %+v: want the quote discarded and the rules' status kept", rc)
		}
	}
}

func TestCacheHit(t *testing.T) {
	f := newFake(t)
	dir := t.TempDir()
	res, in, rules := sampleResult(t, sample)
	c, _ := newClient(t, f, func(c *Config) { c.CacheDir = dir })
	if err := c.Review(context.Background(), res, in, rules); err != nil {
		t.Fatal(err)
	}
	first := f.calls.Load()
	if first == 0 || res.SecondOpinion.Requests != int(first) || res.SecondOpinion.Tokens != 100*int(first) {
		t.Fatalf("first run: %d calls, opinion %+v", first, res.SecondOpinion)
	}
	want := res.SecondOpinion
	res2, in2, _ := sampleResult(t, sample)
	c2, _ := newClient(t, f, func(c *Config) { c.CacheDir = dir })
	if err := c2.Review(context.Background(), res2, in2, rules); err != nil {
		t.Fatal(err)
	}
	got := res2.SecondOpinion
	if f.calls.Load() != first || got.Requests != 0 || got.CacheHits != int(first) {
		t.Errorf("re-run: calls %d→%d, requests %d, cache hits %d", first, f.calls.Load(), got.Requests, got.CacheHits)
	}
	if got.Summary != want.Summary || len(got.Rechecks) != len(want.Rechecks) || len(got.Classified) != len(want.Classified) {
		t.Errorf("the cached opinion differs: %+v vs %+v", got, want)
	}
}

func TestBudget(t *testing.T) {
	f := newFake(t)
	res, in, rules := sampleResult(t, sample)
	c, _ := newClient(t, f, func(c *Config) { c.MaxRequests = 2; c.Concurrency = 1 })
	if err := c.Review(context.Background(), res, in, rules); err != nil {
		t.Fatal(err)
	}
	op := res.SecondOpinion
	if f.calls.Load() != 2 || op.Requests != 2 {
		t.Errorf("calls %d, requests %d; want 2", f.calls.Load(), op.Requests)
	}
	if all := strings.Join(op.Errors, "\n"); !strings.Contains(all, "request budget of 2") || !strings.Contains(all, "not asked") {
		t.Errorf("errors = %q; want the budget named", op.Errors)
	}
	// The token budget: 100 tokens a reply, 150 allowed → two replies.
	f2 := newFake(t)
	res, in, rules = sampleResult(t, sample)
	c2, _ := newClient(t, f2, func(c *Config) { c.MaxTokens = 150; c.Concurrency = 1 })
	c2.Review(context.Background(), res, in, rules)
	if f2.calls.Load() != 2 || !strings.Contains(strings.Join(res.SecondOpinion.Errors, "\n"), "token budget of 150") {
		t.Errorf("token budget: %d calls, errors %q", f2.calls.Load(), res.SecondOpinion.Errors)
	}
}

func TestRedactionBeforeSending(t *testing.T) {
	dir := t.TempDir()
	doc := `# Data Processing Agreement

## 9. Security incidents

9.1 The Provider shall notify the Customer of a security incident by e-mail to jane.doe@customer.example or by telephone on +1 (555) 010-4477 within 72 hours, and the Provider shall provide a report.

9.2 Notices to the Provider shall be sent Attn: Jane Doe, and the Provider shall maintain an audit log.

## 12. Signatures

12.1 The Provider shall keep this agreement confidential. Signed for the Provider By: Robert Smith, and Dr. Alice Brown shall witness.
`
	if err := os.WriteFile(filepath.Join(dir, "dpa.md"), []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	f := newFake(t)
	res, in, rules := sampleResult(t, dir)
	c, _ := newClient(t, f, func(c *Config) { c.Redact = true })
	if err := c.Review(context.Background(), res, in, rules); err != nil {
		t.Fatal(err)
	}
	sent := f.allBodies()
	if f.calls.Load() == 0 || !strings.Contains(sent, "[EMAIL]") {
		t.Fatalf("%d calls; the incident clause was not sent redacted", f.calls.Load())
	}
	for _, secret := range []string{"jane.doe@customer.example", "010-4477", "555", "Jane Doe", "Robert Smith", "Alice Brown"} {
		if strings.Contains(sent, secret) {
			t.Errorf("the server saw %q in %s", secret, sent[max(0, strings.Index(sent, secret)-200):strings.Index(sent, secret)+50])
		}
	}
	// Quotes were checked against the redacted text the model saw.
	for _, rc := range res.SecondOpinion.Rechecks {
		if strings.Contains(rc.Quote, "@") {
			t.Errorf("quote %q holds an address", rc.Quote)
		}
	}
	if res.SecondOpinion.DiscardedQuotes != 0 {
		t.Errorf("%d quotes of the redacted text were discarded", res.SecondOpinion.DiscardedQuotes)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"Write to legal@acme.example today.":           "Write to [EMAIL] today.",
		"Call +44 20 7946 0958 or (555) 010-4477.":     "Call [PHONE] or [PHONE].",
		"Attn: Jane Doe, General Counsel":              "Attn: [NAME], General Counsel",
		"By: J. R. Smith":                              "By: [NAME]",
		"reviewed by Ms. Maria Garcia and Dr Lee":      "reviewed by Ms. [NAME] and Dr [NAME]",
		"within 72 hours under section 12.4.1 of 2024": "within 72 hours under section 12.4.1 of 2024",
		"effective 2026-01-15 for 1,000,000 records":   "effective 2026-01-15 for 1,000,000 records",
		"Name: Priya Natarajan":                        "Name: [NAME]",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
		if got := Redact(Redact(in)); got != want {
			t.Errorf("Redact is not idempotent on %q: %q", in, got)
		}
	}
}

func TestSchemaRefusedFallsBackToJSONObject(t *testing.T) {
	f := newFake(t)
	var types []string
	var mu sync.Mutex
	f.override = func(w http.ResponseWriter, n int, body map[string]any) bool {
		rf, _ := body["response_format"].(map[string]any)
		mu.Lock()
		types = append(types, fmt.Sprint(rf["type"]))
		mu.Unlock()
		if rf["type"] == "json_schema" {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"error":{"message":"response_format json_schema is not supported by this server","type":"invalid_request_error"}}`)
			return true
		}
		return false
	}
	res, in, rules := sampleResult(t, sample)
	c, _ := newClient(t, f, func(c *Config) { c.Concurrency = 1 })
	if err := c.Review(context.Background(), res, in, rules); err != nil {
		t.Fatal(err)
	}
	op := res.SecondOpinion
	if len(op.Errors) != 0 || op.Summary == "" || len(op.Rechecks) == 0 {
		t.Errorf("opinion after fallback: %+v", op)
	}
	if types[0] != "json_schema" || strings.Count(strings.Join(types, " "), "json_schema") != 1 {
		t.Errorf("response formats sent: %v; want one json_schema, then json_object", types)
	}
}

func TestVerdictChangeIsOptIn(t *testing.T) {
	f := newFake(t) // the default fake calls every re-checked term met, quoting candidate 1
	res, in, rules := sampleResult(t, sample)
	before := statuses(res)
	c, _ := newClient(t, f, nil)
	if err := c.Review(context.Background(), res, in, rules); err != nil {
		t.Fatal(err)
	}
	changed := 0
	for _, rc := range res.SecondOpinion.Rechecks {
		if rc.Changed {
			changed++
			if rc.Quote == "" {
				t.Errorf("%s changed without a quote", rc.Rule)
			}
		}
	}
	if changed == 0 {
		t.Fatal("the fake's opinion changed nothing")
	}
	if res.SecondOpinion.Applied || statuses(res) != before {
		t.Errorf("without MayChangeVerdict the result changed: %s", statuses(res))
	}

	res2, in2, _ := sampleResult(t, sample)
	c2, _ := newClient(t, f, func(c *Config) { c.MayChangeVerdict = true })
	if err := c2.Review(context.Background(), res2, in2, rules); err != nil {
		t.Fatal(err)
	}
	if !res2.SecondOpinion.Applied {
		t.Fatal("not applied")
	}
	for _, rc := range res2.SecondOpinion.Rechecks {
		if !rc.Changed {
			continue
		}
		for _, fd := range res2.Findings {
			if fd.Rule == rc.Rule && fd.Status != rc.ModelStatus {
				t.Errorf("%s: status %s, want the model's %s", fd.Rule, fd.Status, rc.ModelStatus)
			}
		}
	}
	if res2.Score <= res.Score || res2.Summary.Met <= res.Summary.Met {
		t.Errorf("score %d→%d, met %d→%d: want the score recomputed", res.Score, res2.Score, res.Summary.Met, res2.Summary.Met)
	}
}

var itemLine = regexp.MustCompile(`(?m)^\[([^\]]+)\]`)

// itemIDs lists the ids of the items an items prompt asks about.
func itemIDs(user string) []string {
	var ids []string
	for _, m := range itemLine.FindAllStringSubmatch(user, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// homeMadeQuestionnaire has n items a HECVAT-like layout numbers without
// CCM ids, one CAIQ item the rules place (domain and owner known) and one
// CAIQ item with a blank ownership cell.
func homeMadeQuestionnaire(n int) *extract.Questionnaire {
	q := &extract.Questionnaire{Path: "hecvat.xlsx", Format: "hecvat", Sheets: []string{"Security"}}
	q.Items = append(q.Items, extract.Item{ID: "IAM-02.1", Question: "Are access policies established?", Answer: "Yes", Ownership: "CSP-owned", Sheet: "CAIQ", Row: 3, Cell: "C3"})
	q.Items = append(q.Items, extract.Item{ID: "LOG-01.1", Question: "Are logging policies established?", Answer: "Yes", Ownership: "", Sheet: "CAIQ", Row: 4, Cell: "C4"})
	for i := range n {
		q.Items = append(q.Items, extract.Item{ID: fmt.Sprintf("HLEG-%02d", i+1), Question: fmt.Sprintf("Question %d: do you review access rights quarterly?", i+1), Answer: "Yes", Notes: "Contact security@vendor.example for details.", Sheet: "Security", Row: i + 10, Cell: fmt.Sprintf("D%d", i+10)})
	}
	return q
}

func itemCalls(f *fake) [][]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out [][]string
	for _, raw := range f.bodies {
		var body struct {
			Messages []struct{ Content string } `json:"messages"`
		}
		json.Unmarshal([]byte(raw), &body)
		if len(body.Messages) == 2 && strings.HasPrefix(body.Messages[1].Content, "Place each questionnaire item") {
			out = append(out, itemIDs(body.Messages[1].Content))
		}
	}
	return out
}

// TestQuestionnaireItemsClassified: items without a CCM domain or owner are
// sent in batches with their sheet and cell kept as evidence; a placed item
// is not sent; at most MaxItems go in one run.
func TestQuestionnaireItemsClassified(t *testing.T) {
	f := newFake(t)
	in := analyze.Inputs{Questionnaire: homeMadeQuestionnaire(23)} // 24 unplaced
	res := &analyze.Result{}
	c, _ := newClient(t, f, func(c *Config) { c.NoSummary = true; c.Redact = true })
	if err := c.Review(context.Background(), res, in, nil); err != nil {
		t.Fatal(err)
	}
	calls := itemCalls(f)
	// The batches go out concurrently: compare their sizes, not their order.
	var sizes []int
	for _, c := range calls {
		sizes = append(sizes, len(c))
	}
	slices.Sort(sizes)
	if !slices.Equal(sizes, []int{4, ItemsPerRequest, ItemsPerRequest}) {
		t.Fatalf("item batches = %v; want 10, 10 and 4 ids", calls)
	}
	sent := strings.Join(slices.Concat(calls...), " ")
	if strings.Contains(sent, "IAM-02.1") || !strings.Contains(sent, "LOG-01.1") || !strings.Contains(sent, "HLEG-23") {
		t.Errorf("ids sent: %s; want the blank-owner and unnumbered items, not the placed one", sent)
	}
	if body := f.allBodies(); strings.Contains(body, "security@vendor.example") || !strings.Contains(body, "[EMAIL]") {
		t.Error("item notes were not redacted")
	}
	op := res.SecondOpinion
	if len(op.Errors) != 0 || len(op.Classified) != 24 || op.Requests != 3 {
		t.Fatalf("opinion: %d classified, %d requests, errors %q", len(op.Classified), op.Requests, op.Errors)
	}
	first := op.Classified[0]
	if first.Domain != "IAM" || first.Owner != analyze.OwnerShared || first.Evidence.Sheet == nil || *first.Evidence.Sheet != "CAIQ" || *first.Evidence.Cell != "C4" || !strings.HasPrefix(first.Evidence.Text, "LOG-01.1: ") {
		t.Errorf("first classification = %+v", first)
	}
	last := op.Classified[23]
	if *last.Evidence.Sheet != "Security" || *last.Evidence.Cell != "D32" || last.Evidence.File != "hecvat.xlsx" {
		t.Errorf("last classification evidence = %+v", last.Evidence)
	}

	// The cap: 60 unplaced items, MaxItems sent.
	f2 := newFake(t)
	c2, _ := newClient(t, f2, func(c *Config) { c.NoSummary = true })
	res2 := &analyze.Result{}
	c2.Review(context.Background(), res2, analyze.Inputs{Questionnaire: homeMadeQuestionnaire(59)}, nil)
	if n := len(slices.Concat(itemCalls(f2)...)); n != MaxItems || len(itemCalls(f2)) != MaxItems/ItemsPerRequest {
		t.Errorf("%d items in %d requests; want %d in %d", n, len(itemCalls(f2)), MaxItems, MaxItems/ItemsPerRequest)
	}

	// MaxClassify < 0 (ssrm eval) sends none.
	f3 := newFake(t)
	c3, _ := newClient(t, f3, func(c *Config) { c.NoSummary = true; c.MaxClassify = -1 })
	c3.Review(context.Background(), &analyze.Result{}, analyze.Inputs{Questionnaire: homeMadeQuestionnaire(5)}, nil)
	if f3.calls.Load() != 0 {
		t.Errorf("%d calls with classification off", f3.calls.Load())
	}
}

// TestQuestionnaireItemsBudget: item batches share the run's request budget.
func TestQuestionnaireItemsBudget(t *testing.T) {
	f := newFake(t)
	res := &analyze.Result{}
	c, _ := newClient(t, f, func(c *Config) { c.NoSummary = true; c.MaxRequests = 2; c.Concurrency = 1 })
	if err := c.Review(context.Background(), res, analyze.Inputs{Questionnaire: homeMadeQuestionnaire(39)}, nil); err != nil {
		t.Fatal(err)
	}
	op := res.SecondOpinion
	if f.calls.Load() != 2 || op.Requests != 2 || len(op.Classified) != 2*ItemsPerRequest {
		t.Errorf("calls %d, requests %d, classified %d; want 2, 2, %d", f.calls.Load(), op.Requests, len(op.Classified), 2*ItemsPerRequest)
	}
	if all := strings.Join(op.Errors, "\n"); !strings.Contains(all, "request budget of 2") || !strings.Contains(all, "2 question(s) not asked") {
		t.Errorf("errors = %q; want the budget named and 2 batches not asked", op.Errors)
	}
}

// TestQuestionnaireItemsInvalidReply: a domain outside CCM v4, an unknown
// owner or an id that was not asked about makes the batch's reply invalid.
func TestQuestionnaireItemsInvalidReply(t *testing.T) {
	for name, reply := range map[string]string{
		"domain": `{"items":[{"id":"HLEG-01","domain":"XYZ","owner":"vendor","reason":"r"}]}`,
		"owner":  `{"items":[{"id":"HLEG-01","domain":"IAM","owner":"everyone","reason":"r"}]}`,
		"id":     `{"items":[{"id":"HLEG-99","domain":"IAM","owner":"vendor","reason":"r"}]}`,
	} {
		want := map[string]string{"domain": "XYZ", "owner": "everyone", "id": "HLEG-99"}
		f := newFake(t)
		f.reply = func(kind, user string) string {
			if kind == "items" {
				return reply
			}
			return ""
		}
		res := &analyze.Result{}
		c, _ := newClient(t, f, func(c *Config) { c.NoSummary = true })
		if err := c.Review(context.Background(), res, analyze.Inputs{Questionnaire: homeMadeQuestionnaire(3)}, nil); err != nil {
			t.Fatal(err)
		}
		op := res.SecondOpinion
		if len(op.Classified) != 0 || len(op.Errors) != 1 || !strings.Contains(op.Errors[0], "invalid reply") || !strings.Contains(op.Errors[0], want[name]) {
			t.Errorf("%s: classified %v, errors %q; want the reply rejected naming %q", name, op.Classified, op.Errors, want[name])
		}
	}
}

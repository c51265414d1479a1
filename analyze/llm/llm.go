// Package llm asks an OpenAI-compatible chat-completions endpoint (OpenAI,
// Azure OpenAI, or a local Ollama, vLLM or llama.cpp server) for a second
// opinion on an analysis: a domain and owner for the clauses and
// questionnaire items the rules could not place, a re-check of every missing
// or weak finding against the sentences the engine ranks closest, and a
// short vendor summary
// (DESIGN.md section 6). It is only used when asked for (--llm).
//
// Every reply is structured JSON (a strict JSON schema, or plain JSON mode
// where a server refuses schemas), validated before use; quotes must occur
// verbatim in the text that was sent. Calls are retried on 429, 5xx and
// timeouts with capped, jittered backoff honouring Retry-After, bounded by
// a per-call timeout, a request and token budget and a concurrency limit,
// and cached on disk by sha256(model + prompt) so a re-run costs nothing.
package llm

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Defaults for Config's zero values.
const (
	DefaultBaseURL     = "https://api.openai.com/v1"
	DefaultTimeout     = 60 * time.Second
	DefaultMaxRequests = 50
	DefaultConcurrency = 2
	DefaultCandidates  = 6
	DefaultMaxRetries  = 4
	DefaultSeed        = 7
	// Temperature is the tiny positive value sent instead of 0, which
	// go-openai drops from the request (omitempty).
	Temperature float32 = 1e-6
)

// Config says where and how to ask.
type Config struct {
	// BaseURL is the endpoint; a missing /v1 suffix is added (see
	// NormalizeBaseURL). Azure OpenAI endpoints (*.openai.azure.com) are
	// recognised and use the model as deployment name.
	BaseURL string
	APIKey  string
	Model   string
	// AzureAPIVersion overrides go-openai's default API version for Azure.
	AzureAPIVersion string
	// Timeout bounds each call (default 60s).
	Timeout time.Duration
	// MaxRequests bounds the HTTP requests of one run, retries included
	// (default 50); MaxTokens the tokens the endpoint reports as used (0:
	// no token limit).
	MaxRequests int
	MaxTokens   int
	// Concurrency is how many calls may be in flight (default 2).
	Concurrency int
	// CacheDir holds the replies; "" disables the cache.
	CacheDir string
	// Redact replaces e-mail addresses, phone numbers and personal names
	// in everything sent (see Redact).
	Redact bool
	// MayChangeVerdict applies the model's statuses to the findings and
	// rescores; otherwise the opinion sits beside the rules' result.
	MayChangeVerdict bool
	// Candidates is how many candidate sentences a re-check sees (default 6).
	Candidates int
	// MaxClassify bounds the unplaced clauses sent for classification
	// (default 24; negative: none).
	MaxClassify int
	// NoSummary skips the vendor summary (ssrm eval).
	NoSummary bool
	// MaxRetries is the retries of one call (default 4); Seed the sampling
	// seed sent (default 7).
	MaxRetries int
	Seed       int

	// HTTPClient's transport is used for the calls (default
	// http.DefaultTransport); its Timeout is ignored in favour of Timeout.
	HTTPClient *http.Client
	// Sleep waits between retries (tests make it instant).
	Sleep func(ctx context.Context, d time.Duration) error
	// MaxBackoff caps a computed backoff (default 20s) and MaxRetryAfter a
	// server's Retry-After (default 60s).
	MaxBackoff    time.Duration
	MaxRetryAfter time.Duration
}

// Client asks one endpoint; it is safe for concurrent use.
type Client struct {
	cfg      Config
	api      *openai.Client
	endpoint string // the normalised base URL, named in errors
	azure    bool
	names    []string // personal names found in the documents (Redact)

	mu         sync.Mutex
	requests   int
	tokens     int
	cacheHits  int
	jsonObject bool // the server refused json_schema: use json_object
	budgetErr  error
	// downErr is set by the first request that cannot reach the endpoint
	// (connection refused, no route, unknown host); every later question
	// returns it without a request.
	downErr error
}

// ErrBudget is returned once the request or token budget is spent.
var ErrBudget = errors.New("budget exhausted")

// ErrUnreachable is returned (wrapped, with the endpoint and the network
// error) when the endpoint cannot be reached, and for every question after
// that: the second opinion stops at the first such failure.
var ErrUnreachable = errors.New("cannot be reached")

// NormalizeBaseURL returns the endpoint's base URL as go-openai wants it:
// with the /v1 prefix OpenAI-compatible servers expect ("http://localhost:11434"
// → "http://localhost:11434/v1"), without a trailing slash or a pasted
// "/chat/completions". Azure OpenAI endpoints are returned as the host
// root, since go-openai builds Azure's deployment paths itself; azure
// reports whether it is one.
func NormalizeBaseURL(raw string) (base string, azure bool, err error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return DefaultBaseURL, false, nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false, fmt.Errorf("base URL %q: want http(s)://HOST[:PORT][/v1]", raw)
	}
	u.RawQuery, u.Fragment = "", ""
	p := strings.TrimRight(u.Path, "/")
	for _, suffix := range []string{"/chat/completions", "/completions", "/models"} {
		p = strings.TrimSuffix(p, suffix)
	}
	host := strings.ToLower(u.Hostname())
	if strings.HasSuffix(host, ".openai.azure.com") || strings.HasSuffix(host, ".cognitiveservices.azure.com") {
		u.Path = ""
		return strings.TrimRight(u.String(), "/"), true, nil
	}
	if !strings.HasSuffix(p, "/v1") && !strings.Contains(p+"/", "/v1/") {
		p += "/v1"
	}
	u.Path = p
	return u.String(), false, nil
}

// New checks cfg and makes a client. It opens no connection.
func New(cfg Config) (*Client, error) {
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("no model given: set --llm-model (the model or Azure deployment name)")
	}
	base, azure, err := NormalizeBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxRequests <= 0 {
		cfg.MaxRequests = DefaultMaxRequests
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = DefaultConcurrency
	}
	if cfg.Candidates <= 0 {
		cfg.Candidates = DefaultCandidates
	}
	if cfg.MaxClassify == 0 {
		cfg.MaxClassify = 24
	}
	if cfg.MaxRetries <= 0 {
		cfg.MaxRetries = DefaultMaxRetries
	}
	if cfg.Seed == 0 {
		cfg.Seed = DefaultSeed
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleepCtx
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 20 * time.Second
	}
	if cfg.MaxRetryAfter <= 0 {
		cfg.MaxRetryAfter = 60 * time.Second
	}
	var ocfg openai.ClientConfig
	if azure {
		ocfg = openai.DefaultAzureConfig(cfg.APIKey, base)
		ocfg.AzureModelMapperFunc = func(model string) string { return model }
		if cfg.AzureAPIVersion != "" {
			ocfg.APIVersion = cfg.AzureAPIVersion
		}
	} else {
		ocfg = openai.DefaultConfig(cfg.APIKey)
		ocfg.BaseURL = base
	}
	var rt http.RoundTripper
	if cfg.HTTPClient != nil {
		rt = cfg.HTTPClient.Transport
	}
	ocfg.HTTPClient = &http.Client{Transport: headerCapture{base: rt}}
	return &Client{cfg: cfg, api: openai.NewClientWithConfig(ocfg), endpoint: base, azure: azure}, nil
}

// Usage counts a client's use of the endpoint so far.
type Usage struct{ Requests, CacheHits, Tokens int }

// Usage returns the client's use of the endpoint so far.
func (c *Client) Usage() Usage {
	c.mu.Lock()
	defer c.mu.Unlock()
	return Usage{c.requests, c.cacheHits, c.tokens}
}

// Endpoint is the normalised base URL.
func (c *Client) Endpoint() string { return c.endpoint }

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// headerCapture records the response headers of a call in the holder its
// context carries: go-openai drops them from error replies, and a 429's
// Retry-After is among them.
type headerCapture struct{ base http.RoundTripper }

type headerKey struct{}

type headerHolder struct {
	mu sync.Mutex
	h  http.Header
}

func (t headerCapture) RoundTrip(r *http.Request) (*http.Response, error) {
	base := t.base
	if base == nil {
		base = http.DefaultTransport
	}
	resp, err := base.RoundTrip(r)
	if resp != nil {
		if h, ok := r.Context().Value(headerKey{}).(*headerHolder); ok {
			h.mu.Lock()
			h.h = resp.Header.Clone()
			h.mu.Unlock()
		}
	}
	return resp, err
}

// backoff is the wait before retry n (0-based): exponential from 500ms,
// capped, with jitter in [d/2, d].
func (c *Client) backoff(n int) time.Duration {
	d := 500 * time.Millisecond << min(n, 10)
	d = min(d, c.cfg.MaxBackoff)
	return d/2 + rand.N(d/2+1)
}

// retryAfter reads Retry-After (seconds or an HTTP date) or OpenAI's
// retry-after-ms.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	if h == nil {
		return 0, false
	}
	if v := strings.TrimSpace(h.Get("Retry-After-Ms")); v != "" {
		var ms float64
		if _, err := fmt.Sscanf(v, "%g", &ms); err == nil && ms >= 0 {
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	var secs float64
	if _, err := fmt.Sscanf(v, "%g", &secs); err == nil && secs >= 0 {
		return time.Duration(secs * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

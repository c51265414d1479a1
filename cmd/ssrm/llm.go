package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/analyze/llm"
)

// llmFlags are the --llm flags shared by analyze and eval.
type llmFlags struct {
	enabled     *bool
	model       *string
	baseURL     *string
	key         *string
	timeout     *time.Duration
	maxRequests *int
	maxTokens   *int
	concurrency *int
	cache       *string
	redact      *bool
	mayChange   *bool
}

func addLLMFlags(fs *flag.FlagSet) *llmFlags {
	return &llmFlags{
		enabled:     fs.Bool("llm", false, "ask a language model for a second opinion (OpenAI-compatible endpoint; off by default, no network without it)"),
		model:       fs.String("llm-model", "", "the model (or Azure deployment) name; required with --llm"),
		baseURL:     fs.String("llm-base-url", "", "the endpoint, e.g. http://localhost:11434/v1 (default $OPENAI_BASE_URL, else OpenAI)"),
		key:         fs.String("llm-key", "", "the API key (default $OPENAI_API_KEY; local servers need none)"),
		timeout:     fs.Duration("llm-timeout", llm.DefaultTimeout, "timeout of one call to the model"),
		maxRequests: fs.Int("llm-max-requests", llm.DefaultMaxRequests, "most requests one run may send, retries included"),
		maxTokens:   fs.Int("llm-max-tokens", 200000, "most tokens one run may use, as the endpoint reports them (0: no limit)"),
		concurrency: fs.Int("llm-concurrency", llm.DefaultConcurrency, "calls to the model in flight at once"),
		cache:       fs.String("llm-cache", "", "folder caching the model's replies (default: the user cache folder's ssrm/llm; \"off\" disables)"),
		redact:      fs.Bool("llm-redact", false, "replace e-mail addresses, phone numbers and personal names before sending"),
		mayChange:   fs.Bool("llm-may-change-verdict", false, "apply the model's statuses to the findings, score and verdict"),
	}
}

// newLLMClient makes the client; a test replaces it to prove that no client
// is made without --llm.
var newLLMClient = llm.New

// config turns the flags and the environment into a client configuration.
func (f *llmFlags) config() (llm.Config, error) {
	cfg := llm.Config{
		BaseURL:          *f.baseURL,
		APIKey:           *f.key,
		Model:            *f.model,
		Timeout:          *f.timeout,
		MaxRequests:      *f.maxRequests,
		MaxTokens:        *f.maxTokens,
		Concurrency:      *f.concurrency,
		Redact:           *f.redact,
		MayChangeVerdict: *f.mayChange,
	}
	if *f.model == "" {
		return cfg, fmt.Errorf("%w: --llm needs --llm-model (the model or Azure deployment name)", errUsage)
	}
	if *f.timeout <= 0 || *f.maxRequests <= 0 || *f.concurrency <= 0 || *f.maxTokens < 0 {
		return cfg, fmt.Errorf("%w: --llm-timeout, --llm-max-requests and --llm-concurrency must be positive", errUsage)
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = os.Getenv("OPENAI_BASE_URL")
	}
	if cfg.APIKey == "" {
		cfg.APIKey = os.Getenv("OPENAI_API_KEY")
	}
	switch *f.cache {
	case "off":
	case "":
		if dir, err := os.UserCacheDir(); err == nil {
			cfg.CacheDir = filepath.Join(dir, "ssrm", "llm")
		}
	default:
		cfg.CacheDir = *f.cache
	}
	if _, _, err := llm.NormalizeBaseURL(cfg.BaseURL); err != nil {
		return cfg, fmt.Errorf("%w: --llm-base-url: %v", errUsage, err)
	}
	return cfg, nil
}

// client returns nil without --llm, else a client for the flags.
func (f *llmFlags) client() (*llm.Client, error) {
	if !*f.enabled {
		return nil, nil
	}
	cfg, err := f.config()
	if err != nil {
		return nil, err
	}
	c, err := newLLMClient(cfg)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	return c, nil
}

// secondOpinion asks the model about res when --llm is given and reports
// its use of the endpoint on stderr. Without --llm it does nothing.
func (f *llmFlags) secondOpinion(ctx context.Context, res *analyze.Result, in analyze.Inputs, rules *analyze.RuleSet, stderr io.Writer) error {
	c, err := f.client()
	if c == nil || err != nil {
		return err
	}
	if err := c.Review(ctx, res, in, rules); err != nil {
		return err
	}
	reportOpinion(stderr, res.SecondOpinion)
	return nil
}

func reportOpinion(stderr io.Writer, op *analyze.SecondOpinion) {
	if op == nil {
		return
	}
	fmt.Fprintf(stderr, "ssrm: second opinion from %s at %s: %d requests, %d cache hits, %d tokens\n", op.Model, op.Endpoint, op.Requests, op.CacheHits, op.Tokens)
	for _, e := range op.Errors {
		fmt.Fprintf(stderr, "ssrm: warning: language model: %s\n", e)
	}
}

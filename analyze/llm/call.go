package llm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
	"github.com/sashabaranov/go-openai/jsonschema"
)

// prompt is one question: a system and a user message, the reply's schema
// and a check of the decoded reply.
type prompt struct {
	name   string // schema name, e.g. "recheck"
	system string
	user   string
	schema *jsonschema.Definition
	// decode unmarshals and validates a reply; an error makes it invalid.
	decode func(content string) error
}

// ask returns a validated reply, from the cache when it holds one.
func (c *Client) ask(ctx context.Context, p prompt) error {
	key := c.cacheKey(p)
	if content, ok := c.cacheGet(key); ok {
		if err := p.decode(content); err == nil {
			c.mu.Lock()
			c.cacheHits++
			c.mu.Unlock()
			return nil
		}
		// A stale or corrupt entry is asked again.
	}
	content, err := c.complete(ctx, p)
	if err != nil {
		return err
	}
	if err := p.decode(content); err != nil {
		return fmt.Errorf("invalid reply from %s: %v; reply was %s", c.url(), err, clip(content, 300))
	}
	c.cachePut(key, content)
	return nil
}

func (c *Client) url() string {
	if c.azure {
		return c.endpoint + "/openai/deployments/" + c.cfg.Model + "/chat/completions"
	}
	return c.endpoint + "/chat/completions"
}

// reserve takes one request from the budget.
func (c *Client) reserve() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.budgetErr != nil {
		return c.budgetErr
	}
	switch {
	case c.requests >= c.cfg.MaxRequests:
		c.budgetErr = fmt.Errorf("%w: the request budget of %d (--llm-max-requests) is spent", ErrBudget, c.cfg.MaxRequests)
	case c.cfg.MaxTokens > 0 && c.tokens >= c.cfg.MaxTokens:
		c.budgetErr = fmt.Errorf("%w: the token budget of %d (--llm-max-tokens) is spent (%d used)", ErrBudget, c.cfg.MaxTokens, c.tokens)
	default:
		c.requests++
		return nil
	}
	return c.budgetErr
}

func (c *Client) request(p prompt) openai.ChatCompletionRequest {
	seed := c.cfg.Seed
	req := openai.ChatCompletionRequest{
		Model:       c.cfg.Model,
		Temperature: Temperature,
		Seed:        &seed,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: p.system},
			{Role: openai.ChatMessageRoleUser, Content: p.user},
		},
	}
	if reasoningModel(c.cfg.Model) {
		// go-openai refuses sampling parameters for these; they sample
		// at a fixed temperature anyway.
		req.Temperature = 0
	}
	c.mu.Lock()
	jsonObject := c.jsonObject
	c.mu.Unlock()
	if jsonObject {
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	} else {
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{
			Type:       openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{Name: p.name, Schema: p.schema, Strict: true},
		}
	}
	return req
}

// complete sends one chat completion with retries and returns the reply's
// content.
func (c *Client) complete(ctx context.Context, p prompt) (string, error) {
	retries := 0
	for {
		c.mu.Lock()
		down := c.downErr
		c.mu.Unlock()
		if down != nil {
			return "", down
		}
		if err := c.reserve(); err != nil {
			return "", err
		}
		req := c.request(p)
		holder := &headerHolder{}
		cctx, cancel := context.WithTimeout(context.WithValue(ctx, headerKey{}, holder), c.cfg.Timeout)
		resp, err := c.api.CreateChatCompletion(cctx, req)
		timedOut := cctx.Err() != nil && ctx.Err() == nil
		cancel()
		if err == nil {
			c.mu.Lock()
			c.tokens += resp.Usage.TotalTokens
			c.mu.Unlock()
			if len(resp.Choices) == 0 {
				return "", fmt.Errorf("%s: the reply has no choices", c.url())
			}
			return stripFences(resp.Choices[0].Message.Content), nil
		}
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		status := statusOf(err)
		if req.ResponseFormat.Type == openai.ChatCompletionResponseFormatTypeJSONSchema && schemaRefused(status, err) {
			c.mu.Lock()
			c.jsonObject = true
			c.mu.Unlock()
			continue
		}
		if timedOut {
			err = fmt.Errorf("no reply within %s (--llm-timeout): %w", c.cfg.Timeout, err)
		}
		if status == 0 && !timedOut && unreachable(err) {
			down := fmt.Errorf("%s %w: %v", c.url(), ErrUnreachable, rootCause(err))
			c.mu.Lock()
			if c.downErr == nil {
				c.downErr = down
			}
			c.mu.Unlock()
			return "", down
		}
		if !retryable(status, err, timedOut) || retries >= c.cfg.MaxRetries {
			if retries > 0 {
				err = fmt.Errorf("%w (after %d retries)", err, retries)
			}
			return "", fmt.Errorf("%s: %w", c.url(), err)
		}
		wait := c.backoff(retries)
		holder.mu.Lock()
		h := holder.h
		holder.mu.Unlock()
		if d, ok := retryAfter(h, time.Now()); ok {
			wait = min(d, c.cfg.MaxRetryAfter)
		}
		retries++
		if err := c.cfg.Sleep(ctx, wait); err != nil {
			return "", err
		}
	}
}

// reasoningModel reports the model names go-openai's reasoning validator
// applies to (o1, o3, o4, gpt-5).
func reasoningModel(model string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

func statusOf(err error) int {
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		return apiErr.HTTPStatusCode
	}
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		return reqErr.HTTPStatusCode
	}
	return 0
}

// schemaRefused reports a 400 (or 422) that names response_format or
// json_schema: the server does not take structured outputs.
func schemaRefused(status int, err error) bool {
	if status != http.StatusBadRequest && status != http.StatusUnprocessableEntity {
		return false
	}
	msg := strings.ToLower(err.Error())
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		msg += " " + strings.ToLower(string(reqErr.Body))
	}
	return strings.Contains(msg, "response_format") || strings.Contains(msg, "json_schema") || strings.Contains(msg, "response format")
}

// unreachable reports an error of connecting to the endpoint (refused, no
// route, unknown host): not a slow or failing server, which may answer the
// next question, but one that will not answer any.
func unreachable(err error) bool {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return !dnsErr.IsTimeout
	}
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial" && !opErr.Timeout()
}

// rootCause is the network error under err's wrappers ("dial tcp
// 127.0.0.1:9: connect: connection refused"), for a message that names
// the endpoint once.
func rootCause(err error) error {
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return opErr
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr
	}
	return err
}

func retryable(status int, err error, timedOut bool) bool {
	switch {
	case status == http.StatusTooManyRequests, status >= 500:
		return true
	case status != 0:
		return false
	case timedOut, errors.Is(err, context.DeadlineExceeded):
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// stripFences removes a Markdown code fence some models put around JSON in
// json_object mode.
func stripFences(s string) string {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "```") {
		t = strings.TrimPrefix(t, "```json")
		t = strings.TrimPrefix(t, "```")
		t = strings.TrimSuffix(strings.TrimSpace(t), "```")
	}
	return strings.TrimSpace(t)
}

func clip(s string, n int) string {
	s = normalizeSpace(s)
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// cacheKey is sha256 of the model and the prompt.
func (c *Client) cacheKey(p prompt) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s", c.cfg.Model, p.name, p.system, p.user)
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Client) cacheGet(key string) (string, bool) {
	if c.cfg.CacheDir == "" {
		return "", false
	}
	b, err := os.ReadFile(filepath.Join(c.cfg.CacheDir, key[:2], key+".json"))
	if err != nil {
		return "", false
	}
	return string(b), true
}

// cachePut stores a validated reply; a cache that cannot be written only
// costs a request next time.
func (c *Client) cachePut(key, content string) {
	if c.cfg.CacheDir == "" {
		return
	}
	dir := filepath.Join(c.cfg.CacheDir, key[:2])
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := f.WriteString(content)
	cerr := f.Close()
	if werr != nil || cerr != nil || os.Rename(f.Name(), filepath.Join(dir, key+".json")) != nil {
		os.Remove(f.Name())
	}
}

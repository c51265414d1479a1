package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// TestRulesStats counts signals over the kinds-of-miss agreements: every
// document is read, the vocabulary phrase that reads "report ... to" is
// found in the one that uses it, and the lonely list names it.
func TestRulesStats(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run([]string{"rules", "stats", "--corpus", "testdata/kinds", "--dpa", "", "--rules", "baseline", "--json"}, &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rec struct {
		Documents int              `json:"documents"`
		Signals   []analyze.Signal `json:"signals"`
	}
	if err := json.Unmarshal(out.Bytes(), &rec); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/kinds/*.md")
	if rec.Documents != len(files) {
		t.Errorf("documents = %d, want %d", rec.Documents, len(files))
	}
	byID := map[string]analyze.Signal{}
	for _, s := range rec.Signals {
		byID[s.ID] = s
	}
	if s := byID["vocabulary/notify: report"]; s.Docs < 2 {
		t.Errorf("vocabulary/notify: report found in %d documents, want at least 2 (2-one-vocabulary.md, 8-deadlines-content.md)", s.Docs)
	}
	if s, ok := byID["rule/breach-notification: frames[0]"]; !ok || s.Docs == 0 {
		t.Errorf("rule/breach-notification: frames[0] = %+v, want found", s)
	}
	out.Reset()
	if code := Run([]string{"rules", "stats", "--corpus", "testdata/kinds", "--dpa", "", "--rules", "baseline"}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), "8 documents, ") || !strings.Contains(out.String(), "found in exactly one") {
		t.Errorf("summary line: %q", out.String())
	}
}

// TestREADMERulePack runs the README's example pack through rules check:
// the documentation's own example loads and its examples read as labelled.
func TestREADMERulePack(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	i := strings.Index(s, "```yaml\nschema: ssrm.rules/v1\npack: mine")
	if i < 0 {
		t.Fatal("README has no example pack")
	}
	block := s[i+len("```yaml\n"):]
	block = block[:strings.Index(block, "```")]
	path := filepath.Join(t.TempDir(), "mine.yaml")
	if err := os.WriteFile(path, []byte(block), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"rules", "check", path}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "every example reads as labelled") {
		t.Errorf("stdout %q", out.String())
	}
}

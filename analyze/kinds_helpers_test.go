package analyze

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// runMarkdown writes md as a Markdown agreement to a temporary file, reads
// it as a user's file is read (extract.Open) and analyses it with rs.
func runMarkdown(t *testing.T, rs *RuleSet, md string) *Result {
	t.Helper()
	path := filepath.Join(t.TempDir(), "agreement.md")
	if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := extract.Open(path, extract.Options{})
	if err != nil || d.Agreement == nil {
		t.Fatalf("not read as an agreement: %v", err)
	}
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{d.Agreement}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// hasRedFlag says the finding of rule carries the red flag id.
func hasRedFlag(res *Result, rule, id string) bool {
	for _, f := range res.Findings {
		if f.Rule != rule {
			continue
		}
		for _, fl := range f.RedFlags {
			if fl.ID == id {
				return true
			}
		}
	}
	return false
}

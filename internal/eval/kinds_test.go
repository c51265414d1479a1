package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
)

// manifestKind is the document kind (templates/kinds/kinds.yaml) the
// corpus manifest's kind column expects: a SaaS agreement and the
// contracts (purchase conditions, statements of work, licences) are
// general agreements like an MSA; an addendum of no other kind is other.
var manifestKind = map[string]string{"saas": "msa", "contract": "msa", "addendum": "other"}

// TestDocKindCorpus measures the detection of each agreement's kind
// against the corpus manifests' kind column: per document on the dev
// split, the test split in aggregate only (never tuned on). It needs the
// documents (corpus/fetched); run with -v to read the figures
// (SSRM_KINDS_ALL=1 lists every dev document's kind and cue).
func TestDocKindCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the corpus's documents; skipped with -short")
	}
	c := loadRepoCorpus(t)
	if _, err := os.Stat(c.DocsDir); err != nil {
		t.Skip(err)
	}
	floors := map[string]float64{SplitDev: 0.85, SplitTest: 0.80}
	for _, split := range []string{SplitDev, SplitTest} {
		right, n := 0, 0
		confusion := map[string]int{}
		var misses []string
		for _, d := range c.Docs {
			if d.Split != split {
				continue
			}
			path := filepath.Join(c.DocsDir, d.File)
			if _, err := os.Stat(path); err != nil {
				continue
			}
			doc, err := extract.Open(path, extract.Options{})
			if err != nil || doc.Agreement == nil {
				continue
			}
			want := d.Kind
			if k, ok := manifestKind[want]; ok {
				want = k
			}
			got := analyze.DetectKind(doc.Agreement)
			n++
			if os.Getenv("SSRM_KINDS_ALL") != "" && split == SplitDev {
				t.Logf("  all %s %s: %s from %s %q", d.ID, want, got.Kind, got.From, got.Cue)
			}
			if got.Kind == want {
				right++
				continue
			}
			confusion[want+" read as "+got.Kind+" from "+got.From]++
			if split == SplitDev {
				misses = append(misses, fmt.Sprintf("%s: %s from %s %q", d.ID, got.Kind, got.From, got.Cue))
			}
		}
		if n == 0 {
			t.Skipf("no %s documents in %s", split, c.DocsDir)
		}
		var conf []string
		for k, v := range confusion {
			conf = append(conf, fmt.Sprintf("%s %d", k, v))
		}
		sort.Strings(conf)
		acc := float64(right) / float64(n)
		t.Logf("%s: document kind right on %d of %d (%.3f); %s", split, right, n, acc, strings.Join(conf, ", "))
		for _, m := range misses {
			t.Logf("  %s", m)
		}
		if acc < floors[split] {
			t.Errorf("%s: document kind accuracy %.3f below %.2f", split, acc, floors[split])
		}
	}
}

package eval

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// repoCorpus is the repository's own development corpus (corpus/README.md).
const repoCorpus = "../../corpus"

// corpusTerms are the 13 terms every document of the repository's corpus
// is labelled with.
var corpusTerms = []string{"breach_notification", "notification_content", "incident_cooperation", "regulator_cooperation", "audit_rights",
	"security_reports", "subprocessors", "data_location", "vendor_security", "customer_responsibilities", "vulnerability_disclosure",
	"data_return_exit", "change_notice"}

func loadRepoCorpus(t *testing.T) *Corpus {
	t.Helper()
	manifests, _ := filepath.Glob(filepath.Join(repoCorpus, "manifest*.csv"))
	if len(manifests) == 0 {
		t.Skipf("no manifest*.csv in %s yet", repoCorpus)
	}
	c, err := LoadCorpus(repoCorpus, "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRepoCorpusLabels checks the labels of the repository's corpus
// without its documents: they parse, and every document has each of the
// 13 terms once.
func TestRepoCorpusLabels(t *testing.T) {
	c := loadRepoCorpus(t)
	terms := map[string][]string{}
	for _, l := range c.Labels {
		terms[l.Document] = append(terms[l.Document], l.Term)
	}
	want := append([]string(nil), corpusTerms...)
	sort.Strings(want)
	for _, d := range c.Docs {
		got := terms[d.ID]
		sort.Strings(got)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s (%s): terms %v, want the 13 of corpus/README.md", d.ID, d.Manifest, got)
		}
	}
}

// repoFloors are the scores on the test split of the repository's corpus;
// the lead sets them when the labels and the new engine land.
var repoFloors = map[string]Floor{}

// TestRepoCorpusTestSplit runs the engine on the test split of the
// repository's corpus when its documents are fetched (CI cannot fetch
// them: then it skips, naming the manifests).
func TestRepoCorpusTestSplit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the corpus's test split through the engine; skipped with -short")
	}
	c := loadRepoCorpus(t)
	c, err := c.Select(SplitTest)
	if err != nil {
		t.Fatal(err)
	}
	if absent := c.Absent(); len(absent) > 0 {
		seen := map[string]bool{}
		var manifests []string
		for _, d := range absent {
			if !seen[d.Manifest] {
				seen[d.Manifest] = true
				manifests = append(manifests, d.Manifest)
			}
		}
		t.Skipf("%d test documents are not in %s (fetch them as %s say: repo, path, commit), e.g. %s: %s",
			len(absent), c.DocsDir, strings.Join(manifests, ", "), absent[0].ID, absent[0].Where())
	}
	if _, err := os.Stat(c.DocsDir); err != nil {
		t.Skip(err)
	}
	rs, err := analyze.LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), c, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.WriteScores(&b); err != nil { // aggregates only: the test half is sealed
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if err := rep.Check(repoFloors); err != nil {
		t.Error(err)
	}
}

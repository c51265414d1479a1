package extract

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestCorpusAgreementsNotAssurance: no real agreement of the shared corpus
// reads as an assurance report (several promise SOC 2 reports and ISO
// certificates). Skips when the corpus is absent.
func TestCorpusAgreementsNotAssurance(t *testing.T) {
	dir := "../../shared/corpus/agreements"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("corpus not present (%v)", err)
	}
	read := 0
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) == ".md" && e.Name() == "NOTICE.md" {
			continue
		}
		doc, err := Open(filepath.Join(dir, e.Name()), Options{})
		var ie *InputError
		if errors.As(err, &ie) {
			continue // encrypted, scanned: not this test's business
		}
		if err != nil {
			t.Fatal(err)
		}
		read++
		if doc.Assurance != nil {
			t.Errorf("%s reads as an assurance report (%s): %v", e.Name(), doc.Assurance.Type, doc.Assurance.Recognition)
		}
	}
	t.Logf("%d corpus agreements read, none as an assurance report", read)
}

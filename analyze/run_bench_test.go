package analyze

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ssrm-dev/ssrm/extract"
)

// pairCorpus is the shared corpus beside the repository (as for the
// crosswalk's corpus tests).
const pairCorpus = "../../shared/corpus"

// BenchmarkRunRealPair is the analysis alone of a real vendor, the filled
// Instructure CAIQ and the 35-page encrypted Flock contract: the documents
// are read and the rules loaded once, then Run is timed (what the command
// does after its readers answer). cmd/ssrm's BenchmarkAnalyzeRealPair
// times the whole command.
func BenchmarkRunRealPair(b *testing.B) {
	q := filepath.Join(pairCorpus, "questionnaires", "caiq-v4.0.3-filled-instructure.xlsx")
	a := filepath.Join(pairCorpus, "agreements", "contract-eugene-flock-2025-encrypted.pdf")
	for _, p := range []string{q, a} {
		if _, err := os.Stat(p); err != nil {
			b.Skipf("corpus not found (it sits beside the repository as ../shared/corpus): %v", err)
		}
	}
	qd, err := extract.Open(q, extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ad, err := extract.Open(a, extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	rs, err := LoadRules(nil)
	if err != nil {
		b.Fatal(err)
	}
	rs.Crosswalk.Warm()
	in := Inputs{Questionnaire: qd.Questionnaire, Agreements: []*extract.Agreement{ad.Agreement}}
	opts := Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(context.Background(), in, rs, opts); err != nil {
			b.Fatal(err)
		}
	}
}

package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

const corpus = "../../../shared/corpus/agreements"

// floors are the accuracies reached on the labelled corpus; CI fails when a
// change makes a term worse. Raise them as the engine improves, never lower.
var floors = map[string]Floor{
	"breach_notification":       {Precision: 1, Recall: 1},
	"incident_cooperation":      {Precision: 1, Recall: 1},
	"audit_rights":              {Precision: 1, Recall: 1},
	"subprocessors":             {Precision: 1, Recall: 1},
	"security_reports":          {Precision: 1, Recall: 1},
	"customer_responsibilities": {Precision: 0.92, Recall: 1},
	"vendor_security":           {Precision: 1, Recall: 1},
	"regulator_cooperation":     {Precision: 1, Recall: 1},
}

// TestEvalRegression runs ssrm eval's measurement over the labelled corpus.
func TestEvalRegression(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("labelled corpus not found at %s: %v", corpus, err)
	}
	labels, err := LoadLabels(filepath.Join(corpus, "labels", "terms-ground-truth.csv"))
	if err != nil {
		t.Fatal(err)
	}
	deadlines, err := LoadDeadlines(filepath.Join(corpus, "labels", "deadlines.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := analyze.LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), corpus, labels, deadlines, rs)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.Write(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if err := rep.Check(floors); err != nil {
		t.Error(err)
	}
	for _, d := range rep.Deadlines {
		if d.Note != "unreadable" && !d.Match {
			t.Errorf("deadline %s %s: want %q, got %+v", d.Document, d.Term, d.Text, d.Got)
		}
	}
}

func TestScore(t *testing.T) {
	s := TermScore{TP: 3, FP: 1, FN: 1, TN: 5}
	if s.Precision() != 0.75 || s.Recall() != 0.75 {
		t.Errorf("precision %v recall %v, want 0.75 0.75", s.Precision(), s.Recall())
	}
	r := &Report{Terms: []TermScore{{Term: "audit_rights", TP: 1, FP: 1}}}
	if err := r.Check(map[string]Floor{"audit_rights": {Precision: 0.9}}); err == nil || !strings.Contains(err.Error(), "audit_rights precision 0.50 < 0.90") {
		t.Errorf("Check: %v", err)
	}
	if err := r.Check(map[string]Floor{"audit_rights": {Precision: 0.5}}); err != nil {
		t.Errorf("Check at the floor: %v", err)
	}
}

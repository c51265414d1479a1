package eval

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// sharedCorpus is the labelled corpus beside the repository. It has no
// split; nobody tunes on it any more, so it counts as test data.
const sharedCorpus = "../../../shared/corpus/agreements"

// floors are the scores the engine of the commit that set them reaches on
// the shared corpus; CI fails when a change makes a term worse. Raise them
// as the engine improves, never lower them. (Set anew for the obligation
// frames of issue 11: the regular expressions before them had been written
// on these very documents and reached 1.00 here, 0.54 recall elsewhere.)
var floors = map[string]Floor{
	"breach_notification":       {Precision: 1, Recall: 1, Section: 0.75},
	"incident_cooperation":      {Precision: 0.75, Recall: 1, Section: 0.66},
	"audit_rights":              {Precision: 1, Recall: 0.83, Section: 0.80},
	"subprocessors":             {Precision: 0.85, Recall: 1, Section: 1},
	"security_reports":          {Precision: 1, Recall: 1, Section: 1},
	"customer_responsibilities": {Precision: 1, Recall: 1, Section: 0.91},
	"vendor_security":           {Precision: 1, Recall: 1, Section: 0.88},
	"regulator_cooperation":     {Precision: 1, Recall: 1, Section: 1},
	"overall":                   {Precision: 0.95, Recall: 0.97, Section: 0.88},
}

// TestEvalRegression runs ssrm eval's measurement over the shared corpus
// and checks the floors and every labelled deadline.
func TestEvalRegression(t *testing.T) {
	if _, err := os.Stat(sharedCorpus); err != nil {
		t.Skipf("labelled corpus not found at %s: %v", sharedCorpus, err)
	}
	c, err := LoadCorpus(sharedCorpus, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Layout != LayoutGroundTruth || len(c.Docs) != 21 {
		t.Fatalf("layout %s, %d documents; want ground-truth, 21", c.Layout, len(c.Docs))
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
	if err := rep.Write(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if len(rep.Splits) != 1 || rep.Splits[0].Split != SplitAll {
		t.Fatalf("splits %+v, want one: all", rep.Splits)
	}
	if err := rep.Splits[0].Check(floors); err != nil {
		t.Error(err)
	}
	if len(rep.Absent) > 0 {
		t.Errorf("absent documents: %v", rep.Absent)
	}
	for _, d := range rep.Deadlines {
		if d.Note != "unreadable" && !d.Match {
			t.Errorf("deadline %s %s: want %q %s %s, got %+v", d.Document, d.Term, d.Text, hours(d.Hours), d.Grade, d.Got)
		}
	}
}

func TestScore(t *testing.T) {
	s := TermScore{TP: 3, FP: 1, FN: 1, TN: 5, SectionChecked: 3, SectionHit: 2}
	if s.Precision() != 0.75 || s.Recall() != 0.75 {
		t.Errorf("precision %v recall %v, want 0.75 0.75", s.Precision(), s.Recall())
	}
	if r := s.SectionRate(); r < 0.66 || r > 0.67 {
		t.Errorf("section rate %v, want 2/3", r)
	}
	r := &Report{Terms: []TermScore{{Term: "audit_rights", TP: 1, FP: 1, SectionChecked: 1}}}
	if err := r.Check(map[string]Floor{"audit_rights": {Precision: 0.9}}); err == nil || !strings.Contains(err.Error(), "audit_rights precision 0.50 < 0.90") {
		t.Errorf("Check: %v", err)
	}
	if err := r.Check(map[string]Floor{"audit_rights": {Precision: 0.5, Section: 0.5}}); err == nil || !strings.Contains(err.Error(), "audit_rights section rate 0.00 < 0.50") {
		t.Errorf("Check section: %v", err)
	}
	if err := r.Check(map[string]Floor{"audit_rights": {Precision: 0.5}}); err != nil {
		t.Errorf("Check at the floor: %v", err)
	}
}

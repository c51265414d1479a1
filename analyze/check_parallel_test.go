package analyze

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestUnitsHitsInOrder: the hits read in parallel (unitsHits) are those
// read unit after unit, in the same order, for every rule, on an agreement
// long enough to be read by several workers; and so are those read in one
// goroutine while other analyses run.
func TestUnitsHitsInOrder(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	sentences := []string{
		"Provider shall notify Customer without undue delay, and in any event within 48 hours, after becoming aware of a Security Incident.",
		"Provider may change these Terms at any time by posting a revised version on its website.",
		"Upon termination, Provider will delete all Customer Data within thirty days, unless the law requires otherwise.",
		"Provider shall not engage a new subprocessor without giving Customer thirty days' notice, and Customer may object.",
		"Customer may audit Provider's compliance once a year on reasonable notice.",
		"Provider shall maintain appropriate technical and organisational measures to protect Customer Data.",
		"Provider will not notify Customer of any breach.",
		"Each party shall keep the other's confidential information secret.",
		"Provider shall cooperate with Customer and its regulators in investigating a Security Incident, at Provider's own cost.",
		"Customer shall pay the fees within 30 days of the invoice.",
	}
	a := &extract.Agreement{Path: "long.md", Format: "md", Pages: []extract.Page{{Number: 1}}}
	for i := range 200 {
		s := sentences[i%len(sentences)]
		a.Clauses = append(a.Clauses, extract.Clause{ID: fmt.Sprintf("%d.%d", i/10+1, i%10+1), Text: s})
		a.Pages[0].Text += s + "\n"
	}
	units, _ := readAgreements([]*extract.Agreement{a}, "", rs.Vocabulary)
	if len(units) < 4*hitRun {
		t.Fatalf("%d units: too few for several workers", len(units))
	}
	found := 0
	for _, r := range rs.Rules {
		var want hitLists
		for _, u := range units {
			r.unitHits(u, &want)
		}
		for _, busy := range []int32{0, 64} { // in parallel; as in a busy batch, in this goroutine
			activeRuns.Add(busy)
			pos, negated, flags := r.unitsHits(units)
			activeRuns.Add(-busy)
			found += len(pos) + len(negated) + len(flags)
			if !reflect.DeepEqual(pos, want.pos) || !reflect.DeepEqual(negated, want.negated) || !reflect.DeepEqual(flags, want.flags) {
				t.Errorf("rule %s, %d runs besides: %d, %d, %d hits; unit after unit %d, %d, %d (or in another order)",
					r.ID, busy, len(pos), len(negated), len(flags), len(want.pos), len(want.negated), len(want.flags))
			}
		}
	}
	if found == 0 {
		t.Fatal("no hits: the test reads nothing")
	}
}

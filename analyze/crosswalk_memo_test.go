package analyze

import (
	"reflect"
	"testing"
)

// TestTopicsOfMemo holds topicsOf, memoised by question, to matching
// every topic anew: on the first ask, on the second (from the memo), with
// a bound that keeps only two questions, and after the memo is cleared.
func TestTopicsOfMemo(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	cw := rs.Crosswalk
	cw.ready()
	questions := []string{
		"Do you notify customers of security breaches within 72 hours?",
		"Are third-party audit reports (SOC 2 Type II) shared with tenants on request?",
		"Is data encrypted at rest and in transit?",
		"Do you maintain a list of subprocessors and notify customers of changes?",
		"Describe your business continuity plan.",
		"Is multi-factor authentication enforced for administrative access?",
		"Plain words about nothing in particular",
		"   ",
		"",
	}
	defer func(n int) { topicMemoMax = n }(topicMemoMax)
	found := 0
	for _, bound := range []int{8192, 2} {
		topicMemoMax = bound
		cw.topics.clear()
		for round := 0; round < 2; round++ {
			for _, q := range questions {
				var want []int32
				if q != "   " && q != "" {
					want = cw.matchTopics(q)
				}
				if got := cw.topicsOf(q); !reflect.DeepEqual(got, want) {
					t.Errorf("bound %d, round %d: topicsOf(%q) = %v; want %v", bound, round, q, got, want)
				}
				found += len(want)
			}
		}
		if n := len(cw.topics.m); n > bound {
			t.Errorf("bound %d: the memo keeps %d questions", bound, n)
		}
	}
	if found == 0 {
		t.Error("no question matches a topic: the check compares nothing")
	}
}

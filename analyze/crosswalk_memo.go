package analyze

import (
	"slices"
	"strings"
	"sync"
)

// topicMemoMax bounds the questions topicMemo keeps: a batch meets the
// same forms' questions vendor after vendor (a CAIQ's 261), and a
// questionnaire of new questions past the bound is matched as before,
// so the memory stays flat however many vendors pass.
var topicMemoMax = 8192

// topicMemo holds the topics each question matched (Crosswalk.topicsOf),
// by the question's text, for a crosswalk used by many questionnaires
// (a batch's). Safe for concurrent use; cleared when the crosswalk's
// topics change (add, compileNow).
type topicMemo struct {
	mu sync.RWMutex
	m  map[string][]int32
}

// get returns the topics memoised for question; the slice is shared, its
// capacity clipped so that an append copies it.
func (t *topicMemo) get(question string) ([]int32, bool) {
	t.mu.RLock()
	out, ok := t.m[question]
	t.mu.RUnlock()
	return out, ok
}

// put memoises the topics of question while fewer than topicMemoMax are
// kept; the key is a copy (a question may be a slice of a whole sheet).
func (t *topicMemo) put(question string, topics []int32) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.m) >= topicMemoMax {
		return
	}
	if t.m == nil {
		t.m = map[string][]int32{}
	}
	t.m[strings.Clone(question)] = slices.Clip(topics)
}

func (t *topicMemo) clear() {
	t.mu.Lock()
	t.m = nil
	t.mu.Unlock()
}

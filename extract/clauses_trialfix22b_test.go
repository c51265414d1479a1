package extract

import (
	"slices"
	"testing"
)

// A date set as a heading ("## 12 June 2020", the day a policy was
// issued) is no clause number: the numbered list under it keeps its own
// numbers (1, 1.1), not the day's (12.1, 12.1.1). A numbered heading
// ("## 3 Support") still numbers its clause.
func TestDateHeadingIsNoClauseNumber(t *testing.T) {
	text := "# Helpdesk Terms\n\n## 12 June 2020\n\n1. ### Answer times\n\n    1. Urgent calls must be answered by the Vendor within 30 minutes.\n\n    2. Other calls must be answered by the Vendor within one working day.\n"
	var ids []string
	for _, c := range SplitClauses([]Page{{Number: 1, Text: text}}, false) {
		ids = append(ids, c.ID)
	}
	for _, want := range []string{"1", "1.1", "1.2"} {
		if !slices.Contains(ids, want) {
			t.Errorf("no clause %q in %q", want, ids)
		}
	}
	for _, id := range ids {
		if id == "12" || id == "12.1" {
			t.Errorf("the date's day read as clause %q in %q", id, ids)
		}
	}
	numbered := "# Helpdesk Terms\n\n## 3 Support\n\n1. ### Answer times\n\n    1. Urgent calls must be answered by the Vendor within 30 minutes.\n"
	ids = nil
	for _, c := range SplitClauses([]Page{{Number: 1, Text: numbered}}, false) {
		ids = append(ids, c.ID)
	}
	if !slices.Contains(ids, "3.1.1") {
		t.Errorf("a numbered heading lost its number: %q", ids)
	}
}

package analyze

import (
	"strings"
	"testing"
)

// A clause headed as a list of references is read for no term, and the
// result says so: a term stated there is not missing without a word.
func TestReferencesSkippedWarning(t *testing.T) {
	rs := loadRules(t)
	md := "# Hosting Terms\n\n## 1. Use of the Service\n\nYou may use the Service only for lawful purposes.\n\n## 2. Bibliography\n\nEuropean Data Protection Board. (2021). Guidelines on personal data breach notification. https://edpb.europa.eu/\n"
	var got []string
	for _, w := range runMarkdown(t, rs, md).Warnings {
		if w.Code == WarnReferencesSkipped {
			got = append(got, w.Message)
		}
	}
	if len(got) != 1 || !strings.HasSuffix(got[0], ": clause 2 (Bibliography) skipped: list of references") {
		t.Errorf("warnings %q, want one naming the Bibliography clause", got)
	}
	md = "# Hosting Terms\n\n## 1. Use of the Service\n\nYou may use the Service only for lawful purposes.\n"
	for _, w := range runMarkdown(t, rs, md).Warnings {
		if w.Code == WarnReferencesSkipped {
			t.Errorf("warning %q without a list of references", w.Message)
		}
	}
}

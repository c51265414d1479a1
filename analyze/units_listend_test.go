package analyze

import (
	"strings"
	"testing"
)

// TestUnpunctuatedListEnds: the last item of a list whose items have no
// final full stop (bullets, or "Label: value" lines) ends at its
// paragraph gap; the paragraph after it is a unit of its own, not the
// item's tail. A paragraph that breaks off on a function word still runs
// on (a page break in mid-sentence).
func TestUnpunctuatedListEnds(t *testing.T) {
	const notice = "The Processor shall notify the Controller of a Security Incident within 48 hours."
	for _, tc := range []struct {
		name, text, want string
	}{
		{"bullets", "• Stored data encrypted with AES-256\n• Staff access reviewed every quarter\n\n" + notice, notice},
		{"labels", "Storage: encrypted with AES-256 in every region\nAccess review: every quarter by the security team\nLogging: every administrator session kept\nfor a year\n\n" + notice, notice},
		{"page break", "The Processor shall notify the\n\nController of a Security Incident within 48 hours.",
			"The Processor shall notify the Controller of a Security Incident within 48 hours."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var texts []string
			for _, b := range splitLines(tc.text) {
				texts = append(texts, b.text)
			}
			found := false
			for _, s := range texts {
				if strings.Contains(s, tc.want) {
					found = true
					if s != tc.want {
						t.Errorf("unit %q, want %q alone", s, tc.want)
					}
				}
			}
			if !found {
				t.Errorf("no unit %q in %q", tc.want, texts)
			}
		})
	}
}

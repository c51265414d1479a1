package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// TestOnlyAgainstSaidInEveryHumanFormat: a term weak only by a wording that
// works against it earns no score; the text, Markdown and HTML reports say
// so beside the finding, as the JSON's only_against does (new-user trial
// 43), and say nothing on an ordinary weak term.
func TestOnlyAgainstSaidInEveryHumanFormat(t *testing.T) {
	for _, format := range []string{"text", "md", "html"} {
		for _, only := range []bool{true, false} {
			res := &analyze.Result{Findings: []analyze.Finding{{
				Rule: "change-notice", Title: "Notice of material changes", Status: analyze.StatusWeak,
				Severity: "low", Explanation: "present in section 10.2 but weak", OnlyAgainst: only,
				Recommendation: "Vendor shall give 30 days' notice of material changes.",
			}}}
			var b bytes.Buffer
			if err := Write(&b, format, res); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if got := strings.Contains(strings.ToLower(b.String()), "no credit in the score"); got != only {
				t.Errorf("%s, only_against %v: says no credit in the score %v", format, only, got)
			}
		}
	}
}

func TestSentenceCase(t *testing.T) {
	for in, want := range map[string]string{"no credit": "No credit", "état": "État", "": "", "X": "X"} {
		if got := sentenceCase(in); got != want {
			t.Errorf("sentenceCase(%q) = %q, want %q", in, got, want)
		}
	}
}

package report

import (
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// TestTrialfix39bUnquantifiedSaysWhatMetMeans: a deadline with no number
// ("without unreasonable delay") beside a met term says the grade accepts
// it, and a met term's unstated details say they do not lower it
// (new-user trial 39 read both as contradicting MET).
func TestTrialfix39bUnquantifiedSaysWhatMetMeans(t *testing.T) {
	d := analyze.ParseDeadline("The Covered Entity will be told of any breach without unreasonable delay.")
	if got := deadline(&d); !strings.Contains(got, "graded met") {
		t.Errorf("deadline %q does not say what the grade means", got)
	}
	f := analyze.Finding{Status: analyze.StatusMet}
	if got := findingNote(f, "not stated: who pays for the assistance"); !strings.Contains(got, "met without it") {
		t.Errorf("note %q beside MET does not say the grade stands", got)
	}
	f.Status = analyze.StatusWeak
	if got := findingNote(f, "not stated: who pays for the assistance"); got != "not stated: who pays for the assistance" {
		t.Errorf("note on a weak term changed: %q", got)
	}
}

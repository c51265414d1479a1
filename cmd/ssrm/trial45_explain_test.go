package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestTrial45ExplainSaysWhatItLooksFor: every card of `ssrm rules
// explain`, for a rule with elements or without, says what the rule looks
// for (new-user trial 45, issue 11: four rules showed only examples).
func TestTrial45ExplainSaysWhatItLooksFor(t *testing.T) {
	for _, id := range []string{"regulator-cooperation", "service-levels", "responsibility-allocation", "change-notice", "incident-cooperation"} {
		var stdout, stderr bytes.Buffer
		if code := Run([]string{"rules", "explain", id}, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit %d: %s", id, code, stderr.String())
		}
		if !strings.Contains(stdout.String(), "\nWhat it looks for\n  - ") {
			t.Errorf("%s: no \"What it looks for\":\n%s", id, stdout.String())
		}
	}
}

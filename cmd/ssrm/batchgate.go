package main

import (
	"fmt"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/report"
)

// batchGateNote says on the batch's summary line which gate decided its
// exit code (README: exit codes), so that "0 pass, 2 review" beside exit
// code 0 is not read as a gate result nor as an all clear: "exit code 0:
// the gate --fail-on high passed for every vendor (...)". failOn is the
// --fail-on level, "" where it is not known (a merge of shard parts);
// gated counts the vendors that failed it.
func batchGateNote(p *report.Portfolio, failOn string, gated int) string {
	gate := "the gate --fail-on " + failOn
	if failOn == "" {
		gate = "the shards' --fail-on gate"
	}
	if len(p.FailedVendors()) > 0 || p.Interrupted {
		return "exit code 3: a partial batch takes precedence over " + gate
	}
	if failOn == "never" {
		return "exit code 0: --fail-on never, the exit code does not gate on findings"
	}
	if gated > 0 {
		return fmt.Sprintf("exit code 1: %s failed for %d %s", gate, gated, plural(gated, "vendor", "vendors"))
	}
	reviews := 0
	for _, v := range p.Ranked() {
		if v.Verdict == analyze.VerdictReview {
			reviews++
		}
	}
	above := ""
	if failOn != "" {
		above = fmt.Sprintf(" (no open term is %s or above)", failOn)
	}
	s := fmt.Sprintf("exit code 0: %s passed for every vendor%s", gate, above)
	if reviews > 0 {
		s += fmt.Sprintf(", which is no all clear: %d %s to check the open terms", reviews, plural(reviews, "review verdict asks a reader", "review verdicts ask a reader"))
	}
	return s
}

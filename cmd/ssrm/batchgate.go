package main

import (
	"fmt"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/internal/company"
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

// oneCompanyNotes names the vendors of a batch whose documents name one
// company ("Apify" and "Apify Technologies s.r.o." from two files of a
// flat folder): each is assessed alone, on part of that company's
// documents. A vendor the manifest names, or one not assessed, is left
// out. vendors and p.Vendors are in the same order.
func oneCompanyNotes(vendors []vendorJob, p *report.Portfolio) []string {
	var notes []string
	grouped := make([]bool, len(p.Vendors))
	for i := range p.Vendors {
		if grouped[i] || i >= len(vendors) || vendors[i].Vendor != "" || p.Vendors[i].Err != "" {
			continue
		}
		group := []int{i}
		for j := i + 1; j < len(p.Vendors) && j < len(vendors); j++ {
			if !grouped[j] && vendors[j].Vendor == "" && p.Vendors[j].Err == "" && company.Same(p.Vendors[i].Name, p.Vendors[j].Name) {
				group, grouped[j] = append(group, j), true
			}
		}
		if len(group) < 2 {
			continue
		}
		var names []string
		for _, k := range group {
			names = append(names, fmt.Sprintf("%s (%s)", p.Vendors[k].Name, vendors[k].Key))
		}
		notes = append(notes, "one company? "+strings.Join(names, ", ")+": each was assessed alone; put their files in one sub-folder (or one manifest row) to assess them together")
	}
	return notes
}

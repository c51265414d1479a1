package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
)

// topAsks is how many asks the executive summary names.
const topAsks = 5

// execSummary is what a reader forwarded the report sees first: the
// verdict, the contradictions and the terms most worth asking for.
type execSummary struct {
	Verdict string
	Score   string // the number, or analyze.NoScore
	// Contradictions are "rule: explanation", one per contradicted term.
	Contradictions []string
	// Asks are the open terms (contradicted, missing, by-reference, weak;
	// not waived), highest severity first, at most topAsks; More counts
	// the others.
	Asks []analyze.Finding
	More int
	// NotCovered is "DPA only: 2 terms not covered by the documents sent,
	// not assessed: service-levels, cyber-insurance (listed apart: not in
	// the score or the verdict)", or "" (notCoveredNote).
	NotCovered string
}

// summarize picks the executive summary of res. A contradicted term is
// asked for once, as contradicted. The assurance findings, where there are
// any, are ranked with the rules'.
func summarize(res *analyze.Result) execSummary {
	s := execSummary{Verdict: res.Verdict, Score: res.ScoreText(), NotCovered: notCoveredNote(res)}
	var open []analyze.Finding
	for _, c := range res.Contradictions {
		s.Contradictions = append(s.Contradictions, fmt.Sprintf("%s: %s", c.Rule, c.Explanation))
		if c.Waiver == nil {
			open = append(open, c)
		}
	}
	if a := res.Assurance; a != nil {
		// The assurance report's cross-checks are contradictions too; its
		// other findings are asks like the rules'.
		for _, f := range a.Findings {
			if f.Status == analyze.StatusContradicted {
				s.Contradictions = append(s.Contradictions, fmt.Sprintf("%s: %s", f.Rule, f.Explanation))
			}
			if f.Status != analyze.StatusMet && f.Waiver == nil {
				open = append(open, f)
			}
		}
	}
	rank := map[string]int{analyze.StatusContradicted: 0, analyze.StatusMissing: 1, analyze.StatusByReference: 2, analyze.StatusWeak: 3}
	for _, st := range []string{analyze.StatusMissing, analyze.StatusByReference, analyze.StatusWeak} {
		for _, f := range byStatus(res, st) {
			if f.Waiver == nil {
				open = append(open, f)
			}
		}
	}
	sort.SliceStable(open, func(i, j int) bool {
		a, b := open[i], open[j]
		if a.Severity.Rank() != b.Severity.Rank() {
			return a.Severity.Rank() > b.Severity.Rank()
		}
		return rank[a.Status] < rank[b.Status]
	})
	if len(open) > topAsks {
		s.More = len(open) - topAsks
		open = open[:topAsks]
	}
	s.Asks = open
	return s
}

// notCoveredNote names the terms the documents sent cannot carry (a DPA
// sent alone has no service levels): they were left unread, so a pass
// holds for the other terms only and is no all clear. "" when there are
// none.
func notCoveredNote(res *analyze.Result) string {
	line := res.NotCoveredLine()
	if line == "" {
		return ""
	}
	line += ", left unread (neither met nor missing): " + strings.Join(res.Summary.NotCoveredRules, ", ") + " (listed apart: not in the score or the verdict"
	if res.Verdict == analyze.VerdictPass {
		line += "; the pass holds for the terms the documents cover, which is no all clear"
	}
	// Terms are set apart only when no main agreement was sent (a DPA or a
	// security annex alone): it holds these and may hold the missing ones.
	return line + "); send the main agreement (MSA or terms of service) with " + itOrThem(len(res.DocKinds())) + ": it may hold these terms and the missing ones"
}

// itOrThem is the pronoun for n documents.
func itOrThem(n int) string {
	if n > 1 {
		return "them"
	}
	return "it"
}

// gateNote says which gate decided the exit code (README: exit codes),
// for every verdict, so that 0 beside a review or fail verdict is not read
// as an all clear and a fail is tied to its gate: "exit code 0: the gate
// --fail-on high passed ...". "" when failOn is not known.
func gateNote(res *analyze.Result, failOn string) string {
	if failOn == "" {
		return ""
	}
	// What a review or fail verdict still asks when the gate passes.
	tail := ""
	if res.Verdict == analyze.VerdictReview || res.Verdict == analyze.VerdictFail {
		tail = "the " + res.Verdict + " verdict asks a reader to check the open terms"
	}
	if failOn == "never" {
		n := "exit code 0: --fail-on never, the exit code does not gate on findings"
		if tail != "" {
			n += "; " + strings.Replace(tail, " asks ", " still asks ", 1)
		}
		return n
	}
	top := res.MaxSeverity()
	if top.Rank() >= analyze.Severity(failOn).Rank() {
		return fmt.Sprintf("exit code 1: the gate --fail-on %s failed on an open term of %s severity", failOn, top)
	}
	open := "no term is open"
	if top != "" {
		open = fmt.Sprintf("the most severe open term is %s", top)
	}
	n := fmt.Sprintf("exit code 0: the gate --fail-on %s passed (no open term is %s or above; %s)", failOn, failOn, open)
	if tail != "" {
		n += ", which is no all clear: " + tail
	}
	return n
}

package analyze

import (
	"sort"
	"strconv"
)

// Score weights by severity (critical 10, high 6, medium 3, low 1).
var severityWeight = map[Severity]float64{SeverityCritical: 10, SeverityHigh: 6, SeverityMedium: 3, SeverityLow: 1}

// credit is the share of a rule's weight its status earns.
var credit = map[string]float64{StatusMet: 1, StatusWeak: 0.5, StatusByReference: 0.25}

// score computes the vendor score and verdict over the rules assessed:
//
//	score = 100 × Σ weight(rule) × credit(status) / Σ weight(rule)
//
// with credit 1 for met, 0.5 for weak, 0.25 for by-reference and 0 for
// missing; a term weak only by a wording that works against it
// (Finding.OnlyAgainst: "we may change these terms without notice") earns 0
// and counts as missing for the verdict; each contradiction takes a
// further half of its rule's weight;
// not-assessed and not-covered rules count neither way. The verdict is "fail" when a
// critical rule is missing or contradicted or the score is below 50, "pass"
// when the score is at least 80 and no high or critical rule is missing or
// contradicted, and "review" otherwise (also when nothing was assessed).
func score(res *Result) {
	var total, got float64
	severeGap, criticalGap := false, false
	s := Summary{Rules: len(res.Findings), Contradictions: len(res.Contradictions)}
	for _, f := range res.Findings {
		if f.Waiver != nil || f.Decision.accepts() {
			s.Waived++
		}
		switch f.Status {
		case StatusNotAssessed:
			s.NotAssessed++
			continue
		case StatusNotCovered:
			s.NotCovered++
			s.NotCoveredRules = append(s.NotCoveredRules, f.Rule)
			continue
		case StatusMet:
			s.Met++
		case StatusWeak:
			s.Weak++
			if f.OnlyAgainst {
				severeGap = severeGap || f.Severity.Rank() >= 3
				criticalGap = criticalGap || f.Severity == SeverityCritical
			}
		case StatusByReference:
			s.ByReference++
		default:
			s.Missing++
			severeGap = severeGap || f.Severity.Rank() >= 3
			criticalGap = criticalGap || f.Severity == SeverityCritical
		}
		w := severityWeight[f.Severity]
		total += w
		if !f.OnlyAgainst {
			got += w * credit[f.Status]
		}
	}
	for _, c := range res.Contradictions {
		got -= severityWeight[c.Severity] / 2
		severeGap = severeGap || c.Severity.Rank() >= 3
		criticalGap = criticalGap || c.Severity == SeverityCritical
	}
	res.Summary = s
	res.Score = 0
	if total == 0 {
		res.Verdict = VerdictReview
		return
	}
	res.Score = int(100*max(got, 0)/total + 0.5)
	switch {
	case criticalGap || res.Score < 50:
		res.Verdict = VerdictFail
	case res.Score >= 80 && !severeGap:
		res.Verdict = VerdictPass
	default:
		res.Verdict = VerdictReview
	}
}

// MaxSeverity returns the highest severity among the findings that fall
// short (weak, by-reference, missing) and the contradictions, or "" when
// there are none. Not-assessed and not-covered rules never count.
func (r *Result) MaxSeverity() Severity {
	var max Severity
	all := [][]Finding{r.Findings, r.Contradictions}
	if r.Assurance != nil {
		all = append(all, r.Assurance.Findings)
	}
	for _, fs := range all {
		for _, f := range fs {
			switch {
			case f.Status == StatusMet, f.Status == StatusNotAssessed, f.Status == StatusNotCovered, f.Waiver != nil, f.Decision.accepts():
				continue
			}
			if f.Severity.Rank() > max.Rank() {
				max = f.Severity
			}
		}
	}
	return max
}

// sortedOwners lists owner counts in a stable order for evidence text.
func sortedOwners(m map[Owner]int) []Owner {
	var out []Owner
	for o := range m {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Scored reports whether a score rests on any assessed term: false when
// every rule is not-assessed (a vendor with a questionnaire and no
// agreement), whose score 0 is no measure of risk.
func (s Summary) Scored() bool { return s.Rules > s.NotAssessed+s.NotCovered }

// NoScore is what reports print as the score of a result that is not
// Scored, where they would print the number.
const NoScore = "none (no term assessed)"

// ScoreText is the score as reports print it: the number, or NoScore.
func (r *Result) ScoreText() string {
	if !r.Summary.Scored() {
		return NoScore
	}
	return strconv.Itoa(r.Score)
}

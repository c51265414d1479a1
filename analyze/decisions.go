package analyze

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"
)

// Decision states: whether a stored decision was applied to this run.
const (
	// DecisionApplied: the evidence is the one the decision was made on.
	DecisionApplied = "applied"
	// DecisionReReview: the evidence text changed since the decision was
	// made; it is shown, not applied, until a reviewer decides again.
	DecisionReReview = "needs-re-review"
	// DecisionExpired: the decision's last day (Until) has passed.
	DecisionExpired = "expired"
)

// Decision is a reviewer's call on a finding (ssrm decide, or the serve
// page), as the finding carries it in the JSON report ("decision").
type Decision struct {
	ID   int64  `json:"id"`
	Rule string `json:"rule"`
	// Status is accepted (risk accepted), overridden (As replaces ssrm's
	// status) or waived (accepted until Until).
	Status   string `json:"status"`
	As       string `json:"as,omitempty"`
	Reviewer string `json:"reviewer,omitempty"`
	Reason   string `json:"reason"`
	// Until is the last day the decision applies, YYYY-MM-DD (empty: no end).
	Until   string    `json:"until,omitempty"`
	Created time.Time `json:"created"`
	// EvidenceHash is EvidenceHash of the finding the decision was made on.
	EvidenceHash string `json:"evidence_hash"`
	// State is DecisionApplied, DecisionReReview or DecisionExpired.
	State string `json:"state"`
	// SSRMStatus is ssrm's own status, where an applied override replaced it.
	SSRMStatus string `json:"ssrm_status,omitempty"`
}

// accepts says the decision takes the finding off the --fail-on gate, as
// a waiver does: an applied accepted or waived decision.
func (d *Decision) accepts() bool {
	return d != nil && d.State == DecisionApplied && (d.Status == "accepted" || d.Status == "waived")
}

// Applied says the decision is in force on this run.
func (d *Decision) Applied() bool { return d != nil && d.State == DecisionApplied }

// EvidenceHash is the hex SHA-256 of the finding's evidence text: each
// quote with its white space collapsed, sorted, one per line (files,
// pages and the order of ranking do not count; an empty list hashes the
// empty text). A decision is applied only while the hash is the one it
// was made on.
func EvidenceHash(f *Finding) string {
	texts := make([]string, 0, len(f.Evidence))
	for _, e := range f.Evidence {
		texts = append(texts, strings.Join(strings.Fields(e.Text), " "))
	}
	sort.Strings(texts)
	sum := sha256.Sum256([]byte(strings.Join(texts, "\n")))
	return hex.EncodeToString(sum[:])
}

// ApplyDecisions puts each decision (at most one per rule: the one in
// force) on the finding of its rule and on that rule's contradiction, and
// scores the result again. A decision whose evidence hash differs from the
// finding's is marked DecisionReReview and one whose Until day is before
// now DecisionExpired; neither is applied. An applied override replaces
// the finding's status (ssrm's stays in SSRMStatus); an applied accepted
// or waived decision keeps the status but takes the finding off the gate,
// as a waiver does. Decisions for rules not in force are ignored.
func ApplyDecisions(res *Result, ds []Decision, now time.Time) {
	byRule := map[string]Decision{}
	for _, d := range ds {
		if _, ok := byRule[d.Rule]; !ok {
			byRule[d.Rule] = d
		}
	}
	if len(byRule) == 0 {
		return
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		d, ok := byRule[f.Rule]
		if !ok {
			continue
		}
		d.State = DecisionApplied
		switch {
		case d.EvidenceHash != EvidenceHash(f):
			d.State = DecisionReReview
		case d.Until != "" && !now.Before(untilDay(d.Until)):
			d.State = DecisionExpired
		case d.Status == "overridden" && d.As != "" && d.As != f.Status:
			d.SSRMStatus, f.Status = f.Status, d.As
			f.Explanation = "overridden by a reviewer (was " + d.SSRMStatus + "): " + d.Reason
		}
		f.Decision = &d
		for j := range res.Contradictions {
			if c := &res.Contradictions[j]; c.Rule == f.Rule && d.Status != "overridden" {
				cd := d
				c.Decision = &cd
			}
		}
	}
	score(res)
	for _, f := range res.Findings {
		if f.Decision == nil {
			continue
		}
		switch f.Decision.State {
		case DecisionApplied:
			res.Summary.Decided++
		case DecisionReReview:
			res.Summary.ReReview++
		}
	}
}

// untilDay is the end of a YYYY-MM-DD day in UTC (zero when malformed,
// which makes the decision expired: the store never holds one).
func untilDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}
	}
	return t.AddDate(0, 0, 1)
}

// Describe says in one line what the decision is and whether it applies,
// for the human reports, e.g. "risk accepted by ana on 2026-12-05: annual
// SOC 2 report suffices" or "needs re-review: ... (the evidence text has
// changed since; not applied)".
func (d *Decision) Describe() string {
	var b strings.Builder
	switch d.Status {
	case "overridden":
		if d.SSRMStatus != "" {
			b.WriteString("overridden to " + d.As + " (ssrm said " + d.SSRMStatus + ")")
		} else {
			b.WriteString("overridden to " + d.As)
		}
	case "waived":
		b.WriteString("waived until " + d.Until)
	default:
		b.WriteString("risk accepted")
		if d.Until != "" {
			b.WriteString(" until " + d.Until)
		}
	}
	if d.Reviewer != "" {
		b.WriteString(" by " + d.Reviewer)
	}
	if !d.Created.IsZero() {
		b.WriteString(" on " + d.Created.UTC().Format("2006-01-02"))
	}
	b.WriteString(": " + d.Reason)
	switch d.State {
	case DecisionReReview:
		return "needs re-review: " + b.String() + " (the evidence text has changed since the decision; not applied)"
	case DecisionExpired:
		return "expired: " + b.String() + " (its last day has passed; not applied)"
	}
	return b.String()
}

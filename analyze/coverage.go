package analyze

import (
	"fmt"
	"slices"
	"strings"
)

// StatusNotCovered: the term is missing and none of the vendor's
// agreements is of a kind that carries it (a DPA sent alone has no service
// levels): the documents sent cannot answer it. It counts neither in the
// score nor in the verdict and is listed apart, with the document that
// would carry it (Finding.UsuallyIn).
const StatusNotCovered = "not-covered"

// setNotCovered sets apart the missing terms the documents sent cannot
// carry: a term is not covered when no agreement is of a kind in its
// rule's CarriedBy or of a general kind (an MSA, terms of service, an
// order form, a document of no known kind), no clause speaks to it
// (no evidence, no red flag) and no questionnaire answer covers it.
func setNotCovered(res *Result, rules []*Rule, kinds []DocKind) {
	if len(kinds) == 0 {
		return
	}
	for _, k := range kinds {
		if s := kindSpec(k.Kind); s == nil || s.General {
			return // a general agreement may carry any term
		}
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		r := rules[i]
		if f.Status != StatusMissing || len(r.CarriedBy) == 0 || r.AppliesTo == "questionnaire" ||
			f.Promise != nil || len(f.Evidence) > 0 || len(f.RedFlags) > 0 || contradictedRule(res, f.Rule) {
			continue
		}
		carried := false
		for _, k := range kinds {
			carried = carried || slices.Contains(r.CarriedBy, k.Kind)
		}
		if carried {
			continue
		}
		f.Status = StatusNotCovered
		f.UsuallyIn = usuallyIn(r.CarriedBy)
		f.Explanation = fmt.Sprintf("not covered by the documents sent (%s): usually in %s", KindsLabel(kinds), f.UsuallyIn)
	}
}

func contradictedRule(res *Result, rule string) bool {
	for _, c := range res.Contradictions {
		if c.Rule == rule {
			return true
		}
	}
	return false
}

// usuallyIn names the documents that carry a term: its special kinds,
// then the main agreement ("the SLA, or the main agreement (MSA or terms
// of service)").
func usuallyIn(carriedBy []string) string {
	var names []string
	for _, id := range carriedBy {
		if s := kindSpec(id); s != nil && !s.General {
			names = append(names, "the "+s.Short)
		}
	}
	const main = "the main agreement (MSA or terms of service)"
	if len(names) == 0 {
		return main
	}
	return strings.Join(names, " or ") + ", or " + main
}

// KindsLabel says which kinds of agreement were sent: "DPA only", "DPA +
// SLA only".
func KindsLabel(kinds []DocKind) string {
	var shorts []string
	for _, k := range kinds {
		s := k.Kind
		if spec := kindSpec(k.Kind); spec != nil {
			s = spec.Short
		}
		if !slices.Contains(shorts, s) {
			shorts = append(shorts, s)
		}
	}
	return strings.Join(shorts, " + ") + " only"
}

// DocKinds returns the kinds of the result's agreements, in input order.
func (r *Result) DocKinds() []DocKind {
	var out []DocKind
	for _, in := range r.Inputs {
		if in.DocKind != nil {
			out = append(out, *in.DocKind)
		}
	}
	return out
}

// NotCoveredLine is the summary's "DPA only: 7 terms not covered by the
// documents sent", or "" when every term could be answered.
func (r *Result) NotCoveredLine() string {
	n := r.Summary.NotCovered
	if n == 0 {
		return ""
	}
	terms := "terms"
	if n == 1 {
		terms = "term"
	}
	return fmt.Sprintf("%s: %d %s not covered by the documents sent", KindsLabel(r.DocKinds()), n, terms)
}

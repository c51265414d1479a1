package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
)

// writeRuleCard prints one rule as a reader's card: what the term is, what
// it needs, what makes it weak, and the rule's own example sentences (each
// checked by `ssrm rules check` and by the tests: they are how the engine
// reads them, not a gloss). Everything comes from the rule pack's YAML; the
// card adds no wording of its own beyond the headings.
func writeRuleCard(w io.Writer, r *analyze.Rule) {
	fmt.Fprintf(w, "%s: %s\n", r.ID, r.Title)
	fmt.Fprintf(w, "  severity %s, CCM domain %s, owner %s, pack %s\n", r.Severity, r.Domain, r.Owner, r.Pack)
	if len(r.CarriedBy) > 0 {
		fmt.Fprintf(w, "  usually in: %s, or a general agreement (MSA, terms of service, order form); a document of another kind sent alone leaves it \"not covered\"\n", strings.Join(r.CarriedBy, ", "))
	}
	if len(r.Sources) > 0 {
		fmt.Fprintf(w, "  sources: %s\n", strings.Join(r.Sources, "; "))
	}
	if r.Rationale != "" {
		fmt.Fprintf(w, "\nWhy it matters\n  %s\n", r.Rationale)
	}
	var parts, weakening []string
	essentials := 0
	for _, e := range r.Elements {
		switch {
		case e.Weakens:
			weakening = append(weakening, e.Title)
		case e.Alternative:
			parts = append(parts, e.Title+" (a weaker form: alone, the term is weak)")
		case e.Essential:
			parts = append(parts, e.Title+" (essential)")
			essentials++
		default:
			parts = append(parts, e.Title)
		}
	}
	parts = append(parts, r.LooksFor...)
	for _, d := range r.Details {
		parts = append(parts, d.Missing+" (named as not stated when absent)")
	}
	if r.Deadline {
		d := "a deadline in hours or days"
		if r.MaxHours > 0 {
			d += fmt.Sprintf(" (longer than %g hours is weak)", r.MaxHours)
		}
		parts = append(parts, d)
	}
	if len(parts) > 0 {
		fmt.Fprintln(w, "\nWhat it looks for")
		for _, p := range parts {
			fmt.Fprintf(w, "  - %s\n", p)
		}
		// As analyze grades elements (check.go): met needs an essential
		// part; of three or more essential parts, one alone is weak.
		switch {
		case essentials >= 3:
			fmt.Fprintln(w, "  met needs two of the essential parts, or one that settles the term by itself (the customer deciding each one); one alone, or only the others, is weak")
		case essentials > 0:
			fmt.Fprintln(w, "  met needs one of the essential parts; found only by the others, the term is weak")
		}
		if essentials > 0 && essentials < len(parts) {
			// "and who pays" in a title: a met term without it is met,
			// with a note (new user 50).
			fmt.Fprintln(w, "  the other parts do not lower a met term: one it leaves out is named in its \"not stated\" note")
		}
	}
	for _, wk := range r.Weakeners {
		weakening = append(weakening, wk.Reason)
	}
	for _, f := range r.RedFlags {
		weakening = append(weakening, f.Title+" (a red flag, quoted)")
	}
	weakening = dedupe(weakening)
	fmt.Fprintln(w, "\nWhat makes it weak")
	for _, s := range weakening {
		fmt.Fprintf(w, "  - %s\n", s)
	}
	if r.Permissive {
		// A right is granted with "may": here "may" is the term, not a hedge.
		fmt.Fprintln(w, "  - the hedges every rule reads (\"commercially reasonable efforts\", \"promptly\" without a deadline, \"in its sole discretion\": templates/vocabulary/weakeners.yaml); a right granted with \"may\" is no hedge here")
	} else {
		fmt.Fprintln(w, "  - the hedges every rule reads (\"may\", \"commercially reasonable efforts\", \"promptly\" without a deadline, \"in its sole discretion\": templates/vocabulary/weakeners.yaml)")
	}
	ex := r.Examples
	for _, g := range []struct {
		head string
		s    []string
	}{
		{"Met, for example", ex.Present},
		{"Weak, for example", ex.Weak},
		{"By reference, for example", ex.ByReference},
		{"Does not count, for example", ex.Absent},
		{"Negated (reported contradicted or missing), for example", ex.Negated},
	} {
		if len(g.s) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", g.head)
		for _, s := range g.s {
			fmt.Fprintf(w, "  - %s\n", s)
		}
	}
	if r.Recommendation != "" {
		fmt.Fprintf(w, "\nWording to ask for\n  %s\n", r.Recommendation)
	}
}

// dedupe keeps the first of each string, in order.
func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

package analyze

import (
	"fmt"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
)

// ExampleFailure is one labelled example the engine reads otherwise than
// its label says.
type ExampleFailure struct {
	// Rule is the rule id, or "vocabulary:" and the class id.
	Rule  string
	Label string // present, weak, absent, negated, by_reference; match, no_match
	Text  string
	Got   string
}

func (e ExampleFailure) String() string {
	return fmt.Sprintf("%s: %s example %q: got %s", e.Rule, e.Label, e.Text, e.Got)
}

// ExampleStatus reads one sentence as a one-clause agreement and gives the
// rule's status for it: met, weak, by-reference, "negated" (the term's
// wording is there but negated) or "absent".
func (rs *RuleSet) ExampleStatus(r *Rule, sentence string) string {
	a := &extract.Agreement{Path: "example", Format: "txt", Pages: []extract.Page{{Number: 1, Text: sentence}},
		Clauses: []extract.Clause{{ID: "1", Text: sentence}}}
	units := agreementUnits([]*extract.Agreement{a}, "", rs.Vocabulary)
	f := Finding{}
	negated := r.agreementFinding(&f, units)
	switch {
	case f.Status != StatusMissing:
		return f.Status
	case len(negated) > 0:
		return "negated"
	}
	return "absent"
}

// CheckExamples runs every rule's labelled examples and every vocabulary
// class's examples, and returns those read otherwise than labelled.
func (rs *RuleSet) CheckExamples() []ExampleFailure {
	var out []ExampleFailure
	for _, r := range rs.Rules {
		for _, c := range []struct {
			label, want string
			texts       []string
		}{
			{"present", StatusMet, r.Examples.Present},
			{"weak", StatusWeak, r.Examples.Weak},
			{"absent", "absent", r.Examples.Absent},
			{"negated", "negated", r.Examples.Negated},
			{"by_reference", StatusByReference, r.Examples.ByReference},
		} {
			for _, s := range c.texts {
				got := rs.ExampleStatus(r, s)
				if c.want == "absent" && got == "negated" {
					continue // the term's wording, negated: not shown either
				}
				if got != c.want {
					out = append(out, ExampleFailure{Rule: r.ID, Label: c.label, Text: s, Got: got})
				}
			}
		}
	}
	v := rs.Vocabulary
	for _, c := range v.Classes {
		for _, s := range c.Examples.Match {
			if len(newMatcher(v, tokenize(s), nil).find(c.ID)) == 0 {
				out = append(out, ExampleFailure{Rule: "vocabulary:" + c.ID, Label: "match", Text: s, Got: "not found"})
			}
		}
		for _, s := range c.Examples.NoMatch {
			if len(newMatcher(v, tokenize(s), nil).find(c.ID)) > 0 {
				out = append(out, ExampleFailure{Rule: "vocabulary:" + c.ID, Label: "no_match", Text: s, Got: "found"})
			}
		}
	}
	return out
}

// DescribeFrame reads one sentence as the engine does and describes it:
// each predicate (actor, modality, polarity, its words) and the vocabulary
// classes found. For rule authors (ssrm rules frame).
func (rs *RuleSet) DescribeFrame(sentence string) string {
	a := &extract.Agreement{Path: "sentence", Format: "txt", Pages: []extract.Page{{Number: 1, Text: sentence}},
		Clauses: []extract.Clause{{ID: "1", Text: sentence}}}
	var b strings.Builder
	for _, u := range agreementUnits([]*extract.Agreement{a}, "", rs.Vocabulary) {
		f := u.frame
		fmt.Fprintf(&b, "%s\n", f.text)
		if f.definition {
			b.WriteString("  a definition: binds no one\n")
		}
		if f.question {
			b.WriteString("  a question: binds no one\n")
		}
		if f.pointer {
			b.WriteString("  points at another document\n")
		}
		for i, p := range f.preds {
			actor := string(p.actor)
			if actor == "" {
				actor = "unknown"
			}
			fmt.Fprintf(&b, "  predicate %d: %q — actor %s, %s", i+1, f.regionText(p.from, p.to), actor, p.modality)
			if p.word != "" {
				fmt.Fprintf(&b, " (%q)", p.word)
			}
			switch {
			case p.noDuty:
				b.WriteString(", denies the duty")
			case p.negated:
				b.WriteString(", negated")
			case p.protective:
				b.WriteString(", a prohibition with a condition that protects the other party")
			}
			if p.passive {
				b.WriteString(", passive")
			}
			b.WriteString("\n")
		}
		var found []string
		for _, c := range rs.Vocabulary.Classes {
			for _, s := range f.m.find(c.ID) {
				found = append(found, fmt.Sprintf("{%s} %q", c.ID, f.text[f.toks[s.from].start:f.toks[s.to-1].end]))
			}
		}
		fmt.Fprintf(&b, "  classes: %s\n", strings.Join(found, ", "))
	}
	return b.String()
}

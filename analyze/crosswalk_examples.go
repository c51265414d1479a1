package analyze

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
)

// CheckCrosswalkExamples runs the crosswalk's own examples: each topic's
// question wordings (match, no_match) and each form's example questions
// (placed with the form, they must land in the domain, with the rules and
// the owner, or be left out, as labelled). files limits the check to the
// forms and topics those files define or extend (none: all). Failures name
// "crosswalk:" and the form or topic id.
func (rs *RuleSet) CheckCrosswalkExamples(files ...string) []ExampleFailure {
	cw := rs.Crosswalk
	if cw == nil {
		return nil
	}
	cw.ready()
	want := func(file string) bool {
		if len(files) == 0 {
			return true
		}
		for _, f := range files {
			if f == file {
				return true
			}
		}
		return false
	}
	var out []ExampleFailure
	for _, t := range cw.Topics {
		if !want(t.file) {
			continue
		}
		for _, q := range t.Examples.Match {
			if !t.matches(q) {
				out = append(out, ExampleFailure{Rule: "crosswalk:" + t.ID, Label: "match", Text: q, Got: "not matched"})
			}
		}
		for _, q := range t.Examples.NoMatch {
			if t.matches(q) {
				out = append(out, ExampleFailure{Rule: "crosswalk:" + t.ID, Label: "no_match", Text: q, Got: "matched"})
			}
		}
	}
	for _, f := range cw.Forms {
		if !want(f.file) {
			continue
		}
		for _, e := range f.Examples {
			if got := rs.placeExample(f, e); got != "" {
				out = append(out, ExampleFailure{Rule: "crosswalk:" + f.ID, Label: e.ID, Text: e.Question, Got: got})
			}
		}
	}
	return out
}

// placeExample places one example question with its form and says how the
// result differs from the label ("" when it does not).
func (rs *RuleSet) placeExample(f *CrosswalkForm, e CrosswalkExample) string {
	cw := rs.Crosswalk
	format := e.Format
	if format == "" && len(f.Formats) > 0 {
		format = strings.ReplaceAll(f.Formats[0], "*", "")
	}
	it := extract.Item{ID: e.ID, Question: e.Question, Answer: e.Answer, AnswerNormalized: extract.NormalizeAnswer(e.Answer), Ownership: e.Ownership, Sheet: "example", Cell: "A1"}
	if it.ID == "" {
		it.ID = "example!1"
	}
	q := &extract.Questionnaire{Path: "example", Format: format, Items: []extract.Item{it}}
	qc := &qcontext{q: q, rules: rs, reads: map[string]string{}, owners: cw.owners(f), answers: cw.answers(f)}
	qc.place = &QuestionnairePlacement{Form: f, Items: []Placement{cw.placeItem(f, cw.indexOf(f), it, cw.side(f))}}
	if strings.TrimSpace(it.Ownership) != "" {
		qc.stated = 1
	}
	p := qc.place.Items[0]
	var diffs []string
	switch {
	case e.Unmapped && p.Unmapped == "":
		diffs = append(diffs, fmt.Sprintf("placed in %q, want left out", p.Domain))
	case !e.Unmapped && p.Unmapped != "":
		diffs = append(diffs, "left out ("+p.Unmapped+")")
	case e.Domain != "" && p.Domain != e.Domain:
		diffs = append(diffs, fmt.Sprintf("domain %q, want %q", p.Domain, e.Domain))
	}
	for _, r := range e.Rules {
		if !containsString(p.Rules, r) {
			got := append([]string(nil), p.Rules...)
			sort.Strings(got)
			diffs = append(diffs, fmt.Sprintf("rules [%s], want %s among them", strings.Join(got, ", "), r))
		}
	}
	if e.Owner != "" {
		if o, _ := qc.itemOwner(0); o != e.Owner {
			diffs = append(diffs, fmt.Sprintf("owner %s, want %s", o, e.Owner))
		}
	}
	return strings.Join(diffs, "; ")
}

// CrosswalkFiles lists the files the crosswalk was read from, and the
// number of forms and topics each defines or extends.
func (cw *Crosswalk) CrosswalkFiles() map[string][2]int {
	cw.ready()
	out := map[string][2]int{}
	for _, f := range cw.Forms {
		n := out[f.file]
		n[0]++
		out[f.file] = n
	}
	for _, t := range cw.Topics {
		n := out[t.file]
		n[1]++
		out[t.file] = n
	}
	return out
}

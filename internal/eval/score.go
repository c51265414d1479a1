package eval

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
)

// Outcome is the engine's answer for one labelled row.
type Outcome struct {
	Label
	// Status is the finding's status, "absent" when the document is not in
	// the documents folder, or "unreadable: ..." when it could not be read.
	Status    string
	Predicted bool // met or weak
	// Section and Quote are the finding's lead evidence.
	Section, Quote string
	// SectionChecked is true for a true positive with labelled sections;
	// SectionOK then says whether Section is one of them or under one.
	SectionChecked, SectionOK bool
}

// Scored reports whether the row counts in precision and recall.
func (o Outcome) Scored() bool {
	return o.Label.Label != "uncertain" && o.Status != statusAbsent && !strings.HasPrefix(o.Status, "unreadable")
}

const statusAbsent = "absent"

// TermScore is the confusion table of one term (or of all terms: "overall").
type TermScore struct {
	Term           string
	TP, FP, FN, TN int
	Unreadable     int // labelled yes/no rows whose document could not be read
	Absent         int // labelled yes/no rows whose document is absent
	Uncertain      int
	// SectionChecked counts the true positives with a labelled section,
	// SectionHit those whose lead evidence cites it or a sub-clause of it.
	SectionChecked, SectionHit int
	// Grade agreement on true positives labelled met or weak: label→engine.
	MetMet, MetWeak, WeakMet, WeakWeak int
	// ByRef counts the rows labelled by-reference, ByRefAgree those the
	// engine reports by-reference.
	ByRef, ByRefAgree int
}

// Precision is TP/(TP+FP), or NaN with no positive prediction.
func (s TermScore) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN), or NaN with no positive label.
func (s TermScore) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// SectionRate is the share of checked true positives that cite the
// labelled section, or NaN when none was checked.
func (s TermScore) SectionRate() float64 { return ratio(s.SectionHit, s.SectionChecked) }

// GradeChecked counts the true positives with a met or weak label.
func (s TermScore) GradeChecked() int { return s.MetMet + s.MetWeak + s.WeakMet + s.WeakWeak }

// GradeRate is the share of graded true positives whose status (met or
// weak) equals the label's grade, or NaN.
func (s TermScore) GradeRate() float64 { return ratio(s.MetMet+s.WeakWeak, s.GradeChecked()) }

func (s *TermScore) add(o TermScore) {
	s.TP += o.TP
	s.FP += o.FP
	s.FN += o.FN
	s.TN += o.TN
	s.Unreadable += o.Unreadable
	s.Absent += o.Absent
	s.Uncertain += o.Uncertain
	s.SectionChecked += o.SectionChecked
	s.SectionHit += o.SectionHit
	s.MetMet += o.MetMet
	s.MetWeak += o.MetWeak
	s.WeakMet += o.WeakMet
	s.WeakWeak += o.WeakWeak
	s.ByRef += o.ByRef
	s.ByRefAgree += o.ByRefAgree
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// DeadlineOutcome compares one labelled deadline with the engine's.
type DeadlineOutcome struct {
	DeadlineLabel
	Got *analyze.Deadline
	// Match: for a breach-notification deadline, the hours and the grade
	// are the labelled ones; for another term's deadline (a patching
	// window), it was not taken for the breach-notification deadline.
	Match bool
	// SameText says the engine quotes the labelled wording exactly.
	SameText bool
	Note     string
}

// SplitScore is the measurement of one split.
type SplitScore struct {
	Split     string
	Documents int // labelled documents in the split, absent ones included
	Terms     []TermScore
	Overall   TermScore // summed over the terms
	// DeadlinesChecked counts the split's labelled deadlines on readable
	// documents, DeadlinesExact those the engine matches.
	DeadlinesChecked, DeadlinesExact int
}

// Report is the whole measurement.
type Report struct {
	Corpus string
	Layout string
	// Terms are the scores over every document measured; Splits the same
	// per split (one entry per split present, then "all" when there are
	// several).
	Terms     []TermScore
	Splits    []SplitScore
	Outcomes  []Outcome
	Deadlines []DeadlineOutcome
	// Unreadable maps a document to why it could not be read; Absent are
	// the labelled documents not in the documents folder.
	Unreadable map[string]string
	Absent     []Doc
	// Changes and OpinionErrors are set on the rules-plus-model report of
	// Compare: the statuses the model changed and its errors by document.
	Changes           []Change
	UnlabelledChanges int
	OpinionErrors     map[string][]string
}

// Split returns the scores of one split, or nil.
func (r *Report) Split(name string) *SplitScore {
	for i := range r.Splits {
		if r.Splits[i].Split == name {
			return &r.Splits[i]
		}
	}
	return nil
}

// Disagreements lists the scored rows where the engine and the label differ.
func (r *Report) Disagreements() []Outcome {
	var out []Outcome
	for _, o := range r.Outcomes {
		if o.Scored() && o.Predicted != (o.Label.Label == "yes") {
			out = append(out, o)
		}
	}
	return out
}

// SectionMisses lists the true positives that cite another section than
// the labelled one.
func (r *Report) SectionMisses() []Outcome {
	var out []Outcome
	for _, o := range r.Outcomes {
		if o.SectionChecked && !o.SectionOK {
			out = append(out, o)
		}
	}
	return out
}

// GradeMisses lists the true positives whose status differs from the
// labelled grade (met or weak).
func (r *Report) GradeMisses() []Outcome {
	var out []Outcome
	for _, o := range r.Outcomes {
		if o.Scored() && o.Predicted && o.Label.Label == "yes" && (o.Grade == "met" || o.Grade == "weak") && o.Status != o.Grade {
			out = append(out, o)
		}
	}
	return out
}

// preambleTitle is the title heading of the agreement's preamble, or "".
func preambleTitle(in analyze.Inputs) string {
	for _, a := range in.Agreements {
		for _, c := range a.Clauses {
			if c.ID == "preamble" {
				return c.Heading
			}
		}
	}
	return ""
}

// clauseHeadings is the heading of the agreement clause cited as id and
// those of its parents, nearest first; nil when no clause has that id.
func clauseHeadings(in analyze.Inputs, id string) []string {
	for _, a := range in.Agreements {
		byID := make(map[string]int, len(a.Clauses))
		for i, c := range a.Clauses {
			byID[c.ID] = i
		}
		i, ok := byID[id]
		if !ok {
			continue
		}
		// A parent titled as the document is (a Markdown "# Terms of
		// Service" over every section) names the whole document, not the
		// cited clause: it is left out.
		title := preambleTitle(in)
		var hs []string
		for seen := 0; ok && seen < len(a.Clauses); seen++ {
			c := a.Clauses[i]
			if seen == 0 || !strings.EqualFold(strings.TrimSpace(c.Heading), strings.TrimSpace(title)) {
				hs = append(hs, c.Heading)
			}
			i, ok = byID[c.Parent]
		}
		return hs
	}
	return nil
}

// scoreCorpus compares the results with the labels and deadlines.
func scoreCorpus(c *Corpus, docs *analyzed) *Report {
	rep := &Report{Corpus: c.Dir, Layout: c.Layout, Unreadable: docs.unreadable, Absent: docs.absent}
	absent := map[string]bool{}
	for _, d := range docs.absent {
		absent[d.ID] = true
	}
	for _, l := range c.Labels {
		o := Outcome{Label: l}
		res := docs.results[l.Document]
		switch {
		case absent[l.Document]:
			o.Status = statusAbsent
		case res == nil:
			o.Status = "unreadable: " + docs.unreadable[l.Document]
		default:
			f := find(res, l.Rule)
			if f == nil {
				o.Status = "no such rule"
				break
			}
			o.Status = f.Status
			o.Predicted = found(f)
			o.Section, o.Quote = lead(f)
			if o.Predicted && l.Label == "yes" && len(l.Sections) > 0 {
				o.SectionChecked = true
				o.SectionOK = SectionMatches(o.Section, l.Sections) || PreambleTitled(o.Section, preambleTitle(docs.inputs[l.Document]), l.Sections) ||
					HeadingTitled(clauseHeadings(docs.inputs[l.Document], o.Section), l.Sections) || RowLabelled(o.Section, l.Sections)
			}
		}
		rep.Outcomes = append(rep.Outcomes, o)
	}
	for _, dl := range c.Deadlines {
		rep.Deadlines = append(rep.Deadlines, scoreDeadline(dl, docs, absent))
	}
	splits := map[string]int{}
	var order []string
	for _, d := range c.Docs {
		if _, ok := splits[d.Split]; !ok {
			order = append(order, d.Split)
		}
		splits[d.Split]++
	}
	sortSplits(order)
	for _, s := range order {
		rep.Splits = append(rep.Splits, rep.splitScore(s, splits[s]))
	}
	all := rep.splitScore("", len(c.Docs))
	all.Split = SplitAll
	rep.Terms = all.Terms
	if len(order) > 1 {
		rep.Splits = append(rep.Splits, all)
	}
	return rep
}

func sortSplits(s []string) {
	rank := map[string]int{SplitDev: 0, SplitTest: 1, SplitAll: 2}
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && rank[s[j]] < rank[s[j-1]]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// splitScore sums the outcomes and deadlines of one split ("": all).
func (r *Report) splitScore(split string, docs int) SplitScore {
	ss := SplitScore{Split: split, Documents: docs, Overall: TermScore{Term: "overall"}}
	idx := map[string]int{}
	for _, o := range r.Outcomes {
		if split != "" && o.Split != split {
			continue
		}
		i, ok := idx[o.Term]
		if !ok {
			i = len(ss.Terms)
			idx[o.Term] = i
			ss.Terms = append(ss.Terms, TermScore{Term: o.Term})
		}
		s := &ss.Terms[i]
		yes := o.Label.Label == "yes"
		switch {
		case o.Label.Label == "uncertain":
			s.Uncertain++
			continue
		case o.Status == statusAbsent:
			s.Absent++
			continue
		case strings.HasPrefix(o.Status, "unreadable"):
			s.Unreadable++
			continue
		case o.Predicted && yes:
			s.TP++
		case o.Predicted:
			s.FP++
		case yes:
			s.FN++
		default:
			s.TN++
		}
		if o.SectionChecked {
			s.SectionChecked++
			if o.SectionOK {
				s.SectionHit++
			}
		}
		if o.Predicted && yes {
			switch {
			case o.Grade == "met" && o.Status == analyze.StatusMet:
				s.MetMet++
			case o.Grade == "met":
				s.MetWeak++
			case o.Grade == "weak" && o.Status == analyze.StatusMet:
				s.WeakMet++
			case o.Grade == "weak":
				s.WeakWeak++
			}
		}
		if o.Grade == "by-reference" {
			s.ByRef++
			if o.Status == analyze.StatusByReference {
				s.ByRefAgree++
			}
		}
	}
	for _, s := range ss.Terms {
		ss.Overall.add(s)
	}
	for _, d := range r.Deadlines {
		if (split != "" && d.Split != split) || d.Note == statusAbsent || strings.HasPrefix(d.Note, "unreadable") {
			continue
		}
		ss.DeadlinesChecked++
		if d.Match {
			ss.DeadlinesExact++
		}
	}
	return ss
}

func scoreDeadline(dl DeadlineLabel, docs *analyzed, absent map[string]bool) DeadlineOutcome {
	do := DeadlineOutcome{DeadlineLabel: dl}
	res := docs.results[dl.Document]
	switch {
	case absent[dl.Document]:
		do.Note = statusAbsent
		return do
	case res == nil:
		do.Note = "unreadable"
		return do
	}
	do.Got = deadlineOf(find(res, "breach-notification"))
	if dl.Term != "breach_notification" {
		// A labelled non-breach deadline (a patching window) must not be
		// taken for the breach-notification deadline.
		do.Match = do.Got == nil || do.Got.Hours == nil || dl.Hours == nil || *do.Got.Hours != *dl.Hours
		do.Note = "must not be read as a breach-notification deadline"
		return do
	}
	if do.Got != nil {
		do.Match = do.Got.Grade == dl.Grade && sameHours(do.Got.Hours, dl.Hours)
		do.SameText = strings.EqualFold(strings.Join(strings.Fields(do.Got.Text), " "), strings.Join(strings.Fields(dl.Text), " "))
	}
	return do
}

// ErrBelowThreshold is returned by Check when a term falls below its floor.
var ErrBelowThreshold = errors.New("below the recorded accuracy")

// Floor is the minimum precision, recall and section rate recorded for a
// term (0: not checked).
type Floor struct{ Precision, Recall, Section float64 }

// Check compares the scores over every document with floors; NaN scores
// (no predictions, no positives, no section checked) pass.
func (r *Report) Check(floors map[string]Floor) error {
	return checkFloors(r.Terms, floors)
}

// Check compares the split's scores with floors, as Report.Check does.
func (s *SplitScore) Check(floors map[string]Floor) error {
	return checkFloors(append(s.Terms, s.Overall), floors)
}

func checkFloors(terms []TermScore, floors map[string]Floor) error {
	var bad []string
	for _, s := range terms {
		f, ok := floors[s.Term]
		if !ok {
			continue
		}
		for _, c := range []struct {
			name       string
			got, floor float64
		}{{"precision", s.Precision(), f.Precision}, {"recall", s.Recall(), f.Recall}, {"section rate", s.SectionRate(), f.Section}} {
			if !math.IsNaN(c.got) && c.got < c.floor {
				bad = append(bad, fmt.Sprintf("%s %s %.2f < %.2f", s.Term, c.name, c.got, c.floor))
			}
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%w: %s", ErrBelowThreshold, strings.Join(bad, "; "))
	}
	return nil
}

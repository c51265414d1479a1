// Package eval measures the findings engine against labelled contracts: per
// term, precision, recall and the confusion counts over the corpus's
// terms-ground-truth.csv, and exact agreement with deadlines.csv.
//
// Only "yes" and "no" labels are scored; "uncertain" rows are listed
// apart. A term counts as found when its finding is met or weak (present in
// the agreement); by-reference, missing and contradicted-only do not.
package eval

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
)

// Label is one row of terms-ground-truth.csv.
type Label struct {
	Document string
	Term     string // label name, e.g. "audit_rights"
	Rule     string // rule id, e.g. "audit-rights"
	Label    string // yes, no, uncertain
	Evidence string
}

// DeadlineLabel is one row of deadlines.csv.
type DeadlineLabel struct {
	Document, Term, Text string
	Hours                *float64
	Grade                string
}

// Outcome is the engine's answer for one labelled row.
type Outcome struct {
	Label
	Status    string // the finding's status, or "unreadable: ..." when the document could not be read
	Predicted bool   // met or weak
	Quote     string // the first evidence quote, with its section
}

// TermScore is the confusion table of one term.
type TermScore struct {
	Term           string
	TP, FP, FN, TN int
	Unreadable     int // labelled yes/no rows whose document could not be read
	Uncertain      int
}

// Precision is TP/(TP+FP), or NaN with no positive prediction.
func (s TermScore) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN), or NaN with no positive label.
func (s TermScore) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// DeadlineOutcome compares one labelled deadline with the engine's.
type DeadlineOutcome struct {
	DeadlineLabel
	Got   *analyze.Deadline
	Match bool
	Note  string
}

// Report is the whole measurement.
type Report struct {
	Terms      []TermScore
	Outcomes   []Outcome
	Deadlines  []DeadlineOutcome
	Unreadable map[string]string // document → error
	// Changes and OpinionErrors are set on the rules-plus-model report of
	// Compare: the statuses the model changed and its errors by document.
	Changes           []Change
	UnlabelledChanges int
	OpinionErrors     map[string][]string
}

// Disagreements lists the scored rows where the engine and the label differ.
func (r *Report) Disagreements() []Outcome {
	var out []Outcome
	for _, o := range r.Outcomes {
		if o.Label.Label == "uncertain" || strings.HasPrefix(o.Status, "unreadable") {
			continue
		}
		if o.Predicted != (o.Label.Label == "yes") {
			out = append(out, o)
		}
	}
	return out
}

// LoadLabels reads terms-ground-truth.csv.
func LoadLabels(path string) ([]Label, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	var out []Label
	for i, r := range rows {
		if len(r) < 4 {
			return nil, fmt.Errorf("%s: line %d: want document,term,label,evidence", path, i+2)
		}
		out = append(out, Label{Document: r[0], Term: r[1], Rule: strings.ReplaceAll(r[1], "_", "-"), Label: r[2], Evidence: r[3]})
	}
	return out, nil
}

// LoadDeadlines reads deadlines.csv.
func LoadDeadlines(path string) ([]DeadlineLabel, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	var out []DeadlineLabel
	for i, r := range rows {
		if len(r) < 5 {
			return nil, fmt.Errorf("%s: line %d: want document,term,deadline_text,hours,grade", path, i+2)
		}
		d := DeadlineLabel{Document: r[0], Term: r[1], Text: r[2], Grade: r[4]}
		if r[3] != "" {
			h, err := strconv.ParseFloat(r[3], 64)
			if err != nil {
				return nil, fmt.Errorf("%s: line %d: hours: %v", path, i+2, err)
			}
			d.Hours = &h
		}
		out = append(out, d)
	}
	return out, nil
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	return rows[1:], nil
}

// Run analyses every labelled document found in dir (the agreements
// folder) with rules and scores the findings against labels and deadlines.
func Run(ctx context.Context, dir string, labels []Label, deadlines []DeadlineLabel, rules *analyze.RuleSet) (*Report, error) {
	results, _, unreadable, err := analyzeDocs(ctx, dir, labels, rules)
	if err != nil {
		return nil, err
	}
	return scoreResults(results, unreadable, labels, deadlines), nil
}

// Opinion gives a second opinion on one document's result and applies its
// statuses to the findings (package analyze/llm with MayChangeVerdict).
type Opinion func(ctx context.Context, res *analyze.Result, in analyze.Inputs) error

// Change is a finding whose status the second opinion changed.
type Change struct {
	Document, Rule, From, To, Label, Reason string
}

// Compare scores the rules alone and the rules with a second opinion on
// the same documents: the opinion sees a copy of each result.
func Compare(ctx context.Context, dir string, labels []Label, deadlines []DeadlineLabel, rules *analyze.RuleSet, opinion Opinion) (rulesOnly, withModel *Report, err error) {
	results, inputs, unreadable, err := analyzeDocs(ctx, dir, labels, rules)
	if err != nil {
		return nil, nil, err
	}
	rulesOnly = scoreResults(results, unreadable, labels, deadlines)
	second := map[string]*analyze.Result{}
	var changes []Change
	opinionErrs := map[string][]string{}
	for doc, res := range results {
		if res == nil {
			second[doc] = nil
			continue
		}
		cp := *res
		cp.Findings = slices.Clone(res.Findings)
		if err := opinion(ctx, &cp, inputs[doc]); err != nil {
			return nil, nil, err
		}
		second[doc] = &cp
		if op := cp.SecondOpinion; op != nil {
			opinionErrs[doc] = op.Errors
			for _, rc := range op.Rechecks {
				if rc.Changed {
					changes = append(changes, Change{Document: doc, Rule: rc.Rule, From: rc.RuleStatus, To: rc.ModelStatus, Reason: rc.Reason})
				}
			}
		}
	}
	withModel = scoreResults(second, unreadable, labels, deadlines)
	// Only changes of labelled terms are listed; the others are counted.
	labelled := changes[:0]
	for _, c := range changes {
		for _, l := range labels {
			if l.Document == c.Document && l.Rule == c.Rule {
				c.Label = l.Label
				labelled = append(labelled, c)
				break
			}
		}
	}
	unlabelled := len(changes) - len(labelled)
	changes = labelled
	sort.Slice(changes, func(i, j int) bool {
		if changes[i].Document != changes[j].Document {
			return changes[i].Document < changes[j].Document
		}
		return changes[i].Rule < changes[j].Rule
	})
	withModel.Changes = changes
	withModel.UnlabelledChanges = unlabelled
	withModel.OpinionErrors = opinionErrs
	return rulesOnly, withModel, nil
}

// analyzeDocs reads and analyses every labelled document; a document that
// cannot be read maps to a nil result and an entry in unreadable.
func analyzeDocs(ctx context.Context, dir string, labels []Label, rules *analyze.RuleSet) (map[string]*analyze.Result, map[string]analyze.Inputs, map[string]string, error) {
	unreadable := map[string]string{}
	results := map[string]*analyze.Result{}
	inputs := map[string]analyze.Inputs{}
	var docs []string
	for _, l := range labels {
		if _, ok := results[l.Document]; !ok {
			results[l.Document] = nil
			docs = append(docs, l.Document)
		}
	}
	for _, doc := range docs {
		d, err := extract.Open(filepath.Join(dir, doc), extract.Options{})
		if err != nil {
			unreadable[doc] = err.Error()
			continue
		}
		in := analyze.Inputs{}
		if d.Agreement == nil {
			unreadable[doc] = "not an agreement"
			continue
		}
		in.Agreements = append(in.Agreements, d.Agreement)
		res, err := analyze.Run(ctx, in, rules, analyze.Options{})
		if err != nil {
			return nil, nil, nil, err
		}
		results[doc] = res
		inputs[doc] = in
	}
	return results, inputs, unreadable, nil
}

// scoreResults compares the results with the labels and deadlines.
func scoreResults(results map[string]*analyze.Result, unreadable map[string]string, labels []Label, deadlines []DeadlineLabel) *Report {
	rep := &Report{Unreadable: unreadable}
	scores := map[string]*TermScore{}
	var terms []string
	for _, l := range labels {
		s := scores[l.Term]
		if s == nil {
			s = &TermScore{Term: l.Term}
			scores[l.Term] = s
			terms = append(terms, l.Term)
		}
		o := Outcome{Label: l}
		res := results[l.Document]
		switch {
		case res == nil:
			o.Status = "unreadable: " + rep.Unreadable[l.Document]
		default:
			f := find(res, l.Rule)
			if f == nil {
				o.Status = "no such rule"
				break
			}
			o.Status = f.Status
			o.Predicted = f.Status == analyze.StatusMet || f.Status == analyze.StatusWeak
			if len(f.Evidence) > 0 {
				o.Quote = "§" + f.Evidence[0].Section + ": " + f.Evidence[0].Text
			}
		}
		rep.Outcomes = append(rep.Outcomes, o)
		switch {
		case l.Label == "uncertain":
			s.Uncertain++
		case res == nil:
			s.Unreadable++
		case o.Predicted && l.Label == "yes":
			s.TP++
		case o.Predicted:
			s.FP++
		case l.Label == "yes":
			s.FN++
		default:
			s.TN++
		}
	}
	for _, t := range terms {
		rep.Terms = append(rep.Terms, *scores[t])
	}
	for _, dl := range deadlines {
		do := DeadlineOutcome{DeadlineLabel: dl}
		res := results[dl.Document]
		if res == nil {
			do.Note = "unreadable"
			rep.Deadlines = append(rep.Deadlines, do)
			continue
		}
		if dl.Term != "breach_notification" {
			// A labelled non-breach deadline (a patching window) must not
			// be taken for the breach-notification deadline.
			f := find(res, "breach-notification")
			do.Got = deadlineOf(f)
			do.Match = do.Got == nil || do.Got.Hours == nil || dl.Hours == nil || *do.Got.Hours != *dl.Hours
			do.Note = "must not be read as a breach-notification deadline"
			rep.Deadlines = append(rep.Deadlines, do)
			continue
		}
		do.Got = deadlineOf(find(res, "breach-notification"))
		do.Match = do.Got != nil && do.Got.Text == dl.Text && do.Got.Grade == dl.Grade && sameHours(do.Got.Hours, dl.Hours)
		rep.Deadlines = append(rep.Deadlines, do)
	}
	return rep
}

func find(res *analyze.Result, rule string) *analyze.Finding {
	for i := range res.Findings {
		if res.Findings[i].Rule == rule {
			return &res.Findings[i]
		}
	}
	return nil
}

func deadlineOf(f *analyze.Finding) *analyze.Deadline {
	if f == nil || f.Deadline == nil || f.Deadline.Grade == analyze.GradeNone {
		return nil
	}
	return f.Deadline
}

func sameHours(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// WriteComparison prints the rules-plus-model report of Compare: its
// per-term table, each status the model changed with the label, and the
// model's errors.
func (r *Report) WriteComparison(w io.Writer) error {
	var b strings.Builder
	writeTerms(&b, r.Terms)
	fmt.Fprintf(&b, "\nstatuses the model changed on labelled terms (%d; %d more on unlabelled terms)\n", len(r.Changes), r.UnlabelledChanges)
	for _, c := range r.Changes {
		verdict := "?"
		switch {
		case c.Label == "uncertain":
			verdict = "unscored"
		case (c.To == analyze.StatusMet || c.To == analyze.StatusWeak) == (c.Label == "yes"):
			verdict = "right"
		default:
			verdict = "wrong"
		}
		fmt.Fprintf(&b, "  %-8s %s %s: %s → %s (label %s): %s\n", verdict, c.Document, c.Rule, c.From, c.To, c.Label, trim(c.Reason))
	}
	var docs []string
	for d, errs := range r.OpinionErrors {
		if len(errs) > 0 {
			docs = append(docs, d)
		}
	}
	sort.Strings(docs)
	if len(docs) > 0 {
		fmt.Fprintf(&b, "\nlanguage model errors\n")
		for _, d := range docs {
			for _, e := range r.OpinionErrors[d] {
				fmt.Fprintf(&b, "  %s: %s\n", d, trim(e))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeTerms(b *strings.Builder, terms []TermScore) {
	fmt.Fprintf(b, "%-26s %4s %4s %4s %4s %9s %6s %10s %9s\n", "term", "TP", "FP", "FN", "TN", "precision", "recall", "unreadable", "uncertain")
	for _, s := range terms {
		fmt.Fprintf(b, "%-26s %4d %4d %4d %4d %9s %6s %10d %9d\n", s.Term, s.TP, s.FP, s.FN, s.TN, f2(s.Precision()), f2(s.Recall()), s.Unreadable, s.Uncertain)
	}
}

// Write prints the per-term table, the deadline checks and every
// disagreement with its evidence.
func (r *Report) Write(w io.Writer) error {
	var b strings.Builder
	writeTerms(&b, r.Terms)
	fmt.Fprintf(&b, "\ndeadlines\n")
	for _, d := range r.Deadlines {
		got := "none"
		if d.Got != nil {
			got = fmt.Sprintf("%q %s %s", d.Got.Text, hours(d.Got.Hours), d.Got.Grade)
		}
		mark := "ok"
		if !d.Match {
			mark = "DIFFERS"
		}
		fmt.Fprintf(&b, "  %-4s %s %s: want %q %s %s; got %s %s\n", mark, d.Document, d.Term, d.Text, hours(d.Hours), d.Grade, got, d.Note)
	}
	if dis := r.Disagreements(); len(dis) > 0 {
		fmt.Fprintf(&b, "\ndisagreements\n")
		for _, o := range dis {
			fmt.Fprintf(&b, "  %s %s: label %s (%s), engine %s %s\n", o.Document, o.Rule, o.Label.Label, o.Evidence, o.Status, trim(o.Quote))
		}
	}
	if len(r.Unreadable) > 0 {
		fmt.Fprintf(&b, "\nunreadable documents (not scored)\n")
		var docs []string
		for d := range r.Unreadable {
			docs = append(docs, d)
		}
		sort.Strings(docs)
		for _, d := range docs {
			fmt.Fprintf(&b, "  %s: %s\n", d, trim(r.Unreadable[d]))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func f2(x float64) string {
	if math.IsNaN(x) {
		return "-"
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

func hours(h *float64) string {
	if h == nil {
		return "(no hours)"
	}
	return strconv.FormatFloat(*h, 'f', -1, 64) + "h"
}

func trim(s string) string {
	if len(s) > 160 {
		return s[:160] + "…"
	}
	return s
}

// ErrBelowThreshold is returned by Check when a term falls below its floor.
var ErrBelowThreshold = errors.New("below the recorded accuracy")

// Floor is the minimum precision and recall recorded for a term.
type Floor struct{ Precision, Recall float64 }

// Check compares the report with floors; NaN scores (no predictions or no
// positives) pass.
func (r *Report) Check(floors map[string]Floor) error {
	var bad []string
	for _, s := range r.Terms {
		f, ok := floors[s.Term]
		if !ok {
			continue
		}
		if p := s.Precision(); !math.IsNaN(p) && p < f.Precision {
			bad = append(bad, fmt.Sprintf("%s precision %.2f < %.2f", s.Term, p, f.Precision))
		}
		if rc := s.Recall(); !math.IsNaN(rc) && rc < f.Recall {
			bad = append(bad, fmt.Sprintf("%s recall %.2f < %.2f", s.Term, rc, f.Recall))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%w: %s", ErrBelowThreshold, strings.Join(bad, "; "))
	}
	return nil
}

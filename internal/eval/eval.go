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
	rep := &Report{Unreadable: map[string]string{}}
	results := map[string]*analyze.Result{}
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
			rep.Unreadable[doc] = err.Error()
			continue
		}
		in := analyze.Inputs{}
		if d.Agreement == nil {
			rep.Unreadable[doc] = "not an agreement"
			continue
		}
		in.Agreements = append(in.Agreements, d.Agreement)
		res, err := analyze.Run(ctx, in, rules, analyze.Options{})
		if err != nil {
			return nil, err
		}
		results[doc] = res
	}
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
	return rep, nil
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

// Write prints the per-term table, the deadline checks and every
// disagreement with its evidence.
func (r *Report) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-26s %4s %4s %4s %4s %9s %6s %10s %9s\n", "term", "TP", "FP", "FN", "TN", "precision", "recall", "unreadable", "uncertain")
	for _, s := range r.Terms {
		fmt.Fprintf(&b, "%-26s %4d %4d %4d %4d %9s %6s %10d %9d\n", s.Term, s.TP, s.FP, s.FN, s.TN, f2(s.Precision()), f2(s.Recall()), s.Unreadable, s.Uncertain)
	}
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

package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
)

// WriteScores prints only the aggregates: per split the per-term table
// and an overall line, then the grade agreement per term; never a
// document's name or quote (what a test of a sealed test half may print).
func (r *Report) WriteScores(w io.Writer) error {
	var b strings.Builder
	r.writeScores(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) writeScores(b *strings.Builder) {
	fmt.Fprintf(b, "corpus %s (%s layout)\n", r.Corpus, r.Layout)
	for _, s := range r.Splits {
		fmt.Fprintf(b, "\nsplit %s: %d documents\n", s.Split, s.Documents)
		writeTerms(b, s.Terms)
		fmt.Fprintf(b, "%s\n", s.overallLine())
	}
	writeGrades(b, r.Terms)
}

// Write prints, per split, the per-term table and an overall line, then
// the grade agreement, the deadline checks, every disagreement and
// section miss with the engine's quote, and the documents not scored.
func (r *Report) Write(w io.Writer) error {
	var b strings.Builder
	r.writeScores(&b)
	if len(r.Deadlines) > 0 {
		fmt.Fprintf(&b, "\ndeadlines (hours and grade)\n")
		for _, d := range r.Deadlines {
			got := "none"
			if d.Got != nil {
				got = fmt.Sprintf("%q %s %s", d.Got.Text, hours(d.Got.Hours), d.Got.Grade)
			}
			mark := "ok"
			switch {
			case d.Note == statusAbsent || d.Note == "unreadable":
				mark = "-"
			case !d.Match:
				mark = "DIFFERS"
			}
			note := d.Note
			if d.Match && d.Term == "breach_notification" && !d.SameText {
				note = "other wording"
			}
			if note != "" {
				note = " (" + note + ")"
			}
			fmt.Fprintf(&b, "  %-7s %s %s %s: want %q %s %s; got %s%s\n", mark, d.Split, d.Document, d.Term, d.Text, hours(d.Hours), d.Grade, got, note)
		}
	}
	if dis := r.Disagreements(); len(dis) > 0 {
		fmt.Fprintf(&b, "\ndisagreements\n")
		for _, o := range dis {
			fmt.Fprintf(&b, "  %s %s %s: label %s%s%s, engine %s%s\n", o.Split, o.Document, o.Rule, o.Label.Label, gradeNote(o.Grade), labelPlaces(o.Label), o.Status, quoteNote(o.Section, o.Quote))
		}
	}
	if miss := r.SectionMisses(); len(miss) > 0 {
		fmt.Fprintf(&b, "\nsection misses (found, but citing another section)\n")
		for _, o := range miss {
			fmt.Fprintf(&b, "  %s %s %s: label %s, engine%s\n", o.Split, o.Document, o.Rule, strings.Join(o.Sections, "; "), quoteNote(o.Section, o.Quote))
		}
	}
	if miss := r.GradeMisses(); len(miss) > 0 {
		fmt.Fprintf(&b, "\ngrade differences (found, labelled met or weak)\n")
		for _, o := range miss {
			fmt.Fprintf(&b, "  %s %s %s: label %s, engine %s%s\n", o.Split, o.Document, o.Rule, o.Grade, o.Status, quoteNote(o.Section, o.Quote))
		}
	}
	if len(r.Absent) > 0 {
		fmt.Fprintf(&b, "\nabsent documents (labelled, not in the documents folder; not scored)\n")
		for _, d := range r.Absent {
			fmt.Fprintf(&b, "  %s %s: %s\n", d.ID, d.File, d.Where())
		}
	}
	if len(r.Unreadable) > 0 {
		fmt.Fprintf(&b, "\nunreadable documents (not scored)\n")
		for _, d := range sortedKeys(r.Unreadable) {
			fmt.Fprintf(&b, "  %s: %s\n", d, trim(r.Unreadable[d]))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// labelPlaces is the label's sections and note in parentheses, or "".
// The evidence of the ground-truth layout (split all) already names its
// sections.
func labelPlaces(l Label) string {
	s := l.Note
	if len(l.Sections) > 0 && l.Split != SplitAll {
		s = strings.TrimSuffix(strings.Join(l.Sections, "; ")+": "+l.Note, ": ")
	}
	if s == "" {
		return ""
	}
	return " (" + trim(s) + ")"
}

func gradeNote(g string) string {
	if g == "" {
		return ""
	}
	return " " + g
}

func quoteNote(section, quote string) string {
	if quote == "" {
		return ""
	}
	if section == "" {
		return " " + trim(quote)
	}
	return " §" + section + ": " + trim(quote)
}

func (s SplitScore) overallLine() string {
	o := s.Overall
	line := fmt.Sprintf("overall %s: precision %s (%d/%d), recall %s (%d/%d), section %s (%d/%d)",
		s.Split, f2(o.Precision()), o.TP, o.TP+o.FP, f2(o.Recall()), o.TP, o.TP+o.FN, f2(o.SectionRate()), o.SectionHit, o.SectionChecked)
	if n := o.GradeChecked(); n > 0 {
		line += fmt.Sprintf(", grade %s (%d/%d)", f2(o.GradeRate()), o.MetMet+o.WeakWeak, n)
	}
	line += fmt.Sprintf(", deadlines exact %d/%d", s.DeadlinesExact, s.DeadlinesChecked)
	if n := o.Absent + o.Unreadable; n > 0 {
		line += fmt.Sprintf("; %d labels not scored (%d absent, %d unreadable)", n, o.Absent, o.Unreadable)
	}
	return line
}

func writeTerms(b *strings.Builder, terms []TermScore) {
	fmt.Fprintf(b, "%-26s %4s %4s %4s %4s %9s %6s %12s %6s %10s %9s\n", "term", "TP", "FP", "FN", "TN", "precision", "recall", "section", "absent", "unreadable", "uncertain")
	for _, s := range terms {
		sec := "-"
		if s.SectionChecked > 0 {
			sec = fmt.Sprintf("%s %d/%d", f2(s.SectionRate()), s.SectionHit, s.SectionChecked)
		}
		fmt.Fprintf(b, "%-26s %4d %4d %4d %4d %9s %6s %12s %6d %10d %9d\n", s.Term, s.TP, s.FP, s.FN, s.TN, f2(s.Precision()), f2(s.Recall()), sec, s.Absent, s.Unreadable, s.Uncertain)
	}
}

// writeGrades prints the grade agreement table when any label has a grade.
func writeGrades(b *strings.Builder, terms []TermScore) {
	any := false
	for _, s := range terms {
		if s.GradeChecked()+s.ByRef > 0 {
			any = true
		}
	}
	if !any {
		return
	}
	fmt.Fprintf(b, "\ngrade agreement on true positives (label→engine)\n")
	fmt.Fprintf(b, "%-26s %8s %9s %9s %10s %6s %12s\n", "term", "met→met", "met→weak", "weak→met", "weak→weak", "agree", "by-reference")
	for _, s := range terms {
		if s.GradeChecked()+s.ByRef == 0 {
			continue
		}
		fmt.Fprintf(b, "%-26s %8d %9d %9d %10d %6s %12s\n", s.Term, s.MetMet, s.MetWeak, s.WeakMet, s.WeakWeak, f2(s.GradeRate()), fmt.Sprintf("%d/%d", s.ByRefAgree, s.ByRef))
	}
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

// JSON shapes (ssrm eval --format json). Rates are null where undefined.

type jsonTerm struct {
	Term           string   `json:"term"`
	TP             int      `json:"tp"`
	FP             int      `json:"fp"`
	FN             int      `json:"fn"`
	TN             int      `json:"tn"`
	Precision      *float64 `json:"precision"`
	Recall         *float64 `json:"recall"`
	SectionRate    *float64 `json:"section_rate"`
	SectionHit     int      `json:"section_hit"`
	SectionChecked int      `json:"section_checked"`
	GradeRate      *float64 `json:"grade_rate"`
	GradeChecked   int      `json:"grade_checked"`
	MetMet         int      `json:"met_met"`
	MetWeak        int      `json:"met_weak"`
	WeakMet        int      `json:"weak_met"`
	WeakWeak       int      `json:"weak_weak"`
	ByReference    int      `json:"by_reference"`
	ByRefAgree     int      `json:"by_reference_agree"`
	Absent         int      `json:"absent"`
	Unreadable     int      `json:"unreadable"`
	Uncertain      int      `json:"uncertain"`
}

type jsonSplit struct {
	Split            string     `json:"split"`
	Documents        int        `json:"documents"`
	Overall          jsonTerm   `json:"overall"`
	DeadlinesExact   int        `json:"deadlines_exact"`
	DeadlinesChecked int        `json:"deadlines_checked"`
	Terms            []jsonTerm `json:"terms"`
}

type jsonOutcome struct {
	Split     string   `json:"split"`
	Document  string   `json:"document"`
	Term      string   `json:"term"`
	Label     string   `json:"label"`
	Grade     string   `json:"grade,omitempty"`
	Sections  []string `json:"sections,omitempty"`
	Status    string   `json:"status"`
	Found     bool     `json:"found"`
	Section   string   `json:"section,omitempty"`
	Quote     string   `json:"quote,omitempty"`
	SectionOK *bool    `json:"section_ok,omitempty"`
}

type jsonDeadline struct {
	Split     string   `json:"split"`
	Document  string   `json:"document"`
	Term      string   `json:"term"`
	Text      string   `json:"text"`
	Hours     *float64 `json:"hours"`
	Grade     string   `json:"grade"`
	GotText   string   `json:"got_text,omitempty"`
	GotHours  *float64 `json:"got_hours,omitempty"`
	GotGrade  string   `json:"got_grade,omitempty"`
	Match     bool     `json:"match"`
	SameText  bool     `json:"same_text"`
	Note      string   `json:"note,omitempty"`
	NotScored bool     `json:"not_scored,omitempty"`
}

type jsonAbsent struct {
	Document string `json:"document"`
	File     string `json:"file"`
	Manifest string `json:"manifest,omitempty"`
	Repo     string `json:"repo,omitempty"`
	Path     string `json:"path,omitempty"`
	Commit   string `json:"commit,omitempty"`
	URL      string `json:"url,omitempty"`
}

// WriteJSON prints the report as one JSON object: corpus, layout, splits
// (each with overall and per-term scores), outcomes, deadlines, absent and
// unreadable documents.
func (r *Report) WriteJSON(w io.Writer) error {
	out := struct {
		Corpus     string            `json:"corpus"`
		Layout     string            `json:"layout"`
		Splits     []jsonSplit       `json:"splits"`
		Outcomes   []jsonOutcome     `json:"outcomes"`
		Deadlines  []jsonDeadline    `json:"deadlines"`
		Absent     []jsonAbsent      `json:"absent"`
		Unreadable map[string]string `json:"unreadable"`
	}{Corpus: r.Corpus, Layout: r.Layout, Outcomes: []jsonOutcome{}, Deadlines: []jsonDeadline{}, Absent: []jsonAbsent{}, Unreadable: r.Unreadable}
	if out.Unreadable == nil {
		out.Unreadable = map[string]string{}
	}
	for _, s := range r.Splits {
		js := jsonSplit{Split: s.Split, Documents: s.Documents, Overall: toJSONTerm(s.Overall), DeadlinesExact: s.DeadlinesExact, DeadlinesChecked: s.DeadlinesChecked}
		for _, t := range s.Terms {
			js.Terms = append(js.Terms, toJSONTerm(t))
		}
		out.Splits = append(out.Splits, js)
	}
	for _, o := range r.Outcomes {
		jo := jsonOutcome{Split: o.Split, Document: o.Document, Term: o.Term, Label: o.Label.Label, Grade: o.Grade, Sections: o.Sections,
			Status: o.Status, Found: o.Predicted, Section: o.Section, Quote: o.Quote}
		if o.SectionChecked {
			ok := o.SectionOK
			jo.SectionOK = &ok
		}
		out.Outcomes = append(out.Outcomes, jo)
	}
	for _, d := range r.Deadlines {
		jd := jsonDeadline{Split: d.Split, Document: d.Document, Term: d.Term, Text: d.Text, Hours: d.Hours, Grade: d.Grade, Match: d.Match, SameText: d.SameText, Note: d.Note,
			NotScored: d.Note == statusAbsent || d.Note == "unreadable"}
		if d.Got != nil {
			jd.GotText, jd.GotHours, jd.GotGrade = d.Got.Text, d.Got.Hours, d.Got.Grade
		}
		out.Deadlines = append(out.Deadlines, jd)
	}
	for _, d := range r.Absent {
		out.Absent = append(out.Absent, jsonAbsent{Document: d.ID, File: d.File, Manifest: d.Manifest, Repo: d.Repo, Path: d.RepoPath, Commit: d.Commit, URL: d.URL})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func toJSONTerm(s TermScore) jsonTerm {
	return jsonTerm{Term: s.Term, TP: s.TP, FP: s.FP, FN: s.FN, TN: s.TN,
		Precision: num(s.Precision()), Recall: num(s.Recall()),
		SectionRate: num(s.SectionRate()), SectionHit: s.SectionHit, SectionChecked: s.SectionChecked,
		GradeRate: num(s.GradeRate()), GradeChecked: s.GradeChecked(), MetMet: s.MetMet, MetWeak: s.MetWeak, WeakMet: s.WeakMet, WeakWeak: s.WeakWeak,
		ByReference: s.ByRef, ByRefAgree: s.ByRefAgree, Absent: s.Absent, Unreadable: s.Unreadable, Uncertain: s.Uncertain}
}

// num rounds a rate to four places; NaN is null.
func num(x float64) *float64 {
	if math.IsNaN(x) {
		return nil
	}
	v := math.Round(x*10000) / 10000
	return &v
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

func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

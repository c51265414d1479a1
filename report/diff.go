package report

import (
	"sort"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/ssrm-dev/ssrm/analyze"
)

// DiffSchema names the JSON shape of ssrm diff; it changes when a field is
// renamed.
const DiffSchema = "ssrm.diff/v1"

// How a term changed from one round of an agreement to the next.
const (
	// ChangeFixed: the term's status rose (missing → weak, weak → met),
	// or kept its rank and only grew stronger (an element gained, a
	// shorter deadline, a weakener dropped; see Detail).
	ChangeFixed = "fixed"
	// ChangeRegressed: the term's status fell (met → weak, weak → missing,
	// or a questionnaire promise the agreement now contradicts), or kept
	// its rank and grew weaker in any way (an element lost, a longer
	// deadline, "shall" made "may", a weakener or red flag added).
	ChangeRegressed = "regressed"
	// ChangeNew: the term is assessed in the new round only (a pack added,
	// or no agreement in the old round).
	ChangeNew = "new"
	// ChangeRemoved: the term is assessed in the old round only.
	ChangeRemoved = "removed"
	// ChangeUnchanged: the same status rank in both rounds and nothing
	// weaker or stronger (the status may still move between weak and
	// by-reference, and the cited wording may change or move).
	ChangeUnchanged = "unchanged"
)

// changeOrder lists the classes in the order the reports show them.
var changeOrder = []string{ChangeRegressed, ChangeFixed, ChangeNew, ChangeRemoved, ChangeUnchanged}

// Diff compares two analyses of one vendor: an agreement (or a vendor
// folder) and its revision.
type Diff struct {
	Schema string `json:"schema"`
	Vendor string `json:"vendor"`
	Old    Round  `json:"old"`
	New    Round  `json:"new"`
	// Terms are the rules of either round, regressions first, then fixes,
	// new, removed and unchanged terms; by severity within each class, a
	// change of status before a change within the same status, then by
	// rule id.
	Terms   []TermChange `json:"terms"`
	Summary DiffSummary  `json:"summary"`
	// Warnings are each round's (analyze.Result.Warnings, the message
	// led by "old round: " or "new round: ") and one when the rounds name
	// different vendors (analyze.RoundsWarning).
	Warnings []analyze.Warning `json:"warnings,omitempty"`
}

// Round is one side of a diff.
type Round struct {
	// Inputs are the documents read, named as given.
	Inputs  []string `json:"inputs"`
	Line    string   `json:"line"`
	Score   int      `json:"score"`
	Verdict string   `json:"verdict"`
}

// DiffSummary counts the terms by class.
type DiffSummary struct {
	Fixed     int `json:"fixed"`
	Regressed int `json:"regressed"`
	New       int `json:"new"`
	Removed   int `json:"removed"`
	Unchanged int `json:"unchanged"`
	// Reworded counts the terms whose cited clauses' text changed.
	Reworded int `json:"reworded"`
	// Weakened and Strengthened count the regressed and fixed terms
	// whose status rank did not change (counted in Regressed and Fixed
	// too); Moved the terms whose first cited clause moved.
	Weakened     int `json:"weakened"`
	Strengthened int `json:"strengthened"`
	Moved        int `json:"moved"`
}

// TermChange is one rule's status in both rounds. A status is the
// finding's, or "contradicted" when the round's questionnaire promises
// what its agreement does not keep; "" when the round does not assess the
// rule.
type TermChange struct {
	Rule      string           `json:"rule"`
	Title     string           `json:"title"`
	Severity  analyze.Severity `json:"severity"`
	Change    string           `json:"change"`
	OldStatus string           `json:"old_status"`
	NewStatus string           `json:"new_status"`
	// Explanation is the new round's reason for its status (the old
	// round's for a removed term).
	Explanation string `json:"explanation"`
	// Details are the changes within the term, whatever its status did:
	// weaker ones first, then stronger ones, then moves (none when the
	// term is assessed in one round only).
	Details []Detail `json:"details,omitempty"`
	// Clauses are the agreement clauses cited for the term whose text
	// differs between the rounds (none when the wording is the same).
	Clauses []ClauseChange `json:"clauses,omitempty"`
}

// sameRank reports whether the term kept its status rank (and is assessed
// in both rounds).
func (t TermChange) sameRank() bool {
	return t.OldStatus != "" && t.NewStatus != "" && statusRank(t.OldStatus) == statusRank(t.NewStatus)
}

// moved reports whether the term's first cited clause moved.
func (t TermChange) moved() bool {
	for _, d := range t.Details {
		if d.Kind == DetailEvidence {
			return true
		}
	}
	return false
}

// ClauseChange is a cited clause's text in both rounds, word by word.
// Old or New is "" (and Words all inserted or all deleted) when only one
// round cites a clause for the term.
type ClauseChange struct {
	Old   string   `json:"old"` // where the old round cites it: "v1.pdf p. 2 §4.1"
	New   string   `json:"new"`
	Words []WordOp `json:"words"`
}

// WordOp is a run of words kept ("="), deleted ("-") or inserted ("+").
type WordOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// statusRank orders statuses for a diff: met above weak and by-reference,
// above missing and contradicted; 0 for not assessed.
// onlyRedFlags says a finding's evidence is all red flags: the term is
// stated only by a wording that works against it.
func onlyRedFlags(f analyze.Finding) bool {
	if len(f.RedFlags) == 0 || len(f.Evidence) == 0 {
		return false
	}
	flagged := map[[3]string]bool{}
	for _, r := range f.RedFlags {
		flagged[[3]string{r.Evidence.File, r.Evidence.Section, r.Evidence.Text}] = true
	}
	for _, e := range f.Evidence {
		if !flagged[[3]string{e.File, e.Section, e.Text}] {
			return false
		}
	}
	return true
}

// redFlagEffect says the details hold a red flag with that effect: added
// (weaker) or dropped (stronger).
func redFlagEffect(ds []Detail, effect string) bool {
	for _, d := range ds {
		if d.Kind == DetailRedFlag && d.Effect == effect {
			return true
		}
	}
	return false
}

func statusRank(status string) int {
	switch status {
	case analyze.StatusMet:
		return 3
	case analyze.StatusWeak, analyze.StatusByReference:
		return 2
	case analyze.StatusMissing, analyze.StatusContradicted, analyze.StatusNotCovered:
		return 1 // not covered: not found either, though not held against the vendor
	}
	return 0
}

// term is one rule's finding in one round, with its effective status.
type term struct {
	f      analyze.Finding
	status string
}

// terms indexes a round's findings by rule id; a rule the questionnaire
// contradicts takes the status "contradicted".
func terms(res *analyze.Result) map[string]term {
	out := make(map[string]term, len(res.Findings))
	for _, f := range res.Findings {
		out[f.Rule] = term{f: f, status: f.Status}
	}
	for _, c := range res.Contradictions {
		t, ok := out[c.Rule]
		if !ok {
			t.f = c
		}
		t.status = analyze.StatusContradicted
		out[c.Rule] = t
	}
	return out
}

// Compare says, term by term, what changed from the old round to the new:
// fixed, regressed, new, removed or unchanged, by the rank of the status
// (met > weak, by-reference > missing, contradicted); a term that keeps
// its rank is regressed when any of its Details is weaker, fixed when
// some are stronger and none weaker. The cited clauses' text is compared
// word by word.
func Compare(old, new *analyze.Result) *Diff {
	d := &Diff{Schema: DiffSchema, Vendor: new.Vendor, Old: round(old), New: round(new)}
	for _, r := range []struct {
		label string
		res   *analyze.Result
	}{{"old round: ", old}, {"new round: ", new}} {
		for _, w := range r.res.Warnings {
			w.Message = r.label + w.Message
			d.Warnings = append(d.Warnings, w)
		}
	}
	if w := analyze.RoundsWarning(old, new); w != nil {
		d.Warnings = append(d.Warnings, *w)
	}
	ot, nt := terms(old), terms(new)
	ids := make(map[string]bool)
	for id := range ot {
		ids[id] = true
	}
	for id := range nt {
		ids[id] = true
	}
	for id := range ids {
		o, inOld := ot[id]
		n, inNew := nt[id]
		or, nr := 0, 0
		if inOld {
			or = statusRank(o.status)
		}
		if inNew {
			nr = statusRank(n.status)
		}
		tc := TermChange{Rule: id, OldStatus: o.status, NewStatus: n.status}
		ref := n.f
		if !inNew {
			ref = o.f
		}
		tc.Title, tc.Severity, tc.Explanation = ref.Title, ref.Severity, ref.Explanation
		switch {
		case or == 0 && nr == 0:
			tc.Change = ChangeUnchanged
		case or == 0:
			tc.Change = ChangeNew
		case nr == 0:
			tc.Change = ChangeRemoved
		case nr > or:
			tc.Change = ChangeFixed
		case nr < or:
			tc.Change = ChangeRegressed
		default:
			tc.Change = ChangeUnchanged
		}
		if inOld && inNew {
			tc.Details = details(o, n)
			switch {
			case tc.Change == ChangeFixed && onlyRedFlags(n.f) && redFlagEffect(tc.Details, EffectWeaker):
				// "missing → weak" because the new round added "we may
				// amend this agreement at our discretion": the term is
				// stated only by the wording that works against it.
				tc.Change = ChangeRegressed
			case tc.Change == ChangeRegressed && onlyRedFlags(o.f) && redFlagEffect(tc.Details, EffectStronger):
				// The other way round: that wording gone is a fix.
				tc.Change = ChangeFixed
			}
			if tc.Change == ChangeUnchanged {
				switch weigh(tc.Details) {
				case EffectWeaker:
					tc.Change = ChangeRegressed
				case EffectStronger:
					tc.Change = ChangeFixed
				}
			}
		}
		tc.Clauses = clauseChanges(clauses(o.f), clauses(n.f))
		d.Terms = append(d.Terms, tc)
	}
	classRank := make(map[string]int, len(changeOrder))
	for i, c := range changeOrder {
		classRank[c] = i
	}
	sort.Slice(d.Terms, func(i, j int) bool {
		a, b := d.Terms[i], d.Terms[j]
		if a.Change != b.Change {
			return classRank[a.Change] < classRank[b.Change]
		}
		if a.Severity.Rank() != b.Severity.Rank() {
			return a.Severity.Rank() > b.Severity.Rank()
		}
		if a.sameRank() != b.sameRank() {
			return !a.sameRank()
		}
		return a.Rule < b.Rule
	})
	for _, t := range d.Terms {
		switch t.Change {
		case ChangeFixed:
			d.Summary.Fixed++
			if t.sameRank() {
				d.Summary.Strengthened++
			}
		case ChangeRegressed:
			d.Summary.Regressed++
			if t.sameRank() {
				d.Summary.Weakened++
			}
		case ChangeNew:
			d.Summary.New++
		case ChangeRemoved:
			d.Summary.Removed++
		default:
			d.Summary.Unchanged++
		}
		if len(t.Clauses) > 0 {
			d.Summary.Reworded++
		}
		if t.moved() {
			d.Summary.Moved++
		}
	}
	return d
}

func round(res *analyze.Result) Round {
	r := Round{Inputs: []string{}, Line: res.Line(), Score: res.Score, Verdict: res.Verdict}
	for _, in := range res.Inputs {
		r.Inputs = append(r.Inputs, in.Path)
	}
	return r
}

// clauses are the agreement evidence of a finding (questionnaire cells
// left out), one per cited place.
func clauses(f analyze.Finding) []analyze.Evidence {
	var out []analyze.Evidence
	seen := make(map[string]bool)
	for _, e := range f.Evidence {
		if e.Sheet != nil || e.Text == "" || seen[where(e)+e.Text] {
			continue
		}
		seen[where(e)+e.Text] = true
		out = append(out, e)
	}
	return out
}

// clauseChanges pairs the clauses the two rounds cite (by section; a
// single unpaired clause on each side is paired too, as a renumbered
// clause) and compares the pairs' text word by word. Clauses whose text is
// the same are left out.
func clauseChanges(old, new []analyze.Evidence) []ClauseChange {
	var out []ClauseChange
	usedNew := make([]bool, len(new))
	var oldLeft []analyze.Evidence
	for _, o := range old {
		k := -1
		for j, n := range new {
			if !usedNew[j] && o.Section != "" && n.Section == o.Section {
				k = j
				break
			}
		}
		if k < 0 {
			oldLeft = append(oldLeft, o)
			continue
		}
		usedNew[k] = true
		if o.Text != new[k].Text {
			out = append(out, ClauseChange{Old: where(o), New: where(new[k]), Words: WordDiff(o.Text, new[k].Text)})
		}
	}
	var newLeft []analyze.Evidence
	for j, n := range new {
		if !usedNew[j] {
			newLeft = append(newLeft, n)
		}
	}
	if len(oldLeft) == 1 && len(newLeft) == 1 {
		// One clause cited on each side and most of its words kept: the
		// clause was renumbered or moved, not replaced.
		o, n := oldLeft[0], newLeft[0]
		if words := WordDiff(o.Text, n.Text); similar(words, o.Text, n.Text) {
			if o.Text != n.Text {
				out = append(out, ClauseChange{Old: where(o), New: where(n), Words: words})
			}
			return out
		}
	}
	for _, o := range oldLeft {
		out = append(out, ClauseChange{Old: where(o), Words: []WordOp{{Op: "-", Text: strings.Join(strings.Fields(o.Text), " ")}}})
	}
	for _, n := range newLeft {
		out = append(out, ClauseChange{New: where(n), Words: []WordOp{{Op: "+", Text: strings.Join(strings.Fields(n.Text), " ")}}})
	}
	return out
}

// similar says the word diff of two texts keeps at least half of the
// longer one's words, in order (a renumbered or lightly edited clause, not
// another clause).
func similar(words []WordOp, a, b string) bool {
	kept := 0
	for _, op := range words {
		if op.Op == "=" {
			kept += len(strings.Fields(op.Text))
		}
	}
	return 2*kept >= max(len(strings.Fields(a)), len(strings.Fields(b)))
}

// WordDiff compares two texts word by word (words are separated by white
// space, which is not compared): the shortest edit that turns old into
// new, as runs of kept, deleted and inserted words, each run's words
// joined by one space.
func WordDiff(old, new string) []WordOp {
	dmp := diffmatchpatch.New()
	// Line mode on one word per line: each distinct word becomes one rune.
	a, b, words := dmp.DiffLinesToRunes(wordLines(old), wordLines(new))
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(a, b, false), words)
	var out []WordOp
	for _, df := range diffs {
		op := "="
		switch df.Type {
		case diffmatchpatch.DiffDelete:
			op = "-"
		case diffmatchpatch.DiffInsert:
			op = "+"
		}
		text := strings.Join(strings.Fields(df.Text), " ")
		if text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += " " + text
			continue
		}
		out = append(out, WordOp{Op: op, Text: text})
	}
	return out
}

func wordLines(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	return b.String()
}

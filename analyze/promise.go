package analyze

import (
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

func itemEvidence(q *extract.Questionnaire, it extract.Item, note string) Evidence {
	sheet, cell := it.Sheet, it.Cell
	text := it.ID + ": " + it.Answer
	if it.Notes != "" {
		text += " — " + it.Notes
	}
	if it.CSPImplementation != "" && it.CSPImplementation != it.Notes {
		text += " — " + it.CSPImplementation
	}
	return Evidence{File: q.Path, Sheet: &sheet, Cell: &cell, Text: trimQuote(text), Note: note}
}

// A promise is what a questionnaire answer says of a rule's term: a yes
// (or a sentence that states the term) promises it; an answer that only
// points elsewhere ("See our SOC 2 report") promises it by reference; a
// no denies it.
type promise struct {
	item extract.Item
	ev   *Evidence
	// kind is answerAffirm, answerStatement, answerReference,
	// answerPartial or answerDeny.
	kind string
	// deadline is the notification deadline the answer states (deadline
	// rules); advance the notice period before a change, in hours
	// (advance-notice questions), with its words.
	deadline    Deadline
	advance     *float64
	advanceText string
	// negative: the question is one a "no" answers well ("Will any data
	// leave the United States?"), so the promise is a no, the denial a yes.
	negative bool
}

// binding reports whether the promise is a yes or a statement of the term,
// which the cross-check holds the agreement to.
func (p *promise) binding() bool {
	return p != nil && (p.kind == answerAffirm || p.kind == answerStatement)
}

// what names the answer for explanations: "yes (SEF-07.1)".
func (p *promise) what() string {
	switch p.kind {
	case answerStatement:
		return "states it (" + p.item.ID + ")"
	case answerReference:
		return "points elsewhere for it (" + p.item.ID + ")"
	case answerPartial:
		return "answers partly (" + p.item.ID + ")"
	case answerDeny:
		if p.negative {
			return "answers yes to " + p.item.ID + ", a question a no answers well"
		}
		return "answers no (" + p.item.ID + ")"
	}
	if p.negative {
		return "answers no to " + p.item.ID + ", a question a no answers well"
	}
	return "answers yes (" + p.item.ID + ")"
}

// promises finds what the questionnaire answers for a rule: the items the
// crosswalk maps to it and those whose id the rule names (CAIQ "SEF-07").
// best is the strongest promise — a yes or a statement before a pointer or
// a partial answer; for deadline rules the shortest deadline, for advance
// notice the longest period — and denial the first no, when nothing
// promises the term.
func (qc *qcontext) promises(r *Rule) (best, denial *promise) {
	if qc == nil || qc.q == nil {
		return nil, nil
	}
	rank := map[string]int{answerAffirm: 3, answerStatement: 3, answerReference: 2, answerPartial: 1}
	for i, it := range qc.q.Items {
		pl := qc.place.Items[i]
		if !hasIDPrefix(it.ID, r.Questionnaire.IDs) && !containsString(pl.Rules, r.ID) {
			continue
		}
		kind := qc.kind(i)
		if kind == answerStatement {
			kind = qc.readStatement(r, i)
		}
		if kind == answerDeny {
			if denial == nil {
				denial = &promise{item: it, kind: kind, negative: pl.Negative}
			}
			continue
		}
		if rank[kind] == 0 {
			continue
		}
		p := &promise{item: it, kind: kind, deadline: Deadline{Grade: GradeNone}, negative: pl.Negative}
		notice := pl.Notice
		if notice == "" && r.Deadline {
			notice = "deadline"
		}
		switch notice {
		case "deadline":
			p.deadline = promisedDeadline(it)
		case "advance":
			p.advance, p.advanceText = promisedAdvance(it)
		}
		if best == nil || rank[kind] > rank[best.kind] || rank[kind] == rank[best.kind] && p.stronger(best) {
			best = p
		}
	}
	if best != nil {
		note := "questionnaire promise"
		switch best.kind {
		case answerReference:
			note = "questionnaire promise by reference"
		case answerPartial:
			note = "questionnaire answer: partly"
		}
		ev := itemEvidence(qc.q, best.item, note)
		best.ev = &ev
		denial = nil
	}
	if denial != nil {
		ev := itemEvidence(qc.q, denial.item, "questionnaire answer: no")
		denial.ev = &ev
	}
	return best, denial
}

// stronger: a shorter deadline, or a longer advance notice, than o's.
func (p *promise) stronger(o *promise) bool {
	switch {
	case p.deadline.Hours != nil:
		return o.deadline.Hours == nil || *p.deadline.Hours < *o.deadline.Hours
	case p.advance != nil:
		return o.advance == nil || *p.advance > *o.advance
	}
	return false
}

// readStatement reads a free-text answer with the rule's frames, as the
// rule reads a contract: a sentence that states the term (met or weak) is
// a statement; one that only points elsewhere a reference; one that
// negates the term a no. Text that does not speak to the term promises
// nothing.
func (qc *qcontext) readStatement(r *Rule, i int) string {
	key := r.ID + "\x00" + strconv.Itoa(i)
	if k, ok := qc.reads[key]; ok {
		return k
	}
	it := qc.q.Items[i]
	k := answerNone
	if qc.rules != nil && len(r.frames) > 0 {
		units := answerUnits(it.Answer, it.ID, qc.vendorName(), qc.rules.Vocabulary)
		var f Finding
		negated := r.agreementFinding(&f, units)
		switch {
		case f.Status == StatusMet || f.Status == StatusWeak:
			k = answerStatement
		case f.Status == StatusByReference:
			k = answerReference
		case len(negated) > 0:
			k = answerDeny
		}
	}
	qc.reads[key] = k
	return k
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// answerTexts are an item's answer, notes and implementation description,
// each once.
func answerTexts(it extract.Item) []string {
	var out []string
	seen := map[string]bool{}
	for _, text := range []string{it.Answer, it.Notes, it.CSPImplementation} {
		if seen[text] || strings.TrimSpace(text) == "" {
			continue
		}
		seen[text] = true
		out = append(out, text)
	}
	return out
}

// promisedDeadline reads the deadline an item's answer promises. Where it
// states several ("within 24 hours for FERPA violations; all customers
// within 48 hours") the longest counts: it is the one every customer gets.
func promisedDeadline(it extract.Item) Deadline {
	best := Deadline{Grade: GradeNone}
	for _, text := range answerTexts(it) {
		for _, s := range splitSentences(strings.Join(strings.Fields(text), " ")) {
			d := ParseDeadline(s)
			switch {
			case d.Hours != nil && (best.Hours == nil || *d.Hours > *best.Hours):
				best = d
			case best.Grade == GradeNone && d.Grade != GradeNone:
				best = d
			}
		}
	}
	return best
}

// reAdvance finds a notice period before a change: "30 days' notice",
// "at least thirty (30) days prior written notice", "notified 2 weeks in
// advance", "30 days before a new subprocessor".
var reAdvance = lazyre.New(`(?i)\b(?:(\d+)|(` + numWord + `))(?:\s*\(\s*(\d+)\s*\))?\s*(?:-\s*)?(calend[ae]r\s+|business\s+|working\s+)?(hours?|days?|weeks?|months?)['’]?\s*(?:(?:prior|advance|advanced)\s+)?(?:written\s+)?(?:e-?mail\s+)?(notice|notification|before|prior to|in advance|ahead|beforehand)`)

// noticePeriod reads the longest advance notice period text states, in
// hours (a month is 30 days), and its words; nil when it states none.
func noticePeriod(text string) (*float64, string) {
	var best *float64
	words := ""
	for _, m := range reAdvance.FindAllStringSubmatchIndex(text, -1) {
		var n float64
		switch {
		case m[6] >= 0:
			n, _ = strconv.ParseFloat(text[m[6]:m[7]], 64)
		case m[2] >= 0:
			n, _ = strconv.ParseFloat(text[m[2]:m[3]], 64)
		default:
			w := strings.ToLower(text[m[4]:m[5]])
			n = numberWords[strings.ReplaceAll(w, " ", "-")]
			if n == 0 {
				n = numberWords[w]
			}
		}
		unit := strings.ToLower(text[m[10]:m[11]])
		h := n
		switch {
		case strings.HasPrefix(unit, "day"):
			h = n * 24
		case strings.HasPrefix(unit, "week"):
			h = n * 24 * 7
		case strings.HasPrefix(unit, "month"):
			h = n * 24 * 30
		}
		if n > 0 && (best == nil || h > *best) {
			best, words = &h, strings.TrimSpace(text[m[0]:m[1]])
		}
	}
	return best, words
}

// promisedAdvance reads the advance notice an item's answer promises.
func promisedAdvance(it extract.Item) (*float64, string) {
	var best *float64
	words := ""
	for _, text := range answerTexts(it) {
		if h, w := noticePeriod(strings.Join(strings.Fields(text), " ")); h != nil && (best == nil || *h > *best) {
			best, words = h, w
		}
	}
	return best, words
}

func hasIDPrefix(id string, prefixes []string) bool {
	id = strings.ToUpper(strings.ReplaceAll(id, " ", ""))
	for _, p := range prefixes {
		if strings.HasPrefix(id, strings.ToUpper(p)) {
			return true
		}
	}
	return false
}

func fmtHours(h float64) string {
	return strconv.FormatFloat(h, 'f', -1, 64) + " h"
}

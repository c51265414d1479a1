package analyze

import (
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
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

type promise struct {
	item     extract.Item
	ev       *Evidence
	deadline Deadline
}

// questionnairePromise finds the first item among the rule's question ids
// answered yes; for deadline rules the item stating the shortest deadline
// is preferred.
func questionnairePromise(r *Rule, q *extract.Questionnaire) *promise {
	if q == nil || len(r.Questionnaire.IDs) == 0 {
		return nil
	}
	var best *promise
	for _, it := range q.Items {
		if it.AnswerNormalized != extract.AnswerYes || !hasIDPrefix(it.ID, r.Questionnaire.IDs) {
			continue
		}
		p := &promise{item: it, deadline: promisedDeadline(it)}
		if best == nil || (p.deadline.Hours != nil && (best.deadline.Hours == nil || *p.deadline.Hours < *best.deadline.Hours)) {
			best = p
		}
	}
	if best != nil {
		ev := itemEvidence(q, best.item, "questionnaire promise")
		best.ev = &ev
	}
	return best
}

// promisedDeadline reads the deadline an item's answer promises. Where it
// states several ("within 24 hours for FERPA violations; all customers
// within 48 hours") the longest counts: it is the one every customer gets.
func promisedDeadline(it extract.Item) Deadline {
	best := Deadline{Grade: GradeNone}
	seen := map[string]bool{}
	for _, text := range []string{it.Answer, it.Notes, it.CSPImplementation} {
		if seen[text] {
			continue
		}
		seen[text] = true
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

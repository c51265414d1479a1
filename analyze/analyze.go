// Package analyze maps extracted questionnaires and agreements onto the
// shared security responsibility model (CCM v4 domains × owner) and checks
// rule packs of required contract terms, giving findings with evidence, a
// score and a verdict. Pure functions over package extract's types: no file
// formats here.
package analyze

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
)

// Schema names the JSON report's shape; it changes when a field is renamed.
const Schema = "ssrm.report/v1"

// Finding statuses.
const (
	StatusMet          = "met"
	StatusWeak         = "weak"
	StatusMissing      = "missing"
	StatusContradicted = "contradicted"
)

// Verdicts.
const (
	VerdictPass   = "pass"
	VerdictReview = "review"
	VerdictFail   = "fail"
)

// Inputs are the documents of one vendor. Either may be nil.
type Inputs struct {
	Questionnaire *extract.Questionnaire
	Agreements    []*extract.Agreement
}

// Options tune an analysis.
type Options struct {
	Vendor       string
	ServiceModel string // saas (default), paas, iaas
}

// Evidence points at the text that supports a finding or matrix cell.
type Evidence struct {
	File    string  `json:"file"`
	Page    *int    `json:"page"`
	Section string  `json:"section,omitempty"`
	Sheet   *string `json:"sheet"`
	Cell    *string `json:"cell"`
	Text    string  `json:"text"`
	// Note says what the evidence shows where that is not obvious
	// ("negated", "customer obligation", "questionnaire promise").
	Note string `json:"note,omitempty"`
}

// Finding is the result of one rule (DESIGN.md section 4).
type Finding struct {
	Rule           string     `json:"rule"`
	Title          string     `json:"title"`
	Status         string     `json:"status"`
	Severity       Severity   `json:"severity"`
	Category       string     `json:"category"`
	Domain         string     `json:"domain"`
	Owner          Owner      `json:"owner"`
	Deadline       *Deadline  `json:"deadline,omitempty"`
	Weakeners      []string   `json:"weakeners"`
	Sources        []string   `json:"sources"`
	Recommendation string     `json:"recommendation"`
	Evidence       []Evidence `json:"evidence"`
	// Promise is the questionnaire answer that speaks to the term, if any.
	Promise *Evidence `json:"questionnaire_promise,omitempty"`
	// Explanation says in one line why the status was given.
	Explanation string `json:"explanation"`
}

// MatrixRow is one CCM domain of the responsibility matrix.
type MatrixRow struct {
	Domain             string        `json:"domain"`
	Title              string        `json:"title"`
	Owner              Owner         `json:"owner"`
	Status             string        `json:"status"`
	QuestionnaireOwner Owner         `json:"questionnaire_owner"`
	QuestionnaireCount map[Owner]int `json:"questionnaire_counts,omitempty"`
	AgreementOwner     Owner         `json:"agreement_owner"`
	Evidence           []Evidence    `json:"evidence"`
}

// Matrix statuses (DESIGN.md section 2).
const (
	MatrixVendor             = "vendor"
	MatrixCustomer           = "customer"
	MatrixSharedWithTerms    = "shared-with-terms"
	MatrixSharedWithoutTerms = "shared-without-terms"
	MatrixConflict           = "conflict"
	MatrixUnassigned         = "unassigned"
)

// Input describes one document that was read.
type Input struct {
	Path   string `json:"path"`
	Kind   string `json:"kind"`
	Format string `json:"format"`
	// Items is the questionnaire's item count.
	Items int `json:"items,omitempty"`
	// Pages and Clauses describe an agreement.
	Pages   int `json:"pages,omitempty"`
	Clauses int `json:"clauses,omitempty"`
}

// Result is a complete analysis of one vendor.
type Result struct {
	Schema       string      `json:"schema"`
	Vendor       string      `json:"vendor"`
	ServiceModel string      `json:"service_model"`
	Inputs       []Input     `json:"inputs"`
	Packs        []string    `json:"packs"`
	Matrix       []MatrixRow `json:"matrix"`
	Findings     []Finding   `json:"findings"`
	// Contradictions are questionnaire promises the agreement does not
	// keep, quoting both sides (status "contradicted").
	Contradictions []Finding `json:"contradictions"`
	Summary        Summary   `json:"summary"`
	Score          int       `json:"score"`
	Verdict        string    `json:"verdict"`
}

// Summary counts findings by status.
type Summary struct {
	Rules          int `json:"rules"`
	Met            int `json:"met"`
	Weak           int `json:"weak"`
	Missing        int `json:"missing"`
	Contradictions int `json:"contradictions"`
}

// Line is the stable one-line summary printed by every human format, e.g.
// "8 rules: 3 met, 2 weak, 3 missing; score 54; verdict review".
func (r *Result) Line() string {
	s := r.Summary
	c := ""
	if s.Contradictions > 0 {
		c = fmt.Sprintf(", %d contradicted", s.Contradictions)
	}
	return fmt.Sprintf("%d rules: %d met, %d weak, %d missing%s; score %d; verdict %s",
		s.Rules, s.Met, s.Weak, s.Missing, c, r.Score, r.Verdict)
}

// Run analyses one vendor's documents against the rules. It never fails
// on content; ctx is checked between rules so a batch can cancel.
func Run(ctx context.Context, in Inputs, rules *RuleSet, opts Options) (*Result, error) {
	if opts.ServiceModel == "" {
		opts.ServiceModel = "saas"
	}
	res := &Result{Schema: Schema, Vendor: opts.Vendor, ServiceModel: opts.ServiceModel, Packs: rules.Packs, Contradictions: []Finding{}}
	if q := in.Questionnaire; q != nil {
		if res.Vendor == "" {
			res.Vendor = q.Vendor
		}
		res.Inputs = append(res.Inputs, Input{Path: q.Path, Kind: string(extract.KindQuestionnaire), Format: q.Format, Items: len(q.Items)})
	}
	for _, a := range in.Agreements {
		in := Input{Path: a.Path, Kind: string(extract.KindAgreement), Format: a.Format, Clauses: len(a.Clauses)}
		if a.Paginated {
			in.Pages = len(a.Pages)
		}
		res.Inputs = append(res.Inputs, in)
	}
	units := agreementUnits(in.Agreements)
	for _, r := range rules.Rules {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, contra := checkRule(r, units, in)
		res.Findings = append(res.Findings, f)
		if contra != nil {
			res.Contradictions = append(res.Contradictions, *contra)
		}
	}
	res.Matrix = buildMatrix(in, units, res.Findings)
	score(res)
	return res, nil
}

// clauseUnit is one sentence of an agreement with where it came from.
type clauseUnit struct {
	unit
	file    string
	section string
	pages   []int
}

func agreementUnits(ags []*extract.Agreement) []clauseUnit {
	var out []clauseUnit
	for _, a := range ags {
		for _, c := range a.Clauses {
			// Sub-clauses are listed on their own; read each text once, in
			// the most specific clause that holds it.
			text := ownText(c, a.Clauses)
			for _, u := range splitUnits(text) {
				out = append(out, clauseUnit{unit: u, file: a.Path, section: c.ID, pages: c.Pages})
			}
		}
	}
	return out
}

// ownText is the clause body less the text of its direct sub-clauses (read
// in their own clauses) and less its number and heading, so that heading
// words ("6. INCIDENT NOTIFICATION") do not join the first sentence.
func ownText(c extract.Clause, all []extract.Clause) string {
	text := c.Text
	for _, s := range all {
		if s.Parent == c.ID && s.ID != c.ID && s.Text != "" {
			if i := strings.Index(text, s.Text); i >= 0 {
				text = text[:i] + "\n" + text[i+len(s.Text):]
			}
		}
	}
	return stripHead(text, c.Heading)
}

var reMarker = regexp.MustCompile(`^\s*[#*\s]*(?:(?i:section|clause|article)\s+)?(?:\d+(?:\.\d+)*\.?|\(?[a-z]\)|[A-Z]\.|[a-z]\.|\([ivxlc]+\)|[ivxlc]+\.)(?:\s+|$)`)

// stripHead removes a leading clause number and the heading that follows it.
func stripHead(text, heading string) string {
	t := reMarker.ReplaceAllString(text, "")
	if heading == "" {
		return t
	}
	words := strings.Fields(heading)
	pat := `^[\s*_#]*`
	for i, w := range words {
		if i > 0 {
			pat += `\s+`
		}
		pat += regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(pat + `[\s*_]*[.:]?`)
	if err != nil {
		return t
	}
	return re.ReplaceAllString(t, "")
}

func (u clauseUnit) evidence(note string) Evidence {
	e := Evidence{File: u.file, Section: u.section, Text: trimQuote(u.full()), Note: note}
	if len(u.pages) > 0 {
		p := u.pages[0]
		e.Page = &p
	}
	return e
}

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

// trimQuote keeps evidence quotes readable: at most 400 characters.
func trimQuote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= 400 {
		return s
	}
	cut := strings.LastIndex(s[:400], " ")
	if cut < 300 {
		cut = 400
	}
	return s[:cut] + " …"
}

func checkRule(r *Rule, units []clauseUnit, in Inputs) (Finding, *Finding) {
	f := Finding{
		Rule: r.ID, Title: r.Title, Severity: r.Severity, Category: r.Category,
		Domain: r.Domain, Owner: r.Owner, Sources: r.Sources,
		Recommendation: r.Recommendation, Weakeners: []string{}, Evidence: []Evidence{},
	}
	var best *match
	var bestUnit clauseUnit
	var negatedEv []Evidence
	rank := map[string]int{StatusMet: 3, StatusWeak: 2, "negated": 1}
	if r.AppliesTo != "questionnaire" {
		for _, u := range units {
			m := r.evaluate(u.unit)
			if m == nil {
				continue
			}
			if m.status() == "negated" {
				if len(negatedEv) < 2 {
					negatedEv = append(negatedEv, u.evidence("negated: does not bind the vendor"))
				}
				continue
			}
			if best == nil || rank[m.status()] > rank[best.status()] {
				best, bestUnit = m, u
			}
			if len(f.Evidence) < 3 {
				f.Evidence = append(f.Evidence, u.evidence(""))
			}
		}
	}
	promise := questionnairePromise(r, in.Questionnaire)
	switch {
	case best != nil:
		f.Status = best.status()
		f.Weakeners = append(f.Weakeners, best.weakeners...)
		f.Deadline = best.deadline
		// Lead with the sentence that decided the status.
		f.Evidence = append([]Evidence{bestUnit.evidence("")}, without(f.Evidence, bestUnit)...)
		if len(f.Evidence) > 3 {
			f.Evidence = f.Evidence[:3]
		}
		if f.Status == StatusMet {
			f.Explanation = "the agreement binds this term in section " + bestUnit.section
		} else {
			f.Explanation = "present in section " + bestUnit.section + " but weak: " + strings.Join(best.weakeners, "; ")
		}
	case promise != nil && (r.AppliesTo == "questionnaire" || r.AppliesTo == "both" && len(in.Agreements) == 0):
		f.Status = StatusMet
		f.Evidence = append(f.Evidence, *promise.ev)
		f.Explanation = "the questionnaire answers yes (" + promise.item.ID + "); no agreement binds it yet"
		if r.AppliesTo == "questionnaire" {
			f.Explanation = "the questionnaire answers yes (" + promise.item.ID + ")"
		}
	default:
		f.Status = StatusMissing
		f.Evidence = append(f.Evidence, negatedEv...)
		f.Explanation = "no clause binds this term"
		if len(negatedEv) > 0 {
			f.Explanation = "the only wording found negates or excludes the obligation"
		}
		switch {
		case r.AppliesTo == "questionnaire":
			f.Explanation = "no questionnaire answer promises this term"
		case len(in.Agreements) == 0:
			f.Explanation = "no agreement was given, and no questionnaire answer promises this term"
		}
	}
	if promise == nil {
		return f, nil
	}
	f.Promise = promise.ev
	// Cross-check: the questionnaire promises more than the agreement binds.
	if r.AppliesTo == "questionnaire" || len(in.Agreements) == 0 {
		return f, nil
	}
	// Cross-check: the questionnaire promises more than the agreement binds.
	// A deadline promise against a weaker or absent deadline, or a yes
	// against wording that excludes the term, is a contradiction; a yes
	// against silence is noted on the missing finding.
	var why string
	switch {
	case r.Deadline && promise.deadline.Hours != nil && (f.Deadline == nil || f.Deadline.Hours == nil || *f.Deadline.Hours > *promise.deadline.Hours):
		agreed := "nothing"
		switch {
		case f.Deadline != nil && f.Deadline.Text != "":
			agreed = `"` + f.Deadline.Text + `"`
		case f.Status != StatusMissing:
			agreed = "no deadline"
		}
		why = fmt.Sprintf("the questionnaire promises notice %q (%s, %s) but the agreement says %s", promise.deadline.Text, fmtHours(*promise.deadline.Hours), promise.item.ID, agreed)
	case f.Status == StatusMissing && len(negatedEv) > 0:
		why = "the questionnaire answers yes (" + promise.item.ID + ") but the agreement excludes the term"
	case f.Status == StatusMissing:
		f.Explanation += "; the questionnaire answers yes (" + promise.item.ID + ")"
	}
	if why == "" {
		return f, nil
	}
	c := f
	c.Status = StatusContradicted
	c.Explanation = why
	c.Evidence = append([]Evidence{*promise.ev}, f.Evidence...)
	c.Recommendation = "Bind in the agreement what the questionnaire answer " + promise.item.ID + " promises. " + r.Recommendation
	return f, &c
}

func without(evs []Evidence, u clauseUnit) []Evidence {
	var out []Evidence
	for _, e := range evs {
		if e.Section == u.section && e.Text == trimQuote(u.full()) {
			continue
		}
		out = append(out, e)
	}
	return out
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

// Score weights by severity (critical 10, high 6, medium 3, low 1).
var severityWeight = map[Severity]float64{SeverityCritical: 10, SeverityHigh: 6, SeverityMedium: 3, SeverityLow: 1}

// score computes the vendor score and verdict:
//
//	score = 100 × Σ weight(rule) × credit(status) / Σ weight(rule)
//
// with credit 1 for met, 0.5 for weak, 0 for missing; each contradiction
// takes a further half of its rule's weight. The verdict is "fail" when a
// critical rule is missing or contradicted or the score is below 50,
// "pass" when the score is at least 80 and no high or critical rule is
// missing or contradicted, and "review" otherwise.
func score(res *Result) {
	var total, got float64
	severeGap, criticalGap := false, false
	s := Summary{Rules: len(res.Findings), Contradictions: len(res.Contradictions)}
	for _, f := range res.Findings {
		w := severityWeight[f.Severity]
		total += w
		switch f.Status {
		case StatusMet:
			s.Met++
			got += w
		case StatusWeak:
			s.Weak++
			got += w / 2
		default:
			s.Missing++
			if f.Severity.Rank() >= 3 {
				severeGap = true
			}
			criticalGap = criticalGap || f.Severity == SeverityCritical
		}
	}
	for _, c := range res.Contradictions {
		w := severityWeight[c.Severity]
		got -= w / 2
		if c.Severity.Rank() >= 3 {
			severeGap = true
		}
		criticalGap = criticalGap || c.Severity == SeverityCritical
	}
	if got < 0 {
		got = 0
	}
	res.Score = 0
	if total > 0 {
		res.Score = int(100*got/total + 0.5)
	}
	res.Summary = s
	switch {
	case criticalGap || res.Score < 50:
		res.Verdict = VerdictFail
	case res.Score >= 80 && !severeGap:
		res.Verdict = VerdictPass
	default:
		res.Verdict = VerdictReview
	}
}

// MaxSeverity returns the highest severity among findings that are not met
// (weak, missing) and contradictions, or "" when every rule is met.
func (r *Result) MaxSeverity() Severity {
	var max Severity
	for _, fs := range [][]Finding{r.Findings, r.Contradictions} {
		for _, f := range fs {
			if f.Status != StatusMet && f.Severity.Rank() > max.Rank() {
				max = f.Severity
			}
		}
	}
	return max
}

// sortedOwners lists owner counts in a stable order for evidence text.
func sortedOwners(m map[Owner]int) []Owner {
	var out []Owner
	for o := range m {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

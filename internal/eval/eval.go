// Package eval measures the findings engine against labelled agreements
// (ssrm eval): per term and per split, the confusion counts, precision and
// recall of the status, and for true positives the section rate (the
// finding cites the labelled section or a sub-clause of it) and the grade
// agreement (met or weak); every labelled breach-notification deadline is
// checked for its hours and grade. A second measurement (dpa.go) scores
// the engine on the DPA sentence dataset of Amaral et al.
//
// Only "yes" and "no" labels are scored; "uncertain" rows are counted
// apart. A term counts as found when its finding is met or weak (present
// in the agreement); by-reference, missing and contradicted-only do not.
// A document that is labelled but absent, or cannot be read, is reported
// and not scored.
package eval

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
)

// Options tune a measurement.
type Options struct {
	// Jobs is how many documents are analysed at once (0: 2).
	Jobs int
}

func (o Options) jobs() int {
	if o.Jobs <= 0 {
		return 2
	}
	return o.Jobs
}

// Run analyses every labelled document of the corpus with rules and scores
// the findings against the labels and deadlines. It fails when a label
// names a term no rule of rules answers.
func Run(ctx context.Context, c *Corpus, rules *analyze.RuleSet, opts Options) (*Report, error) {
	if err := checkRules(c, rules); err != nil {
		return nil, err
	}
	docs, err := analyzeDocs(ctx, c, rules, opts.jobs())
	if err != nil {
		return nil, err
	}
	return scoreCorpus(c, docs), nil
}

func checkRules(c *Corpus, rules *analyze.RuleSet) error {
	for _, l := range c.Labels {
		if rules.Get(l.Rule) == nil {
			return fmt.Errorf("%s: term %s: no rule %s in the rule packs", l.Source, l.Term, l.Rule)
		}
	}
	return nil
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
func Compare(ctx context.Context, c *Corpus, rules *analyze.RuleSet, opinion Opinion, opts Options) (rulesOnly, withModel *Report, err error) {
	if err := checkRules(c, rules); err != nil {
		return nil, nil, err
	}
	docs, err := analyzeDocs(ctx, c, rules, opts.jobs())
	if err != nil {
		return nil, nil, err
	}
	rulesOnly = scoreCorpus(c, docs)
	second := &analyzed{results: map[string]*analyze.Result{}, unreadable: docs.unreadable, absent: docs.absent}
	var changes []Change
	opinionErrs := map[string][]string{}
	for _, d := range c.Docs {
		res := docs.results[d.ID]
		if res == nil {
			continue
		}
		cp := *res
		cp.Findings = slices.Clone(res.Findings)
		if err := opinion(ctx, &cp, docs.inputs[d.ID]); err != nil {
			return nil, nil, err
		}
		second.results[d.ID] = &cp
		if op := cp.SecondOpinion; op != nil {
			opinionErrs[d.ID] = op.Errors
			for _, rc := range op.Rechecks {
				if rc.Changed {
					changes = append(changes, Change{Document: d.ID, Rule: rc.Rule, From: rc.RuleStatus, To: rc.ModelStatus, Reason: rc.Reason})
				}
			}
		}
	}
	withModel = scoreCorpus(c, second)
	// Only changes of labelled terms are listed; the others are counted.
	labelled := changes[:0]
	for _, ch := range changes {
		for _, l := range c.Labels {
			if l.Document == ch.Document && l.Rule == ch.Rule {
				ch.Label = l.Label
				labelled = append(labelled, ch)
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

// analyzed holds the engine's results by document id; a document that
// could not be read is in unreadable, one not in the folder in absent.
type analyzed struct {
	results    map[string]*analyze.Result
	inputs     map[string]analyze.Inputs
	unreadable map[string]string
	absent     []Doc
}

// analyzeDocs reads and analyses every document of the corpus, jobs at a
// time. Only an error of the engine itself stops it.
func analyzeDocs(ctx context.Context, c *Corpus, rules *analyze.RuleSet, jobs int) (*analyzed, error) {
	out := &analyzed{results: map[string]*analyze.Result{}, inputs: map[string]analyze.Inputs{}, unreadable: map[string]string{}}
	absent := map[string]bool{}
	for _, d := range c.Absent() {
		absent[d.ID] = true
		out.absent = append(out.absent, d)
	}
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		firstErr error
		next     = make(chan Doc)
	)
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range next {
				res, in, unreadable, err := analyzeDoc(ctx, filepath.Join(c.DocsDir, d.File), d.SHA256, rules)
				mu.Lock()
				switch {
				case err != nil:
					if firstErr == nil {
						firstErr = fmt.Errorf("%s: %w", d.ID, err)
					}
				case unreadable != "":
					out.unreadable[d.ID] = unreadable
				default:
					out.results[d.ID] = res
					out.inputs[d.ID] = in
				}
				mu.Unlock()
			}
		}()
	}
	for _, d := range c.Docs {
		if !absent[d.ID] {
			next <- d
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	return out, ctx.Err()
}

// analyzeDoc reads one document and runs the engine on it. A document that
// cannot be read gives the reason in unreadable, not an error.
func analyzeDoc(ctx context.Context, path, sha string, rules *analyze.RuleSet) (res *analyze.Result, in analyze.Inputs, unreadable string, err error) {
	if err := checkSHA256(path, sha); err != nil {
		return nil, in, err.Error(), nil
	}
	d, err := extract.Open(path, extract.Options{})
	if err != nil {
		return nil, in, err.Error(), nil // an *extract.InputError naming the file and place
	}
	if d.Agreement == nil {
		return nil, in, "not an agreement", nil
	}
	in.Agreements = []*extract.Agreement{d.Agreement}
	res, err = analyze.Run(ctx, in, rules, analyze.Options{})
	if err != nil {
		return nil, in, "", err
	}
	return res, in, "", nil
}

func find(res *analyze.Result, rule string) *analyze.Finding {
	for i := range res.Findings {
		if res.Findings[i].Rule == rule {
			return &res.Findings[i]
		}
	}
	return nil
}

func found(f *analyze.Finding) bool {
	return f != nil && (f.Status == analyze.StatusMet || f.Status == analyze.StatusWeak)
}

// lead is a finding's lead evidence: its section and quote.
func lead(f *analyze.Finding) (section, quote string) {
	if f == nil || len(f.Evidence) == 0 {
		return "", ""
	}
	return f.Evidence[0].Section, f.Evidence[0].Text
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

func trim(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		return string(r[:160]) + "…"
	}
	return s
}

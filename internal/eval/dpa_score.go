package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// DPAOutcome is the engine's answer for one (DPA, rule).
type DPAOutcome struct {
	DPA, Split, Rule string
	// Present: a sentence of the DPA carries one of the rule's requirement
	// ids; Example is the first such sentence.
	Present bool
	Example string
	Status  string
	Found   bool // met or weak
	Section string
	Quote   string
	// QuoteSentences are the ids of the sentences the quote is taken
	// from; QuoteOK says one of them carries a requirement id of the rule.
	QuoteSentences []int
	QuoteOK        bool
}

// DPARuleScore is the confusion table of one rule over DPAs.
type DPARuleScore struct {
	Rule           string
	Reqs           []string
	Partial        bool // the rule is wider than its ids (Requirement.Scope)
	TP, FP, FN, TN int
	// QuoteHit counts the true positives whose quote is a sentence labelled
	// with one of Reqs; QuoteUnmatched those whose quote is in no sentence.
	QuoteHit, QuoteUnmatched int
}

// Precision is TP/(TP+FP), or NaN.
func (s DPARuleScore) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN), or NaN.
func (s DPARuleScore) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// QuoteRate is QuoteHit/TP, or NaN.
func (s DPARuleScore) QuoteRate() float64 { return ratio(s.QuoteHit, s.TP) }

func (s *DPARuleScore) add(o DPARuleScore) {
	s.TP += o.TP
	s.FP += o.FP
	s.FN += o.FN
	s.TN += o.TN
	s.QuoteHit += o.QuoteHit
	s.QuoteUnmatched += o.QuoteUnmatched
}

// DPASplitScore is the measurement of one split of the DPAs.
type DPASplitScore struct {
	Split string
	DPAs  int
	Rules []DPARuleScore
	// Overall sums every mapped rule; Full only the rules of full scope
	// (Requirement.Scope), whose precision is not a lower bound.
	Overall, Full DPARuleScore
}

// DPAReport is the measurement on the DPA dataset.
type DPAReport struct {
	Dir          string
	Dedup        string
	Requirements []Requirement
	Splits       []DPASplitScore // per split present, then all
	Outcomes     []DPAOutcome
	Unreadable   map[string]string
}

// Split returns the scores of one split, or nil.
func (r *DPAReport) Split(name string) *DPASplitScore {
	for i := range r.Splits {
		if r.Splits[i].Split == name {
			return &r.Splits[i]
		}
	}
	return nil
}

// RunDPA rebuilds each DPA as a text document (DPA.Document), reads it
// with extract and analyses it with rules, jobs at a time, and scores each
// (DPA, mapped rule): present when a sentence carries one of the rule's
// requirement ids, found when the finding is met or weak.
func RunDPA(ctx context.Context, ds *DPADataset, rules *analyze.RuleSet, opts Options) (*DPAReport, error) {
	ruleIDs, _ := ruleReqs(ds.Requirements)
	for _, r := range ruleIDs {
		if rules.Get(r) == nil {
			return nil, fmt.Errorf("dpa-requirements.csv maps to rule %s, which the rule packs do not define", r)
		}
	}
	tmp, err := os.MkdirTemp("", "ssrm-eval-dpa-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	results := make([]*analyze.Result, len(ds.DPAs))
	unreadable := map[string]string{}
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		firstErr error
		next     = make(chan int)
	)
	for range opts.jobs() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := ds.DPAs[i]
				path := filepath.Join(tmp, fmt.Sprintf("dpa-%03d.txt", i))
				res, why, err := analyzeText(ctx, path, d.Document(), rules)
				mu.Lock()
				switch {
				case err != nil && firstErr == nil:
					firstErr = fmt.Errorf("%s: %w", d.Name, err)
				case why != "":
					unreadable[d.Name] = why
				}
				results[i] = res
				mu.Unlock()
			}
		}()
	}
	for i := range ds.DPAs {
		next <- i
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return scoreDPAs(ds, results, unreadable), nil
}

// analyzeText writes text to path, reads it back with extract (the text
// reader) and runs the engine.
func analyzeText(ctx context.Context, path, text string, rules *analyze.RuleSet) (*analyze.Result, string, error) {
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		return nil, "", err
	}
	d, err := extract.Open(path, extract.Options{})
	if err != nil {
		return nil, err.Error(), nil
	}
	if d.Agreement == nil {
		return nil, "not read as an agreement", nil
	}
	res, err := analyze.Run(ctx, analyze.Inputs{Agreements: []*extract.Agreement{d.Agreement}}, rules, analyze.Options{})
	return res, "", err
}

// scoreDPAs scores the results (nil for an unreadable DPA) by DPA index.
func scoreDPAs(ds *DPADataset, results []*analyze.Result, unreadable map[string]string) *DPAReport {
	rep := &DPAReport{Dir: ds.Dir, Dedup: ds.Dedup, Requirements: ds.Requirements, Unreadable: unreadable}
	ruleIDs, reqs := ruleReqs(ds.Requirements)
	for i, d := range ds.DPAs {
		res := results[i]
		if res == nil {
			continue
		}
		sents := make([]string, len(d.Sentences))
		for k, s := range d.Sentences {
			sents[k] = matchForm(s.Text)
		}
		for _, rule := range ruleIDs {
			o := DPAOutcome{DPA: d.Name, Split: d.Split, Rule: rule}
			labelled := map[int]bool{}
			for _, s := range d.Sentences {
				if hasAny(s.Reqs, reqs[rule]) {
					labelled[s.ID] = true
					if !o.Present {
						o.Present, o.Example = true, s.Text
					}
				}
			}
			f := find(res, rule)
			if f != nil {
				o.Status = f.Status
				o.Found = found(f)
				o.Section, o.Quote = lead(f)
			}
			if o.Found {
				quote := strings.TrimSpace(o.Quote)
				truncated := strings.HasSuffix(quote, "…")
				q := matchForm(strings.TrimSuffix(quote, "…"))
				for k, s := range sents {
					if quoteFrom(q, s, truncated) {
						o.QuoteSentences = append(o.QuoteSentences, d.Sentences[k].ID)
						if labelled[d.Sentences[k].ID] {
							o.QuoteOK = true
						}
					}
				}
			}
			rep.Outcomes = append(rep.Outcomes, o)
		}
	}
	present := map[string]int{}
	var order []string
	for _, d := range ds.DPAs {
		if present[d.Split] == 0 {
			order = append(order, d.Split)
		}
		present[d.Split]++
	}
	sortSplits(order)
	for _, s := range order {
		rep.Splits = append(rep.Splits, rep.splitScore(s, present[s], ruleIDs, reqs))
	}
	if len(order) > 1 {
		rep.Splits = append(rep.Splits, rep.splitScore(SplitAll, len(ds.DPAs), ruleIDs, reqs))
	}
	return rep
}

func (r *DPAReport) splitScore(split string, n int, ruleIDs []string, reqs map[string][]string) DPASplitScore {
	ss := DPASplitScore{Split: split, DPAs: n, Overall: DPARuleScore{Rule: "overall"}, Full: DPARuleScore{Rule: "overall, full scope"}}
	full := map[string]bool{}
	for _, q := range r.Requirements {
		if q.Scope == "full" {
			full[q.Rule] = true
		}
	}
	for _, rule := range ruleIDs {
		s := DPARuleScore{Rule: rule, Reqs: reqs[rule]}
		for _, o := range r.Outcomes {
			if o.Rule != rule || (split != SplitAll && o.Split != split) {
				continue
			}
			switch {
			case o.Found && o.Present:
				s.TP++
				if o.QuoteOK {
					s.QuoteHit++
				}
				if len(o.QuoteSentences) == 0 {
					s.QuoteUnmatched++
				}
			case o.Found:
				s.FP++
			case o.Present:
				s.FN++
			default:
				s.TN++
			}
		}
		s.Partial = !full[rule]
		ss.Rules = append(ss.Rules, s)
		ss.Overall.add(s)
		if full[rule] {
			ss.Full.add(s)
		}
	}
	return ss
}

func hasAny(have, want []string) bool {
	for _, h := range have {
		if slices.Contains(want, h) {
			return true
		}
	}
	return false
}

var (
	nonWordRe = lazyre.New(`[^\p{L}\p{N}]+`)
	// enumeratorRe is a list item's enumerator: "(i)", "(b)", "iv)", "3)"
	// after a space, a colon or an ellipsis, or "a." / "2.1" opening the
	// text. A quote that opens with "(i)" and a labelled sentence that
	// has the item without it (or the other way round) are the same text.
	enumeratorRe = lazyre.New(`(?i)(^|[\s:;…])(?:\(\s*(?:[ivx]{1,5}|[a-z]{1,2}|\d{1,3})\s*\)|(?:[ivx]{1,5}|[a-z]|\d{1,3})\))|^\s*(?:[a-z]|[ivx]{1,5}|\d{1,3}(?:\.\d{1,3})*)\.(?:\s|$)`)
)

// matchForm is text as quotes are compared: the reader's normalisation,
// lower case, enumerators dropped, words only.
func matchForm(s string) string {
	s = strings.ToLower(extract.NormalizeText(s))
	s = enumeratorRe.ReplaceAllString(s, "$1 ")
	return strings.TrimSpace(nonWordRe.ReplaceAllString(s, " "))
}

// quoteFrom reports whether a quote (in matchForm) is taken from the
// sentence: the sentence holds it, or it holds the whole sentence (a quote
// that joins a list's lead-in and its item), or, for a quote cut short
// (truncated), it ends with at least the first six words of the sentence.
func quoteFrom(quote, sentence string, truncated bool) bool {
	if quote == "" || sentence == "" {
		return false
	}
	if strings.Contains(" "+sentence+" ", " "+quote+" ") {
		return true
	}
	if len(sentence) >= 20 && strings.Contains(" "+quote+" ", " "+sentence+" ") {
		return true
	}
	if !truncated {
		return false
	}
	q, s := strings.Fields(quote), strings.Fields(sentence)
	for k := min(len(q), len(s)); k >= 6; k-- {
		if slices.Equal(q[len(q)-k:], s[:k]) {
			return true
		}
	}
	return false
}

// Misses lists the outcomes where the engine and the labels differ, and
// the true positives whose quote is not a labelled sentence.
func (r *DPAReport) Misses() (fn, fp, quote []DPAOutcome) {
	for _, o := range r.Outcomes {
		switch {
		case o.Present && !o.Found:
			fn = append(fn, o)
		case o.Found && !o.Present:
			fp = append(fp, o)
		case o.Found && !o.QuoteOK:
			quote = append(quote, o)
		}
	}
	return fn, fp, quote
}

// WriteScores prints only the per-split score tables (TP, FP, FN, TN,
// precision, recall and quote rate per rule and overall), never a DPA's
// name or sentence: what a test of a sealed half may print.
func (r *DPAReport) WriteScores(w io.Writer) error {
	var b strings.Builder
	r.writeScores(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *DPAReport) writeScores(b *strings.Builder) {
	fmt.Fprintf(b, "DPA sentence dataset %s\n  %s\n", r.Dir, r.Dedup)
	for _, s := range r.Splits {
		fmt.Fprintf(b, "\nsplit %s: %d DPAs\n", s.Split, s.DPAs)
		fmt.Fprintf(b, "%-32s %-18s %4s %4s %4s %4s %9s %6s %12s\n", "rule", "requirements", "TP", "FP", "FN", "TN", "precision", "recall", "quote")
		for _, rs := range append(s.Rules, s.Overall, s.Full) {
			q := "-"
			if rs.TP > 0 {
				q = fmt.Sprintf("%s %d/%d", f2(rs.QuoteRate()), rs.QuoteHit, rs.TP)
			}
			name := rs.Rule
			if rs.Partial {
				name += " (partial)"
			}
			fmt.Fprintf(b, "%-32s %-18s %4d %4d %4d %4d %9s %6s %12s\n", name, strings.Join(rs.Reqs, ","), rs.TP, rs.FP, rs.FN, rs.TN, f2(rs.Precision()), f2(rs.Recall()), q)
		}
	}
}

// Write prints the mapping, per split the per-rule table and an overall
// line, and every miss with its sentence or quote.
func (r *DPAReport) Write(w io.Writer) error {
	var b strings.Builder
	r.writeScores(&b)
	fn, fp, quote := r.Misses()
	for _, part := range []struct {
		title string
		list  []DPAOutcome
		text  func(DPAOutcome) string
	}{
		{"missed (a sentence carries the requirement; the engine does not find it)", fn, func(o DPAOutcome) string { return o.Status + "; labelled: " + trim(o.Example) }},
		{"found without a labelled requirement", fp, func(o DPAOutcome) string { return o.Status + quoteNote(o.Section, o.Quote) }},
		{"found, quoting a sentence not labelled with the requirement", quote, func(o DPAOutcome) string {
			if len(o.QuoteSentences) == 0 {
				return "quote in no sentence:" + quoteNote(o.Section, o.Quote)
			}
			return fmt.Sprintf("sentence %v:%s; labelled: %s", o.QuoteSentences, quoteNote(o.Section, o.Quote), trim(o.Example))
		}},
	} {
		if len(part.list) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s (%d)\n", part.title, len(part.list))
		for _, o := range part.list {
			fmt.Fprintf(&b, "  %s %s %s: %s\n", o.Split, o.DPA, o.Rule, part.text(o))
		}
	}
	if len(r.Unreadable) > 0 {
		fmt.Fprintf(&b, "\nunreadable DPAs (not scored)\n")
		for _, d := range sortedKeys(r.Unreadable) {
			fmt.Fprintf(&b, "  %s: %s\n", d, trim(r.Unreadable[d]))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON prints the report as one JSON object: the mapping, per split
// the per-rule and overall scores, and every (DPA, rule) outcome.
func (r *DPAReport) WriteJSON(w io.Writer) error {
	type jrule struct {
		Rule           string   `json:"rule"`
		Requirements   []string `json:"requirements"`
		Partial        bool     `json:"partial_scope,omitempty"`
		TP             int      `json:"tp"`
		FP             int      `json:"fp"`
		FN             int      `json:"fn"`
		TN             int      `json:"tn"`
		Precision      *float64 `json:"precision"`
		Recall         *float64 `json:"recall"`
		QuoteRate      *float64 `json:"quote_rate"`
		QuoteHit       int      `json:"quote_hit"`
		QuoteUnmatched int      `json:"quote_unmatched"`
	}
	type jsplit struct {
		Split   string  `json:"split"`
		DPAs    int     `json:"dpas"`
		Overall jrule   `json:"overall"`
		Full    jrule   `json:"overall_full_scope"`
		Rules   []jrule `json:"rules"`
	}
	type jreq struct {
		ID       string   `json:"id"`
		Meaning  string   `json:"meaning"`
		Examples []string `json:"examples"`
		Rule     string   `json:"rule,omitempty"`
		Scope    string   `json:"scope,omitempty"`
	}
	type joutcome struct {
		DPA            string `json:"dpa"`
		Split          string `json:"split"`
		Rule           string `json:"rule"`
		Present        bool   `json:"present"`
		Status         string `json:"status"`
		Found          bool   `json:"found"`
		Section        string `json:"section,omitempty"`
		Quote          string `json:"quote,omitempty"`
		QuoteSentences []int  `json:"quote_sentences,omitempty"`
		QuoteOK        bool   `json:"quote_ok"`
	}
	conv := func(s DPARuleScore) jrule {
		return jrule{Rule: s.Rule, Requirements: s.Reqs, Partial: s.Partial, TP: s.TP, FP: s.FP, FN: s.FN, TN: s.TN,
			Precision: num(s.Precision()), Recall: num(s.Recall()), QuoteRate: num(s.QuoteRate()), QuoteHit: s.QuoteHit, QuoteUnmatched: s.QuoteUnmatched}
	}
	out := struct {
		Dataset      string            `json:"dataset"`
		Dedup        string            `json:"dedup"`
		Requirements []jreq            `json:"requirements"`
		Splits       []jsplit          `json:"splits"`
		Outcomes     []joutcome        `json:"outcomes"`
		Unreadable   map[string]string `json:"unreadable"`
	}{Dataset: r.Dir, Dedup: r.Dedup, Unreadable: r.Unreadable}
	for _, q := range r.Requirements {
		out.Requirements = append(out.Requirements, jreq(q))
	}
	for _, s := range r.Splits {
		js := jsplit{Split: s.Split, DPAs: s.DPAs, Overall: conv(s.Overall), Full: conv(s.Full)}
		for _, rs := range s.Rules {
			js.Rules = append(js.Rules, conv(rs))
		}
		out.Splits = append(out.Splits, js)
	}
	for _, o := range r.Outcomes {
		out.Outcomes = append(out.Outcomes, joutcome{DPA: o.DPA, Split: o.Split, Rule: o.Rule, Present: o.Present, Status: o.Status, Found: o.Found,
			Section: o.Section, Quote: o.Quote, QuoteSentences: o.QuoteSentences, QuoteOK: o.QuoteOK})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

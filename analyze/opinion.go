package analyze

import (
	"sort"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
)

// SecondOpinion is what an optional language model said about a result
// (package analyze/llm fills it; the rules' findings stay as they were
// unless the caller lets the model change them).
type SecondOpinion struct {
	Model    string `json:"model"`
	Endpoint string `json:"endpoint"`
	// Summary is the model's short summary of the vendor's position.
	Summary  string    `json:"summary,omitempty"`
	Rechecks []Recheck `json:"rechecks"`
	// Classified are clauses or items the rules left without a domain.
	Classified []Classification `json:"classified,omitempty"`
	// Applied is true when the model's statuses replaced the rules' ones
	// (and so could move the score and verdict).
	Applied bool `json:"applied"`
	// Requests, CacheHits and Tokens count the run's use of the endpoint;
	// DiscardedQuotes counts replies whose quote was not in the document.
	Requests        int      `json:"requests"`
	CacheHits       int      `json:"cache_hits"`
	Tokens          int      `json:"tokens"`
	DiscardedQuotes int      `json:"discarded_quotes"`
	Errors          []string `json:"errors,omitempty"`
}

// Recheck is the model's reading of one weak or missing finding.
type Recheck struct {
	Rule        string `json:"rule"`
	RuleStatus  string `json:"rule_status"`
	ModelStatus string `json:"model_status"`
	Changed     bool   `json:"changed"`
	// Quote is the span the model cites, verbatim from the document, and
	// Section the clause it stands in.
	Quote   string `json:"quote,omitempty"`
	Section string `json:"section,omitempty"`
	Reason  string `json:"reason"`
}

// Classification is the model's domain and owner for one clause or item.
type Classification struct {
	Evidence Evidence `json:"evidence"`
	Domain   string   `json:"domain"`
	Owner    Owner    `json:"owner"`
	Reason   string   `json:"reason,omitempty"`
}

// Candidate is a clause sentence that may hold a rule's term, ranked by how
// much of the rule's wording it shares.
type Candidate struct {
	Evidence Evidence
	// Score is the share of the rule's signal groups the sentence matches
	// (0-1), plus a small bonus for words of the rule's title.
	Score float64
}

// Candidates returns up to n sentences of the agreements that come closest
// to showing the rule's term, best first: the text a second reader should
// look at before agreeing that a term is missing or weak.
func Candidates(r *Rule, agreements []*extract.Agreement, n int) []Candidate {
	title := titleWords(r.Title)
	var out []Candidate
	for _, u := range agreementUnits(agreements, "", r.vocab) {
		f := u.frame
		best := 0.0
		for _, c := range r.frames {
			parts, found := 0, 0
			count := func(classes []string, from, to int) {
				if len(classes) == 0 {
					return
				}
				parts++
				if f.anyIn(classes, from, to) || f.anyHeading(classes) {
					found++
				}
			}
			count(c.Action, 0, len(f.toks))
			count(c.Object, 0, len(f.toks))
			for _, g := range c.With {
				count(g, 0, len(f.toks))
			}
			for _, group := range c.signals {
				parts++
				for _, re := range group {
					if re.MatchString(f.text) {
						found++
						break
					}
				}
			}
			if parts > 0 {
				best = max(best, float64(found)/float64(parts))
			}
		}
		lower := strings.ToLower(u.reading())
		bonus := 0.0
		for _, w := range title {
			if strings.Contains(lower, w) {
				bonus += 0.05
			}
		}
		score := best + min(bonus, 0.3)
		if score > 0 {
			out = append(out, Candidate{Evidence: u.evidence(""), Score: score})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func titleWords(title string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(title)) {
		w = strings.Trim(w, ",.;:()")
		if len(w) > 4 {
			out = append(out, w)
		}
	}
	return out
}

// UnclassifiedClauses returns the agreement sentences that bind a party but
// fall in no CCM domain by the keyword classifier, up to n.
func UnclassifiedClauses(agreements []*extract.Agreement, n int) []Evidence {
	v, err := embeddedVocabulary()
	if err != nil {
		return nil
	}
	var out []Evidence
	for _, u := range agreementUnits(agreements, "", v) {
		if len(out) >= n {
			break
		}
		binds := false
		for _, p := range u.frame.preds {
			binds = binds || p.modality == ModalBinding || p.modality == ModalPermissive
		}
		if !binds || len(classifyDomains(u.full())) > 0 {
			continue
		}
		out = append(out, u.evidence(""))
	}
	return out
}

// Rescore recomputes the summary, score and verdict after findings changed
// (a second opinion that was allowed to change statuses).
func Rescore(res *Result) { score(res) }

package analyze

import (
	"fmt"
	"sort"

	"github.com/ssrm-dev/ssrm/extract"
)

// Signal is one thing the engine matches: a vocabulary phrase, or one frame
// of a rule (its own, an element's or a red flag's).
type Signal struct {
	// ID names it: "vocabulary/notify: report", "rule/subprocessors:
	// elements[approval].frames[0]".
	ID string `json:"id"`
	// Docs is how many documents it was found in; Hits how many units.
	Docs int `json:"docs"`
	Hits int `json:"hits"`
}

// SignalCounter counts, document by document, where each signal is found:
// the evidence that a phrase or frame is a rule of the language and not a
// sentence of one document (ssrm rules stats).
type SignalCounter struct {
	rs   *RuleSet
	docs map[string]int
	hits map[string]int
	ids  []string
}

// NewSignalCounter starts a count for the rules and vocabulary in force.
func (rs *RuleSet) NewSignalCounter() *SignalCounter {
	c := &SignalCounter{rs: rs, docs: map[string]int{}, hits: map[string]int{}}
	for _, cl := range rs.Vocabulary.Classes {
		for _, p := range cl.Phrases {
			c.ids = append(c.ids, phraseSignal(cl.ID, p))
		}
	}
	for _, r := range rs.Rules {
		for _, f := range append(append([]*frameSpec{}, r.frames...), r.flags...) {
			c.ids = append(c.ids, frameSignal(r, f))
		}
	}
	return c
}

func phraseSignal(class, src string) string { return "vocabulary/" + class + ": " + src }

func frameSignal(r *Rule, f *frameSpec) string {
	switch {
	case f.flag != nil:
		return fmt.Sprintf("rule/%s: red_flags[%s].frames[%d]", r.ID, f.flag.ID, f.index)
	case f.element != "":
		return fmt.Sprintf("rule/%s: elements[%s].frames[%d]", r.ID, f.element, f.index)
	case len(f.Action) == 0 && len(f.Object) == 0 && len(f.With) == 0:
		return fmt.Sprintf("rule/%s: signals", r.ID)
	}
	return fmt.Sprintf("rule/%s: frames[%d]", r.ID, f.index)
}

// Add counts one document.
func (c *SignalCounter) Add(a *extract.Agreement) {
	seen := map[string]int{}
	units := agreementUnits([]*extract.Agreement{a}, "", c.rs.Vocabulary)
	v := c.rs.Vocabulary
	for _, u := range units {
		m := u.frame.m
		for _, cl := range v.Classes {
			vc := v.byID[cl.ID]
			for k, p := range vc.phrases {
				for i := range m.toks {
					if first := p.firstWords(); first != nil && !contains(first, m.toks[i].w) {
						continue
					}
					if len(m.match(p.words, 0, i)) > 0 {
						seen[phraseSignal(cl.ID, cl.Phrases[k])]++
						break
					}
				}
			}
		}
		for _, r := range c.rs.Rules {
			for _, f := range append(append([]*frameSpec{}, r.frames...), r.flags...) {
				if len(r.hitsIn(u, []*frameSpec{f})) > 0 {
					seen[frameSignal(r, f)]++
				}
			}
		}
	}
	for id, n := range seen {
		c.docs[id]++
		c.hits[id] += n
	}
}

// Signals returns every signal with its counts, in the order of the
// vocabulary and the packs.
func (c *SignalCounter) Signals() []Signal {
	out := make([]Signal, 0, len(c.ids))
	for _, id := range c.ids {
		out = append(out, Signal{ID: id, Docs: c.docs[id], Hits: c.hits[id]})
	}
	return out
}

// Lonely returns the signals found in exactly one document: a pattern that
// matches one document of a corpus is tuning, not a rule.
func Lonely(signals []Signal) []Signal {
	var out []Signal
	for _, s := range signals {
		if s.Docs == 1 {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

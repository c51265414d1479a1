package analyze

import (
	"errors"
	"fmt"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
)

// FrameSpec says which obligation shows a term: who acts, which action, on
// what. Classes are the vocabulary's (templates/vocabulary/).
type FrameSpec struct {
	// Actor is whose predicate counts: "vendor" (the vendor, both parties,
	// or a subject that names neither party, e.g. a passive "Notice shall
	// be given"), "vendor-only", "customer", "customer-side" (the customer
	// or both), "third-party", "authority" or "any". Default: the rule's
	// subject.
	Actor string `yaml:"actor" json:"actor,omitempty"`
	// Action: one of these classes must stand in the predicate (its verb
	// or what it governs).
	Action []string `yaml:"action" json:"action,omitempty"`
	// Object: one of these classes must stand before or in the predicate,
	// or in the clause's heading ("8. Security Incidents").
	Object []string `yaml:"object" json:"object,omitempty"`
	// With: further groups, each found somewhere in the sentence.
	With [][]string `yaml:"with" json:"with,omitempty"`
	// Not: none of these classes may stand in the predicate.
	Not []string `yaml:"not" json:"not,omitempty"`
	// Modality limits the predicates that count (binding, permissive,
	// advisory, declarative, none). Default: all.
	Modality []string `yaml:"modality" json:"modality,omitempty"`
	// Negated: "" (a negated predicate does not show the term), "counts" (a
	// prohibition is the duty itself: "Customer shall not share its
	// password"), "only" (only a negation counts), or "denies" (only a
	// denial of duty counts: "Provider disclaims ...", "makes no warranty",
	// not "shall not decrease the security"), for red flags.
	Negated string `yaml:"negated" json:"negated,omitempty"`
	// Signals are regular-expression groups the sentence must also match
	// (each group one pattern); "{class}" stands for a vocabulary class.
	Signals [][]string `yaml:"signals" json:"signals,omitempty"`
	// Conditioned: the frame reads a permission bound to a duty ("Provider
	// may amend these terms with thirty days' written notice": the notice
	// is owed), so a permissive modal does not weaken it.
	Conditioned bool `yaml:"conditioned" json:"conditioned,omitempty"`
	// Right: the frame reads a right granted to the customer ("Customer
	// may export its data for thirty days after termination"): "may"
	// grants the right, so it is no hedge, as in rules whose every frame is
	// a right (Rule.Permissive).
	Right bool `yaml:"right" json:"right,omitempty"`
	// Supporting: the frame marks its element found where the term is
	// shown by another frame, but never shows the term alone ("the
	// Standard Contractual Clauses" named beside a storage location).
	Supporting bool `yaml:"supporting" json:"supporting,omitempty"`
	// Whole: a sentence of this frame states the term whole though its
	// element is the only essential one found ("shall not engage a
	// subprocessor without Customer's prior written consent": the customer
	// decides each one, and needs no list, notice or objection).
	Whole bool `yaml:"whole" json:"whole,omitempty"`
	// CitedAfter: a sentence of this frame shows the term and grades it,
	// but a lawyer quotes it after a sentence of the rule's other frames
	// (the customer's general authorisation of subprocessors after the
	// list, notice and objection; the notice of a new subprocessor after
	// the agreement's own notice of its changes), so it leads the
	// evidence only where no other sentence shows the term.
	CitedAfter bool `yaml:"cited_after" json:"cited_after,omitempty"`
}

// Element is one part of a term with several.
type Element struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	// Essential: the term is weak without one essential element.
	Essential bool `yaml:"essential" json:"essential,omitempty"`
	// Weakens: found, the element makes the term weak ("processing
	// wherever the vendor operates"); it is never reported as missing.
	Weakens bool `yaml:"weakens" json:"weakens,omitempty"`
	// Alternative: a weaker form of the term standing in for an essential
	// element ("each Recipient will return the Discloser's Confidential
	// Information"); found alone, the term is weak; never reported as
	// missing.
	Alternative bool `yaml:"alternative" json:"alternative,omitempty"`
	// SameAs: the element is another form of the one named ("the data
	// deleted at the end" of "the data returned at the end"): each is
	// reported apart, but a sentence that states both shows one element,
	// not two, when hits are ranked.
	SameAs string      `yaml:"same_as" json:"same_as,omitempty"`
	Frames []FrameSpec `yaml:"frames" json:"frames"`
}

// RedFlag is a wording that undermines a term. Found beside a term, it
// makes the term weak; found alone, it is quoted on the missing finding, or
// — when StatesTerm, because the wording is itself a poor version of the
// term ("we may change these terms without notice") — the term is weak.
type RedFlag struct {
	ID         string `yaml:"id" json:"id"`
	Title      string `yaml:"title" json:"title"`
	StatesTerm bool   `yaml:"states_term" json:"states_term,omitempty"`
	// Answerable: a binding statement of the term in the same clause
	// answers the flag ("Provider may update this DPA from time to time.
	// Provider shall notify Customer of material changes 30 days before
	// they take effect."), so it is not raised there.
	Answerable bool `yaml:"answerable" json:"answerable,omitempty"`
	// KeepsPointer: the flag only disclaims, so a term the agreement only
	// points at stays by-reference beside it (it does not turn weak).
	KeepsPointer bool `yaml:"keeps_pointer" json:"keeps_pointer,omitempty"`
	// KeepsGrade: beside a term the agreement binds, the flag is quoted
	// but the term keeps its grade (a disclaimer of lost data beside bound
	// security measures: the labels grade the measures met).
	KeepsGrade bool `yaml:"keeps_grade" json:"keeps_grade,omitempty"`
	// Yields: the flag is not raised in a clause where another flag of the
	// rule is found (assent by renewal beside a change without notice).
	Yields bool        `yaml:"yields" json:"yields,omitempty"`
	Frames []FrameSpec `yaml:"frames" json:"frames"`
}

// signalPat is what signalsAt knows of a signal pattern besides itself.
type signalPat struct {
	lits []string
	// also: the pattern's other required sets (alsoLitsOf), each of
	// which the sentence must hold one of.
	also [][]string
	// runs counts the sentences the pattern was run on; past splitAfter
	// it is run by its branches (signalBranches), found then.
	runs     *atomic.Int32
	branches func() []signalBranch
}

// frameSpec is a FrameSpec compiled against the vocabulary.
type frameSpec struct {
	FrameSpec
	actors   map[Party]bool
	modality map[string]bool
	signals  [][]*regexp.Regexp
	// signalPats: each signal's literals (literalsOf) and branches
	// (signalBranches), read once, on first use (signalsAt).
	signalPats func() [][]signalPat
	// element is the element this frame shows ("" for the rule's own).
	element   string
	essential bool
	flag      *RedFlag
	// index is the frame's place in its list, for naming it.
	index int
}

var placeholders = lazyre.New(`\{([a-z][a-z0-9-]*)\}`)

var actorSets = map[string][]Party{
	"vendor":        {PartyVendor, PartyMutual, PartyUnknown},
	"vendor-only":   {PartyVendor},
	"customer":      {PartyCustomer, PartyMutual},
	"customer-only": {PartyCustomer},
	"third-party":   {PartyThird},
	"authority":     {PartyAuthority},
	"any":           {PartyVendor, PartyCustomer, PartyMutual, PartyThird, PartyAuthority, PartyUnknown},
}

var modalities = map[string]bool{ModalBinding: true, ModalPermissive: true, ModalAdvisory: true, ModalDeclarative: true, ModalNone: true}

// compileFrames checks the rule's frames against the vocabulary and
// compiles its regular expressions with classes expanded.
func (r *Rule) compileFrames(v *Vocabulary) error {
	r.frames, r.flags, r.vocab = nil, nil, v
	add := func(fs FrameSpec, where, element string, essential bool, flag *RedFlag, index int) error {
		c, err := compileSpec(fs, r.Subject, v)
		if err != nil {
			return fmt.Errorf("%s: %v", where, err)
		}
		c.element, c.essential, c.flag, c.index = element, essential, flag, index
		if flag != nil {
			r.flags = append(r.flags, c)
		} else {
			r.frames = append(r.frames, c)
		}
		return nil
	}
	for i, fs := range r.Frames {
		if err := add(fs, fmt.Sprintf("frames[%d]", i), "", true, nil, i); err != nil {
			return err
		}
	}
	for i, e := range r.Elements {
		for k, fs := range e.Frames {
			if err := add(fs, fmt.Sprintf("elements[%d] (%s): frames[%d]", i, e.ID, k), e.ID, e.Essential, nil, k); err != nil {
				return err
			}
		}
	}
	for i := range r.RedFlags {
		f := &r.RedFlags[i]
		for k, fs := range f.Frames {
			if err := add(fs, fmt.Sprintf("red_flags[%d] (%s): frames[%d]", i, f.ID, k), "", false, f, k); err != nil {
				return err
			}
		}
	}
	if len(r.Signals) > 0 {
		// A rule written the older way: one frame of its signals.
		if err := add(FrameSpec{Signals: r.Signals}, "signals", "", true, nil, 0); err != nil {
			return err
		}
	}
	r.topic = r.Topic
	if len(r.topic) == 0 {
		seen := map[string]bool{}
		for _, f := range r.frames {
			for _, o := range f.Object {
				if !seen[o] {
					seen[o] = true
					r.topic = append(r.topic, o)
				}
			}
		}
	}
	for _, t := range r.topic {
		if v.byID[t] == nil {
			return fmt.Errorf("topic: no vocabulary class %q", t)
		}
	}
	for _, t := range r.Demote {
		if v.byID[t] == nil {
			return fmt.Errorf("demote: no vocabulary class %q", t)
		}
	}
	for _, t := range r.Prefer {
		if v.byID[t] == nil {
			return fmt.Errorf("prefer: no vocabulary class %q", t)
		}
	}
	for _, t := range r.PreferNext {
		if v.byID[t] == nil {
			return fmt.Errorf("prefer_next: no vocabulary class %q", t)
		}
	}
	for _, t := range r.PreferHeading {
		if v.byID[t] == nil {
			return fmt.Errorf("prefer_heading: no vocabulary class %q", t)
		}
	}
	for w, un := range r.WeakenerUnless {
		if c := v.byID[w]; c == nil || c.def.Kind != "weakener" {
			return fmt.Errorf("weakener_unless: no vocabulary weakener %q", w)
		}
		if v.byID[un] == nil {
			return fmt.Errorf("weakener_unless: %s: no vocabulary class %q", w, un)
		}
	}
	var err error
	r.weakeners, r.unless = nil, nil
	for k, w := range r.Weakeners {
		re, err := expandRegexp(w.Pattern, v)
		if err != nil {
			return fmt.Errorf("weakeners[%d]: %v", k, err)
		}
		var un *regexp.Regexp
		if w.Unless != "" {
			if un, err = expandRegexp(w.Unless, v); err != nil {
				return fmt.Errorf("weakeners[%d]: unless: %v", k, err)
			}
		}
		r.weakeners = append(r.weakeners, re)
		r.unless = append(r.unless, un)
	}
	r.details = nil
	for k, d := range r.Details {
		re, e := expandRegexp(d.Pattern, v)
		if e != nil {
			return fmt.Errorf("details[%d]: %v", k, e)
		}
		r.details = append(r.details, re)
	}
	r.mentions = nil
	for k, d := range r.Mentions {
		re, e := expandRegexp(d.Pattern, v)
		if e != nil {
			return fmt.Errorf("mentions[%d]: %v", k, e)
		}
		r.mentions = append(r.mentions, re)
	}
	return err
}

func compileSpec(fs FrameSpec, subject string, v *Vocabulary) (*frameSpec, error) {
	c := &frameSpec{FrameSpec: fs, actors: map[Party]bool{}}
	actor := fs.Actor
	if actor == "" {
		actor = subject
	}
	set, ok := actorSets[actor]
	if !ok {
		return nil, fmt.Errorf("actor: want vendor, vendor-only, customer, customer-only, third-party, authority or any, got %q", actor)
	}
	for _, p := range set {
		c.actors[p] = true
	}
	classes := append(append(append([]string{}, fs.Action...), fs.Object...), fs.Not...)
	for _, g := range fs.With {
		if len(g) == 0 {
			return nil, errors.New("with: empty group")
		}
		classes = append(classes, g...)
	}
	for _, id := range classes {
		if v.byID[id] == nil {
			return nil, fmt.Errorf("no vocabulary class %q", id)
		}
	}
	if len(fs.Modality) > 0 {
		c.modality = map[string]bool{}
		for _, m := range fs.Modality {
			if !modalities[m] {
				return nil, fmt.Errorf("modality: want binding, permissive, advisory, declarative or none, got %q", m)
			}
			c.modality[m] = true
		}
	}
	switch fs.Negated {
	case "", "counts", "only", "denies":
	default:
		return nil, fmt.Errorf(`negated: want "", "counts", "only" or "denies", got %q`, fs.Negated)
	}
	if len(fs.Action) == 0 && len(fs.Object) == 0 && len(fs.With) == 0 && len(fs.Signals) == 0 {
		return nil, errors.New("a frame needs an action, an object, with or signals")
	}
	for g, group := range fs.Signals {
		if len(group) == 0 {
			return nil, fmt.Errorf("signals[%d]: empty group", g)
		}
		var res []*regexp.Regexp
		for k, p := range group {
			re, err := expandRegexp(p, v)
			if err != nil {
				return nil, fmt.Errorf("signals[%d][%d]: %v", g, k, err)
			}
			res = append(res, re)
		}
		c.signals = append(c.signals, res)
	}
	c.signalPats = sync.OnceValue(func() [][]signalPat {
		pats := make([][]signalPat, len(c.signals))
		for g, group := range c.signals {
			pats[g] = make([]signalPat, len(group))
			for k, re := range group {
				lits, also := signalLitsOf(re)
				pats[g][k] = signalPat{lits: lits, also: also, runs: new(atomic.Int32), branches: sync.OnceValue(func() []signalBranch { return signalBranches(re) })}
			}
		}
		return pats
	})
	return c, nil
}

// expandRegexp compiles a pattern case-insensitively with each {class}
// replaced by an alternation of the class's phrases.
func expandRegexp(pattern string, v *Vocabulary) (*regexp.Regexp, error) {
	p, err := expandPattern(pattern, v)
	if err != nil {
		return nil, err
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, fmt.Errorf("bad pattern %q: %v", pattern, err)
	}
	return re, nil
}

// expandPattern is the source expandRegexp compiles: the pattern,
// case-insensitive, with each {class} replaced by an alternation of the
// class's phrases.
func expandPattern(pattern string, v *Vocabulary) (string, error) {
	var bad error
	p := placeholders.ReplaceAllStringFunc(pattern, func(m string) string {
		id := m[1 : len(m)-1]
		if v.byID[id] == nil {
			bad = fmt.Errorf("bad pattern %q: no vocabulary class %q", pattern, id)
			return m
		}
		return "(?:" + v.classRegexp(id, 0) + ")"
	})
	if bad != nil {
		return "", bad
	}
	return `(?i)` + p, nil
}

// classRegexp renders a class as a regular expression (for patterns that
// name classes).
func (v *Vocabulary) classRegexp(id string, depth int) string {
	c := v.byID[id]
	if c == nil || depth > 4 {
		return `\b\B` // matches nothing
	}
	var alts []string
	for _, p := range c.phrases {
		var b strings.Builder
		b.WriteString(`\b`)
		for i, w := range p.words {
			sep := `\W+`
			if i == 0 {
				sep = ""
			}
			switch {
			case w.gap > 0:
				fmt.Fprintf(&b, `(?:\W+[\w'’]+){0,%d}`, w.gap)
				continue
			case w.class != "":
				part := sep + "(?:" + v.classRegexp(w.class, depth+1) + ")"
				if w.opt {
					part = "(?:" + part + ")?"
				}
				b.WriteString(part)
				continue
			}
			var seqs []string
			for _, seq := range w.alts {
				var parts []string
				for _, wp := range seq {
					if wp.prefix != "" {
						parts = append(parts, regexp.QuoteMeta(wp.prefix)+`\w*`)
						continue
					}
					var lits []string
					for _, l := range wp.lits {
						lits = append(lits, regexp.QuoteMeta(l))
					}
					parts = append(parts, "(?:"+strings.Join(lits, "|")+")")
				}
				seqs = append(seqs, strings.Join(parts, `[\s\-]*`))
			}
			part := sep + "(?:" + strings.Join(seqs, "|") + `)(?:['’]s)?`
			if w.opt {
				part = "(?:" + part + ")?"
			}
			b.WriteString(part)
		}
		b.WriteString(`\b`)
		alts = append(alts, b.String())
	}
	return strings.Join(alts, "|")
}

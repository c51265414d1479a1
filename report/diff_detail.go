package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
)

// What a Detail is about.
const (
	// DetailElement: a part of a term (subprocessors: list, notice,
	// objection, flow-down, liability) found in one round and not the
	// other.
	DetailElement = "element"
	// DetailDeadline: the deadline's hours, grade or trigger changed.
	DetailDeadline = "deadline"
	// DetailModality: a binding verb of a cited clause ("shall", "will",
	// "must") gave way to a permissive one ("may", "can", "should"), or
	// the other way round.
	DetailModality = "modality"
	// DetailWeakener: a weakener of the term ("sole discretion",
	// "commercially reasonable efforts") appeared or went.
	DetailWeakener = "weakener"
	// DetailRedFlag: a wording that works against the term appeared or
	// went.
	DetailRedFlag = "red-flag"
	// DetailEvidence: the clause cited first for the term moved (its
	// section changed).
	DetailEvidence = "evidence"
)

// Effects of a Detail on the term.
const (
	EffectWeaker   = "weaker"
	EffectStronger = "stronger"
	EffectMoved    = "moved" // neither: the same term, cited elsewhere
)

// Detail is one change within a term from the old round to the new,
// whether or not its status changed: an element lost or gained, a
// deadline lengthened or shortened, a duty made permissive, a weakener or
// red flag added or dropped, the cited clause moved.
type Detail struct {
	Kind   string `json:"kind"`   // one of the Detail* constants
	Effect string `json:"effect"` // weaker, stronger or moved
	// Subject is what changed: an element id, a weakener's reason, a red
	// flag id, the modal verbs ("shall"); "" for a deadline or a move.
	Subject string `json:"subject,omitempty"`
	// Old and New are the value in each round: a deadline's wording with
	// its hours and grade ("within 24 hours (24 h, strong)"), a section
	// ("§5.3"), a modal verb; "" where the round has none.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Essential is set for an element that is essential to the term.
	Essential bool `json:"essential,omitempty"`
	// Text says it in one line, for the human formats.
	Text string `json:"text"`
}

// details compares the two rounds' findings of one term, weaker changes
// first (an essential element before the rest), then stronger ones, then
// moves.
func details(o, n term) []Detail {
	var out []Detail
	out = append(out, elementDetails(o.f, n.f)...)
	out = append(out, deadlineDetails(o.f.Deadline, n.f.Deadline)...)
	out = append(out, modalityDetails(clauses(o.f), clauses(n.f))...)
	out = append(out, setDetails(DetailWeakener, o.f.Weakeners, n.f.Weakeners, func(s string) string { return s })...)
	out = append(out, setDetails(DetailRedFlag, redFlagIDs(o.f), redFlagIDs(n.f), func(id string) string { return redFlagTitle(o.f, n.f, id) })...)
	out = append(out, moveDetails(clauses(o.f), clauses(n.f))...)
	effect := map[string]int{EffectWeaker: 0, EffectStronger: 1, EffectMoved: 2}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Effect != b.Effect {
			return effect[a.Effect] < effect[b.Effect]
		}
		return a.Essential && !b.Essential
	})
	return out
}

// elementDetails lists the elements found in one round only.
func elementDetails(o, n analyze.Finding) []Detail {
	found := func(f analyze.Finding) map[string]analyze.ElementStatus {
		m := map[string]analyze.ElementStatus{}
		for _, e := range f.Elements {
			if e.Found {
				m[e.ID] = e
			}
		}
		return m
	}
	of, nf := found(o), found(n)
	var out []Detail
	add := func(e analyze.ElementStatus, effect, verb, round string) {
		d := Detail{Kind: DetailElement, Effect: effect, Subject: e.ID, Essential: e.Essential}
		where := ""
		if e.Section != "" {
			where = fmt.Sprintf(", §%s in the %s round", e.Section, round)
			if round == "old" {
				d.Old = "§" + e.Section
			} else {
				d.New = "§" + e.Section
			}
		}
		noun := "element"
		if e.Essential {
			noun = "essential element"
		}
		d.Text = fmt.Sprintf("%s %s: %s (%s%s)", noun, verb, e.Title, e.ID, where)
		out = append(out, d)
	}
	for _, e := range o.Elements { // the rule's order
		if _, ok := nf[e.ID]; !ok && e.Found {
			add(e, EffectWeaker, "lost", "old")
		}
	}
	for _, e := range n.Elements {
		if _, ok := of[e.ID]; !ok && e.Found {
			add(e, EffectStronger, "gained", "new")
		}
	}
	return out
}

// gradeRank orders deadline grades, best highest; "" and none lowest.
func gradeRank(g string) int {
	switch g {
	case analyze.GradeStrong:
		return 5
	case analyze.GradeGood:
		return 4
	case analyze.GradeUnquantified:
		return 3
	case analyze.GradeLong:
		return 2
	case analyze.GradeWeak:
		return 1
	}
	return 0
}

// triggerRank orders when a deadline's clock starts: awareness (earliest)
// above unstated above confirmation.
func triggerRank(t string) int {
	switch t {
	case "awareness":
		return 2
	case "confirmation":
		return 0
	}
	return 1
}

// deadlineText is `"within 24 hours" (24 h, strong)`, or "none".
func deadlineText(d *analyze.Deadline) string {
	if d == nil || d.Grade == analyze.GradeNone || d.Grade == "" {
		return "none"
	}
	var parts []string
	if d.Hours != nil {
		parts = append(parts, strconv.FormatFloat(*d.Hours, 'f', -1, 64)+" h")
	}
	parts = append(parts, d.Grade)
	return fmt.Sprintf("%s (%s)", quoted(d.Text), strings.Join(parts, ", "))
}

// deadlineDetails compares two deadlines: by hours when both state a
// number, else by grade; and when the clock starts.
func deadlineDetails(o, n *analyze.Deadline) []Detail {
	ot, nt := deadlineText(o), deadlineText(n)
	var out []Detail
	if ot != nt {
		cmp := 0
		switch {
		case o != nil && n != nil && o.Hours != nil && n.Hours != nil && *o.Hours != *n.Hours:
			if *n.Hours > *o.Hours {
				cmp = -1
			} else {
				cmp = 1
			}
		case o != nil && n != nil && o.Hours != nil && n.Hours != nil:
			cmp = 0 // the same hours in other words
		default:
			og, ng := "", ""
			if o != nil {
				og = o.Grade
			}
			if n != nil {
				ng = n.Grade
			}
			cmp = gradeRank(ng) - gradeRank(og)
		}
		switch {
		case cmp < 0:
			out = append(out, Detail{Kind: DetailDeadline, Effect: EffectWeaker, Old: ot, New: nt, Text: "deadline longer or looser: " + ot + " → " + nt})
		case cmp > 0:
			out = append(out, Detail{Kind: DetailDeadline, Effect: EffectStronger, Old: ot, New: nt, Text: "deadline shorter or firmer: " + ot + " → " + nt})
		}
	}
	if o != nil && n != nil && o.Trigger != n.Trigger {
		d := Detail{Kind: DetailDeadline, Subject: "trigger", Old: o.Trigger, New: n.Trigger}
		name := func(t string) string {
			if t == "" {
				return "unstated"
			}
			return t
		}
		switch r := triggerRank(n.Trigger) - triggerRank(o.Trigger); {
		case r < 0:
			d.Effect = EffectWeaker
			d.Text = "the deadline's clock starts later: " + name(o.Trigger) + " → " + name(n.Trigger)
		case r > 0:
			d.Effect = EffectStronger
			d.Text = "the deadline's clock starts earlier: " + name(o.Trigger) + " → " + name(n.Trigger)
		}
		if d.Effect != "" {
			out = append(out, d)
		}
	}
	return out
}

// Modal verbs that bind and that only permit.
var (
	bindingModals    = map[string]bool{"shall": true, "will": true, "must": true}
	permissiveModals = map[string]bool{"may": true, "can": true, "might": true, "should": true, "could": true}
)

// modalWords lists the modal verbs of a word run, lower case, in order.
func modalWords(text string, set map[string]bool) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		w = strings.ToLower(strings.Trim(w, `.,;:()"'“”‘’`))
		if set[w] {
			out = append(out, w)
		}
	}
	return out
}

// modalityDetails finds, in the cited clauses paired as clauseChanges
// pairs them, a binding modal deleted where a permissive one is inserted
// (a duty made permissive: "shall notify" → "may notify"), or the other
// way round. Modals the two texts share are not changes.
func modalityDetails(old, new []analyze.Evidence) []Detail {
	var out []Detail
	for _, c := range clauseChanges(old, new) {
		if c.Old == "" || c.New == "" {
			continue
		}
		var delBind, insPerm, delPerm, insBind []string
		for _, w := range c.Words {
			switch w.Op {
			case "-":
				delBind = append(delBind, modalWords(w.Text, bindingModals)...)
				delPerm = append(delPerm, modalWords(w.Text, permissiveModals)...)
			case "+":
				insPerm = append(insPerm, modalWords(w.Text, permissiveModals)...)
				insBind = append(insBind, modalWords(w.Text, bindingModals)...)
			}
		}
		sec := sectionOf(c.New)
		if len(delBind) > 0 && len(insPerm) > 0 {
			o, n := strings.Join(dedupe(delBind), `", "`), strings.Join(dedupe(insPerm), `", "`)
			out = append(out, Detail{Kind: DetailModality, Effect: EffectWeaker, Subject: n, Old: o, New: n,
				Text: fmt.Sprintf("duty made permissive%s: %s → %s", sec, quoted(o), quoted(n))})
		}
		if len(delPerm) > 0 && len(insBind) > 0 {
			o, n := strings.Join(dedupe(delPerm), `", "`), strings.Join(dedupe(insBind), `", "`)
			out = append(out, Detail{Kind: DetailModality, Effect: EffectStronger, Subject: n, Old: o, New: n,
				Text: fmt.Sprintf("permission made a duty%s: %s → %s", sec, quoted(o), quoted(n))})
		}
	}
	return out
}

// sectionOf is " in §4.1" for a place "v2.md p. 1 §4.1", else "".
func sectionOf(place string) string {
	if i := strings.Index(place, " §"); i >= 0 {
		return " in" + place[i:]
	}
	return ""
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// setDetails lists the members of one round only: added ones weaken the
// term (weakeners, red flags), dropped ones strengthen it.
func setDetails(kind string, old, new []string, title func(string) string) []Detail {
	in := func(ss []string) map[string]bool {
		m := map[string]bool{}
		for _, s := range ss {
			m[s] = true
		}
		return m
	}
	om, nm := in(old), in(new)
	noun := map[string]string{DetailWeakener: "weakener", DetailRedFlag: "red flag"}[kind]
	var out []Detail
	for _, s := range dedupe(new) {
		if !om[s] {
			out = append(out, Detail{Kind: kind, Effect: EffectWeaker, Subject: s, Text: noun + " added: " + title(s)})
		}
	}
	for _, s := range dedupe(old) {
		if !nm[s] {
			out = append(out, Detail{Kind: kind, Effect: EffectStronger, Subject: s, Text: noun + " dropped: " + title(s)})
		}
	}
	return out
}

func redFlagIDs(f analyze.Finding) []string {
	var out []string
	for _, r := range f.RedFlags {
		out = append(out, r.ID)
	}
	return out
}

func redFlagTitle(o, n analyze.Finding, id string) string {
	for _, f := range []analyze.Finding{n, o} {
		for _, r := range f.RedFlags {
			if r.ID == id {
				return r.Title
			}
		}
	}
	return id
}

// moveDetails says when the clause cited first for the term stands in
// another section of the new round: the same wording moved, or another
// clause now cited.
func moveDetails(old, new []analyze.Evidence) []Detail {
	if len(old) == 0 || len(new) == 0 {
		return nil
	}
	o, n := old[0], new[0]
	if o.Section == n.Section || o.Section == "" || n.Section == "" {
		return nil
	}
	d := Detail{Kind: DetailEvidence, Effect: EffectMoved, Old: "§" + o.Section, New: "§" + n.Section}
	if strings.Join(strings.Fields(o.Text), " ") == strings.Join(strings.Fields(n.Text), " ") {
		d.Text = fmt.Sprintf("the cited clause moved, its wording unchanged: §%s → §%s", o.Section, n.Section)
	} else {
		d.Text = fmt.Sprintf("now cited from another clause: §%s → §%s", o.Section, n.Section)
	}
	return []Detail{d}
}

// weigh sums the effects: weaker when any detail weakens the term (a loss
// is shown as a loss even beside a gain), stronger when only gains, else
// "".
func weigh(ds []Detail) string {
	effect := ""
	for _, d := range ds {
		switch d.Effect {
		case EffectWeaker:
			return EffectWeaker
		case EffectStronger:
			effect = EffectStronger
		}
	}
	return effect
}

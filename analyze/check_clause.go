package analyze

import (
	"runtime"
	"strings"
	"sync/atomic"
)

// clauseWeakeners are the reasons the rule's own weakeners give in the
// other sentences of the best hit's clause (same file and section) that
// name one of the rule's topic classes: "Customer may audit Provider once a
// year. Audits are at Customer's expense." weakens the first sentence's
// term. A rule that reads all its weakeners in the clause (ClauseWeakeners)
// reads them in the sibling sub-clauses too: "10.1 Provider shall make
// available all information ... 10.2 Customer may audit ... at its own
// cost. 10.3 Audits at most once a year." is one audit clause, whose
// limits stand in the sub-clauses after the one quoted. A unit with no
// section has no clause to read. Such a rule reads the quoted sentence's
// other predicates too: "Processor shall make available all information
// ... and shall allow for and contribute to audits ..., at Controller's
// expense" limits the audit whichever predicate the hit stands on.
func (r *Rule) clauseWeakeners(b *hit, units []*unit) []string {
	if b.u.section == "" || len(r.weakeners) == 0 || !r.readsClause() {
		return nil
	}
	var out []string
	for _, u := range units {
		if u == b.u && !r.ClauseWeakeners || u.file != b.u.file || clauseOf(u.section) != clauseOf(b.u.section) && !(r.ClauseWeakeners && siblingClause(u.section, b.u.section)) {
			continue
		}
		f := u.frame
		if !f.anyIn(r.topic, 0, len(f.toks)) {
			continue
		}
		for i, re := range r.weakeners {
			if !r.ClauseWeakeners && !r.Weakeners[i].Clause {
				continue
			}
			if re.MatchString(f.text) && (r.unless[i] == nil || !r.unless[i].MatchString(f.text)) {
				out = appendOnce(out, r.Weakeners[i].Reason)
			}
		}
	}
	return out
}

// siblingClause says sec stands under the same numbered parent as cite
// ("10.3" beside "10.1", "Annex A 11.2" beside "Annex A 11.1"), or in a
// sub-item of cite's clause ("3.7(c)" under "3.7"). Top-level clauses
// ("9" and "10") are no siblings: they have no parent.
func siblingClause(sec, cite string) bool {
	sec, cite = clauseOf(sec), clauseOf(cite)
	if subItemOf(sec, cite) {
		return true
	}
	p := parentSection(cite)
	return p != "" && parentSection(sec) == p
}

// readsClause says some weakener of the rule is read in the clause's
// other sentences (clause_weakeners, or a weakener's clause: true); the
// others spare clauseWeakeners its walk over the units.
func (r *Rule) readsClause() bool {
	if r.ClauseWeakeners {
		return true
	}
	for _, w := range r.Weakeners {
		if w.Clause {
			return true
		}
	}
	return false
}

// clauseOf is a section without the sub-heading its id ends with: `3.6
// "Audit Procedures"` is of clause 3.6, whose lead paragraph states the
// right its sub-heading then limits.
func clauseOf(section string) string {
	if i := strings.Index(section, ` "`); i > 0 && strings.HasSuffix(section, `"`) {
		return section[:i]
	}
	return section
}

// showsTerm says one of the hits shows the term: any but a supporting
// frame's.
func showsTerm(pos []hit) bool {
	for _, h := range pos {
		if !h.spec.Supporting {
			return true
		}
	}
	return false
}

// clauseDeadline is the deadline a statement's clause gives it in a later
// sentence when the statement has none: "Provider will report any Breach
// to Customer. Provider will make such report no later than four (4) hours
// after discovery." A sub-item nested below the statement gives it too,
// passive or without a verb ("Business Associate shall: (a) report any
// Security Incident, as follows: (i) without unreasonable delay and in no
// case later than ten days"), unless it binds the customer. It returns the
// unit it was read from, or nil.
func clauseDeadline(h *hit, units []*unit) (*Deadline, *unit) {
	if h.deadline != nil && h.deadline.Grade != GradeNone || h.u.section == "" {
		return nil, nil
	}
	after := false
	for _, u := range units {
		if u == h.u {
			after = true
			continue
		}
		if !after || u.file != h.u.file {
			continue
		}
		if subItemOf(u.section, h.u.section) {
			if d := ParseDeadline(u.frame.text); d.Grade != GradeNone && !bindsCustomer(u.frame) {
				return &d, u
			}
			continue
		}
		if u.section != h.u.section {
			continue
		}
		f := u.frame
		if len(f.m.find("notice-noun")) == 0 && len(f.m.find("notify")) == 0 || len(f.preds) == 0 {
			continue
		}
		// The vendor's own notice ("such report", or the vendor named), not
		// the customer's duty to tell the vendor.
		if a := f.preds[0].actor; a == PartyCustomer || a != PartyVendor && len(f.m.find("anaphor")) == 0 {
			continue
		}
		if d := ParseDeadline(f.text); d.Grade != GradeNone {
			return &d, u
		}
	}
	return nil, nil
}

// subItemOf says section id is a sub-item nested below section sec: `3.1`
// and `3(a)` below `3`, `"Duties" 2.1` below `"Duties" 2`.
func subItemOf(id, sec string) bool {
	if len(id) <= len(sec) || !strings.HasPrefix(id, sec) {
		return false
	}
	switch id[len(sec)] {
	case '.', '(':
		return true
	}
	return false
}

// bindsCustomer says a predicate of the frame is the customer's.
func bindsCustomer(f *Frame) bool {
	for _, p := range f.preds {
		if p.actor == PartyCustomer {
			return true
		}
	}
	return false
}

// quickDeadline says a deadline is a number of hours within 72.
func quickDeadline(d *Deadline) bool {
	return d != nil && (d.Grade == GradeStrong || d.Grade == GradeGood)
}

// quickerStatement is the statement of a deadline term to grade it on:
// best, unless its deadline is slower or vaguer than 72 hours and another
// statement of the term, met or weak, gives one within 72 hours (in its
// own sentence or its clause's next): a BAA reports "Security Incidents"
// quarterly and "Breaches" within four hours, and the breach notice is
// the four hours.
func quickerStatement(best *hit, pos []hit, units []*unit) *hit {
	eff := func(h *hit) *Deadline {
		if d, u := clauseDeadline(h, units); u != nil {
			return d
		}
		return h.deadline
	}
	if quickDeadline(eff(best)) {
		return best
	}
	for i := range pos {
		h := &pos[i]
		if h == best || !h.spec.essential || h.spec.Supporting || (h.status != StatusMet && h.status != StatusWeak) {
			continue
		}
		if quickDeadline(eff(h)) {
			return h
		}
	}
	return best
}

// wholeElement says an element's best hit is of a frame that states the
// term whole (FrameSpec.Whole).
func wholeElement(elements map[string]*hit) bool {
	for _, h := range elements {
		if h.spec.essential && h.spec.Whole {
			return true
		}
	}
	return false
}

// otherPartysClause says a vendor's term was read in a passive with no
// actor inside the customer's own duty ("If Customer determines that a
// breach must be notified to an authority, Customer agrees to notify
// Provider in advance"): the clause binds the customer, and it supports
// no vendor term.
func otherPartysClause(h hit) bool {
	if h.p == nil || h.p.actor != PartyUnknown || (h.spec.Actor != "vendor" && h.spec.Actor != "vendor-only") {
		return false
	}
	for _, q := range h.u.frame.preds {
		if q.actor == PartyCustomer && q.modality == ModalBinding && !q.negated {
			return true
		}
	}
	return false
}

// flagsStateSomething says a red flag beside a pointer-only term makes it
// weak: a flag that speaks of the term's own matter ("we may delete your
// data on termination") is a poor version of it here. A flag that only
// disclaims (RedFlag.KeepsPointer: "will comply with the Security
// Measures" at a web address, and no liability for security failures)
// states nothing, and the term stays by-reference.
func flagsStateSomething(flags []hit) bool {
	for _, h := range flags {
		if !h.spec.flag.KeepsPointer {
			return true
		}
	}
	return false
}

// unitsHits is every unit's hits for the rule (unitHits), joined in unit
// order. Each unit is read on its own (its frame and its matcher's memo are
// its own), so runs of units are read in parallel, unless as many analyses
// run at once as there are processors (a batch's): they keep them busy.
func (r *Rule) unitsHits(units []*unit) (pos, negated, flags []hit) {
	runs := make([]hitLists, (len(units)+hitRun-1)/hitRun)
	read := func(k int) {
		for _, u := range units[k*hitRun : min((k+1)*hitRun, len(units))] {
			r.unitHits(u, &runs[k])
		}
	}
	if sequential := int(activeRuns.Load()) >= runtime.GOMAXPROCS(0); sequential {
		for k := range runs {
			read(k)
		}
	} else {
		eachParallel(len(runs), 2, read)
	}
	for _, h := range runs {
		pos, negated, flags = append(pos, h.pos...), append(negated, h.negated...), append(flags, h.flags...)
	}
	return pos, negated, flags
}

// activeRuns counts the analyses (Run) in progress in this process.
var activeRuns atomic.Int32

// hitRun is how many units a worker of unitsHits reads at a time.
const hitRun = 16

// hitLists are a run of units' hits for one rule, in the order rankedHits
// reads them.
type hitLists struct{ pos, negated, flags []hit }

// unitHits appends a unit's positive, negated and red-flag hits for the
// rule (the positive and red-flag ones ranked) to out.
func (r *Rule) unitHits(u *unit, out *hitLists) {
	for _, h := range r.hitsIn(u, r.frames) {
		if h.status == "negated" {
			out.negated = append(out.negated, h)
			continue
		}
		h.score = r.rank(&h)
		out.pos = append(out.pos, h)
	}
	for _, h := range r.hitsIn(u, r.flags) {
		if h.status != "negated" {
			h.score = r.rank(&h)
			out.flags = append(out.flags, h)
		}
	}
}

// yielded drops the hits of a yielding flag (RedFlag.Yields) in a clause
// where another flag of the rule is found: "We may change this agreement
// at any time without notice. Any renewal after such changes constitutes
// acceptance of them." is quoted for its change without notice.
func yielded(flags []hit) []hit {
	held := map[string]bool{}
	for _, h := range flags {
		if !h.spec.flag.Yields {
			held[h.u.file+"\x00"+h.u.section] = true
		}
	}
	out := flags[:0:0]
	for _, h := range flags {
		if h.spec.flag.Yields && h.u.section != "" && held[h.u.file+"\x00"+h.u.section] {
			continue
		}
		out = append(out, h)
	}
	return out
}

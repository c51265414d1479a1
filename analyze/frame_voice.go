package analyze

import "strings"

// A predicate's voice and agent: who acts in a passive sentence.

// voice marks a passive predicate ("the Customer will be notified") and
// moves the actor: the agent after "by", else the other party.
func (f *Frame) voice(p *predicate) {
	j := p.modal.to
	for j < p.to && (f.toks[j].w == "not" || adverbs[f.toks[j].w]) {
		j++
	}
	// The modal may end in "be" itself ("shall be").
	be := j > 0 && f.toks[j-1].w == "be"
	if j < p.to && f.toks[j].w == "be" {
		be = true
		j++
	}
	for j < p.to && adverbs[f.toks[j].w] {
		j++
	}
	if !be || j >= p.to || !f.participle(j) {
		return
	}
	p.passive = true
	if s := f.agent(j+1, p.to); s != PartyUnknown {
		p.actor = s
		return
	}
	// A subject that names its own agent ("Any transfer of data by the
	// Processor shall be undertaken only if ..."): that party acts; never
	// the agent of a participle in it ("Customer Data provided by Customer
	// shall be deleted").
	if s := f.subjectAgent(p.from, p.modal.from); s != PartyUnknown {
		p.actor = s
		return
	}
	// The subject's only party is the agent of a participle in it ("The
	// measures implemented by Provider are listed in Annex 2"): the
	// subject is a thing that party did, and the passive names no actor.
	// It is not the other party's doing.
	if f.agentOnly(p.actor, p.from, p.modal.from) {
		p.actor = PartyUnknown
		return
	}
	if p.possessed {
		p.actor = PartyUnknown // "our code is audited": by whom, it does not say
		return
	}
	// A long subject is a thing, not the party in it: "Data centers we
	// use are guarded ...", "We watch our network so that no access is
	// gained": the party there is not the one acted upon, and the passive
	// does not say who acts.
	if f.words(p.from, p.modal.from) > passiveSubjectWords {
		p.actor = PartyUnknown
		return
	}
	switch p.actor {
	case PartyVendor:
		p.actor = PartyCustomer
	case PartyCustomer, PartyThird:
		p.actor = PartyVendor
	}
}

// subjectAgent is the party a subject [from, to) names as the agent of
// its own noun ("Any transfer of data by the Processor", "access to the
// premises by Provider's contractors"), or PartyUnknown: that party acts
// in a passive, not the other side.
func (f *Frame) subjectAgent(from, to int) Party {
	for k := from + 1; k < to; k++ {
		if f.toks[k].w == "by" && !f.participle(k-1) {
			if s := f.actorIn(k+1, min(k+4, to)); s != PartyUnknown {
				return s
			}
		}
	}
	return PartyUnknown
}

// agentOnly says the party of subject [from, to) stands there only as the
// agent of a participle ("The measures implemented by Provider"): the
// subject is a thing that party did, not the party.
func (f *Frame) agentOnly(actor Party, from, to int) bool {
	if actor == PartyUnknown {
		return false
	}
	for k := from + 1; k < to; k++ {
		if f.toks[k].w == "by" && f.participle(k-1) && f.actorIn(from, k) == PartyUnknown && f.actorIn(k+1, min(k+4, to)) == actor {
			return true
		}
	}
	return false
}

func (f *Frame) participle(j int) bool {
	t := f.toks[j]
	if !t.word || notPassive[t.w] && !f.engagedAsVerb(j) {
		return false
	}
	return strings.HasSuffix(t.w, "ed") && len(t.w) > 3 || len(f.m.at("passive-verb", j)) > 0
}

// agent finds "by X" in [from, to) and names X's party.
func (f *Frame) agent(from, to int) Party {
	for j := from; j < to && j < from+4; j++ {
		if f.toks[j].w == "by" {
			return f.actorIn(j+1, min(j+5, to))
		}
	}
	return PartyUnknown
}

// capabilityItems reads an item's agentless "can be ..." under a lead-in
// that binds its subject to the list ("Vendor will maintain practices,
// which shall include the following measures: ... Customer data can be
// deleted upon request."): the item is one of the measures promised, what
// the service lets be done, not a permission. Binding, as the lead-in is.
func (f *Frame) capabilityItems() {
	if f.lead == 0 {
		return
	}
	binds := false
	for _, q := range f.preds {
		if q.to <= f.lead && q.modality == ModalBinding && !q.negated {
			binds = true
		}
	}
	if !binds {
		return
	}
	for i := range f.preds {
		p := &f.preds[i]
		if p.from >= f.lead && p.passive && p.actor == PartyUnknown && !p.negated && p.word == "can" {
			p.modality = ModalBinding
		}
	}
}

// engagedAsVerb says "engaged" at j is the passive of engaging someone
// ("Subcontractors may only be engaged with the Customer's consent",
// "engaged by the Supplier"), not a party's being busy with something
// ("is engaged in the business of ..."), which keeps its subject.
func (f *Frame) engagedAsVerb(j int) bool {
	if f.toks[j].w != "engaged" {
		return false
	}
	k := j + 1
	return k >= len(f.toks) || f.toks[k].w != "in" || k+1 < len(f.toks) && f.toks[k+1].w == "accordance"
}

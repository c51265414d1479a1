package analyze

// A finding's notes and grade agree with what it quotes: an element the
// quoted sentence states is not reported "not stated" because the
// sentence's frame split its verb from its object ("shall make available
// to Customer (or its auditor that is not a competitor) relevant
// information to demonstrate compliance").

// quotedElement says whether unit u, quoted for the rule, states element
// id: every class of one of the element's frames (its action, its object,
// each of its cues) stands in the sentence, none of its exclusions does,
// and a predicate of the sentence, not negated, has the frame's actor.
func (r *Rule) quotedElement(id string, u *unit) bool {
	f := u.frame
	if f == nil {
		return false
	}
	n := len(f.toks)
	for _, c := range r.frames {
		if c.element != id || c.Supporting {
			continue
		}
		if len(c.Action) > 0 && !f.anyIn(c.Action, 0, n) || len(c.Object) > 0 && !f.anyIn(c.Object, 0, n) {
			continue
		}
		if len(c.Not) > 0 && f.anyIn(c.Not, 0, n) {
			continue
		}
		ok := true
		for _, g := range c.With {
			if !f.anyIn(g, 0, n) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for _, p := range f.preds {
			// A frame kept to some modalities ("shall investigate", not
			// "our team investigates") is not stated by the others.
			if c.actors[p.actor] && !p.negated && (c.modality == nil || c.modality[p.modality]) {
				return true
			}
		}
	}
	return false
}

// quotedUnits are the units a finding quotes: the cited one, the best one
// and its supporting clauses.
func (a *assessment) quotedUnits() []*unit {
	var out []*unit
	if a.cite != nil {
		out = append(out, a.cite.u)
	}
	if a.best != nil && a.best != a.cite {
		out = append(out, a.best.u)
	}
	for i := range a.support {
		out = append(out, a.support[i].u)
	}
	return out
}

// missingFurther are the titles of the elements not found that are
// neither essential nor alternatives nor weakeners.
func missingFurther(defs []Element, found []ElementStatus) []string {
	var out []string
	for i, e := range found {
		if !e.Found && !e.Essential && !defs[i].Weakens && !defs[i].Alternative {
			out = append(out, e.Title)
		}
	}
	return out
}

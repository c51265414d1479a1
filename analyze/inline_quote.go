package analyze

// inlineSentence is the sentence to quote for a finding whose cited
// clause is one item of an inline enumeration ("Provide information
// about: (i) nature of the breach, (ii) ..., (iv) measures taken"): the
// whole sentence, when two of its items or more show the term as parts of
// one statement. Each such item is what the lead-in's own verb governs
// (complementsLead), and none shows the term better than the others but
// for the lightest tie-breakers of Rule.rank. Items that are duties of
// their own ("You shall: (iii) use reasonable efforts to prevent ...; (v)
// keep your passwords secret") and an item that shows the term better
// than its siblings ("(ii) maintaining the security of its login
// credentials" beside "(i) all activity under its account") are quoted on
// their own. nil when the cited clause is no such item.
func (a *assessment) inlineSentence(pos []hit) *unit {
	if a.cite == nil || a.cite.u.sentence == nil || !complementsLead(a.cite) {
		return nil
	}
	s := a.cite.u.sentence
	items := map[*unit]bool{}
	for i := range pos {
		h := &pos[i]
		if !h.spec.Supporting && h.u.sentence == s && (h.status == StatusMet || h.status == StatusWeak) && h.score > a.cite.score-1 && complementsLead(h) {
			items[h.u] = true
		}
	}
	if len(items) < 2 {
		return nil
	}
	return s
}

// complementsLead says a list item's hit reads the lead-in's verb, the
// item only its complement: the first word after the predicate's modal
// stands in the lead-in ("The Supplier will: Give the Client details of:
// ... the probable effects"), not in the item ("You shall: ... keep your
// passwords secret").
func complementsLead(h *hit) bool {
	f := h.u.frame
	if f.lead == 0 || h.p.modal.from < 0 {
		return false
	}
	for j := h.p.modal.to; j < len(f.toks); j++ {
		if f.toks[j].word {
			return j < f.lead
		}
	}
	return false
}

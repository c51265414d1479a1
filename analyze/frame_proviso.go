package analyze

// otherPartyConditions are the spans of p's region that are a condition
// or proviso whose own subject is the other party ("Provider shall remedy
// the failure, provided that Customer gives notice and makes its records
// available to Provider"; "Credits are issued if Customer submits its
// logs"): what that party does there is the price of p's duty, not p's
// act, so its verbs are no action of p. A proviso on p's own party
// ("provided that Provider notifies Customer") stays p's.
func (f *Frame) otherPartyConditions(p *predicate) []span {
	if p.actor != PartyVendor && p.actor != PartyUnknown && p.actor != PartyCustomer {
		return nil
	}
	var out []span
	for _, s := range f.m.find("condition") {
		if s.from < p.from || s.from >= p.to || !provisoCue[f.toks[s.from].w] {
			continue
		}
		// The condition's subject: a party right after the cue ("that"
		// and "the" may stand between), never a possessor ("upon
		// Customer's request" names no act of the customer's).
		k := s.to
		for k < p.to && k < s.to+2 && (f.toks[k].w == "that" || f.toks[k].w == "the") {
			k++
		}
		subj, poss := f.subjectOf(k, min(k+2, p.to))
		if poss || subj == p.actor || subj != PartyCustomer && subj != PartyVendor {
			continue
		}
		if p.actor == PartyUnknown && subj == PartyVendor {
			continue // a passive duty with the vendor's proviso: the vendor's act
		}
		out = append(out, span{s.from, f.conditionEnd(s.from, p)})
	}
	return out
}

// provisoCue are the condition words whose clause has a subject of its
// own ("provided that Customer ...", "if Customer ...").
var provisoCue = map[string]bool{"provided": true, "if": true, "unless": true, "when": true, "whenever": true, "once": true, "in": true}

// conditionEnd is where a condition that opens at i ends: at the modal
// when it stands before it ("If Customer ..., Provider shall"), at the next
// comma when it is a parenthesis between the modal and its verb
// ("Provider shall, if Customer so requests, provide"), else at the end of
// its part of the sentence.
func (f *Frame) conditionEnd(i int, p *predicate) int {
	if p.modal.from >= 0 && i < p.modal.from {
		return p.modal.from
	}
	end := min(f.phraseEnd(i), p.to)
	if i > 0 && f.toks[i-1].w == "," && p.modal.to >= 0 {
		parenthesis := true
		for k := p.modal.to; k < i-1; k++ {
			if f.toks[k].word && !adverbs[f.toks[k].w] {
				parenthesis = false
			}
		}
		if parenthesis {
			for k := i; k < end; k++ {
				if f.toks[k].w == "," {
					return k
				}
			}
		}
	}
	return end
}

// subjectToSpans are the spans of a customer predicate's region that open
// with "subject to" after its modal ("Customer may stop using the Service at
// any time, subject to its payment, deletion, return or export
// obligations"): what stands there binds the predicate, it is not what the
// customer does, so its verbs are no action of p. A vendor's "subject to"
// stays (it is often the vendor's own proviso).
func (f *Frame) subjectToSpans(p *predicate) []span {
	if p.actor != PartyCustomer || p.modal.from < 0 {
		return nil
	}
	var out []span
	for _, s := range f.m.find("condition") {
		if s.from < p.modal.to || s.from >= p.to || f.toks[s.from].w != "subject" {
			continue
		}
		out = append(out, span{s.from, min(f.phraseEnd(s.from), p.to)})
	}
	return out
}

// provisoIt says the word at i opens a proviso whose subject is "it", the
// party of the predicate before ("Customer may engage subcontractors,
// provided it remains liable for them": the customer stays liable, not
// the vendor).
func (f *Frame) provisoIt(i, modal int) bool {
	if w := f.toks[i].w; w != "provided" && w != "providing" && w != "that" {
		return false
	}
	for k := i + 1; k < modal; k++ {
		switch f.toks[k].w {
		case "that":
			continue
		case "it":
			return true
		}
		return false
	}
	return false
}

// periodWhich says the "which" at j opens what may be done in a period the
// predicate gives ("will provide you a thirty-day window during which you
// may export your data"): that is what the predicate grants, not a
// description of a thing beside it.
//
// So does a "which" after a word of time that follows it ("will keep the
// data for 30 days, after which it is deleted", "at the end of which"):
// what happens next, not a description of a thing.
func (f *Frame) periodWhich(j int) bool {
	if j < 2 {
		return false
	}
	switch f.toks[j-1].w {
	case "after", "following":
		return true
	case "of":
		return f.toks[j-2].w == "end" || f.toks[j-2].w == "expiry" || f.toks[j-2].w == "expiration"
	case "during", "within", "in":
	default:
		return false
	}
	switch f.toks[j-2].w {
	case "window", "period", "time", "days", "weeks", "months":
		return true
	}
	return false
}

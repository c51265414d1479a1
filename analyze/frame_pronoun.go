package analyze

// A subject "it" that names no party of its own, read in one place:
//   - the pronoun after a fronted condition, "When the Processor becomes
//     aware of an incident, it shall notify the Controller": the
//     condition's own subject is the party it stands for (frontedPronoun);
//   - the pronoun of a reported clause, "Customer warrants that it will
//     keep its credentials confidential": the party that reports it
//     (pronounOf, reportedPronoun);
//   - the expletive "it" before a party's duty, "It is the Client's
//     responsibility to keep backups": the party whose duty it is
//     (expletiveOwner, with dutyOf of a list item).
// They share loneIt (the subject is "it" alone), sideAt (the vendor or the
// customer named at a place) and ownDuty (a party's possessive before a
// duty noun).

// conditionOpeners open a fronted clause of time or condition whose subject
// a following "it" takes up.
var conditionOpeners = map[string]bool{"if": true, "when": true, "whenever": true, "where": true, "once": true, "after": true}

// dutyNouns name what a party owes when its possessive stands before them
// and an infinitive after ("the controller's obligation to notify").
var dutyNouns = map[string]bool{"obligation": true, "obligations": true, "duty": true, "duties": true, "responsibility": true}

// dutyDegrees may stand between an expletive's possessive and its duty
// noun: "the Supplier's sole duty", "our own responsibility".
var dutyDegrees = map[string]bool{"sole": true, "own": true, "exclusive": true, "entire": true}

// loneIt is the index of the pronoun "it" when the tokens [from, to) are
// that pronoun alone with adverbs at most (and punctuation, when punct):
// the subject names no party of its own. -1 when they are anything else.
func (f *Frame) loneIt(from, to int, punct bool) int {
	it := -1
	for k := from; k < to; k++ {
		t := f.toks[k]
		switch {
		case t.w == "it" && it < 0:
			it = k
		case t.word && adverbs[t.w], !t.word && punct:
		default:
			return -1
		}
	}
	return it
}

// sideAt is the vendor or the customer whose party span ok accepts, or
// PartyUnknown. (No place opens a span of both classes: the two share no
// phrase, so the order they are tried in makes no difference.)
func (f *Frame) sideAt(ok func(span) bool) Party {
	for _, c := range []struct {
		class string
		p     Party
	}{{"vendor", PartyVendor}, {"customer", PartyCustomer}} {
		for _, s := range f.m.find(c.class) {
			if ok(s) {
				return c.p
			}
		}
	}
	return PartyUnknown
}

// ownDuty is the index of the duty noun after the party span s when s ends
// in a possessive ("the controller's obligation"); when loose, also after
// "your" or "our" and up to two dutyDegrees ("the Supplier's sole duty").
// -1 when no duty noun follows.
func (f *Frame) ownDuty(s span, loose bool) int {
	last := f.toks[s.to-1]
	if !last.poss && (!loose || (last.w != "your" && last.w != "our")) {
		return -1
	}
	k := s.to
	for loose && k < len(f.toks) && k < s.to+2 && dutyDegrees[f.toks[k].w] {
		k++
	}
	if k < len(f.toks) && dutyNouns[f.toks[k].w] {
		return k
	}
	return -1
}

// dutyOf says the party span s is a possessive followed by a duty noun and
// "to": the sentence names that party's duty to act.
func (f *Frame) dutyOf(s span) bool {
	k := f.ownDuty(s, false)
	return k >= 0 && k+1 < len(f.toks) && f.toks[k+1].w == "to"
}

// frontedPronoun is the party "it" stands for as the subject of p, the
// sentence's first predicate: the subject of the condition fronted before
// it ("If Provider discovers a breach, it will notify Customer"), named
// right after the condition's opening word ("if", "when", "in the event
// that"). PartyUnknown when the subject is no lone "it" after a comma, or
// the condition opens with no party ("Upon becoming aware ..., it").
func (f *Frame) frontedPronoun(subjFrom int, p *predicate) Party {
	pron := f.loneIt(subjFrom, p.modal.from, true)
	if pron < 2 || f.toks[pron-1].w != "," {
		return PartyUnknown
	}
	k := f.runInTitle(max(p.from, f.lead))
	for k < pron && !f.toks[k].word {
		k++
	}
	switch {
	case k+3 < pron && f.toks[k].w == "in" && f.toks[k+1].w == "the" && f.toks[k+2].w == "event" && f.toks[k+3].w == "that":
		k += 4
	case k < pron && conditionOpeners[f.toks[k].w]:
		k++
	default:
		return PartyUnknown
	}
	j := k
	if j < pron && (f.toks[j].w == "the" || f.toks[j].w == "a" || f.toks[j].w == "an") {
		j++
	}
	return f.sideAt(func(s span) bool {
		return (s.from == k || s.from == j) && s.to < pron && !f.toks[s.to-1].poss && !f.modifier(s)
	})
}

// pronounOf is the party a lone "it" in [from, to) stands for when the
// clause is reported by r ("Customer warrants that it will ..."): r's
// party when r names the vendor or the customer, not as a possessive;
// PartyUnknown otherwise.
func (f *Frame) pronounOf(r predicate, from, to int) Party {
	if (r.actor != PartyVendor && r.actor != PartyCustomer) || r.possessed || f.loneIt(from, to, false) < 0 {
		return PartyUnknown
	}
	return r.actor
}

// reportedPronoun gives "it" in a reported clause the party that reports
// it (pronounOf), and so each predicate that continues it ("and will
// notify Vendor of any unauthorised use").
func (f *Frame) reportedPronoun(modals []predicate, q predicate, verb, subj int) {
	if len(modals) == 0 || modals[0].actor != PartyUnknown || !reporting[f.toks[verb].w] {
		return
	}
	a := f.pronounOf(q, subj, modals[0].modal.from)
	if a == PartyUnknown {
		return
	}
	modals[0].actor = a
	for i := 1; i < len(modals) && modals[i].actor == PartyUnknown && f.inherits(modals[i].from, modals[i].modal.from); i++ {
		modals[i].actor = a
	}
}

// expletiveOwner reads a subject "it" that only stands for what follows:
// "It is the Client's responsibility to keep backups", "it shall be the
// Supplier's sole duty to ...": the party whose duty it is acts. It
// returns PartyUnknown for any other subject.
func (f *Frame) expletiveOwner(from, verb int) Party {
	if from < 0 || from >= len(f.toks) || f.toks[from].w != "it" || verb != from+1 {
		return PartyUnknown
	}
	j := verb
	for j < len(f.toks) && j < verb+4 {
		switch f.toks[j].w {
		case "is", "shall", "will", "must", "remains", "remain", "be", "should":
			j++
			continue
		}
		break
	}
	if j < len(f.toks) && f.toks[j].w == "the" {
		j++
	}
	return f.sideAt(func(s span) bool { return s.from == j && f.ownDuty(s, true) >= 0 })
}

// asyndetic says the comma at k before a modal joins it to the predicate
// before without "and" ("it shall notify the Controller about the
// incident, shall cooperate with the Controller, and shall ..."): all from
// the previous modal's end to the comma is that predicate's verb phrase,
// and a party it names (its object) is no subject of this one.
func (f *Frame) asyndetic(k, floor int) bool {
	if f.toks[k].w != "," || k <= floor {
		return false
	}
	for j := k - 1; j >= floor; j-- {
		if isBoundary(f.toks[j]) {
			return false
		}
	}
	return true
}

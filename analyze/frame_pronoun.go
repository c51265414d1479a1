package analyze

// A pronoun subject after a fronted condition: "When the Processor becomes
// aware of an incident, it shall notify the Controller". The condition's
// own subject is the party the pronoun stands for.

// conditionOpeners open a fronted clause of time or condition whose subject
// a following "it" takes up.
var conditionOpeners = map[string]bool{"if": true, "when": true, "whenever": true, "where": true, "once": true, "after": true}

// frontedPronoun is the party "it" stands for as the subject of p, the
// sentence's first predicate: the subject of the condition fronted before
// it ("If Provider discovers a breach, it will notify Customer"), named
// right after the condition's opening word ("if", "when", "in the event
// that"). PartyUnknown when the subject is no lone "it" after a comma, or
// the condition opens with no party ("Upon becoming aware ..., it").
func (f *Frame) frontedPronoun(subjFrom int, p *predicate) Party {
	pron := -1
	for k := subjFrom; k < p.modal.from; k++ {
		t := f.toks[k]
		switch {
		case !t.word || adverbs[t.w]:
		case t.w == "it" && pron < 0:
			pron = k
		default:
			return PartyUnknown
		}
	}
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
	for _, c := range []struct {
		class string
		p     Party
	}{{"vendor", PartyVendor}, {"customer", PartyCustomer}} {
		for _, s := range f.m.find(c.class) {
			if (s.from == k || s.from == j) && s.to < pron && !f.toks[s.to-1].poss && !f.modifier(s) {
				return c.p
			}
		}
	}
	return PartyUnknown
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

package analyze

// Modals that are no predicate of their own: those of a relative clause
// that only qualifies the object before it, and those of a condition that
// closes the duty before it. predicates (frame.go) drops them, and their
// words stay in the region of the predicate before them.

// dropModals removes the modals, after the first, that sub says are
// subordinate.
func dropModals(ps []predicate, sub func(predicate) bool) []predicate {
	out := ps[:0:0]
	for i, p := range ps {
		if i > 0 && sub(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// conditionModal says p's modal is that of a condition that closes the
// predicate before it ("shall allow audits ... only if such an audit may
// not impose a threat"): the condition qualifies that duty, it is no
// predicate of its own, and its negation is not the duty's.
func (f *Frame) conditionModal(p predicate) bool {
	return p.from > 0 && f.conditionBefore(p.from)
}

// conditionBefore says the words right before a subject open a condition
// ("provided that X shall" is a proviso that binds: not one of them).
func (f *Frame) conditionBefore(at int) bool {
	w := func(k int) string {
		if k < 0 || k >= len(f.toks) {
			return ""
		}
		return f.toks[k].w
	}
	switch w(at - 1) {
	case "if", "unless", "whether":
		return true
	}
	// "as long as", "so long as"
	return w(at-1) == "as" && w(at-2) == "long" && (w(at-3) == "as" || w(at-3) == "so")
}

// wantVerbs are the verbs of a relative clause that only qualifies the
// object of the predicate before it: "such information as Customer may
// reasonably require", "the records that Customer may request".
var wantVerbs = map[string]bool{"require": true, "request": true, "need": true, "direct": true, "instruct": true, "specify": true, "designate": true, "determine": true, "deem": true, "agree": true, "approve": true}

// afterWant are the words that may follow such a clause's verb: it takes
// no object of its own.
var afterWant = map[string]bool{"in": true, "for": true, "to": true, "from": true, "including": true, "under": true, "pursuant": true, "with": true, "and": true, "or": true, "relating": true, "regarding": true, "concerning": true, "as": true, "within": true, "by": true, "of": true, "at": true, "on": true, "upon": true, "during": true, "after": true, "before": true, "prior": true, "solely": true, "reasonably": true}

// relativeModal says p's modal is that of a relative clause that
// qualifies an object ("provide such information as Customer may
// reasonably require"): no predicate of its own, the clause stays in the
// object of the predicate before it. The clause is "as", "that" or
// "which", a party, the modal, and a verb of wanting with no object.
// containVerbs tell what a thing holds ("which shall include").
var containVerbs = map[string]bool{"include": true, "comprise": true, "consist": true, "contain": true}

func (f *Frame) relativeModal(p predicate) bool {
	// "such documentation as may be required", "any records that may be
	// requested": no party, the relative word right before the modal.
	if m := p.modal.from; m >= 1 && (f.toks[m-1].w == "as" || f.toks[m-1].w == "that" || f.toks[m-1].w == "which") && p.modal.to+1 < len(f.toks) && f.toks[p.modal.to].w == "be" {
		v := p.modal.to + 1
		for v < len(f.toks) && f.toks[v].w == "reasonably" {
			v++
		}
		if v < len(f.toks) && relativeBe[f.toks[v].w] {
			return true
		}
	}
	// "any material change to the Exit Information which may adversely
	// impact ...", "an incident that could affect Customer Data": a
	// relative clause of a thing, right after its noun, is no duty of
	// anyone ("agrees that it may", after a verb, is another matter).
	// So is "data that is required to establish a claim": a duty put
	// on the thing, no one's duty.
	if m := p.modal.from; m >= 2 && (f.toks[m-1].w == "that" || f.toks[m-1].w == "which") && (p.modality != ModalBinding || f.toks[m].w == "is" || f.toks[m].w == "are") {
		if b := f.toks[m-2]; b.word && !f.verbAt(m-2) && !sayVerbs[b.w] && !f.partyIn(m-2, m-1) && !subordinator[b.w] {
			return true
		}
	}
	// "appropriate measures, which may include encryption", "any
	// Security Incident, which may include unauthorised access": a
	// permission after a comma and "which" qualifies the noun before it
	// (a noun in -s too: the comma tells it from a verb).
	// So is a binding "which shall include": what the noun holds
	// ("practices for authenticating customers, which shall include the
	// following measures"), no duty of the party named before the comma.
	if m := p.modal.from; m >= 3 && f.toks[m-1].w == "which" && f.toks[m-2].w == "," && (p.modality != ModalBinding || p.modal.to < len(f.toks) && containVerbs[f.toks[p.modal.to].w]) {
		if b := f.toks[m-3]; b.word && !sayVerbs[b.w] && !subordinator[b.w] && !f.partyIn(m-3, m-2) {
			return true
		}
	}
	if f.thingBeRelative(p) {
		return true
	}
	if f.resultClauseModal(p) {
		return true
	}
	if f.partyRelative(p) {
		return true
	}
	// "a contact point where more information can be obtained": a place's
	// relative clause with a subject of its own that names no party.
	if m := p.modal.from; p.modality != ModalBinding {
		for w := m - 2; w >= 1 && w >= m-4; w-- {
			if f.toks[w].w != "where" {
				continue
			}
			if b := f.toks[w-1]; b.word && !f.verbAt(w-1) && !subordinator[b.w] && !f.partyIn(w-1, m) && allWords(f.toks[w+1:m]) {
				return true
			}
		}
	}
	// The verb of wanting, past adverbs, and what follows it.
	v := p.modal.to
	for v < len(f.toks) && f.toks[v].w == "reasonably" {
		v++
	}
	if v >= len(f.toks) || !wantVerbs[f.toks[v].w] {
		return false
	}
	if n := v + 1; n < len(f.toks) && f.toks[n].word && !afterWant[f.toks[n].w] {
		return false
	}
	// The party right before the modal, and the relative word before it.
	for _, c := range []string{"vendor", "customer", "mutual", "third-party", "authority", "auditor"} {
		for _, s := range f.m.find(c) {
			if s.to != p.modal.from || s.from == 0 {
				continue
			}
			switch f.toks[s.from-1].w {
			case "as":
				return true
			case "that", "which":
				// "the records that Customer may request", never "agrees
				// that Customer may request".
				return s.from >= 2 && f.toks[s.from-2].word && !f.verbAt(s.from-2) && !sayVerbs[f.toks[s.from-2].w]
			}
		}
	}
	return false
}

// thingBe are the words after "which shall be" that class the thing
// before it ("deemed Confidential Information", "subject to these
// terms"); "which shall be stated in the notice: ..." says what a notice
// holds and stays a predicate of its own.
var thingBe = map[string]bool{"deemed": true, "treated": true, "considered": true, "regarded": true, "subject": true, "confidential": true}

// thingBeRelative says p's modal is that of a relative clause that classes
// a thing named right before it ("a copy of the reports, which will be
// deemed Confidential Information", "the report, which shall be subject
// to the confidentiality terms"): its subject is that thing, not a party,
// so it is no predicate of its own, even when binding, and its words stay
// with the duty before it. A party before "which" ("Provider, which shall
// be subject to ...") keeps its own predicate.
func (f *Frame) thingBeRelative(p predicate) bool {
	m := p.modal.from
	if m < 2 || f.toks[m-1].w != "which" || p.modal.to+1 >= len(f.toks) || f.toks[p.modal.to].w != "be" || !thingBe[f.toks[p.modal.to+1].w] {
		return false
	}
	// A verb stands before "which" without a comma, never with one ("the
	// audit reports, which"): the comma tells the noun in -s.
	b, comma := m-2, f.toks[m-2].w == ","
	if comma {
		b--
	}
	if b < 0 || !f.toks[b].word || !comma && f.verbAt(b) || sayVerbs[f.toks[b].w] || subordinator[f.toks[b].w] {
		return false
	}
	return !f.partyIn(b, b+1)
}

// relativeBe are the words of "as may be required": a relative clause
// that only qualifies the object before it.
var relativeBe = map[string]bool{"required": true, "requested": true, "necessary": true, "needed": true, "appropriate": true, "agreed": true, "specified": true, "directed": true, "instructed": true, "applicable": true, "permitted": true, "authorized": true, "authorised": true, "reasonable": true, "practicable": true, "possible": true, "available": true}

// sayVerbs take a "that" clause of their own ("agrees that Customer may").
var sayVerbs = map[string]bool{"agrees": true, "agree": true, "acknowledges": true, "acknowledge": true, "ensures": true, "ensure": true, "warrants": true, "warrant": true, "represents": true, "represent": true, "confirms": true, "confirm": true, "understands": true, "understand": true, "accepts": true, "accept": true, "provided": true, "certifies": true, "certify": true, "notifies": true, "states": true, "so": true, "such": true, "extent": true, "event": true, "case": true}

// allWords says every token is a word (no punctuation between).
func allWords(ts []token) bool {
	for _, t := range ts {
		if !t.word {
			return false
		}
	}
	return true
}

// invertedSubject is the party of an inverted predicate ("In no event shall
// Provider be liable", "under no circumstances will the Customer"): before
// the modal only a negative phrase, the subject right after it.
func (f *Frame) invertedSubject(from int, modal span) Party {
	if modal.from <= from || modal.to >= len(f.toks) || !f.m.in("negation", from, modal.from) {
		return PartyUnknown
	}
	for k := from; k < modal.from; k++ {
		if t := f.toks[k]; t.word && !invertingWords[t.w] {
			return PartyUnknown
		}
	}
	end := modal.to + 1
	if f.toks[modal.to].w == "the" || f.toks[modal.to].w == "either" || f.toks[modal.to].w == "any" {
		end++
	}
	if p, poss := f.subjectOf(modal.to, min(end, len(f.toks))); !poss {
		return p
	}
	return PartyUnknown
}

// invertedCopula is the party of an inverted "is" or "are" at j ("Under
// no circumstances is Provider liable"): from the start of its sentence,
// only a negative phrase before it, the subject right after it.
func (f *Frame) invertedCopula(j int) Party {
	if w := f.toks[j].w; w != "is" && w != "are" {
		return PartyUnknown
	}
	k := j - 1
	for k > 0 && f.toks[k].w != "." {
		k--
	}
	if k >= 0 && f.toks[k].w == "." {
		k++
	}
	return f.invertedSubject(max(k, 0), span{j, j + 1})
}

// invertingWords make up a negative phrase that inverts its clause ("in no
// event", "under no circumstances", "at no time", "nor").
var invertingWords = map[string]bool{"in": true, "no": true, "event": true, "under": true, "circumstances": true, "circumstance": true, "at": true, "time": true, "nor": true, "and": true, "but": true, "neither": true, "case": true}

// concessiveOpeners open a clause that concedes before the main one ("While
// the Company may monitor the Service, it is not obliged to ...",
// "Although we may back up your content, you are responsible for ...").
var concessiveOpeners = map[string]bool{"while": true, "whilst": true, "although": true, "though": true}

// runInTitle skips a list item's marker ("(a)") and a short title run into
// the sentence before a dash ("Software risk – Although we will ..."): the
// sentence starts after them. It returns from when neither is there.
func (f *Frame) runInTitle(from int) int {
	k := from
	if k+2 < len(f.toks) && f.toks[k].w == "(" && f.toks[k+2].w == ")" && len(f.toks[k+1].w) <= 4 {
		k += 3
	}
	for j := k + 1; j < len(f.toks) && j <= k+4; j++ {
		switch t := f.toks[j]; {
		case t.w == "-": // the tokens read "–" and "—" as "-"
			return j + 1
		case !t.word:
			return k
		}
	}
	return k
}

// concessive drops the predicates of a conceding clause that opens the
// sentence: what it allows is neither a promise nor the main clause's
// negation. The main clause keeps its own predicates; without a modal, its
// first verb is its statement ("it is not obliged to", "it does not
// guarantee"). It returns where the main clause starts (0 without a
// concession).
func (f *Frame) concessive(ps []predicate) ([]predicate, int) {
	k := f.runInTitle(f.lead)
	if k+1 < len(f.toks) && f.toks[k].w == "even" {
		k++
	}
	if k >= ps[0].modal.from || !concessiveOpeners[f.toks[k].w] {
		return ps, 0
	}
	for j := k + 1; j < ps[0].modal.from; j++ {
		if !f.toks[j].word {
			return ps, 0 // the modal is past the conceding clause
		}
	}
	c := -1
	for j := ps[0].modal.to; j < len(f.toks); j++ {
		if f.toks[j].w == "," {
			c = j
			break
		}
	}
	if c < 0 || c+2 >= len(f.toks) {
		return ps, 0
	}
	var rest []predicate
	for _, p := range ps {
		if p.modal.from > c {
			rest = append(rest, p)
		}
	}
	if len(rest) > 0 {
		if rest[0].from <= c {
			rest[0].from = c + 1
		}
		return rest, c + 1
	}
	for j := c + 1; j < len(f.toks) && j < c+12; j++ {
		if !f.verbAt(j) {
			continue
		}
		q := predicate{from: c + 1, to: len(f.toks), modal: span{j, j + 1}, modality: ModalDeclarative, word: f.toks[j].w}
		q.actor, q.possessed = f.subjectOf(c+1, j)
		f.polarity(&q, c+1)
		return []predicate{q}, c + 1
	}
	return ps, 0
}

// thingWillRelative reads "will" in a relative clause of a thing, in a
// sentence that names no party before it ("the teams write up a review,
// which lists follow-up tasks that will make a repeat less likely"): what
// the thing will do, no one's duty.
func (f *Frame) thingWillRelative(p predicate) bool {
	m := p.modal.from
	if m < 2 || p.modal.to-m != 1 || f.toks[m].w != "will" || (f.toks[m-1].w != "that" && f.toks[m-1].w != "which") {
		return false
	}
	b := f.toks[m-2]
	return b.word && !f.verbAt(m-2) && !sayVerbs[b.w] && !subordinator[b.w] && !f.partyIn(0, m-1)
}

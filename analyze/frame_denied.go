package analyze

// denyingVerbs are the words after which "that" opens what a party
// promises or guarantees: "does not guarantee that", "makes no warranty
// that", "cannot warrant that".
var denyingVerbs = map[string]bool{
	"guarantee": true, "guarantees": true, "warrant": true, "warrants": true,
	"promise": true, "promises": true, "represent": true, "represents": true,
	"ensure": true, "ensures": true, "assure": true, "assures": true,
	"warranty": true, "warranties": true, "representation": true, "representations": true,
	"commitment": true, "undertaking": true,
}

// clauseTurns are the words that open a clause of its own after a denial:
// "We do not guarantee that the Service will be uninterrupted, but we
// will restore it ..." promises the restoring.
var clauseTurns = map[string]bool{"but": true, "however": true, "although": true, "though": true, "whereas": true, "yet": true, "instead": true, "nevertheless": true, "nonetheless": true}

// deniedComplement: the clauses after a denied guarantee ("The Consultant
// cannot guarantee that its findings will be complete, nor that every
// flaw will be found", "We do not warrant that the Service will be
// secure") are what the main clause refuses to promise. Their modal binds
// no one: they take the main clause's denial of the duty. A red flag that
// reads a denied duty reads it in the main clause (whose objects reach the
// complement), not again in the complement.
func (f *Frame) deniedComplement(ps []predicate) {
	for i, q := range ps {
		if !q.negated || !q.noDuty || q.objTo == 0 || q.to < 2 || q.to > len(f.toks) {
			continue
		}
		if f.toks[q.to-1].w != "that" || !denyingVerbs[f.toks[q.to-2].w] {
			continue
		}
		f.eachComplement(ps, i, func(c *predicate) {
			c.negated, c.noDuty, c.protective, c.complement = true, true, false, true
		})
	}
}

// eachComplement calls fn on each predicate of the "that" complement
// closing ps[i], up to the end of its phrase or a clause turn.
func (f *Frame) eachComplement(ps []predicate, i int, fn func(c *predicate)) {
	end := f.phraseEnd(ps[i].to)
	for k := i + 1; k < len(ps) && ps[k].from < end; k++ {
		if f.turnsIn(ps[k].from, max(ps[k].modal.from, ps[k].from)) {
			break
		}
		fn(&ps[k])
	}
}

// turnsIn says a clause turn stands in tokens from..to, or just before.
func (f *Frame) turnsIn(from, to int) bool {
	for j := max(from-1, 0); j < to && j < len(f.toks); j++ {
		if clauseTurns[f.toks[j].w] {
			return true
		}
	}
	return false
}

// notFrom is where a predicate's "not" cues are read from: a relative
// clause after a comma ("Changes may be made by mutual agreement, which
// neither party may unreasonably refuse") qualifies the noun of the
// predicate before it and stands under that predicate's cues. So does a
// verb joined to the predicate before with no subject of its own ("Beta
// Previews may not be supported and may be changed without notice"): its
// subject is that predicate's; a condition fronted before that subject
// is not ("If the reports provided under Section 7.2 (Certifications) are
// insufficient, Provider will provide further information and will allow
// audits": the certifications are the condition's, not the audit's).
func (f *Frame) notFrom(p *predicate) int {
	if p.from < 2 || p.from > len(f.toks) {
		return p.from
	}
	if w := f.toks[p.from].w; (w == "and" || w == "or") && p.modal.from == p.from+1 {
		for _, q := range f.preds {
			if q.to == p.from {
				return f.pastCondition(&q)
			}
		}
	}
	switch f.toks[p.from-1].w {
	case "which", "whom", "who":
	default:
		return p.from
	}
	if f.toks[p.from-2].w != "," {
		return p.from
	}
	for _, q := range f.preds {
		if q.to == p.from {
			return q.from
		}
	}
	return p.from
}

// exceptionOpens says an exception to the clause before opens just before
// token k: "save that", "except that", "provided that", "other than".
func (f *Frame) exceptionOpens(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		switch f.toks[j].w {
		case "save", "except", "excepting", "provided":
			return true
		case "that", ",", "however", "always":
			continue
		}
		return false
	}
	return false
}

// notANegation tells "no later than", "not less than", "not only" and
// "whether or not" from a negation.
func (f *Frame) notANegation(s span) bool {
	if s.to < len(f.toks) {
		switch f.toks[s.to].w {
		case "later", "more", "less", "fewer", "earlier", "only", "longer", "sooner", "greater", "exceeding", "exceed", "doubt":
			return true
		}
	}
	if s.from > 0 && f.toks[s.from].w == "not" && f.toks[s.from-1].w == "or" {
		return true
	}
	return false
}

// toldComplement: what a party is to tell the data subjects ("The Customer
// shall inform the data subjects that their data may be processed outside
// the EEA") is the content of that notice, no statement of the vendor's
// own: the predicates of the complement are read as the data subjects'
// (a third party's).
func (f *Frame) toldComplement(ps []predicate) {
	for i, q := range ps {
		if q.to < 2 || q.to > len(f.toks) || f.toks[q.to-1].w != "that" || !f.m.in("data-subject-notice", q.from, q.to) {
			continue
		}
		f.eachComplement(ps, i, func(c *predicate) { c.actor = PartyThird })
	}
}

// pastCondition is where a predicate's subject begins past a condition
// fronted before it ("If the reports are insufficient, Provider will
// ..."): after the last comma before its modal; its start when it opens
// with no condition.
func (f *Frame) pastCondition(q *predicate) int {
	if q.modal.from <= q.from || !f.m.in("condition", q.from, q.from+1) {
		return q.from
	}
	for j := q.modal.from - 1; j > q.from; j-- {
		if f.toks[j].w == "," {
			return j + 1
		}
	}
	return q.from
}

package analyze

// Signs of the clause a lawyer would cite, used by Rule.rank.

// headingOnly says a unit's text is its clause's heading and nothing
// more, as where a numbered heading stands on a line of its own.
func headingOnly(u *unit) bool {
	if u.heading == "" {
		return false
	}
	return squash(u.text) == squash(u.heading)
}

// frontedLen is the length of a qualification fronted before the subject
// of p's modal ("Taking into account the state of the art, the costs of
// implementation and the nature of the processing, Processor shall
// implement ..."): the standard form of GDPR Art. 28's and Art. 32's duties,
// whose length is no sign of a sentence about something else. 0 when the
// sentence opens with its subject.
func (f *Frame) frontedLen(p *predicate) int {
	if p == nil || p.modal.from <= 0 || f.lead > 0 {
		return 0
	}
	for i := p.modal.from - 1; i > 0 && i >= p.modal.from-6; i-- {
		if f.toks[i].w == "," {
			return f.toks[i].end
		}
	}
	return 0
}

// preferWeight is what a sentence naming one of a rule's preferred classes
// gains: more than a heading naming the term (a "Security" heading over a
// list of backups and firewalls), less than a finding's status.
const preferWeight = 8

// preferred is what a sentence gains by naming one of the rule's preferred
// classes (Prefer), or else one of those it cites next (PreferNext).
func (r *Rule) preferred(f *Frame) float64 {
	switch {
	case len(r.Prefer) > 0 && f.anyIn(r.Prefer, 0, len(f.toks)):
		return preferWeight
	case len(r.PreferNext) > 0 && f.anyIn(r.PreferNext, 0, len(f.toks)):
		return preferWeight / 2
	}
	return 0
}

// preferredCite is the hit a lawyer quotes first where cite names none of
// the rule's preferred classes: the best-ranked hit, met or weak, that
// names one and ranks above cite once graded alike ("use commercially
// reasonable efforts to prevent unauthorised access to the Services and
// notify Provider" before "be solely liable for making backups", which
// ranks first only for the hedge the other carries). cite itself when
// there is none; the better-graded hit still grades the term.
func (r *Rule) preferredCite(pos []hit, cite *hit) *hit {
	if len(r.Prefer)+len(r.PreferNext) == 0 || r.preferred(cite.u.frame) > 0 {
		return cite
	}
	for i := range pos {
		h := &pos[i]
		if h.spec.Supporting || r.standsIn(h.spec.element) || otherPartysClause(*h) || (h.status != StatusMet && h.status != StatusWeak) {
			continue
		}
		if f := h.u.frame; r.preferred(f) == 0 || len(r.Demote) > 0 && f.anyIn(r.Demote, 0, len(f.toks)) {
			continue
		}
		if h.score+10*(statusRank[r.rankStatus(cite)]-statusRank[r.rankStatus(h)]) > cite.score {
			return h
		}
		return cite
	}
	return cite
}

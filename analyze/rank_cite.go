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

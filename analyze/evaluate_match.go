package analyze

// Whether a frame spec of a rule matches a predicate of a sentence: its
// actions, objects, the sentence before it, its headings and its signals.

// match reports whether the frame spec matches predicate p of frame f, and
// whether the match is negated.
func (c *frameSpec) match(f *Frame, p *predicate) (ok, negated bool) {
	// "may not" forbids: a prohibition binds as "shall not" does.
	if c.modality != nil && !c.modality[p.modality] && !(p.prohibits() && c.modality[ModalBinding]) {
		return false, false
	}
	if !c.actors[p.actor] {
		return false, false
	}
	// A prohibition with a protective condition ("will not make changes
	// ... without prior notice") promises the opposite of a red flag: the
	// act is forbidden unless the customer is told or consents.
	if c.flag != nil && p.protective {
		return false, false
	}
	if len(c.Action) > 0 && !f.actionIn(c.Action, p) {
		return false, false
	}
	// A prohibition with a protective condition ("must not be shared
	// without Provider's written consent") withholds what it names: as a
	// giving (disclose, notify) it hands nothing over.
	if p.protective && len(c.Action) > 0 && !f.actionIn(nonGiving(c.Action), p) {
		return false, false
	}
	// The sentence itself must say something of the term: its action, or
	// one of its objects or context words; the rest may come from the
	// clause heading or the sentence before.
	own := len(c.Action) > 0
	if len(c.Object) > 0 {
		switch {
		// A red flag's object is what the predicate itself disclaims: a
		// cap on liability read after a lead-in on "the security of
		// personal data" disclaims no security duty.
		case c.flag != nil && c.Negated == "denies":
			if !f.objectIn(c, p) || !f.anyIn(c.Object, p.from, max(p.to, p.objTo)) {
				return false, false
			}
			own = true
		case f.objectIn(c, p):
			own = true
		case f.anyHeading(c.Object) || f.anyPrev(c.Object):
		default:
			return false, false
		}
	}
	for _, g := range c.With {
		switch {
		case f.anyIn(g, 0, len(f.toks)):
			own = true
		case f.anyHeading(g) || f.anyPrevCue(g):
		default:
			return false, false
		}
	}
	if !own && len(c.signals) == 0 {
		return false, false
	}
	if len(c.Not) > 0 && f.anyIn(c.Not, f.notFrom(p), p.to) {
		return false, false
	}
	neg := p.negated
	switch c.Negated {
	case "counts":
		if neg && !p.noDuty {
			neg = false
		}
	case "only":
		if !neg {
			return false, false
		}
		neg = false
	case "denies":
		if !neg || !p.noDuty || p.complement {
			return false, false
		}
		neg = false
	}
	return true, neg
}

func (f *Frame) anyIn(classes []string, from, to int) bool {
	for _, c := range classes {
		if f.m.in(c, from, to) {
			return true
		}
	}
	return false
}

// actionIn says one of the action classes stands in the predicate, and not
// inside a relative clause of it ("Representatives who are informed").
func (f *Frame) actionIn(classes []string, p *predicate) bool {
	rel := p.to
	for j := max(p.modal.to, p.from); j < p.to; j++ {
		if w := f.toks[j].w; w == "who" || w == "whom" || w == "whose" || w == "which" && !f.periodWhich(j) {
			rel = j
			break
		}
	}
	// "Customer may request Provider to provide for an audit, which will
	// be performed on notice": a modal right after "which" is the relative
	// clause's own, of the noun before it; where no party is the subject
	// of the predicate, or its verb is an infinitive ("Provider to
	// provide"), the verbs before "which" are not under it, and the
	// predicate borrows its "will" from no one.
	from := p.from
	if m := p.modal.from; m > p.from && f.toks[m-1].w == "which" && (p.actor == PartyUnknown || f.infinitiveAfterSubject(p.from, m)) {
		from = m - 1
	}
	others := append(f.otherPartyConditions(p), f.subjectToSpans(p)...)
	for _, c := range classes {
		for _, s := range f.m.find(c) {
			if s.from >= from && s.from < rel && !f.notOwnAction(c, s, p) && !inSpans(others, s.from) {
				return true
			}
		}
	}
	return false
}

// objectIn says one of the frame's object classes stands before or in the
// predicate, on words other than its action's ("secure" in "shall secure
// the user's consent" is no security object).
func (f *Frame) objectIn(c *frameSpec, p *predicate) bool {
	// The action's words in the predicate: an object on the same words
	// counts only when another word is the action.
	var acts []span
	for _, a := range c.Action {
		for _, as := range f.m.find(a) {
			if as.from >= p.from && as.from < p.to {
				acts = append(acts, as)
			}
		}
	}
	to := max(p.to, p.objTo)
	for _, o := range c.Object {
		for _, s := range f.m.find(o) {
			if s.from >= to {
				break
			}
			own, other := false, false
			for _, as := range acts {
				if as == s {
					own = true
				} else if as.to <= s.from || as.from >= s.to {
					other = true
				}
			}
			if !own || other {
				return true
			}
		}
	}
	return false
}

func (f *Frame) anyPrev(classes []string) bool {
	for _, c := range classes {
		if f.prev[c] {
			return true
		}
	}
	return false
}

// linkEndOfTerm gives a deletion the end of the contract told in the
// sentence before it, in the same clause ("Your content becomes
// inaccessible once your account is cancelled. All content is deleted
// within 60 days.").
func linkEndOfTerm(units []*unit, i int) {
	if i == 0 || units[i-1].section != units[i].section || units[i-1].file != units[i].file {
		return
	}
	f, before := units[i].frame, units[i-1].frame
	if len(f.m.find("delete")) > 0 && len(f.m.find("end-of-term")) == 0 && len(before.m.find("end-of-term")) > 0 {
		if f.prevCues == nil {
			f.prevCues = map[string]bool{}
		}
		f.prevCues["end-of-term"] = true
	}
}

func (f *Frame) anyPrevCue(classes []string) bool {
	for _, c := range classes {
		if f.prevCues[c] {
			return true
		}
	}
	return false
}

func (f *Frame) anyHeading(classes []string) bool {
	for _, c := range classes {
		if f.heading[c] {
			return true
		}
	}
	return false
}

// signalsAt returns the byte offset at which a frame's signals begin (the
// earliest of each group's first match), or -1 when a group is not met. A
// pattern runs only on a sentence that holds one of its literals and one
// of each of its other sets (alsoLitsOf), and none runs when a group has
// no pattern whose literals the sentence holds.
func (c *frameSpec) signalsAt(f *Frame) int {
	if len(c.signals) == 0 {
		return -1
	}
	pats := c.signalPats()
	folded := f.foldedText()
	// may[g]: the patterns of group g (its first 64) whose literals the
	// sentence holds; a group of more is tried pattern by pattern below.
	var buf [8]uint64
	may := buf[:0]
	for _, group := range pats {
		var m uint64
		for k, sp := range group {
			if k >= 64 {
				m = ^uint64(0)
				break
			}
			if mayMatch(sp.lits, folded) && holdsAll(sp.also, folded) {
				m |= 1 << k
			}
		}
		if m == 0 {
			return -1
		}
		may = append(may, m)
	}
	text := f.text
	at := -1
	for g, group := range c.signals {
		found := -1
		for k, re := range group {
			sp := &pats[g][k]
			if k < 64 && may[g]&(1<<k) == 0 || k >= 64 && !(mayMatch(sp.lits, folded) && holdsAll(sp.also, folded)) {
				continue
			}
			var br []signalBranch
			if sp.runs.Load() >= splitAfter || sp.runs.Add(1) > splitAfter {
				br = sp.branches()
			}
			if at := firstStart(re, br, text, folded); at >= 0 && (found < 0 || at < found) {
				found = at
			}
		}
		if found < 0 {
			return -1
		}
		if at < 0 || found < at {
			at = found
		}
	}
	return at
}

// infinitiveAfterSubject says the words from "from" open with a short
// subject and "to" ("Provider to provide ..."): a party asked or allowed
// to act, not a clause of its own.
func (f *Frame) infinitiveAfterSubject(from, to int) bool {
	for j := from + 1; j <= from+3 && j < to; j++ {
		if !f.toks[j].word {
			return false
		}
		if f.toks[j].w == "to" {
			return true
		}
	}
	return false
}

package analyze

// Who a predicate's subject is: where it starts before the modal, and the
// party it names (or inherits from the sentence's first subject).

// subjectStart walks back from a modal to where its subject begins. The
// tokens before the modal fall into segments at punctuation; the subject is
// the segment next to the modal, cut after a subordinating word ("that",
// "if"), unless that segment is an adverbial phrase ("Provider, upon
// request, shall") or empty: then the one before it. A predicate right
// after "and", "or" or "but" has no subject of its own (it returns the
// conjunction's position).
func (f *Frame) subjectStart(modal, floor int) int {
	// "... and will remain responsible": no subject of its own.
	k := modal - 1
	for k >= floor && k >= 0 && adverbs[f.toks[k].w] && f.toks[k].word {
		k--
	}
	if k >= floor && k >= 0 && floor > 0 {
		if w := f.toks[k].w; w == "and" || w == "or" || w == "but" || f.asyndetic(k, floor) {
			return k
		}
	}
	end := f.beforeAside(modal, floor)
	for tries := 0; tries < 4 && end > floor; tries++ {
		j := end - 1
		for j >= floor && !isBoundary(f.toks[j]) {
			j--
		}
		start := j + 1
		seg := f.toks[start:end]
		// Cut after the last subordinating word: "acknowledges that
		// Provider will".
		for k := len(seg) - 1; k >= 0; k-- {
			if subordinator[seg[k].w] {
				start += k + 1
				break
			}
		}
		if start < end {
			w := f.toks[start].w
			if w == "and" || w == "or" || w == "but" {
				if start == end-1 || allAdverbs(f.toks[start+1:end]) {
					// "We do not endorse, guarantee, or assume
					// responsibility for": the last verb of a list shares
					// the subject (and the negation) before the first.
					if s := f.verbListHead(j, floor); s >= 0 {
						end = s
						continue
					}
					return start // "..., and shall notify"
				}
				start++
			}
			if !adverbialStart[w] || f.partyIn(start, end) {
				return f.apposed(start, end, floor)
			}
			// "...; in no event shall Provider be liable": a negative
			// phrase before an inverted modal opens its own predicate,
			// whose subject stands after the modal.
			if f.m.in("negation", start, end) {
				return start
			}
		}
		if j < floor {
			return max(start, floor)
		}
		end = j // before the punctuation
	}
	return end
}

// verbListHead reads back from the comma at j before a conjunction over a
// list of bare verbs ("endorse, guarantee, or"): each item one word, the
// first after its auxiliary or negation ("do not endorse", "shall
// review"). It returns the comma after the first item, so the subject is
// looked for in the segment that holds it, or -1 when j closes no such
// list.
func (f *Frame) verbListHead(j, floor int) int {
	for k := j; k-2 >= floor && k-2 >= 0; k -= 2 {
		if f.toks[k].w != "," || !f.toks[k-1].word {
			return -1
		}
		prev := f.toks[k-2]
		if prev.w == "," {
			continue // one more bare item
		}
		if prev.word && (listAux[prev.w] || f.m.in("negation", k-2, k-1)) {
			return k
		}
		return -1
	}
	return -1
}

// listAux are the words before the first verb of a list that shares its
// subject: "do not endorse, ...", "shall review, ...".
var listAux = map[string]bool{"not": true, "never": true, "do": true, "does": true, "did": true, "shall": true, "will": true, "must": true, "may": true, "can": true, "cannot": true, "to": true}

func isBoundary(t token) bool {
	if t.word {
		return false
	}
	switch t.w {
	case ",", ";", ":", "(", ")", "-", "[", "]", "•", ".":
		return true
	}
	return false
}

func allAdverbs(ts []token) bool {
	for _, t := range ts {
		if !adverbs[t.w] {
			return false
		}
	}
	return true
}

// subordinator words begin a clause inside a segment: the subject of a
// predicate never reaches back past them.
var subordinator = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "whereby": true, "whereupon": true, "if": true, "when": true, "where": true, "unless": true, "while": true, "whilst": true, "whereas": true, "because": true, "then": true, "once": true, "whenever": true, "wherever": true}

// modifierNouns follow a party word that only names a thing of the party
// ("Customer Data", "Provider Materials"): such a word is no subject.
var modifierNouns = map[string]bool{"data": true, "content": true, "information": true, "materials": true, "material": true, "personal": true, "confidential": true, "property": true, "records": true, "files": true, "instance": true, "tenant": true, "environment": true, "environments": true, "instances": true, "tenants": true, "networks": true, "portal": true, "application": true, "applications": true, "equipment": true, "facilities": true, "network": true, "systems": true, "system": true, "site": true, "sites": true, "account": true, "accounts": true, "content's": true, "responsibilities": true, "obligations": true, "instructions": true, "order": true, "agreement": true, "policy": true, "policies": true,
	// Things the vendor keeps for the customer: "Every customer database has
	// hourly backups" says what the vendor's system does, not a customer duty.
	"database": true, "databases": true, "backups": true, "backup": true, "workspace": true, "workspaces": true, "logs": true, "repositories": true, "repository": true,
	// Secrets a party holds: "Provider credentials are encrypted for
	// storage" says how they are kept, not that the other party acts.
	"credentials": true, "credential": true, "passwords": true, "tokens": true, "secrets": true, "keys": true}

// inherits says a predicate with no subject of its own continues the one
// before it ("..., and shall notify").
func (f *Frame) inherits(from, modal int) bool {
	for i := from; i < modal; i++ {
		if e := f.purposeEnd(i, modal); e > i {
			i = e - 1 // "..., and, in order to assist Customer, shall"
			continue
		}
		t := f.toks[i]
		if t.w == "so" && i+1 < modal && f.toks[i+1].w == "that" {
			i++ // "... so that it can recover": the same subject's purpose
			continue
		}
		if t.word && !(t.w == "and" || t.w == "or" || t.w == "also" || t.w == "further" || t.w == "then" || adverbs[t.w] || t.w == "it" || t.w == "they") && !f.provisoIt(i, modal) {
			return false
		}
	}
	return true
}

func (f *Frame) partyIn(from, to int) bool {
	for _, c := range []string{"vendor", "customer", "mutual", "third-party", "authority", "auditor"} {
		if f.m.in(c, from, to) {
			return true
		}
	}
	return false
}

// actorIn names the party that is the subject in tokens [from, to): the
// last party named that is not a possessor ("Customer's auditor" acts for
// the customer, "Provider's subprocessors" are third parties), mutual for
// "each party", and both named → mutual.
func (f *Frame) actorIn(from, to int) Party {
	p, _ := f.subjectOf(from, to)
	return p
}

// subjectOf is actorIn, and says whether the party is only the possessor of
// the subject ("Customer's use", "our code"): such a subject is a thing, so
// a passive verb does not move the actor.
func (f *Frame) subjectOf(from, to int) (Party, bool) {
	type mention struct {
		p    Party
		pos  int
		poss bool
	}
	var ms []mention
	purpose := f.purposeSpans(from, to) // their parties are no subject
	for _, c := range []struct {
		class string
		p     Party
	}{{"mutual", PartyMutual}, {"third-party", PartyThird}, {"authority", PartyAuthority}, {"auditor", "auditor"}, {"vendor", PartyVendor}, {"customer", PartyCustomer}} {
		for _, s := range f.m.find(c.class) {
			if s.from < from || s.from >= to || inSpans(purpose, s.from) {
				continue
			}
			last := f.toks[s.to-1]
			poss := last.poss || last.w == "our" || last.w == "your"
			if last.w == "us" || f.modifier(s) {
				continue // "us" is never a subject; "Customer Data" is a thing
			}
			if f.participleRecipient(s.from, from) {
				continue // "notices made to Customer": whom they go to
			}
			ms = append(ms, mention{c.p, s.from, poss})
		}
	}
	if len(ms) == 0 {
		return PartyUnknown, false
	}
	var head *mention
	for i := range ms {
		m := &ms[i]
		if m.poss {
			continue
		}
		if head == nil || m.pos > head.pos {
			head = m
		}
	}
	possessor := func() Party {
		var best *mention
		for i := range ms {
			if ms[i].poss && (best == nil || ms[i].pos > best.pos) {
				best = &ms[i]
			}
		}
		if best == nil {
			return PartyUnknown
		}
		return best.p
	}
	// namedBefore: party p named, not as a possessor, before position pos.
	namedBefore := func(p Party, pos int) bool {
		for _, m := range ms {
			if !m.poss && m.p == p && m.pos < pos {
				return true
			}
		}
		return false
	}
	if head == nil {
		// "Your use of the Service", "Our obligations": the possessor.
		p := possessor()
		if p == "auditor" {
			return PartyUnknown, true
		}
		return p, true
	}
	switch head.p {
	case "auditor":
		// An auditor acts for whoever appoints it.
		if p := possessor(); p != PartyUnknown && p != "auditor" {
			return p, false
		}
		for _, m := range ms {
			if m.p == PartyCustomer {
				return PartyCustomer, false
			}
		}
		return PartyUnknown, false
	case PartyVendor, PartyCustomer:
		// "Customer's employees and contractors shall": people of the
		// other side's, named by a role word, act for their possessor.
		// Not an apposition naming the subject again ("You, our client,
		// are liable": the client is the one named first).
		for _, m := range ms {
			if m.poss && m.p != head.p && (m.p == PartyVendor || m.p == PartyCustomer) && m.pos < head.pos && head.pos-m.pos <= 5 && f.nounRun(m.pos+1, head.pos) && !namedBefore(head.p, m.pos) {
				return m.p, false
			}
		}
		// "Provider and Customer shall": both.
		for _, m := range ms {
			if !m.poss && m.p != head.p && (m.p == PartyVendor || m.p == PartyCustomer) {
				return PartyMutual, false
			}
		}
	case PartyThird:
		// "The Contractor and each subcontractor will": the vendor binds
		// itself and its own suppliers.
		for _, m := range ms {
			if !m.poss && m.p == PartyVendor && m.pos < head.pos && f.joined(m.pos, head.pos) {
				return PartyVendor, false
			}
		}
	}
	return head.p, false
}

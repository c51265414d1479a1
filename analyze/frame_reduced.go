package analyze

import "strings"

// notOwnAction says the action at span s is no verb of predicate p but a
// word of another clause inside it:
//   - a reduced relative clause, a participle right after the noun it
//     qualifies ("personal data submitted to the Service by the
//     controller", "the reports provided by the auditor"): what was done
//     to the thing, not what p's party does;
//   - a perfect with an auxiliary of its own that is not p's verb
//     ("acknowledges that the Company has afforded the User the
//     opportunity for inspections"): a past event the sentence recounts,
//     not a duty;
//   - a gerund after "without" ("notify ... any request received from
//     the data subjects without responding to that request"): what the
//     party is not to do while it acts, not its act. A notice withheld
//     ("may subcontract ... without notifying you") stays the notice
//     class's: the rules read it as a notice the sentence denies.
//
// Where a thing is kept ("data stored in the EU", class store or transfer)
// is the thing's state, which a reduced relative states as well as a
// verb; a participle whose agent is the vendor ("the measures deployed by
// Provider") is the vendor's act.
func (f *Frame) notOwnAction(class string, s span, p *predicate) bool {
	j := s.from
	if j <= p.from || j <= 0 || !f.toks[j].word {
		return false
	}
	prev := f.toks[j-1]
	if !prev.word {
		return false
	}
	if prev.w == "without" && class != "notify" && strings.HasSuffix(f.toks[j].w, "ing") {
		return true
	}
	if perfectAux[prev.w] {
		return j-1 < p.modal.from || j-1 >= p.modal.to
	}
	if class == "store" || class == "transfer" || !f.pastParticiple(j) || participleLead[prev.w] || determiners[prev.w] || strings.HasSuffix(prev.w, "ly") || prev.upper {
		return false
	}
	// "keep Customer informed": a party before the participle is its
	// object, the participle the predicate's own.
	if f.actorIn(j-1, j) != PartyUnknown {
		return false
	}
	for k := s.to; k < len(f.toks) && k < s.to+8; k++ {
		if f.toks[k].w == "by" {
			return f.actorIn(k+1, min(k+5, len(f.toks))) != PartyVendor
		}
	}
	return true
}

// pastParticiple says token j is a participle in -ed or an irregular one
// the vocabulary lists ("given", "made").
func (f *Frame) pastParticiple(j int) bool {
	w := f.toks[j].w
	return len(w) > 4 && strings.HasSuffix(w, "ed") || len(f.m.at("passive-verb", j)) > 0
}

// perfectAux are the auxiliaries of a perfect ("has afforded").
var perfectAux = map[string]bool{"has": true, "have": true, "had": true}

// participleLead are words after which a participle is a verb of the
// clause, not a relative of the noun before it ("shall be notified",
// "and informed", "to be provided").
var participleLead = map[string]bool{
	"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "get": true, "gets": true, "got": true,
	"shall": true, "will": true, "may": true, "must": true, "can": true, "should": true, "would": true, "could": true,
	"not": true, "also": true, "only": true, "then": true, "and": true, "or": true, "to": true, "so": true, "as": true, "if": true, "when": true, "once": true, "unless": true, "where": true, "who": true, "which": true, "that": true,
	"hereby": true, "herein": true, "further": true, "duly": true,
	// A participle after a preposition qualifies the noun after it ("in
	// encrypted form", "via authenticated channels").
	"in": true, "on": true, "at": true, "by": true, "with": true, "for": true, "of": true, "from": true, "into": true, "via": true, "through": true, "under": true, "over": true, "within": true, "without": true, "upon": true, "after": true, "before": true, "during": true, "per": true, "than": true,
}

// sharedSubject gives the first modal predicate the subject of the
// sentence's opening clause when the modal's verb is coordinated with that
// clause's ("Customer acknowledges that the measures are adequate, and
// will tell Provider of any processing they do not fit"): a subject of its
// own is only "and" after a comma, and the sentence opens with a party and
// a verb of saying before "that".
func (f *Frame) sharedSubject(p *predicate) {
	if p.actor != PartyUnknown {
		return
	}
	k := p.modal.from - 1
	for k >= 0 && adverbs[f.toks[k].w] && f.toks[k].word {
		k--
	}
	if k < 1 || f.toks[k].w != "and" || f.toks[k-1].word || f.toks[k-1].w != "," {
		return
	}
	for j := f.lead + 1; j < k-1 && j < f.lead+6; j++ {
		if !sayVerbs[f.toks[j].w] || !f.verbAt(j) || f.toks[j+1].w != "that" {
			continue
		}
		if a, poss := f.subjectOf(f.lead, j); a != PartyUnknown && !poss {
			p.actor = a
		}
		return
	}
}

// partyRelative says p is a permission in a relative clause of a thing
// whose subject is a party ("any malware that you may come across", "the
// losses which Customer may suffer"): it qualifies the noun before it and
// grants or binds no one. A duty there ("the measures that Customer shall
// take") stays a predicate, as does "agrees that Customer may".
func (f *Frame) partyRelative(p predicate) bool {
	if p.modality != ModalPermissive {
		return false
	}
	for _, c := range []string{"vendor", "customer"} {
		for _, s := range f.m.find(c) {
			if s.to != p.modal.from || s.from < 2 {
				continue
			}
			if w := f.toks[s.from-1].w; w != "that" && w != "which" {
				continue
			}
			b := f.toks[s.from-2]
			// "acknowledges that X and that Vendor may": a second clause
			// of the verb of saying, no relative.
			return b.word && b.w != "and" && b.w != "or" && b.w != "but" && !f.verbAt(s.from-2) && !sayVerbs[b.w] && !subordinator[b.w] && !f.partyIn(s.from-2, s.from-1) && !strings.HasSuffix(b.w, "ed")
		}
	}
	return false
}

// thirdPartyRelative says p is a permission in a relative clause of third
// parties the sentence's vendor or customer acts on ("Provider engages the
// following subcontractors that may access Customer Data"): it qualifies
// them, and the sentence is the party's statement.
func (f *Frame) thirdPartyRelative(p predicate) bool {
	m := p.modal.from
	if p.modality != ModalPermissive || m < 3 {
		return false
	}
	if w := f.toks[m-1].w; w != "that" && w != "which" {
		return false
	}
	if !f.m.in("third-party", m-2, m-1) || f.m.in("vendor", m-2, m-1) || f.m.in("customer", m-2, m-1) {
		return false
	}
	// A verb of the party's own before the third parties: "Provider
	// engages", not "Subcontractors that may ..." opening the sentence.
	for j := 0; j < m-2; j++ {
		if f.verbAt(j) {
			a := f.actorIn(0, j)
			return a == PartyVendor || a == PartyCustomer
		}
	}
	return false
}

// participleRecipient says the party at pos is the one a reduced relative
// clause in the subject sends something to ("Any notices made to
// Customer shall contain ...", "reports sent to the Client"): the
// recipient of the thing, not the subject of the sentence. The
// participle follows a noun (not "shall be", "to be").
func (f *Frame) participleRecipient(pos, from int) bool {
	j := pos - 1
	if j > from && f.toks[j].w == "the" {
		j--
	}
	if j-1 <= from || f.toks[j].w != "to" || !f.toks[j-1].word || !f.pastParticiple(j-1) {
		return false
	}
	prev := f.toks[j-2]
	return prev.word && !participleLead[prev.w] && !perfectAux[prev.w]
}

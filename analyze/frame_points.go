package analyze

import "strings"

// points says the unit points at another document for its content: a
// reference phrase with a document name or a URL after it.
func (f *Frame) points() bool {
	if hasLit(f.text, literalsOf(reURL)) && reURL.MatchString(f.text) {
		return true
	}
	for _, s := range f.m.find("describing-document") {
		// "The DPA records the measures in place and the list of
		// sub-processors": what another document holds, told whatever the
		// sentence's length (pointsOnly).
		if f.pointsOut(s.from, s.from+1) {
			f.describes = true
			return true
		}
	}
	for _, s := range f.m.find("reference") {
		// Every item under a lead-in that incorporates by reference
		// ("The DPA incorporates by reference: (a) ...; (b) the Standard
		// Contractual Clauses, where applicable; (c) ...") is what is
		// incorporated, a title of another instrument, whether or not it
		// names a document and whatever its length: items of one lead-in
		// are alike.
		if f.lead > 0 && s.to <= f.lead && f.lead-s.to <= 4 && strings.HasPrefix(f.toks[s.from].w, "incorporat") {
			f.docList = true
			return true
		}
		// A list of the documents in their order of precedence,
		// or of those incorporated, where the item opens with a document's
		// name ("the following documents form part of this Contract: ...
		// Schedule 7 (Business Continuity)"): the lead-in's "shall" orders
		// the documents; the item is a title, even of a part appended.
		if listedDocs[f.toks[s.from].w] && s.to <= f.lead && f.pointsOut(f.lead, min(f.lead+5, len(f.toks))) {
			f.docList = true
			return true
		}
		if f.pointsOut(s.to, min(s.to+8, len(f.toks))) {
			return true
		}
		// "available on request" needs no document; nor do "additional
		// terms apply", which names other terms as it points at them. An
		// assurance report available on request ("Our SOC 2 report is
		// available on request") is itself what is given: no pointer.
		if f.toks[s.from].w == "available" && !f.m.in("assurance", 0, s.from) && !f.heading["assurance"] || otherTerms[f.toks[s.from].w] {
			return true
		}
		// "The following schedules are appended to this Agreement: ...
		// Schedule C. Data export": the phrase names the kind of document
		// and the list after it names each one.
		if appendedDocs[f.toks[s.from].w] && f.pointsOut(s.to, len(f.toks)) {
			return true
		}
	}
	return false
}

// otherTerms are the words that open a reference phrase naming terms
// kept elsewhere ("supplemental terms apply", references.yaml).
var otherTerms = map[string]bool{"additional": true, "supplemental": true, "supplementary": true, "separate": true}

// appendedDocs are the words that open a reference phrase naming the
// documents appended to the agreement (references.yaml).
var appendedDocs = map[string]bool{"schedules": true, "exhibits": true, "annexes": true, "appendices": true, "attachments": true, "schedule": true, "exhibit": true, "annex": true, "appendix": true}

// listedDocs are the words that open a reference phrase introducing a list
// of the contract's documents (references.yaml).
var listedDocs = map[string]bool{"order": true, "orders": true, "following": true}

// pointsOut says a document other than this one is named in [from, to):
// "the Security Policy", "our website", not "this BAA" or "these Terms",
// which are the agreement itself.
func (f *Frame) pointsOut(from, to int) bool {
	for _, d := range f.m.find("document") {
		if d.from < from || d.from >= to {
			continue
		}
		if k := d.from - 1; k >= 0 && (f.toks[k].w == "this" || f.toks[k].w == "these") {
			continue
		}
		return true
	}
	return false
}

// publishesBeside says predicate p states the term itself and only a verb
// joined to it points elsewhere: "We maintain appropriate measures ... and
// publish a summary of them at <url>". The pointer is where more is
// published, not the whole commitment; "Our measures are described at
// <url>" (the reference is the predicate itself) stays a pointer.
func (f *Frame) publishesBeside(p *predicate) bool {
	if p.modal.from < 0 || p.negated {
		return false
	}
	for a := p.modal.to + 2; a < p.to && a < len(f.toks); a++ {
		if f.toks[a].w != "and" {
			continue
		}
		joined := false
		for j := a + 1; j <= a+3 && j < len(f.toks); j++ {
			if len(f.m.at("disclose", j)) > 0 {
				joined = true
				break
			}
		}
		if !joined {
			continue
		}
		// Nothing before the joined verb points elsewhere.
		head := f.text[:f.toks[a].start]
		if reURL.MatchString(head) {
			return false
		}
		for _, s := range f.m.find("reference") {
			if s.from < a {
				return false
			}
		}
		return true
	}
	return false
}

// pointsOnly says a unit that points elsewhere states nothing itself: an
// item of a list of documents, a description of what another document
// holds, or a pointer of few words and no figure (pointerOnly).
func (f *Frame) pointsOnly() bool {
	return f.docList || f.describes || pointerOnly(f)
}

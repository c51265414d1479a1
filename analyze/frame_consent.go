package analyze

// Who acts in a prohibition the vendor lifts.

// consentAsked says predicate p is a prohibition the vendor's own consent
// lifts ("Hosts may not subcontract a booking without the written consent
// of the Guest and the Company", "Sellers shall not engage couriers without
// our approval"): the vendor is the one whose consent is asked, so the one
// forbidden is someone else (a platform's other users, the people it puts
// in touch, even where the document calls them providers), never the
// vendor. A passive names no actor ("Subprocessors may not be engaged
// without Vendor's consent") and keeps its own reading (voice).
func (f *Frame) consentAsked(p *predicate) bool {
	if !p.protective || p.passive || p.modal.from < 0 || p.actor != PartyUnknown && p.actor != PartyVendor {
		return false
	}
	for _, s := range f.m.find("permission") {
		if s.from < p.modal.to || s.from >= p.to {
			continue
		}
		if f.consentGiver(s, min(f.phraseEnd(s.from), p.to)) == PartyVendor {
			return true
		}
	}
	return false
}

// consentWords head a permission condition's noun: whose consent it is
// stands before it as a possessor ("Vendor's prior written consent", "our
// approval") or after it ("the consent of the Owner and the Company").
var consentWords = map[string]bool{"consent": true, "approval": true, "authorization": true, "authorisation": true, "permission": true}

// consentGiver names the party whose consent condition s asks, reading no
// further than end: the vendor where it is named among the givers.
func (f *Frame) consentGiver(s span, end int) Party {
	h := -1
	for j := s.from; j < s.to && j < len(f.toks); j++ {
		if consentWords[f.toks[j].w] {
			h = j
		}
	}
	if h < 0 {
		return PartyUnknown
	}
	for _, c := range []struct {
		class string
		p     Party
	}{{"vendor", PartyVendor}, {"customer", PartyCustomer}} {
		for _, m := range f.m.find(c.class) {
			if m.from < s.from || m.from >= h {
				continue
			}
			last := f.toks[m.to-1]
			if last.poss || last.w == "our" {
				return c.p // "Vendor's prior written consent", "our approval"
			}
		}
	}
	if h+1 >= end || f.toks[h+1].w != "of" {
		return PartyUnknown
	}
	// The givers after "of": names joined by "and"/"or", up to the next
	// word that starts another phrase.
	stop := h + 2
	for stop < end && stop < h+10 && !giverEnds[f.toks[stop].w] {
		stop++
	}
	if f.m.in("vendor", h+2, stop) {
		return PartyVendor
	}
	return PartyUnknown
}

// giverEnds end the list of givers after "consent of": what follows is the
// consent's object or another condition.
var giverEnds = map[string]bool{"to": true, "for": true, "which": true, "that": true, ",": true, ";": true, "unless": true, "except": true, "in": true, "before": true, "prior": true, "not": true}

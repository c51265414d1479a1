package analyze

// reportedPronoun gives "it" in a reported clause the party that reports
// it: "Customer warrants that it will keep its credentials confidential" is
// the customer's duty, and so is each predicate that continues it ("and
// will notify Vendor of any unauthorised use").
func (f *Frame) reportedPronoun(modals []predicate, q predicate, verb, subj int) {
	if len(modals) == 0 || modals[0].actor != PartyUnknown || !reporting[f.toks[verb].w] {
		return
	}
	if (q.actor != PartyVendor && q.actor != PartyCustomer) || q.possessed || !f.pronounSubject(subj, modals[0].modal.from) {
		return
	}
	modals[0].actor = q.actor
	for i := 1; i < len(modals) && modals[i].actor == PartyUnknown && f.inherits(modals[i].from, modals[i].modal.from); i++ {
		modals[i].actor = q.actor
	}
}

// pronounSubject says the tokens [from, to) are the pronoun "it" alone,
// with adverbs at most: the subject names no party of its own.
func (f *Frame) pronounSubject(from, to int) bool {
	seen := false
	for i := from; i < to; i++ {
		switch w := f.toks[i].w; {
		case w == "it" && !seen:
			seen = true
		case adverbs[w] && f.toks[i].word:
		default:
			return false
		}
	}
	return seen
}

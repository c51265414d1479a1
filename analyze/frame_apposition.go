package analyze

// apposition: "You, our customer, are liable", "Customer (our client)
// shall": the party named first is the subject, and the phrase between
// the marks names it again, its possessor no actor of its own.

// apposedWords opens a phrase that names a party again.
var apposedWords = map[string]bool{"our": true, "your": true, "the": true, "its": true}

// apposed is the start of a subject whose last segment [start, end) is an
// apposition ("our customer") of the party named just before its mark
// ("You,"); else start.
func (f *Frame) apposed(start, end, floor int) int {
	at := start - 2
	if at < max(floor, 0) || end-start < 2 || end-start > 3 || !isBoundary(f.toks[start-1]) || !apposedWords[f.toks[start].w] {
		return start
	}
	for _, t := range f.toks[start:end] {
		if !t.word {
			return start
		}
	}
	// The same party named twice ("You, our client"), not two parties
	// ("On notice to the Client, the Supplier may").
	if !f.toks[at].word || f.actorIn(at, at+1) == PartyUnknown || f.actorIn(at, at+1) != f.actorIn(end-1, end) {
		return start
	}
	open := func(k int) bool { return k < max(floor, 0) || isBoundary(f.toks[k]) || subordinator[f.toks[k].w] }
	if !open(at-1) && (f.toks[at-1].w != "the" || !open(at-2)) {
		return start
	}
	return at
}

// beforeAside is where the subject before a modal ends when a parenthesis
// stands between them: "The Customer (or an independent assessor it
// appoints) may" has its subject before the aside, whose words are read
// with it (an auditor the customer appoints acts for the customer).
func (f *Frame) beforeAside(modal, floor int) int {
	k := modal - 1
	if k <= max(floor, 0) || f.toks[k].w != ")" {
		return modal
	}
	for o := k - 1; o > max(floor, 0) && o >= k-20; o-- {
		switch f.toks[o].w {
		case ")", ";", ".":
			return modal
		case "(":
			if f.toks[o-1].word {
				return o
			}
			return modal
		}
	}
	return modal
}

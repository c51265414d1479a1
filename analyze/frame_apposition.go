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
	if !f.partyIn(end-1, end) || !f.toks[at].word || !f.partyIn(at, at+1) {
		return start
	}
	if at > floor && at > 0 && !isBoundary(f.toks[at-1]) && f.toks[at-1].w != "the" && !subordinator[f.toks[at-1].w] {
		return start
	}
	return at
}

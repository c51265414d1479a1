package analyze

// A hedge binds the verb it governs: "will promptly notify Customer of
// such and use reasonable efforts to retrieve the information" hedges the
// retrieval, not the notice before it. A weakener class marked
// governs_verb weakens a predicate only where it stands before (or over)
// the rule's action, not where it opens a verb coordinated after it.

// hedgeOnLaterVerb says every phrase of the weakener class in p's scope
// opens a verb coordinated after one of the rule's actions, so none of
// them governs that action.
func (f *Frame) hedgeOnLaterVerb(class string, p *predicate, actions []string) bool {
	if len(actions) == 0 {
		return false
	}
	from := f.leadFrom(p)
	seen := false
	for _, s := range f.m.find(class) {
		if s.from < from || s.from >= p.to {
			continue
		}
		seen = true
		j := f.coordinatorBefore(s.from, max(from, p.from))
		if j < 0 || !f.actionBefore(actions, p, j) {
			return false
		}
	}
	return seen
}

// coordinatorBefore is the index of the "and" that opens the hedge's verb
// phrase ("and use commercially reasonable efforts to"), looking back a
// few words from the hedge without crossing punctuation, or -1. The words
// that may follow the "and" are the vocabulary's hedge-verb class
// (templates/vocabulary/weakeners.yaml).
func (f *Frame) coordinatorBefore(at, from int) int {
	for k := at - 1; k >= from && k >= at-6; k-- {
		t := f.toks[k]
		if !t.word {
			return -1
		}
		if t.w == "and" {
			if k+1 < len(f.toks) && len(f.m.at("hedge-verb", k+1)) > 0 {
				return k
			}
			return -1
		}
	}
	return -1
}

// actionBefore says one of the action classes, as the predicate's own
// verb, stands in p before token j.
func (f *Frame) actionBefore(actions []string, p *predicate, j int) bool {
	for _, c := range actions {
		for _, s := range f.m.find(c) {
			if s.from >= p.from && s.to <= j && !f.notOwnAction(c, s, p) {
				return true
			}
		}
	}
	return false
}

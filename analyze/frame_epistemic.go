package analyze

// epistemicModal says p's modal states a possibility, not a permission:
// "the individuals who may have been affected", "information that may
// have been subject to a Breach", "the records which might be
// compromised". Such a modal qualifies the noun before it; it is no
// predicate of its own, and its words stay in the region of the
// predicate before it (whose negation, "no obligation to provide
// information about the individuals who may have been affected", then
// reaches them).
func (f *Frame) epistemicModal(p predicate) bool {
	m, next := p.modal.from, p.modal.to
	if next-m != 1 {
		return false
	}
	switch f.toks[m].w {
	case "may", "might", "could":
	default:
		return false
	}
	w := func(k int) string {
		if k < 0 || k >= len(f.toks) {
			return ""
		}
		return f.toks[k].w
	}
	// "may have been" + anything: a possibility in the past.
	if w(next) == "have" && w(next+1) == "been" {
		return true
	}
	// "who may be affected": a relative word, then "be" and a participle
	// of harm.
	switch w(m - 1) {
	case "who", "which", "that":
		return w(next) == "be" && harmParticiple[w(next+1)]
	}
	return false
}

// harmParticiple are the participles of "who may be affected".
var harmParticiple = map[string]bool{"affected": true, "impacted": true, "compromised": true, "involved": true, "concerned": true, "exposed": true, "implicated": true}

package analyze

// points says the unit points at another document for its content: a
// reference phrase with a document name or a URL after it.
func (f *Frame) points() bool {
	if hasLit(f.text, literalsOf(reURL)) && reURL.MatchString(f.text) {
		return true
	}
	for _, s := range f.m.find("reference") {
		if f.pointsOut(s.to, min(s.to+8, len(f.toks))) {
			return true
		}
		// "available on request" needs no document.
		if f.toks[s.from].w == "available" {
			return true
		}
	}
	return false
}

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

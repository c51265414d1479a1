package analyze

// resultClauseModal tells a modal of a clause of purpose or result after
// the main one: ", so the controller can meet its own notification
// duties", "so that Customer may respond": whom the act serves, and what
// it enables, not a duty or right of that party. A modal that permits or
// enables counts (a binding one after ", so" is a consequence: "Customer
// may terminate, so Provider shall refund the fees") when "so" (after a
// comma, or before "that") opens its clause within five tokens, a party
// stands between them, and no punctuation does.
func (f *Frame) resultClauseModal(p predicate) bool {
	if p.modality == ModalBinding {
		return false
	}
	m := p.modal.from
	for w := m - 1; w >= 1 && w >= m-5; w-- {
		t := f.toks[w]
		if isBoundary(t) {
			return false
		}
		if t.w != "so" {
			continue
		}
		after := w + 1
		if after < m && f.toks[after].w == "that" {
			after++
		} else if f.toks[w-1].w != "," {
			return false
		}
		return after < m && f.partyIn(after, m)
	}
	return false
}

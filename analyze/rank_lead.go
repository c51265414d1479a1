package analyze

import "slices"

// What makes a sentence the lead quote of a finding: the status it is
// ranked by and where its verb begins.

// rankStatus is the status a hit is ranked by. For a rule that reads its
// weakeners in the whole clause (audit rights: notice, frequency, cost), a
// limit weakens the finding wherever in the clause it stands: the grant
// that carries one ("You may audit ... on 30 days' notice") is not ranked
// below the clause's sentence that only caps it ("in no event more than
// three audits a year").
func (r *Rule) rankStatus(h *hit) string {
	if !r.ClauseWeakeners || h.status != StatusWeak || len(h.weakeners) == 0 {
		return h.status
	}
	for _, w := range h.weakeners {
		if !slices.ContainsFunc(r.Weakeners, func(x Weakener) bool { return x.Reason == w }) {
			return h.status
		}
	}
	return StatusMet
}

// pastInsertion is where the verb after a modal may begin: past a phrase
// set off by commas right after it ("We shall, upon termination and on
// Your instruction, delete ..."), else the modal's end.
func (f *Frame) pastInsertion(to int) int {
	if to >= len(f.toks) || f.toks[to].w != "," {
		return to
	}
	for j := to + 1; j < len(f.toks) && j < to+25; j++ {
		switch f.toks[j].w {
		case ",":
			return j + 1
		case ".", ";", ":":
			return to
		}
	}
	return to
}

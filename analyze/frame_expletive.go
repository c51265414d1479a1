package analyze

// expletiveOwner reads a subject "it" that only stands for what follows:
// "It is the Client's responsibility to keep backups", "it shall be the
// Supplier's sole duty to ...": the party whose duty it is acts. It
// returns PartyUnknown for any other subject.
func (f *Frame) expletiveOwner(from, verb int) Party {
	if from < 0 || from >= len(f.toks) || f.toks[from].w != "it" || verb != from+1 {
		return PartyUnknown
	}
	j := verb
	for j < len(f.toks) && j < verb+4 {
		switch f.toks[j].w {
		case "is", "shall", "will", "must", "remains", "remain", "be", "should":
			j++
			continue
		}
		break
	}
	if j < len(f.toks) && f.toks[j].w == "the" {
		j++
	}
	for _, c := range []struct {
		class string
		p     Party
	}{{"customer", PartyCustomer}, {"vendor", PartyVendor}} {
		for _, s := range f.m.find(c.class) {
			if s.from != j || !(f.toks[s.to-1].poss || f.toks[s.to-1].w == "your" || f.toks[s.to-1].w == "our") {
				continue
			}
			k := s.to
			for k < len(f.toks) && k < s.to+2 && (f.toks[k].w == "sole" || f.toks[k].w == "own" || f.toks[k].w == "exclusive" || f.toks[k].w == "entire") {
				k++
			}
			if k < len(f.toks) && dutyNouns[f.toks[k].w] { // see dutyOf
				return c.p
			}
		}
	}
	return PartyUnknown
}

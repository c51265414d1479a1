package analyze

import "strings"

// Where a rule's object stands in a sentence: fronted, in parentheses, in a
// definition, or carried away (a transfer).

// transfersAway says the sentence returns data only by the word
// "transfer", and no transfer goes to the customer ("transfer ... to
// Customer", "back to the Customer").
func (f *Frame) transfersAway() bool {
	spans := f.m.find("return-data")
	if len(spans) == 0 {
		return false
	}
	customer := map[int]bool{}
	for _, c := range f.m.find("customer") {
		customer[c.from] = true
	}
	for _, sp := range spans {
		if !strings.HasPrefix(f.toks[sp.from].w, "transfer") {
			return false // "return", "export", "make available for download"
		}
		for i := sp.from + 1; i < len(f.toks) && i <= sp.from+12; i++ {
			if f.toks[i].w != "to" {
				continue
			}
			if customer[i+1] || i+2 < len(f.toks) && f.toks[i+1].w == "the" && customer[i+2] {
				return false
			}
		}
	}
	return true
}

// objectFrontedOnly says the sentence names the object classes only in a
// phrase set off by a comma before an active predicate's modal ("In
// assessing the level of security, Provider shall take account ..."),
// not in what the modal's verb governs. A passive subject ("Customer
// Data, once collected, shall be stored ...") and a condition ("If a
// Security Incident occurs, Provider shall notify ...") are not fronted.
func (f *Frame) objectFrontedOnly(classes []string, p *predicate) bool {
	if len(classes) == 0 || p.modal.from < 0 || p.passive {
		return false
	}
	to := max(p.to, p.objTo)
	last := -1
	for _, c := range classes {
		for _, sp := range f.m.find(c) {
			if sp.from < p.from || sp.from >= to {
				continue
			}
			if sp.from >= p.modal.from {
				return false
			}
			last = max(last, sp.to)
		}
	}
	// A condition names the trigger the duty answers ("If a Security
	// Incident occurs, it shall notify"): the object is the duty's own.
	if last < 0 || f.m.in("condition", p.from, last) {
		return false
	}
	for i := last; i < p.modal.from; i++ {
		if f.toks[i].w == "," {
			return true
		}
	}
	return false
}

// objectInParensOnly says the sentence names the object classes, and
// every time inside parentheses: "any Use or Disclosure of PHI by Business
// Associate (including its employees or Subcontractors)" names
// subcontractors only in passing. A parenthesis that defines a term ("a
// third party (a "Subprocessor")") names what the sentence is about: the
// object in it counts as named outside.
func (f *Frame) objectInParensOnly(classes []string) bool {
	if len(classes) == 0 {
		return false
	}
	// open[i] is the index of the innermost "(" token i stands in, or -1.
	open := make([]int, len(f.toks))
	var stack []int
	for i, t := range f.toks {
		switch t.w {
		case "(":
			stack = append(stack, i)
		case ")":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		open[i] = -1
		if len(stack) > 0 {
			open[i] = stack[len(stack)-1]
		}
	}
	found := false
	for _, c := range classes {
		for _, sp := range f.m.find(c) {
			o := open[sp.from]
			if o < 0 || f.definesTerm(o) {
				return false
			}
			found = true
		}
	}
	return found
}

// definesTerm says the parenthesis opened at token o defines a term: it
// quotes a name before it closes ("(each, a "Subprocessor")").
func (f *Frame) definesTerm(o int) bool {
	end := len(f.text)
	for i := o + 1; i < len(f.toks); i++ {
		if f.toks[i].w == ")" {
			end = f.toks[i].start
			break
		}
	}
	return strings.ContainsAny(f.text[f.toks[o].end:end], "\"“”")
}

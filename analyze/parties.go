package analyze

import (
	"regexp"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
)

var (
	// reDefinedName finds a short name the agreement defines for a party,
	// with the parenthetical it stands in: Brokers National Life Assurance
	// Company ("BNL"), Acme Inc. ("Acme" or "Provider"), The City of Eugene,
	// (City), VERIZON ABS LLC, as Depositor. Names that neither provide nor
	// pay (an acronym, a defined document) are dropped later.
	reDefinedName = regexp.MustCompile(`\(\s*(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?)?["“]?([A-Z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*){0,3})["”]?((?:\s*(?:,|or|and)\s*(?:the\s+)?["“][^"”]{1,30}["”])*)\s*\)|,\s+as\s+(?:the\s+)?([A-Z][A-Za-z]+)\b`)
	// What a vendor and what a customer does, to tell whose name is whose.
	reProvides = regexp.MustCompile(`(?i)^\W*(shall|will|agrees to|must)\s+(provide|perform|deliver|host|operate|maintain|supply|furnish|render|process|notify|implement)\b`)
	rePays     = regexp.MustCompile(`(?i)^\W*(shall|will|agrees to|must)\s+(pay|reimburse|remit)\b`)
)

// partyNames finds the names an agreement defines for its parties and tells
// whose each is, as phrases for the vendor and customer classes:
//   - a name given together with a role word ("Acme" or "Provider"; "we",
//     "us") takes that role;
//   - vendorName (--vendor) is the vendor's;
//   - a name that mostly "shall provide" is the vendor's, one that mostly
//     "shall pay" the customer's;
//   - where the agreement names one side only by role words ("Customer",
//     "you"), its remaining defined name is the other side's.
func partyNames(a *extract.Agreement, units []*unit, vendorName string, v *Vocabulary) map[string][]phrase {
	role := map[string]string{}
	var order []string
	set := func(name, r string) {
		if _, ok := role[name]; !ok {
			order = append(order, name)
		}
		if r != "" || role[name] == "" {
			role[name] = r
		}
	}
	if vendorName != "" {
		set(vendorName, "vendor")
	}
	var head strings.Builder
	for _, p := range a.Pages {
		head.WriteString(p.Text)
		if head.Len() > 20000 {
			break
		}
	}
	roleOf := func(s string) string {
		m := newMatcher(v, tokenize(s), nil)
		vendor, customer := len(m.find("vendor")) > 0, len(m.find("customer")) > 0
		switch {
		case vendor && !customer:
			return "vendor"
		case customer && !vendor:
			return "customer"
		}
		return ""
	}
	for _, m := range reDefinedName.FindAllStringSubmatch(head.String(), -1) {
		name := m[1] + m[3]
		if name == "" {
			continue
		}
		toks := tokenize(name)
		pm := newMatcher(v, toks, nil)
		if len(pm.find("vendor")) > 0 || len(pm.find("customer")) > 0 || len(pm.find("mutual")) > 0 {
			continue // a role word itself
		}
		set(name, roleOf(m[2]))
	}
	// By what each name does.
	for _, name := range order {
		if role[name] != "" {
			continue
		}
		provides, pays := 0, 0
		for _, u := range units {
			for _, rest := range after(u.text, name) {
				switch {
				case reProvides.MatchString(rest):
					provides++
				case rePays.MatchString(rest):
					pays++
				}
			}
		}
		switch {
		case provides > pays:
			role[name] = "vendor"
		case pays > provides:
			role[name] = "customer"
		}
	}
	// One side named only by role words: a remaining name is the other.
	var open []string
	has := map[string]bool{}
	for _, name := range order {
		if role[name] == "" {
			if usedAsSubject(units, name) {
				open = append(open, name)
			}
		} else {
			has[role[name]] = true
		}
	}
	if len(open) == 1 {
		vendorWords, customerWords := roleWordSubjects(units, v)
		switch {
		case customerWords && !vendorWords && !has["vendor"]:
			role[open[0]] = "vendor"
		case vendorWords && !customerWords && !has["customer"]:
			role[open[0]] = "customer"
		}
	}
	out := map[string][]phrase{}
	for _, name := range order {
		if role[name] == "" {
			continue
		}
		p, err := compilePhrase(strings.Join(wordsOf(name), " "), "none")
		if err != nil {
			continue
		}
		out[role[name]] = append(out[role[name]], p)
	}
	return out
}

// wordsOf gives the words of a name as the tokenizer reads them.
func wordsOf(name string) []string {
	var out []string
	for _, t := range tokenize(name) {
		if t.word {
			out = append(out, t.w)
		}
	}
	return out
}

// after returns the text after each whole-word occurrence of name in s.
func after(s, name string) []string {
	var out []string
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], name)
		if k < 0 {
			break
		}
		at := i + k
		end := at + len(name)
		if (at == 0 || !isWordByte(s[at-1])) && (end == len(s) || !isWordByte(s[end])) {
			out = append(out, s[end:])
		}
		i = end
	}
	return out
}

// usedAsSubject says the name stands before "shall", "will" or "must"
// somewhere.
func usedAsSubject(units []*unit, name string) bool {
	for _, u := range units {
		for _, rest := range after(u.text, name) {
			if reSubjectModal.MatchString(rest) {
				return true
			}
		}
	}
	return false
}

var reSubjectModal = regexp.MustCompile(`(?i)^\W{0,3}(shall|will|must|may|agrees)\b`)

// roleWordSubjects says whether vendor and customer role words ever stand
// as a subject before a modal.
func roleWordSubjects(units []*unit, v *Vocabulary) (vendor, customer bool) {
	for _, u := range units {
		toks := tokenize(u.text)
		m := newMatcher(v, toks, nil)
		for _, c := range []string{"vendor", "customer"} {
			for _, s := range m.find(c) {
				if s.to < len(toks) && (len(m.at("binding", s.to)) > 0 || len(m.at("permissive", s.to)) > 0) {
					if c == "vendor" {
						vendor = true
					} else {
						customer = true
					}
				}
			}
		}
		if vendor && customer {
			return
		}
	}
	return
}

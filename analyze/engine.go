package analyze

import (
	"regexp"
	"strings"
)

// The engine reads one sentence (or list item) at a time, like a reviewer:
// which party acts, whether it is bound (shall/will/must) or merely
// permitted (may), whether the obligation is negated or hedged. It does this
// once for every rule; rules only say which words show their term.

// Party is the actor of a sentence.
type Party string

// Parties.
const (
	PartyVendor   Party = "vendor"
	PartyCustomer Party = "customer"
	PartyMutual   Party = "mutual"
	PartyUnknown  Party = ""
)

var (
	reMutual = regexp.MustCompile(`(?i)\b(each party|either party|both parties|the parties|each of the parties|neither party|mutual(ly)?)\b`)
	// vendorWords and customerWords are the role words every contract uses;
	// rules can name them in patterns as {vendor} and {customer}, which
	// also take the party names an agreement defines.
	vendorWords   = `service providers?|providers?|vendors?|suppliers?|(data )?processors?|business associates?|contractors?|licensors?|csps?|we|us|our`
	customerWords = `customers?|clients?|(data )?controllers?|covered entit(y|ies)|licensees?|subscribers?|buyers?|purchasers?|tenants?|cscs?|you|your|users?|authori[sz]ed users?`
	reVendor      = regexp.MustCompile(`(?i)\b(` + vendorWords + `)\b`)
	reCustomer    = regexp.MustCompile(`(?i)\b(` + customerWords + `)\b`)
	// reObjectPronoun: "us" and "our" are never the subject of a sentence.
	reObjectPronoun = regexp.MustCompile(`(?i)^(us|our)$`)
	// reModal finds the verb that binds (or permits) the actor.
	reModal   = regexp.MustCompile(`(?i)\b((does|do) not|(has|have) no (obligation|duty)|shall|will|must|agrees? to|undertakes? to|commits? to|(is|are) required to|(is|are|remains?|shall be|will be) (solely |fully |ultimately )?responsible|(is|are) obligated to|may|can|controls|maintains|acknowledges|provides|notifies|retains)\b`)
	rePassive = regexp.MustCompile(`(?i)^\s*(not\s+)?be\s+(\w+ed|given|made|sent|shown|told|kept|done)\b`)
	// "shall not be required to notify" keeps its subject as the actor.
	reNotPassive = regexp.MustCompile(`(?i)^\s*(not\s+)?be\s+(required|obliged|obligated|entitled|permitted|allowed|authori[sz]ed|responsible|liable|expected)\b`)
	reCondition  = regexp.MustCompile(`(?i)^\s*(if|when|where|in the event|upon|should|following|after|once|in case)\b`)
	reByAgent    = regexp.MustCompile(`(?i)\bby\s+(the\s+)?(\w+\s+)?(\w+)\b`)
	// reNegation finds cues that negate the obligation after them.
	reNegation = regexp.MustCompile(`(?i)\b((shall|will|must|does|do|is|are|need|may)\s+not|(shall|will|does|do)n[’']t|won[’']t|not\s+(be\s+)?(required|obliged|obligated|responsible|liable)|no\s+obligation|under\s+no\s+(obligation|circumstances)|nothing\s+in\s+th(is|e)|shall\s+have\s+no|has\s+no\s+(obligation|duty)|without\s+any\s+obligation|in\s+no\s+event|disclaims?|makes\s+no|neither)\b`)
	// reScopeBreak ends the reach of a negation: a new coordinated
	// obligation ("..., and shall notify").
	reScopeBreak = regexp.MustCompile(`(?i)(;|\b(and|but|or|however)\s*,?\s+(\w+\s+)?(shall|will|must)\b|\bprovided\s+that\b)`)
	reProtective = regexp.MustCompile(`(?i)^[^.;]*?(\b(without|unless|except with|other than with)\b[^.;]{0,40}\b(consent|authori[sz]ation|approv\w*|notice|notif\w*|instructions?)\b|\b(other than|except) (as|to the extent) (expressly )?(permitted|provided|required|authori[sz]ed|instructed)\b)`)
	// General weakeners, applied to every rule (DESIGN.md section 3).
	generalWeakeners = []struct {
		re     *regexp.Regexp
		reason string
		unless *regexp.Regexp // the sentence gives a better way too
	}{
		{regexp.MustCompile(`(?i)\bcommercially reasonable (efforts|endeavou?rs)\b`), "only commercially reasonable efforts", nil},
		{regexp.MustCompile(`(?i)\b((sole|absolute|reasonable) discretion|(at|in) (its|their) (own )?discretion)\b`), "left to the vendor's discretion", nil},
		{regexp.MustCompile(`(?i)\b(upon|on) (written )?request\b.{0,40}\bif available\b|\bif available\b|\bwhere available\b`), "only if available", nil},
		{regexp.MustCompile(`(?i)\bat (the )?(customer|client|controller|licensee)['’]?s?['’]? (own |sole )?(cost|expense)\b`), "at the customer's expense", nil},
		{regexp.MustCompile(`(?i)\bthen[- ]current (rates|fees|prices)\b`), "charged at the vendor's then-current rates", nil},
		{regexp.MustCompile(`(?i)\b(only )?(to the extent|where|if|as) (required|mandated) by (applicable )?law\b`), "only as far as the law requires", nil},
		{regexp.MustCompile(`(?i)\bby posting\b|\bstatus page\b`), "notice only by posting", regexp.MustCompile(`(?i)\be-?mail\w*\b|\bin writing\b|\bwritten notice\b|\bnotify (the )?(customer|client|you)\b`)},
	}
	reSentenceEnd = regexp.MustCompile(`([.!?])\s+(?:["“(]?[A-Z0-9•])`)
	reListItem    = regexp.MustCompile(`(?m)^\s*(?:[•●▪◦‣·*\-–]|\(?[a-z]\)|\(?[ivx]+\)|\d+\)|\d{1,2}\.)\s+`)
)

// unit is one sentence or list item with the lead-in that introduces it
// ("The Client acknowledges that:").
type unit struct {
	text   string
	leadIn string
	// lx names the parties of the unit's agreement (nil: role words only).
	lx *lexicon
	// read is the text the rules read: the unit with its lead-in, where
	// defined terms that name a security incident are glossed ("Data Event
	// (security incident)"). Empty means full().
	read string
}

// reading is the text rules match against.
func (u unit) reading() string {
	if u.read != "" {
		return u.read
	}
	return u.full()
}

// full is the unit with its lead-in, as quoted in evidence.
func (u unit) full() string {
	if u.leadIn == "" {
		return u.text
	}
	return u.leadIn + " " + u.text
}

// splitUnits breaks clause text into sentences and list items. A list item
// keeps the sentence that introduces the list ("The Client acknowledges
// that:") as its lead-in.
func splitUnits(text string) []unit {
	var out []unit
	lead := ""
	for _, b := range splitLines(text) {
		if !b.item {
			lead = ""
		}
		for _, s := range splitSentences(b.text) {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			u := unit{text: s}
			if b.item {
				u.leadIn = lead
			}
			out = append(out, u)
			if strings.HasSuffix(s, ":") {
				lead = s
			}
		}
	}
	return out
}

type block struct {
	text string
	item bool
}

// splitLines separates list items (bullets, "(a)", "(iv)") and joins the
// wrapped lines of running text.
func splitLines(text string) []block {
	var blocks []block
	prev, item := 0, false
	for _, m := range reListItem.FindAllStringIndex(text, -1) {
		if m[0] > prev {
			blocks = append(blocks, block{text[prev:m[0]], item})
		}
		prev, item = m[0], true
	}
	blocks = append(blocks, block{text[prev:], item})
	for i, b := range blocks {
		t := strings.Join(strings.Fields(b.text), " ")
		if b.item {
			t = strings.TrimSpace(reListItem.ReplaceAllString(t, ""))
		}
		blocks[i].text = t
	}
	return blocks
}

func splitSentences(s string) []string {
	var out []string
	start := 0
	for _, m := range reSentenceEnd.FindAllStringSubmatchIndex(s, -1) {
		end := m[3]
		// Keep abbreviations and numbered references together ("e.g.", "Sec. 4", "Inc.").
		word := lastWord(s[start:m[2]])
		if isAbbrev(word) {
			continue
		}
		out = append(out, s[start:end])
		start = end
	}
	return append(out, s[start:])
}

func lastWord(s string) string {
	if i := strings.LastIndexAny(s, " (\n"); i >= 0 {
		return s[i+1:]
	}
	return s
}

func isAbbrev(w string) bool {
	switch strings.ToLower(w) {
	case "e.g", "i.e", "inc", "ltd", "co", "corp", "sec", "no", "art", "cl", "para", "vs", "u.s", "etc", "mr", "ms", "dr", "st":
		return true
	}
	return len(w) == 1 // initials, "a." list markers inside a sentence
}

// lexicon names the parties of one agreement: the role words every contract
// uses ("Provider", "Customer", "we", "you") and the names the agreement
// defines for them ("VIP", "BNL").
type lexicon struct {
	vendor, customer *regexp.Regexp
	// vendorAlt and customerAlt are the same as alternations, for {vendor}
	// and {customer} in rule patterns.
	vendorAlt, customerAlt string
}

var defaultLexicon = &lexicon{vendor: reVendor, customer: reCustomer, vendorAlt: vendorWords, customerAlt: customerWords}

// withNames extends the role words with party names.
func (lx *lexicon) withNames(vendors, customers []string) *lexicon {
	out := *lx
	if len(vendors) > 0 {
		out.vendorAlt += "|" + namesAlt(vendors)
		out.vendor = regexp.MustCompile(`(?i)\b(` + out.vendorAlt + `)\b`)
	}
	if len(customers) > 0 {
		out.customerAlt += "|" + namesAlt(customers)
		out.customer = regexp.MustCompile(`(?i)\b(` + out.customerAlt + `)\b`)
	}
	return &out
}

func namesAlt(names []string) string {
	var q []string
	for _, n := range names {
		q = append(q, regexp.QuoteMeta(n))
	}
	return strings.Join(q, "|")
}

// expand puts the lexicon's parties into a rule pattern's {vendor} and
// {customer}.
func (lx *lexicon) expand(pattern string) string {
	pattern = strings.ReplaceAll(pattern, "{vendor}", `(?:`+lx.vendorAlt+`)`)
	return strings.ReplaceAll(pattern, "{customer}", `(?:`+lx.customerAlt+`)`)
}

func (lx *lexicon) or() *lexicon {
	if lx == nil {
		return defaultLexicon
	}
	return lx
}

// actor returns the party that acts in s, and whether the binding verb is
// permissive ("may", "can"). A passive obligation ("the Client will be
// notified") acts on the named party, so the actor is the other one.
func actor(s, leadIn string, lx *lexicon) (p Party, permissive bool) {
	lx = lx.or()
	m := reModal.FindStringIndex(s)
	head := s
	if m != nil {
		head = s[:m[0]]
		mod := strings.ToLower(s[m[0]:m[1]])
		permissive = mod == "may" || mod == "can"
	}
	// A leading condition ("If the Processor becomes aware of a breach,")
	// names no actor: the subject follows it.
	if reCondition.MatchString(head) {
		if i := strings.LastIndexAny(head, ",:"); i >= 0 {
			head = head[i+1:]
		}
	}
	if m == nil {
		head = ""
	}
	p = lx.lastParty(head)
	if m == nil && leadIn != "" {
		// A verbless list item ("Controlled execution environment (Client
		// VM)") continues its lead-in: the lead-in's actor acts.
		p, permissive = actor(leadIn, "", lx)
		return p, permissive
	}
	if p == PartyUnknown && m == nil {
		// Without a binding verb the subject leads the sentence; a party
		// named later is an object ("... authentication of each user").
		p = lx.firstParty(subjectSpan(s))
	}
	if p == PartyUnknown && leadIn != "" && m != nil && strings.TrimSpace(head) == "" {
		p, _ = actor(leadIn, "", lx)
	}
	if m != nil && rePassive.MatchString(s[m[1]:]) && !reNotPassive.MatchString(s[m[1]:]) {
		rest := s[m[1]:]
		if b := reByAgent.FindStringSubmatch(rest); b != nil {
			if q := lx.lastParty(b[0]); q != PartyUnknown {
				return q, permissive
			}
		}
		switch p {
		case PartyVendor:
			p = PartyCustomer
		case PartyCustomer:
			p = PartyVendor
		}
	}
	return p, permissive
}

// lastParty names the party mentioned last in s (the subject nearest the
// verb), or PartyMutual for "each party" and the like.
func (lx *lexicon) lastParty(s string) Party {
	best, pos := PartyUnknown, -1
	for _, c := range []struct {
		re *regexp.Regexp
		p  Party
	}{{reMutual, PartyMutual}, {lx.vendor, PartyVendor}, {lx.customer, PartyCustomer}} {
		locs := c.re.FindAllStringIndex(s, -1)
		if len(locs) == 0 {
			continue
		}
		if l := locs[len(locs)-1]; l[0] > pos {
			best, pos = c.p, l[0]
		}
	}
	return best
}

// subjectSpan is the start of a sentence, where its subject stands.
func subjectSpan(s string) string {
	if w := strings.Fields(s); len(w) > 8 {
		return strings.Join(w[:8], " ")
	}
	return s
}

// firstParty names the party mentioned first in s: in a sentence without a
// binding verb, the subject usually leads.
func (lx *lexicon) firstParty(s string) Party {
	best, pos := PartyUnknown, len(s)+1
	for _, c := range []struct {
		re *regexp.Regexp
		p  Party
	}{{reMutual, PartyMutual}, {lx.vendor, PartyVendor}, {lx.customer, PartyCustomer}} {
		for _, l := range c.re.FindAllStringIndex(s, -1) {
			if reObjectPronoun.MatchString(s[l[0]:l[1]]) {
				continue
			}
			if l[0] < pos {
				best, pos = c.p, l[0]
			}
			break
		}
	}
	return best
}

// negated reports whether a negation cue governs the match at [at:]: the cue
// stands before it with no new coordinated obligation in between.
//
// A prohibition that protects the customer ("shall not engage a
// subprocessor without prior written authorisation") is not a negation.
func negated(s string, at int) bool {
	// A cue before a bracket or a table cell ("[... do not apply.] [x]
	// Provider will ...") belongs to another part.
	if i := strings.LastIndexAny(s[:at], "[]|"); i >= 0 {
		s, at = s[i+1:], at-i-1
	}
	for _, c := range reNegation.FindAllStringIndex(s[:at], -1) {
		if reScopeBreak.MatchString(s[c[1]:at]) || reProtective.MatchString(s[c[1]:]) {
			continue
		}
		return true
	}
	return false
}

// match is what the engine found for a rule in one unit.
type match struct {
	text      string
	party     Party
	negated   bool
	why       string // why a negated match does not count
	reference bool   // the term is made only by reference to another document
	weakeners []string
	deadline  *Deadline
}

var (
	// reReference finds terms made only by pointing elsewhere ("as set out
	// in the DPA", "available on request", a URL).
	reReference = regexp.MustCompile(`(?i)\b((as|are|is) (set (out|forth)|described|specified|defined|provided|detailed|documented) (in|at|on)|in accordance with|pursuant to|according to|governed by|(contained|recorded) in)\s+(the\s+|its\s+|our\s+|a\s+|any\s+|such\s+)?\[?([A-Z][\w-]*['’]s\s+)?(separate\s+|applicable\s+|then[- ]current\s+|[A-Z][\w-]*\s+)?(data processing (agreement|addendum)|dpa|service level (agreement|addendum|schedule)|sla|master (services |subscription )?agreement|business associate agreement|baa|(information )?security (policy|policies|exhibit|addendum|schedule|annex|documentation|whitepaper|page)|privacy (policy|notice)|trust (center|centre|portal)|exhibit|annex|schedule|appendix|addendum|attachment|documentation|polic(y|ies)|order form|key terms|website|web site)\b|\bavailable (up)?on (written )?request\b|\bincorporates?\b[^.;]{0,80}\b(available at|by reference)\b|\bavailable at\s+(https?://|\{)|\bincorporated (herein )?by reference\b|\bhttps?://\S+`)
	// pointerWords is the most words a sentence may have, besides its
	// reference, and still be only a pointer: a longer sentence states the
	// term itself and the reference qualifies it.
	pointerWords = 25
	// reCrossRef and reFigure tell a concrete term ("99.9%", "72 hours")
	// from a pointer ("as set out in Section 5 of the DPA").
	reCrossRef = regexp.MustCompile(`(?i)\b(sections?|clauses?|articles?|exhibits?|schedules?|annex(es)?|appendix|appendices|paragraphs?|§)\s*[\w.()\-]+`)
	reFigure   = regexp.MustCompile(`\d`)
	reURL      = regexp.MustCompile(`\bhttps?://\S+|\{[a-z_]+\}`)
	// reUnchecked finds an unticked checkbox option, up to the next box.
	reUnchecked = regexp.MustCompile(`(\[ \]|☐)[^\[☐☒☑\n]*`)
	// reDefinition finds a definition sentence ("Security Incident" means ...):
	// it defines a term, it binds no one.
	reDefinition = regexp.MustCompile(`^[\s*_"“”'‘’(]*(\d+(\.\d+)*\.?\s+|\(?[a-z]{1,4}\)\s+)?[\s*_"“”'‘’(]*[A-Z][^.;:"“”]{0,60}?["”’]?[\s*_)]*\s(means|shall mean|has the meaning|refers to|is defined as)\b`)
)

// evaluate tests one unit against a rule. It returns nil when the unit does
// not show the term (signals absent, or the wrong party acts).
func (r *Rule) evaluate(u unit) *match {
	// Signals and weakeners read the item with its lead-in: "If Vendor
	// becomes aware of a breach:" + "the Client will be notified".
	// An unticked checkbox option ("[ ] SOC 2 report") is not agreed: its
	// words are not read.
	text := reUnchecked.ReplaceAllString(u.reading(), " ")
	first := -1
	for _, group := range r.signalsFor(u.lx) {
		found := -1
		for _, re := range group {
			if loc := re.FindStringIndex(text); loc != nil && (found < 0 || loc[0] < found) {
				found = loc[0]
			}
		}
		if found < 0 {
			return nil
		}
		// The term is shown where its last signal group is met; a negation
		// must stand before that point to govern it.
		if found > first {
			first = found
		}
	}
	p, permissive := actor(u.text, u.leadIn, u.lx)
	switch r.Subject {
	case "vendor":
		if p == PartyCustomer {
			return nil
		}
	case "customer":
		if p != PartyCustomer && p != PartyMutual {
			return nil
		}
	}
	m := &match{text: text, party: p, negated: negated(text, first)}
	if m.negated {
		m.why = "negated: does not bind the vendor"
	}

	if permissive && !r.Permissive {
		m.weakeners = append(m.weakeners, `permissive "may" instead of "shall" or "will"`)
	}
	for i, re := range r.weakeners {
		if re.MatchString(text) && (r.unless[i] == nil || !r.unless[i].MatchString(text)) {
			m.weakeners = append(m.weakeners, r.Weakeners[i].Reason)
		}
	}
	for _, w := range generalWeakeners {
		if w.re.MatchString(text) && (w.unless == nil || !w.unless.MatchString(text)) {
			m.weakeners = append(m.weakeners, w.reason)
		}
	}
	if r.Deadline {
		d := ParseDeadline(text)
		m.deadline = &d
		switch {
		case d.Grade == GradeNone:
			m.weakeners = append(m.weakeners, "no notification deadline")
		case d.Grade == GradeWeak:
			m.weakeners = append(m.weakeners, `vague deadline "`+d.Text+`"`)
		case d.Hours != nil && *d.Hours > r.MaxHours:
			m.weakeners = append(m.weakeners, "deadline "+d.Text+" exceeds "+fmtHours(r.MaxHours))
		}
		if d.Trigger == "confirmation" {
			m.weakeners = append(m.weakeners, "the clock starts only at confirmation or after the investigation")
		}
	}
	// A term made only by pointing at another document is not bound here,
	// unless the sentence itself states something concrete: a figure (a
	// deadline, a percentage, an amount) beyond the reference's own numbers.
	if reReference.MatchString(text) && !reFigure.MatchString(reURL.ReplaceAllString(reCrossRef.ReplaceAllString(text, ""), "")) &&
		len(strings.Fields(reReference.ReplaceAllString(u.text, ""))) <= pointerWords {
		m.reference = true
	}
	return m
}

// status of a match: "met", "weak", "by-reference" or "negated".
func (m *match) status() string {
	switch {
	case m.negated:
		return "negated"
	case m.reference:
		return StatusByReference
	case len(m.weakeners) > 0:
		return StatusWeak
	}
	return StatusMet
}

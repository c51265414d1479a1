package analyze

import "strings"

// statement reads a sentence without a modal. "Provider maintains ..." and
// "Retool notifies ..." are declarative statements of what a party does
// (the subject stands before the first verb); an imperative with no
// subject ("Report any security breach", "Do not share your password")
// binds the reader, the customer; a heading or table cell ("Encryption at
// rest") has modality none.
func (f *Frame) statement() predicate {
	p := predicate{from: 0, to: len(f.toks), modal: span{-1, -1}, modality: ModalNone}
	start := f.lead
	if start == 0 && !f.item {
		// A run-in label ("Change management: The Processor makes sure
		// ...") is no part of the sentence: read from after it.
		start = f.runInLabel()
		start = f.afterIntro(start)
		k := start
		for k < len(f.toks) && (f.toks[k].w == "and" || f.toks[k].w == "or" || f.toks[k].w == "also" || f.toks[k].w == "then" || !f.toks[k].word) && k < 3 {
			k++
		}
		if k < len(f.toks) && f.imperative(k) {
			p.actor, p.modality, p.word = PartyCustomer, ModalBinding, f.toks[k].w
			side, named := f.heading[headingSide]
			switch {
			case side:
				// Under "5. Processor obligations" a bare verb binds the
				// side the heading names, not the reader.
				p.actor = PartyVendor
			case !named && f.heading["procedure-steps"]:
				// Under "Security Incident Response Procedures" the bare
				// verbs ("Identify root cause", "Implement fixes") are the
				// steps of the procedure the document describes, binding
				// no reader.
				p.actor = PartyUnknown
			}
			p.modal = span{k, k + 1}
			f.polarity(&p, 0)
			return p
		}
	}
	if g := f.afterMarker(start); f.lead > 0 && g < len(f.toks) && len(f.toks[g].w) > 4 && strings.HasSuffix(f.toks[g].w, "ing") {
		// A list item that opens with a gerund ("… This includes: (a)
		// ensuring the Services are used securely") has no subject of its
		// own: it is what the lead-in's party does, and the verbs inside
		// it are not its own.
		p.actor, p.modality = f.leadActor(), ModalDeclarative
		p.modal, p.word = span{g, g + 1}, f.toks[g].w
		f.polarity(&p, 0)
		return p
	}
	if g := f.afterMarker(start); f.lead > 0 && g+1 < len(f.toks) && f.toks[g].w == "to" && f.verbClassAt(g+1) {
		// An item that opens with an infinitive ("The Processor agrees:
		// … to allow for and contribute to audits") completes its
		// lead-in's verb: the lead-in's party acts. Only a verb of the
		// vocabulary's action classes: "to the extent practicable, ..."
		// is no infinitive.
		if a := f.leadActor(); a != PartyUnknown {
			p.actor, p.modality = a, ModalDeclarative
			p.modal, p.word = span{g, g + 2}, f.toks[g+1].w
			f.polarity(&p, 0)
			return p
		}
	}
	if g := f.afterMarker(start); f.lead > 0 && g < len(f.toks) && f.itemVerb(g) {
		// An item that opens with a verb in -s under a lead-in that
		// only names its party ("The Processor: … Remains liable for its
		// sub-processors", "Allows the Controller to terminate ..."): the
		// lead-in's party is the subject.
		if a := f.leadParty(); a != PartyUnknown {
			p.actor, p.modality = a, ModalDeclarative
			p.modal, p.word = span{g, g + 1}, f.toks[g].w
			f.polarity(&p, 0)
			return p
		}
	}
	for j := start + 1; j < len(f.toks) && j < start+16; j++ {
		if !f.verbAt(j) {
			continue
		}
		from := f.subjectStart(j, start)
		if from >= j {
			continue
		}
		p.actor, p.possessed = f.subjectOf(from, j)
		if p.actor == PartyUnknown {
			p.actor = f.expletiveOwner(from, j)
		}
		if p.actor == PartyUnknown {
			p.actor = f.invertedCopula(j) // "Under no circumstances is Provider liable"
		}
		if p.possessed && f.gerundSubject(from, j) {
			// "Keeping our customers' data protected is our highest
			// priority": the subject is a doing whose doer it does not
			// name; whose data it is says nothing of who acts.
			p.actor = PartyUnknown
		}
		p.modality = ModalDeclarative
		p.modal, p.word = span{j, j + 1}, f.toks[j].w
		k := j + 1
		for k < len(f.toks) && k < j+3 && (f.toks[k].w == "only" || f.toks[k].w == "also" || f.toks[k].w == "not") {
			k++
		}
		if (f.toks[j].w == "is" || f.toks[j].w == "are") && k < len(f.toks) && (f.participle(k) || f.permittedIf(k)) {
			// "Customer is notified", "the engagement of subcontractors is
			// only permitted if": passive.
			p.passive = true
			if p.possessed || f.agentOnly(p.actor, from, j) || f.words(from, j) > passiveSubjectWords || f.relativePronoun(from, j) {
				p.actor = PartyUnknown
			}
			if a := f.subjectAgent(from, j); a != PartyUnknown {
				// "Access to the premises by Provider's staff is
				// logged": the subject names who acts.
				p.actor = a
				f.polarity(&p, 0)
				return p
			}
			// "Data centers are secured by our hosting providers": the
			// agent after "by" acts; one that is no party ("by a third-party
			// firm") is no reason to turn the subject's party around.
			if a, named := f.byAgent(k+1, len(f.toks)); named {
				p.actor = a
			} else {
				switch p.actor {
				case PartyVendor:
					p.actor = PartyCustomer
				case PartyCustomer, PartyThird:
					p.actor = PartyVendor
				}
			}
		}
		f.polarity(&p, 0)
		return p
	}
	// No verb: a list item is the complement of its lead-in ("Provider is
	// not responsible for: the acts of Customer"), whose subject acts;
	// else the party named first, if any, for the matrix.
	if f.lead > 0 {
		if a := f.leadActor(); a != PartyUnknown {
			p.actor = a
			f.polarity(&p, 0)
			return p
		}
	}
	for _, c := range []struct {
		class string
		p     Party
	}{{"mutual", PartyMutual}, {"vendor", PartyVendor}, {"customer", PartyCustomer}, {"third-party", PartyThird}, {"authority", PartyAuthority}} {
		s := f.m.first(c.class, start, min(len(f.toks), start+8))
		if s.from >= 0 && f.dutyOf(s) {
			// "The data controller's obligation to notify the breach to
			// the supervisory authority": a list item naming a duty of
			// its possessor, who is the one to act.
			p.actor = c.p
			break
		}
		if s.from < 0 || f.toks[s.to-1].poss || f.modifier(s) || f.toks[s.to-1].w == "us" || f.toks[s.to-1].w == "our" || f.toks[s.to-1].w == "your" {
			continue
		}
		if c.p == PartyCustomer && f.noticeTo(s) {
			// "Security incidents: notification to Customer within 24
			// hours": the customer is told; the other side tells.
			p.actor = PartyVendor
			break
		}
		p.actor = c.p
		break
	}
	if p.actor == PartyUnknown && f.lead > 0 {
		p.actor = f.leadActor()
	}
	f.polarity(&p, 0)
	return p
}

// noticeTo says the party span s is the one a notice goes to: "notice to
// (the) Customer", "notification to Customer".
func (f *Frame) noticeTo(s span) bool {
	k := s.from - 1
	if k >= 0 && f.toks[k].w == "the" {
		k--
	}
	if k < 1 || f.toks[k].w != "to" {
		return false
	}
	switch f.toks[k-1].w {
	case "notice", "notices", "notification", "notifications", "alert", "alerts":
		return true
	}
	return false
}

// runInLabel is the token after a short label that opens a sentence and
// ends in a colon ("Change management:", "Encryption at rest:"), or 0: a
// label names no party and has no verb.
func (f *Frame) runInLabel() int {
	for c := 1; c < len(f.toks)-1 && c <= 6; c++ {
		t := f.toks[c]
		if !t.word {
			if t.w != ":" {
				return 0
			}
			if a, _ := f.subjectOf(0, c); a != PartyUnknown {
				return 0
			}
			for j := 0; j < c; j++ {
				if f.verbAt(j) {
					return 0
				}
			}
			return c + 1
		}
	}
	return 0
}

// introWords open an adverbial phrase before a sentence's subject.
var introWords = map[string]bool{"by": true, "for": true, "in": true, "to": true, "with": true, "under": true, "upon": true, "on": true, "during": true, "throughout": true, "following": true, "after": true, "before": true, "as": true}

// afterIntro skips an introductory phrase closed by a comma ("For the
// purpose of safeguarding customer data, We are ...", "In connection with
// the Services, Provider maintains ..."): the subject stands after it, and
// a party named inside it ("customer data") is none. It returns k when the
// sentence does not open so, or the comma is far or after a verb.
func (f *Frame) afterIntro(k int) int {
	if k >= len(f.toks) || !introWords[f.toks[k].w] {
		return k
	}
	for j := k + 1; j < len(f.toks) && j < k+24; j++ {
		switch f.toks[j].w {
		case ",":
			if f.toks[k].w == "to" && j == k+2 {
				// "to provide, secure, maintain and improve the
				// Services": a series of infinitives, no purpose
				// phrase ("To protect your account, ...") before a
				// subject or an order.
				return k
			}
			if j+1 < len(f.toks) {
				return j + 1
			}
			return k
		case ";", ":", ".":
			return k
		}
		if f.verbAt(j) {
			return k
		}
	}
	return k
}

// afterMarker skips a list item's marker ("(a)", "iv.", "•") from token k.
func (f *Frame) afterMarker(k int) int {
	j := k
	if j < len(f.toks) && !f.toks[j].word {
		j++
	}
	if j+1 < len(f.toks) && f.toks[j].word && len(f.toks[j].w) <= 4 && (f.toks[j+1].w == ")" || f.toks[j+1].w == ".") {
		j += 2
	}
	for j < len(f.toks)-1 && !f.toks[j].word {
		j++
	}
	return j
}

// leadActor is the subject of the first verb of a list's lead-in
// ("Customer is solely accountable for …, which includes"), or
// PartyUnknown.
func (f *Frame) leadActor() Party {
	for j := 1; j < f.lead; j++ {
		if !f.verbAt(j) {
			continue
		}
		if from := f.subjectStart(j, 0); from < j {
			if a, poss := f.subjectOf(from, j); a != PartyUnknown && !poss {
				return a
			}
		}
		if a := f.invertedCopula(j); a != PartyUnknown {
			return a // "Under no circumstances is Provider liable for:"
		}
	}
	// A label with no verb that gives the list over to the customer's
	// duties ("Customer responsibilities:", "Your obligations:"): its
	// items are the customer's.
	if f.m.in("customer-duties", 0, f.lead) {
		return PartyCustomer
	}
	return PartyUnknown
}

// reporting verbs take a clause with its own subject and verb: "Customer
// acknowledges that Spacelift processes Customer Data in Europe".
var reporting = map[string]bool{"acknowledges": true, "acknowledge": true, "agrees": true, "agree": true, "understands": true, "understand": true, "confirms": true, "confirm": true, "accepts": true, "accept": true, "represents": true, "represent": true, "warrants": true, "warrant": true, "certifies": true, "certify": true, "notes": true, "recognizes": true, "recognises": true, "undertakes": true, "undertake": true}

// statements reads a sentence without a modal: its statement, and the
// statement after "that" where the first one only reports it.
func (f *Frame) statements() []predicate {
	p := f.statement()
	out := []predicate{p}
	j := p.modal.from
	if q, ok := f.instructed(p); ok {
		out[0].to = q.from
		return append(out, q)
	}
	if p.modality != ModalDeclarative || j < 0 || !reporting[f.toks[j].w] {
		return out
	}
	// "acknowledges that", "acknowledges and consents that"
	t := j + 1
	if t+2 < len(f.toks) && (f.toks[t].w == "and" || f.toks[t].w == "or") && f.toks[t+1].word && f.toks[t+2].w == "that" {
		t += 2
	}
	if t >= len(f.toks) || f.toks[t].w != "that" {
		return out
	}
	for k := t + 2; k < len(f.toks) && k < t+17; k++ {
		if !f.verbAt(k) {
			continue
		}
		q := predicate{from: t + 1, to: len(f.toks), modal: span{k, k + 1}, modality: ModalDeclarative, word: f.toks[k].w}
		q.actor, q.possessed = f.subjectOf(t+1, k)
		if q.actor == PartyUnknown {
			q.actor = f.pronounOf(out[0], t+1, k) // "Customer warrants that it has ..."
		}
		f.polarity(&q, t+1)
		out[0].to, out[0].objTo = t+1, len(f.toks)
		if otherParty(out[0].actor, q) {
			out[0].objTo = 0
		}
		return append(out, q)
	}
	return out
}

// instructing verbs put their object to work: "Controller instructs
// Processor to delete the data" binds the processor; "permits Customer to
// audit" lets the customer.
var instructing = map[string]string{"instructs": ModalBinding, "instruct": ModalBinding, "directs": ModalBinding, "requires": ModalBinding, "authorizes": ModalPermissive, "authorises": ModalPermissive, "permits": ModalPermissive, "allows": ModalPermissive}

// instructed reads "X instructs Y to do" as Y's own predicate.
func (f *Frame) instructed(p predicate) (predicate, bool) {
	j := p.modal.from
	if p.modality != ModalDeclarative || j < 0 || instructing[f.toks[j].w] == "" {
		return predicate{}, false
	}
	for k := j + 2; k < len(f.toks) && k < j+10; k++ {
		if f.toks[k].w != "to" || !f.partyIn(j+1, k) || k+1 >= len(f.toks) {
			continue
		}
		q := predicate{from: j + 1, to: len(f.toks), modal: span{k, k + 1}, modality: instructing[f.toks[j].w], word: f.toks[j].w}
		q.actor, q.possessed = f.subjectOf(j+1, k)
		f.polarity(&q, j+1)
		return q, true
	}
	return predicate{}, false
}

// imperative says the sentence opens with a bare verb: "Report any
// security breach", "Do not share your password", "Keep your credentials
// safe".
func (f *Frame) imperative(j int) bool {
	t := f.toks[j]
	if !t.word || !(t.upper || j > 0) {
		return false
	}
	if t.w == "do" && j+1 < len(f.toks) && f.toks[j+1].w == "not" {
		return true
	}
	if strings.HasSuffix(t.w, "s") || strings.HasSuffix(t.w, "ed") || strings.HasSuffix(t.w, "ing") || phrasalNouns[t.w] {
		return false
	}
	// "Use of redundant infrastructure with backups", "Review of access
	// rights": a noun with its "of", a measure's name in a list; no
	// order ("Dispose of" is the verb's own).
	if j+1 < len(f.toks) && f.toks[j+1].w == "of" && t.w != "dispose" {
		return false
	}
	// "Follow-up notes", "Back-up copies": the first part of a hyphenated
	// compound, a noun or adjective, no order.
	if rest := f.text[t.end:]; strings.HasPrefix(rest, "-") && len(rest) > 1 && rest[1] != ' ' || strings.HasPrefix(rest, "\u2011") {
		return false
	}
	// "Secure password storage", "Secure SDLC methodology": a feature
	// list's bullet, an adjective before its noun; an imperative of the
	// same word opens its object with a determiner ("Secure your
	// devices").
	if adjectiveVerbs[t.w] && j+1 < len(f.toks) && f.toks[j+1].word && !determiners[f.toks[j+1].w] && f.toks[j+1].w != "and" && f.toks[j+1].w != "or" {
		return false
	}
	// "Change Management", "Incident Response Plan", "Change control
	// procedures": a heading or a list's label, a noun phrase with no
	// determiner and no full stop, names a topic; it orders no one.
	if f.headingPhrase(j) {
		return false
	}
	// "Secure deletion follows NIST SP 800-88": an adjective and its noun,
	// the subject of the verb after them.
	if j+2 < len(f.toks) && f.toks[j+1].word && !determiners[f.toks[j+1].w] && f.verbAt(j+2) {
		return false
	}
	for _, c := range []string{"notify", "protect", "implement", "disclose", "delete", "return-data"} {
		if len(f.m.at(c, j)) > 0 {
			return true
		}
	}
	// "Assist the Merchant in ...", "Help Customer respond to ...",
	// "Cooperate with the Client": a verb of help ordered, its party, a
	// determiner or "with" after it; "Support for SSO" names a feature.
	if len(f.m.at("assist", j)) > 0 && j+1 < len(f.toks) {
		n := f.toks[j+1].w
		return determiners[n] || n == "with" || len(f.m.at("customer", j+1)) > 0 || len(f.m.at("vendor", j+1)) > 0
	}
	return false
}

// partyVerb says a lower-case word in -s stands right after a party's name
// (an adverb between allowed) as its verb: "Wire generally performs the
// processing on servers in the EU", "Provider hosts Customer Data". A word
// followed by a verb of its own is the head of the subject instead
// ("Customer systems are").
func (f *Frame) partyVerb(j int) bool {
	t := f.toks[j]
	if t.upper || len(t.w) < 4 || strings.HasSuffix(t.w, "ss") || strings.HasSuffix(t.w, "us") || strings.HasSuffix(t.w, "is") {
		return false
	}
	if !strings.HasSuffix(t.w, "s") && !f.verbClassAt(j) {
		// A base form only where it is a verb the rules know: "We
		// ensure", "Vendor ensure that all communications are encrypted".
		return false
	}
	if j+1 < len(f.toks) {
		switch f.toks[j+1].w {
		case "is", "are", "has", "have", "shall", "will", "may", "must", "can", "should", "of", "and", "or", ",", ")":
			return false
		}
	}
	k := j - 1
	if k >= 0 && strings.HasSuffix(f.toks[k].w, "ly") {
		k--
	}
	if k < 0 {
		return false
	}
	for _, c := range []string{"vendor", "customer", "third-party"} {
		for _, s := range f.m.find(c) {
			if s.to == k+1 && !f.toks[k].poss && f.toks[k].w != "us" && f.toks[k].w != "your" && f.toks[k].w != "our" && !f.objectWord(s.from) {
				return true
			}
		}
	}
	return false
}

// objectWord says the party word at from stands as an object, right after
// a verb the rules know or a preposition ("to authenticate customer users",
// "for customer accounts"): it names whose the noun after it is, and that
// noun ("users") is no verb.
func (f *Frame) objectWord(from int) bool {
	k := from - 1
	if k >= 0 && (f.toks[k].w == "the" || f.toks[k].w == "its" || f.toks[k].w == "their") {
		k--
	}
	if k < 0 || !f.toks[k].word {
		return false
	}
	switch f.toks[k].w {
	case "to", "for", "of", "by", "with", "from":
		return true
	}
	return !strings.HasSuffix(f.toks[k].w, "s") && (f.verbClassAt(k) || k > 0 && f.toks[k-1].w == "to")
}

// phrasalNouns are nouns whose verb is written in two words ("back up",
// "log in"): "Backup power at all data centers" is no imperative.
var phrasalNouns = map[string]bool{"backup": true, "setup": true, "login": true, "logon": true, "signup": true, "cleanup": true, "lockout": true, "rollout": true, "handover": true, "shutdown": true, "failover": true}

// adjectiveVerbs are verbs the rules know that are also adjectives.
var adjectiveVerbs = map[string]bool{"secure": true, "separate": true, "complete": true, "clean": true}

// determiners open the object of an imperative ("Protect your password").
var determiners = map[string]bool{"the": true, "a": true, "an": true, "your": true, "our": true, "its": true, "their": true, "all": true, "any": true, "each": true, "every": true, "that": true, "this": true, "these": true, "those": true, "us": true, "them": true, "it": true, "such": true, "no": true}

// verbAt says the token after a subject is a verb in the present tense
// ("Provider maintains", "Processor is", "AWS has").
func (f *Frame) verbAt(j int) bool {
	t := f.toks[j]
	if !t.word {
		return false
	}
	switch t.w {
	case "is", "are", "has", "have", "does", "do", "acknowledges", "agrees":
		return true
	case "cannot":
		// "The Consultant cannot guarantee that ...": the main clause's
		// verb, a denied guarantee.
		return j+1 < len(f.toks) && denyingVerbs[f.toks[j+1].w]
	}
	if strings.HasSuffix(t.w, "s") && f.verbClassAt(j) && !f.nounAfter(j) {
		return true
	}
	if reporting[t.w] && j > 0 && f.partyEndsAt(j-1) {
		// "you represent and warrant that", "We acknowledge and agree":
		// a reporting verb right after its party.
		return true
	}
	return f.partyVerb(j)
}

// partyEndsAt says a party word (not a possessive) ends at token k: "you",
// "Customer", "the Provider".
func (f *Frame) partyEndsAt(k int) bool {
	if f.toks[k].poss {
		return false
	}
	for _, c := range []string{"vendor", "customer", "third-party"} {
		for _, s := range f.m.find(c) {
			if s.to == k+1 {
				return true
			}
		}
	}
	return false
}

// nounAfter says the word in -s at j follows a determiner or a word in -ed
// ("its backups", "encrypted backups", "the audits"): a noun, since
// neither stands right before a verb in the present tense.
func (f *Frame) nounAfter(j int) bool {
	if j == 0 || !f.toks[j-1].word {
		return false
	}
	w := f.toks[j-1].w
	if w == "it" {
		// "it encrypts your traffic": the pronoun is the verb's subject,
		// never a determiner before a noun.
		return false
	}
	return determiners[w] || len(w) > 3 && strings.HasSuffix(w, "ed")
}

// verbClasses are the action classes whose words serve as verbs.
var verbClasses = []string{"notify", "assist", "respond", "audit", "permit", "disclose", "change", "engage", "store", "delete", "implement", "protect", "terminate", "insure"}

// verbClassAt says a verb class the rules know begins at token j.
func (f *Frame) verbClassAt(j int) bool {
	for _, c := range verbClasses {
		if len(f.m.at(c, j)) > 0 {
			return true
		}
	}
	return false
}

// permittedIf says a word that keeps its subject before "to" ("is
// permitted to use") is a passive without it ("is only permitted if").
func (f *Frame) permittedIf(k int) bool {
	w := f.toks[k].w
	return notPassive[w] && strings.HasSuffix(w, "ed") && (k+1 >= len(f.toks) || f.toks[k+1].w != "to")
}

// otherParty says the complement c of a reporting clause whose subject is
// actor ("Customer acknowledges that Provider is responsible ...") names a
// party of its own, and another: its objects are that party's, not the
// reporting one's.
func otherParty(actor Party, c predicate) bool {
	if c.possessed || actor == PartyUnknown || actor == c.actor {
		return false
	}
	switch c.actor {
	case PartyVendor, PartyCustomer, PartyThird, PartyAuthority:
		return true
	}
	return false
}

// purposeEnd returns where a purpose phrase that opens at token i ends ("in
// order to assist the Controller in meeting its obligations,"): at the
// punctuation that closes it, before to. It returns -1 when no purpose phrase
// opens at i or none closes before to. A party named inside it is whom the
// act serves, never the subject.
func (f *Frame) purposeEnd(i, to int) int {
	if i+2 >= to {
		return -1
	}
	a, b, c := f.toks[i].w, f.toks[i+1].w, f.toks[i+2].w
	if !(a == "in" && b == "order" && (c == "to" || c == "for")) && !(a == "so" && b == "as" && (c == "to" || c == "not")) {
		return -1
	}
	for j := i + 3; j < to; j++ {
		if isBoundary(f.toks[j]) {
			return j
		}
	}
	return -1
}

// purposeSpans returns the purpose phrases in tokens [from, to) ("in order
// to assist the Controller,"), each up to the punctuation that closes it.
func (f *Frame) purposeSpans(from, to int) []span {
	var out []span
	for i := from; i < to; i++ {
		if e := f.purposeEnd(i, to); e > i {
			out = append(out, span{i, e})
			i = e
		}
	}
	return out
}

// inSpans says token pos lies in one of the spans.
func inSpans(spans []span, pos int) bool {
	for _, sp := range spans {
		if pos >= sp.from && pos < sp.to {
			return true
		}
	}
	return false
}

// byAgent finds "by X" within four words after a participle at from and
// names X's party; named says there is such an agent, of whatever party.
func (f *Frame) byAgent(from, to int) (Party, bool) {
	for j := from; j < to && j < from+4; j++ {
		if f.toks[j].w == "by" {
			if j+1 < to && f.toks[j+1].word && !strings.HasSuffix(f.toks[j+1].w, "ing") {
				// The agent's own words: "by the Provider", "by our
				// hosting providers", not a party further on ("by secure
				// transmission from the Customer").
				return f.actorIn(j+1, min(j+3, to)), true
			}
			return PartyUnknown, false
		}
	}
	return PartyUnknown, false
}

// passiveSubjectWords is the most words a passive's subject may have for
// the party in it to be the one acted upon ("The Customer and its Users
// will be notified").
const passiveSubjectWords = 6

// words counts the word tokens in [from, to).
func (f *Frame) words(from, to int) int {
	n := 0
	for k := max(from, 0); k < to && k < len(f.toks); k++ {
		if f.toks[k].word {
			n++
		}
	}
	return n
}

// gerundSubject says the subject [from, to) opens with a gerund
// ("Protecting your data"), after at most a title run into it ("Security
// Overview Keeping ...").
func (f *Frame) gerundSubject(from, to int) bool {
	for k := from; k < to && k < from+4; k++ {
		t := f.toks[k]
		if !t.word {
			return false
		}
		if len(t.w) > 4 && strings.HasSuffix(t.w, "ing") {
			return true
		}
		if !t.upper {
			return false
		}
	}
	return false
}

// relativePronoun says the subject [from, to) holds "we" or "you" after
// its first word: a relative clause ("The security measures we apply",
// "the files you upload"), whose party is not the subject.
func (f *Frame) relativePronoun(from, to int) bool {
	for k := from + 1; k < to; k++ {
		if w := f.toks[k].w; (w == "we" || w == "you") && f.toks[k-1].word && f.toks[k-1].w != "and" && f.toks[k-1].w != "or" {
			return true
		}
	}
	return false
}

// headingPhrase says the sentence from its word j is a heading's noun
// phrase rather than an order: a short fragment without a full stop whose
// word after the verb is no determiner, and whose words are all
// capitalised ("Change Management") or which ends in a noun that names a
// document or a practice ("Change approval procedures").
func (f *Frame) headingPhrase(j int) bool {
	text := strings.TrimRight(f.text, " *_")
	if text == "" || strings.ContainsAny(text[len(text)-1:], ".;!?") || j+1 >= len(f.toks) {
		return false
	}
	var words []token
	for _, t := range f.toks[j:] {
		if !t.word {
			if t.w == "," || t.w == ":" {
				return false
			}
			continue
		}
		words = append(words, t)
	}
	if len(words) < 2 || len(words) > 5 || determiners[words[1].w] {
		return false
	}
	title := true
	for _, t := range words {
		title = title && t.upper
	}
	return title || headingNouns[words[len(words)-1].w]
}

// headingNouns end a heading's noun phrase: "Change approval procedures",
// "Access control policy".
var headingNouns = map[string]bool{"procedures": true, "procedure": true, "process": true, "processes": true, "management": true, "requirements": true, "policy": true, "policies": true, "plan": true, "plans": true, "program": true, "programme": true, "standards": true}

// clauseBeforeSemicolon reads tokens [from, to) — a sentence's part
// before its first modal's subject — as a main clause of its own when a
// semicolon closes it and a verb with its subject stands before the
// semicolon: "Provider encrypts Customer Data at rest; Customer shall
// manage its keys". The predicate runs to the semicolon (q.to).
func (f *Frame) clauseBeforeSemicolon(from, to int) (predicate, bool) {
	c := -1
	for j := from; j < to && j < len(f.toks); j++ {
		if !f.toks[j].word && f.toks[j].w == ";" {
			c = j
			break
		}
	}
	if c < 0 {
		return predicate{}, false
	}
	for j := from + 1; j < c; j++ {
		if !f.verbAt(j) {
			continue
		}
		s := f.subjectStart(j, from)
		if s >= j {
			continue
		}
		q := predicate{from: from, to: c, modal: span{j, j + 1}, modality: ModalDeclarative, word: f.toks[j].w}
		q.actor, q.possessed = f.subjectOf(s, j)
		f.polarity(&q, s)
		f.voice(&q)
		return q, true
	}
	return predicate{}, false
}

// itemVerb says the word at g, opening a list item, is a verb in -s:
// "Remains liable ...", "Allows the Controller to ...", "Imposes ...".
func (f *Frame) itemVerb(g int) bool {
	w := f.toks[g].w
	if !f.toks[g].word || len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	return len(f.m.at("item-copula", g)) > 0 || f.verbClassAt(g)
}

// leadParty is the party a lead-in with no verb names just before its
// colon ("The Processor:", "Where it engages a sub-processor, the
// Processor:"), or the subject of the lead-in's verb.
func (f *Frame) leadParty() Party {
	if a := f.leadActor(); a != PartyUnknown {
		return a
	}
	k := f.lead - 1
	for k > 0 && !f.toks[k].word {
		k--
	}
	if k < 0 || f.toks[k].poss {
		return PartyUnknown
	}
	for _, c := range []struct {
		class string
		p     Party
	}{{"vendor", PartyVendor}, {"customer", PartyCustomer}, {"mutual", PartyMutual}} {
		for _, s := range f.m.find(c.class) {
			if s.to == k+1 && !f.modifier(s) && f.toks[k].w != "us" && f.toks[k].w != "our" && f.toks[k].w != "your" {
				return c.p
			}
		}
	}
	return PartyUnknown
}

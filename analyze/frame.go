package analyze

import (
	"github.com/ssrm-dev/ssrm/internal/lazyre"
	"strings"
)

// A frame is what the engine reads from one sentence (or list item with the
// lead-in that introduces it), once, for every rule: its predicates — who
// acts (actor), whether bound or permitted (modality), whether negated
// (negation scoped to its own verb; "without ... consent" is a condition,
// not a negation) — and the vocabulary classes found in it. Rules then only
// say which actions and objects show their term (match.go).

// Party is the actor of a predicate.
type Party string

// Parties.
const (
	PartyVendor    Party = "vendor"
	PartyCustomer  Party = "customer"
	PartyMutual    Party = "mutual"
	PartyThird     Party = "third-party"
	PartyAuthority Party = "authority"
	PartyUnknown   Party = ""
)

// Modalities of a predicate.
const (
	ModalBinding     = "binding"     // shall, will, must, agrees to, is responsible for
	ModalPermissive  = "permissive"  // may, can, is entitled to
	ModalAdvisory    = "advisory"    // should, aims to
	ModalDeclarative = "declarative" // "Provider maintains ...": a statement of what a party does
	ModalNone        = "none"        // no verb that binds or permits (a heading, a table cell)
)

// predicate is one obligation (or permission) in a sentence: the tokens
// from its subject to the next predicate's subject.
type predicate struct {
	from, to int
	modal    span // the modal's tokens; from = -1 without one
	modality string
	// word is the modal as written ("shall", "may").
	word    string
	actor   Party
	negated bool
	// noDuty: the negation denies a duty outright ("has no obligation to").
	noDuty bool
	// protective: a prohibition with a consent or notice condition ("shall
	// not engage a subprocessor without prior written consent") — it binds,
	// it is not negated.
	protective bool
	passive    bool
	// possessed: the subject is a thing the actor owns ("our code"), not
	// the party itself.
	possessed bool
	// complement: what a denied guarantee refuses to promise (deniedComplement).
	complement bool
	// objTo extends where the predicate's objects may stand past its
	// region: a main clause that reports or denies ("We do not warrant
	// that the Service will be secure") is about its complement.
	objTo int
}

// Frame is the reading of one unit.
type Frame struct {
	text  string
	toks  []token
	m     *matcher
	preds []predicate
	// heading holds the classes found in the clause's heading and its
	// parents' headings: context for objects ("Security Incidents").
	heading map[string]bool
	// prev holds the object classes of the sentence before, where this one
	// points back to it ("the breach", "such notice").
	prev map[string]bool
	// prevCues are the context cues a sentence takes from the one before
	// (the end of the contract told there, read by a deletion after it).
	prevCues map[string]bool
	// definition, question and recital units bind no one.
	definition, question bool
	// item: the unit is a list item ("(i) Make its books available ...");
	// without its lead-in its verb is not an imperative to the reader.
	item bool
	// pointer is set when the unit points at another document for its
	// content: the by-reference signal.
	pointer bool
	// docList: the unit is an item of a list of the contract's documents
	// ("the following order of precedence shall apply: ... Schedule 7
	// (Business Continuity)"): a title, the term in the document named.
	docList bool
	// describes: the unit says what another document holds ("The DPA
	// records the measures in place and the list of sub-processors"):
	// a pointer whatever its length.
	describes bool
	// lead is the number of tokens of the lead-in that introduces a list
	// item (0 for a sentence of its own).
	lead int
	// folded is text case-folded for literal prefilters (foldedText).
	folded *string
}

// foldedText is the frame's text case-folded (foldText), computed once.
func (f *Frame) foldedText() string {
	if f.folded == nil {
		s := foldText(f.text)
		f.folded = &s
	}
	return *f.folded
}

var (
	rePlaceholder = lazyre.New(braceBlank + `|\{[a-z_]+\}`)
	// reURL finds a web address: a pointer to where the text is. A
	// template's placeholder ("{policy_url}", "{notice_email}") is no
	// address: nothing is there until it is filled in.
	reURL = lazyre.New(`\bhttps?://\S+|\bwww\.[a-z0-9-]+\.[a-z]{2,}\S*|\]\(/[\w\-./#]+\)|\(/[a-z0-9][\w\-./#]*\)`)
	// reDraft finds an unfilled drafting note: "[Insert ...]", "[●]",
	// "[Vendor to describe]". Its words are not a commitment.
	reDraft = lazyre.New(`(?i)\[\s*(?:(?:insert|describe|specify|list|add|enter|complete|tbd|tbc|to be (?:completed|agreed|confirmed|inserted)|(?:vendor|provider|supplier|customer|processor|controller) to|note to|drafting note|placeholder)\b[^\]]{0,300}|[\s●•_.…xX]*)\]|<<[^>]{0,200}>>`)
	// reRecital finds a recital: it states background, it binds no one.
	reRecital = lazyre.New(`^(?:RECITALS?\s+)?(?:WHEREAS|Whereas)\b`)
	// rePurpose finds a statement of an instrument's purpose or scope ("The
	// purpose of these Clauses is to ensure compliance with ..."): like a
	// recital, it binds no one.
	rePurpose = lazyre.New(`^(?:\(?[a-z0-9]{1,4}[.)]\s+)?(?:The\s+)?(?:purpose|purposes|aim|object|objective)\s+of\s+(?:this|these|the)\b[^.;:]{0,120}?\s(?:is|are)\s+(?:to|that)\b`)
	// reItemStart finds a list item's marker.
	reItemStart = lazyre.New(`^(?:\(?[a-zA-Z0-9]{1,4}\)|[•●▪◦‣·*\-–])\s`)
	// reUnchecked finds an unticked checkbox option, up to the next box
	// (dropUnchecked decides whether the box is one).
	reUnchecked = lazyre.New(`(\[ \]|☐)[^\[☐☒☑\n]*`)
	// reDefinition finds a definition sentence ("Security Incident" means
	// ...): it defines a term, it binds no one.
	reDefinition = lazyre.New(`^[\s*_"“”'‘’(]*([A-Z]-\d{1,3}\s+)?(\d+(\.\d+)*\.?\s+|\(?[a-z]{1,4}\)\s+)?(?:Definitions?\s*[:.–-]\s*)?(?:the term\s+)?(?:["“‘'„ˮ″][^"”’'ˮ″]{1,60}["”’'ˮ″]|[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,5})[\s*_)]*:?\s(means|shall mean|has the meaning|have the meaning|refers to|is defined as|shall have the meaning)\b`)
)

// adverbs may stand between a modal and its verb.
var adverbs = map[string]bool{"also": true, "further": true, "then": true, "thereafter": true, "therefore": true, "promptly": true, "immediately": true, "forthwith": true, "only": true, "either": true, "each": true, "reasonably": true, "in": true, "addition": true, "however": true, ",": true, "always": true, "at": true, "all": true, "times": true, "hereby": true, "duly": true, "expressly": true, "jointly": true, "fully": true, "solely": true, "otherwise": true}

// notPassive: "shall be required to notify" keeps its subject as the actor.
var notPassive = map[string]bool{"required": true, "obliged": true, "obligated": true, "entitled": true, "permitted": true, "allowed": true, "authorized": true, "authorised": true, "responsible": true, "liable": true, "expected": true, "deemed": true, "subject": true, "able": true, "bound": true, "prepared": true, "pleased": true, "interested": true, "committed": true, "engaged": true, "dedicated": true, "devoted": true}

// adverbialStart words begin a phrase that stands between a subject and
// its verb ("Provider, upon request, shall ..."): skipped when looking for
// the subject.
var adverbialStart = map[string]bool{"upon": true, "at": true, "on": true, "in": true, "if": true, "when": true, "where": true, "within": true, "without": true, "following": true, "after": true, "subject": true, "notwithstanding": true, "unless": true, "except": true, "to": true, "for": true, "by": true, "as": true, "with": true, "promptly": true, "during": true, "from": true, "under": true, "through": true, "save": true, "pursuant": true, "prior": true, "before": true, "and": true, "wherever": true, "whenever": true, "once": true, "should": true, "acting": true}

// rePartyAddress finds a party's postal address in a party table, notice
// clause or signature block ("Address: 1 Market St, San Francisco, CA,
// United States", "| Address | ... |"), up to the first word that is no
// part of an address: where a party sits, never where data is kept, so its
// country is not read.
var rePartyAddress = lazyre.New(`(?i:\b(?:(?:registered|business|postal|mailing|office|notice)\s+)?address(?:\s+for\s+notices?)?\s*:)(?:[\s,.#/()-]*(?:\d[\w/-]*|[A-Z][\w.'’&-]*|(?:rue|de|la|le|du|des|of|the|and|am|an|der|di|del|via|floor|suite|street|road|avenue)\b))+|(?i:\|\s*address\s*\|)[^|\n]*`)

// buildFrame reads one unit: lead is the lead-in that introduces a list
// item ("" for a sentence of its own), text the unit. v is the vocabulary,
// names the agreement's party names, heading the classes of the clause's
// headings (may be nil). Unticked checkbox options and unfilled drafting
// notes are not read: they bind no one.
func buildFrame(lead, text string, v *Vocabulary, names map[string][]phrase, heading map[string]bool) *Frame {
	clean := func(s string) string {
		// Each pattern runs only on text holding one of its literals.
		if hasLit(s, literalsOf(reUnchecked)) {
			s = dropUnchecked(s)
		}
		if hasLit(s, literalsOf(rePartyAddress)) {
			s = rePartyAddress.ReplaceAllString(s, " ")
		}
		// A template's placeholder ("{{support_email}}", "{jurisdiction}")
		// names a value to fill in: its words are no text ("support" is no
		// assistance), and points nowhere (reURL).
		if strings.IndexByte(s, '{') >= 0 {
			s = rePlaceholder.ReplaceAllString(s, "{x}")
		}
		if !hasLit(s, literalsOf(reDraft)) {
			return s
		}
		locs := reDraft.FindAllStringIndex(s, -1)
		for k := len(locs) - 1; k >= 0; k-- {
			l := locs[k]
			if l[1] < len(s) && s[l[1]] == '(' {
				continue // a Markdown link "[list of subprocessors](url)"
			}
			s = s[:l[0]] + " " + s[l[1]:]
		}
		return s
	}
	lead, text = clean(lead), clean(text)
	full := text
	if lead != "" {
		full = lead + " " + text
	}
	f := &Frame{text: full, toks: tokenize(full), heading: heading}
	if lead != "" {
		for _, t := range f.toks {
			if t.start >= len(lead) {
				break
			}
			f.lead++
		}
	}
	f.m = newMatcher(v, f.toks, names)
	trimmed := strings.TrimSpace(text)
	f.question = strings.HasSuffix(trimmed, "?")
	// A recital may be an item under a "WHEREAS:" lead-in ("WHEREAS: A.
	// The Controller uses the Platform to manage its accounts"): background.
	f.definition = reDefinition.MatchString(trimmed) || reRecital.MatchString(trimmed) || rePurpose.MatchString(trimmed) || lead != "" && reRecital.MatchString(strings.TrimSpace(lead))
	f.item = lead != "" || reItemStart.MatchString(trimmed)
	f.preds = f.predicates()
	f.capabilityItems()
	f.pointer = f.points()
	return f
}

// predicates finds the modals and gives each its region, actor, modality
// and polarity.
func (f *Frame) predicates() []predicate {
	var modals []predicate
	for _, class := range []string{"binding", "permissive", "advisory"} {
		for _, s := range f.m.find(class) {
			if f.falseModal(s) {
				continue
			}
			modals = append(modals, predicate{modal: s, modality: modalityOf(class)})
		}
	}
	sortPreds(modals)
	modals = mergeModals(modals, f.toks)
	modals = dropModals(modals, f.relativeModal)
	modals = dropModals(modals, f.epistemicModal)
	if len(modals) > 0 && (f.partyRelative(modals[0]) || f.resultClauseModal(modals[0]) || f.thirdPartyRelative(modals[0]) || f.thingWillRelative(modals[0])) {
		// The sentence's main clause has no modal: "We are not liable
		// for any malware that you may run into", "The processor
		// notifies the controller ..., so the controller can meet its
		// duties" is its statement.
		modals = modals[1:]
	}
	if len(modals) == 0 {
		return f.statements()
	}
	// Regions: each predicate runs from its subject to the next one's.
	prevEnd := 0
	for i := range modals {
		p := &modals[i]
		p.from = f.subjectStart(p.modal.from, prevEnd)
		if i == 0 {
			p.from = 0
		}
		prevEnd = p.modal.to
		p.word = f.spanText(p.modal)
	}
	modals = dropModals(modals, f.conditionModal)
	for i := range modals {
		if i+1 < len(modals) {
			modals[i].to = modals[i+1].from
		} else {
			modals[i].to = len(f.toks)
		}
	}
	for i := range modals {
		p := &modals[i]
		subjFrom := f.subjectStart(p.modal.from, 0)
		if i > 0 {
			subjFrom = p.from
		}
		p.actor, p.possessed = f.subjectOf(subjFrom, p.modal.from)
		if p.actor == PartyUnknown {
			p.actor = f.invertedSubject(subjFrom, p.modal)
		}
		if p.actor == PartyUnknown && i == 0 {
			p.actor = f.frontedPronoun(subjFrom, p)
		}
		if p.actor == PartyUnknown {
			p.actor = f.expletiveOwner(subjFrom, p.modal.from)
		}
		if p.actor == PartyUnknown && i > 0 && f.inherits(p.from, p.modal.from) {
			p.actor = modals[i-1].actor // "Provider shall notify ... and shall assist"
		}
		f.polarity(p, subjFrom)
		f.voice(p)
		if f.consentAsked(p) {
			p.actor = PartyThird
		}
		if p.actor == PartyUnknown && i > 0 && modals[i-1].actor == PartyCustomer && f.toldContent(modals[i-1], *p) {
			// "Customer shall inform data subjects that their personal
			// data will be stored in the United States": what the
			// customer tells others is the customer's word, no promise
			// of the vendor's.
			p.actor = PartyCustomer
		}
	}
	modals, base := f.concessive(modals)
	f.sharedSubject(&modals[0])
	// A main clause without a modal before the first one's subject: "We do
	// not warrant that the Service will be secure", "Customer acknowledges
	// that Provider will ...": its own declarative predicate.
	if q, ok := f.clauseBeforeSemicolon(base, f.subjectStart(modals[0].modal.from, base)); ok {
		// "Provider encrypts Customer Data at rest; Customer shall manage
		// its keys": the clause before the semicolon is its own statement,
		// not part of the customer's duty.
		modals[0].from = q.to + 1
		modals = append([]predicate{q}, modals...)
	} else if s0, t := f.reportedAt(modals[0].modal.from, base); t > base {
		for j := base + 1; j < t; j++ {
			if !f.verbAt(j) {
				continue
			}
			q := predicate{from: base, to: s0, objTo: len(f.toks), modal: span{j, j + 1}, modality: ModalDeclarative, word: f.toks[j].w}
			q.actor, q.possessed = f.subjectOf(base, j)
			if q.actor == PartyUnknown {
				q.actor = f.expletiveOwner(base, j)
			}
			sub := s0
			for sub < modals[0].modal.from && itemMark[f.toks[sub].w] {
				sub++
			}
			f.reportedPronoun(modals, q, j, sub)
			if otherParty(q.actor, modals[0]) {
				// "Customer acknowledges that Provider is responsible
				// for security": the complement is the other party's.
				q.objTo = 0
			}
			f.polarity(&q, base)
			modals[0].from = s0
			modals = append([]predicate{q}, modals...)
			break
		}
	}
	f.deniedComplement(modals)
	f.toldComplement(modals)
	return modals
}

// reportedAt is where the first modal's subject begins (s0) and the "that"
// reporting it (t, or -1): right before the subject, or before the marks
// a lead-in is joined to its item with ("Customer undertakes that: … it
// shall permit ...").
func (f *Frame) reportedAt(modal, base int) (s0, t int) {
	s0 = f.subjectStart(modal, base)
	t = s0 - 1
	for t > base && itemMark[f.toks[t].w] {
		t--
	}
	if t <= base || f.toks[t].w != "that" {
		return s0, -1
	}
	return s0, t
}

func modalityOf(class string) string {
	switch class {
	case "permissive":
		return ModalPermissive
	case "advisory":
		return ModalAdvisory
	}
	return ModalBinding
}

// falseModal tells a modal word used otherwise: "May 2018", "at will",
// "a will", "the can".
func (f *Frame) falseModal(s span) bool {
	t := f.toks[s.from]
	if f.exceptAgreed(s) {
		return true
	}
	if s.to-s.from != 1 {
		return false
	}
	switch t.w {
	case "may":
		if t.upper && s.from > 0 && s.to < len(f.toks) && isDigitByte(f.toks[s.to].w[0]) {
			return true
		}
		if s.to < len(f.toks) && isDigitByte(f.toks[s.to].w[0]) {
			return true
		}
	case "should":
		// "Should you decide to terminate, Provider will ...": an
		// inverted condition ("if you decide"), no advice.
		if s.from == 0 || s.from == f.lead {
			return true
		}
		// "..., should it be destroyed": after a comma, with a subject
		// after it, the inverted condition ("if it is destroyed") of a
		// main clause (new-user trial 40).
		if s.from > 0 && s.to < len(f.toks) && f.toks[s.from-1].w == "," && invertedSubject(f.toks[s.to]) {
			return true
		}
	case "will", "can":
		if s.from > 0 {
			switch f.toks[s.from-1].w {
			case "at", "a", "the", "good", "its", "their":
				return true
			}
		}
	}
	return false
}

// invertedSubject tells a word that opens the subject of an inverted
// condition after "should": a pronoun, a determiner or a capitalised name
// ("should it", "should the data", "should Customer"), not a verb
// ("should notify").
func invertedSubject(t token) bool {
	switch t.w {
	case "it", "they", "he", "she", "you", "we", "any", "the", "such", "a", "an", "this", "that", "these", "those", "there", "either", "its", "their", "your", "our":
		return true
	}
	return t.word && t.upper
}

// exceptAgreed tells an "agreed" that only names the exception to a
// duty or a refusal ("Except as ... otherwise agreed to in writing, Provider
// will not encrypt", "unless otherwise agreed to by the parties"): the
// parties' possible agreement binds no one to the act.
func (f *Frame) exceptAgreed(s span) bool {
	switch f.toks[s.from].w {
	case "agree", "agreed", "agrees":
	default:
		return false
	}
	for k := s.from - 1; k >= 0 && k >= s.from-14; k-- {
		t := f.toks[k]
		if isBoundary(t) {
			return false
		}
		switch t.w {
		case "otherwise", "except", "unless", "save", "excepting":
			return true
		}
	}
	return false
}

func sortPreds(ps []predicate) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && (ps[j].modal.from < ps[j-1].modal.from || ps[j].modal.from == ps[j-1].modal.from && ps[j].modal.to > ps[j-1].modal.to); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// mergeModals joins overlapping and adjacent modals into one ("shall be
// entitled to", "will be responsible for"): a permission anywhere in the
// chain makes it permissive, an aim advisory.
func mergeModals(ps []predicate, toks []token) []predicate {
	var out []predicate
	for _, p := range ps {
		if n := len(out); n > 0 {
			last := &out[n-1]
			gap := p.modal.from - last.modal.to
			joinable := gap <= 0
			if gap > 0 && gap <= 3 {
				joinable = true
				for _, t := range toks[last.modal.to:p.modal.from] {
					if !(t.w == "not" || t.w == "be" || t.w == "have" || t.w == "also" || adverbs[t.w]) {
						joinable = false
					}
				}
			}
			if joinable {
				last.modal.to = max(last.modal.to, p.modal.to)
				switch {
				case p.modality == ModalPermissive || last.modality == ModalPermissive:
					last.modality = ModalPermissive
				case p.modality == ModalAdvisory || last.modality == ModalAdvisory:
					last.modality = ModalAdvisory
				}
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// joined says two subject mentions are coordinated: an "and" or "or"
// stands between them, and no verb.
func (f *Frame) joined(a, b int) bool {
	and := false
	for k := a + 1; k < b; k++ {
		switch w := f.toks[k].w; {
		case w == "and" || w == "or" || w == "and/or":
			and = true
		case f.verbAt(k):
			return false
		}
	}
	return and
}

// modifier says a party word only qualifies the noun after it ("Customer
// Data", "Provider Personnel").
func (f *Frame) modifier(s span) bool {
	if s.to >= len(f.toks) || f.toks[s.to-1].poss {
		return false
	}
	return modifierNouns[f.toks[s.to].w]
}

// polarity decides whether a negation governs the predicate: a cue in its
// subject ("Neither party shall", "Nothing in this Agreement shall") or
// right after its modal ("shall not", "will in no event"), or a denial of
// duty ("has no obligation to"). A protective condition ("without prior
// written consent") makes the prohibition a duty; "nothing ... shall limit"
// and "shall not unreasonably withhold" are no negation of the term.
func (f *Frame) polarity(p *predicate, subjFrom int) {
	cue := -1
	subjTo := p.modal.from
	if subjTo < 0 {
		// No modal: a cue anywhere in its clause governs ("Nothing ...
		// creates"); past a semicolon another clause speaks ("We encrypt
		// your data; however, no method is completely secure").
		subjTo = min(p.to, f.phraseEnd(subjFrom))
	}
	for _, s := range f.m.find("negation") {
		if s.from >= subjFrom && s.from < subjTo && !f.notANegation(s) {
			cue = s.from
		}
	}
	// After the modal: "shall not", "will also not", "shall in no event".
	for j := max(p.modal.from, 0); p.modal.from >= 0 && j < p.to && j < p.modal.to+4; j++ {
		if ends := f.m.at("negation", j); len(ends) > 0 && !f.notANegation(span{j, maxInt(ends)}) {
			cue = j
			break
		}
		if j >= p.modal.to && !adverbs[f.toks[j].w] && f.toks[j].w != "be" {
			break
		}
	}
	for _, s := range f.m.find("no-duty") {
		if s.from >= subjFrom && s.from < p.to && (p.modal.from < 0 || s.from <= max(p.modal.to, subjFrom)+3) {
			cue, p.noDuty = s.from, true
		}
	}
	if cue < 0 {
		return
	}
	// "Nothing ... shall limit", "shall not unreasonably withhold".
	if f.m.in("unnegated", cue+1, min(cue+6, p.to)) && !p.noDuty {
		return
	}
	p.negated = true
	if p.noDuty {
		return
	}
	if f.m.in("permission", cue, f.phraseEnd(cue)) || p.modal.from >= 0 && f.m.in("permission", p.modal.to, f.phraseEnd(p.modal.to)) ||
		p.actor != PartyMutual && f.m.in("recipient-exception", cue, f.phraseEnd(cue)) {
		// An exception naming recipients binds one side only: "each
		// party shall not disclose ... except to its subcontractors" is
		// a confidentiality clause's need-to-know.
		p.negated, p.protective = false, true
	}
}

// phraseEnd is the end of the part of the sentence that starts at i: the
// next ";" or the end.
func (f *Frame) phraseEnd(i int) int {
	for j := max(i, 0); j < len(f.toks); j++ {
		if !f.toks[j].word && (f.toks[j].w == ";" || f.toks[j].w == ".") {
			return j
		}
	}
	return len(f.toks)
}

func (f *Frame) spanText(s span) string {
	if s.from < 0 || s.to <= s.from {
		return ""
	}
	return f.text[f.toks[s.from].start:f.toks[s.to-1].end]
}

// regionText is the text of tokens [from, to).
func (f *Frame) regionText(from, to int) string {
	if from >= to || from >= len(f.toks) {
		return ""
	}
	return f.text[f.toks[from].start:f.toks[min(to, len(f.toks))-1].end]
}

// nounRun says the tokens from..to-1 are nouns of one phrase, joined by
// "and", "or" or commas, with no verb: "Customer's [employees and]
// contractors".
func (f *Frame) nounRun(from, to int) bool {
	for k := from; k < to; k++ {
		t := f.toks[k]
		switch {
		case t.w == "and" || t.w == "or" || t.w == ",":
		case !t.word || f.verbAt(k):
			return false
		}
	}
	return true
}

// toldContent says predicate p is the content of what prev's actor tells
// others: "Customer shall inform data subjects that [their data will be
// stored ...]".
func (f *Frame) toldContent(prev, p predicate) bool {
	return p.from > 0 && p.from > prev.modal.to && f.toks[p.from-1].w == "that" && f.m.in("notify", prev.modal.from, p.from)
}

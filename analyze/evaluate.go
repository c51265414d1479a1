package analyze

import (
	"github.com/ssrm-dev/ssrm/internal/lazyre"
	"slices"
	"sort"
	"strings"
)

// hit is one predicate of one unit that matches one of a rule's frames.
type hit struct {
	u         *unit
	p         *predicate
	spec      *frameSpec
	status    string // met, weak, by-reference or "negated"
	weakeners []string
	deadline  *Deadline
	score     float64
}

// prohibits says a permissive modal is negated ("may not", "cannot"): it
// forbids, and binds as "shall not" does.
func (p *predicate) prohibits() bool {
	return p.modality == ModalPermissive && (p.negated || p.protective)
}

// nonGiving is actions less the classes of handing something over
// (disclose, notify).
func nonGiving(actions []string) []string {
	var out []string
	for _, a := range actions {
		if a != "disclose" && a != "notify" {
			out = append(out, a)
		}
	}
	return out
}

// hitsIn tests every frame of the rule (or its red flags) against every
// predicate of the unit.
func (r *Rule) hitsIn(u *unit, specs []*frameSpec) []hit {
	f := u.frame
	if f == nil || f.definition || f.question {
		return nil
	}
	var out []hit
	for _, c := range specs {
		order := make([]int, len(f.preds))
		for i := range order {
			order[i] = i
		}
		if len(c.signals) > 0 {
			at := c.signalsAt(f)
			if at < 0 {
				continue
			}
			if len(c.Action) == 0 && len(c.Object) == 0 {
				// Signals alone: the predicate where they begin, or one it
				// stands under ("Business Associate shall ensure that any
				// subcontractor agrees ...").
				order = order[:0]
				for i := f.predAt(at); i >= 0; i-- {
					order = append(order, i)
				}
			}
		}
		for _, i := range order {
			p := &f.preds[i]
			if f.leadOnly(i) {
				continue
			}
			ok, neg := c.match(f, p)
			if !ok {
				continue
			}
			h := hit{u: u, p: p, spec: c}
			if neg {
				h.status = "negated"
			} else {
				r.grade(&h)
			}
			out = append(out, h)
			break
		}
	}
	return out
}

// leadOnly says predicate i stands wholly in the lead-in while the item
// after it is a sentence with a predicate of its own ("Provider shall
// assist Customer as follows: ... Provider shall not be liable for ..."):
// the lead-in is read in its own unit, and its words do not make the
// item show a term the item does not state.
func (f *Frame) leadOnly(i int) bool {
	if f.lead == 0 || f.preds[i].to > f.lead {
		return false
	}
	for _, q := range f.preds[i+1:] {
		if q.from >= f.lead {
			return true
		}
		// "Provider shall delete the data ..., save that Provider shall be
		// permitted to: (a) keep ...": the item completes the exception,
		// not the duty before it, which is read in the lead-in's own unit.
		if q.to > f.lead && f.exceptionOpens(q.from) {
			return true
		}
	}
	return false
}

// predAt is the index of the predicate whose region holds byte offset at.
func (f *Frame) predAt(at int) int {
	for i := len(f.preds) - 1; i >= 0; i-- {
		p := f.preds[i]
		if p.from < len(f.toks) && f.toks[p.from].start <= at {
			return i
		}
	}
	return 0
}

var (
	// reCrossRef and reFigure tell a concrete term ("99.9%", "72 hours")
	// from a pointer ("as set out in Section 5 of the DPA").
	reCrossRef = lazyre.New(`(?i)\b(sections?|clauses?|articles?|exhibits?|schedules?|annexures?|annex(es)?|attachments?|addend(um|a)|appendix|appendices|paragraphs?|§)\s*[\w.()\-]+`)
	reFigure   = lazyre.New(`\d`)
	reOwnCost  = lazyre.New(`(?i)\bat (its|their) (own |sole )?(cost|expense)s?\b`)
)

// pointerWords is the most words a sentence may have, besides its
// reference, and still be only a pointer: a longer sentence states the term
// itself and the reference qualifies it.
const pointerWords = 25

// grade sets a positive hit's weakeners, deadline and status.
func (r *Rule) grade(h *hit) {
	f, p := h.u.frame, h.p
	scope := f.scopeText(p)
	switch p.modality {
	case ModalPermissive:
		// "may not" forbids: graded as match reads it, a prohibition that
		// binds, not a permission.
		if !r.Permissive && !h.spec.Conditioned && !h.spec.Right && !f.provisoOnVendor(p) && !p.prohibits() {
			h.weakeners = append(h.weakeners, `permissive "`+strings.ToLower(p.word)+`" instead of "shall" or "will"`)
		}
	case ModalAdvisory:
		h.weakeners = append(h.weakeners, `"`+strings.ToLower(p.word)+`": an aim or advice, not a duty`)
	}
	// spared are the reasons of hedges that govern only a verb after the
	// rule's action: the rule's own weakeners of the same reason are the
	// same hedge.
	var spared []string
	for _, c := range f.m.v.weakeners {
		if !f.m.in(c.def.ID, f.leadFrom(p), p.to) && !f.sharedTail(c.def.ID, p) {
			continue
		}
		if c.def.GovernsVerb && !f.sharedTail(c.def.ID, p) && f.hedgeOnLaterVerb(c.def.ID, p, h.spec.Action) {
			spared = append(spared, c.def.Reason)
			continue
		}
		if c.def.Unless != "" && f.m.in(c.def.Unless, 0, len(f.toks)) {
			continue
		}
		if un := r.WeakenerUnless[c.def.ID]; un != "" && f.m.in(un, 0, len(f.toks)) {
			continue
		}
		h.weakeners = appendOnce(h.weakeners, c.def.Reason)
	}
	if p.actor == PartyCustomer && reOwnCost.MatchString(scope) {
		h.weakeners = appendOnce(h.weakeners, "at the customer's expense")
	}
	for i, re := range r.weakeners {
		in := scope
		if r.Weakeners[i].Sentence {
			in = f.text
		}
		if !r.Weakeners[i].Sentence && slices.Contains(spared, r.Weakeners[i].Reason) {
			continue
		}
		if re.MatchString(in) && (r.unless[i] == nil || !r.unless[i].MatchString(f.text)) {
			h.weakeners = appendOnce(h.weakeners, r.Weakeners[i].Reason)
		} else if hd := h.u.heading; r.Weakeners[i].Heading && hd != "" && re.MatchString(hd) &&
			(r.unless[i] == nil || !r.unless[i].MatchString(f.text) && !r.unless[i].MatchString(hd)) {
			h.weakeners = appendOnce(h.weakeners, r.Weakeners[i].Reason)
		}
	}
	if ph := valuePlaceholder(scope); ph != "" {
		// "Cyber liability insurance: minimum [AMOUNT]": the term's value
		// is a template's blank.
		h.weakeners = appendOnce(h.weakeners, "an unfilled template placeholder "+ph+" where the value belongs")
	}
	if r.Deadline {
		d := ParseDeadline(scope)
		h.deadline = &d
	}
	switch {
	case f.pointer && f.pointsOnly() && !f.publishesBeside(p):
		h.status = StatusByReference
	case len(h.weakeners) > 0:
		h.status = StatusWeak
	default:
		h.status = StatusMet
	}
}

// deadlineWeakeners are what a deadline adds to a finding's weakeners.
func (r *Rule) deadlineWeakeners(d *Deadline) []string {
	if d == nil {
		return nil
	}
	var out []string
	switch {
	case d.Grade == GradeNone:
		out = append(out, "no notification deadline")
	case d.Grade == GradeWeak:
		out = append(out, `vague deadline "`+d.Text+`"`)
	case d.Hours != nil && *d.Hours > r.MaxHours:
		out = append(out, "deadline "+d.Text+" exceeds "+fmtHours(r.MaxHours))
	}
	if d.Trigger == "confirmation" {
		out = append(out, "the clock starts only at confirmation or after the investigation")
	}
	return out
}

// pointerOnly says a unit that points elsewhere states nothing concrete
// itself: no figure beyond its cross-references, and few words.
func pointerOnly(f *Frame) bool {
	rest := f.text
	if hasLit(rest, literalsOf(reCrossRef)) {
		rest = reCrossRef.ReplaceAllString(rest, "")
	}
	if hasLit(rest, literalsOf(reURL)) {
		rest = reURL.ReplaceAllString(rest, "")
	}
	if reFigure.MatchString(rest) {
		return false
	}
	words := 0
	skip := map[int]bool{}
	for _, c := range []string{"reference", "document"} {
		for _, s := range f.m.find(c) {
			for i := s.from; i < s.to; i++ {
				skip[i] = true
			}
		}
	}
	for i, t := range f.toks {
		if t.word && !skip[i] {
			words++
		}
	}
	return words <= pointerWords+4
}

// scopeText is the text a predicate's weakeners and deadline are read
// from: the lead-in that introduces it and its own region.
func (f *Frame) scopeText(p *predicate) string {
	from := f.leadFrom(p)
	if from == p.from {
		return f.regionText(p.from, p.to)
	}
	return f.regionText(0, f.lead) + " " + f.regionText(p.from, p.to)
}

// provisoOnVendor says a permissive predicate is bound by a proviso on the
// vendor ("Provider may engage subprocessors, provided that Provider: (a)
// maintains a list ...; (b) notifies Customer ..."): what follows
// "provided that" is owed, so the "may" does not weaken it.
func (f *Frame) provisoOnVendor(p *predicate) bool {
	for _, s := range f.m.find("condition") {
		if s.from < p.from || s.from >= p.to || f.toks[s.from].w != "provided" {
			continue
		}
		end := min(s.to+3, p.to)
		if f.m.in("vendor", s.to, end) {
			return true
		}
		if s.to < p.to && (f.toks[s.to].w == "it" || f.toks[s.to].w == "we") {
			return true
		}
	}
	return false
}

// sharedTail says a phrase of the class closes the sentence after the
// predicate as a tail that qualifies every predicate before it: ", all at
// Customer's costs", ", in each case at Customer's expense" ("shall take
// measures to mitigate the breach and shall keep Customer informed, all at
// Customer's costs").
func (f *Frame) sharedTail(class string, p *predicate) bool {
	for _, s := range f.m.find(class) {
		if s.from < p.to || s.from < 2 {
			continue
		}
		w := f.toks[s.from-1].w
		if w == "all" && f.toks[s.from-2].w == "," {
			return true
		}
		if (w == "case" || w == "cases") && s.from >= 4 && f.toks[s.from-3].w == "in" && f.toks[s.from-4].w == "," {
			return true
		}
	}
	return false
}

// leadFrom is where a predicate's scope starts: 0 when a lead-in precedes
// it (the lead-in's conditions and weakeners bind the item), else its own
// start.
func (f *Frame) leadFrom(p *predicate) int {
	if f.lead > 0 && p.from >= f.lead {
		return 0
	}
	return p.from
}

func appendOnce(xs []string, s string) []string {
	for _, x := range xs {
		if x == s {
			return xs
		}
	}
	return append(xs, s)
}

var statusRank = map[string]float64{StatusMet: 3, StatusWeak: 2, StatusByReference: 1}

// rank scores a positive hit: how well the sentence shows the term, for
// choosing the evidence a lawyer would cite. Status first; then a clause
// whose heading names the term; an essential element; a deadline for a
// deadline rule; a binding verb; readable length.
func (r *Rule) rank(h *hit) float64 {
	s := statusRank[r.rankStatus(h)] * 10
	f := h.u.frame
	// A sentence that shows the term by neither its action nor its object,
	// taking the object only from its heading ("You are responsible for all
	// fees" under "Your Account"), is about something else: the heading's
	// weight goes to sentences that name the object themselves, and it
	// comes after them.
	borrowed := len(h.spec.Action) == 0 && len(h.spec.Object) > 0 && !f.anyIn(h.spec.Object, 0, len(f.toks)) && !f.anyPrev(h.spec.Object)
	// A sentence demoted as being about something else (see Demote) takes
	// no weight from a heading naming the term either: under "Notification
	// of personal data breaches", what the customer's own notice to the
	// authority states is still not the vendor's notice.
	demoted := len(r.Demote) > 0 && f.anyIn(r.Demote, 0, len(f.toks))
	switch {
	case borrowed:
		s -= 3
	case f.anyHeading(r.topic) && !demoted:
		s += 6
	}
	if h.spec.essential {
		s += 3
	}
	// Data transferred somewhere ("Before transferring Customer Data to a
	// subprocessor", "If Customer Data is transferred by virtue of
	// Customer's use ... to a country") is no return of it: only a transfer
	// to the customer gives the data back.
	if slices.Contains(h.spec.Action, "return-data") && f.transfersAway() {
		s -= 6
	}
	if demoted || f.certifiesOnly(h.spec.Action) {
		s -= 6 // found, but weaker evidence than a sentence without it (a heading's weight)
	}
	// A sentence demoted as being about something else does not state the
	// term whole, whatever it names.
	if !demoted {
		s += r.preferred(f)
	}
	// A heading given over to the term weighs less than a sentence that
	// names it: a met sentence elsewhere stays before a weak one under it.
	if !demoted && f.anyHeading(r.PreferHeading) {
		s += preferWeight / 4
	}
	if h.spec.flag == nil && h.spec.element == "" && len(r.Elements) == 0 {
		s += 3
	}
	if d := h.deadline; d != nil {
		switch {
		case d.Hours != nil:
			// A number of hours is the deadline a lawyer cites: more than
			// the vague deadline's sentence gains by naming the vendor.
			s += 7
		case d.Grade == GradeUnquantified:
			s += 3
		case d.Grade == GradeWeak:
			s += 1
		}
	}
	switch h.p.modality {
	case ModalBinding, ModalDeclarative:
		s += 1
	case ModalPermissive:
		if r.Permissive || h.p.prohibits() {
			s += 1
		}
	}
	// The term's object named only in a phrase fronted before the actor
	// ("In assessing the appropriate level of security, Processor shall
	// take account of the risks"): the verb does not govern it, so the
	// sentence is not the term stated by its verb.
	fronted := len(h.spec.Action) > 0 && f.objectFrontedOnly(h.spec.Object, h.p)
	if fronted {
		s -= 3
	}
	// The term's object named only in parentheses ("any use of the data by
	// Provider (including its subcontractors)"): the sentence is about
	// something else and names the term in passing.
	if f.objectInParensOnly(h.spec.Object) {
		s -= 12
	}
	if !fronted && len(h.spec.Action) > 0 && h.p.modal.from >= 0 && f.anyIn(h.spec.Action, h.p.modal.from, min(f.pastInsertion(h.p.modal.to)+5, h.p.to)) {
		s += 1
		// The term's action is the sentence's verb ("Customer may audit"),
		// not a word of what it governs ("Customer must submit a detailed
		// audit plan"): the sentence is the term, not its procedure.
		if f.actionIsVerb(h.spec.Action, h.p) {
			s += 2
		}
	}
	// A sentence whose verb is assisting the other party ("Processor shall
	// assist Controller in notifying the supervisory authority within 72
	// hours") is the assistance term, not this one, unless this rule asks
	// for assistance; so is a relative clause the assisting verb governs.
	if assist := []string{"assist"}; !slices.Contains(h.spec.Action, "assist") && (f.actionIsVerb(assist, h.p) || f.governedBy(assist, h.p)) {
		s -= 3
	}
	// The party the frame is written for acting itself ("Processor shall
	// return", "Customer may audit"), over a subject that names no one (a
	// list item without its lead-in), both parties ("The parties shall
	// agree ...") or the other party: more than a sentence's length or
	// place in its clause.
	if r.actsItself(h) {
		s += 3
	}
	// Among otherwise equal sentences, the clause's first states what the
	// clause is about: a tie-breaker, lighter than any other sign.
	if h.u.first {
		s += 0.5
	}
	// Lighter still: a sentence that takes the term's object from its
	// heading ("Unauthorized Use or Disclosure") comes after a sibling
	// that names it in its own words ("any Security Incident").
	if h.objectFromHeadingOnly() {
		s -= 0.25
	}
	switch n := len(h.u.full()) - f.frontedLen(h.p); {
	case n > 800:
		s -= 5
	case n > 400:
		s -= 2 // long, but often the clause itself (GDPR Art. 32's sentence)
	}
	// A sentence standing under a definitions heading further up (its
	// clause a list item of a defined term's meaning) names the term in
	// passing: a clause stating it outside the definitions comes first.
	if h.u.defined {
		s -= 6
	}
	// A clause whose text is only its heading ("6. Cross-Border
	// Transfers.") names a topic and states nothing.
	if headingOnly(h.u) {
		s -= 12
	}
	// A lead-in without its items ("Customer must adhere to the
	// following:", "the Contractor shall—") says least of all.
	if leadInOnly(h.u.text) {
		s -= 3
	}
	// Lawyers cite the body of an agreement before its exhibits (standard
	// clauses, security annexes) when both state the term.
	if h.u.part {
		s -= 7 // more than a heading's weight: the body's clause first
		if len(f.m.find("standard-clause-role")) > 0 {
			// The standard contractual clauses appended to a DPA: the
			// body's clause first even when it states the term less well.
			s -= 5
		}
	}
	return s
}

// objectFromHeadingOnly says the hit's sentence names the term's object
// neither itself nor in the sentence before, only in its heading.
func (h *hit) objectFromHeadingOnly() bool {
	f := h.u.frame
	return len(h.spec.Object) > 0 && !f.anyIn(h.spec.Object, 0, len(f.toks)) && !f.anyPrev(h.spec.Object) && f.anyHeading(h.spec.Object)
}

// leadInOnly says a unit's text ends where its items begin: with a colon,
// or with a dash as government contract clauses write it ("the Contractor
// shall—"), before any separator the items were joined with.
func leadInOnly(text string) bool {
	t := strings.TrimRight(text, " ;")
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, "—") || strings.HasSuffix(t, "–")
}

// rePartID finds the clause id of an exhibit, annex, schedule or the like,
// also where the id is the part's quoted heading: "Exhibit 2 - Security
// Measures" 3.1.
var rePartID = lazyre.New(`(?i)^["“]?(exhibit|annex|schedule|appendix|attachment|addendum|appendices)\b`)

// sortHits orders hits best first; among equals the earlier in the
// document.
func sortHits(hs []hit) {
	sort.SliceStable(hs, func(i, j int) bool {
		if hs[i].score != hs[j].score {
			return hs[i].score > hs[j].score
		}
		if hs[i].u.file != hs[j].u.file {
			return false
		}
		return hs[i].u.order < hs[j].u.order
	})
}

// actsItself says the hit's subject is the party whose term it is, named:
// the rule's owner ("Processor shall return"), or, for a rule any party
// may state (audit rights), the party its frame is written for
// ("Customer may audit", "Provider shall permit audits"). A subject that
// names no one, both parties or the other party does not.
func (r *Rule) actsItself(h *hit) bool {
	who := string(r.Owner)
	if r.Subject == "any" && h.spec.Actor != "" && h.spec.Actor != "any" {
		who = h.spec.Actor
	}
	switch who {
	case "vendor", "vendor-only":
		return h.p.actor == PartyVendor
	case "customer", "customer-only", "customer-side":
		return h.p.actor == PartyCustomer
	}
	return false
}

// governedBy says a predicate with no subject of its own (a relative
// clause: "... the following information which, pursuant to Article 33(3),
// shall be stated in Controller's notification") follows one whose verb,
// right after its modal, is one of the classes: "Processor shall be
// required to assist in obtaining ...".
func (f *Frame) governedBy(classes []string, p *predicate) bool {
	if p.actor != PartyUnknown {
		return false
	}
	var q *predicate
	for i := range f.preds {
		if &f.preds[i] == p {
			break
		}
		q = &f.preds[i]
	}
	if q == nil || q.modal.from < 0 || q.actor == PartyUnknown {
		return false
	}
	// The verb after the modal, within the sentence: the modal's own
	// region may end right at it ("Provider shall | be required to ...").
	at := q.modal.to
	for at < len(f.toks) && (adverbs[f.toks[at].w] || notPassive[f.toks[at].w] || verbLead[f.toks[at].w]) {
		at++
	}
	for _, c := range classes {
		for _, s := range f.m.find(c) {
			if s.from >= q.modal.from && s.from <= at {
				return true
			}
		}
	}
	return false
}

// verbLead are the words between a modal and its verb: "shall be
// entitled to", "has the right to", "will not", "shall be required to",
// "is obliged to".
var verbLead = map[string]bool{"not": true, "to": true, "be": true, "have": true, "has": true, "the": true, "right": true, "rights": true,
	"required": true, "obliged": true, "obligated": true}

// itemMark are the marks between a lead-in's modal and the verb of the
// item read with it: "Customer is responsible for: … maintaining".
var itemMark = map[string]bool{":": true, "…": true}

// actionIsVerb says one of the classes is the predicate's own verb: it
// begins at the modal (a statement's verb, "Provider deletes") or at the
// first word after it, past adverbs and negation ("Customer may audit",
// "shall be entitled to audit", "shall promptly notify"), not later in
// the predicate as a noun or a verb of a clause it governs ("must submit
// a detailed audit plan").
func (f *Frame) actionIsVerb(classes []string, p *predicate) bool {
	if p.modal.from < 0 {
		return false
	}
	at := f.pastInsertion(p.modal.to)
	for at < p.to && (adverbs[f.toks[at].w] || notPassive[f.toks[at].w] || verbLead[f.toks[at].w] || itemMark[f.toks[at].w]) {
		at++
	}
	for _, c := range classes {
		for _, s := range f.m.find(c) {
			if s.from >= p.modal.from && s.from <= at {
				return true
			}
		}
	}
	return false
}

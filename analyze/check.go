package analyze

import (
	"fmt"
	"slices"
	"strings"
)

// assessment is what the agreements show for one rule.
type assessment struct {
	best *hit
	// cite is the hit quoted first: best, unless a hit of a further
	// element states the term better (ranks higher); best still grades.
	cite     *hit
	support  []hit // further positive hits, best first, other clauses
	negated  []hit
	flags    []hit
	elements map[string]*hit // best positive hit per element
	deadline *Deadline
	// deadlineHit is where the deadline was read, when not from best.
	deadlineHit *hit
	// sentence is quoted in place of cite's unit: the sentence of an
	// inline enumeration cite is an item of (inlineSentence).
	sentence *unit
}

// rankedHits reads every unit for the rule: its positive hits best first,
// its negated hits in document order, and its red-flag hits best first
// (less those a binding statement of the term in their clause answers).
func (r *Rule) rankedHits(units []*unit) (pos, negated, flags []hit) {
	pos, negated, flags = r.unitsHits(units)
	// A unit that shows several elements at once is a better quote (two
	// forms of one element, SameAs, count once).
	sameAs := map[string]string{}
	for _, e := range r.Elements {
		if e.SameAs != "" {
			sameAs[e.ID] = e.SameAs
		}
	}
	perUnit := map[*unit]map[string]bool{}
	for _, h := range pos {
		// An element whose object the sentence takes only from its heading
		// ("The Processor shall make available all information ..." under
		// "9. Audits") is the heading's, not the sentence's: the sentence
		// shows the one element it names, and the audit clause beside it
		// is cited.
		if h.spec.element == "" || h.spec.Supporting || h.objectFromHeadingOnly() {
			continue
		}
		if perUnit[h.u] == nil {
			perUnit[h.u] = map[string]bool{}
		}
		id := h.spec.element
		if s := sameAs[id]; s != "" {
			id = s
		}
		perUnit[h.u][id] = true
	}
	for i := range pos {
		if n := len(perUnit[pos[i].u]); n > 1 {
			pos[i].score += float64(n-1) * 2
		}
	}
	if !showsTerm(pos) && len(r.frames) > 0 {
		// "Provider's security measures are described at <url>": a unit
		// that only points elsewhere and names the term is the term by
		// reference, though it states no obligation. A disclaimer that
		// points to a page ("We disclaim any warranty regarding the
		// security of the Platform (available at <url>)") states none.
		// The term is named in the unit itself, not only in a lead-in
		// before it ("... "Disaster" means one or more of the following:
		// ... Service level terms are set forth in Exhibit B" points to
		// no disaster notice).
		for _, u := range units {
			f := u.frame
			if f.pointer && !f.definition && f.pointsOnly() && f.namesTopic(r.topicObjects()) && !f.preds[0].negated && r.frames[0].actors[f.preds[0].actor] && (f.preds[0].actor != PartyCustomer || r.Subject == "customer") {
				h := hit{u: u, p: &f.preds[0], spec: r.frames[0], status: StatusByReference}
				h.score = r.rank(&h)
				pos = append(pos, h)
			}
		}
	}
	sortHits(pos)
	flags = yielded(answered(flags, pos))
	// Red flags too: the one in the clause about the term ("Changes to
	// these Terms") is quoted before one in passing in the preamble.
	sortHits(flags)
	return pos, negated, flags
}

// assess reads every unit for the rule: positive, negated and red-flag
// hits, ranked.
func (r *Rule) assess(units []*unit) assessment {
	var a assessment
	a.elements = map[string]*hit{}
	pos, negated, flags := r.rankedHits(units)
	a.negated, a.flags = negated, flags
	for i := range pos {
		h := &pos[i]
		if h.spec.element != "" && a.elements[h.spec.element] == nil {
			a.elements[h.spec.element] = h
		}
	}
	// The best hit: one of an essential element (or of the rule's own
	// frames) when there is one; a supporting frame never shows the term.
	for i := range pos {
		if pos[i].spec.essential && !pos[i].spec.Supporting {
			a.best = &pos[i]
			break
		}
	}
	for i := range pos {
		if a.best == nil && !pos[i].spec.Supporting {
			a.best = &pos[i]
		}
	}
	if r.Deadline && a.best != nil {
		a.best = quickerStatement(a.best, pos, units)
	}
	if a.best != nil {
		// The clause a lawyer would cite is the best-ranked one: a sentence
		// of an element that is not essential (the transfers clause, the
		// flow-down to subprocessors) is quoted before a lower-ranked one
		// of an essential element (a table row naming a country, the
		// customer's authorisation), which still grades the term and is
		// quoted next. A sentence that only weakens the term or stands in
		// for an essential element is not cited over one that states it,
		// and a clause whose heading names the term ("Audits", "Deletion
		// of Data") keeps its place, unless it stands in an exhibit and
		// the better-ranked one in the body.
		a.cite = a.best
		top := a.best
		for i := range pos {
			if !pos[i].spec.Supporting {
				top = &pos[i]
				break
			}
		}
		headed := a.best.u.frame.anyHeading(r.topic) && !(a.best.u.part && !top.u.part)
		// A tie between an exhibit's sentence and the body's goes to the
		// body, as the ranking itself breaks it. Nor is a sentence that
		// moves the data elsewhere ("Before transferring Customer Data to
		// a subprocessor, ...") cited for its return.
		above := top.score > a.best.score || top.score == a.best.score && a.best.u.part && !top.u.part
		away := slices.Contains(top.spec.Action, "return-data") && top.u.frame.transfersAway()
		if above && !r.standsIn(top.spec.element) && !headed && !away {
			a.cite = top
		}
		a.cite = r.citedBefore(pos, a.cite)
		a.cite = r.preferredCite(pos, a.cite)
		a.cite = r.pointedCite(pos, a.cite)
		seen := map[string]bool{a.cite.u.section: true}
		if a.sentence = a.inlineSentence(pos); a.sentence != nil {
			seen[a.sentence.section] = true
		}
		if a.cite != a.best && !(a.sentence != nil && a.best.u.sentence == a.sentence) {
			seen[a.best.u.section] = true
			a.support = append(a.support, *a.best)
		}
		for _, h := range pos {
			if len(a.support) == 2 {
				break
			}
			if seen[h.u.section] || h.spec.Supporting || otherPartysClause(h) || a.sentence != nil && (h.u.sentence == a.sentence || h.u == a.sentence) {
				continue
			}
			seen[h.u.section] = true
			a.support = append(a.support, h)
		}
		if r.Deadline {
			a.deadline = a.best.deadline
			if d, u := clauseDeadline(a.best, units); u != nil {
				a.deadline, a.deadlineHit = d, &hit{u: u}
			}
			if a.deadline == nil || a.deadline.Grade == GradeNone {
				// "Provider shall notify Customer of a breach. Such notice
				// shall be given within 48 hours." — the clause's other
				// sentence gives the deadline.
				for i := range pos {
					h := &pos[i]
					if h.deadline != nil && h.deadline.Grade != GradeNone && h.u.file == a.best.u.file && (h.u.section == a.best.u.section || h.spec.essential) {
						a.deadline, a.deadlineHit = h.deadline, h
						break
					}
				}
			}
		}
	}
	return a
}

// citedBefore is the hit a lawyer quotes first where cite is a hit of a
// frame cited after the others (FrameSpec.CitedAfter): the best-ranked
// hit, met or weak, of another frame that shows the term itself (not a
// supporting frame, nor an element that only weakens or stands in). cite
// itself when there is none, when cite's own sentence shows the term by
// such a frame too ("Customer authorises Provider to engage the following
// subprocessors:" is also the list), or when cite stands in the body and
// the other only in an exhibit (the body's clause first).
//
// A sentence a cited-after frame reads is cited after by every frame of
// the same element it also matches ("notice of any new subprocessor
// before the change" is no notice of the agreement's changes for naming
// one); a frame of another element it matches keeps it in the lead.
func (r *Rule) citedBefore(pos []hit, cite *hit) *hit {
	after := map[*unit]map[string]bool{}
	for _, h := range pos {
		if h.spec.CitedAfter {
			if after[h.u] == nil {
				after[h.u] = map[string]bool{}
			}
			after[h.u][h.spec.element] = true
		}
	}
	if !after[cite.u][cite.spec.element] {
		return cite
	}
	lead := func(h *hit) bool {
		return !after[h.u][h.spec.element] && !h.spec.Supporting && !r.standsIn(h.spec.element) && (h.status == StatusMet || h.status == StatusWeak) && !otherPartysClause(*h)
	}
	for i := range pos {
		if pos[i].u == cite.u && lead(&pos[i]) {
			return cite
		}
	}
	for i := range pos {
		if h := &pos[i]; lead(h) && (h.u.part == cite.u.part || cite.u.part) {
			return h
		}
	}
	return cite
}

// standsIn says the element only weakens the term ("may process the data
// anywhere") or stands in for an essential one (the return of confidential
// information for the return of the customer's data).
func (r *Rule) standsIn(id string) bool {
	for _, e := range r.Elements {
		if e.ID == id {
			return e.Weakens || e.Alternative
		}
	}
	return false
}

// answered drops the answerable red flags whose clause also states the
// term in binding words: a positive hit, met or weak, in the same file and
// section, in a sub-clause of it, or in a sibling under the same parent
// ("13.1 We may change this Agreement at our discretion. 13.2 We shall
// give you 30 days' notice of changes."). A weak statement answers the flag too: "We may revise
// these terms. We will post the revision on our website." states a notice,
// a poor one, and the finding is graded on it, not on "no notice stated".
func answered(flags, pos []hit) []hit {
	met := map[string]bool{}
	for _, h := range pos {
		if (h.status == StatusMet || h.status == StatusWeak) && h.p.modality == ModalBinding {
			met[h.u.file+"\x00"+h.u.section] = true
			if p := parentSection(h.u.section); p != "" {
				met[h.u.file+"\x00\x00"+p] = true
			}
		}
	}
	out := flags[:0]
	for _, h := range flags {
		p := parentSection(h.u.section)
		if h.spec.flag.Answerable && (met[h.u.file+"\x00"+h.u.section] || met[h.u.file+"\x00\x00"+h.u.section] || p != "" && met[h.u.file+"\x00\x00"+p]) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// parentSection is the clause a numbered sub-clause stands in ("13" for
// "13.2", "4.1" for "4.1(b)"), or "" for a clause of the top level.
func parentSection(sec string) string {
	for i := len(sec) - 1; i > 0; i-- {
		if sec[i] == '.' || sec[i] == '(' {
			return strings.TrimRight(sec[:i], ". ")
		}
	}
	return ""
}

// agreementFinding sets the finding's status, evidence and explanation from
// what the agreements show. It returns the negated evidence for the
// cross-check.
func (r *Rule) agreementFinding(f *Finding, units []*unit) []Evidence {
	a := r.assess(units)
	var negatedEv []Evidence
	for _, h := range a.negated {
		if len(negatedEv) == 2 {
			break
		}
		note := "negated: does not bind the vendor"
		if h.p.noDuty {
			note = "negated: denies the duty"
		}
		negatedEv = append(negatedEv, h.u.evidence(note))
	}
	for _, e := range r.Elements {
		es := ElementStatus{ID: e.ID, Title: e.Title, Essential: e.Essential}
		if h := a.elements[e.ID]; h != nil {
			es.Found, es.Section = true, h.u.section
		} else {
			for _, u := range a.quotedUnits() {
				if r.quotedElement(e.ID, u) {
					es.Found, es.Section = true, u.section // stated by a sentence the finding quotes
					break
				}
			}
		}
		f.Elements = append(f.Elements, es)
	}
	flagged, flaggedAt, clauseFlagged := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, h := range a.flags {
		flaggedAt[h.spec.flag.ID+"\x00"+h.u.file+"\x00"+h.u.section] = true
	}
	for _, h := range a.flags {
		key := h.spec.flag.ID + "\x00" + h.u.file + "\x00" + h.u.text
		clause := h.u.file + "\x00" + h.u.section
		if flagged[key] || flaggedWithin(flaggedAt, h) || h.u.section != "" && clauseFlagged[clause] {
			// two frames of one flag on one sentence, an item of a flagged
			// clause, or a second flag of the rule on a clause already
			// flagged ("We may modify these Terms. ... continued use is
			// acceptance": one line of the report, not two)
			continue
		}
		flagged[key], clauseFlagged[clause] = true, true
		f.RedFlags = append(f.RedFlags, RedFlagFound{ID: h.spec.flag.ID, Title: h.spec.flag.Title, Evidence: h.u.evidence("red flag: " + h.spec.flag.Title)})
		if len(f.RedFlags) == 3 {
			break
		}
	}
	if a.best == nil {
		f.Status = StatusMissing
		f.Evidence = append(f.Evidence, negatedEv...)
		f.Explanation = "no clause binds this term"
		f.Notes = append(f.Notes, r.mentioned(units)...)
		if len(negatedEv) > 0 {
			f.Explanation = "the only wording found negates or excludes the obligation"
		}
		if len(f.RedFlags) > 0 {
			// "We may change these terms without notice": quoted, and where
			// the wording is itself a poor version of the term, it is weak.
			f.Evidence = append([]Evidence{f.RedFlags[0].Evidence}, f.Evidence...)
			f.Explanation = "no clause binds this term, and section " + f.RedFlags[0].Evidence.Section + " works against it: " + strings.Join(flagTitles(f.RedFlags), "; ")
			for _, h := range a.flags {
				if h.spec.flag.StatesTerm {
					f.Status, f.OnlyAgainst = StatusWeak, true
					f.Weakeners = append(f.Weakeners, flagTitles(f.RedFlags)...)
					f.Explanation = "section " + f.RedFlags[0].Evidence.Section + " works against this term: " + strings.Join(flagTitles(f.RedFlags), "; ")
					break
				}
			}
		}
		return negatedEv
	}
	b := a.best
	f.Status = b.status
	f.Weakeners = append(f.Weakeners, b.weakeners...)
	// A grant weak only by a limit the rule reads in the whole clause
	// takes the clause's other limits too.
	if r.rankStatus(b) == StatusMet {
		for _, w := range r.clauseWeakeners(b, units) {
			f.Weakeners = appendOnce(f.Weakeners, w)
		}
	}
	if r.Deadline {
		f.Deadline = a.deadline
		if f.Status != StatusByReference {
			for _, w := range r.deadlineWeakeners(a.deadline) {
				f.Weakeners = appendOnce(f.Weakeners, w)
			}
		}
	}
	// Elements: without an essential one the term is weak; missing ones are
	// named.
	if len(r.Elements) > 0 {
		var found, missingEssential, missing []string
		essentials, foundEssentials := 0, 0
		for i, e := range f.Elements {
			if e.Essential && !r.Elements[i].Weakens && !r.Elements[i].Alternative {
				essentials++
				if e.Found {
					foundEssentials++
				}
			}
			switch {
			case e.Found && r.Elements[i].Weakens:
				f.Weakeners = append(f.Weakeners, e.Title)
			case e.Found:
				found = append(found, e.Title)
			case r.Elements[i].Weakens, r.Elements[i].Alternative:
			case e.Essential:
				missingEssential = append(missingEssential, e.Title)
				missing = append(missing, e.Title)
			default:
				missing = append(missing, e.Title)
			}
		}
		switch {
		case !b.spec.essential && len(found) > 0:
			f.Weakeners = append(f.Weakeners, "only "+strings.Join(found, "; ")+" (not: "+strings.Join(missingEssential, "; ")+")")
		case essentials >= 3 && foundEssentials == 1 && !wholeElement(a.elements):
			// A term of several essential parts stated by one of them
			// ("Customer authorises the use of subprocessors", and no list,
			// notice or objection) is a part, not the term.
			f.Weakeners = append(f.Weakeners, "only "+strings.Join(found, "; ")+" (not: "+strings.Join(missingEssential, "; ")+")")
		case b.spec.essential && wholeElement(a.elements):
			// The customer decides each subprocessor ("shall not engage
			// ... without prior written authorisation"): the term is met
			// whole, and only the further elements are left open.
			if open := missingFurther(r.Elements, f.Elements); len(open) > 0 {
				f.Notes = append(f.Notes, "not stated: "+strings.Join(open, "; "))
			}
		case b.spec.essential && len(missing) > 0:
			f.Notes = append(f.Notes, "not stated: "+strings.Join(missing, "; "))
		}
	}
	if len(f.RedFlags) > 0 {
		f.Weakeners = append(f.Weakeners, flagTitles(gradingFlags(f.RedFlags, a.flags))...)
	}
	if f.Status == StatusMet && len(f.Weakeners) > 0 {
		f.Status = StatusWeak
	}
	if f.Status == StatusByReference && flagsStateSomething(a.flags) {
		f.Status = StatusWeak
	}
	quoted := a.cite.u
	if a.sentence != nil {
		quoted = a.sentence // the enumeration's sentence whole, not its first item
	}
	lead := quoted.evidence("")
	if f.Status == StatusByReference {
		lead.Note = "by reference only"
	}
	f.Evidence = append(f.Evidence, lead)
	if h := a.deadlineHit; h != nil && h.u != a.cite.u && h.u != b.u {
		f.Evidence = append(f.Evidence, h.u.evidence("deadline"))
	}
	for _, fl := range f.RedFlags {
		if len(f.Evidence) < 3 {
			f.Evidence = append(f.Evidence, fl.Evidence)
		}
	}
	for _, h := range a.support {
		if len(f.Evidence) >= 3 {
			break
		}
		note := ""
		if h.status == StatusByReference {
			note = "by reference only"
		}
		f.Evidence = append(f.Evidence, h.u.evidence(note))
	}
	f.Weakeners = unquoteStock(f.Weakeners, quotedTexts(f, quoted, a.cite.u, b.u))
	f.Explanation = r.explain(f, a.cite, quoted.section)
	for i, re := range r.details {
		if !re.MatchString(b.u.frame.text) {
			f.Notes = append(f.Notes, r.Details[i].Missing)
		}
	}
	return negatedEv
}

// explain says in one line why the status was given, from the frame.
func (r *Rule) explain(f *Finding, b *hit, sec string) string {
	who := map[Party]string{PartyVendor: "the vendor", PartyCustomer: "the customer", PartyMutual: "both parties", PartyThird: "a third party", PartyAuthority: "an authority"}[b.p.actor]
	how := ""
	// Without a verb that binds, say what the wording is, so the reader
	// knows why it counts: a fact stated ("is", "has") or a heading, table
	// row or description with no verb at all.
	bare := "no verb: a heading, table row or description"
	switch strings.ToLower(b.p.word) {
	case "is", "are", "has", "have", "does", "do", "was", "were":
		b = &hit{u: b.u, p: &predicate{actor: b.p.actor, modality: ModalNone}} // no verb worth quoting
		bare = "stated as a fact, not a duty: a representation, which binds as well"
	}
	switch {
	case b.p.word != "" && b.p.modality != ModalNone && who != "" && instructedBy(b) != "":
		// "Customer instructs Provider to return the data": the verb is the
		// instructing party's, the duty the instructed one's.
		how = fmt.Sprintf(` (%s "%s" %s)`, instructedBy(b), strings.ToLower(b.p.word), who)
	case b.p.word != "" && b.p.modality != ModalNone && who != "":
		how = fmt.Sprintf(` (%s "%s")`, who, strings.ToLower(b.p.word))
	case b.p.word != "" && b.p.modality != ModalNone:
		how = fmt.Sprintf(` ("%s")`, strings.ToLower(b.p.word))
	case who != "":
		how = " (" + who + ", " + bare + ")"
	default:
		how = " (" + bare + ")"
	}
	if f.Status == StatusMet && r.Owner == OwnerCustomer && b.p.actor == PartyCustomer {
		// A customer's own duty is put on the customer, not bound as a term
		// the vendor owes; the actor is named once.
		verb := ""
		if b.p.word != "" && b.p.modality != ModalNone {
			verb = fmt.Sprintf(` ("%s")`, strings.ToLower(b.p.word))
		}
		return "the agreement puts this duty on the customer in section " + sec + verb
	}
	switch f.Status {
	case StatusMet:
		return "the agreement binds this term in section " + sec + how
	case StatusWeak:
		return "present in section " + sec + how + " but weak: " + strings.Join(f.Weakeners, "; ")
	default:
		return "section " + sec + " only points to another document for this term; it is not bound here"
	}
}

// instructedBy names the party whose instructing verb a predicate read
// from "X instructs Y to do" carries (Frame.instructed), or "" when the
// predicate's verb is its own.
func instructedBy(b *hit) string {
	f, p := b.u.frame, b.p
	if instructing[strings.ToLower(p.word)] == "" || p.modal.from < 0 || p.modal.from >= len(f.toks) || f.toks[p.modal.from].w != "to" {
		return ""
	}
	for i := len(f.preds) - 1; i >= 0; i-- {
		if q := f.preds[i]; q.to <= p.from && q.actor != p.actor {
			if w := map[Party]string{PartyVendor: "the vendor", PartyCustomer: "the customer", PartyAuthority: "an authority"}[q.actor]; w != "" {
				return w
			}
		}
	}
	return "the other party"
}

func flagTitles(fs []RedFlagFound) []string {
	var out []string
	for _, f := range fs {
		out = appendOnce(out, f.Title)
	}
	return out
}

// gradingFlags are the flags found that weaken a term the agreement
// binds: all but those whose RedFlag.KeepsGrade.
func gradingFlags(fs []RedFlagFound, hits []hit) []RedFlagFound {
	keeps := map[string]bool{}
	for _, h := range hits {
		keeps[h.spec.flag.ID] = h.spec.flag.KeepsGrade
	}
	var out []RedFlagFound
	for _, f := range fs {
		if !keeps[f.ID] {
			out = append(out, f)
		}
	}
	return out
}

// checkRule gives the finding for one rule, and a contradiction when the
// questionnaire promises more than the agreement binds (crossCheck).
func checkRule(r *Rule, units []*unit, in Inputs, qc *qcontext) (Finding, *Finding) {
	f := Finding{
		Rule: r.ID, Title: r.Title, Severity: r.Severity, Category: r.Category,
		Domain: r.Domain, Owner: r.Owner, Sources: r.Sources,
		Recommendation: r.Recommendation, Weakeners: []string{}, Evidence: []Evidence{},
	}
	promise, denial := qc.promises(r)
	if r.AppliesTo == "questionnaire" || len(in.Agreements) == 0 {
		questionnaireOnly(r, &f, in, promise, denial)
		return f, nil
	}
	negatedEv := r.agreementFinding(&f, units)
	return f, crossCheck(r, &f, promise, denial, negatedEv)
}

// topicObjects are the rule's topic classes that name a thing (objects),
// not an action: a pointer that names "changes" is no change notice.
// namesTopic says a pointer names the rule's topic after its lead-in:
// one of its objects, or all of them in a description of another document
// that lists many things ("The DPA records the categories of data
// subjects, ... and the list of sub-processors" names no breach notice).
func (f *Frame) namesTopic(objects []string) bool {
	if !f.describes {
		return f.anyIn(objects, f.lead, len(f.toks))
	}
	for _, c := range objects {
		if !f.m.in(c, f.lead, len(f.toks)) {
			return false
		}
	}
	return len(objects) > 0
}

func (r *Rule) topicObjects() []string {
	var out []string
	for _, t := range r.topic {
		if c := r.vocab.Class(t); c != nil && c.Kind == "object" {
			out = append(out, t)
		}
	}
	return out
}

// flaggedWithin says h is an item read with its lead-in and the same red
// flag is also found on a clause that holds it: "2.1" holds its items
// "2.1(a)" and "2.1(b)", so a disclaimer whose lead-in is read with each
// item is one red flag, not three. A sub-clause with no lead-in keeps its
// own.
func flaggedWithin(at map[string]bool, h hit) bool {
	if h.u.leadIn == "" {
		return false
	}
	sec := h.u.section
	for i := len(sec) - 1; i > 0; i-- {
		if (sec[i] == '(' || sec[i] == '.') && at[h.spec.flag.ID+"\x00"+h.u.file+"\x00"+sec[:i]] {
			return true
		}
	}
	return false
}

// mentioned are the notes of the rule's mentions (Rule.Mentions) that a
// sentence of units states, each once, with the first such sentence's
// section.
func (r *Rule) mentioned(units []*unit) []string {
	var out []string
	for i, re := range r.mentions {
		for _, u := range units {
			if re.MatchString(strings.ToLower(u.text)) {
				n := r.Mentions[i].Missing
				if u.section != "" {
					n += " (section " + u.section + ")"
				}
				out = append(out, n)
				break
			}
		}
	}
	return out
}

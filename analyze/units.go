package analyze

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

var (
	// The second form is a full stop with no space after it, as text
	// extracted from a document often has ("services.For any request"):
	// a capitalised word follows; splitSentences takes it as an end only
	// after a lower-case word (not "ASP.NET", "e.g.The", a web address).
	// A sentence may open with a bracket: a template's drafting note
	// ("... a material term. [Bracketed language may be added ...]") is a
	// sentence of its own, not the end of the one before (bracketedSentence).
	reSentenceEnd = lazyre.New(`([.!?])(?:\s+["“(\[]?[A-Z0-9•]|[A-Z][A-Za-z]*[\s,])`)
	reListItem    = lazyre.New(`(?m)^\s*(?:[•●▪◦‣·*\-–]|\(?[a-z]\)|\(?[ivx]+\)|\d+\)|\d{1,2}\.)\s+`)
)

// unit is one sentence or list item of an agreement, with the lead-in that
// introduces it ("The Client acknowledges that:") and where it stands.
type unit struct {
	text   string
	leadIn string
	// skips: text stands between the lead-in and the unit (earlier items
	// of the list, the item's first sentence), so the quote marks the
	// omission with "…" rather than splicing the two.
	skips bool
	// read is the text the rules read: the unit with its lead-in, where
	// defined terms that name a concept the rules know are glossed ("Data
	// Event (security incident)"). Empty means full().
	read string

	file    string
	section string
	heading string
	pages   []int
	// order is the unit's place in its agreement (0, 1, ...); first marks
	// the first unit of its clause.
	order int
	first bool
	// part: the unit stands in an exhibit, annex or schedule; defined:
	// under a definitions heading further up than its parent.
	part, defined bool
	// frame is the unit's reading, built once.
	frame *Frame
	// leadWords is the lead-in as the clause words it where leadIn
	// rephrases it ("Provider shall assist. This includes:" read as
	// "Provider shall assist, this includes:"); empty means leadIn.
	leadWords string
	// quoted is the unit with its lead-in as they stand in the clause
	// (verbatimQuote); empty means full().
	quoted string
	// item: the unit opens a list item of its clause.
	item bool
	// label and form: the unit is a form page's row (block.label).
	label, form string
	// headed is the unit read in place of text: a table row with its
	// header's names ("Response time: 1 hour"); empty means text.
	headed string
	// tail is the inline enumeration its sentence goes on with in the
	// clause ("except that Clinic may retain PHI (a) as required by law,
	// (b) ..."): the items are read as clauses of their own, but the quote
	// shows the sentence whole.
	tail string
	// sentence is the unit whose tail holds this inline item, if any.
	sentence *unit
}

// reading is the text rules match against.
func (u *unit) reading() string {
	if u.read != "" {
		return u.read
	}
	return u.full()
}

// full is the unit with its lead-in, as quoted in evidence.
func (u *unit) full() string {
	switch {
	case u.leadIn == "":
		return u.text
	case u.skips:
		return u.leadIn + " … " + u.text
	}
	return u.leadIn + " " + u.text
}

func (u *unit) evidence(note string) Evidence {
	text := u.full()
	if u.quoted != "" {
		text = u.quoted
	}
	if u.tail != "" {
		text = strings.TrimRight(text, " ;,\n") + " " + u.tail
	}
	e := Evidence{File: u.file, Section: u.section, Text: trimQuote(text), Note: note}
	if len(u.pages) > 0 {
		p := u.pages[0]
		e.Page = &p
	}
	return e
}

// agreementUnits splits agreements into units and reads each once: its
// glossed text and its frame. vendorName (--vendor) names the vendor.
func agreementUnits(ags []*extract.Agreement, vendorName string, v *Vocabulary) []*unit {
	units, _ := readAgreements(ags, vendorName, v)
	return units
}

// readAgreements is agreementUnits that also returns the parties each
// agreement defines (agreementParties), read once for both the units and
// the vendor's name.
func readAgreements(ags []*extract.Agreement, vendorName string, v *Vocabulary) ([]*unit, map[*extract.Agreement][]*party) {
	units, parties, _ := readAgreementsSkipping(ags, vendorName, v)
	return units, parties
}

// readAgreementsSkipping is readAgreements that also warns of the clauses
// it skips as lists of references (skippedWarnings).
func readAgreementsSkipping(ags []*extract.Agreement, vendorName string, v *Vocabulary) ([]*unit, map[*extract.Agreement][]*party, []Warning) {
	var out []*unit
	var skipped []skippedClause
	parties := map[*extract.Agreement][]*party{}
	for _, a := range ags {
		var units []*unit
		var defs []*unit
		// leadIn keeps, per clause, the sentence that introduces its
		// sub-clauses ("You shall:"), so that "(iii) promptly notify Us"
		// is read as the customer's duty.
		leadIn := map[string]string{}
		// ownLead marks the clauses whose lead-in is their own text, not
		// one passed down from a clause above them.
		ownLead := map[string]bool{}
		headings := map[string]string{}
		parents := map[string]string{}
		// kids are each clause's sub-clauses, found once: ownText and
		// inlineItems read them for every clause.
		kids := map[string][]extract.Clause{}
		// leadQuote: a lead-in's words as they stand; leadSrc: their clause.
		leadQuote, leadSrc, clauseTexts := map[string][]string{}, map[string]string{}, map[string]string{}
		holders := map[string]*unit{} // an inline item's clause: the unit whose tail holds it
		clauses := listTails(untitledPreamble(a.Clauses))
		for _, c := range clauses {
			headings[c.ID], parents[c.ID] = c.Heading, c.Parent
			clauseTexts[c.ID] = c.Text
			if c.Parent != "" && c.Parent != c.ID {
				kids[c.Parent] = append(kids[c.Parent], c)
			}
		}
		srcOf := memoNorm(clauseTexts)
		for _, c := range clauses {
			// Sub-clauses are listed on their own; read each text once, in
			// the most specific clause that holds it.
			text := ownText(c, kids[c.ID])
			if bibliography(c.Heading) || bibliography(headings[c.Parent]) {
				if !bibliography(headings[c.Parent]) {
					skipped = append(skipped, skippedClause{a.Path, c.ID, c.Heading})
				}
				continue
			}
			definitions := reDefinitionsHeading.MatchString(c.Heading) || reDefinitionsHeading.MatchString(headings[c.Parent])
			defined := !definitions && underDefinitions(parents[c.Parent], headings, parents)
			parentLead := leadIn[c.Parent]
			if lead, quote := listLeadIn(c, clauses); lead != "" {
				leadIn[c.ID], ownLead[c.ID] = lead, true
				leadQuote[c.ID], leadSrc[c.ID] = quote, c.ID
			} else {
				leadIn[c.ID] = parentLead // "(a)" under "(iii)" under "You shall:"
				leadQuote[c.ID], leadSrc[c.ID] = leadQuote[c.Parent], leadSrc[c.Parent]
			}
			inline := inlineItems(c, kids[c.ID])
			// inList: the units so far are the items of the first list:
			// under a sub-heading ("Organisational Measures:") each is the
			// parent lead-in's ("Processor shall implement ..., including:").
			inList := true
			split := splitUnitsForm(text, headingLeadIn(c), formClause(c))
			if len(inline) > 0 {
				inlineLeads(split, c.Text, inline)
				inlineHolders(split, kids[c.ID], holders)
			}
			if h := holders[c.ID]; h != nil && len(split) > 0 {
				split[0].sentence = h // "(i) nature of the breach" in "Provide information about: (i) ..., (iv) ..."
			}
			for i, u := range split {
				inList = inList && (i == 0 || u.item)
				if u.leadIn == "" && parentLead != "" && (i == 0 || inList && parentItems(c)) {
					u.leadIn = parentLead
					// The list's first item follows its lead-in; a later
					// one, or an item of an item, is quoted with "…".
					u.skips = i > 0 || !ownLead[c.Parent] || !firstItem(c.ID, kids[c.Parent])
					u.quoted = verbatimQuote(srcOf(leadSrc[c.Parent]), append(slices.Clone(leadQuote[c.Parent]), u.text), u.skips)
				} else if u.leadIn != "" {
					lead := u.leadIn
					if u.leadWords != "" {
						lead = u.leadWords
					}
					u.quoted = verbatimQuote(srcOf(c.ID), []string{lead, u.text}, u.skips)
				}
				u.file, u.section, u.heading, u.pages = a.Path, c.ID, c.Heading, c.Pages
				if u.label != "" {
					// A form page's row: cited by its form and label, which
					// heads it as a clause's heading does.
					u.section, u.heading = formCite(u.form, u.label), u.label
					headings[u.section], parents[u.section] = u.label, c.ID
				}
				u.first, u.defined = i == 0, defined
				// A definition binds no one: it is read for the terms it
				// defines, never as an obligation.
				if definitions || reDefinition.MatchString(u.text) || u.leadIn != "" && reDefinition.MatchString(u.leadIn) || statesTransferRoles(u.text) {
					defs = append(defs, u)
					continue
				}
				units = append(units, u)
			}
			leadItems(split, srcOf(c.ID))
		}
		gloss := glossary(defs, v)
		parties[a] = agreementParties(a, units, vendorName, v)
		names := partyNames(parties[a])
		if len(names["vendor"]) == 0 {
			// "between Keboola and the Client", a title's "Retool
			// Master Subscription Agreement": the vendor named but not
			// defined is still the actor of "Keboola shall ...".
			names["vendor"] = append(names["vendor"], undefinedVendor(a, units, v)...)
		}
		for side, phs := range transferRoles(a, parties[a], v) {
			names[side] = append(names[side], phs...) // "the data importer agrees ..."
		}
		ctx := map[string]map[string]bool{}
		var secs []string // the sections of units, in order
		parts := internalParts(a)
		leads, texts := make([]string, len(units)), make([]string, len(units))
		for i, u := range units {
			u.order = i
			read := u.text
			if u.headed != "" {
				read = u.headed
			}
			lead, text := glossed(u.leadIn, gloss), glossed(read, gloss)
			u.read = text
			if lead != "" {
				u.read = lead + " " + text
			}
			if _, ok := ctx[u.section]; !ok {
				ctx[u.section] = nil
				secs = append(secs, u.section)
			}
			leads[i], texts[i] = lead, text
		}
		// Each section's heading classes are read on their own too, in
		// parallel, before the frames that use them.
		for sec, classes := range sectionHeadingClasses(secs, headings, parents, v, names) {
			ctx[sec] = classes
		}
		// Each sentence is read on its own: frames built in parallel, then linked in order.
		eachParallel(len(units), 32, func(i int) {
			units[i].frame = buildFrame(leads[i], texts[i], v, names, ctx[units[i].section])
		})
		for i, u := range units {
			u.part = inPart(u.section, parents)
			if u.first && strings.HasSuffix(u.section, ")") {
				u.frame.item = true // "(i) Make its books available ..."
			}
			if u.frame.pointer && !u.frame.docList && refersInternal(u.read, parts) {
				u.frame.pointer = false // "the measures in Annex II" of this document bind
			}
			if i > 0 && len(u.frame.m.find("anaphor")) > 0 {
				// "The notification referred to in paragraph 1 shall
				// contain ...": the sentence before says what it is.
				u.frame.prev = objectClasses(units[i-1].frame, v)
				if pu := units[i-1]; pu.section == u.section && pu.file == u.file {
					// A chain of references: "In the event of a personal data breach, ...
					// The importer shall notify ... of the breach. Such notification shall
					// contain ...": what the sentence before points back to, this one does too.
					for c := range pu.frame.prev {
						u.frame.prev[c] = true
					}
					// "Provider may engage new subprocessors. Provider
					// will tell Customer about them in advance": what is
					// pointed back to is new as the sentence before says.
					if len(pu.frame.m.find("novelty")) > 0 {
						if u.frame.prevCues == nil {
							u.frame.prevCues = map[string]bool{}
						}
						u.frame.prevCues["novelty"] = true
					}
				}
			}
			linkEndOfTerm(units, i)
			linkPlacePointer(units, i)
			if i > 0 && u.frame.prev == nil && len(u.frame.m.find("object")) > 0 {
				// "Provider will notify Customer of new subprocessors.
				// Customer may object.": the objection is to what the
				// clause's notice before names.
				if pu := units[i-1]; pu.section == u.section && pu.file == u.file && len(pu.frame.m.find("notify")) > 0 {
					u.frame.prev = objectClasses(pu.frame, v)
				}
			}
		}
		out = append(out, units...)
	}
	return out, parties, skippedWarnings(skipped)
}

// eachParallel calls fn(i) for every i < n, on up to GOMAXPROCS goroutines
// of at least per calls each (in this goroutine when n is small).
func eachParallel(n, per int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n/per)
	if workers < 2 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

var rePartRef = lazyre.New(`(?i)\b(exhibit|annexure|annex|schedule|appendix|attachment|addendum)\s+([a-z]{1,2}\b|\d{1,2}\b|[ivx]{1,5}\b)`)

// internalParts are the exhibits, annexes and schedules an agreement holds
// itself ("annex ii", "exhibit a"), by their clause ids.
func internalParts(a *extract.Agreement) map[string]bool {
	out := map[string]bool{}
	for _, c := range a.Clauses {
		for _, s := range []string{c.ID, c.Heading} {
			if m := rePartRef.FindStringSubmatch(s); m != nil && rePartRef.FindStringIndex(s)[0] == 0 {
				out[strings.ToLower(m[1]+" "+m[2])] = true
			}
		}
	}
	return out
}

// refersInternal says every exhibit, annex or schedule the text points at
// is part of the agreement itself, and it has no web address. A part named
// as another document's ("Annex 2 to the Master Agreement", "Annexure C-2
// of the Terms of Service") is that document's, though this one has a part
// of the same name.
func refersInternal(text string, parts map[string]bool) bool {
	if reURL.MatchString(text) {
		return false
	}
	ms := rePartRef.FindAllStringSubmatchIndex(text, -1)
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if !parts[strings.ToLower(text[m[2]:m[3]]+" "+text[m[4]:m[5]])] || reOtherDocs.MatchString(text[m[1]:]) {
			return false
		}
	}
	return true
}

// reOtherDocs opens the text after a part's name that gives the part to
// another document: "-2 to the Terms of Service", " of Provider's DPA".
var reOtherDocs = lazyre.New(`^[\w.\-]*\s+(to|of|in)\s+(the|our|its|their|your|provider's|vendor's|supplier's)\s`)

// objectClasses are the object classes found in a frame.
func objectClasses(f *Frame, v *Vocabulary) map[string]bool {
	out := map[string]bool{}
	for _, c := range v.Classes {
		if c.Kind == "object" && len(f.m.find(c.ID)) > 0 {
			out[c.ID] = true
		}
	}
	return out
}

// inPart says a clause stands in an exhibit, annex, schedule or the like:
// its id or an ancestor's names one.
func inPart(id string, parents map[string]string) bool {
	seen := map[string]bool{}
	for c := id; c != "" && !seen[c]; c = parents[c] {
		seen[c] = true
		if rePartID.MatchString(c) {
			return true
		}
	}
	return false
}

// firstItem says the clause is the first of its parent's sub-clauses
// that has text of its own.
func firstItem(id string, kids []extract.Clause) bool {
	for _, k := range kids {
		if k.Text != "" {
			return k.ID == id
		}
	}
	return false
}

type block struct {
	text string
	item bool
	// headed is a table row read with its header's names (withHeader);
	// the text stays the row as it stands, for the quote.
	headed string
	// label and form name a form page's row (formRow) and its form:
	// the unit is cited by both (formCite).
	label, form string
}

// splitLines separates list items (bullets, "(a)", "(iv)") and joins the
// wrapped lines of running text.
func splitLines(text string) []block {
	return splitLinesForm(text, "")
}

// splitLinesForm is splitLines for a clause that is a form page by its
// heading (form, its citation; "" for any other clause).
func splitLinesForm(text, form string) []block {
	var blocks []block
	prev, item, text := 0, false, dropFurniture(text)
	for _, m := range spListItem.findAllSubmatchIndex(text) {
		if closesParen(text[prev:m[0]], text[m[0]:m[1]]) {
			continue
		}
		if m[0] > prev {
			blocks = append(blocks, block{text: text[prev:m[0]], item: item})
		}
		prev, item = m[0], true
	}
	blocks = append(blocks, block{text: text[prev:], item: item})
	blocks = splitNewLeads(blocks)
	blocks = splitTableRows(blocks, form)
	blocks = splitFormFields(blocks)
	// A paragraph that ends a sentence ends its unit too, however the next
	// one starts ("... of the GDPR.\n\nprocessor shall ..."); a page break
	// in the middle of a sentence does not, but the end of an unpunctuated
	// list does (listEnds).
	var split []block
	for _, b := range blocks {
		paras := reParagraph.Split(b.text, -1)
		rows := leadRows(paras)
		start := 0
		for i := range paras {
			last := i == len(paras)-1
			if rows[i] {
				// A table's row under its lead-in: an item of its own.
				split = append(split, block{text: paras[i], item: true, label: b.label, form: b.form})
				start = i + 1
				continue
			}
			if end := strings.TrimRight(paras[i], " \t\r*_"); !last && (end == "" || !strings.ContainsAny(end[len(end)-1:], ".;:!?")) &&
				(end == "" || !listEnds(paras[i], paras[i+1], b.item && start == 0)) {
				continue
			}
			nb := block{text: strings.Join(paras[start:i+1], "\n"), item: b.item && start == 0, label: b.label, form: b.form}
			if len(paras) == 1 {
				nb.headed = b.headed
			}
			split = append(split, nb)
			start = i + 1
		}
	}
	blocks = split
	for i, b := range blocks {
		t := strings.Join(strings.Fields(b.text), " ")
		if b.item {
			t = strings.TrimSpace(reListItem.ReplaceAllString(t, ""))
		}
		blocks[i].text = t
		if b.headed != "" {
			blocks[i].headed = strings.Join(strings.Fields(b.headed), " ")
		}
	}
	return blocks
}

func splitSentences(s string) []string {
	var out []string
	start := 0
	for _, m := range spSentenceEnd.findAllSubmatchIndex(s) {
		end := m[3]
		// Keep abbreviations and numbered references together ("e.g.", "Sec. 4", "Inc.").
		word := lastWord(s[start:m[2]])
		if isAbbrev(word) {
			continue
		}
		if glued := end < len(s) && s[end] >= 'A' && s[end] <= 'Z'; glued && !gluedEnd(word) {
			continue
		}
		if !bracketedSentence(s[end:]) {
			continue
		}
		out = append(out, s[start:end])
		start = end
	}
	return append(out, s[start:])
}

// bracketedSentence says the text after a sentence end, when it opens with
// a bracket, is a whole sentence in brackets: a template's drafting note
// ("[Bracketed language may be added if ...]", closed by a full stop
// before the bracket). A bracket that holds only a placeholder ("[Vendor]
// shall notify ...") keeps the sentence before it whole, as before. Text
// opening with no bracket is not its business (true).
func bracketedSentence(rest string) bool {
	rest = strings.TrimLeft(rest, " \t\n")
	if !strings.HasPrefix(rest, "[") {
		return true
	}
	k := strings.IndexByte(rest, ']')
	return k >= 2 && strings.IndexByte(".!?", rest[k-1]) >= 0
}

// gluedEnd says the word before a full stop with no space after it ends a
// sentence: a word of lower-case letters ("services.For", "e-mail.They"),
// not an abbreviation, a name written with a dot ("ASP.NET", "Node.Js") or
// part of a web or e-mail address.
func gluedEnd(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i, r := range w {
		if (r < 'a' || r > 'z') && (r != '-' || i == 0) {
			return false
		}
	}
	return w[len(w)-1] != '-'
}

func lastWord(s string) string {
	if i := strings.LastIndexAny(s, " (\n"); i >= 0 {
		return s[i+1:]
	}
	return s
}

func isAbbrev(w string) bool {
	// "EU-U.S. Data Privacy Framework", "Swiss-U.S.": the abbreviation
	// is the part after the hyphen (a named one only: "(https://x.org/)."
	// ends its sentence).
	if i := strings.LastIndexByte(w, '-'); i >= 0 && namedAbbrev(w[i+1:]) {
		return true
	}
	return namedAbbrev(w) || len(w) == 1 // initials, "a." list markers inside a sentence
}

func namedAbbrev(w string) bool {
	switch strings.ToLower(w) {
	case "e.g", "i.e", "inc", "ltd", "co", "corp", "sec", "no", "art", "cl", "para", "vs", "u.s", "etc", "mr", "ms", "dr", "st":
		return true
	}
	return false
}

var (
	// "WE ACCEPT NO LIABILITY OR RESPONSIBILITY FOR ANY (1) ..., (2)
	// ...": the items are what liability is taken or refused for, and are
	// read with the words that say so.
	reLeadIn = lazyre.New(`(?i)(:|—|\b(shall|will|must|agrees? to|undertakes? to|acknowledges that|warrants that|includes?|including(,? (but not limited to|without limitation))?|such as|as follows|compris(es|ing)|consists? of|(liable|liability|responsible|responsibility) for( any)?)\s*[,:\-–]?)\s*$`)
	// reAnaphor opens a lead-in that points back to the sentence before it
	// ("This includes", "These obligations include").
	reAnaphor = lazyre.New(`^(This|These|That|Such|It|They)\b`)
)

// reSubjectHead is a clause head that is only a subject: "You", "The
// Customer", "Each party".
var reSubjectHead = lazyre.New(`^(?:(?:The|Each|Either|the|each|either)\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)?$`)

// subjectLeadIn says a clause's head is the subject of its items: "You
// (i) are responsible for ...; (ii) shall notify ...". The first item goes
// on with the sentence, so it opens in lower case after its marker; a
// heading before a list of whole sentences ("Security (a) Provider
// shall") does not.
func subjectLeadIn(head, item string) bool {
	if !reSubjectHead.MatchString(head) {
		return false
	}
	item = strings.TrimSpace(reMarker.ReplaceAllString(strings.TrimSpace(item), ""))
	return item != "" && unicode.IsLower(rune(item[0]))
}

// listLeadIn returns the words of a clause before its first sub-clause when
// they introduce a list ("You shall:", "Provider will"), else "".
//
// quote is the lead-in as its words stand in the clause, in parts where the
// reading joined two ("This includes" read with the sentence before it).
func listLeadIn(c extract.Clause, all []extract.Clause) (lead string, quote []string) {
	first, firstText := -1, ""
	for _, s := range all {
		if s.Parent != c.ID || s.Text == "" {
			continue
		}
		if i := strings.Index(c.Text, s.Text); i >= 0 && (first < 0 || i < first) {
			first, firstText = i, s.Text
		}
	}
	if first <= 0 {
		return "", nil
	}
	raw := stripHead(c.Text[:first], c.Heading)
	head := strings.Join(strings.Fields(lastItemHead(raw)), " ")
	if !reLeadIn.MatchString(head) && subHeadingList(firstText) {
		head = listIntro(raw)
	}
	if !reLeadIn.MatchString(head) && !subjectLeadIn(head, firstText) && !inlineContinues(c.Text[:first], head, firstText) {
		return "", nil
	}
	quote = []string{head}
	// Only the last sentence of the head introduces the list; one that
	// points back ("This includes") is read with the sentence it points
	// to, so that the items keep that sentence's actor.
	if ss := splitSentences(head); len(ss) > 0 {
		last := strings.TrimSpace(ss[len(ss)-1])
		quote = []string{last}
		if len(ss) > 1 && reAnaphor.MatchString(last) {
			quote = []string{strings.TrimSpace(ss[len(ss)-2]), last}
			prev := strings.TrimRight(strings.TrimSpace(ss[len(ss)-2]), ".;")
			last = prev + ", " + strings.ToLower(last[:1]) + last[1:]
		}
		head = last
	}
	return head, quote
}

// lastItemHead is the part of a clause's head that introduces a list
// opening inside its last item: "Processor shall: - Notify ... - Provide
// information about: (i) ..." introduces (i) with "Processor shall:
// Provide information about:", not with the bullets before it.
func lastItemHead(head string) string {
	lines := strings.Split(head, "\n")
	firstItem, lastItem := -1, -1
	for i, l := range lines {
		if reListItem.MatchString(l) {
			if firstItem < 0 {
				firstItem = i
			}
			lastItem = i
		}
	}
	if lastItem < 0 {
		return head
	}
	item := reListItem.ReplaceAllString(strings.Join(lines[lastItem:], "\n"), "")
	intro := strings.TrimSpace(strings.Join(lines[:firstItem], " "))
	if intro == "" || !reLeadIn.MatchString(intro) {
		return item
	}
	return intro + " " + item
}

var (
	reDefinitionsHeading = lazyre.New(`(?i)^\s*(definitions?|defined terms|interpretation|glossary|terminology)\b`)
	// reIncidentDefinition says a definition describes a security incident.
)

// ownText is the clause body less the text of its direct sub-clauses kids (read
// in their own clauses) and less its number and heading, so that heading
// words ("6. INCIDENT NOTIFICATION") do not join the first sentence.
func ownText(c extract.Clause, kids []extract.Clause) string {
	text := c.Text
	for _, s := range kids {
		if s.Text != "" {
			if i := strings.Index(text, s.Text); i >= 0 {
				sep := "\n"
				// Text after an inline item is its clause's again ("...
				// who (i) ...; (ii) ... . Each Party is responsible
				// ..."): it does not continue the words before the item.
				before := strings.TrimRight(text[:i], " \t\n,")
				if strings.TrimSpace(text[i+len(s.Text):]) != "" && before != "" && !strings.ContainsAny(before[len(before)-1:], ".;:!?") {
					sep = ";\n\n"
				}
				text = text[:i] + sep + dropItemSep(text[i+len(s.Text):])
			}
		}
	}
	if len(kids) > 0 {
		// The semicolons that parted the items cut out stand on lines of
		// their own: left, they joined the lead-in to the clause's next
		// sentence ("You may not: ; ; We reserve the right ..."), a quote
		// the document never says. A blank line parts the two.
		text = dropSepLines(text)
	}
	return stripHead(partMarker(text, c.ID), c.Heading)
}

// sepOnlyLine is a line holding only the separators of items cut out of
// their clause (";", "; and", "; or").
var sepOnlyLine = lazyre.New(`^[ \t]*;[ \t;]*(?:(?:and|or)[ \t]*)?$`)

// dropSepLines blanks the separator lines (sepOnlyLine) that stand
// before a new sentence of the clause's own (a line opening in a capital
// letter): they no longer join it to the lead-in of the items cut out.
func dropSepLines(text string) string {
	if !strings.Contains(text, ";") {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if !sepOnlyLine.MatchString(l) {
			continue
		}
		for _, next := range lines[i+1:] {
			if t := strings.TrimSpace(next); t != "" && !sepOnlyLine.MatchString(next) {
				if r, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(r) {
					lines[i] = ""
				}
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}

// inlineItems are the texts of a clause's sub-clauses that stand inside
// one of its lines (an inline enumeration), not on lines of their own.
func inlineItems(c extract.Clause, kids []extract.Clause) []string {
	var out []string
	for _, s := range kids {
		if s.Text == "" {
			continue
		}
		if i := strings.Index(c.Text, s.Text); i > 0 {
			j := i - 1
			for j >= 0 && (c.Text[j] == ' ' || c.Text[j] == '\t') {
				j--
			}
			if j >= 0 && c.Text[j] != '\n' {
				out = append(out, s.Text)
			}
		}
	}
	return out
}

// inlineTail is the run of inline items that follows sentence in the
// clause's text, joined as written, or "".
func inlineTail(clause, sentence string, items []string) string {
	key := strings.TrimRight(strings.TrimSpace(sentence), " ;,")
	if len(key) > 40 {
		key = key[len(key)-40:]
	}
	at := strings.Index(clause, key)
	if key == "" || at < 0 {
		return ""
	}
	start := at + len(key)
	pos := start
	for {
		// Between items: spaces, commas, semicolons, "and", "or".
		rest := clause[pos:]
		for {
			t := strings.TrimLeft(rest, " \t,;")
			t = strings.TrimPrefix(strings.TrimPrefix(t, "and "), "or ")
			if t == rest {
				break
			}
			rest = t
		}
		found := false
		for _, it := range items {
			if strings.HasPrefix(rest, it) {
				pos = len(clause) - len(rest) + len(it)
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	if pos == start {
		return ""
	}
	return strings.TrimSpace(clause[start:pos])
}

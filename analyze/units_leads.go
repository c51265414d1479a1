package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// A clause's text as sentences and list items, and where a list's lead-in
// reaches and where it stops: a heading that is a lead-in, a line that
// opens another list, a pointing lead-in ("This includes:") and a gerund
// paragraph that is an item.

// splitUnits breaks clause text into sentences and list items. A list item
// keeps the sentence that introduces the list ("The Client acknowledges
// that:") as its lead-in.
func splitUnits(text string) []*unit {
	return splitUnitsUnder(text, "")
}

// splitUnitsUnder is splitUnits under a heading that is itself a list's
// lead-in ("### Provider is responsible for:"): the items that open the
// clause take it as theirs, so that their gerunds ("- Hosting the
// Service") are its party's.
func splitUnitsUnder(text, headLead string) []*unit {
	return splitUnitsForm(text, headLead, "")
}

// splitUnitsForm is splitUnitsUnder for a clause that is a form page by its
// heading (form, its citation, or ""): its labelled rows are units of
// their own (splitTableRows).
func splitUnitsForm(text, headLead, form string) []*unit {
	var out []*unit
	lead := headLead
	words := "" // the lead-in as the clause words it, where lead rephrases it
	since := 0  // units since the lead-in
	var prev *unit
	for _, b := range splitLinesForm(text, form) {
		if !b.item && lead != "" && (startsLower(b.text) || gerundStart(b.text)) {
			// An item without a marker: "processor shall:" then "notify
			// controller without undue delay ...;", "You are responsible
			// for:" then "Ensuring the API key is secure.".
			b.item = true
		}
		if !b.item {
			lead, words = "", ""
		}
		for j, s := range dropOpenNotes(splitSentences(b.text)) {
			// ", , Upon request, ...": commas an inline list left behind.
			s = strings.TrimLeft(strings.TrimSpace(s), ",; ")
			if t := strings.TrimSuffix(s, " ;"); t != s && (strings.HasSuffix(t, "—") || strings.HasSuffix(t, ":")) {
				s = t // "the Contractor shall— ;": the items were read apart
			}
			if s == "" {
				continue
			}
			u := &unit{text: s, label: b.label, form: b.form}
			if b.headed != "" && j == 0 && len(splitSentences(b.text)) == 1 {
				u.headed = b.headed
			}
			// The lead-in introduces an item's first sentence; a later
			// sentence of the item is one of its own ("- Drafting a
			// privacy notice. We also include ..."), not the lead-in's
			// complement, unless it goes on in lower case.
			u.item = b.item && j == 0
			if b.item && (j == 0 || startsLower(s)) {
				u.leadIn, u.skips = lead, lead != "" && since > 0
				u.leadWords = words
			}
			out = append(out, u)
			since++
			if strings.HasSuffix(s, ":") {
				lead, words, since = s, "", 0
				if prev != nil && prev.text != "" && reIncludesLead.MatchString(s) {
					// "Ensuring the API key is secure. This includes:":
					// the items are of the sentence it points back to,
					// with that sentence's own lead-in.
					lead = strings.TrimRight(prev.full(), ".;: ") + ", " + strings.ToLower(s[:1]) + s[1:]
					words = strings.TrimSpace(prev.full()) + " " + s
				}
			}
			prev = u
		}
	}
	return out
}

// headingLeadIn is a heading that introduces the list under it as a
// lead-in does: a phrase of three words or more ending in a colon ("Provider
// is responsible for:"), or a party and its modal ("6.1. Processor shall:",
// "Controller may:"), or "".
func headingLeadIn(c extract.Clause) string {
	h := strings.TrimSpace(c.Heading)
	if f := strings.Fields(h); h == "" || len(f) < 3 && !(len(f) == 2 && leadModals[strings.ToLower(strings.TrimSuffix(f[1], ":"))]) {
		return ""
	}
	// The readers keep the heading's colon in the clause's first line,
	// not in its heading.
	first, _, _ := strings.Cut(strings.TrimSpace(c.Text), "\n")
	first = strings.Trim(first, " \t\r*_#")
	if !strings.HasSuffix(h, ":") && !(strings.HasSuffix(first, ":") && strings.HasSuffix(first, h+":")) {
		return ""
	}
	return strings.TrimSuffix(h, ":") + ":"
}

// splitNewLeads ends a list item at a line of its own that opens another
// list or part after the item's sentence has ended ("- the availability of
// networks.\nCustomer responsibilities:" or "...\nCustomer
// Responsibilities"): that line is no word of the item, and the lead-in of
// the list before it ("Provider is not responsible for:") does not reach it
// or the items after it.
func splitNewLeads(blocks []block) []block {
	var out []block
	for _, b := range blocks {
		if !b.item || !strings.Contains(b.text, "\n") {
			out = append(out, b)
			continue
		}
		lines := strings.Split(b.text, "\n")
		end := len(lines) // past the last line with words
		for end > 1 && strings.TrimSpace(lines[end-1]) == "" {
			end--
		}
		start := 0
		for i := 1; i < end; i++ {
			if newLead(lines[i-1], lines[i], i == end-1) {
				out = append(out, block{text: strings.Join(lines[start:i], "\n"), item: b.item && start == 0})
				start = i
			}
		}
		out = append(out, block{text: strings.Join(lines[start:], "\n"), item: b.item && start == 0})
	}
	return out
}

// newLead says line opens a list or part of its own after prev ended a
// sentence: it starts in upper case and ends with a colon, or, as the last
// line before the next item, is a short heading without a full stop.
func newLead(prev, line string, last bool) bool {
	prev = strings.TrimRight(prev, " \t\r*_")
	line = strings.Trim(line, " \t\r*_#")
	if prev == "" || line == "" || !strings.ContainsAny(prev[len(prev)-1:], ".;") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(r) {
		return false
	}
	if strings.HasSuffix(line, ":") {
		return true
	}
	return last && len(strings.Fields(line)) <= 6 && !strings.ContainsAny(line[len(line)-1:], ".;,!?")
}

// reIncludesLead is a lead-in that only points back to the sentence before
// it ("This includes:", "These include, in particular:").
var reIncludesLead = lazyre.New(`^(This|These|It|They)\s+(includes?|comprises?|covers?|means|involves?|requires?)\b[^.;]{0,40}:$`)

// gerundStart says a paragraph opens with a capitalised gerund ("Ensuring
// the API key is secure"): after a lead-in, an item without a marker.
func gerundStart(s string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	r, _ := utf8.DecodeRuneInString(w)
	return len(w) > 5 && unicode.IsUpper(r) && strings.HasSuffix(w, "ing") && strings.ToLower(w[1:]) == w[1:]
}

// parentItems says a clause is a sub-heading's list under its parent's
// lead-in: its heading is a label of a few words, not a numbered item
// ("(a)", "2.1") whose later sentences are its own.
func parentItems(c extract.Clause) bool {
	h := strings.TrimSpace(c.Heading)
	return h != "" && len(strings.Fields(h)) <= 6 && strings.HasSuffix(c.ID, `"`)
}

// reLabelParty names a party in a sub-heading ("Customer obligations:"):
// such a label starts a list of that party's own.
var reLabelParty = lazyre.New(`(?i)\b(customers?|clients?|users?|licensees?|subscribers?|you|your|controllers?|vendors?|suppliers?|providers?|processors?|contractors?|consultants?|we|our|us|party|parties)\b`)

// subHeadingList says a sub-clause opens with a short label of its own
// that introduces a list ("Out-of-band updates:" above "- Apply urgent
// patches within 48 hours"): a sub-heading inside a list, not a sentence.
func subHeadingList(text string) bool {
	first, rest, ok := strings.Cut(strings.TrimSpace(text), "\n")
	first = strings.Trim(strings.TrimSpace(first), "*_#")
	if !ok || !strings.HasSuffix(first, ":") || len(strings.Fields(first)) > 6 || reLabelParty.MatchString(first) {
		return false
	}
	return reListItem.MatchString(rest)
}

// listIntro is the sentence that introduces a clause's first list
// ("Supplier shall install security updates:" above its items) when it is
// a lead-in, else "": a sub-heading after that list ("Out-of-band
// updates:") continues it, and its items stay the lead-in's party's.
func listIntro(head string) string {
	lines := strings.Split(head, "\n")
	for i, l := range lines {
		if reListItem.MatchString(l) {
			intro := strings.Join(strings.Fields(strings.Join(lines[:i], " ")), " ")
			if intro != "" && reLeadIn.MatchString(intro) {
				return intro
			}
			return ""
		}
	}
	return ""
}

// leadModals are the second words of a two-word lead-in that names a party
// and what it must or may do ("Supplier shall:", "Customer may:"); a
// two-word heading with any other second word ("Data Security:") is a
// heading.
var leadModals = map[string]bool{"shall": true, "will": true, "must": true, "may": true, "agrees": true, "undertakes": true, "should": true, "can": true, "warrants": true}

// reNoteOpen is the opening of a drafting note in brackets ("[ drafting
// note:", "[Note to drafter:") that its sentence does not close.
var reNoteOpen = lazyre.New(`(?i)\[\s*(?:drafting note|note to (?:draft|drafter|drafters|the drafter))\b[^\]]*$`)

// dropOpenNotes takes out of a block's sentences the words of a drafting
// note that runs over several of them ("[ drafting note: check the boxes
// that apply. Delete this row if ... ]"): a note binds no one, and
// buildFrame drops only the notes a sentence opens and closes. The
// sentences the note fills are left out.
func dropOpenNotes(sents []string) []string {
	open := false
	var out []string
	for _, s := range sents {
		if open {
			k := strings.IndexByte(s, ']')
			if k < 0 {
				continue
			}
			s, open = s[k+1:], false
		}
		if strings.Contains(strings.ToLower(s), "note") {
			if loc := reNoteOpen.FindStringIndex(s); loc != nil {
				s, open = s[:loc[0]], true
			}
		}
		out = append(out, s)
	}
	return out
}

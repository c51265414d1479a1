package analyze

import (
	"strings"
)

// What a sentence that points at another section of its own agreement
// gives the citation: the section it points at, where that section states
// the term too.

// pointedSections are the sections a text points at, as clause ids or
// their prefixes ("6", "3.4"). A pointer to another document's section
// ("Section 5 of the Agreement") is none of this one's.
func pointedSections(text string) []string {
	var out []string
	for _, m := range reSectionRef().FindAllStringSubmatchIndex(text, -1) {
		if reOtherDocs.MatchString(text[m[1]:]) || reOfAgreement.MatchString(text[m[1]:]) {
			continue
		}
		out = append(out, strings.ToLower(text[m[2]:m[3]]))
	}
	return out
}

// reOfAgreement opens the text after a section's number that gives the
// section to another agreement: " of the Agreement", " of the Terms of
// Service", " of the GDPR" (the names: the vocabulary's agreement-name
// class).
var reOfAgreement = newVocabPattern(`(?i)^\s+(of|to|in|under)\s+(the\s+)?{agreement-name}`)

// underSection says a clause id is the section named or one of its
// sub-clauses ("6.2" under "6", "6(b)" under "6").
func underSection(id, sec string) bool {
	id = strings.ToLower(strings.TrimSpace(id))
	if !strings.HasPrefix(id, sec) {
		return false
	}
	if len(id) == len(sec) {
		return true
	}
	switch id[len(sec)] {
	case '.', '(', ' ':
		return true
	}
	return false
}

// pointedCite is the hit a lawyer cites where cite's sentence only points
// at another section of its agreement that states the term ("the
// contractor must allow the client to conduct inspections per § 6 of this
// agreement"): the best hit, met or weak, of the same element in the body's
// section pointed at, in the same file. cite itself when the sentence
// points nowhere, at its own section, or at a section that does not state
// the term. (Exhibits are not followed: lawyers cite the body's clause
// that points at a security annex, as the ranking does.)
func (r *Rule) pointedCite(pos []hit, cite *hit) *hit {
	for _, sec := range pointedSections(cite.u.frame.text) {
		if underSection(cite.u.section, sec) {
			continue
		}
		for i := range pos {
			h := &pos[i]
			if h.u == cite.u || h.u.part || h.u.file != cite.u.file || h.spec.element != cite.spec.element || h.spec.Supporting || (h.status != StatusMet && h.status != StatusWeak) {
				continue
			}
			if underSection(h.u.section, sec) {
				return h
			}
		}
	}
	return cite
}

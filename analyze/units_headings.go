package analyze

import (
	"strconv"
	"strings"
	"sync"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// reBibliography is a heading over a list of outside sources a document
// cites ("References", "Bibliography", "Works Cited"): titles and URLs of
// laws and guides, which state no term and point at none.
var reBibliography = lazyre.New(`(?i)^\s*(references|bibliography|works cited|sources( cited| consulted)?|further reading|reference list|citations)\s*:?\s*$`)

// bibliography says a clause's heading is a list of sources.
func bibliography(heading string) bool {
	return heading != "" && reBibliography.MatchString(heading)
}

// WarnReferencesSkipped is Warning.Code when a clause headed as a list of
// references ("References", "Bibliography") is not read for any term.
const WarnReferencesSkipped = "references-skipped"

// skippedClause is a clause read for no term, and where it stands.
type skippedClause struct{ file, id, heading string }

// skippedWarnings tells, per agreement, which clauses were skipped as
// lists of references, so that a term stated under such a heading is not
// reported missing without a word: "clause 9 (References) skipped: list
// of references".
func skippedWarnings(skipped []skippedClause) []Warning {
	var out []Warning
	for i := 0; i < len(skipped); {
		file := skipped[i].file
		var parts []string
		for ; i < len(skipped) && skipped[i].file == file; i++ {
			c := skipped[i]
			// An unnumbered clause's id is its heading in quotes.
			part := "clause " + c.id
			if c.id == "" {
				part = "clause " + strconv.Quote(c.heading)
			} else if strings.Trim(c.id, `"`) != c.heading {
				part += " (" + c.heading + ")"
			}
			parts = append(parts, part)
		}
		out = append(out, Warning{Code: WarnReferencesSkipped, Message: file + ": " + strings.Join(parts, ", ") + " skipped: list of references", Sources: []string{file}})
	}
	return out
}

// headingClasses are the object and action classes named in a clause's heading and its
// parents' headings ("8. Security Incidents" → incident): context for the
// sentences under them.
// headingSide is the key of headingClasses' map that is present when a
// heading names one side: true for the vendor, false for the customer.
const headingSide = "@vendor-side"

// sectionHeadingClasses reads the heading classes of each section of secs,
// in parallel. names are the agreement's party names, so that a heading
// naming a side by its defined name ("Obligations of Northwind") gives
// that side. They depend on nothing but the headings of the section's
// chain (its own, its parent's, ...): sections whose chains read the same
// (the numbered items under one heading, none of their own) share one
// reading, and each heading's side is read once.
func sectionHeadingClasses(secs []string, headings, parents map[string]string, v *Vocabulary, names map[string][]phrase) map[string]map[string]bool {
	var chains [][]string // the distinct chains, in order of first use
	index := map[string]int{}
	of := make([]int, len(secs))
	for i, id := range secs {
		chain := headingChain(id, headings, parents)
		var key strings.Builder
		for _, h := range chain {
			key.WriteString(strconv.Itoa(len(h)))
			key.WriteByte(':')
			key.WriteString(h)
		}
		k, ok := index[key.String()]
		if !ok {
			k = len(chains)
			index[key.String()] = k
			chains = append(chains, chain)
		}
		of[i] = k
	}
	sides := &headingSides{v: v, names: names, of: map[string][2]bool{}}
	classes := make([]map[string]bool, len(chains))
	eachParallel(len(chains), 32, func(k int) {
		classes[k] = headingClasses(chains[k], v, sides)
	})
	out := make(map[string]map[string]bool, len(secs))
	for i, id := range secs {
		out[id] = classes[of[i]]
	}
	return out
}

// headingChain lists the headings that stand over clause id, its own
// first, then its parent's and so on: an unnumbered heading's text is its
// id, added to its heading.
func headingChain(id string, headings, parents map[string]string) []string {
	var chain []string
	seen := map[string]bool{}
	for c := id; c != "" && !seen[c]; c = parents[c] {
		seen[c] = true
		h := headings[c]
		if strings.HasPrefix(c, `"`) {
			h += " ; " + strings.Trim(c, `"`)
		}
		chain = append(chain, h)
	}
	return chain
}

// headingSides reads whether a heading names the vendor, the customer, or
// both, once per heading text; the goroutines of sectionHeadingClasses
// share it.
type headingSides struct {
	v     *Vocabulary
	names map[string][]phrase
	mu    sync.Mutex
	of    map[string][2]bool
}

func (s *headingSides) sides(h string) (vendor, customer bool) {
	s.mu.Lock()
	r, ok := s.of[h]
	s.mu.Unlock()
	if !ok {
		hm := newMatcher(s.v, tokenize(h), s.names)
		r = [2]bool{len(hm.find("vendor")) > 0, len(hm.find("customer")) > 0}
		s.mu.Lock()
		s.of[h] = r
		s.mu.Unlock()
	}
	return r[0], r[1]
}

// headingClasses reads the classes of a chain of headings (headingChain).
func headingClasses(chain []string, v *Vocabulary, sides *headingSides) map[string]bool {
	var b strings.Builder
	for _, h := range chain {
		b.WriteString(h)
		b.WriteString(" ; ")
	}
	text := b.String()
	if strings.TrimSpace(strings.ReplaceAll(text, ";", "")) == "" {
		return nil
	}
	toks := tokenize(text)
	m := newMatcher(v, toks, nil)
	masked := false
	for _, c := range v.Classes {
		if !c.NotInHeadings {
			continue
		}
		for _, s := range m.find(c.ID) {
			for i := s.from; i < s.to; i++ {
				toks[i].w, toks[i].word, masked = ";", false, true
			}
		}
	}
	if masked {
		m = newMatcher(v, toks, nil)
	}
	out := map[string]bool{}
	// A heading that names one side ("5. Processor obligations",
	// "Customer Responsibilities") says whose the subjectless imperatives
	// under it are (see Frame.statement); the nearest such heading decides.
	for _, h := range chain {
		vendor, customer := sides.sides(h)
		if vendor != customer {
			out[headingSide] = vendor
			break
		}
	}
	for _, c := range v.Classes {
		// Cues too: "Effect of Termination" puts a clause's deletion at
		// the end of the term.
		if (c.Kind == "object" || c.Kind == "action" || c.Kind == "cue") && len(m.find(c.ID)) > 0 {
			out[c.ID] = true
		}
	}
	return out
}

// underDefinitions says a clause id or one of its ancestors is headed as
// definitions ("1. Interpretation" above "1.2 In this Annex the following
// terms shall mean:" and its "(b)(i) fines imposed by a Supervisory
// Authority", part of the definition of Losses).
func underDefinitions(id string, headings, parents map[string]string) bool {
	for n := 0; id != "" && n < 8; n++ {
		if reDefinitionsHeading.MatchString(headings[id]) {
			return true
		}
		p := parents[id]
		if p == id {
			break
		}
		id = p
	}
	return false
}

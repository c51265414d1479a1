package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// concepts glossed in defined terms: a term whose definition describes one
// of these classes is read as the field's word for it ("Data Event" means
// any unauthorised access ... → "Data Event (security incident)").
var concepts = []struct {
	class string // the definition names the concept
	gloss string
}{
	{"incident", "security incident"},
	{"assurance", "audit report"},
	{"subprocessor-definition", "subprocessor"},
}

// reBareLength is a definition that is only a length of time: "ten
// days", "five (5) business days", "72 hours", "a period of 30 days".
var reBareLength = lazyre.New(`(?i)^(?:a\s+period\s+of\s+)?(?:\d+|` + numWord + `)(?:\s*\(\s*\d+\s*\))?\s+(?:calend[ae]r\s+|business\s+|working\s+)?(?:hours?|days?|weeks?)\s*(?:[.;]|$)`)

// reDefined captures a defined term and its definition (the verbs: the
// vocabulary's defines class).
var reDefined = newVocabPattern(`["“]([A-Z][A-Za-z0-9\- ]{2,40})["”][\s*_)]*:?\s{defines}\s+(.{0,400})`)

// glossary returns, for the agreement's definitions, the defined terms that
// name a concept the rules know under another word, with the gloss to add.
// A party's own name or role ("Processor") is never glossed.
func glossary(defs []*unit, v *Vocabulary) []gloss {
	var out []gloss
	seen := map[string]bool{}
	for _, d := range defs {
		for _, m := range reDefined.FindAllStringSubmatch(d.full(), -1) {
			term, body := m[1], m[2]
			if seen[term] {
				continue
			}
			tm := newMatcher(v, tokenize(term), nil)
			if len(tm.find("vendor")) > 0 || len(tm.find("customer")) > 0 || len(tm.find("mutual")) > 0 {
				continue
			}
			// "Rapidly report" means within 72 hours of discovery: the term
			// carries its deadline wherever it is used.
			if d := ParseDeadline(body); d.Hours != nil {
				seen[term] = true
				out = append(out, gloss{term: term, add: " (" + d.Text + ")"})
				continue
			}
			// "Response Period" means ten days: a period defined as a bare
			// length, used as a deadline ("no later than the Response
			// Period following discovery"), is that length.
			if m := reBareLength.FindString(body); m != "" {
				if d := ParseDeadline("within " + m); d.Hours != nil {
					seen[term] = true
					out = append(out, gloss{term: term, add: " (" + d.Text + ")"})
					continue
				}
			}
			// "Security Measures" means the security measures available
			// at: https://...: the term is only a pointer, and a duty to
			// comply with it binds what lives elsewhere.
			if at := pointerDefinition(body); at != "" {
				seen[term] = true
				out = append(out, gloss{term: term, add: " (available at " + at + ")"})
				continue
			}
			bm := newMatcher(v, tokenize(body), nil)
			for _, c := range concepts {
				if len(tm.find(c.class)) > 0 || len(bm.find(c.class)) == 0 {
					continue
				}
				seen[term] = true
				out = append(out, gloss{term: term, add: " (" + c.gloss + ")"})
				break
			}
		}
	}
	return out
}

// rePointerHead is the end of a definition that hands its content to an
// address: "the security measures available at:", "as published on" (the
// words: the vocabulary's pointer-head class).
var rePointerHead = newVocabPattern(`(?i){pointer-head}\s*:?\s*[\[(<]*\s*$`)

// pointerDefinition returns the address a definition points to when that
// is all it says ("means the security measures available at: URL"), else
// "". The words before the address are few: a definition that describes
// its thing and then adds where to read more is no pointer.
func pointerDefinition(body string) string {
	loc := reURL.FindStringIndex(body)
	if loc == nil || len(strings.Fields(body[:loc[0]])) > 12 || !rePointerHead.MatchString(body[:loc[0]]) {
		return ""
	}
	at := body[loc[0]:loc[1]]
	if i := strings.IndexAny(at, "[]"); i > 0 {
		at = at[:i] // a Markdown link's text: "[www.x.com](https://x.com)"
	}
	return strings.TrimRight(at, ".,;)\u2060")
}

type gloss struct {
	term string
	add  string
}

// glossed adds each defined term's gloss after it (and after its plural),
// so that rules written in the field's words read the document's own terms.
func glossed(text string, gs []gloss) string {
	for _, g := range gs {
		var b strings.Builder
		rest := text
		for {
			k := strings.Index(rest, g.term)
			if k < 0 {
				break
			}
			end := k + len(g.term)
			if end < len(rest) && rest[end] == 's' {
				end++
			}
			b.WriteString(rest[:end])
			if (k == 0 || !isWordByte(rest[k-1])) && (end == len(rest) || !isWordByte(rest[end])) {
				b.WriteString(g.add)
			}
			rest = rest[end:]
		}
		b.WriteString(rest)
		text = b.String()
	}
	return text
}

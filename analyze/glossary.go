package analyze

import "regexp"

// glossed terms: a defined term whose definition describes one of these
// concepts is read as the field's word for it ("Data Event" means any
// unauthorised access ... → "Data Event (security incident)").
var concepts = []struct {
	definition *regexp.Regexp // the definition describes the concept
	already    *regexp.Regexp // the term already says it
	gloss      string
}{
	{regexp.MustCompile(`(?i)\b(unauthori[sz]ed|unlawful|accidental)\b.{0,80}\b(access|disclosure|acquisition|use|loss|destruction|alteration)\b|\bbreach of (security|confidentiality)\b|\bsecurity (breach|incident)\b`),
		regexp.MustCompile(`(?i)\b(security|data|privacy|cyber)[- ]?(incident|breach)|breach of security|personal data breach`), "security incident"},
	{regexp.MustCompile(`(?i)\bsoc ?(1|2)\b|\bssae ?1[68]\b|\biso(/iec)? ?2700[12]\b|\b(third[- ]party|independent) (audit|assessment|certification|attestation)|\baudit reports?\b`),
		regexp.MustCompile(`(?i)\b(audit|assurance|attestation|soc) report`), "audit report"},
	{regexp.MustCompile(`(?i)\b(another|other|third[- ]part(y|ies))\b.{0,60}\bprocess\w*\b.{0,60}\b(personal data|customer data|on behalf)`),
		regexp.MustCompile(`(?i)sub-?processor`), "subprocessor"},
}

// glossary returns, for the agreement's definitions, the defined terms that
// name a concept the rules know under another word, with the gloss to add.
func glossary(defs []*unit) []gloss {
	var out []gloss
	for _, d := range defs {
		for _, m := range reDefined.FindAllStringSubmatch(d.full(), -1) {
			term, body := m[1], m[2]
			for _, c := range concepts {
				if c.already.MatchString(term) || !c.definition.MatchString(body) {
					continue
				}
				out = append(out, gloss{regexp.MustCompile(`\b` + regexp.QuoteMeta(term) + `s?\b`), " (" + c.gloss + ")"})
				break
			}
		}
	}
	return out
}

type gloss struct {
	term *regexp.Regexp
	add  string
}

// glossed adds each defined term's gloss after it, so that rules written in
// the field's words read the document's own terms.
func glossed(text string, gs []gloss) string {
	for _, g := range gs {
		text = g.term.ReplaceAllString(text, "${0}"+g.add)
	}
	return text
}

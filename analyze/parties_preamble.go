package analyze

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// The vendor's name read from where an agreement names it without a
// defined name of its own: a definition of "we", a role given after the
// name and its address, signature blocks, the vendor's e-mail domain.

// legalNameForm is a company's name that ends in its legal form: "37signals
// LLC", "IDIO Daten Import Export GmbH", "Holi Labs, Inc.".
var legalNameForm = `[A-Z0-9][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,5}?,?\s+(?:` + legalForms + `)`

var (
	// reWeAre finds "we", "us" or the vendor's role word, in quotes,
	// defined as a company: `When we say "Company", "we", "our", or "us"
	// in this document, we are referring to [37signals LLC](...)`,
	// `"Business Associate" shall mean Provider, or Catalyze, Inc.`. The
	// term is group 1, the company group 2.
	reWeAre = lazyre.New(`["“'‘]([A-Za-z][A-Za-z ]{0,30}?)["”'’][^.\n]{0,80}?\b(?i:we\s+are\s+referring\s+to|(?:is\s+|are\s+)?refer(?:s|ring)?\s+to|means?|shall\s+mean)\s+(?:the\s+)?(?:[A-Z][a-z]+,?\s+or\s+)?\[?(` + legalNameForm + `)`)
	// reQuotedTerm finds a term in quotes: "we", “Business Associate”.
	reQuotedTerm = lazyre.New(`["“'‘]([A-Za-z][A-Za-z ]{0,30}?)["”'’]`)
	// reHereinafter finds a role given after a name and its address with
	// no brackets: "IDIO Daten Import Export GmbH, Gottschedstr. 4, 13357
	// Berlin - hereinafter referred to as the Processor -", or with one of
	// two role words: (hereinafter referred to as the "Processor" /
	// "Service Provider"); "hereafter", "named", "designated", quotes of
	// any kind (‚Supplier‘, «Supplier», 'Supplier'). Or the role alone
	// between two dashes on the name's line or the next: "Acme GmbH,
	// Street 1, Place – the Processor –" (group 2).
	reHereinafter = lazyre.New(`(?i:\bhere(?:in)?after\s+(?:referred\s+to\s+as|called|named|designated|termed|known\s+as)\s+)(?:the\s+)?["“„‚'‘«]?([A-Z][A-Za-z ]{2,30}?)["”“'’‘»]?(?:\s*[-–—]|\s*$|\s*\n|\s*/|\s*\)|[.,;])|[-–—][ \t]*(?:the[ \t]+)?([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]*[-–—]`)
	// reLeadName finds a company's legal name after "and", "between" (in
	// any case: "AND" alone on its line between two parties) or the start
	// of a line.
	reLeadName = lazyre.New(`(?m)(?:\b(?i:and|between)\s+|^[ \t*_]*)(` + legalNameForm + `)`)
)

// weVendor is the company "we" or the vendor's role word is defined as
// (reWeAre), "" when none or two.
func weVendor(head string, v *Vocabulary) string {
	name := ""
	for _, m := range spWeAre.findAllSubmatchIndex(head) {
		// Every term in quotes before the company: "Company", "we",
		// "our", or "us".
		ours, theirs := false, false
		for _, q := range reQuotedTerm.FindAllStringSubmatch(head[m[0]:m[4]], -1) {
			term := strings.ToLower(q[1])
			pm := newMatcher(v, tokenize(q[1]), nil)
			switch {
			case term == "we" || term == "us":
				ours = true
			case len(pm.find("customer")) > 0:
				theirs = true
			case !strings.HasPrefix(term, "sub") && len(pm.find("vendor")) > 0:
				ours = true // "Business Associate", not "Subprocessor"
			}
		}
		if !ours || theirs {
			continue
		}
		n := strings.Join(strings.Fields(head[m[4]:m[5]]), " ")
		if !properName(n) {
			continue
		}
		if name != "" && !sameCompany(name, n) {
			return ""
		}
		name = n
	}
	return name
}

// hereinafterVendor is the company a "hereinafter referred to as the
// Processor" gives the vendor's role, read back from the role to the last
// legal name before it (and no further than the role given before it).
// "" when none, or when two companies are given the vendor's role.
func hereinafterVendor(head string, v *Vocabulary) string {
	name, from := "", 0
	for _, m := range spHereinafter.findAllSubmatchIndex(head) {
		before := head[max(from, m[0]-400):m[0]]
		from = m[1]
		role := ""
		if m[2] >= 0 {
			role = head[m[2]:m[3]]
		} else {
			role = head[m[4]:m[5]]
		}
		pm := newMatcher(v, tokenize(role), nil)
		if len(pm.find("vendor")) == 0 || len(pm.find("customer")) > 0 {
			continue
		}
		names := reLeadName.FindAllStringSubmatch(before, -1)
		if len(names) == 0 {
			continue
		}
		n := strings.Join(strings.Fields(dropCapitalLines(names[len(names)-1][1])), " ")
		if !properName(n) || reDocumentLegal.MatchString(n) {
			continue
		}
		if name != "" && !sameCompany(name, n) {
			return ""
		}
		name = n
	}
	return name
}

// reWholeLegalName is a whole text that is a company's legal name.
var reWholeLegalName = lazyre.New(`^` + legalNameForm + `$`)

// dropCapitalLines drops the lines in capitals before a legal name that
// stands whole on its own line: a title ("DATA PROCESSING AGREEMENT") or
// the "AND" between two parties is no part of the name.
func dropCapitalLines(name string) string {
	for {
		first, rest, ok := strings.Cut(name, "\n")
		rest = strings.TrimSpace(rest)
		if !ok || strings.IndexFunc(first, unicode.IsLower) >= 0 || !reWholeLegalName.MatchString(rest) {
			return name
		}
		name = rest
	}
}

// ownDomain says the agreement gives an e-mail or web address at the
// name's own domain ("support@deckard.com" for "Deckard Technologies",
// "info@ojoosco.com" for "OJOOSCO LTD"): the first word of the name, four
// letters or more, as the domain's name.
func ownDomain(a *extract.Agreement, name string) bool {
	w := strings.ToLower(strings.Trim(firstWord(name), ",.'’"))
	if len(w) < 4 || strings.IndexFunc(w, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) >= 0 {
		return false
	}
	var re *regexp.Regexp
	lit := []string{foldText(w + ".")}
	for _, p := range a.Pages {
		if !hasLit(p.Text, lit) {
			continue // every match holds the name and its dot
		}
		if re == nil {
			re = regexp.MustCompile(`(?i)(?:@|//|\bwww\.)(?:[a-z0-9-]+\.)*` + regexp.QuoteMeta(w) + `\.[a-z]{2,}\b`)
		}
		if re.MatchString(p.Text) {
			return true
		}
	}
	return false
}

var (
	// reSignedCompany finds a signature block's first line over its "By:"
	// line: "Grebe Analytics LLC" or "CUSTOMER" over "By: ______".
	reSignedCompany = lazyre.New(`(?m)^[ \t*_#|]*([^\n]{2,80}?)[ \t*_|:]*\n[ \t*_|]*By\s*:`)
	// reBlank is a line left blank for a signature or a name: "______".
	reBlank = lazyre.New(`^[\s_.…\-]*$`)
)

// signedVendor names the vendor from signature blocks when the agreement
// defines no name for it: the company shown under the vendor's role word
// ("Business Associate: Fennec Health Ltd"), or the one company that
// signs where the other block is the customer's role word ("Grebe
// Analytics LLC" over "By:", and "CUSTOMER" over "By:"). A name must carry
// a legal form; "" when two companies sign or no block is the customer's.
func signedVendor(head string, v *Vocabulary) string {
	company := func(s string) string {
		s = strings.Trim(strings.TrimSpace(s), "*_|: ")
		if loc := rePartyLegalForm.FindStringIndex(s); loc != nil {
			s = strings.TrimSpace(s[:loc[1]])
		}
		if properName(s) && rePartyLegalForm.MatchString(s) && !reDocumentLegal.MatchString(s) {
			return s
		}
		return ""
	}
	var names []string
	for _, ix := range spSigns.findAllSubmatchIndex(head) {
		if roleWordOf(v, head[ix[2]:ix[3]]) == "vendor" {
			line := head[ix[4]:ix[5]]
			if n := company(line); n != "" {
				names = append(names, n)
			} else if n := labelledName(line, v); n != "" {
				if c := signatoryCompany(head, ix[4], n); c != "" {
					n = c // "Service Provider: Jane Doe" over "Company: Quillmark Analytics"
				}
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 {
		customerBlock, vendorBlock := false, false
		for _, m := range spSignedCompany.findAllSubmatch(head) {
			label := strings.TrimSpace(m[1])
			if reBlank.MatchString(label) {
				continue
			}
			if n := company(label); n != "" && roleWordOf(v, label) == "" {
				names = append(names, n)
				continue
			}
			switch roleWordOf(v, label) {
			case "customer":
				customerBlock = true
			case "vendor":
				vendorBlock = true
			}
		}
		if !customerBlock || vendorBlock {
			return ""
		}
	}
	if len(names) == 0 {
		return ""
	}
	for _, n := range names[1:] {
		if !sameCompany(names[0], n) {
			return ""
		}
	}
	return names[0]
}

// roleVendor finds the vendor's legal name where the agreement gives it
// the vendor's role in so many words instead of defining it: "Stalwart
// Labs Ltd is the processor", "Acme GmbH acts as the data processor", or
// a parties block "BUSINESS ASSOCIATE: Spectral Health, Inc." (a new
// user's trial: both read "vendor not named", so a folder of three
// vendors' agreements raised no vendor-mismatch warning). "" when none, or
// when two different companies are given the role.
func roleVendor(head string) string {
	name := ""
	for _, w := range roleWindows(head) {
		re := reNameIsVendorRole
		if w.label {
			re = reVendorRoleLabel
		}
		text := head[w.from:w.to]
		for _, ix := range re.FindAllStringSubmatchIndex(text, -1) {
			short := text[ix[2]:ix[3]]
			n := strings.Join(strings.Fields(text[ix[2]:ix[5]]), " ")
			if !properName(short) || reDocumentLegal.MatchString(short) {
				continue
			}
			if name != "" && !sameCompany(name, n) {
				return ""
			}
			if name == "" {
				name = n
			}
		}
	}
	return name
}

// roleWindows are the stretches of head where roleVendor's patterns can
// match: from the start of the line (at most 200 bytes back) to just past
// each "is the processor", "as the service provider", "business
// associate:" and the like, so that the patterns, which open with a name
// and so would be tried at every byte, run on a few short windows.
func roleWindows(head string) []roleWindow {
	// Lower-case ASCII only, so that offsets in lower are offsets in head.
	lb := []byte(head)
	for i, c := range lb {
		if c >= 'A' && c <= 'Z' {
			lb[i] = c + 'a' - 'A'
		}
	}
	lower := string(lb)
	var out []roleWindow
	for _, k := range roleKeys {
		for from := 0; ; {
			i := strings.Index(lower[from:], k.lit)
			if i < 0 {
				break
			}
			i += from
			from = i + len(k.lit)
			if !k.label && !(strings.HasSuffix(lower[:i], " is ") || strings.HasSuffix(lower[:i], " as ")) {
				continue // "the processor shall": no role given
			}
			if k.label && !roleLabelAt(head, i, len(k.lit)) {
				continue
			}
			// From the line's start: a label opens its line, and the name
			// before "is the processor" stands on the same line (at most
			// 200 bytes back).
			start := 0
			if !k.label {
				start = max(0, i-200)
			}
			if nl := strings.LastIndexByte(head[start:i], '\n'); nl >= 0 {
				start += nl + 1
			}
			end := min(len(head), i+len(k.lit)+120)
			out = append(out, roleWindow{start, end, k.label})
		}
	}
	return out
}

// roleLabelAt says the role word at head[i:i+n] is a label: alone at the
// start of its line (bold or not) and followed by a colon.
func roleLabelAt(head string, i, n int) bool {
	line := i
	for line > 0 && head[line-1] != '\n' {
		line--
	}
	if strings.Trim(head[line:i], " \t*_") != "" && !strings.EqualFold(strings.Trim(head[line:i], " \t*_"), "data") {
		return false
	}
	rest := strings.TrimLeft(head[i+n:], " \t*_")
	return strings.HasPrefix(rest, ":")
}

type roleWindow struct {
	from, to int
	label    bool
}

var roleKeys = []struct {
	lit   string
	label bool
}{
	{"the processor", false}, {"a processor", false}, {"the data processor", false}, {"a data processor", false},
	{"the service provider", false}, {"a service provider", false}, {"the business associate", false}, {"a business associate", false},
	{"processor", true}, {"service provider", true}, {"business associate", true},
}

const vendorRoles = `(?i:(?:data\s+)?processor|service\s+provider|business\s+associate)\b`

var (
	reNameIsVendorRole = lazyre.New(`\b(` + nameWords + `),?\s+(` + legalForms + `)\s+(?:is|acts\s+as|shall\s+act\s+as|will\s+act\s+as)\s+(?:the|a)\s+` + vendorRoles)
	reVendorRoleLabel  = lazyre.New(`(?m)^[\s*_]*` + vendorRoles + `[\s*_]*:[\s*_]*(` + nameWords + `),?\s+(` + legalForms + `)`)
)

// reLabelNotName finds what a role's label shows that is no name: a form's
// field ("Name", "Signature") or a blank.
var reLabelNotName = lazyre.New(`(?i)^(?:name|legal\s+name|signature|signed|title|date|by|address|e-?mail|phone|contact|company|entity|n/?a)\b`)

// labelledName is the name a cover line shows under the vendor's role
// label when it carries no legal form: "Business Associate: Halberd
// Records", "Service Provider: Fernwick (Fernwick Cloud)" gives
// "Fernwick". "" for a field's name, a blank, a role word or a document.
func labelledName(s string, v *Vocabulary) string {
	s = strings.Trim(strings.TrimSpace(s), "*_|: ")
	if k := strings.IndexAny(s, "(,[{"); k >= 0 {
		s = strings.TrimSpace(s[:k])
	}
	s = strings.Trim(s, "*_ ")
	words := strings.Fields(s)
	proper := properName(s)
	if !proper && len(words) >= 3 && strings.Trim(words[0], "0123456789") == "" {
		// "3 Blind Mice Software": a number opens a name under a label
		proper = properName(strings.Join(words[1:], " "))
	}
	if len(words) > 6 || reLabelNotName.MatchString(s) || !proper {
		return ""
	}
	if roleWordOf(v, s) != "" || reDocumentLegal.MatchString(s) || reThingName.MatchString(s) {
		return ""
	}
	return s
}

// reKeyTermsVendor finds the vendor's name in a key-terms table's row:
// the vendor's role word as the row's label ("Processor(s)", "Supplier |",
// "Provider:", "Processor name") and the name in the next cell, up to a
// comma, a bracket or the cell's end ("Processor(s) Victor, Russia").
var reKeyTermsVendor = lazyre.New(`(?m)^[ \t|*_]*(?i:(?:data\s+)?(?:processor|supplier|vendor|service\s+provider|provider|contractor))` +
	`(?:\(s\)[ \t]*[|:]?|[ \t]*[|:]|[ \t]+(?i:name)[ \t]*[|:]?)[ \t*_]*([A-Z][^\n|,(*_]{0,60})`)

// keyTermsVendor is the name a key-terms table gives the vendor's role
// (reKeyTermsVendor): a proper name that is no role word, "" when none or
// when two rows name two companies.
func keyTermsVendor(head string, v *Vocabulary) string {
	name := ""
	for _, ix := range reKeyTermsVendor.FindAllStringSubmatchIndex(head, -1) {
		n := strings.TrimSpace(head[ix[2]:ix[3]])
		if c := signatoryCompany(head, ix[2], n); c != "" {
			n = c // "Service Provider: Jane Doe (Quillmark Analytics)"
		}
		if !properName(n) || reGenericName.MatchString(n) || reDocumentName.MatchString(n) {
			continue
		}
		pm := newMatcher(v, tokenize(n), nil)
		if len(pm.find("vendor")) > 0 || len(pm.find("customer")) > 0 {
			continue // "Provider: the Supplier"
		}
		if name != "" && !sameCompany(name, n) {
			return ""
		}
		name = n
	}
	return name
}

// reLabelOwnLine finds a cover page's label alone on its line, closed by a
// colon, and the next line that is not blank: "Service Provider:\nFernwick
// Cloud", where the same label and name on one line ("Provider: Fernwick
// Cloud") are a key-terms row (reKeyTermsVendor).
var reLabelOwnLine = lazyre.New(`(?m)^[ \t*_#|]*([A-Za-z][A-Za-z ()\-]{1,60}?)[ \t*_]*:[ \t*_]*\n(?:[ \t]*\n){0,2}[ \t*_|]*([^\n]{2,80})`)

// labelOwnLineVendor is the name a cover page shows on the line under a
// label that is wholly one of the vendor's role words of the vocabulary
// (parties.yaml: "Service Provider:", "Vendor:", "Business Associate:"),
// as labelledName reads it ("Fernwick (Fernwick Cloud)" gives
// "Fernwick"); "" when none, or when two such labels name two companies.
// A line that is itself a label ("Signature:") or a form's field is no
// name.
func labelOwnLineVendor(head string, v *Vocabulary) string {
	name := ""
	for _, ix := range reLabelOwnLine.FindAllStringSubmatchIndex(head, -1) {
		label, line := head[ix[2]:ix[3]], head[ix[4]:ix[5]]
		if !wholeVendorLabel(label, v) || strings.Contains(line, ":") {
			continue
		}
		n := labelledName(line, v)
		if c := signatoryCompany(head, ix[4], n); c != "" {
			n = c // "Service Provider:\nJane Doe\n(Quillmark Analytics)"
		}
		if n == "" || reGenericName.MatchString(n) {
			continue
		}
		if name != "" && !sameCompany(name, n) {
			return ""
		}
		name = n
	}
	return name
}

// wholeVendorLabel says every word of label, a bracketed gloss aside
// ("Service Provider (Business Associate)"), stands in one of the
// vendor's role phrases, and none in the customer's.
func wholeVendorLabel(label string, v *Vocabulary) bool {
	for _, part := range strings.FieldsFunc(label, func(r rune) bool { return r == '(' || r == ')' }) {
		if strings.TrimSpace(part) == "" {
			continue
		}
		toks := tokenize(part)
		m := newMatcher(v, toks, nil)
		if len(m.find("customer")) > 0 {
			return false
		}
		covered := make([]bool, len(toks))
		for _, s := range m.find("vendor") {
			for i := s.from; i < s.to && i < len(toks); i++ {
				covered[i] = true
			}
		}
		for i, t := range toks {
			if t.word && !covered[i] {
				return false
			}
		}
	}
	return true
}

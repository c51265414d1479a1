package analyze

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/company"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

var (
	// reNameStart finds where a party's legal name may start before its
	// definition: after "between", "and", "by", "with", a colon, "(i)", a
	// Markdown heading's "#", an "of" right after another definition
	// (`customers ("Customer") of Acme GmbH ("Provider")`).
	reNameStart = lazyre.New(`(?i)(?:\b(?:between|and|by|with|among|to|from|under|at|we\s+are|is)\b|^\s*of\b|\(\w{1,3}\)|#+\s|[:;(])\s*`)
	// reNameEnd finds where a legal name ends and its description starts:
	// ", a Delaware corporation", ", 128 rue la Boétie", ", represented by",
	// " as defined below", ", operating the Explify platform", " and its
	// affiliates".
	reNameEnd = lazyre.New(`(?i),?\s+(?:a|an|the|represented|having|located|whose|acting|organi[sz]ed|incorporated|registered|with|of\s+\d|on\s+behalf)\b|,\s+(?:operating|trading|doing\s+business|which|that|who)\b|,\s*\d|\s+(?:ABN|ACN|ARBN|company\s+(?:number|no\.?)|registration\s+(?:number|no\.?))\s*:?\s*\d|\s+as\s+(?:defined|set\s+out|identified|described)\b|,?\s+(?:and|and/or|together\s+with)\s+(?:its|their)\s+(?:affiliates|subsidiaries|affiliated\s+companies)\b|\s*\(`)
	// reNameWord is a word a legal name may hold in lower case.
	reNameWord = lazyre.New(`^(?:of|and|for|de|du|des|la|le|der|und|y|e|z|&|-|–|d/b/a|dba)$`)
	// reGenericName finds a defined short name that names no one in
	// particular: "Company", "Party".
	reGenericName = lazyre.New(`(?i)^(?:the\s+)?(?:company|party|parties|entity|organi[sz]ation)$`)
	// reTitleVendor finds the vendor's name in a document's title: "Acme
	// Data Processing Addendum", "Acme Terms of Service".
	reTitleVendor = lazyre.New(`^(?:The\s+)?([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}?)\s+(?i:Data\s+Processing\s+(?:Addendum|Agreement|Terms)|DPA|Data\s+Protection\s+(?:Addendum|Agreement)|Terms\s+of\s+(?:Service|Use)|Terms\s+and\s+Conditions|(?:Master\s+)?(?:Subscription|Services?|Cloud\s+Services?)\s+Agreement|Service\s+Level\s+(?:Agreement|Terms)|SLA|Business\s+Associate\s+(?:Agreement|Addendum)|Security\s+(?:Practices|Policy|Overview|Addendum))\b`)
	// reBetweenVendor finds a preamble that names the vendor against the
	// customer's role word: "between Plausible Analytics and the customer",
	// "between Holi Labs, Inc., a Delaware corporation, and the covered
	// entity", "between You and Celonis, Inc. governing", "between the
	// Keboola and the Client". The name is
	// group 1 or 3, its legal form (when it has one) group 2 or 4.
	reBetweenVendor = lazyre.New(`\bbetween\s+(?:the\s+)?(` + nameWords + `)(?:,?\s+(` + legalForms + `))?(?:,\s+an?\s+[^,()\n]{1,60},)?\s+and\s+(?:the\s+)?` + customerWords + `\b|\bbetween\s+(?:the\s+)?` + customerWords + `\s+and\s+(` + nameWords + `)(?:,?\s+(` + legalForms + `))?(?:[\s,;:]|\.\s|$)`)
	// reTitleNotName finds title words that are not a vendor's name.
	reTitleNotName = lazyre.New(`(?i)^(?:the|this|master|general|standard|online|cloud|mutual|sample|template|model|customer|vendor|provider|supplier|global|enterprise|updated|new|our|your)\b`)
	// reTitleGeneric finds a title's first words that are what is sold,
	// not who sells it: "Service Subscription Agreement".
	reTitleGeneric = lazyre.New(`^(?i:services?|software|products?|platform|subscription|data|licen[cs]e|saas|hosting|support)$`)
	// reTitleEdition finds an edition's word after the vendor's name in a
	// title: "GitHub Corporate Terms of Service".
	reTitleEdition = lazyre.New(`(?i)(?:\s+(?:corporate|enterprise|cloud|online|business|standard|general|customer|consumer|api|platform|services?|self-serve|self-service))+$`)
)

const (
	// nameWords are the capitalised words of a name, fewest first.
	nameWords = `[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}?`
	// customerWords are the customer's role words a preamble sets
	// against the vendor's name.
	customerWords = `(?i:customer|you|client|subscriber|covered\s+entity|licensee)`
)

// legalForms are the legal forms that close a company's name ("Acme
// Inc.", "Acme GmbH", "Acme ApS", "Acme OÜ"): the one list in
// templates/company/legal_forms.yaml.
var legalForms = company.LegalFormPattern()

// legalName finds a party's full legal name at the end of the text before
// its definition ("between Acme Cloud, Inc., a Delaware corporation" gives
// "Acme Cloud, Inc."), or "" when what stands there is no proper name (a
// role word, a blank, "the customer identified in the Order Form").
func legalName(before string, isRoleWord func(string) bool) string {
	whole := len(before) <= 300 // the text from its start
	if !whole {
		before = before[len(before)-300:]
	}
	// Not across another definition or a sentence's end.
	descAfterStop := false
	if k := reNameStop.FindAllStringIndex(before, -1); k != nil {
		last := k[len(k)-1]
		stop := before[max(0, last[0]-80):last[1]]
		before, whole = before[last[1]:], true
		// `(Acme Establishment, doing business under the trade name
		// "ACME"), a company at Riyadh (the "Provider")`: the
		// description is the name's before the stop, and a place in it
		// is no name.
		descAfterStop = reTradeNameStop.MatchString(stop) && reDescOpen.MatchString(before) && reDescOpen.FindStringIndex(before)[0] == 0
	}
	starts := reNameStart.FindAllStringIndex(before, -1)
	if whole {
		// A sentence may open with the name: `Acme CLI, Inc. ("Acme")
		// provides the service`, tried after every other start and only
		// for a company's name (not "Module 3 (Processor-to-Processor)").
		starts = append([][]int{{0, 0}}, starts...)
	}
	// A name after a description's opening (", a company organised under
	// the laws of England and Wales") may be inside it ("Wales"): it gives
	// way to a company's name before the description ("Beta Ltd"), and
	// stands when none is there ("Welcome to Acme, a service operated by
	// the Acme Digital Service").
	desc := -1
	if k := reDescOpen.FindAllStringIndex(before, -1); k != nil {
		desc = k[len(k)-1][0]
	}
	fallback := ""
	for i := len(starts) - 1; i >= 0; i-- {
		at := starts[i]
		lead := strings.ToLower(strings.TrimSpace(before[at[0]:at[1]]))
		if lead == "by" && reSignedBy.MatchString(before[:at[0]]) {
			continue // "represented by Dennis Czerw": a person, not the party
		}
		cand := before[at[1]:]
		if e := reNameEnd.FindStringIndex(cand); e != nil {
			cand = cand[:e[0]]
		}
		if k := strings.IndexAny(cand, "[{"); k >= 0 {
			cand = cand[:k] // "Unified Health\n[Address]": the placeholder is no part of the name
		}
		cand = strings.TrimLeft(cand, "-*•·– \t\n") // a list item's marker
		cand = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(cand), ","))
		cand = strings.TrimSuffix(strings.TrimSuffix(cand, "'s"), "’s")
		if c, ok := strings.CutPrefix(cand, "the "); ok {
			cand = c
		} else if c, ok := strings.CutPrefix(cand, "The "); ok {
			cand = c
		}
		cand = endAtPlace(endAtLegalForm(strings.Join(strings.Fields(cand), " ")))
		if at[1] == 0 && !rePartyLegalForm.MatchString(cand) {
			continue // a sentence's opening words are a name only with a legal form
		}
		if !properName(cand) || isRoleWord(cand) || reDocumentLegal.MatchString(cand) {
			continue
		}
		formed := rePartyLegalForm.MatchString(cand)
		switch {
		case fallback == "" && desc >= 0 && at[0] > desc && !formed:
			if !descAfterStop {
				fallback = cand
			}
		case fallback != "" && !formed:
		default:
			return cand
		}
	}
	return fallback
}

// nameRightBefore is the proper name that ends the text right before a
// role word's definition, its legal form or none: "uses The Cobble Lane"
// gives "The Cobble Lane", "Brightline" at a sentence's start gives
// "Brightline". "" for a role word, a document or no capitalised name.
func nameRightBefore(before string, isRoleWord func(string) bool) string {
	// Not across a line's end: a heading's words are no part of the name.
	words := strings.Fields(before[strings.LastIndex(before, "\n")+1:])
	k := len(words)
	for k > 0 && len(words)-k < 5 {
		w := words[k-1]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && w != "of" && w != "&" || strings.ContainsAny(w, ".,;:!?()\"“”'‘’") {
			break
		}
		k--
	}
	cand := strings.Join(words[k:], " ")
	if k > 0 && rePlaceBefore.MatchString(words[k-1]) {
		return "" // "its place of business at Riyadh (the \"Provider\")": a place
	}
	if !properName(cand) || isRoleWord(cand) || reDocumentLegal.MatchString(cand) || reThingName.MatchString(cand) {
		return ""
	}
	return cand
}

// rePlaceBefore is a word that puts a place after it: "at Riyadh".
var rePlaceBefore = lazyre.New(`(?i)^(?:at|in|of|from|near|located|based|within|to)$`)

// reFormComma finds a legal form followed by a comma: "Labs64 GmbH, " in
// "Labs64 GmbH, Radlkoferstr. 2, 81373 Munich". Group 1 ends at the form.
var reFormComma = lazyre.New(`\s(?:` + legalForms + `)(),\s*`)

// reStreet finds a street and its number opening the text: "Radlkoferstr.
// 2", "Keizersgracht 12" (one that opens with its number ends the name
// already: reNameEnd).
var reStreet = lazyre.New(`^[A-Z][^,\d\n]{1,40}\d`)

// endAtLegalForm ends a legal name at its legal form when a comma and a
// street address follow it: "Labs64 GmbH, Radlkoferstr. 2" is "Labs64
// GmbH". Anything else after the comma is left as it was ("Acme Co.,
// Ltd.", "Acme Ltd., on its behalf and ...").
func endAtLegalForm(name string) string {
	for _, m := range reFormComma.FindAllStringSubmatchIndex(name, -1) {
		if reStreet.MatchString(name[m[1]:]) {
			return name[:m[2]]
		}
	}
	return name
}

// reCountry is a country's name as a party's address ends with it.
var reCountry = lazyre.New(`^(?i:india|united states(?: of america)?|usa|u\.s\.a\.?|u\.s\.|united kingdom|uk|england|scotland|wales|ireland|germany|france|netherlands|the netherlands|belgium|luxembourg|switzerland|austria|italy|spain|portugal|sweden|norway|denmark|finland|iceland|estonia|latvia|lithuania|poland|czech republic|czechia|slovakia|hungary|romania|bulgaria|greece|cyprus|malta|croatia|slovenia|serbia|ukraine|turkey|israel|canada|mexico|brazil|argentina|chile|colombia|peru|australia|new zealand|singapore|japan|china|hong kong|taiwan|korea|south korea|republic of korea|vietnam|thailand|malaysia|indonesia|philippines|pakistan|bangladesh|sri lanka|nepal|united arab emirates|uae|saudi arabia|qatar|egypt|nigeria|kenya|south africa)$`)

// endAtPlace ends a legal name before an address of place names that
// closes with a country: "Rashi Systems, Pune, Maharashtra, India" is
// "Rashi Systems"; "Acme Co., Ltd., Busan, Korea" keeps its legal form. A
// name with a comma and no country after it ("Brindle, Moss and
// Partners") is left as it was.
func endAtPlace(name string) string {
	segs := strings.Split(name, ", ")
	if len(segs) < 2 || !reCountry.MatchString(strings.TrimRight(segs[len(segs)-1], ".")) {
		return name
	}
	k := len(segs) - 1
	for k > 1 && placeSegment(segs[k-1]) {
		k--
	}
	return strings.Join(segs[:k], ", ")
}

// placeSegment says s may be a city's or a region's name: one to three
// capitalised words, no legal form.
func placeSegment(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 || rePartyLegalForm.MatchString(s) {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// reNameStop finds the end of another definition ("Acme"), (CDS) or of a
// sentence ("... the Services. "), which a legal name does not cross.
var reNameStop = lazyre.New(`["”ˮ″'’]\s*\)|\(\s*(?i:we|us|our)\b[^()\n]{0,24}\)|\(\s*[A-Z0-9&.-]{2,}\s*\)|\b[a-z]{3,}[.;]\s+|\n\s*\n`)

// reTradeNameStop finds a trade name's definition closing a bracket:
// `doing business under the trade name "ACME")`.
var reTradeNameStop = lazyre.New(`(?i)\b(?:doing\s+business|trading)\s+(?:under\s+the\s+(?:trade\s+)?name\s+|as\s+)["“][^"”]*["”]\s*\)$`)

// reThingName finds a capitalised thing where a name was looked for:
// "Service Provider: Services" names no company.
var reThingName = lazyre.New(`(?i)^(?:services?|platform|website|site|software|products?|application|deliverables|materials|content|data|information)$`)

// reDescOpen finds where a party's description opens after its name:
// ", a Delaware corporation", ", an English company".
var reDescOpen = lazyre.New(`,\s+(?:a|an)\s+[a-z]`)

// reMonth finds a date or a cross-reference where a name was looked for
// ("July 14", "Section 5.2").
var reMonth = lazyre.New(`(?i)^(?:january|february|march|april|may|june|july|august|september|october|november|december|section|clause|article|exhibit|schedule|annex|appendix|part|paragraph)\b`)

var reNumberRun = lazyre.New(`\d{3}`)

// reLowerForm is a legal form written in lower case at a name's end:
// "Harbor Bank plc".
var reLowerForm = lazyre.New(`^(?:plc|llc|ltd\.?|inc\.?|gmbh|o\.o\.|d\.o\.o\.?|s\.r\.o\.?)$`)

var reSignedBy = lazyre.New(`(?i)\b(?:represented|signed|executed|acting|accepted|approved)\s*$`)

// reCamelBrand finds a brand written in camel case, lower-case first
// ("eBay", "zephyrLearn"): a name though it opens with a small letter.
var reCamelBrand = lazyre.New(`^[a-z]{1,10}[A-Z][A-Za-z0-9]*$`)

// properName says s reads as a proper name: one to eight words, each
// capitalised (or a joining word: "of", "and", "&"), no blanks or
// placeholders.
func properName(s string) bool {
	if s == "" || strings.ContainsAny(s, "{}[]_@<>|*\"“”():") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !reCamelBrand.MatchString(words[0]) {
		return false
	}
	if len(words) > 8 || reNumberRun.MatchString(s) || strings.Trim(rePartyLegalForm.ReplaceAllString(s, ""), " ,.") == "" {
		return false // an address ("Suite 210, Redwood City, CA 94063"), a legal form alone
	}
	if !strings.ContainsFunc(words[0], unicode.IsLetter) || reNameWord.MatchString(words[len(words)-1]) || reMonth.MatchString(s) {
		return false // "Corio of"
	}
	for i, w := range words {
		if strings.EqualFold(w, "or") {
			return false // "ACCESSING OR USING"
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !reNameWord.MatchString(w) && !reCamelBrand.MatchString(w) && (i < len(words)-1 || !reLowerForm.MatchString(w)) {
			return false
		}
	}
	return true
}

// agreementVendor names the vendor from the agreements' own party
// definitions (parties, as readAgreements read them with no vendor given):
// the legal name of the party read as the vendor (else its defined name),
// else the name in a title such as "Acme Data Processing Addendum" that
// the text goes on to use. "" when the agreements name no vendor, or name
// two that are not the same company (no guess).
func agreementVendor(as []*extract.Agreement, units []*unit, parties map[*extract.Agreement][]*party, v *Vocabulary) string {
	best, _ := agreementVendors(as, units, parties, v)
	return best
}

// agreementVendors is agreementVendor with the names the agreements give
// the vendor when they name it differently (best is then ""): each
// agreement's one, in order, a company's once. A party defined with a
// legal name and a short name of another word ("RakshEx is operated by
// Rashi Technologies ("RakshEx")") links the two: documents that use
// either name one company, named by its legal name.
func agreementVendors(as []*extract.Agreement, units []*unit, parties map[*extract.Agreement][]*party, v *Vocabulary) (string, []string) {
	var names [][2]string // the name, and "legal" for a legal name
	var links [][2]string
	for _, a := range as {
		var us []*unit
		for _, u := range units {
			if u.file == a.Path {
				us = append(us, u)
			}
		}
		found := false
		// A legal name defined by the vendor's pronouns is the vendor's
		// over a name read as the vendor's by what it does.
		we := slices.ContainsFunc(parties[a], func(p *party) bool { return p.we && p.role == "vendor" && p.sure })
		for _, p := range parties[a] {
			if p.role != "vendor" || !p.sure || p.asRole && p.legal == "" || we && !p.we {
				continue
			}
			switch {
			case p.legal != "":
				names = append(names, [2]string{p.legal, "legal"})
				if p.name != "" && !reGenericName.MatchString(p.name) && !sameCompany(p.legal, p.name) {
					links = append(links, [2]string{p.legal, p.name})
				}
			case !reGenericName.MatchString(p.name) && !customerSideTerm(p.name):
				names = append(names, [2]string{p.name, ""})
			default:
				continue
			}
			found = true
		}
		if !found {
			// A name read from use alone (usedVendor) names the vendor in
			// the report but gives the engine no phrase for the vendor's
			// class (undefinedVendor reads the title and preamble only).
			if n := titleVendor(a, us, v); n != "" {
				names = append(names, [2]string{n, ""})
			} else if n := usedVendor(a, us, v); n != "" {
				names = append(names, [2]string{n, ""})
			} else if n := keyTermsVendor(agreementHead(a), v); n != "" {
				// A key-terms table's "Processor(s) | Victor" names the
				// vendor in the report only (trial27e).
				names = append(names, [2]string{n, ""})
			} else if n := labelOwnLineVendor(agreementHead(a), v); n != "" {
				// A cover page's "Service Provider:" over the name
				// (new-user trial 39), in the report only.
				names = append(names, [2]string{n, ""})
			}
		}
	}
	if len(names) == 0 {
		return "", nil
	}
	same := func(a, b string) bool {
		if sameCompany(a, b) {
			return true
		}
		for _, l := range links {
			if sameCompany(a, l[0]) && sameCompany(b, l[1]) || sameCompany(a, l[1]) && sameCompany(b, l[0]) {
				return true
			}
		}
		return false
	}
	best, legal, differ := names[0][0], names[0][1] == "legal", false
	for _, n := range names[1:] {
		if !same(best, n[0]) {
			differ = true
			continue
		}
		switch {
		case n[1] == "legal" && !legal && !sameCompany(best, n[0]):
			best, legal = n[0], true // the legal name over a trade name
		case len(n[0]) > len(best) && strings.Contains(strings.ToLower(n[0]), strings.ToLower(best)):
			best = n[0] // "GitHub, Inc." over "GitHub"
		}
	}
	if !differ {
		return shownLegalName(units, best), nil
	}
	if len(as) < 2 {
		return "", nil // one document naming two providers names none
	}
	var out []string
	for _, n := range names {
		if !slices.ContainsFunc(out, func(o string) bool { return sameCompany(o, n[0]) }) {
			out = append(out, n[0])
		}
	}
	return "", out
}

// sameCompany says two names are one company's: one holds the other's
// first word ("GitHub" and "GitHub, Inc.").
func sameCompany(a, b string) bool {
	fa, fb := firstWord(a), firstWord(b)
	la, lb := strings.ToLower(a), strings.ToLower(b)
	return fa != "" && fb != "" && (strings.Contains(lb, fa) || strings.Contains(la, fb))
}

func firstWord(s string) string {
	w := strings.Fields(strings.ToLower(s))
	if len(w) == 0 {
		return ""
	}
	return strings.Trim(w[0], ",.;:")
}

// titleVendor finds the vendor's name in the document's title, among its
// first five lines ("# Acme Data Processing Addendum", "title: Acme Terms
// of Service", a line "ContentRX LLC"), when the text goes on to use it as
// a subject or with the vendor's kind at least twice (usedAsVendor) or
// has an address at its domain ("support@deckard.com"); else in a
// preamble "between Plausible Analytics and the customer" (a name with a
// legal form as it stands, another when used as the vendor's), in "when
// we say 'we' we are referring to 37signals LLC", in "Acme GmbH, <its
// address> - hereinafter referred to as the Processor -" or in signature
// blocks (signedVendor). A title's name gives way to the same company's
// legal name in the preamble ("Celonis, Inc." for "Celonis").
func titleVendor(a *extract.Agreement, units []*unit, v *Vocabulary) string {
	if len(a.Pages) == 0 {
		return ""
	}
	lines, title := 0, ""
	for _, line := range strings.Split(a.Pages[0].Text, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#*_ "))
		if line == "" || line == "---" {
			continue
		}
		if lines++; lines > 5 {
			break
		}
		line = strings.Trim(strings.TrimPrefix(line, "title:"), ` "'*_`)
		name, maker := "", false
		if m := reTitleVendor.FindStringSubmatch(line); m != nil && !reTitleNotName.MatchString(m[1]) && !reTitleGeneric.MatchString(m[1]) {
			name = reTitleEdition.ReplaceAllString(m[1], "") // "GitHub Corporate" is GitHub's
		} else if properName(line) && rePartyLegalForm.MatchString(line) {
			name = line // a company's name on a line of its own: "ContentRX LLC"
		} else if m := reTitleMaker.FindStringSubmatch(line); m != nil {
			name = m[1] // "ACMEPROCURE (a PRODUCT OF ACME-AI)": the maker's
			// The title says in so many words whose product the
			// document's is: the maker is named though the text then
			// says "the Company" (trial27b).
			maker = true
		}
		if name != "" && (maker || usedAsVendor(units, name) || ownDomain(a, name)) {
			title = shownName(units, name)
			break
		}
	}
	legal := preambleVendor(a, units, v)
	if title != "" && legal != "" && rePartyLegalForm.MatchString(legal) && !rePartyLegalForm.MatchString(title) && sameCompany(title, legal) {
		return legal // "Celonis, Inc." of the preamble for "Celonis" of the title
	}
	if title != "" {
		return title
	}
	if legal == "" {
		return annexTitleVendor(a, units)
	}
	return legal
}

// preambleVendor is titleVendor's reading of the preamble and signature
// blocks, for an agreement whose title names no vendor.
func preambleVendor(a *extract.Agreement, units []*unit, v *Vocabulary) string {
	head := agreementHead(a)
	for _, m := range spBetweenVendor.findAllSubmatchIndex(head) {
		group := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return head[m[2*i]:m[2*i+1]]
		}
		name, _, _ := strings.Cut(group(1)+group(3), ". ") // "Kubient. This Agreement"
		name = strings.TrimSuffix(name, ".")               // "and Kubient. This"
		pm := newMatcher(v, tokenize(name), nil)
		if len(pm.find("vendor")) > 0 || len(pm.find("customer")) > 0 {
			continue // "between Customer and Provider"
		}
		if !properName(name) {
			continue
		}
		if form := group(2) + group(4); form != "" && !strings.Contains(name, ". ") {
			// A company's legal name set against the customer's role
			// word names the vendor though the text says "we".
			at := m[2]
			if at < 0 {
				at = m[6]
			}
			end := m[5]
			if end < 0 {
				end = m[9]
			}
			return strings.Join(strings.Fields(head[at:end]), " ")
		}
		if usedAsVendor(units, name) {
			return name
		}
	}
	if n := weVendor(head, v); n != "" {
		return n
	}
	if n := hereinafterVendor(head, v); n != "" {
		return n
	}
	if n := roleVendor(head); n != "" {
		return n
	}
	return signedVendor(head, v)
}

// usedAsVendor says the text uses a name (or, for a company's legal name,
// its first word: "ContentRX" for "ContentRX LLC") at least twice as a
// subject or with the vendor's kind.
func usedAsVendor(units []*unit, name string) bool {
	short := name // afterName reads an all-capitals name capitalised too
	if rePartyLegalForm.MatchString(name) {
		short = strings.Trim(strings.Fields(name)[0], ",.")
	}
	if capitalised(short) != short {
		short = shownName(units, short) // "GANNET-AI" as the text writes it: "Gannet-AI"
	}
	uses := 0
	for _, u := range units {
		for _, rest := range afterName(u.text, short) {
			if reSubjectModal.MatchString(rest) || reVendorKind.MatchString(rest) {
				uses++
			}
		}
	}
	if uses < 2 && strings.Contains(short, " ") && !rePartyLegalForm.MatchString(name) {
		// "Deckard Technologies Terms of Service", then "Deckard will".
		return usedAsVendor(units, strings.Fields(name)[0]+" Inc.")
	}
	return uses >= 2
}

// shownName is a name as a report shows it: an all-capitals title's name
// as the text spells it elsewhere ("GANNET-AI": "Gannet-AI"), else
// capitalised ("DECKARD TECHNOLOGIES": "Deckard Technologies").
func shownName(units []*unit, name string) string {
	if strings.ToUpper(name) != name || !strings.ContainsFunc(name, unicode.IsLetter) {
		return name
	}
	if w := spelledElsewhere(units, name); w != "" {
		return w
	}
	return capitalised(name)
}

// spelledElsewhere is a name in capitals as the text spells it elsewhere
// with a capital initial ("Celonis" for "CELONIS", not the "celonis" of a
// web address), or "" where the text only writes it in capitals.
func spelledElsewhere(units []*unit, name string) string {
	lower := strings.ToLower(name)
	for _, u := range units {
		text := strings.ToLower(u.text)
		if len(text) != len(u.text) {
			continue // offsets in text are not offsets in u.text
		}
		for from := 0; ; {
			k := strings.Index(text[from:], lower)
			if k < 0 {
				break
			}
			k += from
			if w := u.text[k : k+len(name)]; w != name && unicode.IsUpper([]rune(w)[0]) {
				return w
			}
			from = k + len(name)
		}
	}
	return ""
}

// shownLegalName is a company's legal name in capitals ("CELONIS, INC."
// of a preamble) as the report shows it: the name as the text spells it
// elsewhere, the legal form as the list of forms writes it ("Celonis,
// Inc."; "LLC" stays); the name as it stands where the text only writes
// it in capitals (new-user trial 35).
func shownLegalName(units []*unit, name string) string {
	if strings.ToUpper(name) != name || !strings.ContainsFunc(name, unicode.IsLetter) {
		return name
	}
	base, form := name, ""
	ws := strings.Fields(name)
	for k := min(3, len(ws)-1); k >= 1; k-- {
		if f := company.FormAsWritten(strings.Join(ws[len(ws)-k:], " ")); f != "" {
			base, form = strings.Join(ws[:len(ws)-k], " "), f
			break
		}
	}
	sep := " "
	if b, ok := strings.CutSuffix(base, ","); ok {
		base, sep = b, ", "
	}
	shown := spelledElsewhere(units, base)
	switch {
	case shown == "":
		return name
	case form == "":
		return shown
	}
	return shown + sep + form
}

// reTitleMaker finds the maker a title names beside its product:
// "ACMEPROCURE (a PRODUCT OF ACME-AI)", "Acme Notes (by Acme Labs)".
var reTitleMaker = lazyre.New(`\(\s*(?i:(?:an?\s+)?(?:product|service|brand|division)\s+of|by)\s+([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s*\)`)

// ownNames are the names of the agreements' own parties: the vendor's
// names given (vendors) and every name and legal name of a party whose
// side agreementParties is sure of. None of them is a subprocessor.
func ownNames(parties map[*extract.Agreement][]*party, vendors ...string) []string {
	var out []string
	for _, v := range vendors {
		if v != "" {
			out = append(out, v)
		}
	}
	for _, ps := range parties {
		for _, p := range ps {
			if !p.sure || p.role == "" {
				continue
			}
			for _, n := range []string{p.name, p.legal} {
				if n != "" && !reGenericName.MatchString(n) {
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// VendorFromAgreement is Result.VendorSource when the vendor's name comes
// from an agreement's own party definitions or title (agreementVendor).
const VendorFromAgreement = "agreement"

// VendorNone is Result.VendorSource when no document names the vendor and
// none was given: Result.Vendor is empty (a batch then names the vendor
// after its folder or file: VendorFromFolder, VendorFromFile).
const VendorNone = "none"

// VendorDiffers is Result.VendorSource when the agreements name the vendor,
// but not as one company (Result.VendorNames lists the names): Result.Vendor
// is empty, or in a batch the folder's name.
const VendorDiffers = "documents differ"

// VendorFromFolder is the Result.VendorSource of a vendor named only by the
// folder its documents came in: no document names it.
const VendorFromFolder = "folder"

// VendorFromFile is the Result.VendorSource of a vendor named only by its
// one file (ssrm analyze of a single file, a batch's vendor of one file):
// no document names it, and a file is not a folder (trial27e).
const VendorFromFile = "file"

// undefinedVendor is, for an agreement that defines no vendor by name, the
// name its title or preamble gives the vendor (titleVendor), as phrases for
// the vendor class: the name as written and, for a legal name, the name
// without its legal form ("Keboola" for "Keboola s.r.o."). Nil when none.
func undefinedVendor(a *extract.Agreement, units []*unit, v *Vocabulary) []phrase {
	n := titleVendor(a, units, v)
	if n == "" || reGenericName.MatchString(n) {
		return nil
	}
	var out []phrase
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.Join(wordsOf(s), " ")
		if s == "" || seen[strings.ToLower(s)] {
			return
		}
		seen[strings.ToLower(s)] = true
		if ph, err := compilePhrase(s, "none"); err == nil {
			out = append(out, ph)
		}
	}
	add(n)
	if loc := rePartyLegalForm.FindStringIndex(n); loc != nil && loc[0] > 0 {
		add(strings.TrimRight(n[:loc[0]], " ,"))
	}
	return out
}

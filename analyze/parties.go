package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

var (
	// reDefinedName finds a short name the agreement defines for a party,
	// with the parenthetical it stands in: Brokers National Life Assurance
	// Company ("BNL"), Acme Inc. ("Acme" or "Provider"), Acme Ltd ("we" or
	// "Acme"), The City of Eugene, (City), VERIZON ABS LLC, as Depositor;
	// ACME, INC., hereinafter referred to as "ACME" ("hereinafter called",
	// "hereinafter"). Names that neither provide nor pay (an acronym) are
	// dropped later; a defined document is never a party (reDocumentName).
	reDefinedName = lazyre.New(`\(\s*(?:["“'‘]?(?:we|us|our)["”'’]?\s*,?\s*(?:(?:or|and)\s+)?)*(?:(?:hereinafter|herein)\s+)?(?:referred\s+(?:to\s+)?(?:in\s+)?(?:herein(?:after)?\s+)?as\s+)?(?:the\s+)?["“„ˮ'‘]?([A-Z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*){0,3}?),?["”ˮ″'’]?((?:\s*(?:(?:,|(?i:or|and))\s*)*(?:the\s+)?["“„ˮ'‘][^"”ˮ″'’]{1,30}["”ˮ″'’])*)\s*\)|,\s+(?:(?:(?:who|which)\s+(?:will|shall)\s+be\s+(?:hereinafter\s+)?(?:referred\s+to|designated)\s+)?as|(?i:here(?:in)?after\s+(?:referred\s+to\s+as|called|named|designated\s+as|termed))|(?i:here(?:in)?after))\s+(?:the\s+)?["“]?([A-Z][A-Za-z]+)\b`)
	// What a vendor and what a customer does, to tell whose name is whose:
	// "shall provide" and "shall pay" are weak signs (a customer provides
	// information too); the kinds below are strong ones.
	reProvides = lazyre.New(`(?i)^\W*(shall|will|agrees to|must)\s+(provide|perform|deliver|host|operate|maintain|supply|furnish|render|process|notify|implement)\b`)
	rePays     = lazyre.New(`(?i)^\W*(shall|will|agrees to|must)\s+(pay|reimburse|remit)\b`)
	// The vendor's kind: "Acme provides the Services", "Acme's Platform",
	// "Acme (or its hosting provider) hosts the Software".
	reVendorKind = lazyre.New(`(?i)^(?:\W{0,3}(?:provides|offers|operates|hosts|licenses|delivers|makes\s+available|will\s+make\s+available|shall\s+make\s+available|(?:shall|will)\s+(?:provide|host|operate|deliver|license))\s+(?:to\s+\w+\s+)?(?:the|its|a|an|our)\s+(?:[\w-]+\s+){0,2}?(?:services?|platform|software|products?|applications?|solution|offering|subscription|api)\b|['’]s?\s+(?:[\w-]+\s+){0,2}?(?:services|platform|software|products|application|offering|systems|infrastructure|sub-?processors|personnel|employees)\b)`)
	// The customer's kind: "Harbor's use of the Services", "Harbor may
	// audit", "City or its authorized representatives may inspect",
	// "Harbor subscribes to", "Harbor's users". (Not "shall purchase": a
	// host buys its servers.)
	reCustomerKind = lazyre.New(`(?i)^(?:['’]s?\s+(?:use\s+of\s+(?:the|its|our)\s+(?:[\w-]+\s+){0,2}?(?:services?|platform|software|products?|applications?)|(?:authorized\s+|end\s+)?users)\b|\W{0,3}(?:or\s+its\s+(?:[\w-]+\s+){0,3}?(?:representatives?|auditors?|designees?|agents?)\s+)?(?:(?:shall|will)\s+(?:have\s+the\s+right|be\s+entitled)\s+to|may|has\s+the\s+right\s+to|reserves\s+the\s+right\s+to)\s+(?:[\w-]+\s+){0,3}?(?:audit|inspect|examine)\b|\W{0,3}(?:subscribes\s+to|licenses\s+from)\b)`)
	// reDocumentName finds a defined name that is a document, a date or a
	// thing, never a party: "Agreement", "DPA", "Order Form", "Effective
	// Date", "Services".
	reDocumentName = lazyre.New(`(?i)(?:^|\s)(?:` + documentWords + `|services?|incident|breach|event|measures|purposes?|period|feedback|output|claims?|notice|request|credits?)$|^(?:services?|platform|website|site|software|products?|application|deliverables|materials|content|data|information)$`)
	// reDocumentLegal is reDocumentName for a legal name, which may end
	// in "Services" ("Amazon Web Services") but not in "Agreement".
	reDocumentLegal = lazyre.New(`(?i)(?:^|\s)(?:` + documentWords + `)$`)
	// rePublicBody finds a public body: the City, County, State,
	// University, Department, Agency or Authority named in an agreement.
	rePublicBody = lazyre.New(`(?i)\b(?:city|county|state|commonwealth|town|village|borough|municipality|university|college|department|agency|authority|ministry|district|council|government)\b`)
	// rePartyLegalForm finds a company's legal form, which a public body lacks.
	rePartyLegalForm = lazyre.New(`(?i)\b(?:inc|llc|ltd|limited|corp|corporation|company|gmbh|ag|plc|s\.?a\.?s?|b\.?v|pbc|llp|lp|co|d\.o\.o|s\.r\.o)\b\.?`)
	// reSigns finds a cover page's or signature block's "Customer: Harbor
	// Bank" and "Provider: Nimbus Systems Inc.".
	reSigns = lazyre.New(`(?im)^[ \t*_#|]*(customer|client|subscriber|licensee|buyer|purchaser|controller|covered entity|provider|service provider|vendor|supplier|contractor|licensor|processor|business associate)[ \t*_]*(?:name|legal name)?[ \t*_]*:[ \t*_]*([^\n|]{2,80})`)
)

// documentWords are the last words of a defined document's name.
const documentWords = `agreement|addendum|amendment|terms|conditions|contract|dpa|baa|sla|msa|tos|eula|sow|policy|policies|form|date|schedule|exhibit|annex|appendix|attachment|clauses|order|statement\s+of\s+work|act|regulation|law|laws|rules|term|fees?|documentation|page`

// party is a name an agreement defines for one of its sides.
type party struct {
	name   string // the defined short name ("Acme"); "" when the agreement defines only a role word ("Vendor")
	legal  string // the full legal name before the definition ("Acme Cloud, Inc."), "" when none
	role   string // "vendor", "customer" or "" (unknown)
	public bool   // a public body (City, County, University, ...)
	pos    int    // where in the agreement's head it is first defined, from 1; 0 for --vendor
	asRole bool   // defined only as a role ("VERIZON ABS LLC, as Servicer"): no name to show
	within bool   // named as where another party sits ("the CDS at the Department of Works (DOW)")
	early  bool   // the name occurs where parties are defined (the first preambleLen bytes)
	// sure says the role comes from what the agreement says the name is
	// (a role word given with it, a kind, a signature), not from counting
	// "shall provide" against "shall pay".
	sure bool
	// we: a legal name the agreement defines by the vendor's pronouns
	// ("Acme Pty Ltd (we, us or our)"): the vendor's own, over any name
	// read as the vendor's by what it does.
	we bool
}

// reCustomerSideTerm finds a term for the customer's side: the users,
// customers, members or subscribers a terms of service defines ("Users
// (Users)"). Such a term is never the vendor's name.
var reCustomerSideTerm = lazyre.New(`^(?i)(?:the\s+|our\s+)?(?:(?:end|registered|authori[sz]ed)[\s-]+)?(?:users?|customers?|clients?|members?|subscribers?|you|yours?|licensees?|consumers?|account\s+holders?|buyers?|purchasers?)$`)

// customerSideTerm says a name is a term for the customer's side.
func customerSideTerm(name string) bool {
	return reCustomerSideTerm.MatchString(strings.TrimSpace(name))
}

// partyNames turns the parties an agreement defines (agreementParties)
// into phrases for the vendor and customer classes.
func partyNames(parties []*party) map[string][]phrase {
	out := map[string][]phrase{}
	for _, p := range parties {
		if p.role == "" || p.name == "" {
			continue
		}
		ph, err := compilePhrase(strings.Join(wordsOf(p.name), " "), "none")
		if err != nil {
			continue
		}
		out[p.role] = append(out[p.role], ph)
	}
	return out
}

// roleWordOf is the side a text's role words name: "vendor" or
// "customer" when it names one side only, else "".
func roleWordOf(v *Vocabulary, s string) string {
	m := newMatcher(v, tokenize(s), nil)
	vendor, customer := len(m.find("vendor")) > 0, len(m.find("customer")) > 0
	switch {
	case vendor && !customer:
		return "vendor"
	case customer && !vendor:
		return "customer"
	}
	return ""
}

// agreementParties finds the parties an agreement defines in its first
// 20,000 characters, in order, and tells whose each is:
//   - a name given together with a role word ("Acme" or "Provider"; "we",
//     "us"; "you") takes that role; a role word defined alone ("Vendor")
//     keeps the legal name before it;
//   - vendorName (--vendor) is the vendor's;
//   - a cover page or signature block ("Customer: Harbor Bank") gives the
//     role of the name it shows;
//   - a name of the vendor's kind ("Acme provides the Services", "Acme's
//     Platform") or of the customer's ("Harbor's use of", "Harbor may
//     audit") takes that role;
//   - a public body (City, County, University, ...) is the customer unless
//     it clearly provides;
//   - a name that mostly "shall provide" is the vendor's, one that mostly
//     "shall pay" the customer's;
//   - where the agreement names one side only by role words ("Customer",
//     "you"), its remaining defined name is the other side's.
//
// A defined document ("Agreement", "DPA", "Order Form", "Effective Date")
// is never a party.
func agreementParties(a *extract.Agreement, units []*unit, vendorName string, v *Vocabulary) []*party {
	head := agreementHead(a)
	var parties []*party
	byName := map[string]*party{}
	add := func(name, legal, r string) {
		p := byName[name]
		if p == nil || name == "" {
			p = &party{name: name}
			parties = append(parties, p)
			if name != "" {
				byName[name] = p
			}
		}
		if p.legal == "" && !customerSideTerm(legal) {
			p.legal = legal // never "Users" of `Users (Users) can connect`
		}
		if r != "" && !p.sure {
			p.role, p.sure = r, true
		}
	}
	isRoleWord := func(s string) bool {
		pm := newMatcher(v, tokenize(s), nil)
		return len(pm.find("vendor")) > 0 || len(pm.find("customer")) > 0 || len(pm.find("mutual")) > 0
	}
	// A given name (--vendor, a batch folder's) the agreement never uses
	// tells nothing of its parties: taken as a side, it would make the
	// agreement's own name for the vendor the other side.
	given := squash(vendorName)
	if given != "" && strings.Contains(squash(head), given) {
		add(vendorName, "", "vendor")
	}
	for _, ix := range spDefinedName.findAllSubmatchIndex(head) {
		m := func(i int) string {
			if ix[2*i] < 0 {
				return ""
			}
			return head[ix[2*i]:ix[2*i+1]]
		}
		name := m(1) + m(3)
		if name == "" || reDocumentName.MatchString(name) || strings.Contains(name, ". ") {
			continue // a document, or two sentences ("Kubient. This")
		}
		if m(1) != "" && !isRoleWord(name) && reDocumentLegal.MatchString(strings.TrimRight(head[max(0, ix[0]-80):ix[0]], " ")) {
			continue // a document's short name: the Platform Services Agreement ("PSA")
		}
		// "we" or "us" before the name ("we" or "Acme") is the vendor's.
		legal, r := "", roleWordOf(v, head[ix[0]:max(ix[0], ix[2])]+" "+m(2))
		if m(1) != "" || m(3) != "" && reReferredAs.MatchString(head[ix[0]:ix[1]]) {
			// "Tutorbook, who will be referred to as the Company": the
			// name before the comma is the party's.
			legal = legalName(head[:ix[0]], isRoleWord)
		}
		pre := ""
		if legal != "" {
			pre = before(head[:ix[0]], legal)
		}
		if r == "" && reYouDefined.MatchString(head[max(0, ix[0]-20):ix[0]]) {
			r = "customer" // `you (the "Member")`: the name the reader is given
		}
		if r == "" && reGrantsYou.MatchString(head[ix[1]:min(len(head), ix[1]+60)]) {
			r = "vendor" // "ACME, INC. (ACME) IS WILLING TO GRANT YOU (AUTHORIZED USER) ACCESS"
		}
		if r == "" && reVendorBy.MatchString(pre) {
			r = "vendor" // "a product operated by the Canadian Digital Service (CDS)"
		}
		if r == "" && legal != "" && reGenericName.MatchString(name) && (reCustomerSideBefore.MatchString(pre) || reCustomerSideAfter.MatchString(head[ix[1]:min(len(head), ix[1]+80)])) {
			r = "vendor" // "between Customer and Acme, Inc. (“Company”)"
		}
		if isRoleWord(name) {
			if !wholeRoleWord(v, name) {
				continue // a thing of a side's: "Vendor Materials", "Customer Data"
			}
			// A role word itself ("Vendor"): no name to find in the
			// text, but the legal name before it is the party's; for the
			// vendor's role, a name without a legal form right before it
			// ("uses Brightline (\"Processor\")") is one too.
			role := roleWordOf(v, name+" "+m(2))
			if legal == "" && m(1) != "" && role == "vendor" {
				legal = nameRightBefore(head[:ix[0]], isRoleWord)
			}
			if legal != "" {
				add("", legal, role)
			}
			continue
		}
		add(name, legal, r)
		if p := byName[name]; p.pos == 0 {
			p.pos, p.asRole, p.within = ix[0]+1, m(3) != "", reWithin.MatchString(pre)
		}
	}
	for _, ix := range append(rePronounsOnly.FindAllStringIndex(head, -1), rePronounsBare.FindAllStringIndex(head, -1)...) {
		if !reWeUs.MatchString(head[ix[0]:ix[1]]) {
			continue // ("Company") alone may be either side
		}
		// `Kamino Labs d.o.o. ("us", "we", or "our")`, `Acme Pty Ltd (we,
		// us or our)`: the vendor's legal name, defined by the pronouns
		// alone.
		if legal := legalName(head[:ix[0]], isRoleWord); legal != "" && !reGenericName.MatchString(legal) && !customerSideTerm(legal) {
			add("", legal, "vendor")
			parties[len(parties)-1].we = true // a party without a name is always new
		}
	}
	opening := head[:min(len(head), preambleLen)]
	for _, p := range parties {
		p.early = p.name != "" && len(after(opening, p.name)) > 0
		p.public = p.name != "" && isPublicBody(p.name, p.legal)
		if given != "" && p.name != vendorName && p.legal != "" && strings.Contains(squash(p.legal), given) {
			p.role, p.sure = "vendor", true
		}
	}
	for _, ix := range spMeansParty.findAllSubmatchIndex(head) {
		// `"Anthropic" means Anthropic Ireland, Limited if ...`: a name
		// defined by the company it stands for.
		name, legal := head[ix[2]:ix[3]], strings.TrimSpace(head[ix[4]:ix[5]])
		// "means the Acme LLC company": the article is not the name's.
		if l, ok := strings.CutPrefix(legal, "the "); ok {
			legal = strings.TrimSpace(l)
		}
		if isRoleWord(name) || reDocumentName.MatchString(name) || byName[name] != nil {
			continue
		}
		add(name, legal, "")
		byName[name].pos = ix[0] + 1
	}
	for _, m := range reTradeNameParty.FindAllStringSubmatch(head, -1) {
		// "<a name in Arabic> (Quorvane Establishment, doing business
		// under the trade name "QUORVANE"), a ... (the "Service
		// Provider")": the English legal name in brackets is the party's.
		legal := strings.Join(strings.Fields(m[1]), " ")
		if wholeRoleWord(v, m[4]) && roleWordOf(v, m[4]) == "vendor" && properName(legal) {
			add("", legal, "vendor")
		}
	}
	for _, m := range reRoleDefinedAs.FindAllStringSubmatch(head, -1) {
		// A definition list's "Provider / refers to the company Acme
		// s.r.o., ID No. ..." or "Provider: Acme Ltd.": the vendor's role
		// word defined by a legal name.
		if wholeRoleWord(v, m[1]) && roleWordOf(v, m[1]) == "vendor" && properName(m[2]) {
			add("", m[2], "vendor")
		}
	}
	for _, m := range spRoleThenName.findAllSubmatch(head) {
		// "the Processor (CAOS Ltd., also ZITADEL)": the role word, then
		// the legal name in brackets.
		if properName(m[2]) {
			add("", m[2], roleWordOf(v, m[1]))
		}
	}
	signed(head, parties, v)
	// By what each name is and does.
	for _, p := range parties {
		if p.sure || p.name == "" {
			continue
		}
		vendorKind, customerKind, provides, pays := 0, 0, 0, 0
		for _, u := range units {
			for _, rest := range afterName(u.text, p.name) {
				switch {
				case reVendorKind.MatchString(rest):
					vendorKind++
				case reCustomerKind.MatchString(rest):
					customerKind++
				case reProvides.MatchString(rest):
					provides++
				case rePays.MatchString(rest):
					pays++
				}
			}
		}
		if p.public && p.pos > preambleLen {
			customerKind = 0 // a regulator defined later may audit too
		}
		switch {
		case p.public && vendorKind > customerKind+1:
			p.role, p.sure = "vendor", true // a public body that clearly provides
		case p.public && !p.within && (p.pos <= preambleLen || customerKind > 0):
			// A public body defined in the preamble is a side of the
			// agreement; one defined later may be a regulator (FFIEC).
			p.role, p.sure = "customer", true
		case vendorKind > customerKind:
			p.role, p.sure = "vendor", true
		case customerKind > vendorKind:
			p.role, p.sure = "customer", true
		case !partyLike(p):
			// "the party raising the Dispute must notify": a concept
			// defined in the body, not a side that provides or pays.
		case provides > pays:
			p.role = "vendor"
		case pays > provides:
			p.role = "customer"
		}
	}
	// Two named sides, one known for sure: the other is the other side.
	var sides []*party
	for _, p := range parties {
		if p.name != "" && (p.sure || p.role != "" || usedAsSubject(units, p.name)) {
			sides = append(sides, p)
		}
	}
	if len(sides) == 2 && sides[0].sure != sides[1].sure {
		known, other := sides[0], sides[1]
		if other.sure {
			known, other = other, known
		}
		if known.role != "" {
			other.role, other.sure = map[string]string{"vendor": "customer", "customer": "vendor"}[known.role], true
		}
	}
	// One side named only by role words: a remaining name is the other.
	// A name counted as one side by "shall provide" is sure of it when
	// the other side is named only by role words.
	// A side defined by its role word alone (`Halberd, Inc. ("Customer")`)
	// leaves the name to the other side: named[] counts only named sides.
	var open []*party
	has, sure, named := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range parties {
		switch {
		case p.sure:
			has[p.role], sure[p.role] = true, true
			named[p.role] = named[p.role] || p.name != ""
		case p.name != "" && (p.role != "" || usedAsSubject(units, p.name)):
			open = append(open, p)
		case p.role != "":
			has[p.role] = true
		}
	}
	var counted []*party
	for _, p := range open {
		if p.role != "" {
			counted = append(counted, p)
		}
	}
	vendorWords, customerWords := roleWordSubjects(units, v)
	if len(open) == 1 && open[0].role == "" && partyLike(open[0]) {
		p := open[0]
		switch {
		case customerWords && !vendorWords && !has["vendor"]:
			p.role, p.sure = "vendor", true
		case vendorWords && !customerWords && !has["customer"]:
			p.role, p.sure = "customer", true
		}
	}
	if len(counted) == 1 && partyLike(counted[0]) {
		p := counted[0]
		switch {
		case p.role == "vendor" && customerWords && !sure["vendor"] && !named["customer"]:
			p.sure = true
		case p.role == "customer" && vendorWords && !sure["customer"] && !named["vendor"]:
			p.sure = true
		}
	}
	// No customer named otherwise: a defined term for whoever uses or
	// orders the service ("User means any legal entity or natural person
	// other than the Provider that utilises the Service") is the customer.
	if !has["customer"] && !customerWords {
		if m := reCustomerMeans.FindStringSubmatch(head); m != nil && !isRoleWord(m[1]) {
			if p := byName[m[1]]; p == nil {
				add(m[1], "", "customer")
			} else if p.role == "" {
				p.role, p.sure = "customer", true
			}
		}
	}
	return parties
}

// reCustomerMeans finds a defined term for the person or company that
// uses or orders the service.
var reCustomerMeans = lazyre.New(`(?m)(?:^|["“])\s*([A-Z][a-z]+)["”]?\s+(?:means|shall mean|refers to)\s+(?:any|a|an|the|each)\s+(?:(?:legal|natural|juridical)\s+)?(?:entity|person|company|organi[sz]ation|business)(?:\s+or\s+(?:an?\s+)?(?:(?:legal|natural|juridical)\s+)?(?:entity|person|company|organi[sz]ation|business))?\b[^.;]{0,60}?\b(?:that|who|which)\s+(?:uses|utili[sz]es|orders|purchases|subscribes to|buys)\s+(?:the|our)\s+(?i:services?|platform|software|products?)\b`)

// reYouDefined: "you" right before a defined name in brackets (`you (the
// "User")`, `you, (the "Member")`): the customer's name in this
// agreement, whatever the word ("Member", "User", "Subscriber").
var reYouDefined = lazyre.New(`(?i)\byou\s*,?\s*$`)

// wholeRoleWord says a name is a side's role word from its first word to
// its last ("Vendor", "Service Provider", "Data Processor"), not a thing
// that opens with one ("Vendor Materials").
func wholeRoleWord(v *Vocabulary, name string) bool {
	toks := tokenize(name)
	m := newMatcher(v, toks, nil)
	for _, c := range []string{"vendor", "customer", "mutual"} {
		for _, s := range m.find(c) {
			whole := true
			for i, t := range toks {
				if t.word && (i < s.from || i >= s.to) {
					whole = false
					break
				}
			}
			if whole {
				return true
			}
		}
	}
	return false
}

// partyLike says a name may be the side an agreement names only by role
// words elsewhere: one with a legal name, or one the opening already uses
// (a title, the preamble). A name first met deep in the body with no legal
// name is a concept ("Dispute", "Dispute Notice"), whatever it "must
// notify".
func partyLike(p *party) bool {
	return p.legal != "" || p.pos <= preambleLen || p.early
}

// squash is a name's letters and digits in lower case: "Null State",
// "nullstate" and "NULL-STATE" are one.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// rePronounsOnly finds a definition by the vendor's pronouns alone, with
// "Company" at most: ("us", "we", or "our"), ("the Company," "we," or
// "us"), ("Company/We/Us/Our"). A "we" or "us" must be among them.
var rePronounsOnly = lazyre.New(`\(\s*(?:(?:the\s+)?["“'‘]\s*(?:` + pronounTerms + `)[,.]?["”'’]\s*,?\s*(?:(?:or|and)\s+)?){1,5}\)`)

// rePronounsBare finds a definition by the vendor's pronouns unquoted,
// two at least: "(we, us or our)", "(us, we, our)".
var rePronounsBare = lazyre.New(`\(\s*(?i:we|us|our)(?:\s*(?:,|/|,?\s*(?:or|and))\s*(?i:we|us|our|ours)){1,3}\s*\)`)

// reWeUs finds the vendor's "we" or "us".
var reWeUs = lazyre.New(`(?i)\b(?:we|us)\b`)

// pronounTerms are the vendor's pronouns (and "Company") one quoted term
// may join with slashes: "Company/We/Us/Our". It must hold "we" or "us".
const pronounTerms = `(?:(?:the\s+)?(?i:company|our|ours)\s*/\s*)*(?i:we|us)(?:\s*/\s*(?:the\s+)?(?i:company|we|us|our|ours))*|(?i:our|ours|(?:the\s+)?company)`

// reMeansParty finds a name defined by the company it stands for:
// `"Anthropic" means Anthropic Ireland, Limited`, `"Company" means Acme Inc.`
var reMeansParty = lazyre.New(`["“]([A-Z][A-Za-z0-9&\-]*(?: [A-Z][A-Za-z0-9&\-]*){0,3})["”]\s+(?:means|refers to)\s+((?:the\s+)?[A-Z][\w&.\-]*(?:,?\s+[A-Z][\w&.\-]*){0,5}?,?\s+(?:` + legalForms + `))`)

// reRoleThenName finds a role word followed by the party's legal name in
// brackets: "the Processor (CAOS Ltd., also ZITADEL)".
var reRoleThenName = lazyre.New(`\b(?i:the)\s+(Processor|Provider|Service Provider|Vendor|Supplier|Contractor|Licensor)\s*\(([A-Z][^,()\n]{0,50}?,?\s+(?:` + legalForms + `))[^()\n]{0,40}\)`)

// reVendorBy finds the words before a name that make it the vendor's:
// "a product operated by", "Online Services provided by" (not "hosted by":
// a subprocessor hosts).
var reVendorBy = lazyre.New(`(?i)\b(?:products?|services?|platform|application|software|offerings?)\s+(?:[\w-]+\s+){0,3}?(?:operated|provided|offered|made\s+available)\s+(?:by|under)\s+(?:the\s+)?$`)

// reWithin finds the words before a name that make it where another party
// sits, not a side: "at the", "part of", "a division of".
var reWithin = lazyre.New(`(?i)\b(?:at|within|part\s+of|division\s+of)\s+(?:the\s+)?$`)

// before is the text before the last place s (the text before a
// definition) shows the first word of name.
func before(s, name string) string {
	w := strings.Fields(name)
	if len(w) == 0 {
		return ""
	}
	if k := strings.LastIndex(s, w[0]); k >= 0 {
		return s[:k]
	}
	return ""
}

// preambleLen is how far into an agreement its parties are defined, in
// bytes.
const preambleLen = 3000

// agreementHead is the agreement's first pages, up to about 20,000
// characters, with Markdown emphasis taken out (**"Acme"** is "Acme") and
// the spaces a web page's bold leaves inside the quotes of a defined name
// closed up ((“ Company ”), from (“ **Company** ”)).
func agreementHead(a *extract.Agreement) string {
	var head strings.Builder
	for _, p := range a.Pages {
		head.WriteString(p.Text)
		head.WriteByte('\n')
		if head.Len() > 20000 {
			break
		}
	}
	h := strings.NewReplacer("**", "", "__", "").Replace(head.String())
	return reDefinedNameSpaces.ReplaceAllString(h, "$1$2$3")
}

// reRoleDefinedAs finds a role word at a line's start defined by a legal
// name in a definition list: "Provider\nrefers to the company Acme s.r.o.,
// ID No. 1", "Provider means Acme Ltd., a company ...", "Provider: Acme
// GmbH". Group 1 is the role word, group 2 the name up to its legal form.
var reRoleDefinedAs = lazyre.New(`(?m)^[ \t]*["“]?([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)["”]?(?:[ \t]*:[ \t]*|[ \t]*\n?[ \t]*(?:means|refers[ \t]+to|is)[ \t]+)(?:the[ \t]+(?:company|legal[ \t]+entity|entity)[ \t]+)?([A-Z][^,;:\n()"“”]{0,80}?,?[ \t](?:` + legalForms + `))`)

// reTradeNameParty finds a party's legal name in brackets with its trade
// name, then its role: "(Quorvane Establishment for Information
// Technology, doing business under the trade name "QUORVANE"), a
// registered establishment ... (the "Service Provider")". Group 1 is the
// legal name, 2 the trade name, 4 the role word.
var reTradeNameParty = lazyre.New(`\(\s*([A-Z][^()"“”;]{2,100}?),?\s+(?:doing\s+business|trading)\s+(?:under\s+the\s+(?:trade\s+)?name\s+|as\s+)["“]([^"”\n]{2,40})["”]\s*\)([^()]{0,300}?)\((?:the\s+)?["“]([^"”\n]{2,40})["”]\)`)

// reGrantsYou finds what follows a party's definition when the party
// grants the reader the service: "(ACME) IS WILLING TO GRANT YOU ACCESS",
// "("Acme") grants you a licence", "("Acme") provides you with".
var reGrantsYou = lazyre.New(`(?i)^[\s,]*(?:is\s+willing\s+to\s+|hereby\s+|agrees\s+to\s+)?(?:grants?|provides?|offers?|licen[cs]es?)\s+(?:to\s+)?you\b`)

// reReferredAs is the relative clause that gives a party its short name
// without brackets ("Tutorbook, who will be referred to as the Company").
var reReferredAs = lazyre.New(`\b(?:referred\s+to|designated)\s+as\b|(?i:\bhere(?:in)?after\s+(?:called|named|termed)?)`)

// reDefinedNameSpaces finds a short name defined in brackets with spaces
// inside its quotes: (“ Company ”), (the " Agreement ").
var reDefinedNameSpaces = lazyre.New(`(\((?:the\s+)?["“])[ \t]+([^"“”\n]{1,40}?)[ \t]+(["”]\))`)

// reCustomerSideBefore and reCustomerSideAfter find the other side of a
// "between" named by the customer's role word alone: "between Customer
// and Acme, Inc. (“Company”)", "Acme, Inc. (“Company”) and the Customer".
// A name then defined only by a word that may be either side ("Company")
// is the vendor's.
var (
	reCustomerSideBefore = lazyre.New(`(?i)\bbetween\s+(?:the\s+|you,?\s+(?:the\s+)?)?(?:customer|client|controller|subscriber|licensee|covered\s+entity)\b[^.;()]{0,60}?\band\s+(?:the\s+)?$`)
	reCustomerSideAfter  = lazyre.New(`(?i)^[\s,]*and\s+(?:the\s+|you,?\s+(?:the\s+)?)?(?:customer|client|controller|subscriber|licensee|covered\s+entity)\b`)
)

// isPublicBody says a defined name (or the legal name it stands for) is a
// public body's: "City", "the County of Lane", "State University"; not a
// company's ("Authority Software Inc.") nor an address ("Redwood City").
func isPublicBody(name, legal string) bool {
	if rePartyLegalForm.MatchString(legal) || rePartyLegalForm.MatchString(name) {
		return false
	}
	return rePublicBody.MatchString(name) || rePublicBodyName.MatchString(legal)
}

// rePublicBodyName finds a public body's legal name: "City of Eugene",
// "Lane County", "Oregon State University", "Department of Health".
var rePublicBodyName = lazyre.New(`(?i)^(?:city|county|state|commonwealth|town|village|borough|municipality|university|department|ministry|district)\s+of\b|\b(?:city|county|university|college|department|agency|authority|ministry|district|council|government)$`)

// signed gives a role to the party whose name (or legal name) a cover page
// or signature block shows under a role word: "Customer: Harbor Bank".
func signed(head string, parties []*party, v *Vocabulary) {
	for _, m := range spSigns.findAllSubmatch(head) {
		r := roleWordOf(v, m[1])
		shown := strings.TrimSpace(m[2])
		if r == "" || shown == "" {
			continue
		}
		for _, p := range parties {
			if p.name == "" || p.sure && p.role != r {
				continue
			}
			if strings.HasPrefix(shown, p.name) || p.legal != "" && strings.HasPrefix(shown, p.legal) {
				p.role, p.sure = r, true
			}
		}
	}
}

// wordsOf gives the words of a name as the tokenizer reads them.
func wordsOf(name string) []string {
	var out []string
	for _, t := range tokenize(name) {
		if t.word {
			out = append(out, t.w)
		}
	}
	return out
}

// afterName is after for a defined name, and for an all-capitals name
// ("AXIOM") its capitalised form too ("Axiom").
func afterName(s, name string) []string {
	out := after(s, name)
	if c := capitalised(name); c != name {
		out = append(out, after(s, c)...)
	}
	return out
}

// capitalised gives an all-capitals name of more than three letters with
// each word capitalised ("DECKARD TECHNOLOGIES": "Deckard Technologies");
// any other name as it is.
func capitalised(name string) string {
	if len(name) <= 3 || strings.ToUpper(name) != name {
		return name
	}
	words := strings.Fields(name)
	for i, w := range words {
		// Each part of a hyphenated name is a word of its own
		// ("OSPREY-LABS": "Osprey-Labs"); a part of two letters is kept
		// as an acronym ("RONAV-AI": "Ronav-AI").
		parts := strings.Split(w, "-")
		for k, p := range parts {
			if k > 0 && len(p) <= 2 {
				continue
			}
			_, n := utf8.DecodeRuneInString(p)
			parts[k] = p[:n] + strings.ToLower(p[n:])
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

// after returns the text after each whole-word occurrence of name in s.
func after(s, name string) []string {
	var out []string
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], name)
		if k < 0 {
			break
		}
		at := i + k
		end := at + len(name)
		if (at == 0 || !isWordByte(s[at-1])) && (end == len(s) || !isWordByte(s[end])) {
			out = append(out, s[end:])
		}
		i = end
	}
	return out
}

// usedAsSubject says the name stands before "shall", "will" or "must"
// somewhere.
func usedAsSubject(units []*unit, name string) bool {
	for _, u := range units {
		for _, rest := range afterName(u.text, name) {
			if reSubjectModal.MatchString(rest) {
				return true
			}
		}
	}
	return false
}

var reSubjectModal = lazyre.New(`(?i)^\W{0,3}(shall|will|must|may|agrees)\b`)

// roleWordSubjects says whether vendor and customer role words ever stand
// as a subject before a modal.
func roleWordSubjects(units []*unit, v *Vocabulary) (vendor, customer bool) {
	for _, u := range units {
		toks := tokenize(u.text)
		m := newMatcher(v, toks, nil)
		for _, c := range []string{"vendor", "customer"} {
			for _, s := range m.find(c) {
				if s.to < len(toks) && (len(m.at("binding", s.to)) > 0 || len(m.at("permissive", s.to)) > 0) {
					if c == "vendor" {
						vendor = true
					} else {
						customer = true
					}
				}
			}
		}
		if vendor && customer {
			return
		}
	}
	return
}

package analyze

import (
	"strings"
	"unicode"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// The vendor's name read from how the text uses it, for an agreement or
// policy that never defines its parties: a security page's "Acme backs
// up data daily", a DPA's "governs Acme's Processing of Personal Data".

var (
	// reUsedName finds a capitalised name of one to three words standing
	// as the subject of what a vendor does ("Acme Cloud uses", "Acme
	// will") or owning what a vendor has ("Acme's platform"). The name is
	// group 1.
	reUsedName = lazyre.New(`(?:^|[^\w.&'’-])([A-Z][A-Za-z0-9]*(?:[.&-][A-Za-z0-9]+)*(?:\s+[A-Z][A-Za-z0-9]*(?:[.&-][A-Za-z0-9]+)*){0,2})(?:['’]s?\s+(?:[\w-]+\s+){0,2}?(?i:services?|platform|software|products?|infrastructure|systems|processing|personnel|employees|sub-?processors|security|servers)\b|\s+(?:shall|will|must|provides|operates|hosts|maintains|uses|backs\s+up|monitors|adheres|implements|encrypts|stores|processes|offers|ensures|performs|runs|employs|retains|notifies|reserves)\b)`)
	// reUsedNameStop finds a first word that opens a sentence and names no
	// one: "The", "This", "Each", "If".
	reUsedNameStop = lazyre.New(`^(?i:the|this|that|these|those|we|you|it|they|he|she|each|either|neither|if|any|all|no|such|our|your|its|their|both|upon|in|on|for|to|as|when|where|unless|except|notwithstanding|nothing|there|what|which|who|how|every|some|other|one|an?|and|or|but|please|note|also|only|at|by|with|from|after|before|during|under|until|while|then|here|however|further|finally|additionally|accordingly|thus|otherwise|user|users|member|members|data|information|personal|security|service|services|section|article|annex|schedule|exhibit|appendix|party|parties|company|controller|processor|sub-?processors?|affiliates?|licensor|licensee|subscriber|client|customer|vendor|provider|supplier|contractor|recipient|discloser|partner|partners|participant|buyer|purchaser|seller|reseller|distributor|agent|owner|operator|developer|publisher|module|part|chapter|title)$`)
)

// usedVendorMin is how many times a name must stand as the vendor's
// subject, and how many times more than any other name, to be taken as
// the vendor's.
const (
	usedVendorMin  = 3
	usedVendorLead = 2
)

// usedVendor names the vendor of an agreement that never defines its
// parties from how the text uses names: the one capitalised name that
// stands as the subject of what a vendor does, or owns what a vendor has,
// at least usedVendorMin times and usedVendorLead times as often as any
// other name, and that the opening (title or first paragraph, the first
// 600 bytes) shows; none when the vendor's role words stand as subjects
// and the customer's never do ("Supplier shall"), for then the vendor is
// named by role and the name is the customer's. Role words, documents, laws and acronyms in capitals
// ("GDPR", "AWS") are never the vendor here. "" when no name leads.
func usedVendor(a *extract.Agreement, units []*unit, v *Vocabulary) string {
	if len(a.Pages) == 0 {
		return ""
	}
	if vendorWords, customerWords := roleWordSubjects(units, v); vendorWords && !customerWords {
		// "Supplier shall", never "Customer shall": the vendor is named
		// by its role, and the name the text uses fills the customer's
		// place ("Canonical may terminate", in Canonical's terms of
		// purchase).
		return ""
	}
	opening := agreementHead(a)
	opening = opening[:min(len(opening), 600)]
	counts := map[string]int{}
	var order []string
	for _, u := range units {
		for _, m := range reUsedName.FindAllStringSubmatch(u.text, -1) {
			name := strings.Join(strings.Fields(m[1]), " ")
			if counts[name] == 0 {
				order = append(order, name)
			}
			counts[name]++
		}
	}
	best, second := "", 0
	for _, name := range order {
		if !usedNameOK(name, v) {
			continue
		}
		switch n := counts[name]; {
		case best == "" || n > counts[best]:
			second = max(second, counts[best])
			best = name
		case n > second:
			second = n
		}
	}
	if best == "" || counts[best] < usedVendorMin || counts[best] < usedVendorLead*second {
		return ""
	}
	if len(after(opening, best)) == 0 {
		return ""
	}
	return best
}

// usedNameOK says a name reUsedName found may be a vendor's: a proper name
// whose first word opens no ordinary sentence, no role word, document,
// law or acronym in capitals.
func usedNameOK(name string, v *Vocabulary) bool {
	words := strings.Fields(name)
	if len(words) == 0 || reUsedNameStop.MatchString(words[0]) || !properName(name) {
		return false
	}
	for _, w := range words {
		if !strings.ContainsFunc(w, unicode.IsLetter) {
			return false // "Module 3"
		}
	}
	if len(words) == 1 && strings.ToUpper(name) == name && !strings.ContainsFunc(name, unicode.IsLower) {
		return false // "GDPR", "AWS", "CCPA"
	}
	if reDocumentName.MatchString(name) || reDocumentLegal.MatchString(name) || reGenericName.MatchString(name) {
		return false
	}
	if pm := newMatcher(v, tokenize(name), nil); len(pm.find("vendor")) > 0 || len(pm.find("customer")) > 0 || len(pm.find("mutual")) > 0 {
		return false
	}
	return true
}

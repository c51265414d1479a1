package company

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// reTradingAs splits a name at "d/b/a", "dba", "doing business as",
// "trading as", "t/a" or "formerly" (and an "a/k/a", "also known as"): the
// company that stands on either side is the same one.
var reTradingAs = lazyre.New(`(?i)[\s,;(]+(?:d\s*/\s*b\s*/\s*a|d\.b\.a\.?|dba|doing\s+business\s+as|trading\s+as|t\s*/\s*a|a\s*/\s*k\s*/\s*a|a\.k\.a\.?|aka|also\s+known\s+as|formerly(?:\s+known\s+as)?|f\s*/\s*k\s*/\s*a|fka)[\s:]+`)

// reBracketed finds a name in brackets after another: "Acme Cloud Ltd
// (Acme)", "CAOS Ltd. (ZITADEL)".
var reBracketed = lazyre.New(`\(([^()]{2,80})\)`)

// genericLead are first words many unrelated companies share ("American
// Express", "American Airlines"): two names are not taken for one
// company's on such a first word alone.
var genericLead = set("american", "british", "national", "international", "global", "general", "united", "first",
	"new", "digital", "cloud", "data", "smart", "open", "blue", "red", "green", "north", "south", "east", "west",
	"pacific", "atlantic", "royal", "standard", "advanced", "applied", "integrated", "secure", "premier", "universal",
	"world", "city", "county", "state", "university", "bank", "air", "one", "best")

// alternatives are the names a company goes by in one written name: the
// name itself, each side of "d/b/a" and the like, and a name in brackets,
// each folded to its key's words. Names without letters or digits are left
// out.
func alternatives(name string) [][]string {
	var parts []string
	for _, p := range reTradingAs.Split(" "+name, -1) {
		for _, m := range reBracketed.FindAllStringSubmatch(p, -1) {
			parts = append(parts, m[1])
		}
		parts = append(parts, reBracketed.ReplaceAllString(p, " "))
	}
	var out [][]string
	for _, p := range parts {
		if w := strings.Fields(Key(p)); len(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// Same says two written names may be one company's, so that a report
// naming one and a report naming the other are about the same vendor. It
// is tolerant, since it decides when to warn: legal forms, punctuation,
// case, a leading "the" and generic trailing words are ignored (Key); a
// name given as "X d/b/a Y", "X trading as Y", "X (Y)" or "X, formerly Y"
// is X and Y; one name that is the other's first words ("Acme" and "Acme
// Cloud Services Ltd"), the same letters spaced differently ("GitHub" and
// "Git Hub") or the same distinctive first word ("Stripe, Inc." and
// "Stripe Payments Europe, Limited"; "OVH Hosting Ltd." and "OVHcloud",
// one first word beginning the other) are one company. A name with no
// letter or digit names no company: Same is then true (nothing to set
// against the other).
func Same(a, b string) bool {
	as, bs := alternatives(a), alternatives(b)
	if len(as) == 0 || len(bs) == 0 {
		return true
	}
	for _, x := range as {
		for _, y := range bs {
			if sameWords(x, y) {
				return true
			}
		}
	}
	return false
}

// sameWords compares two folded names word by word.
func sameWords(x, y []string) bool {
	if len(x) > len(y) {
		x, y = y, x
	}
	prefix := true
	for i := range x {
		prefix = prefix && x[i] == y[i]
	}
	if prefix {
		return true
	}
	jx, jy := strings.Join(x, ""), strings.Join(y, "")
	if len(jx) > len(jy) {
		jx, jy = jy, jx
	}
	if jx == jy || strings.HasPrefix(jy, jx) && len(jx) >= 5 {
		return true // "GitHub" and "Git Hub"; "Salesforce" and "Sales Force Cloud"
	}
	// The same distinctive first word, or one first word that begins the
	// other ("OVH Hosting" and "OVHcloud"): not a clear conflict.
	a, b := x[0], y[0]
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 3 && strings.HasPrefix(b, a) && !genericLead[a]
}

// HasLegalForm says a written name is a company's legal name: it, or one
// of the names it goes by ("X d/b/a Y", "X (Y)"), ends with a legal form
// after another word ("Acme Cloud, Inc.", "Van Dijk B.V.", "Müller GmbH &
// Co. KG"). A product's or a role's name ("Basecamp", "Receiving Party")
// has none.
func HasLegalForm(name string) bool {
	var parts []string
	for _, p := range reTradingAs.Split(" "+name, -1) {
		for _, m := range reBracketed.FindAllStringSubmatch(p, -1) {
			parts = append(parts, m[1])
		}
		parts = append(parts, reBracketed.ReplaceAllString(p, " "))
	}
	for _, p := range parts {
		if w := words(p); formEnd(w, len(w)-1) > 0 {
			return true
		}
	}
	return false
}

package analyze

import (
	"fmt"
	"regexp"
	"strings"
)

// WarnExhibitNotSent is Warning.Code when an agreement brings in an SLA, a
// security addendum or a BAA by reference ("See separate SLA document for
// uptime guarantees", "the Security Addendum is provided separately") and
// no document of that kind is among those sent: the terms it holds go
// unread, as a DPA pointed at does (WarnDPANotSent).
const WarnExhibitNotSent = "exhibit-not-sent"

// pointedKinds are the kinds whose documents a pointer is warned of, in
// this order; the DPA has its own warning (dpaPointerWarnings), and a
// privacy notice pointed at holds no term of the agreement.
var pointedKinds = []string{"sla", "security", "baa"}

// exhibitPointerWarnings tells, per agreement and kind, of a document of
// that kind pointed at when none of the documents sent is of it.
func exhibitPointerWarnings(res *Result, units []*unit) []Warning {
	sent := map[string]bool{}
	for _, in := range res.Inputs {
		if in.DocKind != nil {
			sent[in.DocKind.Kind] = true
		}
	}
	var out []Warning
	for _, in := range res.Inputs {
		if in.DocKind == nil {
			continue // not an agreement
		}
		for _, kind := range pointedKinds {
			k := kindSpec(kind)
			if sent[kind] || k == nil || k.names == nil {
				continue
			}
			u, name := kindPointer(units, in.Path, k.names)
			if u == nil {
				continue
			}
			where := "§" + u.section
			if u.section == "" || u.section == "preamble" {
				where = "the opening"
			}
			if strings.EqualFold(name, k.Short) {
				name = k.Short // "the SLA", however the text cases it ("policies/sla")
			} else {
				name += " (" + k.Short + ")" // "the Security Policy (security exhibit)"
			}
			out = append(out, Warning{Code: WarnExhibitNotSent, Sources: []string{in.Path}, Message: fmt.Sprintf(
				"%s brings in the %s by reference without attaching it (%s: %q): send it with the agreement, or the terms it holds go unread", in.Path, name, where, trimQuote(u.text))})
		}
	}
	return out
}

// reAttachedName is a document's name that makes it a part of the
// agreement sent with it (an addendum, an exhibit, an agreement): not a
// policy or a page the vendor keeps ("Provider's Security Policy").
var reAttachedName = regexp.MustCompile(`(?i)\b(?:addendum|addenda|exhibit|schedule|annex|appendix|attachment|agreement|measures|SLA|BAA)$`)

// kindPointer is the first unit of the file that points at a document
// whose name is of the kind (names: the kind's names in kinds.yaml),
// other than the file itself, and the name as the unit writes it; nil
// when there is none.
func kindPointer(units []*unit, file string, names *regexp.Regexp) (*unit, string) {
	return pointedDocument(units, file, func(name string) bool {
		loc := names.FindStringIndex(name)
		return loc != nil && loc[0] == 0 && loc[1] == len(name) && reAttachedName.MatchString(name)
	})
}

package analyze

import (
	"fmt"
	"strings"
)

// WarnDPANotSent is Warning.Code when the data processing agreement is
// told of but not sent: a page about a DPA ("A Data Processing Addendum is
// available on request") read as the DPA binds nothing, and an MSA or terms
// of service that bring in a DPA by link or reference leave its terms
// unread. The reader should ask for the DPA itself.
const WarnDPANotSent = "dpa-not-sent"

// reDPAName is a document name that is a data processing agreement (the
// names: the vocabulary's dpa-name class).
var reDPAName = newVocabPattern(`(?i)^(?:{dpa-name})$`)

// dpaPointerWarnings tells, per agreement, of a DPA pointed at and not sent:
// a document read as a DPA whose own sentence points at a DPA elsewhere and
// which binds the vendor to no term of its own, or another kind of agreement
// that points at a DPA when no DPA is among the documents sent.
func dpaPointerWarnings(res *Result, units []*unit) []Warning {
	sentDPA := false
	for _, in := range res.Inputs {
		if in.DocKind != nil && in.DocKind.Kind == "dpa" {
			sentDPA = true
		}
	}
	var out []Warning
	for _, in := range res.Inputs {
		if in.DocKind == nil {
			continue // not an agreement
		}
		u := dpaPointer(units, in.Path)
		if u == nil {
			continue
		}
		where := "§" + u.section
		if u.section == "" || u.section == "preamble" {
			where = "the opening"
		}
		quote := trimQuote(u.text)
		switch {
		case in.DocKind.Kind == "dpa" && !bindsVendor(res, in.Path):
			out = append(out, Warning{Code: WarnDPANotSent, Sources: []string{in.Path}, Message: fmt.Sprintf(
				"%s reads as a DPA but only tells of one (%s: %q): nothing in it binds the vendor; ask for the DPA itself and analyse it", in.Path, where, quote)})
		case in.DocKind.Kind != "dpa" && !sentDPA:
			out = append(out, Warning{Code: WarnDPANotSent, Sources: []string{in.Path}, Message: fmt.Sprintf(
				"%s brings in a DPA by link or reference without attaching it (%s: %q): send the DPA with it, or its data protection terms go unread", in.Path, where, quote)})
		}
	}
	return out
}

// dpaPointer is the first unit of the file that points at a DPA other than
// the file itself ("see our DPA", "the Data Processing Addendum available
// at <url>"), or nil.
func dpaPointer(units []*unit, file string) *unit {
	u, _ := pointedDocument(units, file, reDPAName.MatchString)
	return u
}

// pointedDocument is the first unit of the file that points at a document
// whose name (as the unit writes it, spaces trimmed) accept takes, other
// than the file itself ("this Addendum"), and that name; nil when there is
// none.
func pointedDocument(units []*unit, file string, accept func(name string) bool) (*unit, string) {
	for _, u := range units {
		f := u.frame
		if u.file != file || f == nil || !f.pointer || f.definition || f.question {
			continue
		}
		for _, d := range f.m.find("document") {
			if k := d.from - 1; k >= 0 && (f.toks[k].w == "this" || f.toks[k].w == "these") {
				continue
			}
			if name := strings.TrimSpace(f.regionText(d.from, d.to)); accept(name) {
				return u, name
			}
		}
	}
	return nil, ""
}

// bindsVendor says a term the vendor owes is met or weak on a clause of the
// file.
func bindsVendor(res *Result, file string) bool {
	for _, f := range res.Findings {
		if f.Owner != OwnerVendor || (f.Status != StatusMet && f.Status != StatusWeak) {
			continue
		}
		if len(f.Evidence) > 0 && f.Evidence[0].File == file {
			return true
		}
	}
	return false
}

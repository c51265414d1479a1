package analyze

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/company"
)

// Warning is something about the result as a whole that a reader must
// know before trusting it, though no rule failed: the documents name
// different vendors (WarnVendorMismatch). Sources are the files it is
// about, as given. Warnings never change the score, the verdict or the
// exit code; the damage a reader found in one document's text stays on
// that Input (Input.Warnings).
type Warning struct {
	Code    string   `json:"code"`
	Message string   `json:"message"`
	Sources []string `json:"sources"`
}

// WarnVendorMismatch is Warning.Code when the questionnaire, the
// agreements and the assurance reports do not all name the same vendor:
// the report would blend two companies' evidence.
const WarnVendorMismatch = "vendor-mismatch"

// docVendor is one document's name for the vendor, and the document's
// text (texts) in which another's name may stand.
type docVendor struct {
	name, path, how string
	texts           func(yield func(string) bool)
}

func questionnaireTexts(q *extract.Questionnaire) func(func(string) bool) {
	return func(yield func(string) bool) {
		if !yield(q.Product) {
			return
		}
		for _, it := range q.Items {
			if !yield(it.Answer) || !yield(it.Notes) || !yield(it.CSPImplementation) {
				return
			}
		}
	}
}

func pagesTexts(pages []extract.Page) func(func(string) bool) {
	return func(yield func(string) bool) {
		for _, p := range pages {
			if !yield(p.Text) {
				return
			}
		}
	}
}

// mentions says the document's text names the company: the words of its
// key ("Basecamp" for "Basecamp"; "OVHcloud" for "OVHcloud SAS") as a
// whole word, in any case. An agreement of "37signals LLC" that speaks of
// Basecamp is Basecamp's, whatever the legal name.
func (d docVendor) mentions(name string) bool {
	words := strings.Fields(company.Key(name))
	if len(words) == 0 || d.texts == nil {
		return false
	}
	// Every match holds each word, case-folded: the pattern is compiled,
	// and run, only on a text that holds the longest.
	longest := ""
	for i, w := range words {
		if len(w) > len(longest) {
			longest = w
		}
		words[i] = regexp.QuoteMeta(w)
	}
	lit := []string{foldText(longest)}
	var re *regexp.Regexp
	found := false
	d.texts(func(t string) bool {
		if !hasLit(t, lit) {
			return true
		}
		if re == nil {
			var err error
			if re, err = regexp.Compile(`(?i)(?:^|[^\pL\pN])` + strings.Join(words, `[^\pL\pN]+`) + `(?:$|[^\pL\pN])`); err != nil {
				return false
			}
		}
		found = re.MatchString(t)
		return !found
	})
	return found
}

// sameVendor says two documents' names are one vendor's: the names are one
// company's (company.Same), or one document names the other's vendor in
// its text (a brand and its legal entity: "Zitadel" in the answers, "CAOS
// Ltd." the party of an agreement that speaks of ZITADEL) — unless that
// name is one of the vendor's subprocessors (subs): an agreement that
// lists Amazon Web Services as its host says nothing of whose SOC 2
// report is Amazon's.
func sameVendor(a, b docVendor, subs []string) bool {
	if company.Same(a.name, b.name) {
		return true
	}
	isSub := func(name string) bool {
		for _, s := range subs {
			if company.Same(s, name) {
				return true
			}
		}
		return false
	}
	return !isSub(b.name) && a.mentions(b.name) || !isSub(a.name) && b.mentions(a.name)
}

// vendorNames lists the name each document gives the vendor, in the order
// questionnaire, agreements, assurance reports. A document that names no
// vendor, or only by a name that may not be the company's, is left out:
//   - the questionnaire's name counts when it comes from the form's own
//     field or from the answers, not from the workbook's properties
//     (which may name whoever saved the file);
//   - an agreement's is the party it defines as the vendor, else the name
//     in its title (agreementVendor), read without the --vendor name, and
//     only when it is a company's legal name (company.HasLegalForm:
//     "Acme Cloud, Inc."): a title's or a defined name alone may be a
//     product's ("Basecamp") or a role misread ("Receiving Party");
//   - an assurance report's is its service organization;
//   - a name that is the questionnaire's product ("Canvas LMS") names no
//     company, so sets nothing against the vendor's.
//
// named is agreementVendor over all the agreements, reused when there is
// one and no --vendor name.
func vendorNames(in Inputs, units []*unit, parties map[*extract.Agreement][]*party, v *Vocabulary, given, named string) []docVendor {
	var out []docVendor
	product := ""
	if q := in.Questionnaire; q != nil {
		product = q.Product
		switch q.VendorSource {
		case extract.VendorFromForm:
			out = append(out, docVendor{q.Vendor, q.Path, "the form's vendor field", questionnaireTexts(q)})
		case extract.VendorFromAnswers:
			out = append(out, docVendor{q.Vendor, q.Path, "the name its answers use", questionnaireTexts(q)})
		}
	}
	for _, a := range in.Agreements {
		name := named
		if given != "" || len(in.Agreements) > 1 {
			own := map[*extract.Agreement][]*party{}
			for _, p := range parties[a] {
				if p.pos == 0 && p.legal == "" && p.name == given {
					continue // the --vendor name, not the agreement's
				}
				own[a] = append(own[a], p)
			}
			name = agreementVendor([]*extract.Agreement{a}, units, own, v)
		}
		if !company.HasLegalForm(name) {
			continue
		}
		out = append(out, docVendor{name, a.Path, "the party it names as the vendor", pagesTexts(a.Pages)})
	}
	for _, r := range in.Assurance {
		out = append(out, docVendor{r.ServiceOrganization, r.Path, "its service organization", pagesTexts(r.Pages)})
	}
	kept := out[:0]
	for _, n := range out {
		n.name = strings.Join(strings.Fields(n.name), " ")
		if company.Key(n.name) == "" {
			continue // no name, or one that cannot be read
		}
		if product != "" && n.path != in.Questionnaire.Path && company.Same(n.name, product) && !company.Same(n.name, in.Questionnaire.Vendor) {
			continue // the product's name, not the company's
		}
		kept = append(kept, n)
	}
	return kept
}

// vendorWarnings warns when the documents name vendors that are not the
// same company (sameVendor: legal forms, "d/b/a", one name the other's
// first words, one document naming the other's vendor, not as a
// subprocessor, are tolerated). Each document is set against the first
// that names the vendor the same way; when two groups or more remain, one
// warning names each document's name for the vendor.
func vendorWarnings(names []docVendor, subs []Subprocessor) []Warning {
	var subNames []string
	for _, s := range subs {
		subNames = append(subNames, s.Name)
	}
	var groups [][]docVendor
	for _, n := range names {
		placed := false
		for i, g := range groups {
			if sameVendor(g[0], n, subNames) {
				groups[i] = append(groups[i], n)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []docVendor{n})
		}
	}
	if len(groups) < 2 {
		return nil
	}
	var parts, sources []string
	for _, g := range groups {
		var docs []string
		for _, n := range g {
			docs = append(docs, fmt.Sprintf("%s names %q (%s)", n.path, n.name, n.how))
			sources = append(sources, n.path)
		}
		parts = append(parts, strings.Join(docs, " and "))
	}
	msg := fmt.Sprintf("the documents name different vendors: %s; the findings blend what each says, so check that they are one vendor's documents", strings.Join(parts, "; "))
	return []Warning{{Code: WarnVendorMismatch, Message: msg, Sources: sources}}
}

// RoundsWarning warns when two analyses of one vendor (the rounds of ssrm
// diff) are about vendors that are not the same company, as their
// documents name them: Result.Vendor when it comes from a questionnaire's
// form or answers or is an agreement's legal name, never a --vendor or
// folder name. nil when either round names none, or both name one company
// (company.Same). The documents' text is not at hand here, so a brand and
// its legal entity ("Zitadel", "CAOS Ltd.") are told apart.
func RoundsWarning(old, new *Result) *Warning {
	on, nn := documentsVendor(old), documentsVendor(new)
	if on == "" || nn == "" || company.Same(on, nn) {
		return nil
	}
	var sources []string
	for _, r := range []*Result{old, new} {
		for _, in := range r.Inputs {
			sources = append(sources, in.Path)
		}
	}
	msg := fmt.Sprintf("the rounds name different vendors: the old round's documents name %q, the new round's %q; the diff compares two companies' terms, so check that they are one vendor's rounds", on, nn)
	return &Warning{Code: WarnVendorMismatch, Message: msg, Sources: sources}
}

// documentsVendor is the vendor's name as a result's documents give it, or
// "" (RoundsWarning).
func documentsVendor(r *Result) string {
	switch r.VendorSource {
	case extract.VendorFromForm, extract.VendorFromAnswers:
		return r.Vendor
	case VendorFromAgreement:
		if company.HasLegalForm(r.Vendor) {
			return r.Vendor
		}
	}
	return ""
}

package analyze

import (
	"fmt"
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

// docVendor is one document's name for the vendor.
type docVendor struct {
	name, path, how string
}

// vendorNames lists the name each document gives the vendor, in the order
// questionnaire, agreements, assurance reports. A document that names no
// vendor, or only by a name that may not be the company's, is left out:
//   - the questionnaire's name counts when it comes from the form's own
//     field or from the answers, not from the workbook's properties
//     (which may name whoever saved the file);
//   - an agreement's is the party it defines as the vendor, else the name
//     in its title (agreementVendor), read without the --vendor name;
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
			out = append(out, docVendor{q.Vendor, q.Path, "the form's vendor field"})
		case extract.VendorFromAnswers:
			out = append(out, docVendor{q.Vendor, q.Path, "the name its answers use"})
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
		out = append(out, docVendor{name, a.Path, "the party it names as the vendor"})
	}
	for _, r := range in.Assurance {
		out = append(out, docVendor{r.ServiceOrganization, r.Path, "its service organization"})
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
// same company (company.Same: legal forms, "d/b/a", one name the other's
// first words are tolerated). Each document is set against the first
// that names the vendor the same way; when two groups or more remain, one
// warning names each document's name for the vendor.
func vendorWarnings(names []docVendor) []Warning {
	var groups [][]docVendor
	for _, n := range names {
		placed := false
		for i, g := range groups {
			if company.Same(g[0].name, n.name) {
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

package analyze

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
)

// auditConduct says a sentence is about an audit or inspection of the
// vendor, or a visit to its site, or names its auditors: one of the
// vocabulary's audit classes (an audit as a thing, an auditor) is found in
// it. Its "except" keeps out a record or a report ("audit logs").
func auditConduct(u *unit) bool {
	return len(u.frame.m.find("audit-object")) > 0 || len(u.frame.m.find("auditor")) > 0
}

// buildMatrix gives one row per CCM v4 domain: the owner the questionnaire
// states (its SSRM ownership column, aggregated over the domain's items),
// the owner the agreement's obligations imply ("Provider shall ..." vs
// "Customer is responsible for ..."), and the status that follows.
func buildMatrix(in Inputs, units []*unit, findings []Finding, model string, qc *qcontext) []MatrixRow {
	type agg struct {
		vendor, customer []*unit
	}
	byDomain := map[string]*agg{}
	for _, u := range units {
		// A recital, a definition or a question binds no one: it places
		// no domain on either party ("WHEREAS, Customer wishes to grow the
		// revenue of its applications" is background, no duty).
		if u.frame.definition || u.frame.question {
			continue
		}
		vendorSide, customerSide := false, false
		for i, p := range u.frame.preds {
			if p.negated || (p.modality != ModalBinding && p.modality != ModalDeclarative) || grantsLicence(u.frame, &u.frame.preds[i]) {
				continue
			}
			switch p.actor {
			case PartyVendor:
				vendorSide = true
			case PartyCustomer:
				customerSide = true
			case PartyMutual:
				vendorSide, customerSide = true, true
			}
		}
		if !vendorSide && !customerSide && annexMeasure(u) {
			// "Encryption of data at rest" under an annex of technical and
			// organisational measures: the annex is the vendor's.
			vendorSide = true
		}
		if !vendorSide && !customerSide {
			continue
		}
		// A sentence about what the document puts out of its scope (an
		// edition it does not govern: "for the on-premises edition the
		// customer remains the sole controller ...; no DPA is needed")
		// allocates nothing under it.
		if u.frame != nil && len(u.frame.m.find("out-of-scope")) > 0 {
			continue
		}
		// Boilerplate (a remedies limitation, an entire-agreement clause,
		// a permission to disclose confidential information) allocates no
		// domain it brushes ("restoration", a "vendor portal",
		// "employees"), unless its heading names the domain's subject.
		boiler := u.frame != nil && (len(u.frame.m.find("boilerplate")) > 0 || u.frame.heading["boilerplate"])
		for _, d := range classifyDomains(u.full()) {
			if boiler && !slices.Contains(classifyDomains(u.heading), d) {
				continue
			}
			// The customer's (or its auditors') conduct in an audit of
			// the vendor ("take reasonable steps to avoid damage to the
			// premises") is the audit's: the premises, staff and systems
			// it names are the vendor's, no domain the customer owns.
			if !vendorSide && d != "A&A" && auditConduct(u) {
				continue
			}
			if d == "SEF" && unauthorisedOnly(u) || d == "STA" && confidentialityOnly(u) {
				continue
			}
			a := byDomain[d]
			if a == nil {
				a = &agg{}
				byDomain[d] = a
			}
			if vendorSide {
				a.vendor = append(a.vendor, u)
			}
			if customerSide {
				a.customer = append(a.customer, u)
			}
		}
	}
	termsMet := map[string]bool{}
	for _, f := range findings {
		if f.Status == StatusMet {
			termsMet[f.Domain] = true
		}
	}
	sides := findingSides(findings)
	if qc != nil && qc.rules != nil && qc.rules.Vocabulary != nil {
		// A vendor term quoted from a sentence that keeps the data on the
		// customer's own infrastructure ("all processing occurs on servers
		// the Client controls") gives the domain to the customer, not to
		// the vendor alone (new-user trial 39).
		for _, s := range sides {
			if s.vendor != nil && len(newMatcher(qc.rules.Vocabulary, tokenize(s.vendor.Text), nil).find("customer-infrastructure")) > 0 {
				if s.customer == nil {
					e := *s.vendor
					e.Note = "customer's own infrastructure (" + strings.TrimPrefix(e.Note, "vendor obligation (")
					s.customer = &e
				}
				s.vendor = nil
			}
		}
	}
	var rows []MatrixRow
	for _, d := range Domains {
		row := MatrixRow{Domain: d.Code, Title: d.Title, QuestionnaireOwner: OwnerUnassigned, AgreementOwner: OwnerUnassigned, Evidence: []Evidence{}}
		if q := in.Questionnaire; q != nil {
			counts := map[Owner]int{}
			var items []int
			inferred, stated := 0, 0
			for i := range q.Items {
				if qc.place.Items[i].Domain != d.Code {
					continue
				}
				o, inf := qc.itemOwner(i)
				counts[o]++
				switch {
				case inf:
					inferred++
				case o != OwnerUnassigned:
					stated++
				}
				items = append(items, i)
			}
			if len(items) > 0 {
				row.QuestionnaireCount = counts
				row.QuestionnaireOwner = aggregateOwner(counts)
				row.QuestionnaireInferred = inferred
				switch {
				case inferred > 0 && stated > 0:
					row.QuestionnaireBasis = "stated and inferred"
				case inferred > 0:
					row.QuestionnaireBasis = "inferred"
				case stated > 0:
					row.QuestionnaireBasis = "stated"
				}
				row.Evidence = append(row.Evidence, qc.ownerEvidence(items, row.QuestionnaireOwner, counts, inferred)...)
			}
		}
		var vendorEv, customerEv *Evidence
		if a := byDomain[d.Code]; a != nil {
			if len(a.vendor) > 0 {
				e := a.vendor[0].evidence("vendor obligation")
				vendorEv = &e
			}
			if len(a.customer) > 0 {
				e := a.customer[0].evidence("customer obligation")
				customerEv = &e
			}
		}
		if s := sides[d.Code]; s != nil {
			// The finding's quote before the first sentence that only
			// names a word of the domain.
			vendorEv = cmp.Or(s.vendor, vendorEv)
			customerEv = cmp.Or(s.customer, customerEv)
		}
		switch {
		case vendorEv != nil && customerEv != nil:
			row.AgreementOwner = OwnerShared
		case vendorEv != nil:
			row.AgreementOwner = OwnerVendor
		case customerEv != nil:
			row.AgreementOwner = OwnerCustomer
		}
		for _, e := range []*Evidence{vendorEv, customerEv} {
			if e != nil {
				row.Evidence = append(row.Evidence, *e)
			}
		}
		row.Owner, row.Status = combine(row.QuestionnaireOwner, row.AgreementOwner, termsMet[d.Code])
		row.Expected, row.Surprise = expectedSplit(d.Code, model, row.Owner)
		if row.Surprise != "" && row.QuestionnaireOwner == OwnerUnassigned && len(row.Evidence) > 0 {
			// Say what the owner was read from (new-user trial 39).
			e := row.Evidence[0]
			at := "the agreement"
			if e.Section != "" {
				at = "section " + e.Section
			}
			row.Surprise += fmt.Sprintf(" (read from %s: %s)", at, e.Note)
		}
		rows = append(rows, row)
	}
	return rows
}

// ItemOwner maps an item's ownership onto the owner model; a matrix that
// names the vendor itself as the owner ("Meridian") means the vendor, given
// the vendor's names.
func ItemOwner(it extract.Item, names ...string) Owner {
	o, ok := ParseOwner(it.Ownership)
	if ok || o != OwnerUnassigned {
		return o
	}
	own := strings.ToLower(strings.TrimSpace(it.Ownership))
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if n != "" && (own == n || strings.HasPrefix(own, n+" ") || strings.HasPrefix(n, own+" ")) {
			return OwnerVendor
		}
	}
	return OwnerUnassigned
}

// aggregateOwner reduces item owners to one: shared when any item is shared
// or items split between vendor and customer; otherwise the most frequent
// assigned owner (ties go to vendor, then third-party, then customer).
func aggregateOwner(c map[Owner]int) Owner {
	if c[OwnerShared] > 0 || (c[OwnerVendor] > 0 && c[OwnerCustomer] > 0) {
		return OwnerShared
	}
	best, n := OwnerUnassigned, 0
	for _, o := range []Owner{OwnerVendor, OwnerThirdParty, OwnerCustomer, OwnerNotApplicable} {
		if c[o] > n {
			best, n = o, c[o]
		}
	}
	return best
}

// ownerEvidence quotes the first item of a domain whose owner is the
// domain's, saying how many items were counted and how many owners were
// inferred from the answers.
func (qc *qcontext) ownerEvidence(items []int, owner Owner, counts map[Owner]int, inferred int) []Evidence {
	var parts []string
	for _, o := range sortedOwners(counts) {
		parts = append(parts, fmt.Sprintf("%s %d", o, counts[o]))
	}
	note := fmt.Sprintf("questionnaire ownership over %d item(s): %s", len(items), strings.Join(parts, ", "))
	if inferred > 0 {
		note += fmt.Sprintf("; %d inferred from the answers (the form states no owner for them)", inferred)
	}
	for _, i := range items {
		o, inf := qc.itemOwner(i)
		if o != owner && !(owner == OwnerShared && o != OwnerUnassigned) {
			continue
		}
		it := qc.q.Items[i]
		sheet, cell := it.Sheet, it.Cell
		text := it.ID + " ownership: " + it.Ownership
		if inf {
			text = it.ID + ": " + it.Answer + " (owner inferred from the answer: " + string(o) + ")"
		}
		return []Evidence{{File: qc.q.Path, Sheet: &sheet, Cell: &cell, Text: trimQuote(text), Note: note}}
	}
	return nil
}

// combine decides a domain's owner and matrix status from both sources.
func combine(q, a Owner, termsMet bool) (Owner, string) {
	known := func(o Owner) bool { return o != OwnerUnassigned && o != OwnerNotApplicable }
	owner := q
	switch {
	case !known(q) && !known(a):
		if q == OwnerNotApplicable {
			return OwnerNotApplicable, MatrixUnassigned
		}
		return OwnerUnassigned, MatrixUnassigned
	case !known(q):
		owner = a
	case known(a) && q != a:
		if (q == OwnerVendor && a == OwnerCustomer) || (q == OwnerCustomer && a == OwnerVendor) {
			return q, MatrixConflict
		}
		owner = OwnerShared
	}
	switch owner {
	case OwnerVendor, OwnerThirdParty:
		return owner, MatrixVendor
	case OwnerCustomer:
		return owner, MatrixCustomer
	}
	if termsMet || a == OwnerShared {
		return owner, MatrixSharedWithTerms
	}
	return owner, MatrixSharedWithoutTerms
}

// expected lists, per CCM domain and service model, the owners a reviewer
// expects (DESIGN.md section 2): the customer always owns its data,
// configuration and identities; the vendor always owns the datacenter;
// applications, operating systems, network controls and client devices
// move with the service model. A domain missing here has no expectation.
var expected = map[string]map[string][]Owner{
	"DCS": {"saas": {OwnerVendor, OwnerThirdParty}, "paas": {OwnerVendor, OwnerThirdParty}, "iaas": {OwnerVendor, OwnerThirdParty}},
	"IAM": {"saas": {OwnerShared, OwnerCustomer}, "paas": {OwnerShared, OwnerCustomer}, "iaas": {OwnerShared, OwnerCustomer}},
	"DSP": {"saas": {OwnerShared, OwnerCustomer}, "paas": {OwnerShared, OwnerCustomer}, "iaas": {OwnerShared, OwnerCustomer}},
	"UEM": {"saas": {OwnerShared, OwnerCustomer}, "paas": {OwnerShared, OwnerCustomer}, "iaas": {OwnerShared, OwnerCustomer}},
	"AIS": {"saas": {OwnerVendor, OwnerShared, OwnerThirdParty}, "paas": {OwnerShared, OwnerVendor, OwnerCustomer}, "iaas": {OwnerCustomer, OwnerShared}},
	"TVM": {"saas": {OwnerVendor, OwnerShared, OwnerThirdParty}, "paas": {OwnerVendor, OwnerShared, OwnerThirdParty}, "iaas": {OwnerCustomer, OwnerShared}},
	"IVS": {"saas": {OwnerVendor, OwnerThirdParty, OwnerShared}, "paas": {OwnerVendor, OwnerShared, OwnerThirdParty}},
}

// expectedSplit returns the owners expected for a domain under the service
// model and, when the owner found is not among them, a one-line surprise
// worded for a reader ("Threat & Vulnerability Management (TVM) falls on
// the customer alone here; for SaaS it is usually the vendor's,
// shared or a third party's").
func expectedSplit(domain, model string, owner Owner) ([]Owner, string) {
	want := expected[domain][model]
	if len(want) == 0 {
		return nil, ""
	}
	switch owner {
	case OwnerUnassigned, OwnerNotApplicable:
		return want, ""
	}
	for _, o := range want {
		if o == owner {
			return want, ""
		}
	}
	var names []string
	for _, o := range want {
		names = append(names, ownerReading(o))
	}
	list := names[0]
	if n := len(names); n > 1 {
		list = strings.Join(names[:n-1], ", ") + " or " + names[n-1]
	}
	name := domain
	for _, d := range Domains {
		if d.Code == domain {
			name = d.Title + " (" + domain + ")"
		}
	}
	found := "falls on the " + string(owner) + " alone"
	switch owner {
	case OwnerShared:
		found = "is shared"
	case OwnerThirdParty:
		found = "falls on a third party"
	}
	return want, fmt.Sprintf("%s %s here; for %s it is usually %s", name, found, strings.ToUpper(model[:1])+"aaS", list)
}

// ownerReading names an owner as a reader would after "it is usually".
func ownerReading(o Owner) string {
	switch o {
	case OwnerVendor:
		return "the vendor's"
	case OwnerCustomer:
		return "the customer's"
	case OwnerThirdParty:
		return "a third party's"
	}
	return string(o)
}

// annexMeasure says a unit with no verb (or a statement with no party)
// stands in an annex, exhibit or schedule headed as the technical and
// organisational (or security) measures: one of the vendor's measures
// listed ("Multi-factor authentication for administrators": whose
// administrators the annex says by being the vendor's).
func annexMeasure(u *unit) bool {
	if !u.part || u.frame == nil || !(u.frame.heading["measures"] || u.frame.heading["security-programme"]) || u.frame.heading["customer"] {
		return false
	}
	for _, p := range u.frame.preds {
		if p.negated || p.modality != ModalNone && (p.modality != ModalDeclarative || p.actor != PartyUnknown) {
			return false
		}
	}
	return len(u.frame.preds) > 0
}

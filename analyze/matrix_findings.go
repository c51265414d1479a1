package analyze

import (
	"fmt"
	"strings"
)

// What the responsibility matrix takes from the findings, and the
// sentences it takes no owner from.

// grantsLicence says the predicate grants a licence ("Customer grants
// Provider and its subcontractors a licence to host Customer Data"): a
// permission the grantor gives, no duty of its own in the domain the
// sentence names (new-user trial 35: a licence counted as the customer's
// supply-chain duty).
func grantsLicence(f *Frame, p *predicate) bool {
	return f.anyIn([]string{"licence-grant"}, p.from, p.to)
}

// reIncidentProper is the incident-management domain's keywords less an
// unauthorised use or disclosure as such: a security incident, a breach,
// forensics, incident response (the words: the vocabulary's
// incident-proper class).
var reIncidentProper = newVocabPattern(`(?i){incident-proper}`)

// unauthorisedOnly says the sentence names an incident only as an
// unauthorised access, use or disclosure, with no act of handling one (a
// notice, a response, help): a confidentiality duty ("The parties will be
// responsible for any unauthorised use or disclosure of Confidential
// Information by their Representatives") or a safeguard against one
// ("measures designed to protect against unauthorised access"), no
// incident management (new-user trial 35: incident management shared
// while both incident terms were missing).
func unauthorisedOnly(u *unit) bool {
	f := u.frame
	if f == nil || reIncidentProper.MatchString(u.full()) {
		return false
	}
	for _, c := range []string{"notify", "respond", "assist", "post-incident-report"} {
		if len(f.m.find(c)) > 0 {
			return false
		}
	}
	return true
}

// reSupplyProper is the supply-chain domain's keywords less a third party,
// a supplier or a vendor as such: subprocessors, subcontractors, the
// supply chain (the words: the vocabulary's supply-proper class).
var reSupplyProper = newVocabPattern(`(?i){supply-proper}`)

// confidentialityOnly says the sentence is a confidentiality duty that
// names third parties only as those the information may not reach ("shall
// not disclose the other party's Confidential Information to any third
// party"): no duty over the supply chain (new-user trial 35's kind on
// development documents).
func confidentialityOnly(u *unit) bool {
	f := u.frame
	if f == nil || len(f.m.find("confidential-info"))+len(f.m.find("others-confidential")) == 0 {
		return false
	}
	return !reSupplyProper.MatchString(u.full())
}

// findingSide is a side of a domain the findings show: the lead quote of
// the first finding met or weak whose term that party owns.
type findingSide struct {
	vendor, customer *Evidence
}

// findingSides maps each CCM domain to the sides its findings show, so that
// the matrix does not leave a domain unassigned, or one-sided, where a
// finding on its term is met or weak (new-user trial 35: GRC unassigned
// beside the vendor's security duty met, IAM beside the customer's duty
// for its accounts), and quotes the finding's sentence for that side
// before a sentence that only names a word of the domain. A finding read from the questionnaire alone shows no
// agreement's owner; a term both parties hold (the allocation itself,
// termination rights) names neither side alone.
func findingSides(findings []Finding) map[string]*findingSide {
	out := map[string]*findingSide{}
	for _, want := range []string{StatusMet, StatusWeak} {
		for _, f := range findings {
			if f.Status != want || !IsDomain(f.Domain) || len(f.Evidence) == 0 {
				continue
			}
			e := f.Evidence[0]
			if e.File == "" || e.Sheet != nil {
				continue
			}
			s := out[f.Domain]
			if s == nil {
				s = &findingSide{}
				out[f.Domain] = s
			}
			side := &s.vendor
			switch f.Owner {
			case OwnerVendor, OwnerThirdParty:
			case OwnerCustomer:
				side = &s.customer
			default:
				continue
			}
			if *side == nil {
				note := fmt.Sprintf("%s obligation (finding %s, %s)", ownerSide(f.Owner), f.Rule, f.Status)
				if strings.HasPrefix(e.Note, "red flag") {
					// A red flag is no duty: the vendor's power over
					// the domain, quoted as such.
					note = fmt.Sprintf("%s's part (finding %s, %s; %s)", ownerSide(f.Owner), f.Rule, f.Status, e.Note)
				}
				e.Note = note
				*side = &e
			}
		}
	}
	return out
}

// ownerSide names the party an owner's obligation falls on.
func ownerSide(o Owner) string {
	if o == OwnerCustomer {
		return "customer"
	}
	return "vendor"
}

package analyze

import (
	"sort"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/company"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Subprocessor is a third party the documents name as processing data or
// running part of the service for the vendor.
type Subprocessor struct {
	Name string `json:"name"`
	// Method and Services are an assurance report's for a subservice
	// organization: "carve-out" or "inclusive", and what it does.
	Method   string `json:"method,omitempty"`
	Services string `json:"services,omitempty"`
	// Location and Purpose are a subprocessor table's columns for where
	// the supplier processes and what it does, when the table has them.
	Location string     `json:"location,omitempty"`
	Purpose  string     `json:"purpose,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

var (
	// reSubContext finds sentences that speak about the vendor's own
	// suppliers: subprocessors, subcontractors, hosting providers, also
	// where the vendor says to whom it may disclose data ("our hosting and
	// infrastructure providers", "service providers that store data").
	reSubContext = lazyre.New(`(?i)\b(sub-?processors?|sub-?contractors?|sub-?service organi[sz]ations?|third[- ]party (service |hosting |cloud )?providers?|(hosting|infrastructure)( (and|or|&) (hosting|infrastructure|cloud))? (service )?providers?|service providers? (that|who|which) (host|store|process|operate)|(hosted|housed|run|operated) (by|with|on|in)|infrastructure (is )?provided by|cloud (service )?providers?|data cent(er|re)s? (operated|provided) by)\b`)
	// reCompany finds a company name by its legal form.
	reCompany = lazyre.New(`\b((?:[A-Z][A-Za-z0-9&'’\-]*(?:\.[a-z]{2,4})?\.?\s+){0,4}[A-Z][A-Za-z0-9&'’\-]*(?:\.[a-z]{2,4})?),?\s+(` + legalForms + `)`)
	// reKnownProvider finds the infrastructure and SaaS suppliers vendors
	// name most often without a legal form.
	reKnownProvider = lazyre.New(`\b(Amazon Web Services|AWS|Microsoft Azure|Azure|Google Cloud( Platform)?|GCP|Cloudflare|Akamai|Fastly|Salesforce|Twilio|SendGrid|Stripe|Snowflake|MongoDB Atlas|Datadog|Okta|Auth0|Zendesk|Heroku|DigitalOcean|Oracle Cloud|IBM Cloud|Rackspace|Equinix|Mailgun|Segment|Sentry|New Relic|PagerDuty|Atlassian|Slack|Zoom)\b`)
	// reNotSupplier are capitalised words that are not company names.
	reNotSupplier = lazyre.New(`(?i)^(the|this|such|any|each|all|provider|vendor|customer|client|company|processor|controller|party|parties|agreement|services?)$`)
)

// findSubprocessors lists the suppliers named in subprocessor sentences of
// the agreements and in the questionnaire's supply-chain answers, each with
// where it was named. Names of one company (company.Key) are one supplier,
// shown by its fullest name (company.Fullest).
// own are the names of the agreement's own parties (the vendor's, given or
// read, and the names agreementParties is sure of): a party is never its
// own subprocessor, so a name with the key of one of them is left out.
func findSubprocessors(in Inputs, units []*unit, own []string) []Subprocessor {
	found := map[string]*Subprocessor{}
	var addCell func(name, location, purpose string, ev Evidence)
	var order []string
	var ownKeys []string
	for _, n := range own {
		if k := company.Key(n); k != "" {
			ownKeys = append(ownKeys, " "+k+" ")
		}
	}
	add := func(name string, ev Evidence) { addCell(name, "", "", ev) }
	addCell = func(name, location, purpose string, ev Evidence) {
		name = strings.Join(strings.Fields(strings.Trim(name, " ,;:")), " ")
		key := company.Key(name)
		if key == "" || ownName(ownKeys, key) {
			return
		}
		s := found[key]
		if s == nil {
			s = &Subprocessor{Name: name}
			found[key] = s
			order = append(order, key)
		}
		s.Name = company.Fullest([]string{s.Name, name}) // "Amazon Web Services, Inc." over "AWS"
		s.Location = joinNew(s.Location, location)
		s.Purpose = joinNew(s.Purpose, purpose)
		if len(s.Evidence) < 3 {
			s.Evidence = append(s.Evidence, ev)
		}
	}
	names := func(text string) []string {
		var out []string
		for _, m := range reCompany.FindAllString(text, -1) {
			// The name as written, less leading words that are not part
			// of it ("The Acme Inc." → "Acme Inc.").
			words := strings.Fields(m)
			for len(words) > 1 && reNotSupplier.MatchString(strings.Trim(words[0], ".,")) {
				words = words[1:]
			}
			out = append(out, strings.Join(words, " "))
		}
		out = append(out, reKnownProvider.FindAllString(text, -1)...)
		return out
	}
	for _, u := range units {
		text := u.full()
		if !matchFiltered(reSubContext.Regexp(), text) {
			continue
		}
		for _, n := range names(dropHypothetical(text)) {
			add(n, u.evidence("names a subprocessor"))
		}
	}
	agreementTableSubprocessors(in.Agreements, addCell)
	if q := in.Questionnaire; q != nil {
		for _, it := range q.Items {
			answer := it.Answer + " " + it.Notes + " " + it.CSPImplementation
			if DomainOfID(it.ID) != "STA" && !matchFiltered(reSubContext.Regexp(), it.Question+" "+answer) {
				continue
			}
			for _, n := range names(answer) {
				add(n, itemEvidence(q, it, "names a subprocessor"))
			}
		}
	}
	out := make([]Subprocessor, 0, len(order))
	for _, k := range order {
		out = append(out, *found[k])
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// joinNew adds a table cell's text to what a supplier's column already
// says ("Payment processing; Email delivery"), once.
func joinNew(have, add string) string {
	if add == "" || strings.Contains("; "+have+"; ", "; "+add+"; ") {
		return have
	}
	if have == "" {
		return add
	}
	return have + "; " + add
}

// ownName says a supplier's key is a party's: the same key, or whole words
// of one ("celonis" of the vendor "Make Celonis").
func ownName(ownKeys []string, key string) bool {
	for _, k := range ownKeys {
		if strings.Contains(k, " "+key+" ") {
			return true
		}
	}
	return false
}

var (
	// reConditionOpen opens a sentence with a condition ("If Supplier
	// relies on cloud infrastructure (...):", "Where the Provider uses a
	// hosting provider such as ...,").
	reConditionOpen = lazyre.New(`(?i)^\W*(if|where|when|whenever|should|in the event that|in case|to the extent that)\b`)
	// reExampleNames are the names a condition gives as examples: a
	// parenthesis, or a list after "such as", "for example", "e.g.".
	reExampleNames = lazyre.New(`(?i)\([^()]*\)|\b(such as|for example|for instance|e\.g\.|like)\s[^,:;]*`)
)

// dropHypothetical removes from a sentence that opens with a condition the
// names its condition gives as examples: "If Supplier relies on cloud
// infrastructure (Oracle Cloud, IBM Cloud):" names no supplier the vendor
// uses, only ones it might. The condition ends at the first colon or
// semicolon; the rest is kept.
func dropHypothetical(text string) string {
	t := strings.TrimSpace(text)
	if !reConditionOpen.MatchString(t) {
		return text
	}
	end := strings.IndexAny(t, ":;")
	if end < 0 {
		end = len(t)
	}
	return reExampleNames.ReplaceAllString(t[:end], " ") + t[end:]
}

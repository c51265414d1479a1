package analyze

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/company"
	"github.com/ssrm-dev/ssrm/templates"
	"go.yaml.in/yaml/v3"
)

// AssuranceResult is what the vendor's assurance reports add to an
// analysis (nil when none was given): the reports read, the customer's
// responsibilities they state (the CUECs), and the findings on the reports
// and on how they agree with the agreement and the questionnaire.
type AssuranceResult struct {
	Reports []AssuranceSummary `json:"reports"`
	// CustomerResponsibilities are the CUECs of every report, each placed
	// in its CCM domains: a checklist for the customer's security team.
	CustomerResponsibilities []CustomerResponsibility `json:"customer_responsibilities"`
	// Findings: a modified opinion, each exception, a stale period,
	// categories the agreement relies on but the report does not cover,
	// and the cross-checks with the agreement and the questionnaire.
	Findings []Finding `json:"findings"`
}

// AssuranceSummary describes one assurance report. Dates are "YYYY-MM-DD".
type AssuranceSummary struct {
	Path                string                  `json:"path"`
	Type                string                  `json:"type"`
	ServiceOrganization string                  `json:"service_organization,omitempty"`
	Issuer              string                  `json:"issuer,omitempty"`
	PeriodStart         string                  `json:"period_start,omitempty"`
	PeriodEnd           string                  `json:"period_end,omitempty"`
	PointInTime         bool                    `json:"point_in_time,omitempty"`
	Categories          []string                `json:"categories"`
	Opinion             string                  `json:"opinion,omitempty"`
	System              string                  `json:"system,omitempty"`
	Subservice          []extract.SubserviceOrg `json:"subservice_organizations"`
	CUECs               int                     `json:"cuecs"`
	Exceptions          int                     `json:"exceptions"`
}

// CustomerResponsibility is a CUEC: a control the auditor assumed the
// customer performs, the criteria it supports and the CCM domains they map
// to (templates/assurance/tsc-ccm.yaml), with where the report states it.
type CustomerResponsibility struct {
	Text     string   `json:"text"`
	Criteria []string `json:"criteria"`
	Domains  []string `json:"domains"`
	Evidence Evidence `json:"evidence"`
}

// assuranceData is templates/assurance/{tsc-ccm,aliases,checks}.yaml.
type assuranceData struct {
	criteria                                          map[string][]string
	aliases                                           map[string]string // folded name → shown name
	maxAge                                            int               // months
	promise, type2, exceptionsQ, noExceptions, cleanQ *regexp.Regexp
	reliance                                          map[string]*regexp.Regexp
	// categories are the trust services categories' names, from
	// report.yaml, in its order.
	categories    map[string]*regexp.Regexp
	categoryOrder []string
}

var (
	assuranceDataOnce sync.Once
	assuranceDataV    *assuranceData
	assuranceDataErr  error
)

// loadAssuranceData reads the embedded assurance data once. Its errors
// name the file and key: a defect of the build, caught by the tests.
func loadAssuranceData() (*assuranceData, error) {
	assuranceDataOnce.Do(func() { assuranceDataV, assuranceDataErr = readAssuranceData() })
	return assuranceDataV, assuranceDataErr
}

// WarmAssurance reads the embedded assurance data now instead of in the
// first Run, which needs it for every analysis (its YAML decoded and its
// patterns compiled: a few milliseconds), so that a caller can do it while
// the documents are read. An error is returned again by Run.
func WarmAssurance() { loadAssuranceData() }

func strictYAML(name string, v any) error {
	data, err := templates.Assurance.ReadFile("assurance/" + name)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("assurance/%s: %w", name, err)
	}
	return nil
}

func readAssuranceData() (*assuranceData, error) {
	var tsc struct {
		Schema   string              `yaml:"schema"`
		Basis    string              `yaml:"basis"`
		Source   string              `yaml:"source"`
		Criteria map[string][]string `yaml:"criteria"`
	}
	if err := strictYAML("tsc-ccm.yaml", &tsc); err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, d := range Domains {
		known[d.Code] = true
	}
	for id, ds := range tsc.Criteria {
		for _, d := range ds {
			if !known[d] {
				return nil, fmt.Errorf("assurance/tsc-ccm.yaml: criteria.%s: %q is not a CCM v4 domain code", id, d)
			}
		}
	}
	provs, err := company.Providers()
	if err != nil {
		return nil, err
	}
	d := &assuranceData{criteria: tsc.Criteria, aliases: map[string]string{}, reliance: map[string]*regexp.Regexp{}}
	for _, p := range provs {
		d.aliases[company.Key(p.Name)] = p.Name
		for _, a := range p.Aliases {
			d.aliases[company.Key(a)] = p.Name
		}
	}
	var ch struct {
		Schema             string            `yaml:"schema"`
		MaxAgeMonths       int               `yaml:"max_age_months"`
		ReportPromise      string            `yaml:"report_promise"`
		Type2Promise       string            `yaml:"type2_promise"`
		Reliance           map[string]string `yaml:"reliance"`
		ExceptionsQuestion string            `yaml:"exceptions_question"`
		NoExceptions       string            `yaml:"no_exceptions_answer"`
		CleanQuestion      string            `yaml:"clean_question"`
	}
	if err := strictYAML("checks.yaml", &ch); err != nil {
		return nil, err
	}
	var firstErr error
	re := func(key, src string) *regexp.Regexp {
		r, err := regexp.Compile("(?i)" + src)
		if (err != nil || src == "") && firstErr == nil {
			firstErr = fmt.Errorf("assurance/checks.yaml: %s: bad or empty pattern (%v)", key, err)
		}
		if err != nil {
			return regexp.MustCompile(`$^`)
		}
		return r
	}
	var rep struct {
		Categories []struct {
			ID    string   `yaml:"id"`
			Names []string `yaml:"names"`
		} `yaml:"categories"`
	}
	data, err := templates.Assurance.ReadFile("assurance/report.yaml")
	if err == nil {
		err = yaml.Unmarshal(data, &rep)
	}
	if err != nil {
		return nil, fmt.Errorf("assurance/report.yaml: %w", err)
	}
	d.categories = map[string]*regexp.Regexp{}
	for _, c := range rep.Categories {
		var alts []string
		for _, n := range c.Names {
			alts = append(alts, regexp.QuoteMeta(n))
		}
		d.categories[c.ID] = regexp.MustCompile(`(?i)\b(` + strings.Join(alts, "|") + `)\b`)
		d.categoryOrder = append(d.categoryOrder, c.ID)
	}
	d.maxAge = ch.MaxAgeMonths
	d.promise = re("report_promise", ch.ReportPromise)
	d.type2 = re("type2_promise", ch.Type2Promise)
	d.exceptionsQ = re("exceptions_question", ch.ExceptionsQuestion)
	d.noExceptions = re("no_exceptions_answer", ch.NoExceptions)
	d.cleanQ = re("clean_question", ch.CleanQuestion)
	for k, v := range ch.Reliance {
		d.reliance[k] = re("reliance."+k, v)
	}
	if d.maxAge <= 0 && firstErr == nil {
		firstErr = fmt.Errorf("assurance/checks.yaml: max_age_months: want a positive number of months")
	}
	return d, firstErr
}

// domainsOf maps a criterion ("CC6.1") onto CCM domains: its own entry,
// else its group's ("CC1" for "CC1.3").
func (d *assuranceData) domainsOf(criterion string) []string {
	if ds, ok := d.criteria[criterion]; ok {
		return ds
	}
	if i := strings.IndexByte(criterion, '.'); i > 0 {
		return d.criteria[criterion[:i]]
	}
	return nil
}

// controlDomains places a CUEC or CSOC: the first domain of each
// criterion it names, in the order of Domains; by its words when it names
// none the crosswalk knows.
func (d *assuranceData) controlDomains(c extract.UserControl) []string {
	set := map[string]bool{}
	for _, cr := range c.Criteria {
		if ds := d.domainsOf(cr); len(ds) > 0 {
			set[ds[0]] = true
		}
	}
	if len(set) == 0 {
		for _, dm := range classifyDomains(c.Text) {
			set[dm] = true
		}
	}
	var out []string
	for _, dm := range Domains {
		if set[dm.Code] {
			out = append(out, dm.Code)
		}
	}
	return out
}

// canonical folds a supplier's name through the alias list: key compares
// names, shown is the provider's usual name (or name itself).
func (d *assuranceData) canonical(name string) (key, shown string) {
	key = company.Key(name)
	if s, ok := d.aliases[key]; ok {
		return company.Key(s), s
	}
	return key, name
}

// placeEvidence is the evidence for a part of an assurance report.
func placeEvidence(path string, at extract.Place, text, note string) Evidence {
	e := Evidence{File: path, Section: placeSection(at), Text: trimQuote(text), Note: note}
	if at.Page > 0 {
		p := at.Page
		e.Page = &p
	}
	return e
}

// placeSection writes a place as "Section III, Complementary User Entity
// Controls", "Section II" or the heading alone.
func placeSection(at extract.Place) string {
	switch {
	case at.Section != "" && at.Heading != "":
		return "Section " + at.Section + ", " + at.Heading
	case at.Section != "":
		return "Section " + at.Section
	}
	return at.Heading
}

// assuranceModel reads the reports into the result: summaries, the
// customer's responsibilities, the matrix's customer and third-party
// shares, the merged subprocessors. The findings follow in
// assuranceFindings.
func assuranceModel(res *Result, in Inputs, d *assuranceData, findings []Finding) {
	ar := &AssuranceResult{Reports: []AssuranceSummary{}, CustomerResponsibilities: []CustomerResponsibility{}, Findings: []Finding{}}
	res.Assurance = ar
	cuecs := map[string][]Evidence{}
	thirds := map[string][]string{}
	for _, r := range in.Assurance {
		ar.Reports = append(ar.Reports, AssuranceSummary{Path: r.Path, Type: r.Type, ServiceOrganization: r.ServiceOrganization, Issuer: r.Issuer,
			PeriodStart: r.PeriodStart, PeriodEnd: r.PeriodEnd, PointInTime: r.PointInTime, Categories: r.Categories, Opinion: r.Opinion,
			System: r.System, Subservice: r.Subservice, CUECs: len(r.CUECs), Exceptions: len(r.Exceptions)})
		for _, c := range r.CUECs {
			ev := placeEvidence(r.Path, c.At, c.Text, "customer control the auditor assumed (CUEC)")
			cr := CustomerResponsibility{Text: c.Text, Criteria: c.Criteria, Domains: d.controlDomains(c), Evidence: ev}
			if cr.Domains == nil {
				cr.Domains = []string{}
			}
			ar.CustomerResponsibilities = append(ar.CustomerResponsibilities, cr)
			for _, dm := range cr.Domains {
				cuecs[dm] = append(cuecs[dm], ev)
			}
		}
		for _, s := range r.Subservice {
			for _, c := range s.CSOCs {
				for _, dm := range d.controlDomains(c) {
					if !containsString(thirds[dm], s.Name) {
						thirds[dm] = append(thirds[dm], s.Name)
					}
				}
			}
		}
	}
	termsMet := map[string]bool{}
	for _, f := range findings {
		if f.Status == StatusMet {
			termsMet[f.Domain] = true
		}
	}
	for i := range res.Matrix {
		row := &res.Matrix[i]
		evs, tps := cuecs[row.Domain], thirds[row.Domain]
		if len(evs) == 0 && len(tps) == 0 {
			continue
		}
		row.CustomerControls, row.ThirdParties = len(evs), tps
		switch {
		case len(evs) > 0:
			row.AssuranceOwner = OwnerShared
			row.Evidence = append(row.Evidence, evs[0])
			switch row.Owner {
			case OwnerVendor, OwnerThirdParty, OwnerUnassigned, OwnerNotApplicable:
				if row.Status == MatrixConflict {
					break
				}
				row.Owner, row.Status = OwnerShared, MatrixSharedWithoutTerms
				if termsMet[row.Domain] || row.AgreementOwner == OwnerShared {
					row.Status = MatrixSharedWithTerms
				}
			}
		default:
			row.AssuranceOwner = OwnerThirdParty
			if row.Owner == OwnerUnassigned {
				row.Owner, row.Status = OwnerThirdParty, MatrixVendor
			}
		}
		row.Expected, row.Surprise = expectedSplit(row.Domain, res.ServiceModel, row.Owner)
	}
	mergeSubprocessors(res, in, d)
}

// sameEvidence: the same quote from the same place.
func sameEvidence(a, b Evidence) bool {
	deref := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	pa, pb := 0, 0
	if a.Page != nil {
		pa = *a.Page
	}
	if b.Page != nil {
		pb = *b.Page
	}
	return a.File == b.File && pa == pb && a.Section == b.Section && deref(a.Cell) == deref(b.Cell) && a.Text == b.Text
}

// mergeSubprocessors folds the subprocessors named in different ways
// into one ("AWS" = "Amazon Web Services, Inc."), shown by the name first
// met, adds each report's subservice organizations, and sorts the list by
// name.
func mergeSubprocessors(res *Result, in Inputs, d *assuranceData) {
	byKey := map[string]int{}
	var out []Subprocessor
	add := func(s Subprocessor) {
		key, _ := d.canonical(s.Name)
		if i, ok := byKey[key]; ok {
			o := &out[i]
			for _, e := range s.Evidence {
				if !slices.ContainsFunc(o.Evidence, func(x Evidence) bool { return sameEvidence(x, e) }) {
					o.Evidence = append(o.Evidence, e)
				}
			}
			if o.Method == "" {
				o.Method, o.Services = s.Method, s.Services
			}
			return
		}
		byKey[key] = len(out)
		out = append(out, s)
	}
	for _, s := range res.Subprocessors {
		var evs []Evidence
		for _, e := range s.Evidence {
			if !slices.ContainsFunc(evs, func(x Evidence) bool { return sameEvidence(x, e) }) {
				evs = append(evs, e)
			}
		}
		s.Evidence = evs
		add(s)
	}
	for _, r := range in.Assurance {
		for _, s := range r.Subservice {
			note := "subservice organization"
			if s.Method != "" {
				note += " (" + s.Method + " method)"
			}
			text := s.Name
			if s.Services != "" {
				text += ": " + s.Services
			}
			add(Subprocessor{Name: s.Name, Method: s.Method, Services: s.Services, Evidence: []Evidence{placeEvidence(r.Path, s.At, text, note)}})
		}
	}
	if out == nil {
		out = []Subprocessor{}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	res.Subprocessors = out
}

// assuranceVerdict lets the assurance findings move the verdict the rules
// gave: a critical one (an adverse opinion, a disclaimer) fails the
// vendor; a high one turns a pass into a review. The score is the rules'
// alone.
func assuranceVerdict(res *Result) {
	if res.Assurance == nil {
		return
	}
	for _, f := range res.Assurance.Findings {
		switch {
		case f.Status == StatusMet:
		case f.Severity == SeverityCritical:
			res.Verdict = VerdictFail
		case f.Severity == SeverityHigh && res.Verdict == VerdictPass:
			res.Verdict = VerdictReview
		}
	}
}

package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"

	ssrmdata "github.com/ssrm-dev/ssrm/templates"
	"go.yaml.in/yaml/v3"
)

// KindAssurance is the role of an assurance report (SOC 2, SOC 1, SOC 3,
// ISO/IEC 27001 certificate, bridge letter).
const KindAssurance Kind = "assurance"

// Assurance report types, as AssuranceReport.Type.
const (
	AssuranceSOC2Type2    = "soc2-type2"
	AssuranceSOC2Type1    = "soc2-type1"
	AssuranceSOC1Type2    = "soc1-type2"
	AssuranceSOC1Type1    = "soc1-type1"
	AssuranceSOC3         = "soc3"
	AssuranceISO27001     = "iso27001"
	AssuranceBridgeLetter = "bridge-letter"
)

// Opinions of a service auditor, as AssuranceReport.Opinion ("" when the
// report states none, as a certificate or a bridge letter).
const (
	OpinionUnqualified = "unqualified"
	OpinionQualified   = "qualified"
	OpinionAdverse     = "adverse"
	OpinionDisclaimer  = "disclaimer"
)

// AssuranceReport is an assurance report read from a PDF, DOCX, Markdown or
// text file: what it covers, who gave it, the opinion, and the parts of it
// that put work on the customer (CUECs) or on third parties (subservice
// organizations), with the exceptions the auditor found. Dates are
// "YYYY-MM-DD" ("" when not stated).
type AssuranceReport struct {
	Path string `json:"path"`
	// Format is "pdf", "docx", "md" or "txt".
	Format    string `json:"format"`
	Paginated bool   `json:"paginated"`
	// Type is one of the Assurance* constants.
	Type string `json:"type"`
	// ServiceOrganization is the vendor the report is about, as named.
	ServiceOrganization string `json:"service_organization,omitempty"`
	// Issuer is the service auditor (the certification body for a
	// certificate; the signer for a bridge letter).
	Issuer   string `json:"issuer,omitempty"`
	IssuerAt *Place `json:"issuer_at,omitempty"`
	// PeriodStart and PeriodEnd bound the period examined (Type II, SOC 3,
	// a bridge letter's gap) or the certificate's validity; a point in
	// time (Type I) has PointInTime set and only PeriodEnd.
	PeriodStart string `json:"period_start,omitempty"`
	PeriodEnd   string `json:"period_end,omitempty"`
	PointInTime bool   `json:"point_in_time,omitempty"`
	PeriodAt    *Place `json:"period_at,omitempty"`
	// Categories are the trust services categories in scope ("security",
	// "availability", "processing-integrity", "confidentiality",
	// "privacy"), in that order.
	Categories   []string `json:"categories"`
	CategoriesAt *Place   `json:"categories_at,omitempty"`
	// Opinion is one of the Opinion* constants, or "".
	Opinion   string `json:"opinion,omitempty"`
	OpinionAt *Place `json:"opinion_at,omitempty"`
	// Qualification is the basis the auditor gives for a qualified or
	// adverse opinion, or for a disclaimer, as written.
	Qualification string `json:"qualification,omitempty"`
	// System names the system and services in scope.
	System      string             `json:"system,omitempty"`
	Subservice  []SubserviceOrg    `json:"subservice_organizations"`
	CUECs       []UserControl      `json:"cuecs"`
	Exceptions  []ControlException `json:"exceptions"`
	Pages       []Page             `json:"pages"`
	Recognition []string           `json:"recognition,omitempty"`
}

// Place is where a part of an assurance report was read: the 1-based page
// (0 when the format has no pages), the AICPA section ("I" to "V", "" when
// the report has none) and the heading under which it stands.
type Place struct {
	Page    int    `json:"page,omitempty"`
	Section string `json:"section,omitempty"`
	Heading string `json:"heading,omitempty"`
}

// UserControl is a complementary user entity control (a CUEC): a control
// the auditor assumed the customer performs, and the criteria or control
// objectives it supports ("CC6.1").
type UserControl struct {
	Text     string   `json:"text"`
	Criteria []string `json:"criteria"`
	At       Place    `json:"at"`
}

// SubserviceOrg is a subservice organization of the vendor, with the
// method the report uses for it ("carve-out" or "inclusive", "" when not
// stated) and the controls the auditor assumed it performs (CSOCs).
type SubserviceOrg struct {
	Name     string        `json:"name"`
	Services string        `json:"services,omitempty"`
	Method   string        `json:"method,omitempty"`
	CSOCs    []UserControl `json:"csocs"`
	At       Place         `json:"at"`
}

// ControlException is a deviation the auditor found in testing a control:
// the control's id and activity, the test, the deviation and management's
// response, as written.
type ControlException struct {
	Control   string `json:"control"`
	Activity  string `json:"activity,omitempty"`
	Test      string `json:"test,omitempty"`
	Deviation string `json:"deviation"`
	Response  string `json:"response,omitempty"`
	At        Place  `json:"at"`
}

// assuranceVocab is templates/assurance/report.yaml compiled.
type assuranceVocab struct {
	prefilter []string
	kinds     []struct {
		id      string
		min     int
		all     []*regexp.Regexp
		require []*regexp.Regexp
	}
	types []struct {
		id    string
		match *regexp.Regexp
	}
	sections []struct {
		id, title string
		heading   *regexp.Regexp
	}
	headings   map[string]*regexp.Regexp
	itemStarts []*regexp.Regexp
	opinions   []struct {
		id    string
		match *regexp.Regexp
	}
	categories []struct {
		id    string
		names *regexp.Regexp
	}
	categoryScope, criteria, controlID, tableHeader, testStarts *regexp.Regexp
	resultOK, resultException, responseLabel                    *regexp.Regexp
	methods                                                     map[string]*regexp.Regexp
	labels                                                      map[string]*regexp.Regexp
	period, asOf, system, organization, firm                    *regexp.Regexp
	subserviceName, bridgeCue                                   *regexp.Regexp
	// companyInText is subserviceName's legal-form alternative, anywhere
	// in a sentence.
	companyInText *regexp.Regexp
}

type assuranceYAML struct {
	Schema    string   `yaml:"schema"`
	Prefilter []string `yaml:"prefilter"`
	Kinds     []struct {
		ID      string   `yaml:"id"`
		Title   string   `yaml:"title"`
		Min     int      `yaml:"min"`
		All     []string `yaml:"all"`
		Require []string `yaml:"require"`
	} `yaml:"kinds"`
	Types []struct {
		ID    string `yaml:"id"`
		Match string `yaml:"match"`
	} `yaml:"types"`
	Sections []struct {
		ID      string `yaml:"id"`
		Title   string `yaml:"title"`
		Heading string `yaml:"heading"`
	} `yaml:"sections"`
	Headings   map[string]string `yaml:"headings"`
	ItemStarts []string          `yaml:"item_starts"`
	Opinions   []struct {
		ID    string `yaml:"id"`
		Match string `yaml:"match"`
	} `yaml:"opinions"`
	Categories []struct {
		ID    string   `yaml:"id"`
		Names []string `yaml:"names"`
	} `yaml:"categories"`
	CategoryScope    string            `yaml:"category_scope"`
	Criteria         string            `yaml:"criteria"`
	ControlID        string            `yaml:"control_id"`
	TableHeader      string            `yaml:"table_header"`
	TestStarts       string            `yaml:"test_starts"`
	ResultOK         string            `yaml:"result_ok"`
	ResultException  string            `yaml:"result_exception"`
	ResponseLabel    string            `yaml:"response_label"`
	Methods          map[string]string `yaml:"methods"`
	Labels           map[string]string `yaml:"labels"`
	Period           string            `yaml:"period"`
	AsOf             string            `yaml:"as_of"`
	System           string            `yaml:"system"`
	OrganizationText string            `yaml:"organization_text"`
	Firm             string            `yaml:"firm"`
	SubserviceName   string            `yaml:"subservice_name"`
	BridgeCue        string            `yaml:"bridge_period_cue"`
}

var (
	assuranceOnce sync.Once
	assuranceVoc  *assuranceVocab
	assuranceErr  error
)

// loadAssuranceVocab compiles the embedded report.yaml once. Its error is
// a defect of the embedded data, named by file and key.
func loadAssuranceVocab() (*assuranceVocab, error) {
	assuranceOnce.Do(func() {
		data, err := ssrmdata.Assurance.ReadFile("assurance/report.yaml")
		if err != nil {
			assuranceErr = err
			return
		}
		assuranceVoc, assuranceErr = compileAssuranceVocab(data)
	})
	return assuranceVoc, assuranceErr
}

// compileAssuranceVocab reads report.yaml's bytes strictly (unknown keys
// are errors) and compiles its patterns case-insensitively.
func compileAssuranceVocab(data []byte) (*assuranceVocab, error) {
	var y assuranceYAML
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&y); err != nil {
		return nil, fmt.Errorf("assurance/report.yaml: %w", err)
	}
	if y.Schema != "ssrm.assurance/v1" {
		return nil, fmt.Errorf("assurance/report.yaml: schema %q, want ssrm.assurance/v1", y.Schema)
	}
	var firstErr error
	re := func(key, src string) *regexp.Regexp {
		if src == "" && firstErr == nil {
			firstErr = fmt.Errorf("assurance/report.yaml: %s: empty pattern", key)
		}
		r, err := regexp.Compile("(?im)" + src)
		if err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("assurance/report.yaml: %s: %w", key, err)
			}
			return regexp.MustCompile(`$^`)
		}
		return r
	}
	v := &assuranceVocab{headings: map[string]*regexp.Regexp{}, methods: map[string]*regexp.Regexp{}, labels: map[string]*regexp.Regexp{}}
	for _, w := range y.Prefilter {
		v.prefilter = append(v.prefilter, strings.ToLower(w))
	}
	if len(v.prefilter) == 0 {
		return nil, fmt.Errorf("assurance/report.yaml: prefilter: want at least one word")
	}
	for _, k := range y.Kinds {
		var c struct {
			id      string
			min     int
			all     []*regexp.Regexp
			require []*regexp.Regexp
		}
		c.id, c.min = k.ID, k.Min
		for _, p := range k.All {
			c.all = append(c.all, re("kinds."+k.ID+".all", p))
		}
		for _, p := range k.Require {
			c.require = append(c.require, re("kinds."+k.ID+".require", p))
		}
		v.kinds = append(v.kinds, c)
	}
	for _, t := range y.Types {
		v.types = append(v.types, struct {
			id    string
			match *regexp.Regexp
		}{t.ID, re("types."+t.ID, t.Match)})
	}
	for _, s := range y.Sections {
		v.sections = append(v.sections, struct {
			id, title string
			heading   *regexp.Regexp
		}{s.ID, s.Title, re("sections."+s.ID, s.Heading)})
	}
	for _, k := range []string{"cuecs", "subservice", "csocs", "tests", "responses", "qualification", "opinion"} {
		v.headings[k] = re("headings."+k, y.Headings[k])
	}
	for _, p := range y.ItemStarts {
		v.itemStarts = append(v.itemStarts, re("item_starts", p))
	}
	for _, o := range y.Opinions {
		v.opinions = append(v.opinions, struct {
			id    string
			match *regexp.Regexp
		}{o.ID, re("opinions."+o.ID, o.Match)})
	}
	for _, c := range y.Categories {
		alts := ""
		for i, n := range c.Names {
			if i > 0 {
				alts += "|"
			}
			alts += regexp.QuoteMeta(n)
		}
		v.categories = append(v.categories, struct {
			id    string
			names *regexp.Regexp
		}{c.ID, re("categories."+c.ID, `\b(`+alts+`)\b`)})
	}
	v.categoryScope = re("category_scope", y.CategoryScope)
	v.criteria = re("criteria", y.Criteria)
	v.controlID = re("control_id", y.ControlID)
	v.tableHeader = re("table_header", y.TableHeader)
	v.testStarts = re("test_starts", y.TestStarts)
	v.resultOK = re("result_ok", y.ResultOK)
	v.resultException = re("result_exception", y.ResultException)
	v.responseLabel = re("response_label", y.ResponseLabel)
	for _, k := range []string{"carve-out", "inclusive"} {
		v.methods[k] = re("methods."+k, y.Methods[k])
	}
	for _, k := range []string{"issuer", "organization", "scope", "issued", "expires", "categories"} {
		v.labels[k] = re("labels."+k, y.Labels[k])
	}
	v.period = re("period", y.Period)
	v.bridgeCue = re("bridge_period_cue", y.BridgeCue)
	v.asOf = re("as_of", y.AsOf)
	v.system = re("system", y.System)
	// Case matters in names: a name is told by its capitals.
	exact := func(key, src string) *regexp.Regexp {
		r, err := regexp.Compile(src)
		if (err != nil || src == "") && firstErr == nil {
			firstErr = fmt.Errorf("assurance/report.yaml: %s: bad or empty pattern (%v)", key, err)
		}
		if err != nil {
			return regexp.MustCompile(`$^`)
		}
		return r
	}
	v.organization = exact("organization_text", y.OrganizationText)
	v.firm = exact("firm", y.Firm)
	v.subserviceName = exact("subservice_name", y.SubserviceName)
	if i := strings.Index(y.SubserviceName, "|(?P<name2>"); strings.HasPrefix(y.SubserviceName, "^(?:") && i > 0 {
		v.companyInText = exact("subservice_name", "(?:"+y.SubserviceName[len("^(?:"):i]+")")
	} else if firstErr == nil {
		firstErr = fmt.Errorf("assurance/report.yaml: subservice_name: want ^(?:(?P<name>...)...|(?P<name2>...)...)")
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return v, nil
}

package report

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/ssrm-dev/ssrm/analyze"
)

// oscalRenderer exports the responsibility matrix as an OSCAL 1.1 component
// definition: the vendor's service is one component; its control
// implementations hold one implemented requirement per CCM v4 domain (the
// ownership and matrix status) and one per CCM control the rules cite (the
// contract terms found). Each requirement has a "provided" statement (what
// the vendor does, role provider) and a "responsibility" statement (what the
// customer must satisfy, role customer) where the documents say so.
//
// UUIDs are version 5 (SHA-1, RFC 9562) derived from the content, and
// metadata.last-modified is Options.Modified (or SOURCE_DATE_EPOCH), so the
// same input gives the same bytes on every run.
type oscalRenderer struct{}

// OSCALVersion is the OSCAL release the export follows.
const OSCALVersion = "1.1.2"

// oscalNS is the namespace of ssrm's own props; ccmSource names the catalog.
const (
	oscalNS   = "https://github.com/ssrm-dev/ssrm/ns/oscal"
	ccmSource = "https://cloudsecurityalliance.org/artifacts/cloud-controls-matrix-v4"
)

// uuidNS is the v5 namespace every ssrm OSCAL UUID is derived in.
var uuidNS = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/ssrm-dev/ssrm/oscal"))

// now is the clock for metadata.last-modified when neither Options.Modified
// nor SOURCE_DATE_EPOCH gives a time (tests fix it).
var now = time.Now

type oscalProp struct {
	Name    string `json:"name"`
	NS      string `json:"ns,omitempty"`
	Value   string `json:"value"`
	Remarks string `json:"remarks,omitempty"`
}

type oscalRole struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type oscalResponsibleRole struct {
	RoleID string `json:"role-id"`
}

type oscalStatement struct {
	StatementID      string                 `json:"statement-id"`
	UUID             string                 `json:"uuid"`
	Description      string                 `json:"description"`
	ResponsibleRoles []oscalResponsibleRole `json:"responsible-roles,omitempty"`
}

type oscalRequirement struct {
	UUID             string                 `json:"uuid"`
	ControlID        string                 `json:"control-id"`
	Description      string                 `json:"description"`
	Props            []oscalProp            `json:"props,omitempty"`
	ResponsibleRoles []oscalResponsibleRole `json:"responsible-roles,omitempty"`
	Statements       []oscalStatement       `json:"statements,omitempty"`
}

type oscalControlImplementation struct {
	UUID                    string             `json:"uuid"`
	Source                  string             `json:"source"`
	Description             string             `json:"description"`
	ImplementedRequirements []oscalRequirement `json:"implemented-requirements"`
}

type oscalComponent struct {
	UUID                   string                       `json:"uuid"`
	Type                   string                       `json:"type"`
	Title                  string                       `json:"title"`
	Description            string                       `json:"description"`
	Props                  []oscalProp                  `json:"props,omitempty"`
	ControlImplementations []oscalControlImplementation `json:"control-implementations"`
}

type oscalMetadata struct {
	Title        string      `json:"title"`
	LastModified string      `json:"last-modified"`
	Version      string      `json:"version"`
	OSCALVersion string      `json:"oscal-version"`
	Roles        []oscalRole `json:"roles"`
	Props        []oscalProp `json:"props,omitempty"`
}

type oscalComponentDefinition struct {
	UUID       string           `json:"uuid"`
	Metadata   oscalMetadata    `json:"metadata"`
	Components []oscalComponent `json:"components"`
}

// OSCALDocument is the root of the export: {"component-definition": ...}.
type OSCALDocument struct {
	ComponentDefinition oscalComponentDefinition `json:"component-definition"`
}

func (r oscalRenderer) Render(w io.Writer, res *analyze.Result) error {
	return r.RenderOptions(w, res, Options{})
}

func (oscalRenderer) RenderOptions(w io.Writer, res *analyze.Result, opts Options) error {
	at, err := stamp(opts)
	if err != nil {
		return err
	}
	if at.IsZero() {
		at = now()
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(oscalAt(res, at))
}

// oscalControlID makes a CCM id an OSCAL token: "SEF-07" → "sef-07",
// "A&A-02" → "aa-02" (the "&" is not allowed in a token).
func oscalControlID(id string) string {
	return strings.ToLower(strings.ReplaceAll(id, "&", ""))
}

func rolesFor(o analyze.Owner) []oscalResponsibleRole {
	switch o {
	case analyze.OwnerVendor, analyze.OwnerThirdParty:
		return []oscalResponsibleRole{{"provider"}}
	case analyze.OwnerCustomer:
		return []oscalResponsibleRole{{"customer"}}
	case analyze.OwnerShared:
		return []oscalResponsibleRole{{"provider"}, {"customer"}}
	}
	return nil
}

// OSCAL builds the component definition for a result, last modified now.
func OSCAL(res *analyze.Result) OSCALDocument { return oscalAt(res, now()) }

// oscalAt builds the component definition, last modified at.
func oscalAt(res *analyze.Result, at time.Time) OSCALDocument {
	vendor := res.Vendor
	if vendor == "" {
		vendor = "vendor not named"
	}
	id := func(parts ...string) string {
		return uuid.NewSHA1(uuidNS, []byte(strings.Join(append([]string{vendor}, parts...), "\x00"))).String()
	}
	content, _ := json.Marshal(res)
	sum := sha256.Sum256(content)
	parts := partsByDomain(res)

	var reqs []oscalRequirement
	statements := func(cid string, csp, csc []string) []oscalStatement {
		var out []oscalStatement
		if len(csp) > 0 {
			sid := cid + "_smt.provided"
			out = append(out, oscalStatement{StatementID: sid, UUID: id("statement", sid), Description: strings.Join(csp, "\n\n"), ResponsibleRoles: []oscalResponsibleRole{{"provider"}}})
		}
		if len(csc) > 0 {
			sid := cid + "_smt.responsibility"
			out = append(out, oscalStatement{StatementID: sid, UUID: id("statement", sid), Description: strings.Join(csc, "\n\n"), ResponsibleRoles: []oscalResponsibleRole{{"customer"}}})
		}
		return out
	}
	for _, m := range res.Matrix {
		cid := oscalControlID(m.Domain)
		props := []oscalProp{
			{Name: "responsibility", NS: oscalNS, Value: string(m.Owner)},
			{Name: "matrix-status", NS: oscalNS, Value: m.Status},
			{Name: "questionnaire-owner", NS: oscalNS, Value: string(m.QuestionnaireOwner)},
			{Name: "agreement-owner", NS: oscalNS, Value: string(m.AgreementOwner)},
			{Name: "ccm-id", NS: oscalNS, Value: m.Domain},
		}
		if c := CAIQOwnership(m.Owner); c != "" {
			props = append(props, oscalProp{Name: "caiq-ssrm-control-ownership", NS: oscalNS, Value: c})
		}
		var csp, csc []string
		if p := parts[m.Domain]; p != nil {
			csp, csc = p.CSP, p.CSC
		}
		if m.Status == analyze.MatrixSharedWithoutTerms {
			csc = append(csc, "Shared, but the agreement names no cooperation terms for this domain.")
		}
		reqs = append(reqs, oscalRequirement{
			UUID: id("requirement", cid), ControlID: cid,
			Description: fmt.Sprintf("CCM v4 domain %s (%s): owner %s, status %s (questionnaire %s, agreement %s).", m.Domain, m.Title, m.Owner, m.Status, m.QuestionnaireOwner, m.AgreementOwner),
			Props:       props, ResponsibleRoles: rolesFor(m.Owner), Statements: statements(cid, csp, csc),
		})
	}
	// One requirement per CCM control that the rules cite, in rule order.
	byControl := map[string][]analyze.Finding{}
	var controls []string
	for _, f := range res.Findings {
		for _, c := range ccmControls(f) {
			if _, ok := byControl[c]; !ok {
				controls = append(controls, c)
			}
			byControl[c] = append(byControl[c], f)
		}
	}
	for _, c := range controls {
		cid := oscalControlID(c)
		var desc, csp, csc []string
		props := []oscalProp{{Name: "ccm-id", NS: oscalNS, Value: c}}
		roles := map[analyze.Owner]bool{}
		for _, f := range byControl[c] {
			desc = append(desc, fmt.Sprintf("%s (%s): %s; %s.", f.Title, f.Rule, f.Status, f.Explanation))
			props = append(props, oscalProp{Name: "term-status", NS: oscalNS, Value: f.Status, Remarks: f.Rule})
			roles[f.Owner] = true
			line := f.Title
			if f.Status == analyze.StatusMet || f.Status == analyze.StatusWeak {
				if len(f.Evidence) > 0 {
					line += ": " + quoteAt(f.Evidence[0])
				}
			} else if f.Status == analyze.StatusNotCovered {
				line += " (not covered by the documents sent: usually in " + f.UsuallyIn + "; recommended wording: " + f.Recommendation + ")"
			} else {
				line += " (" + f.Status + " in the agreement; recommended wording: " + f.Recommendation + ")"
			}
			if f.Owner == analyze.OwnerCustomer {
				csc = append(csc, line)
			} else {
				csp = append(csp, line)
			}
		}
		var rr []oscalResponsibleRole
		if roles[analyze.OwnerVendor] || roles[analyze.OwnerThirdParty] || roles[analyze.OwnerShared] {
			rr = append(rr, oscalResponsibleRole{"provider"})
		}
		if roles[analyze.OwnerCustomer] || roles[analyze.OwnerShared] {
			rr = append(rr, oscalResponsibleRole{"customer"})
		}
		reqs = append(reqs, oscalRequirement{UUID: id("requirement", cid), ControlID: cid, Description: strings.Join(desc, " "),
			Props: props, ResponsibleRoles: rr, Statements: statements(cid, csp, csc)})
	}
	comp := oscalComponent{
		UUID: id("component"), Type: "service", Title: vendor,
		Description: fmt.Sprintf("%s, a %s service, as its security questionnaire and agreement describe it (ssrm: %s).", vendor, strings.ToUpper(res.ServiceModel), res.Line()),
		Props: []oscalProp{
			{Name: "score", NS: oscalNS, Value: res.ScoreText()},
			{Name: "verdict", NS: oscalNS, Value: res.Verdict},
			{Name: "service-model", NS: oscalNS, Value: res.ServiceModel},
		},
		ControlImplementations: []oscalControlImplementation{{
			UUID: id("control-implementation", ccmSource), Source: ccmSource,
			Description:             "The shared security responsibility model read from the vendor's documents, by CSA CCM v4 domain and control.",
			ImplementedRequirements: reqs,
		}},
	}
	for _, w := range res.Warnings {
		// A warning about the result as a whole (the documents name
		// different vendors): the code as the value, the message as the
		// remarks.
		comp.Props = append(comp.Props, oscalProp{Name: "warning", NS: oscalNS, Value: w.Code, Remarks: w.Message})
	}
	return OSCALDocument{oscalComponentDefinition{
		UUID: uuid.NewSHA1(uuidNS, sum[:]).String(),
		Metadata: oscalMetadata{
			Title:        "ssrm responsibility matrix: " + vendor,
			LastModified: at.UTC().Format(time.RFC3339),
			Version:      analyze.Schema,
			OSCALVersion: OSCALVersion,
			Roles:        []oscalRole{{"provider", "Cloud service provider (the vendor)"}, {"customer", "Cloud service customer"}},
		},
		Components: []oscalComponent{comp},
	}}
}

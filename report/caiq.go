package report

import (
	"io"
	"slices"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// caiqRenderer exports the responsibility matrix as a CAIQ-v4-shaped sheet
// (one row per CCM v4 domain): the control id, the SSRM control ownership
// in CAIQ's own words, and the CSP and CSC parts, so that GRC tools that
// import CAIQ can take ssrm's reading of the documents.
type caiqRenderer struct{}

// SheetCAIQ is the CAIQ export's sheet.
const SheetCAIQ = "CAIQv4 SSRM"

// SheetWarnings is the CAIQ export's sheet of the result's warnings
// (analyze.Result.Warnings), written only when there are any.
const SheetWarnings = "ssrm warnings"

// CAIQOwnership gives an owner in the words of CAIQ v4's "SSRM Control
// Ownership" column (DESIGN.md section 2); unassigned is blank.
func CAIQOwnership(o analyze.Owner) string {
	switch o {
	case analyze.OwnerVendor:
		return "CSP-owned"
	case analyze.OwnerCustomer:
		return "CSC-owned"
	case analyze.OwnerShared:
		return "Shared CSP and CSC"
	case analyze.OwnerThirdParty:
		return "3rd-party outsourced"
	case analyze.OwnerNotApplicable:
		return "NA"
	}
	return ""
}

var reCCMControl = lazyre.New(`\bCCM v4 ([A-Z&]{3}-\d{2})\b`)

// ccmControls lists the CCM v4 control ids a finding's sources cite.
func ccmControls(f analyze.Finding) []string {
	var out []string
	for _, s := range f.Sources {
		for _, m := range reCCMControl.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// domainParts are what the vendor and the customer do in one domain,
// from the matrix evidence and the findings whose rule sits in it.
type domainParts struct {
	CSP, CSC []string
	Controls []string
	Findings []analyze.Finding
}

func partsByDomain(res *analyze.Result) map[string]*domainParts {
	out := map[string]*domainParts{}
	get := func(d string) *domainParts {
		p := out[d]
		if p == nil {
			p = &domainParts{}
			out[d] = p
		}
		return p
	}
	for _, m := range res.Matrix {
		p := get(m.Domain)
		for _, e := range m.Evidence {
			switch {
			case strings.HasSuffix(e.Note, "(CUEC)"):
				// every CUEC is listed below
			case strings.HasPrefix(e.Note, "vendor"):
				p.CSP = append(p.CSP, quoteAt(e))
			case strings.HasPrefix(e.Note, "customer"):
				p.CSC = append(p.CSC, quoteAt(e))
			}
		}
	}
	findings := res.Findings
	if a := res.Assurance; a != nil {
		for _, c := range a.CustomerResponsibilities {
			line := "CUEC: " + c.Text
			if len(c.Criteria) > 0 {
				line += " (" + strings.Join(c.Criteria, ", ") + ")"
			}
			line += " (" + where(c.Evidence) + ")"
			for _, d := range c.Domains {
				get(d).CSC = appendNew(get(d).CSC, line)
			}
		}
		findings = append(slices.Clip(findings), a.Findings...)
	}
	for _, f := range findings {
		p := get(f.Domain)
		p.Findings = append(p.Findings, f)
		p.Controls = appendNew(p.Controls, ccmControls(f)...)
		line := f.Title + " [" + f.Rule + ": " + f.Status + "]"
		if f.Status == analyze.StatusMet || f.Status == analyze.StatusWeak {
			if len(f.Evidence) > 0 {
				line += ": " + quoteAt(f.Evidence[0])
			}
		}
		switch f.Owner {
		case analyze.OwnerCustomer:
			p.CSC = appendNew(p.CSC, line)
		default:
			p.CSP = appendNew(p.CSP, line)
		}
	}
	return out
}

func quoteAt(e analyze.Evidence) string {
	return "“" + e.Text + "” (" + where(e) + ")"
}

func appendNew(list []string, items ...string) []string {
outer:
	for _, s := range items {
		for _, have := range list {
			if have == s {
				continue outer
			}
		}
		list = append(list, s)
	}
	return list
}

func (c caiqRenderer) Render(w io.Writer, res *analyze.Result) error {
	return c.RenderOptions(w, res, Options{})
}

func (caiqRenderer) RenderOptions(w io.Writer, res *analyze.Result, opts Options) error {
	wb, err := newWorkbook(opts)
	if err != nil {
		return err
	}
	defer wb.f.Close()
	parts := partsByDomain(res)
	cols := []column{{"Control ID", 11}, {"CCM Domain Title", 44}, {"SSRM Control Ownership", 22}, {"CSP Implementation Description", 80}, {"CSC Responsibilities", 80}, {"CCM Controls Cited", 20}, {"ssrm Status", 22}, {"Questionnaire Ownership", 22}, {"Agreement Ownership", 22}}
	err = wb.sheet(SheetCAIQ, cols, []int{7}, func(add addFunc) error {
		for _, m := range res.Matrix {
			p := parts[m.Domain]
			if p == nil {
				p = &domainParts{}
			}
			csc := p.CSC
			if m.Status == analyze.MatrixSharedWithoutTerms {
				csc = append(csc, "Shared, but the agreement names no cooperation terms for this domain.")
			}
			if err := add(m.Domain, m.Title, CAIQOwnership(m.Owner), strings.Join(p.CSP, "\n"), strings.Join(csc, "\n"),
				strings.Join(p.Controls, ", "), m.Status, CAIQOwnership(m.QuestionnaireOwner), CAIQOwnership(m.AgreementOwner)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(res.Warnings) > 0 {
		// Beside the CAIQ sheet, so that an import reading it by name is
		// undisturbed: what the reader must know about the whole export.
		err = wb.sheet(SheetWarnings, []column{{"warning", 20}, {"message", 120}, {"sources", 60}}, nil, func(add addFunc) error {
			for _, x := range res.Warnings {
				if err := add(x.Code, x.Message, strings.Join(x.Sources, "\n")); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return wb.write(w)
}

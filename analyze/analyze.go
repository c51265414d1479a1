// Package analyze maps extracted questionnaires and agreements onto the
// shared security responsibility model (CCM v4 domains × owner) and checks
// rule packs of required contract terms, giving findings with evidence, a
// score and a verdict. Pure functions over package extract's types: no file
// formats here.
package analyze

import (
	"context"
	"time"

	"github.com/ssrm-dev/ssrm/extract"
)

// Run analyses one vendor's documents against the rules. It never fails
// on content; ctx is checked between rules so a batch can cancel.
func Run(ctx context.Context, in Inputs, rules *RuleSet, opts Options) (*Result, error) {
	activeRuns.Add(1)
	defer activeRuns.Add(-1)
	defaultModel := opts.ServiceModel == ""
	if defaultModel {
		opts.ServiceModel = "saas"
	}
	res := &Result{Schema: Schema, Vendor: opts.Vendor, ServiceModel: opts.ServiceModel, ServiceModelDefault: defaultModel, Packs: rules.Packs, Contradictions: []Finding{}}
	if res.Vendor != "" {
		res.VendorSource = "given"
	}
	qc := newQContext(in.Questionnaire, rules, opts.Vendor, questionnaireVendor(in.Questionnaire))
	if q := in.Questionnaire; q != nil {
		if res.Vendor == "" && q.Vendor != "" {
			res.Vendor, res.VendorSource = q.Vendor, q.VendorSource
		}
		res.Inputs = append(res.Inputs, qc.input())
	}
	var kinds []DocKind
	for _, a := range in.Agreements {
		in := Input{Path: a.Path, Kind: string(extract.KindAgreement), Format: a.Format, Clauses: len(a.Clauses), OCRPages: a.OCRPages,
			Partial: a.Partial(), UnreadPages: a.Unread, Warnings: a.Warnings}
		dk := DetectKind(a)
		in.DocKind = &dk
		kinds = append(kinds, dk)
		if a.Paginated {
			in.Pages = len(a.Pages)
		}
		res.Inputs = append(res.Inputs, in)
	}
	for _, r := range in.Assurance {
		in := Input{Path: r.Path, Kind: string(extract.KindAssurance), Format: r.Format, ReportType: r.Type}
		if r.Paginated {
			in.Pages = len(r.Pages)
		}
		res.Inputs = append(res.Inputs, in)
	}
	units, parties, skipped := readAgreementsSkipping(in.Agreements, opts.Vendor, rules.Vocabulary)
	named, differ := agreementVendors(in.Agreements, units, parties, rules.Vocabulary)
	if opts.Vendor == "" && (res.Vendor == "" || res.VendorSource == extract.VendorFromProperties) {
		// The agreement's own party definitions name the vendor better
		// than a workbook's properties.
		if named != "" {
			res.Vendor, res.VendorSource = named, VendorFromAgreement
		}
	}
	if res.Vendor == "" {
		res.VendorSource = VendorNone
		if len(differ) > 1 {
			// The agreements name it, but not as one company: say so
			// rather than that no document names it.
			res.VendorSource, res.VendorNames = VendorDiffers, differ
		}
	}
	for _, r := range rules.Rules {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, contra := checkRule(r, units, in, qc)
		res.Findings = append(res.Findings, f)
		if contra != nil {
			res.Contradictions = append(res.Contradictions, *contra)
		}
	}
	byUnreadPart(res, in, units, rules)
	setNotCovered(res, rules.Rules, kinds)
	res.Matrix = buildMatrix(in, units, res.Findings, opts.ServiceModel, qc)
	res.Subprocessors = findSubprocessors(in, units, ownNames(parties, res.Vendor, named))
	res.Warnings = vendorWarnings(vendorNames(in, units, parties, rules.Vocabulary, opts.Vendor, named), res.Subprocessors)
	res.Warnings = append(res.Warnings, placeholderWarnings(units)...)
	res.Warnings = append(res.Warnings, dpaPointerWarnings(res, units)...)
	res.Warnings = append(res.Warnings, exhibitPointerWarnings(res, units)...)
	res.Warnings = append(res.Warnings, skipped...)
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	ad, err := loadAssuranceData()
	if err != nil {
		return nil, err
	}
	if len(in.Assurance) > 0 {
		assuranceModel(res, in, ad, res.Findings)
		res.Assurance.Findings = assuranceFindings(res, in, units, ad, now)
	} else {
		mergeSubprocessors(res, in, ad)
	}
	applyWaivers(res, rules.Waivers, now)
	score(res)
	assuranceVerdict(res)
	return res, nil
}

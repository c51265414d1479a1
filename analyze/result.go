package analyze

import (
	"fmt"
	"strings"
	"time"

	"github.com/ssrm-dev/ssrm/extract"
)

// Schema names the JSON report's shape; it changes when a field is renamed.
const Schema = "ssrm.report/v1"

// Finding statuses.
const (
	StatusMet          = "met"
	StatusWeak         = "weak"
	StatusMissing      = "missing"
	StatusContradicted = "contradicted"
	// StatusByReference: the agreement only points at another document
	// ("as set out in the DPA", "available on request") for the term.
	StatusByReference = "by-reference"
	// StatusNotAssessed: the document the rule reads was not given (an
	// agreement rule in a questionnaire-only run).
	StatusNotAssessed = "not-assessed"
)

// Verdicts.
const (
	VerdictPass   = "pass"
	VerdictReview = "review"
	VerdictFail   = "fail"
)

// Inputs are the documents of one vendor. Any may be nil.
type Inputs struct {
	Questionnaire *extract.Questionnaire
	Agreements    []*extract.Agreement
	// Assurance are the vendor's assurance reports (SOC 2, SOC 3, ISO/IEC
	// 27001 certificate, bridge letter).
	Assurance []*extract.AssuranceReport
}

// Options tune an analysis.
type Options struct {
	Vendor       string
	ServiceModel string // saas (default), paas, iaas
	// Now decides which waivers have expired and how old an assurance
	// report's period is (zero: the current time).
	Now time.Time
}

// Evidence points at the text that supports a finding or matrix cell.
type Evidence struct {
	File    string  `json:"file"`
	Page    *int    `json:"page"`
	Section string  `json:"section,omitempty"`
	Sheet   *string `json:"sheet"`
	Cell    *string `json:"cell"`
	Text    string  `json:"text"`
	// Note says what the evidence shows where that is not obvious
	// ("negated", "customer obligation", "questionnaire promise").
	Note string `json:"note,omitempty"`
}

// Finding is the result of one rule (DESIGN.md section 4).
type Finding struct {
	Rule           string     `json:"rule"`
	Title          string     `json:"title"`
	Status         string     `json:"status"`
	Severity       Severity   `json:"severity"`
	Category       string     `json:"category"`
	Domain         string     `json:"domain"`
	Owner          Owner      `json:"owner"`
	Deadline       *Deadline  `json:"deadline,omitempty"`
	Weakeners      []string   `json:"weakeners"`
	Sources        []string   `json:"sources"`
	Recommendation string     `json:"recommendation"`
	Evidence       []Evidence `json:"evidence"`
	// Promise is the questionnaire answer that speaks to the term, if any.
	Promise *Evidence `json:"questionnaire_promise,omitempty"`
	// Explanation says in one line why the status was given.
	Explanation string `json:"explanation"`
	// Notes name details a met or weak term leaves open ("who pays for the
	// assistance is not stated").
	Notes []string `json:"notes,omitempty"`
	// Waiver is the waiver that accepts this shortfall, if one applies.
	Waiver *Waiver `json:"waiver,omitempty"`
	// Decision is the reviewer's decision on the rule from the store
	// (analyze --db), applied or not (its State says which).
	Decision *Decision `json:"decision,omitempty"`
	// Elements are the parts of a term with several (subprocessors: list,
	// notice, objection, flow-down, liability), each found or not.
	Elements []ElementStatus `json:"elements,omitempty"`
	// RedFlags are wordings that work against the term ("we may change
	// these terms without notice"), with their quotes.
	RedFlags []RedFlagFound `json:"red_flags,omitempty"`
	// OnlyAgainst: the term is weak only because the agreement states it in
	// a form that works against it (a red flag of the rule that states the
	// term: "We may change these terms without notice to you") and nothing
	// binds it; the score gives it no credit and the verdict counts it as
	// missing (new-user trial 35: a lawyer reads it as excluded).
	OnlyAgainst bool `json:"only_against,omitempty"`
	// UsuallyIn names the documents that would carry a not-covered term
	// ("the SLA or the MSA or terms of service").
	UsuallyIn string `json:"usually_in,omitempty"`
}

// ElementStatus says whether one element of a term was found, and where.
type ElementStatus struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Essential bool   `json:"essential,omitempty"`
	Found     bool   `json:"found"`
	Section   string `json:"section,omitempty"`
}

// RedFlagFound is a wording that works against a term.
type RedFlagFound struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Evidence Evidence `json:"evidence"`
}

// MatrixRow is one CCM domain of the responsibility matrix.
type MatrixRow struct {
	Domain             string        `json:"domain"`
	Title              string        `json:"title"`
	Owner              Owner         `json:"owner"`
	Status             string        `json:"status"`
	QuestionnaireOwner Owner         `json:"questionnaire_owner"`
	QuestionnaireCount map[Owner]int `json:"questionnaire_counts,omitempty"`
	// QuestionnaireInferred counts the items whose owner was inferred from
	// the answer because the form states none (a yes to a question about
	// the vendor's side: the vendor performs it); QuestionnaireBasis says
	// whether the questionnaire owner is "stated", "inferred" or "stated
	// and inferred".
	QuestionnaireInferred int        `json:"questionnaire_inferred,omitempty"`
	QuestionnaireBasis    string     `json:"questionnaire_basis,omitempty"`
	AgreementOwner        Owner      `json:"agreement_owner"`
	Evidence              []Evidence `json:"evidence"`
	// Expected are the owners the service model leads a reviewer to expect
	// (empty: no expectation); Surprise says when the owner found is not
	// one of them.
	Expected []Owner `json:"expected,omitempty"`
	Surprise string  `json:"surprise,omitempty"`
	// AssuranceOwner is what the assurance reports say of the domain:
	// shared where CUECs put a share on the customer, third-party where
	// only subservice organizations' controls (CSOCs) fall in it.
	// CustomerControls counts the CUECs; ThirdParties names the
	// subservice organizations.
	AssuranceOwner   Owner    `json:"assurance_owner,omitempty"`
	CustomerControls int      `json:"cuecs,omitempty"`
	ThirdParties     []string `json:"third_parties,omitempty"`
}

// Matrix statuses (DESIGN.md section 2).
const (
	MatrixVendor             = "vendor"
	MatrixCustomer           = "customer"
	MatrixSharedWithTerms    = "shared-with-terms"
	MatrixSharedWithoutTerms = "shared-without-terms"
	MatrixConflict           = "conflict"
	MatrixUnassigned         = "unassigned"
)

// Input describes one document that was read.
type Input struct {
	Path   string `json:"path"`
	Kind   string `json:"kind"`
	Format string `json:"format"`
	// Items is the questionnaire's item count.
	Items int `json:"items,omitempty"`
	// Crosswalk says how the crosswalk placed the questionnaire's items:
	// the form recognised and the counts (nil for an agreement).
	Crosswalk *CrosswalkUse `json:"crosswalk,omitempty"`
	// Ownership says whether the questionnaire states ownership: "stated",
	// "partly stated" or "not stated" (owners are then inferred from the
	// answers, and the matrix says so).
	Ownership string `json:"ownership,omitempty"`
	// ReportType is an assurance report's type ("soc2-type2", ...).
	ReportType string `json:"report_type,omitempty"`
	// Pages and Clauses describe an agreement.
	Pages   int `json:"pages,omitempty"`
	Clauses int `json:"clauses,omitempty"`
	// OCRPages are the agreement's pages read by OCR (--ocr).
	OCRPages []int `json:"ocr_pages,omitempty"`
	// Partial is set when some of the agreement's pages could not be read
	// (UnreadPages): its findings come from the other pages only.
	Partial bool `json:"partial,omitempty"`
	// UnreadPages are those pages, each with the reason (--ocr reads
	// pages without a text layer from their images).
	UnreadPages []extract.UnreadPage `json:"unread_pages,omitempty"`
	// DocKind is an agreement's kind (DPA, SLA, terms of service, ...) and
	// what it was read from (templates/kinds/kinds.yaml).
	DocKind *DocKind `json:"document_kind,omitempty"`
	// Warnings are what the reader found wrong with the text it read (a
	// font whose ligatures lost letters: "notfy" for "notify"); findings
	// may miss terms in the damaged words.
	Warnings []string `json:"warnings,omitempty"`
}

// Result is a complete analysis of one vendor.
type Result struct {
	Schema string `json:"schema"`
	Vendor string `json:"vendor"`
	// VendorSource says where the vendor's name comes from: "given"
	// (--vendor), "form" (a field of the questionnaire), "answers" (the
	// name its answers use for the vendor) or "file properties" (the
	// workbook's company or title, the last resort) or "agreement" (the
	// party an agreement defines and this package reads as the vendor) or
	// "folder" (no document names it: the folder's name, set by the
	// caller) or "file" (no document names it: the one file's name) or "none" (no document names it and Vendor is empty)
	// or "documents differ" (the agreements name it, not as one company:
	// VendorNames; Vendor is empty, or the folder's name in a batch).
	VendorSource string `json:"vendor_source"`
	// VendorNames are the names the agreements give the vendor when they
	// differ (VendorSource "documents differ").
	VendorNames []string `json:"vendor_names,omitempty"`
	// Warnings are what a reader must know about the result as a whole
	// (the documents name different vendors: WarnVendorMismatch); none
	// changes the score, the verdict or the exit code.
	Warnings     []Warning `json:"warnings,omitempty"`
	ServiceModel string    `json:"service_model"`
	// ServiceModelDefault: no service model was given, and the documents
	// do not state one; ServiceModel is the default (saas), which the
	// matrix's expected owners assume.
	ServiceModelDefault bool        `json:"service_model_default,omitempty"`
	Inputs              []Input     `json:"inputs"`
	Packs               []string    `json:"packs"`
	Matrix              []MatrixRow `json:"matrix"`
	Findings            []Finding   `json:"findings"`
	// Contradictions are questionnaire promises the agreement does not
	// keep, quoting both sides (status "contradicted").
	Contradictions []Finding `json:"contradictions"`
	// ExpiredWaivers matched a finding but had expired, so they no longer
	// apply.
	ExpiredWaivers []Waiver `json:"expired_waivers,omitempty"`
	// Subprocessors are the suppliers the documents name as working for
	// the vendor, with where each is named.
	Subprocessors []Subprocessor `json:"subprocessors"`
	// Assurance is what the assurance reports add (nil when none).
	Assurance *AssuranceResult `json:"assurance,omitempty"`
	// SecondOpinion is the optional language model's reading (--llm).
	SecondOpinion *SecondOpinion `json:"second_opinion,omitempty"`
	Summary       Summary        `json:"summary"`
	Score         int            `json:"score"`
	Verdict       string         `json:"verdict"`
}

// Summary counts findings by status.
type Summary struct {
	Rules       int `json:"rules"`
	Met         int `json:"met"`
	Weak        int `json:"weak"`
	ByReference int `json:"by_reference"`
	Missing     int `json:"missing"`
	NotAssessed int `json:"not_assessed"`
	// NotCovered counts the terms the documents sent cannot carry
	// (StatusNotCovered), left out of the score and the verdict.
	NotCovered int `json:"not_covered"`
	// NotCoveredRules names those terms, in pack order, so that a pass
	// is not read as an all clear on terms nobody assessed.
	NotCoveredRules []string `json:"not_covered_rules,omitempty"`
	Contradictions  int      `json:"contradictions"`
	Waived          int      `json:"waived"`
	// Decided counts the findings with a reviewer's decision applied;
	// ReReview those whose decision waits for a new one because the
	// evidence text changed (ApplyDecisions).
	Decided  int `json:"decided,omitempty"`
	ReReview int `json:"needs_re_review,omitempty"`
}

// Line is the stable one-line summary printed by every human format, e.g.
// "8 rules: 3 met, 2 weak, 3 missing; score 54; verdict review", with
// ", N by reference", ", N not assessed", "; DPA only: N terms not covered
// by the documents sent", "; N contradiction(s)" and "; N red flag(s)"
// added when there are any.
func (r *Result) Line() string {
	s := r.Summary
	if s.Rules > 0 && s.NotAssessed == s.Rules {
		// Nothing was assessed: a score would mislead.
		return fmt.Sprintf("%d rules: %d not assessed (no agreement given: the matrix shows the questionnaire's split); verdict %s", s.Rules, s.NotAssessed, r.Verdict)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d rules: %d met, %d weak", s.Rules, s.Met, s.Weak)
	if s.ByReference > 0 {
		fmt.Fprintf(&b, ", %d by reference", s.ByReference)
	}
	fmt.Fprintf(&b, ", %d missing", s.Missing)
	if s.NotAssessed > 0 {
		fmt.Fprintf(&b, ", %d not assessed", s.NotAssessed)
	}
	if l := r.NotCoveredLine(); l != "" {
		b.WriteString("; " + l)
	}
	switch s.Contradictions {
	case 0:
	case 1:
		b.WriteString("; 1 contradiction")
	default:
		fmt.Fprintf(&b, "; %d contradictions", s.Contradictions)
	}
	flags := 0
	for _, f := range r.Findings {
		flags += len(f.RedFlags)
	}
	switch flags {
	case 0:
	case 1:
		b.WriteString("; 1 red flag")
	default:
		fmt.Fprintf(&b, "; %d red flags", flags)
	}
	if s.Waived > 0 {
		fmt.Fprintf(&b, "; %d waived", s.Waived)
	}
	switch s.ReReview {
	case 0:
	case 1:
		b.WriteString("; 1 decision needs re-review")
	default:
		fmt.Fprintf(&b, "; %d decisions need re-review", s.ReReview)
	}
	if r.Assurance != nil {
		switch n := len(r.Assurance.Findings); n {
		case 1:
			b.WriteString("; 1 assurance finding")
		default:
			fmt.Fprintf(&b, "; %d assurance findings", n)
		}
	}
	fmt.Fprintf(&b, "; score %s; verdict %s", r.ScoreText(), r.Verdict)
	return b.String()
}

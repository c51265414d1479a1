// Package analyze maps extracted questionnaires and agreements onto the
// shared security responsibility model (CCM v4 domains × owner) and checks
// rule packs of required contract terms, giving findings with evidence, a
// score and a verdict. Pure functions over package extract's types: no file
// formats here.
package analyze

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

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

// Inputs are the documents of one vendor. Either may be nil.
type Inputs struct {
	Questionnaire *extract.Questionnaire
	Agreements    []*extract.Agreement
}

// Options tune an analysis.
type Options struct {
	Vendor       string
	ServiceModel string // saas (default), paas, iaas
	// Now decides which waivers have expired (zero: the current time).
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
}

// MatrixRow is one CCM domain of the responsibility matrix.
type MatrixRow struct {
	Domain             string        `json:"domain"`
	Title              string        `json:"title"`
	Owner              Owner         `json:"owner"`
	Status             string        `json:"status"`
	QuestionnaireOwner Owner         `json:"questionnaire_owner"`
	QuestionnaireCount map[Owner]int `json:"questionnaire_counts,omitempty"`
	AgreementOwner     Owner         `json:"agreement_owner"`
	Evidence           []Evidence    `json:"evidence"`
	// Expected are the owners the service model leads a reviewer to expect
	// (empty: no expectation); Surprise says when the owner found is not
	// one of them.
	Expected []Owner `json:"expected,omitempty"`
	Surprise string  `json:"surprise,omitempty"`
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
}

// Result is a complete analysis of one vendor.
type Result struct {
	Schema       string      `json:"schema"`
	Vendor       string      `json:"vendor"`
	ServiceModel string      `json:"service_model"`
	Inputs       []Input     `json:"inputs"`
	Packs        []string    `json:"packs"`
	Matrix       []MatrixRow `json:"matrix"`
	Findings     []Finding   `json:"findings"`
	// Contradictions are questionnaire promises the agreement does not
	// keep, quoting both sides (status "contradicted").
	Contradictions []Finding `json:"contradictions"`
	// ExpiredWaivers matched a finding but had expired, so they no longer
	// apply.
	ExpiredWaivers []Waiver `json:"expired_waivers,omitempty"`
	// Subprocessors are the suppliers the documents name as working for
	// the vendor, with where each is named.
	Subprocessors []Subprocessor `json:"subprocessors"`
	// SecondOpinion is the optional language model's reading (--llm).
	SecondOpinion *SecondOpinion `json:"second_opinion,omitempty"`
	Summary       Summary        `json:"summary"`
	Score         int            `json:"score"`
	Verdict       string         `json:"verdict"`
}

// Summary counts findings by status.
type Summary struct {
	Rules          int `json:"rules"`
	Met            int `json:"met"`
	Weak           int `json:"weak"`
	ByReference    int `json:"by_reference"`
	Missing        int `json:"missing"`
	NotAssessed    int `json:"not_assessed"`
	Contradictions int `json:"contradictions"`
	Waived         int `json:"waived"`
}

// Line is the stable one-line summary printed by every human format, e.g.
// "8 rules: 3 met, 2 weak, 3 missing; score 54; verdict review", with
// ", N by reference", ", N not assessed" and "; N contradiction(s)" added
// when there are any.
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
	switch s.Contradictions {
	case 0:
	case 1:
		b.WriteString("; 1 contradiction")
	default:
		fmt.Fprintf(&b, "; %d contradictions", s.Contradictions)
	}
	if s.Waived > 0 {
		fmt.Fprintf(&b, "; %d waived", s.Waived)
	}
	fmt.Fprintf(&b, "; score %d; verdict %s", r.Score, r.Verdict)
	return b.String()
}

// Run analyses one vendor's documents against the rules. It never fails
// on content; ctx is checked between rules so a batch can cancel.
func Run(ctx context.Context, in Inputs, rules *RuleSet, opts Options) (*Result, error) {
	if opts.ServiceModel == "" {
		opts.ServiceModel = "saas"
	}
	res := &Result{Schema: Schema, Vendor: opts.Vendor, ServiceModel: opts.ServiceModel, Packs: rules.Packs, Contradictions: []Finding{}}
	if q := in.Questionnaire; q != nil {
		if res.Vendor == "" {
			res.Vendor = q.Vendor
		}
		res.Inputs = append(res.Inputs, Input{Path: q.Path, Kind: string(extract.KindQuestionnaire), Format: q.Format, Items: len(q.Items)})
	}
	for _, a := range in.Agreements {
		in := Input{Path: a.Path, Kind: string(extract.KindAgreement), Format: a.Format, Clauses: len(a.Clauses), OCRPages: a.OCRPages,
			Partial: a.Partial(), UnreadPages: a.Unread}
		if a.Paginated {
			in.Pages = len(a.Pages)
		}
		res.Inputs = append(res.Inputs, in)
	}
	units := agreementUnits(in.Agreements, opts.Vendor)
	for _, r := range rules.Rules {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, contra := checkRule(r, units, in)
		res.Findings = append(res.Findings, f)
		if contra != nil {
			res.Contradictions = append(res.Contradictions, *contra)
		}
	}
	res.Matrix = buildMatrix(in, units, res.Findings, opts.ServiceModel, res.Vendor)
	res.Subprocessors = findSubprocessors(in, units, res.Vendor)
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	applyWaivers(res, rules.Waivers, now)
	score(res)
	return res, nil
}

// clauseUnit is one sentence of an agreement with where it came from.
type clauseUnit struct {
	unit
	file    string
	section string
	pages   []int
}

func agreementUnits(ags []*extract.Agreement, vendorName string) []clauseUnit {
	var out []clauseUnit
	for _, a := range ags {
		var units []clauseUnit
		var defs []unit
		// leadIn keeps, per clause, the sentence that introduces its
		// sub-clauses ("You shall:"), so that "(iii) promptly notify Us"
		// is read as the customer's duty.
		leadIn := map[string]string{}
		for _, c := range a.Clauses {
			// Sub-clauses are listed on their own; read each text once, in
			// the most specific clause that holds it.
			text := ownText(c, a.Clauses)
			definitions := reDefinitionsHeading.MatchString(c.Heading)
			parentLead := leadIn[c.Parent]
			if lead := listLeadIn(c, a.Clauses); lead != "" {
				leadIn[c.ID] = lead
			} else {
				leadIn[c.ID] = parentLead // "(a)" under "(iii)" under "You shall:"
			}
			for i, u := range splitUnits(text) {
				if u.leadIn == "" && parentLead != "" && i == 0 {
					u.leadIn = parentLead
				}
				// A definition binds no one: it is read for the terms it
				// defines, never as an obligation.
				if definitions || reDefinition.MatchString(u.text) {
					defs = append(defs, u)
					continue
				}
				units = append(units, clauseUnit{unit: u, file: a.Path, section: c.ID, pages: c.Pages})
			}
		}
		gloss := glossary(defs)
		lx := partyLexicon(a, units, vendorName)
		for i := range units {
			units[i].read = glossed(units[i].full(), gloss)
			units[i].lx = lx
		}
		out = append(out, units...)
	}
	return out
}

var reLeadIn = regexp.MustCompile(`(?i)(:|—|\b(shall|will|must|agrees? to|undertakes? to|acknowledges that|warrants that)\s*[,:\-–]?)\s*$`)

// listLeadIn returns the words of a clause before its first sub-clause when
// they introduce a list ("You shall:", "Provider will"), else "".
func listLeadIn(c extract.Clause, all []extract.Clause) string {
	first := -1
	for _, s := range all {
		if s.Parent != c.ID || s.Text == "" {
			continue
		}
		if i := strings.Index(c.Text, s.Text); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first <= 0 {
		return ""
	}
	head := strings.Join(strings.Fields(stripHead(c.Text[:first], c.Heading)), " ")
	if !reLeadIn.MatchString(head) {
		return ""
	}
	// Only the last sentence of the head introduces the list.
	if ss := splitSentences(head); len(ss) > 0 {
		head = strings.TrimSpace(ss[len(ss)-1])
	}
	return head
}

var (
	reDefinitionsHeading = regexp.MustCompile(`(?i)^\s*(definitions?|defined terms|interpretation)\b`)
	// reDefined captures a defined term and its definition.
	reDefined = regexp.MustCompile(`["“]([A-Z][A-Za-z0-9\- ]{2,40})["”][\s*_)]*\s(?:means|shall mean|refers to|is defined as)\s+(.{0,400})`)
	// reIncidentDefinition says a definition describes a security incident.
)

var (
	// reDefinedName finds a short name the agreement defines for a party:
	// Brokers National Life Assurance Company ("BNL").
	// Brokers National Life Assurance Company ("BNL"), The City of Eugene,
	// (City), VERIZON ABS LLC, as Depositor. Names that neither provide nor
	// pay (an acronym, a defined document) are dropped later.
	reDefinedName = regexp.MustCompile(`\(\s*(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?)?["“]?([A-Z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*){0,3})["”]?\s*\)|,\s+as\s+(?:the\s+)?([A-Z][A-Za-z]+)\b`)
	// What a vendor and what a customer does, to tell whose name is whose.
	reProvides = regexp.MustCompile(`(?i)^\W*(shall|will|agrees to|must)\s+(provide|perform|deliver|host|operate|maintain|supply|furnish|render|process)\b`)
	rePays     = regexp.MustCompile(`(?i)^\W*(shall|will|agrees to|must)\s+(pay|reimburse|remit)\b`)
)

// partyLexicon extends the role words with the party names an agreement
// defines: a name that mostly "shall provide" is the vendor's, one that
// mostly "shall pay" is the customer's. vendorName (--vendor) is the
// vendor's too.
func partyLexicon(a *extract.Agreement, units []clauseUnit, vendorName string) *lexicon {
	var vendors, customers []string
	if vendorName != "" {
		vendors = append(vendors, vendorName)
	}
	var head strings.Builder
	for _, p := range a.Pages {
		head.WriteString(p.Text)
		if head.Len() > 20000 {
			break
		}
	}
	seen := map[string]bool{}
	for _, m := range reDefinedName.FindAllStringSubmatch(head.String(), -1) {
		name := m[1] + m[2]
		if seen[name] || defaultLexicon.vendor.MatchString(name) || defaultLexicon.customer.MatchString(name) || reMutual.MatchString(name) {
			continue
		}
		seen[name] = true
		re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`)
		provides, pays := 0, 0
		for _, u := range units {
			for _, loc := range re.FindAllStringIndex(u.text, -1) {
				rest := u.text[loc[1]:]
				switch {
				case reProvides.MatchString(rest):
					provides++
				case rePays.MatchString(rest):
					pays++
				}
			}
		}
		switch {
		case provides > pays:
			vendors = append(vendors, name)
		case pays > provides:
			customers = append(customers, name)
		}
	}
	if len(vendors) == 0 && len(customers) == 0 {
		return nil
	}
	return defaultLexicon.withNames(vendors, customers)
}

// glossed terms: a defined term whose definition describes one of these
// concepts is read as the field's word for it ("Data Event" means any
// unauthorised access ... → "Data Event (security incident)").
var concepts = []struct {
	definition *regexp.Regexp // the definition describes the concept
	already    *regexp.Regexp // the term already says it
	gloss      string
}{
	{regexp.MustCompile(`(?i)\b(unauthori[sz]ed|unlawful|accidental)\b.{0,80}\b(access|disclosure|acquisition|use|loss|destruction|alteration)\b|\bbreach of (security|confidentiality)\b|\bsecurity (breach|incident)\b`),
		regexp.MustCompile(`(?i)\b(security|data|privacy|cyber)[- ]?(incident|breach)|breach of security|personal data breach`), "security incident"},
	{regexp.MustCompile(`(?i)\bsoc ?(1|2)\b|\bssae ?1[68]\b|\biso(/iec)? ?2700[12]\b|\b(third[- ]party|independent) (audit|assessment|certification|attestation)|\baudit reports?\b`),
		regexp.MustCompile(`(?i)\b(audit|assurance|attestation|soc) report`), "audit report"},
	{regexp.MustCompile(`(?i)\b(another|other|third[- ]part(y|ies))\b.{0,60}\bprocess\w*\b.{0,60}\b(personal data|customer data|on behalf)`),
		regexp.MustCompile(`(?i)sub-?processor`), "subprocessor"},
}

// glossary returns, for the agreement's definitions, the defined terms that
// name a concept the rules know under another word, with the gloss to add.
func glossary(defs []unit) []gloss {
	var out []gloss
	for _, d := range defs {
		for _, m := range reDefined.FindAllStringSubmatch(d.full(), -1) {
			term, body := m[1], m[2]
			for _, c := range concepts {
				if c.already.MatchString(term) || !c.definition.MatchString(body) {
					continue
				}
				out = append(out, gloss{regexp.MustCompile(`\b` + regexp.QuoteMeta(term) + `s?\b`), " (" + c.gloss + ")"})
				break
			}
		}
	}
	return out
}

type gloss struct {
	term *regexp.Regexp
	add  string
}

// glossed adds each defined term's gloss after it, so that rules written in
// the field's words read the document's own terms.
func glossed(text string, gs []gloss) string {
	for _, g := range gs {
		text = g.term.ReplaceAllString(text, "${0}"+g.add)
	}
	return text
}

// ownText is the clause body less the text of its direct sub-clauses (read
// in their own clauses) and less its number and heading, so that heading
// words ("6. INCIDENT NOTIFICATION") do not join the first sentence.
func ownText(c extract.Clause, all []extract.Clause) string {
	text := c.Text
	for _, s := range all {
		if s.Parent == c.ID && s.ID != c.ID && s.Text != "" {
			if i := strings.Index(text, s.Text); i >= 0 {
				text = text[:i] + "\n" + text[i+len(s.Text):]
			}
		}
	}
	return stripHead(text, c.Heading)
}

var reMarker = regexp.MustCompile(`^\s*[#*\s]*(?:(?i:section|clause|article)\s+)?(?:\d+(?:\.\d+)*\.?|\(?[a-z]\)|[A-Z]\.|[a-z]\.|\([ivxlc]+\)|[ivxlc]+\.)(?:\s+|$)`)

// stripHead removes a leading clause number and the heading that follows it.
func stripHead(text, heading string) string {
	t := reMarker.ReplaceAllString(text, "")
	if heading == "" {
		return t
	}
	words := strings.Fields(heading)
	pat := `^[\s*_#]*`
	for i, w := range words {
		if i > 0 {
			pat += `\s+`
		}
		pat += regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(pat + `[\s*_]*[.:]?`)
	if err != nil {
		return t
	}
	rest := re.ReplaceAllString(t, "")
	// "BNL, throughout the term ..., shall": the "heading" is the subject
	// of the first sentence, not a title.
	if strings.HasSuffix(strings.TrimSpace(heading), ",") || startsLower(rest) {
		return t
	}
	return rest
}

func startsLower(s string) bool {
	for _, r := range strings.TrimLeft(s, " \t\n*_\"“") {
		return unicode.IsLower(r)
	}
	return false
}

func (u clauseUnit) evidence(note string) Evidence {
	e := Evidence{File: u.file, Section: u.section, Text: trimQuote(u.full()), Note: note}
	if len(u.pages) > 0 {
		p := u.pages[0]
		e.Page = &p
	}
	return e
}

func itemEvidence(q *extract.Questionnaire, it extract.Item, note string) Evidence {
	sheet, cell := it.Sheet, it.Cell
	text := it.ID + ": " + it.Answer
	if it.Notes != "" {
		text += " — " + it.Notes
	}
	if it.CSPImplementation != "" && it.CSPImplementation != it.Notes {
		text += " — " + it.CSPImplementation
	}
	return Evidence{File: q.Path, Sheet: &sheet, Cell: &cell, Text: trimQuote(text), Note: note}
}

// trimQuote keeps evidence quotes readable: at most 400 characters.
func trimQuote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= 400 {
		return s
	}
	cut := strings.LastIndex(s[:400], " ")
	if cut < 300 {
		cut = 400
	}
	return s[:cut] + " …"
}

func checkRule(r *Rule, units []clauseUnit, in Inputs) (Finding, *Finding) {
	f := Finding{
		Rule: r.ID, Title: r.Title, Severity: r.Severity, Category: r.Category,
		Domain: r.Domain, Owner: r.Owner, Sources: r.Sources,
		Recommendation: r.Recommendation, Weakeners: []string{}, Evidence: []Evidence{},
	}
	promise := questionnairePromise(r, in.Questionnaire)
	if promise != nil {
		f.Promise = promise.ev
	}
	if r.AppliesTo == "questionnaire" {
		switch {
		case in.Questionnaire == nil:
			f.Status, f.Explanation = StatusNotAssessed, "no questionnaire was given"
		case promise != nil:
			f.Status, f.Explanation = StatusMet, "the questionnaire answers yes ("+promise.item.ID+")"
			f.Evidence = append(f.Evidence, *promise.ev)
		default:
			f.Status, f.Explanation = StatusMissing, "no questionnaire answer promises this term"
		}
		return f, nil
	}
	if len(in.Agreements) == 0 {
		// A questionnaire answer binds no one: without an agreement the
		// term is not assessed, and the answer is shown for information.
		f.Status, f.Explanation = StatusNotAssessed, "no agreement was given"
		if promise != nil {
			f.Explanation += "; the questionnaire answers yes (" + promise.item.ID + "), which binds no one"
			f.Evidence = append(f.Evidence, *promise.ev)
		}
		return f, nil
	}
	var best *match
	var bestUnit clauseUnit
	var negatedEv []Evidence
	rank := map[string]int{StatusMet: 3, StatusWeak: 2, StatusByReference: 1}
	for _, u := range units {
		m := r.evaluate(u.unit)
		if m == nil {
			continue
		}
		st := m.status()
		if st == "negated" {
			if len(negatedEv) < 2 {
				negatedEv = append(negatedEv, u.evidence(m.why))
			}
			continue
		}
		// The best status decides; among equals, a sentence of readable
		// length beats a run-on block (a flattened table, a long recital).
		if best == nil || rank[st] > rank[best.status()] || rank[st] == rank[best.status()] && long(bestUnit.full()) && !long(u.full()) {
			best, bestUnit = m, u
		}
		if len(f.Evidence) < 4 {
			note := ""
			if st == StatusByReference {
				note = "by reference only"
			}
			f.Evidence = append(f.Evidence, u.evidence(note))
		}
	}
	switch {
	case best != nil:
		f.Status = best.status()
		f.Weakeners = append(f.Weakeners, best.weakeners...)
		f.Deadline = best.deadline
		// Lead with the sentence that decided the status.
		lead := bestUnit.evidence("")
		if f.Status == StatusByReference {
			lead.Note = "by reference only"
		}
		f.Evidence = append([]Evidence{lead}, without(f.Evidence, bestUnit)...)
		if len(f.Evidence) > 3 {
			f.Evidence = f.Evidence[:3]
		}
		switch f.Status {
		case StatusMet:
			f.Explanation = "the agreement binds this term in section " + bestUnit.section
		case StatusWeak:
			f.Explanation = "present in section " + bestUnit.section + " but weak: " + strings.Join(best.weakeners, "; ")
		default:
			f.Explanation = "section " + bestUnit.section + " only points to another document for this term; it is not bound here"
		}
		for i, re := range r.details {
			if !re.MatchString(best.text) {
				f.Notes = append(f.Notes, r.Details[i].Missing)
			}
		}
	default:
		f.Status = StatusMissing
		f.Evidence = append(f.Evidence, negatedEv...)
		f.Explanation = "no clause binds this term"
		if len(negatedEv) > 0 {
			f.Explanation = "the only wording found negates or excludes the obligation"
		}
	}
	if promise == nil {
		return f, nil
	}
	// Cross-check: the questionnaire promises more than the agreement binds.
	// A deadline promise against a weaker or absent deadline, or a yes
	// against wording that excludes the term, is a contradiction; a yes
	// against silence is noted on the missing finding.
	var why string
	switch {
	case r.Deadline && promise.deadline.Hours != nil && (f.Deadline == nil || f.Deadline.Hours == nil || *f.Deadline.Hours > *promise.deadline.Hours):
		agreed := "nothing"
		switch {
		case f.Deadline != nil && f.Deadline.Text != "":
			agreed = `"` + f.Deadline.Text + `"`
		case f.Status != StatusMissing:
			agreed = "no deadline"
		}
		why = fmt.Sprintf("the questionnaire promises notice %q (%s, %s) but the agreement says %s", promise.deadline.Text, fmtHours(*promise.deadline.Hours), promise.item.ID, agreed)
	case f.Status == StatusMissing && len(negatedEv) > 0:
		why = "the questionnaire answers yes (" + promise.item.ID + ") but the agreement excludes the term"
	case f.Status == StatusMissing || f.Status == StatusByReference:
		f.Explanation += "; the questionnaire answers yes (" + promise.item.ID + ")"
	}
	if why == "" {
		return f, nil
	}
	c := f
	c.Status = StatusContradicted
	c.Explanation = why
	c.Evidence = append([]Evidence{*promise.ev}, f.Evidence...)
	c.Recommendation = "Bind in the agreement what the questionnaire answer " + promise.item.ID + " promises. " + r.Recommendation
	return f, &c
}

// long says a sentence is too long to be a good quote (over 400 bytes).
func long(s string) bool { return len(s) > 400 }

func without(evs []Evidence, u clauseUnit) []Evidence {
	var out []Evidence
	for _, e := range evs {
		if e.Section == u.section && e.Text == trimQuote(u.full()) {
			continue
		}
		out = append(out, e)
	}
	return out
}

type promise struct {
	item     extract.Item
	ev       *Evidence
	deadline Deadline
}

// questionnairePromise finds the first item among the rule's question ids
// answered yes; for deadline rules the item stating the shortest deadline
// is preferred.
func questionnairePromise(r *Rule, q *extract.Questionnaire) *promise {
	if q == nil || len(r.Questionnaire.IDs) == 0 {
		return nil
	}
	var best *promise
	for _, it := range q.Items {
		if it.AnswerNormalized != extract.AnswerYes || !hasIDPrefix(it.ID, r.Questionnaire.IDs) {
			continue
		}
		p := &promise{item: it, deadline: promisedDeadline(it)}
		if best == nil || (p.deadline.Hours != nil && (best.deadline.Hours == nil || *p.deadline.Hours < *best.deadline.Hours)) {
			best = p
		}
	}
	if best != nil {
		ev := itemEvidence(q, best.item, "questionnaire promise")
		best.ev = &ev
	}
	return best
}

// promisedDeadline reads the deadline an item's answer promises. Where it
// states several ("within 24 hours for FERPA violations; all customers
// within 48 hours") the longest counts: it is the one every customer gets.
func promisedDeadline(it extract.Item) Deadline {
	best := Deadline{Grade: GradeNone}
	seen := map[string]bool{}
	for _, text := range []string{it.Answer, it.Notes, it.CSPImplementation} {
		if seen[text] {
			continue
		}
		seen[text] = true
		for _, s := range splitSentences(strings.Join(strings.Fields(text), " ")) {
			d := ParseDeadline(s)
			switch {
			case d.Hours != nil && (best.Hours == nil || *d.Hours > *best.Hours):
				best = d
			case best.Grade == GradeNone && d.Grade != GradeNone:
				best = d
			}
		}
	}
	return best
}

func hasIDPrefix(id string, prefixes []string) bool {
	id = strings.ToUpper(strings.ReplaceAll(id, " ", ""))
	for _, p := range prefixes {
		if strings.HasPrefix(id, strings.ToUpper(p)) {
			return true
		}
	}
	return false
}

func fmtHours(h float64) string {
	return strconv.FormatFloat(h, 'f', -1, 64) + " h"
}

// Score weights by severity (critical 10, high 6, medium 3, low 1).
var severityWeight = map[Severity]float64{SeverityCritical: 10, SeverityHigh: 6, SeverityMedium: 3, SeverityLow: 1}

// credit is the share of a rule's weight its status earns.
var credit = map[string]float64{StatusMet: 1, StatusWeak: 0.5, StatusByReference: 0.25}

// score computes the vendor score and verdict over the rules assessed:
//
//	score = 100 × Σ weight(rule) × credit(status) / Σ weight(rule)
//
// with credit 1 for met, 0.5 for weak, 0.25 for by-reference and 0 for
// missing; each contradiction takes a further half of its rule's weight;
// not-assessed rules count neither way. The verdict is "fail" when a
// critical rule is missing or contradicted or the score is below 50, "pass"
// when the score is at least 80 and no high or critical rule is missing or
// contradicted, and "review" otherwise (also when nothing was assessed).
func score(res *Result) {
	var total, got float64
	severeGap, criticalGap := false, false
	s := Summary{Rules: len(res.Findings), Contradictions: len(res.Contradictions)}
	for _, f := range res.Findings {
		if f.Waiver != nil {
			s.Waived++
		}
		switch f.Status {
		case StatusNotAssessed:
			s.NotAssessed++
			continue
		case StatusMet:
			s.Met++
		case StatusWeak:
			s.Weak++
		case StatusByReference:
			s.ByReference++
		default:
			s.Missing++
			severeGap = severeGap || f.Severity.Rank() >= 3
			criticalGap = criticalGap || f.Severity == SeverityCritical
		}
		w := severityWeight[f.Severity]
		total += w
		got += w * credit[f.Status]
	}
	for _, c := range res.Contradictions {
		got -= severityWeight[c.Severity] / 2
		severeGap = severeGap || c.Severity.Rank() >= 3
		criticalGap = criticalGap || c.Severity == SeverityCritical
	}
	res.Summary = s
	res.Score = 0
	if total == 0 {
		res.Verdict = VerdictReview
		return
	}
	res.Score = int(100*max(got, 0)/total + 0.5)
	switch {
	case criticalGap || res.Score < 50:
		res.Verdict = VerdictFail
	case res.Score >= 80 && !severeGap:
		res.Verdict = VerdictPass
	default:
		res.Verdict = VerdictReview
	}
}

// applyWaivers marks the shortfalls a waiver accepts for this vendor, and
// lists the waivers that would have applied but have expired.
func applyWaivers(res *Result, waivers []Waiver, now time.Time) {
	for _, fs := range [][]Finding{res.Findings, res.Contradictions} {
		for i := range fs {
			f := &fs[i]
			if f.Status == StatusMet || f.Status == StatusNotAssessed {
				continue
			}
			for _, w := range waivers {
				if w.Rule != f.Rule || (w.Vendor != "*" && !strings.EqualFold(w.Vendor, res.Vendor)) {
					continue
				}
				if !now.Before(w.until) {
					if !containsWaiver(res.ExpiredWaivers, w) {
						res.ExpiredWaivers = append(res.ExpiredWaivers, w)
					}
					continue
				}
				w := w
				f.Waiver = &w
				break
			}
		}
	}
}

func containsWaiver(ws []Waiver, w Waiver) bool {
	for _, x := range ws {
		if x.Rule == w.Rule && x.Vendor == w.Vendor && x.Expires == w.Expires && x.File == w.File {
			return true
		}
	}
	return false
}

// MaxSeverity returns the highest severity among the findings that fall
// short (weak, by-reference, missing) and the contradictions, or "" when
// there are none. Not-assessed rules never count.
func (r *Result) MaxSeverity() Severity {
	var max Severity
	for _, fs := range [][]Finding{r.Findings, r.Contradictions} {
		for _, f := range fs {
			switch {
			case f.Status == StatusMet, f.Status == StatusNotAssessed, f.Waiver != nil:
				continue
			}
			if f.Severity.Rank() > max.Rank() {
				max = f.Severity
			}
		}
	}
	return max
}

// sortedOwners lists owner counts in a stable order for evidence text.
func sortedOwners(m map[Owner]int) []Owner {
	var out []Owner
	for o := range m {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

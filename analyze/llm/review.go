package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/sashabaranov/go-openai/jsonschema"

	"github.com/ssrm-dev/ssrm/analyze"
)

// Reply types. Flat, every field required and none omitempty: OpenAI's
// strict mode rejects optional properties, and local grammar converters
// handle $ref poorly.

type recheckReply struct {
	Status    string `json:"status" enum:"met,weak,missing,by-reference" description:"the term's status in the agreement"`
	Candidate int    `json:"candidate" description:"number of the candidate sentence quoted, 0 when none is"`
	Quote     string `json:"quote" description:"words copied exactly from that sentence that show the term, empty when the status is missing"`
	Reason    string `json:"reason" description:"one sentence saying why"`
}

type classifyReply struct {
	Items []struct {
		Clause int    `json:"clause" description:"the clause's number"`
		Domain string `json:"domain" enum:"A&A,AIS,BCR,CCC,CEK,DCS,DSP,GRC,HRS,IAM,IPY,IVS,LOG,SEF,STA,TVM,UEM,none" description:"CCM v4 domain code, or none"`
		Owner  string `json:"owner" enum:"vendor,customer,shared,third-party,not-applicable" description:"who the clause obliges"`
		Reason string `json:"reason" description:"a few words saying why"`
	} `json:"items"`
}

type summaryReply struct {
	Summary string `json:"summary" description:"three to five sentences on the vendor's contractual security position"`
}

var (
	recheckSchema  = mustSchema(recheckReply{})
	classifySchema = mustSchema(classifyReply{})
	summarySchema  = mustSchema(summaryReply{})
)

// decodeReply decodes a reply into out and checks it against the schema,
// telling "not JSON" from "JSON of the wrong shape".
func decodeReply(schema *jsonschema.Definition, content string, out any) error {
	if err := schema.Unmarshal(content, out); err != nil {
		if jerr := json.Unmarshal([]byte(content), out); jerr != nil {
			return fmt.Errorf("not JSON: %v", jerr)
		}
		return fmt.Errorf("does not match the schema: %v", err)
	}
	return nil
}

// checkPlacement checks a domain ("none" or a CCM v4 code) and an owner of
// the owner model in a classification reply.
func checkPlacement(domain, owner string) error {
	if domain != "none" && !analyze.IsDomain(domain) {
		return fmt.Errorf("domain %q is not a CCM v4 code", domain)
	}
	if !slices.Contains(owners, analyze.Owner(owner)) {
		return fmt.Errorf("owner %q is not one of vendor, customer, shared, third-party, not-applicable", owner)
	}
	return nil
}

func mustSchema(v any) *jsonschema.Definition {
	d, err := jsonschema.GenerateSchemaForType(v)
	if err != nil {
		panic(err)
	}
	return d
}

const systemPrompt = `You are a careful reviewer of cloud vendors' security agreements. You answer only with one JSON object of the shape asked for, with no other text. You quote only words that appear in the text you are given, copied exactly. When the text does not support a term, you say so.`

var modelStatuses = []string{analyze.StatusMet, analyze.StatusWeak, analyze.StatusMissing, analyze.StatusByReference}

var owners = []analyze.Owner{analyze.OwnerVendor, analyze.OwnerCustomer, analyze.OwnerShared, analyze.OwnerThirdParty, analyze.OwnerNotApplicable}

// Review asks for the second opinion on res and sets res.SecondOpinion.
// Failures of single questions are recorded in SecondOpinion.Errors and
// leave the findings as they were; only a cancelled ctx returns an error.
func (c *Client) Review(ctx context.Context, res *analyze.Result, in analyze.Inputs, rules *analyze.RuleSet) error {
	if c.cfg.Redact {
		var texts []string
		for _, a := range in.Agreements {
			for _, cl := range a.Clauses {
				texts = append(texts, cl.Heading+"\n"+cl.Text)
			}
			for _, p := range a.Pages {
				texts = append(texts, p.Text)
			}
		}
		if q := in.Questionnaire; q != nil {
			for _, it := range q.Items {
				texts = append(texts, it.Question+"\n"+it.Answer+"\n"+it.Notes+"\n"+it.CSPImplementation)
			}
		}
		c.names = namesIn(texts...)
	}
	start := c.Usage()
	op := &analyze.SecondOpinion{Model: c.cfg.Model, Endpoint: c.endpoint, Rechecks: []analyze.Recheck{}}
	var (
		mu       sync.Mutex
		errs     []string
		notAsked int
		down     error // the endpoint cannot be reached (ErrUnreachable)
		notDown  int   // questions not asked for that reason
	)
	record := func(what string, err error) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case errors.Is(err, ErrBudget):
			notAsked++
		case errors.Is(err, ErrUnreachable) && down == nil:
			down = err
		case errors.Is(err, ErrUnreachable):
			notDown++
		default:
			errs = append(errs, what+": "+err.Error())
		}
	}

	// The jobs: one per finding to re-check, one per chunk of clauses, one
	// per batch of questionnaire items.
	type job struct {
		what string
		run  func(context.Context) error
	}
	var jobs []job
	rechecks := make([]*analyze.Recheck, len(res.Findings))
	for i, f := range res.Findings {
		if f.Status != analyze.StatusMissing && f.Status != analyze.StatusWeak {
			continue
		}
		r := rules.Get(f.Rule)
		if r == nil || len(in.Agreements) == 0 {
			continue
		}
		cands := analyze.Candidates(r, in.Agreements, c.cfg.Candidates)
		if len(cands) == 0 {
			continue // nothing close to quote: the model could only agree
		}
		jobs = append(jobs, job{"recheck " + f.Rule, func(ctx context.Context) error {
			rc, discarded, err := c.recheck(ctx, f, r, cands)
			if err != nil {
				return err
			}
			mu.Lock()
			rechecks[i] = rc
			op.DiscardedQuotes += discarded
			mu.Unlock()
			return nil
		}})
	}
	var clauses []analyze.Evidence
	if c.cfg.MaxClassify > 0 {
		clauses = analyze.UnclassifiedClauses(in.Agreements, c.cfg.MaxClassify)
	}
	const chunk = 12
	classified := make([][]analyze.Classification, (len(clauses)+chunk-1)/chunk)
	for k := 0; k*chunk < len(clauses); k++ {
		part := clauses[k*chunk : min((k+1)*chunk, len(clauses))]
		jobs = append(jobs, job{fmt.Sprintf("classify clauses %d-%d", k*chunk+1, k*chunk+len(part)), func(ctx context.Context) error {
			cl, err := c.classify(ctx, part)
			mu.Lock()
			classified[k] = cl
			mu.Unlock()
			return err
		}})
	}
	// Questionnaire items the rules left without a domain or owner, in
	// batches (items.go).
	var items []unplacedItem
	if c.cfg.MaxClassify >= 0 {
		items = unplacedItems(in.Questionnaire, MaxItems)
	}
	classifiedItems := make([][]analyze.Classification, (len(items)+ItemsPerRequest-1)/ItemsPerRequest)
	for k := 0; k*ItemsPerRequest < len(items); k++ {
		part := items[k*ItemsPerRequest : min((k+1)*ItemsPerRequest, len(items))]
		jobs = append(jobs, job{fmt.Sprintf("classify questionnaire items %s to %s", part[0].Item.ID, part[len(part)-1].Item.ID), func(ctx context.Context) error {
			cl, err := c.classifyItems(ctx, part)
			mu.Lock()
			classifiedItems[k] = cl
			mu.Unlock()
			return err
		}})
	}

	sem := make(chan struct{}, c.cfg.Concurrency)
	var wg sync.WaitGroup
	for k, j := range jobs {
		if ctx.Err() != nil {
			break
		}
		if k == 1 {
			// The first question is asked alone: an endpoint that cannot
			// be reached stops the second opinion after one failure,
			// not after one per request in flight.
			wg.Wait()
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := j.run(ctx); err != nil && ctx.Err() == nil {
				record(j.what, err)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, rc := range rechecks {
		if rc != nil {
			op.Rechecks = append(op.Rechecks, *rc)
		}
	}
	for _, cl := range classified {
		op.Classified = append(op.Classified, cl...)
	}
	for _, cl := range classifiedItems {
		op.Classified = append(op.Classified, cl...)
	}
	if !c.cfg.NoSummary && down == nil {
		if s, err := c.summarize(ctx, res, op.Rechecks); err != nil {
			record("summary", err)
		} else {
			op.Summary = s
		}
	}
	if notAsked > 0 {
		c.mu.Lock()
		berr := c.budgetErr
		c.mu.Unlock()
		errs = append(errs, fmt.Sprintf("%v: %d question(s) not asked", berr, notAsked))
	}
	if down != nil && !c.cfg.NoSummary {
		notDown++ // the summary
	}
	if down != nil {
		// One message, first: nothing was asked after it.
		errs = append([]string{fmt.Sprintf("%v: the second opinion stopped at the first failure; %d question(s) not asked", down, notDown)}, errs...)
	}
	op.Errors = errs
	end := c.Usage()
	op.Requests, op.CacheHits, op.Tokens = end.Requests-start.Requests, end.CacheHits-start.CacheHits, end.Tokens-start.Tokens
	res.SecondOpinion = op
	if c.cfg.MayChangeVerdict {
		Apply(res)
	}
	return ctx.Err()
}

// Apply replaces the statuses of the findings the model changed, notes the
// change in each, and rescores the result (SecondOpinion.Applied).
func Apply(res *analyze.Result) {
	op := res.SecondOpinion
	if op == nil || op.Applied {
		return
	}
	for _, rc := range op.Rechecks {
		if !rc.Changed {
			continue
		}
		for i := range res.Findings {
			f := &res.Findings[i]
			if f.Rule != rc.Rule || f.Status != rc.RuleStatus {
				continue
			}
			f.Status = rc.ModelStatus
			f.Notes = append(f.Notes, fmt.Sprintf("status set by the language model %s (the rules said %s): %s", op.Model, rc.RuleStatus, rc.Reason))
			if rc.Quote != "" {
				f.Evidence = append(f.Evidence, analyze.Evidence{Section: rc.Section, Text: rc.Quote, Note: "quoted by the language model"})
			}
		}
	}
	op.Applied = true
	analyze.Rescore(res)
}

func (c *Client) recheck(ctx context.Context, f analyze.Finding, r *analyze.Rule, cands []analyze.Candidate) (*analyze.Recheck, int, error) {
	texts := make([]string, len(cands))
	var b strings.Builder
	fmt.Fprintf(&b, "Contract term %q: %s.\n", r.ID, r.Title)
	if r.Rationale != "" {
		fmt.Fprintf(&b, "Why it matters: %s\n", normalizeSpace(r.Rationale))
	}
	fmt.Fprintf(&b, "What a full term says: %s\n", normalizeSpace(r.Recommendation))
	fmt.Fprintf(&b, "Keyword rules found the term %s: %s\n\n", f.Status, c.clean(f.Explanation))
	b.WriteString("Candidate sentences from the agreement:\n")
	for i, cd := range cands {
		texts[i] = c.clean(cd.Evidence.Text)
		sec := ""
		if cd.Evidence.Section != "" {
			sec = " (section " + cd.Evidence.Section + ")"
		}
		fmt.Fprintf(&b, "[%d]%s %s\n", i+1, sec, texts[i])
	}
	b.WriteString(`
Decide the term's status in this agreement: "met" (a sentence states the term in full), "weak" (it is stated but qualified, vague, slow or partial), "by-reference" (the agreement only points to another document for it) or "missing" (no sentence states it).
Reply with JSON: {"status": "met|weak|missing|by-reference", "candidate": the number of the sentence you quote or 0, "quote": the words of that sentence that show the term, copied exactly, or "" when missing, "reason": one sentence}.`)
	var out recheckReply
	p := prompt{name: "recheck", system: systemPrompt, user: b.String(), schema: recheckSchema, decode: func(content string) error {
		out = recheckReply{}
		if err := decodeReply(recheckSchema, content, &out); err != nil {
			return err
		}
		if !slices.Contains(modelStatuses, out.Status) {
			return fmt.Errorf("status %q is not one of %s", out.Status, strings.Join(modelStatuses, ", "))
		}
		if out.Candidate < 0 || out.Candidate > len(cands) {
			return fmt.Errorf("candidate %d is not between 0 and %d", out.Candidate, len(cands))
		}
		if strings.TrimSpace(out.Reason) == "" {
			return errors.New("no reason given")
		}
		return nil
	}}
	if err := c.ask(ctx, p); err != nil {
		return nil, 0, err
	}
	rc := &analyze.Recheck{Rule: f.Rule, RuleStatus: f.Status, ModelStatus: out.Status, Reason: normalizeSpace(out.Reason)}
	discarded := 0
	if q := normalizeSpace(out.Quote); q != "" {
		found := -1
		if out.Candidate > 0 && quoteIn(q, texts[out.Candidate-1]) {
			found = out.Candidate - 1
		} else {
			for i, t := range texts {
				if quoteIn(q, t) {
					found = i
					break
				}
			}
		}
		if found >= 0 {
			rc.Quote, rc.Section = q, cands[found].Evidence.Section
		} else {
			discarded = 1
			rc.Reason = fmt.Sprintf("quote discarded, it is not in the document: %q. %s", clip(q, 120), rc.Reason)
		}
	}
	// A status the document is said to show needs a quote that is in it.
	if rc.ModelStatus != rc.RuleStatus && rc.ModelStatus != analyze.StatusMissing && rc.Quote == "" {
		rc.Reason = fmt.Sprintf("proposed %s without a quote from the document, so the rules' status stands. %s", rc.ModelStatus, rc.Reason)
		rc.ModelStatus = rc.RuleStatus
	}
	rc.Changed = rc.ModelStatus != rc.RuleStatus
	return rc, discarded, nil
}

func (c *Client) classify(ctx context.Context, clauses []analyze.Evidence) ([]analyze.Classification, error) {
	var b strings.Builder
	b.WriteString("Place each clause of a vendor's agreement in one domain of the CSA Cloud Controls Matrix v4 and say whom it obliges.\nDomains:\n")
	for _, d := range analyze.Domains {
		fmt.Fprintf(&b, "  %s %s\n", d.Code, d.Title)
	}
	b.WriteString("Use \"none\" when no domain fits. Owners: vendor, customer, shared, third-party, not-applicable.\n\nClauses:\n")
	for i, e := range clauses {
		fmt.Fprintf(&b, "[%d] %s\n", i+1, c.clean(e.Text))
	}
	b.WriteString(`
Reply with JSON: {"items": [{"clause": number, "domain": code or "none", "owner": owner, "reason": a few words}]}, one item per clause.`)
	var out classifyReply
	p := prompt{name: "classify", system: systemPrompt, user: b.String(), schema: classifySchema, decode: func(content string) error {
		out = classifyReply{}
		if err := decodeReply(classifySchema, content, &out); err != nil {
			return err
		}
		for _, it := range out.Items {
			if it.Clause < 1 || it.Clause > len(clauses) {
				return fmt.Errorf("clause %d is not between 1 and %d", it.Clause, len(clauses))
			}
			if err := checkPlacement(it.Domain, it.Owner); err != nil {
				return err
			}
		}
		return nil
	}}
	if err := c.ask(ctx, p); err != nil {
		return nil, err
	}
	var cl []analyze.Classification
	seen := map[int]bool{}
	for _, it := range out.Items {
		if it.Domain == "none" || seen[it.Clause] {
			continue
		}
		seen[it.Clause] = true
		cl = append(cl, analyze.Classification{Evidence: clauses[it.Clause-1], Domain: it.Domain, Owner: analyze.Owner(it.Owner), Reason: normalizeSpace(it.Reason)})
	}
	return cl, nil
}

func (c *Client) summarize(ctx context.Context, res *analyze.Result, rechecks []analyze.Recheck) (string, error) {
	var b strings.Builder
	vendor := res.Vendor
	if vendor == "" {
		vendor = "the vendor"
	}
	fmt.Fprintf(&b, "Summarise for a security reviewer, in three to five sentences, what the agreements of %s commit the vendor to and what they leave open.\n", c.clean(vendor))
	fmt.Fprintf(&b, "Rule results: %s.\n\nFindings:\n", res.Line())
	for _, f := range res.Findings {
		if f.Status == analyze.StatusNotAssessed || f.Status == analyze.StatusNotCovered {
			continue
		}
		fmt.Fprintf(&b, "- %s (%s, %s): %s\n", f.Title, f.Status, f.Severity, c.clean(f.Explanation))
	}
	for _, f := range res.Contradictions {
		fmt.Fprintf(&b, "- contradiction, %s: %s\n", f.Title, c.clean(f.Explanation))
	}
	for _, rc := range rechecks {
		if rc.Changed {
			fmt.Fprintf(&b, "- a second reading found %s %s rather than %s: %s\n", rc.Rule, rc.ModelStatus, rc.RuleStatus, c.clean(rc.Reason))
		}
	}
	b.WriteString(`
Reply with JSON: {"summary": "..."}.`)
	var out summaryReply
	p := prompt{name: "summary", system: systemPrompt, user: b.String(), schema: summarySchema, decode: func(content string) error {
		out = summaryReply{}
		if err := decodeReply(summarySchema, content, &out); err != nil {
			return err
		}
		if strings.TrimSpace(out.Summary) == "" {
			return errors.New("empty summary")
		}
		return nil
	}}
	if err := c.ask(ctx, p); err != nil {
		return "", err
	}
	return clip(out.Summary, 1200), nil
}

// clean prepares document text for a prompt: white space normalised and,
// with Redact, personal data replaced.
func (c *Client) clean(s string) string {
	s = normalizeSpace(s)
	if c.cfg.Redact {
		s = redactNames(Redact(s), c.names)
	}
	return s
}

package analyze

import (
	"fmt"
	"strings"
	"time"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Assurance finding rule ids.
const (
	RuleAssuranceOpinion      = "assurance-opinion"
	RuleAssuranceException    = "assurance-exception"
	RuleAssuranceStale        = "assurance-stale"
	RuleAssuranceExpired      = "assurance-certificate-expired"
	RuleAssuranceCategories   = "assurance-categories"
	RuleAssuranceDenied       = "assurance-exceptions-denied"
	RuleAssuranceType         = "assurance-type"
	RuleAssuranceUndisclosed  = "assurance-subprocessor-undisclosed"
	assuranceOpinionSource    = "AICPA AT-C section 205 (modified opinions: qualified, adverse, disclaimer)"
	assuranceAnnualSource     = "CCM v4 A&A-02 (independent assessments at least annually)"
	assuranceSubprocessorsSrc = "GDPR Art. 28(2)"
)

func assuranceFinding(rule, title, status string, sev Severity, domain, expl, rec string, sources []string, ev ...Evidence) Finding {
	if ev == nil {
		ev = []Evidence{}
	}
	return Finding{Rule: rule, Title: title, Status: status, Severity: sev, Category: "transparency", Domain: domain, Owner: OwnerVendor,
		Weakeners: []string{}, Sources: sources, Recommendation: rec, Evidence: ev, Explanation: expl}
}

var reCriterionOfControl = lazyre.New(`^(CC\d\.\d{1,2}|A1\.\d|C1\.\d|PI1\.\d|P\d\.\d)`)

func isSOC(t string) bool {
	return strings.HasPrefix(t, "soc")
}

// assuranceFindings checks the reports and cross-checks them with the
// agreements (their sentences, units) and the questionnaire. now is the
// day a period's age is measured from.
func assuranceFindings(res *Result, in Inputs, units []*unit, d *assuranceData, now time.Time) []Finding {
	var out []Finding
	var latestSOC *extract.AssuranceReport
	var bridges []*extract.AssuranceReport
	covered := map[string]bool{}
	hasSOCCategories := false
	for _, r := range in.Assurance {
		switch {
		case r.Type == extract.AssuranceBridgeLetter:
			bridges = append(bridges, r)
		case isSOC(r.Type):
			if latestSOC == nil || r.PeriodEnd > latestSOC.PeriodEnd {
				latestSOC = r
			}
			// A report whose categories could not be read says nothing of
			// what it covers.
			if (r.Type == extract.AssuranceSOC2Type1 || r.Type == extract.AssuranceSOC2Type2 || r.Type == extract.AssuranceSOC3) && len(r.Categories) > 0 {
				hasSOCCategories = true
				for _, c := range r.Categories {
					covered[c] = true
				}
			}
		}
		out = append(out, opinionFindings(r, d)...)
		if r.Type == extract.AssuranceISO27001 && r.PeriodEnd != "" && r.PeriodEnd < now.Format("2006-01-02") {
			at := extract.Place{}
			if r.PeriodAt != nil {
				at = *r.PeriodAt
			}
			out = append(out, assuranceFinding(RuleAssuranceExpired, "The ISO/IEC 27001 certificate is in force", StatusMissing, SeverityHigh, "A&A",
				fmt.Sprintf("the certificate expired on %s, before %s", r.PeriodEnd, now.Format("2006-01-02")),
				"Ask for the current ISO/IEC 27001 certificate and the certification body's latest surveillance audit report.",
				[]string{assuranceAnnualSource}, placeEvidence(r.Path, at, "valid until "+r.PeriodEnd, "certificate validity")))
		}
	}
	if latestSOC != nil && latestSOC.PeriodEnd != "" {
		end, err := time.Parse("2006-01-02", latestSOC.PeriodEnd)
		if err == nil && now.After(end.AddDate(0, d.maxAge, 0)) && len(bridges) == 0 {
			at := extract.Place{}
			if latestSOC.PeriodAt != nil {
				at = *latestSOC.PeriodAt
			}
			months := (now.Year()-end.Year())*12 + int(now.Month()) - int(end.Month())
			out = append(out, assuranceFinding(RuleAssuranceStale, "The assurance report covers a recent period", StatusMissing, SeverityHigh, "A&A",
				fmt.Sprintf("the latest report's period ended on %s, %d months before %s, and no bridge letter covers the time since", latestSOC.PeriodEnd, months, now.Format("2006-01-02")),
				"Ask for the current report or a bridge letter from the vendor's management covering the period from the end of the last report to today.",
				[]string{assuranceAnnualSource}, placeEvidence(latestSOC.Path, at, "period "+latestSOC.PeriodStart+" to "+latestSOC.PeriodEnd, "period examined")))
		}
	}
	if hasSOCCategories && len(in.Agreements) > 0 {
		out = append(out, categoryFindings(in, units, d, covered)...)
	}
	out = append(out, deniedFindings(in, d)...)
	out = append(out, typeFindings(in, units, d)...)
	if len(in.Agreements) > 0 {
		out = append(out, undisclosedFindings(res, in, d)...)
	}
	return out
}

// opinionFindings: a modified opinion, and each exception in testing.
func opinionFindings(r *extract.AssuranceReport, d *assuranceData) []Finding {
	var out []Finding
	at := extract.Place{}
	if r.OpinionAt != nil {
		at = *r.OpinionAt
	}
	text := "opinion: " + r.Opinion
	if r.Qualification != "" {
		text = r.Qualification
	}
	rec := "Ask the vendor how the matters behind the modified opinion were remediated, and for evidence (a bridge letter or the next report) that the controls now operate."
	switch r.Opinion {
	case extract.OpinionQualified:
		out = append(out, assuranceFinding(RuleAssuranceOpinion, "The auditor's opinion is unmodified", StatusWeak, SeverityHigh, "A&A",
			"the service auditor's opinion is qualified: some controls did not operate, or were not designed, as the description states", rec,
			[]string{assuranceOpinionSource}, placeEvidence(r.Path, at, text, "basis for the qualified opinion")))
	case extract.OpinionAdverse, extract.OpinionDisclaimer:
		out = append(out, assuranceFinding(RuleAssuranceOpinion, "The auditor's opinion is unmodified", StatusMissing, SeverityCritical, "A&A",
			"the service auditor's opinion is "+r.Opinion+": the report gives no assurance that the controls operate", rec,
			[]string{assuranceOpinionSource}, placeEvidence(r.Path, at, text, r.Opinion+" opinion")))
	}
	for _, e := range r.Exceptions {
		domain := "A&A"
		if m := reCriterionOfControl.FindString(e.Control); m != "" {
			if ds := d.domainsOf(m); len(ds) > 0 {
				domain = ds[0]
			}
		}
		quote := e.Control + ": " + e.Activity
		if e.Test != "" {
			quote += " Test: " + e.Test
		}
		quote += " Deviation: " + e.Deviation
		f := assuranceFinding(RuleAssuranceException, "Controls operated without exceptions", StatusWeak, SeverityMedium, domain,
			fmt.Sprintf("control %s: %q", e.Control, e.Deviation),
			"Ask how the deviation was remediated and whether it affected the customer's data, and check the next report's result for the control.",
			[]string{"AICPA SOC 2 Guide (tests of controls and results)"}, placeEvidence(r.Path, e.At, quote, "exception in testing"))
		if e.Response != "" {
			f.Notes = []string{"management's response: " + e.Response}
		} else {
			f.Notes = []string{"the report gives no management response"}
		}
		out = append(out, f)
	}
	return out
}

// categoryFindings: the trust services categories the agreement names
// beside an assurance report, or relies on (an uptime commitment relies
// on availability), that no SOC report covers.
func categoryFindings(in Inputs, units []*unit, d *assuranceData, covered map[string]bool) []Finding {
	v := d.categories
	relied := map[string]Evidence{}
	var order []string
	note := map[string]string{}
	for _, u := range units {
		text := u.full()
		for _, c := range d.categoryOrder {
			if _, ok := relied[c]; ok {
				continue
			}
			switch {
			case d.promise.MatchString(text) && v[c].MatchString(text):
				note[c] = "the agreement names " + strings.ReplaceAll(c, "-", " ") + " beside the assurance report"
			case d.reliance[c] != nil && d.reliance[c].MatchString(text):
				note[c] = "the agreement relies on " + strings.ReplaceAll(c, "-", " ")
			default:
				continue
			}
			relied[c] = u.evidence(note[c])
			order = append(order, c)
		}
	}
	var out []Finding
	for _, c := range order {
		if covered[c] {
			continue
		}
		sev := SeverityLow
		if strings.Contains(note[c], "beside") {
			sev = SeverityMedium
		}
		out = append(out, assuranceFinding(RuleAssuranceCategories, "The assurance report covers what the agreement relies on", StatusMissing, sev, "A&A",
			fmt.Sprintf("%s; no SOC report given covers the %s category", note[c], strings.ReplaceAll(c, "-", " ")),
			fmt.Sprintf("Ask for a SOC 2 report whose scope includes the %s category, or a contract term that does not rely on it.", strings.ReplaceAll(c, "-", " ")),
			[]string{"AICPA TSP section 100 (trust services categories)"}, relied[c]))
	}
	return out
}

// deniedFindings: a questionnaire answer that says the vendor's reports
// have no exceptions (or an unqualified opinion) while a report given has
// exceptions or a modified opinion.
func deniedFindings(in Inputs, d *assuranceData) []Finding {
	q := in.Questionnaire
	if q == nil {
		return nil
	}
	var first *Evidence
	exceptions, modified := 0, ""
	for _, r := range in.Assurance {
		for _, e := range r.Exceptions {
			if first == nil {
				ev := placeEvidence(r.Path, e.At, e.Control+": "+e.Deviation, "exception in testing")
				first = &ev
			}
			exceptions++
		}
		if r.Opinion == extract.OpinionQualified || r.Opinion == extract.OpinionAdverse || r.Opinion == extract.OpinionDisclaimer {
			if modified == "" {
				modified = r.Opinion
			}
			if first == nil {
				at := extract.Place{}
				if r.OpinionAt != nil {
					at = *r.OpinionAt
				}
				ev := placeEvidence(r.Path, at, "opinion: "+r.Opinion, r.Opinion+" opinion")
				first = &ev
			}
		}
	}
	if first == nil {
		return nil
	}
	var has []string
	switch exceptions {
	case 0:
	case 1:
		has = append(has, "1 exception")
	default:
		has = append(has, fmt.Sprintf("%d exceptions", exceptions))
	}
	if modified != "" {
		has = append(has, map[string]string{extract.OpinionQualified: "a qualified opinion", extract.OpinionAdverse: "an adverse opinion", extract.OpinionDisclaimer: "a disclaimer of opinion"}[modified])
	}
	var out []Finding
	for _, it := range q.Items {
		if !d.exceptionsQ.MatchString(it.Question) {
			continue
		}
		answer := it.Answer + " " + it.Notes
		clean := d.noExceptions.MatchString(answer) ||
			(it.AnswerNormalized == extract.AnswerNo && !d.cleanQ.MatchString(it.Question)) ||
			(it.AnswerNormalized == extract.AnswerYes && d.cleanQ.MatchString(it.Question))
		if !clean {
			continue
		}
		out = append(out, assuranceFinding(RuleAssuranceDenied, "The questionnaire's account of the audit matches the report", StatusContradicted, SeverityHigh, "A&A",
			fmt.Sprintf("the questionnaire answer %s says the audit found no exceptions, but the report given has %s", it.ID, strings.Join(has, " and ")),
			"Ask the vendor to correct the questionnaire answer and to explain each exception in the report.",
			[]string{"CCM v4 A&A-02"}, itemEvidence(q, it, "questionnaire answer"), *first))
	}
	return out
}

// typeFindings: the agreement promises a SOC 2 Type II, but the reports
// given are only a Type I or a SOC 3.
func typeFindings(in Inputs, units []*unit, d *assuranceData) []Finding {
	var promise *unit
	for _, u := range units {
		if d.type2.MatchString(u.full()) {
			promise = u
			break
		}
	}
	if promise == nil {
		return nil
	}
	var weaker *extract.AssuranceReport
	for _, r := range in.Assurance {
		switch r.Type {
		case extract.AssuranceSOC2Type2:
			return nil
		case extract.AssuranceSOC2Type1, extract.AssuranceSOC3:
			if weaker == nil {
				weaker = r
			}
		}
	}
	if weaker == nil {
		return nil
	}
	what := map[string]string{extract.AssuranceSOC2Type1: "a SOC 2 Type I (design at a point in time, no tests of operating effectiveness)",
		extract.AssuranceSOC3: "a SOC 3 (a general-use summary without the tests, CUECs or exceptions)"}[weaker.Type]
	return []Finding{assuranceFinding(RuleAssuranceType, "The report given is the one the agreement promises", StatusContradicted, SeverityHigh, "A&A",
		"the agreement promises a SOC 2 Type II report, but the report given is "+what,
		"Ask for the SOC 2 Type II report the agreement promises, covering a period that ended within the last 12 months.",
		[]string{"CCM v4 A&A-02"}, promise.evidence("agreement promise"),
		placeEvidence(weaker.Path, extract.Place{Page: firstPage(weaker)}, weaker.Type+" report", "report given"))}
}

func firstPage(r *extract.AssuranceReport) int {
	if r.Paginated {
		return 1
	}
	return 0
}

// undisclosedFindings: a carved-out subservice organization that no
// agreement names as a subprocessor.
func undisclosedFindings(res *Result, in Inputs, d *assuranceData) []Finding {
	agreementFile := map[string]bool{}
	for _, a := range in.Agreements {
		agreementFile[a.Path] = true
	}
	named := map[string]bool{}
	for _, s := range res.Subprocessors {
		for _, e := range s.Evidence {
			if agreementFile[e.File] {
				key, _ := d.canonical(s.Name)
				named[key] = true
			}
		}
	}
	var out []Finding
	for _, r := range in.Assurance {
		for _, s := range r.Subservice {
			key, shown := d.canonical(s.Name)
			if s.Method != "carve-out" || named[key] {
				continue
			}
			out = append(out, assuranceFinding(RuleAssuranceUndisclosed, "Carved-out providers are disclosed as subprocessors", StatusMissing, SeverityHigh, "STA",
				fmt.Sprintf("%s is a carved-out subservice organization in the report (its controls are outside the audit), but no agreement names it as a subprocessor", shown),
				fmt.Sprintf("Add %s to the agreement's list of subprocessors, with the customer's right to object to changes, and ask for %s's own assurance report.", shown, shown),
				[]string{assuranceSubprocessorsSrc, "AICPA SOC 2 Guide (carve-out method)"},
				placeEvidence(r.Path, s.At, s.Name+": "+s.Services, "subservice organization (carve-out method)")))
		}
	}
	return out
}

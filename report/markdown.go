package report

import (
	"io"
	"slices"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
)

// markdownRenderer gives the text report's content for a ticket or an
// e-mail: tables for inputs and the matrix, one section per finding.
type markdownRenderer struct{}

func (r markdownRenderer) Render(w io.Writer, res *analyze.Result) error {
	return r.RenderOptions(w, res, Options{})
}

func (markdownRenderer) RenderOptions(w io.Writer, res *analyze.Result, opts Options) error {
	ew := &errWriter{w: w}
	vendor := vendorTitle(res, "vendor not named")
	ew.printf("# ssrm assessment: %s\n\n", md(vendor))
	ew.printf("**%s**\n\n", md(res.Line()))
	if len(res.Warnings) > 0 {
		ew.printf("## Warnings\n\n")
		for _, w := range res.Warnings {
			ew.printf("- **Warning** (`%s`): %s\n", w.Code, md(w.Message))
		}
		ew.printf("\n")
	}
	writeSummaryMarkdown(ew, res, opts.FailOn)
	ew.printf("Service model %s; rule packs %s.\n\n", modelText(res), strings.Join(res.Packs, ", "))
	ew.printf("| input | kind | format | size |\n|---|---|---|---|\n")
	for _, in := range res.Inputs {
		size := agreementSize(in) + ocrNote(in)
		if in.Kind == "assurance" {
			size = reportTitle(in.ReportType) + pagesNote(in)
		}
		if in.Kind == "questionnaire" {
			size = plural(in.Items, "item")
			if n := crosswalkNote(in); n != "" {
				size += "; " + md(n)
			}
		}
		ew.printf("| %s | %s | %s | %s |\n", md(in.Path), in.Kind, in.Format, size)
	}
	for _, n := range partialNotes(res) {
		ew.printf("\n> **Partial result.** %s.\n", md(n))
	}
	ew.printf("\n## Responsibility matrix\n\n")
	if n := ownershipNote(res); n != "" {
		ew.printf("Note: %s.\n\n", md(n))
	}
	// Without a questionnaire there is no questionnaire column (trial27e).
	withQ := hasQuestionnaire(res)
	cols := []string{"domain", "owner", "status", "questionnaire", "agreement"}
	if !withQ {
		cols = slices.Delete(cols, 3, 4)
		ew.printf("No questionnaire was given: the owners are the agreement's.\n\n")
	}
	if res.Assurance != nil {
		cols = append(cols, "assurance report")
	}
	cols = append(cols, "from")
	ew.printf("| %s |\n|%s\n", strings.Join(cols, " | "), strings.Repeat("---|", len(cols)))
	for _, m := range res.Matrix {
		status := m.Status
		if m.Surprise != "" {
			status += " (" + md(m.Surprise) + ")"
		}
		if withQ {
			ew.printf("| %s %s | %s | %s | %s | %s |", m.Domain, md(m.Title), m.Owner, status, qOwner(m), m.AgreementOwner)
		} else {
			ew.printf("| %s %s | %s | %s | %s |", m.Domain, md(m.Title), m.Owner, status, m.AgreementOwner)
		}
		if res.Assurance != nil {
			ew.printf(" %s |", md(strings.TrimPrefix(matrixAssurance(m), " r=")))
		}
		ew.printf(" %s |\n", md(matrixFrom(m)))
	}
	section := func(title string, fs []analyze.Finding) {
		if len(fs) == 0 {
			return
		}
		ew.printf("\n## %s\n", title)
		for _, f := range fs {
			ew.printf("\n### %s `%s` (%s)\n\n%s: %s.\n", md(f.Title), f.Rule, f.Severity, strings.ToUpper(f.Status), md(f.Explanation))
			if d := deadline(f.Deadline); d != "" {
				ew.printf("\nDeadline: %s.\n", md(d))
			}
			for _, n := range f.Notes {
				ew.printf("\nNote: %s.\n", md(findingNote(f, n)))
			}
			if f.OnlyAgainst {
				ew.printf("\n%s.\n", md(sentenceCase(onlyAgainstNote)))
			}
			if w := f.Waiver; w != nil {
				ew.printf("\nWaived until %s: %s.\n", w.Expires, md(w.Reason))
			}
			if d := f.Decision; d != nil {
				ew.printf("\n**Reviewer's decision:** %s\n", md(d.Describe()))
			}
			for _, e := range f.Evidence {
				note := ""
				if e.Note != "" {
					note = " (" + md(e.Note) + ")"
				}
				ew.printf("\n> %s\n>\n> — %s%s\n", md(e.Text), md(where(e)), note)
			}
			if p := f.Promise; p != nil && !promiseShown(f) {
				ew.printf("\n> %s\n>\n> — %s (%s)\n", md(p.Text), md(where(*p)), md(p.Note))
			}
			if f.Status != analyze.StatusMet && f.Status != analyze.StatusNotAssessed {
				ew.printf("\nRecommended wording: %s\n", md(f.Recommendation))
			}
			ew.printf("\nSources: %s.\n", md(strings.Join(f.Sources, "; ")))
		}
	}
	section("Contradictions", res.Contradictions)
	if flags := redFlags(res); len(flags) > 0 {
		ew.printf("\n## Red flags\n")
		for _, rf := range flags {
			ew.printf("\n- `%s`: %s\n\n  > %s\n  >\n  > — %s\n", rf.rule, md(rf.flag.Title), md(rf.flag.Evidence.Text), md(where(rf.flag.Evidence)))
		}
	}
	for _, st := range statusOrder {
		section(statusTitle[st], byStatus(res, st))
	}
	writeAssuranceMarkdown(ew, res, section)
	if op := res.SecondOpinion; op != nil {
		effect := "Advisory: the rules' statuses stand."
		if op.Applied {
			effect = "Applied: the changed statuses replace the rules' ones in the findings, score and verdict."
		}
		ew.printf("\n## Second opinion from a language model\n\nModel %s at %s. %s\n", md(op.Model), md(op.Endpoint), effect)
		if len(op.Rechecks) > 0 {
			ew.printf("\n| rule | rules | model | quote | reason |\n|---|---|---|---|---|\n")
			for _, rc := range op.Rechecks {
				model := rc.ModelStatus
				if rc.Changed {
					model = "**" + model + " (changed)**"
				}
				quote := ""
				if rc.Quote != "" {
					quote = "“" + md(rc.Quote) + "”"
					if rc.Section != "" {
						quote += " §" + md(rc.Section)
					}
				}
				ew.printf("| `%s` | %s | %s | %s | %s |\n", rc.Rule, rc.RuleStatus, model, quote, md(rc.Reason))
			}
		}
		if len(op.Classified) > 0 {
			ew.printf("\nClauses and questionnaire items the rules could not place:\n\n")
			for _, c := range op.Classified {
				ew.printf("- %s: %s, %s (%s): “%s”\n", md(where(c.Evidence)), c.Domain, c.Owner, md(c.Reason), md(clipText(c.Evidence.Text, 90)))
			}
		}
		if op.Summary != "" {
			ew.printf("\nSummary: %s\n", md(op.Summary))
		}
		ew.printf("\n%s, %s, %d tokens; %s discarded.\n", plural(op.Requests, "request"), plural(op.CacheHits, "cache hit"), op.Tokens, plural(op.DiscardedQuotes, "quote"))
		if len(op.Errors) > 0 {
			ew.printf("\nErrors:\n\n")
			for _, e := range op.Errors {
				ew.printf("- %s\n", md(e))
			}
		}
	}
	if len(res.ExpiredWaivers) > 0 {
		ew.printf("\n## Expired waivers\n\n")
		for _, w := range res.ExpiredWaivers {
			ew.printf("- %s for %s expired %s (%s): no longer applies\n", w.Rule, md(w.Vendor), w.Expires, md(w.File))
		}
	}
	return ew.err
}

// md escapes the characters that would change Markdown structure.
func md(s string) string {
	r := strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "\n", " ")
	return r.Replace(s)
}

// writeSummaryMarkdown writes the executive summary: the verdict, the
// contradictions and the top asks.
func writeSummaryMarkdown(ew *errWriter, res *analyze.Result, failOn string) {
	s := summarize(res)
	ew.printf("## Summary\n\nVerdict **%s**, score %s.\n\n", s.Verdict, s.Score)
	if n := gateNote(res, failOn); n != "" {
		ew.printf("%s.\n\n", md(strings.ToUpper(n[:1])+n[1:]))
	}
	if s.NotCovered != "" {
		ew.printf("%s.\n\n", md(s.NotCovered))
	}
	for _, c := range s.Contradictions {
		ew.printf("- Contradiction: %s\n", md(c))
	}
	if len(s.Contradictions) > 0 {
		ew.printf("\n")
	}
	if len(s.Asks) > 0 {
		ew.printf("Top asks:\n\n")
	}
	for i, f := range s.Asks {
		ew.printf("%d. %s `%s` (%s, %s)\n", i+1, md(f.Title), f.Rule, f.Status, f.Severity)
	}
	if s.More > 0 {
		ew.printf("\nAnd %d more, below.\n", s.More)
	}
	ew.printf("\n")
}

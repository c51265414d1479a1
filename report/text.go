package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/analyze"
)

// textRenderer is the terminal report: inputs, the matrix, findings worst
// first with evidence, and the stable summary line last.
type textRenderer struct{}

func (r textRenderer) Render(w io.Writer, res *analyze.Result) error {
	return r.RenderOptions(w, res, Options{})
}

func (textRenderer) RenderOptions(w io.Writer, res *analyze.Result, opts Options) error {
	ew := &errWriter{w: w}
	vendor := vendorTitle(res, "(vendor not named)")
	ew.printf("ssrm: %s, %s, packs %s\n", vendor, modelText(res), strings.Join(res.Packs, ", "))
	if len(res.Warnings) > 0 {
		ew.printf("\nWarnings\n")
		for _, w := range res.Warnings {
			ew.printf("  ! %s: %s\n", w.Code, w.Message)
		}
	}
	writeSummaryText(ew, res, opts.FailOn)
	for _, in := range res.Inputs {
		switch in.Kind {
		case "questionnaire":
			ew.printf("  questionnaire %s (%s): %s\n", in.Path, in.Format, plural(in.Items, "item"))
			if n := crosswalkNote(in); n != "" {
				ew.printf("      %s\n", n)
			}
		case "assurance":
			ew.printf("  assurance report %s (%s): %s%s\n", in.Path, in.Format, reportTitle(in.ReportType), pagesNote(in))
		default:
			ew.printf("  agreement %s (%s): %s%s\n", in.Path, in.Format, agreementSize(in), ocrNote(in))
		}
	}
	notes := partialNotes(res)
	for _, n := range notes {
		ew.printf("  ! partial result: %s\n", n)
	}
	withQ := hasQuestionnaire(res)
	sources := "questionnaire / agreement"
	if !withQ {
		sources = "agreement; no questionnaire given"
	}
	if res.Assurance != nil {
		sources = strings.Replace(sources, "agreement", "agreement / assurance report", 1)
	}
	ew.printf("\nResponsibility matrix (CCM v4 domains; %s)\n", sources)
	if n := ownershipNote(res); n != "" {
		ew.printf("  Note: %s.\n", n)
	}
	// The columns named, so that "unassigned unassigned" reads as an
	// owner and a status.
	cols := "a= the agreement's owner"
	if withQ {
		cols = "q= the questionnaire's owner, " + cols
	}
	if res.Assurance != nil {
		cols += ", r= the assurance report's"
	}
	ew.printf("  %-4s %-15s %-21s %s\n", "", "owner", "status", cols)
	for _, m := range res.Matrix {
		q := "q=" + qOwner(m) + " "
		if !withQ {
			q = ""
		}
		from := matrixFrom(m)
		if from != "" {
			from = "  from " + from
		}
		ew.printf("  %-4s %-15s %-21s %sa=%s%s%s\n", m.Domain, m.Owner, m.Status, q, m.AgreementOwner, matrixAssurance(m), from)
		if m.Surprise != "" {
			ew.printf("       ! %s\n", m.Surprise)
		}
	}
	if len(res.Contradictions) > 0 {
		ew.printf("\nContradictions\n")
		for _, f := range res.Contradictions {
			writeFinding(ew, f)
		}
	}
	if flags := redFlags(res); len(flags) > 0 {
		ew.printf("\nRed flags\n")
		for _, rf := range flags {
			ew.printf("  [RED FLAG] %s: %s\n      %s: %s\n", rf.rule, rf.flag.Title, where(rf.flag.Evidence), quoted(rf.flag.Evidence.Text))
		}
	}
	for _, st := range statusOrder {
		fs := byStatus(res, st)
		if len(fs) == 0 {
			continue
		}
		ew.printf("\n%s\n", statusTitle[st])
		for _, f := range fs {
			writeFinding(ew, f)
		}
	}
	for _, w := range res.ExpiredWaivers {
		ew.printf("\nExpired waiver (no longer applies): %s for %s, expired %s (%s)\n", w.Rule, w.Vendor, w.Expires, w.File)
	}
	writeAssuranceText(ew, res)
	writeOpinion(ew, res.SecondOpinion)
	for _, n := range notes {
		ew.printf("\nPartial result: %s.\n", n)
	}
	ew.printf("\n%s\n", res.Line())
	return ew.err
}

// writeOpinion prints the language model's second opinion (--llm): each
// re-check as the rules' status → the model's, with its quote and reason,
// the clauses it placed, its summary and its use of the endpoint.
func writeOpinion(ew *errWriter, op *analyze.SecondOpinion) {
	if op == nil {
		return
	}
	effect := "advisory: the rules' statuses stand"
	if op.Applied {
		effect = "applied: statuses marked CHANGED replace the rules' ones in the findings, score and verdict"
	}
	ew.printf("\nSecond opinion (language model %s at %s; %s)\n", op.Model, op.Endpoint, effect)
	for _, rc := range op.Rechecks {
		mark := "agrees "
		if rc.Changed {
			mark = "CHANGED"
		}
		ew.printf("  %s %s: %s → %s\n", mark, rc.Rule, rc.RuleStatus, rc.ModelStatus)
		if rc.Quote != "" {
			sec := ""
			if rc.Section != "" {
				sec = " §" + rc.Section
			}
			ew.printf("      quote%s: %s\n", sec, quoted(rc.Quote))
		}
		ew.printf("      reason: %s\n", rc.Reason)
	}
	if len(op.Classified) > 0 {
		ew.printf("  clauses and questionnaire items the rules could not place:\n")
		for _, c := range op.Classified {
			ew.printf("      %s: %s, %s (%s): %s\n", where(c.Evidence), c.Domain, c.Owner, c.Reason, quoted(clipText(c.Evidence.Text, 90)))
		}
	}
	if op.Summary != "" {
		ew.printf("  summary: %s\n", op.Summary)
	}
	ew.printf("  %s, %s, %d tokens", plural(op.Requests, "request"), plural(op.CacheHits, "cache hit"), op.Tokens)
	if op.DiscardedQuotes > 0 {
		ew.printf("; %s not in the document, discarded", plural(op.DiscardedQuotes, "quote"))
	}
	ew.printf("\n")
	for _, e := range op.Errors {
		ew.printf("  error: %s\n", e)
	}
}

// writeFinding prints one finding: a met term in two lines (where, and
// the quote), a shortfall with its explanation, evidence and the wording to
// ask for. Sources are in the md and json formats and in "ssrm rules show".
func writeFinding(ew *errWriter, f analyze.Finding) {
	ew.printf("  [%s] %s (%s): %s\n", strings.ToUpper(f.Status), f.Rule, f.Severity, f.Title)
	ew.printf("      %s\n", f.Explanation)
	if d := deadline(f.Deadline); d != "" {
		ew.printf("      deadline: %s\n", d)
	}
	for _, n := range f.Notes {
		ew.printf("      note: %s\n", findingNote(f, n))
	}
	if f.OnlyAgainst {
		ew.printf("      %s\n", onlyAgainstNote)
	}
	if w := f.Waiver; w != nil {
		ew.printf("      waived until %s: %s\n", w.Expires, w.Reason)
	}
	if d := f.Decision; d != nil {
		ew.printf("      decision: %s\n", d.Describe())
	}
	evidence := f.Evidence
	if f.Status == analyze.StatusMet && len(evidence) > 1 {
		evidence = evidence[:1]
	}
	for _, e := range evidence {
		note := ""
		if e.Note != "" {
			note = " (" + e.Note + ")"
		}
		ew.printf("      %s%s: %s\n", where(e), note, quoted(e.Text))
	}
	if p := f.Promise; p != nil && !promiseShown(f) {
		ew.printf("      %s (%s): %s\n", where(*p), p.Note, quoted(p.Text))
	}
	if f.Status != analyze.StatusMet && f.Status != analyze.StatusNotAssessed {
		ew.printf("      ask for: %s\n", f.Recommendation)
	}
}

// errWriter keeps the first write error so renderers stay readable.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}

// ocrNote says which pages came from OCR, so a reader weighs their quotes.
func ocrNote(in analyze.Input) string {
	if len(in.OCRPages) == 0 {
		return ""
	}
	return fmt.Sprintf("; text of %s read by OCR", plural(len(in.OCRPages), "page"))
}

// agreementSize is "4 pages, 11 clauses", or "57 clauses" without pages,
// with the agreement's kind and what it was read from ("; data
// processing agreement (kind read from the words "Data Processing
// Addendum" in the title)").
func agreementSize(in analyze.Input) string {
	s := plural(in.Clauses, "clause")
	if in.Pages > 0 {
		s = plural(in.Pages, "page") + ", " + s
	}
	if k := in.DocKind; k != nil {
		// The cue is the words that decided the kind ("Service
		// Agreement" in "Cloud Service Agreement"), not the title itself.
		switch k.From {
		case "none":
			s += "; " + k.Name + " (no title, preamble or headings name its kind)"
		case "headings":
			s += fmt.Sprintf("; %s (kind read from the headings %s)", k.Name, quoted(k.Cue))
		default:
			s += fmt.Sprintf("; %s (kind read from the words %s in the %s)", k.Name, quoted(k.Cue), k.From)
		}
	}
	return s
}

// clipText shortens s to about n bytes at a word boundary.
// quoted is a document's text as a reader sees it in quotation marks: its
// own quotation marks kept as written (fmt's %q escaped them, `\"`), line
// breaks and runs of spaces as one space, control characters left out.
func quoted(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	return `"` + strings.Join(strings.Fields(s), " ") + `"`
}

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndex(s[:n], " ")
	if cut <= 0 {
		// No space: cut at a character's start, never inside one.
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + "…"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

type ruleFlag struct {
	rule string
	flag analyze.RedFlagFound
}

// redFlags lists the wordings that work against a term ("we may change
// these terms without notice"), in finding order.
func redFlags(res *analyze.Result) []ruleFlag {
	var out []ruleFlag
	for _, f := range res.Findings {
		for _, rf := range f.RedFlags {
			out = append(out, ruleFlag{f.Rule, rf})
		}
	}
	return out
}

// writeSummaryText prints the executive summary: the verdict, the
// contradictions and the top asks.
func writeSummaryText(ew *errWriter, res *analyze.Result, failOn string) {
	s := summarize(res)
	ew.printf("\nSummary: verdict %s, score %s\n", s.Verdict, s.Score)
	if n := gateNote(res, failOn); n != "" {
		ew.printf("  %s\n", n)
	}
	if s.NotCovered != "" {
		ew.printf("  %s\n", s.NotCovered)
	}
	for _, c := range s.Contradictions {
		ew.printf("  contradiction: %s\n", c)
	}
	if len(s.Asks) > 0 {
		ew.printf("  top asks:\n")
	}
	for i, f := range s.Asks {
		ew.printf("    %d. [%s] %s (%s): %s\n", i+1, strings.ToUpper(f.Status), f.Rule, f.Severity, f.Title)
	}
	if s.More > 0 {
		ew.printf("    and %d more, below\n", s.More)
	}
	ew.printf("\n")
}

// modelText is the service model as the report names it: "saas (default)"
// when none was given and the documents state none.
func modelText(res *analyze.Result) string {
	if res.ServiceModelDefault {
		return res.ServiceModel + " (default)"
	}
	return res.ServiceModel
}

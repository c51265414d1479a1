package report

import (
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/internal/company"
)

// Portfolio is the result of a batch: one entry per vendor, assessed or
// failed, for the portfolio report.
type Portfolio struct {
	Vendors []PortfolioVendor
	// Interrupted is true when the batch was stopped (Ctrl-C) before every
	// vendor was assessed.
	Interrupted bool
}

// PortfolioVendor is what the portfolio keeps of one vendor: a summary,
// never the documents, so a batch of thousands stays small in memory.
type PortfolioVendor struct {
	Name         string
	ServiceModel string
	Criticality  string
	Score        int
	Verdict      string
	Summary      analyze.Summary
	// Statuses maps a rule id to its status; a contradiction wins.
	Statuses map[string]string
	// Rules lists the rule ids in the result's order.
	Rules []string
	// Report is the per-vendor report's file name in the output folder.
	Report string
	// Subprocessors are the subprocessor names the analysis found.
	Subprocessors []string
	// SubprocessorTerm is the subprocessors rule's status and evidence.
	SubprocessorTerm *analyze.Finding
	// Err says why the vendor could not be assessed ("" when it was).
	Err string
	// Partial says which pages of the vendor's documents could not be
	// read ("" when all were): the assessment rests on the others.
	Partial string
	// Warnings are the result's warnings (analyze.Result.Warnings: the
	// documents name different vendors), joined by "; " ("" when none).
	Warnings string
}

// Failed reports whether the vendor could not be assessed.
func (v PortfolioVendor) Failed() bool { return v.Err != "" }

// PortfolioEntry summarises one result for the portfolio.
func PortfolioEntry(res *analyze.Result) PortfolioVendor {
	v := PortfolioVendor{Name: res.Vendor, ServiceModel: res.ServiceModel, Score: res.Score, Verdict: res.Verdict, Summary: res.Summary, Statuses: map[string]string{}}
	for _, f := range res.Findings {
		v.Rules = append(v.Rules, f.Rule)
		v.Statuses[f.Rule] = f.Status
		if f.Rule == "subprocessors" {
			f := f
			v.SubprocessorTerm = &f
		}
	}
	for _, c := range res.Contradictions {
		v.Statuses[c.Rule] = analyze.StatusContradicted
	}
	v.Subprocessors = subprocessorNames(res)
	v.Partial = strings.Join(partialNotes(res), "; ")
	var ws []string
	for _, w := range res.Warnings {
		ws = append(ws, w.Message)
	}
	v.Warnings = strings.Join(ws, "; ")
	return v
}

// subprocessorNames lists the subprocessors a result names
// (analyze.Result.Subprocessors).
func subprocessorNames(res *analyze.Result) []string {
	var out []string
	for _, s := range res.Subprocessors {
		out = append(out, s.Name)
	}
	return out
}

// PortfolioFormats are the portfolio report formats.
var PortfolioFormats = []string{"xlsx", "html", "csv"}

// Ranked returns the assessed vendors by score, lowest (riskiest) first,
// then by name, and last those with no term assessed (not Scored), by
// name; failed vendors are left out.
func (p *Portfolio) Ranked() []PortfolioVendor {
	var out []PortfolioVendor
	for _, v := range p.Vendors {
		if !v.Failed() {
			out = append(out, v)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		// A vendor with no term assessed has no score to rank by: after
		// the scored ones, never as the riskiest.
		if si, sj := out[i].Summary.Scored(), out[j].Summary.Scored(); si != sj {
			return si
		}
		if out[i].Score != out[j].Score {
			return out[i].Score < out[j].Score
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// FailedVendors lists the vendors that could not be assessed.
func (p *Portfolio) FailedVendors() []PortfolioVendor {
	var out []PortfolioVendor
	for _, v := range p.Vendors {
		if v.Failed() {
			out = append(out, v)
		}
	}
	return out
}

// RuleIDs is the union of the vendors' rule ids, in first-seen order.
func (p *Portfolio) RuleIDs() []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range p.Vendors {
		for _, r := range v.Rules {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// SubprocessorUse is one subprocessor and the vendors that use it.
type SubprocessorUse struct {
	// Name is the fullest name the documents give the subprocessor
	// ("Amazon Web Services, Inc." over "AWS"); Names are all of them.
	Name  string
	Names []string
	// Vendors are the vendors that name it, each once, by the fullest name
	// the portfolio gives the vendor.
	Vendors []string
	// Assessed names the portfolio's own vendor that is this company, ""
	// when none is: a subprocessor assessed as a vendor in its own right.
	Assessed string
}

// Subprocessors lists every subprocessor named across the portfolio, with
// its vendors, by name. Names of one company are one subprocessor
// (company.Key: legal forms, "&" and "and", punctuation, case and the
// aliases of well-known providers, "AWS" for Amazon Web Services, are
// ignored), and so are the names of one vendor.
func (p *Portfolio) Subprocessors() []SubprocessorUse {
	var names []string
	for _, v := range p.Vendors {
		names = append(names, v.Subprocessors...)
	}
	vendorName := map[string]string{} // company key → fullest vendor name
	assessed := map[string]string{}   // the same, of the vendors assessed
	for _, v := range p.Vendors {
		k := company.Key(v.Name)
		vendorName[k] = company.Fullest([]string{vendorName[k], v.Name})
		if !v.Failed() {
			assessed[k] = company.Fullest([]string{assessed[k], v.Name})
		}
	}
	var out []SubprocessorUse
	for _, g := range company.GroupNames(names) {
		u := SubprocessorUse{Name: g.Name, Names: g.Names, Assessed: assessed[g.Key]}
		seen := map[string]bool{}
		for _, v := range p.Vendors {
			for _, s := range v.Subprocessors {
				if vk := company.Key(v.Name); company.Key(s) == g.Key && !seen[vk] {
					seen[vk] = true
					u.Vendors = append(u.Vendors, vendorName[vk])
				}
			}
		}
		out = append(out, u)
	}
	return out
}

// Line is the portfolio's one-line summary.
func (p *Portfolio) Line() string {
	verdicts := map[string]int{}
	for _, v := range p.Ranked() {
		verdicts[v.Verdict]++
	}
	failed := len(p.FailedVendors())
	// "fail" is a verdict; a vendor that could not be assessed (a file
	// unreadable, a timeout) is "not assessed", never "failed".
	s := fmt.Sprintf("%s: %d assessed (%d pass, %d review, %d fail), %d not assessed", plural(len(p.Vendors), "vendor"), len(p.Vendors)-failed,
		verdicts[analyze.VerdictPass], verdicts[analyze.VerdictReview], verdicts[analyze.VerdictFail], failed)
	if n := p.partialCount(); n > 0 {
		s += fmt.Sprintf("; %d assessed on part of their pages", n)
	}
	if n := p.warnedCount(); n == 1 {
		s += "; 1 with a warning"
	} else if n > 1 {
		s += fmt.Sprintf("; %d with warnings", n)
	}
	if failed > 0 || p.Interrupted {
		s += "; partial"
	}
	if p.Interrupted {
		s += " (interrupted)"
	}
	return s
}

// partialCount counts the assessed vendors whose documents were read in
// part.
func (p *Portfolio) partialCount() int {
	n := 0
	for _, v := range p.Ranked() {
		if v.Partial != "" {
			n++
		}
	}
	return n
}

// warnedCount counts the assessed vendors whose result has warnings (their
// documents name different vendors).
func (p *Portfolio) warnedCount() int {
	n := 0
	for _, v := range p.Ranked() {
		if v.Warnings != "" {
			n++
		}
	}
	return n
}

// WritePortfolio renders the portfolio as xlsx, html or csv.
func WritePortfolio(w io.Writer, format string, p *Portfolio) error {
	switch format {
	case "csv":
		return portfolioCSV(w, p)
	case "html":
		return portfolioHTML(w, p)
	case "xlsx":
		if isTerminal(w) {
			return fmt.Errorf("--portfolio-format xlsx %w", ErrBinaryTerminal)
		}
		return portfolioXLSX(w, p)
	}
	return fmt.Errorf("%w %q: want one of %s", ErrFormat, format, strings.Join(PortfolioFormats, ", "))
}

// subprocessorsOf lists a vendor's subprocessors, the names of one company
// once, by the fullest.
func subprocessorsOf(v PortfolioVendor) []string {
	var out []string
	for _, g := range company.GroupNames(v.Subprocessors) {
		out = append(out, g.Name)
	}
	return out
}

func subprocessorEvidence(v PortfolioVendor) string {
	if v.SubprocessorTerm == nil {
		return ""
	}
	ev := evidenceCell(v.SubprocessorTerm.Evidence)
	if ev == "" {
		return v.SubprocessorTerm.Status // "missing", no evidence to quote
	}
	return v.SubprocessorTerm.Status + ": " + ev
}

// portfolioCSV is one table: the ranked vendors with their rule statuses
// (the heat map), subprocessors, then the failed vendors with their error.
func portfolioCSV(w io.Writer, p *Portfolio) error {
	cw := csv.NewWriter(w)
	rules := p.RuleIDs()
	header := append([]string{"rank", "vendor", "service_model", "criticality", "score", "verdict", "met", "weak", "by_reference", "missing", "not_covered", "contradicted", "report", "error", "warnings", "partial", "subprocessor_names", "subprocessor_term"}, rules...)
	if err := cw.Write(header); err != nil {
		return err
	}
	row := func(rank string, v PortfolioVendor) []string {
		r := []string{rank, csvSafe(v.Name), v.ServiceModel, csvSafe(v.Criticality), "", "", "", "", "", "", "", "", csvSafe(v.Report), csvSafe(v.Err), csvSafe(v.Warnings), csvSafe(v.Partial), csvSafe(strings.Join(subprocessorsOf(v), "; ")), csvSafe(subprocessorEvidence(v))}
		if !v.Failed() {
			r[4], r[5] = v.scoreCell(), v.Verdict
			r[6], r[7], r[8], r[9], r[10], r[11] = strconv.Itoa(v.Summary.Met), strconv.Itoa(v.Summary.Weak), strconv.Itoa(v.Summary.ByReference), strconv.Itoa(v.Summary.Missing), strconv.Itoa(v.Summary.NotCovered), strconv.Itoa(v.Summary.Contradictions)
		}
		for _, id := range rules {
			r = append(r, v.Statuses[id])
		}
		return r
	}
	for i, v := range p.Ranked() {
		if err := cw.Write(row(strconv.Itoa(i+1), v)); err != nil {
			return err
		}
	}
	for _, v := range p.FailedVendors() {
		if err := cw.Write(row("", v)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from reading document text as a formula.
func csvSafe(s string) string {
	if formulaLike(s) {
		return "'" + s
	}
	return s
}

func portfolioXLSX(w io.Writer, p *Portfolio) error {
	wb, err := newWorkbook(Options{})
	if err != nil {
		return err
	}
	defer wb.f.Close()
	ranked := p.Ranked()
	if err := wb.sheet("Vendors", []column{{"rank", 6}, {"vendor", 30}, {"service model", 13}, {"criticality", 12}, {"score", 7}, {"verdict", 9}, {"met", 6}, {"weak", 6}, {"by reference", 12}, {"missing", 8}, {"not covered", 11}, {"contradicted", 12}, {"report", 40}, {"warnings", 80}, {"partial", 80}}, []int{6}, func(add addFunc) error {
		for i, v := range ranked {
			if err := add(i+1, v.Name, v.ServiceModel, v.Criticality, xlsxScore(v.Score, v.Summary), v.Verdict, v.Summary.Met, v.Summary.Weak, v.Summary.ByReference, v.Summary.Missing, v.Summary.NotCovered, v.Summary.Contradictions, v.Report, v.Warnings, v.Partial); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	rules := p.RuleIDs()
	cols := []column{{"vendor", 30}, {"score", 7}}
	for _, r := range rules {
		cols = append(cols, column{r, 14})
	}
	status := make([]int, len(rules))
	for i := range rules {
		status[i] = i + 3
	}
	if err := wb.sheet("Heatmap", cols, status, func(add addFunc) error {
		for _, v := range ranked {
			row := []any{v.Name, xlsxScore(v.Score, v.Summary)}
			for _, r := range rules {
				row = append(row, v.Statuses[r])
			}
			if err := add(row...); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := wb.sheet("Subprocessors", []column{{"subprocessor", 30}, {"vendors", 8}, {"used by", 80}, {"named as", 60}, {"assessed as vendor", 30}}, nil, func(add addFunc) error {
		for _, s := range p.Subprocessors() {
			if err := add(s.Name, len(s.Vendors), strings.Join(s.Vendors, "; "), strings.Join(s.Names, "; "), s.Assessed); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := wb.sheet("Subprocessor terms", []column{{"vendor", 30}, {"status", 12}, {"evidence", 120}}, []int{2}, func(add addFunc) error {
		for _, v := range ranked {
			if v.SubprocessorTerm == nil {
				continue
			}
			if err := add(v.Name, v.SubprocessorTerm.Status, evidenceCell(v.SubprocessorTerm.Evidence)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := wb.sheet("Failed", []column{{"vendor", 30}, {"error", 120}}, nil, func(add addFunc) error {
		for _, v := range p.FailedVendors() {
			if err := add(v.Name, v.Err); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return wb.write(w)
}

// portfolioTemplate is parsed on first use.
var portfolioTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("portfolio.html.tmpl").Funcs(template.FuncMap{
		"join":   strings.Join,
		"status": func(v PortfolioVendor, rule string) string { return v.Statuses[rule] },
		"subev":  subprocessorEvidence,
		"inc":    func(i int) int { return i + 1 },
	}).ParseFS(htmlFS, "html/portfolio.html.tmpl"))
})

func portfolioHTML(w io.Writer, p *Portfolio) error {
	return portfolioTemplate().Execute(w, struct {
		P             *Portfolio
		CSS           template.CSS
		Ranked        []PortfolioVendor
		Rules         []string
		Subprocessors []SubprocessorUse
		Failed        []PortfolioVendor
	}{p, htmlCSS(), p.Ranked(), p.RuleIDs(), p.Subprocessors(), p.FailedVendors()})
}

// ScoreText is the vendor's score as reports print it: the number, or
// analyze.NoScore when no term was assessed.
func (v PortfolioVendor) ScoreText() string {
	if !v.Summary.Scored() {
		return analyze.NoScore
	}
	return strconv.Itoa(v.Score)
}

// scoreCell is the score in a portfolio's CSV: empty when not Scored.
func (v PortfolioVendor) scoreCell() string {
	if !v.Summary.Scored() {
		return ""
	}
	return strconv.Itoa(v.Score)
}

// xlsxScore is a score cell of a workbook: the number, or NoScore's text
// where no term was assessed (a 0 there would sort as the riskiest).
func xlsxScore(score int, s analyze.Summary) any {
	if !s.Scored() {
		return analyze.NoScore
	}
	return score
}

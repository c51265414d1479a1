package report

import (
	"fmt"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
)

// reportTitles names the assurance report types as a reader says them.
var reportTitles = map[string]string{
	"soc2-type2":    "SOC 2 Type II",
	"soc2-type1":    "SOC 2 Type I",
	"soc1-type2":    "SOC 1 Type II",
	"soc1-type1":    "SOC 1 Type I",
	"soc3":          "SOC 3",
	"iso27001":      "ISO/IEC 27001 certificate",
	"bridge-letter": "bridge letter",
}

func reportTitle(t string) string {
	if s, ok := reportTitles[t]; ok {
		return s
	}
	return t
}

// assuranceLine describes one report in a line: "SOC 2 Type II by X,
// period 2025-04-01 to 2026-03-31; security, availability; opinion
// qualified; 6 CUECs, 2 subservice organizations, 3 exceptions".
func assuranceLine(r analyze.AssuranceSummary) string {
	s := reportTitle(r.Type)
	if r.Issuer != "" {
		s += " by " + r.Issuer
	}
	switch {
	case r.PointInTime:
		s += ", as of " + r.PeriodEnd
	case r.Type == "iso27001" && r.PeriodEnd != "":
		s += ", valid " + r.PeriodStart + " to " + r.PeriodEnd
	case r.PeriodEnd != "":
		s += ", period " + r.PeriodStart + " to " + r.PeriodEnd
	}
	var parts []string
	parts = append(parts, s)
	if len(r.Categories) > 0 {
		parts = append(parts, strings.Join(r.Categories, ", "))
	}
	if r.Opinion != "" {
		parts = append(parts, "opinion "+r.Opinion)
	}
	if strings.HasPrefix(r.Type, "soc") {
		parts = append(parts, fmt.Sprintf("%s, %s, %s", plural(r.CUECs, "CUEC"), plural(len(r.Subservice), "subservice organization"), plural(r.Exceptions, "exception")))
	}
	return strings.Join(parts, "; ")
}

// matrixAssurance is a matrix row's assurance part for the human formats:
// " r=shared (2 CUECs; third parties: AWS)", or "" when the reports say
// nothing of the domain.
func matrixAssurance(m analyze.MatrixRow) string {
	if m.AssuranceOwner == "" {
		return ""
	}
	var notes []string
	if m.CustomerControls > 0 {
		notes = append(notes, plural(m.CustomerControls, "CUEC"))
	}
	if len(m.ThirdParties) > 0 {
		notes = append(notes, "third parties: "+strings.Join(m.ThirdParties, ", "))
	}
	return fmt.Sprintf(" r=%s (%s)", m.AssuranceOwner, strings.Join(notes, "; "))
}

// subprocessorLine is a subprocessor with its method and where each
// document names it.
func subprocessorLine(s analyze.Subprocessor) string {
	name := s.Name
	if s.Method != "" {
		name += " (" + s.Method + ")"
	}
	if cols := strings.Trim(s.Purpose+"; "+s.Location, "; "); cols != "" {
		name += " [" + cols + "]" // a subprocessor table's purpose and location
	}
	var wh []string
	for _, e := range s.Evidence {
		wh = appendNew(wh, where(e))
	}
	return name + ": " + strings.Join(wh, "; ")
}

// writeAssuranceText prints the assurance part of the text report: the
// findings, the customer's responsibilities as a checklist, and the
// subprocessors merged across the documents.
func writeAssuranceText(ew *errWriter, res *analyze.Result) {
	a := res.Assurance
	if a == nil {
		return
	}
	ew.printf("\nAssurance reports\n")
	for _, r := range a.Reports {
		ew.printf("  %s: %s\n", r.Path, assuranceLine(r))
	}
	if len(a.Findings) > 0 {
		ew.printf("\nAssurance findings\n")
		for _, f := range a.Findings {
			writeFinding(ew, f)
		}
	}
	ew.printf("\nCustomer responsibilities (from the assurance report)\n")
	if len(a.CustomerResponsibilities) == 0 {
		ew.printf("  none stated (no complementary user entity controls)\n")
	}
	for _, c := range a.CustomerResponsibilities {
		ew.printf("  [ ] %-7s %s", strings.Join(c.Domains, ","), c.Text)
		if len(c.Criteria) > 0 {
			ew.printf(" (%s)", strings.Join(c.Criteria, ", "))
		}
		ew.printf("\n        %s\n", where(c.Evidence))
	}
	ew.printf("\nSubprocessors (merged across the documents)\n")
	if len(res.Subprocessors) == 0 {
		ew.printf("  none named\n")
	}
	for _, s := range res.Subprocessors {
		ew.printf("  %s\n", subprocessorLine(s))
	}
}

// writeAssuranceMarkdown is writeAssuranceText in Markdown: the
// responsibilities as a task list a team can paste into its tracker.
func writeAssuranceMarkdown(ew *errWriter, res *analyze.Result, section func(string, []analyze.Finding)) {
	a := res.Assurance
	if a == nil {
		return
	}
	ew.printf("\n## Assurance reports\n\n| report | reading |\n|---|---|\n")
	for _, r := range a.Reports {
		ew.printf("| %s | %s |\n", md(r.Path), md(assuranceLine(r)))
	}
	section("Assurance findings", a.Findings)
	ew.printf("\n## Customer responsibilities (from the assurance report)\n\n")
	if len(a.CustomerResponsibilities) == 0 {
		ew.printf("None stated (no complementary user entity controls).\n")
	}
	for _, c := range a.CustomerResponsibilities {
		crit := ""
		if len(c.Criteria) > 0 {
			crit = " (" + strings.Join(c.Criteria, ", ") + ")"
		}
		ew.printf("- [ ] **%s** %s%s — %s\n", strings.Join(c.Domains, ", "), md(c.Text), crit, md(where(c.Evidence)))
	}
	ew.printf("\n## Subprocessors (merged across the documents)\n\n")
	if len(res.Subprocessors) == 0 {
		ew.printf("None named.\n")
	}
	for _, s := range res.Subprocessors {
		ew.printf("- %s\n", md(subprocessorLine(s)))
	}
}

// pagesNote is ", N pages" for a paginated document.
func pagesNote(in analyze.Input) string {
	if in.Pages > 0 {
		return ", " + plural(in.Pages, "page")
	}
	return ""
}

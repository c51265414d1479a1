package report

import (
	"embed"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/ssrm-dev/ssrm/analyze"
)

//go:embed html/report.html.tmpl html/report.css html/portfolio.html.tmpl
var htmlFS embed.FS

// htmlRenderer writes one self-contained HTML file: inline CSS, no script,
// nothing fetched from the network. html/template escapes every piece of
// document text.
type htmlRenderer struct{}

// htmlTemplate is parsed on first use: a process that writes no HTML (a
// document reader, a JSON report) never parses it.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
		"join":     strings.Join,
		"where":    where,
		"deadline": deadline,
		"size": func(in analyze.Input) string {
			if in.Kind == "questionnaire" {
				if n := crosswalkNote(in); n != "" {
					return plural(in.Items, "item") + "; " + n
				}
				return plural(in.Items, "item")
			}
			if in.Kind == "assurance" {
				return reportTitle(in.ReportType) + pagesNote(in)
			}
			return agreementSize(in)
		},
		"qowner":    qOwner,
		"hasq":      hasQuestionnaire,
		"ownership": ownershipNote,
		"promise": func(f analyze.Finding) *analyze.Evidence {
			if promiseShown(f) {
				return nil
			}
			return f.Promise
		},
		"sides":        contradictionSides,
		"upper":        strings.ToUpper,
		"onlyagainst":  func() string { return onlyAgainstNote },
		"partials":     partialNotes,
		"reportline":   assuranceLine,
		"massurance":   matrixAssurance,
		"subprocessor": subprocessorLine,
		"redflags": func(res *analyze.Result) []htmlFlag {
			var out []htmlFlag
			for _, rf := range redFlags(res) {
				out = append(out, htmlFlag{Rule: rf.rule, Flag: rf.flag})
			}
			return out
		},
	}).ParseFS(htmlFS, "html/report.html.tmpl"))
})

var htmlCSS = sync.OnceValue(func() template.CSS {
	b, err := htmlFS.ReadFile("html/report.css")
	if err != nil {
		panic(err)
	}
	return template.CSS(b) // our own embedded file, not document text
})

// gridOwners are the matrix grid's columns.
var gridOwners = []analyze.Owner{analyze.OwnerVendor, analyze.OwnerShared, analyze.OwnerCustomer, analyze.OwnerThirdParty, analyze.OwnerNotApplicable, analyze.OwnerUnassigned}

type gridRow struct {
	Row analyze.MatrixRow
	// Cells has one entry per gridOwners column: the row's status in the
	// column of its owner, "" elsewhere.
	Cells []string
}

// htmlFlag is a red flag with its rule, as the text and Markdown reports
// list them (redFlags).
type htmlFlag struct {
	Rule string
	Flag analyze.RedFlagFound
}

type findingGroup struct {
	Title, Status string
	Findings      []analyze.Finding
}

type htmlData struct {
	Vendor   string
	Res      *analyze.Result
	CSS      template.CSS
	Owners   []analyze.Owner
	Statuses []string
	Grid     []gridRow
	Groups   []findingGroup
	Summary  execSummary
}

func (htmlRenderer) Render(w io.Writer, res *analyze.Result) error {
	d := htmlData{Vendor: vendorTitle(res, "vendor not named"), Res: res, CSS: htmlCSS(), Owners: gridOwners, Summary: summarize(res),
		Statuses: []string{analyze.MatrixVendor, analyze.MatrixCustomer, analyze.MatrixSharedWithTerms, analyze.MatrixSharedWithoutTerms, analyze.MatrixConflict, analyze.MatrixUnassigned}}
	for _, m := range res.Matrix {
		g := gridRow{Row: m, Cells: make([]string, len(gridOwners))}
		for i, o := range gridOwners {
			if m.Owner == o {
				g.Cells[i] = m.Status
			}
		}
		d.Grid = append(d.Grid, g)
	}
	d.Groups = []findingGroup{{"Contradictions", analyze.StatusContradicted, res.Contradictions}}
	for _, st := range statusOrder {
		d.Groups = append(d.Groups, findingGroup{statusTitle[st], st, byStatus(res, st)})
	}
	return htmlTemplate().Execute(w, d)
}

type sides struct {
	Promise, Terms []analyze.Evidence
}

// contradictionSides splits a contradiction's evidence into the
// questionnaire promise and the agreement's terms.
func contradictionSides(f analyze.Finding) sides {
	var s sides
	for _, e := range f.Evidence {
		if e.Sheet != nil || strings.HasPrefix(e.Note, "questionnaire") {
			s.Promise = append(s.Promise, e)
		} else {
			s.Terms = append(s.Terms, e)
		}
	}
	if len(s.Promise) == 0 && f.Promise != nil {
		s.Promise = append(s.Promise, *f.Promise)
	}
	return s
}

package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
)

// xlsxRenderer writes the workbook a reviewer filters and annotates:
// sheets Summary, Matrix, Findings, Questionnaire and Clauses, each with a
// frozen header row, an autofilter, column widths and status colours by
// conditional formatting. Rows are streamed (excelize StreamWriter), so a
// large questionnaire or agreement costs little memory.
type xlsxRenderer struct{}

// Sheet names of the report workbook.
const (
	SheetSummary       = "Summary"
	SheetMatrix        = "Matrix"
	SheetFindings      = "Findings"
	SheetQuestionnaire = "Questionnaire"
	SheetClauses       = "Clauses"
	// SheetCustomer and SheetSubprocessors are written when assurance
	// reports were given: the CUECs as a checklist, and the subprocessors
	// merged across the documents.
	SheetCustomer      = "Customer responsibilities"
	SheetSubprocessors = "Subprocessors"
)

func (r xlsxRenderer) Render(w io.Writer, res *analyze.Result) error {
	return r.RenderOptions(w, res, Options{})
}

func (xlsxRenderer) RenderOptions(w io.Writer, res *analyze.Result, opts Options) error {
	wb, err := newWorkbook(opts)
	if err != nil {
		return err
	}
	defer wb.f.Close()
	if err := wb.sheet(SheetSummary, []column{{"field", 22}, {"value", 90}}, nil, func(add addFunc) error {
		for _, kv := range [][2]any{
			{"vendor", res.Vendor}, {"service model", res.ServiceModel}, {"rule packs", strings.Join(res.Packs, ", ")},
			{"score", xlsxScore(res.Score, res.Summary)}, {"verdict", res.Verdict}, {"summary", res.Line()},
			{"rules", res.Summary.Rules}, {"met", res.Summary.Met}, {"weak", res.Summary.Weak},
			{"missing", res.Summary.Missing}, {"contradicted", res.Summary.Contradictions},
			{"not covered", res.Summary.NotCovered},
		} {
			if err := add(kv[0], kv[1]); err != nil {
				return err
			}
		}
		for _, w := range res.Warnings {
			if err := add("warning: "+w.Code, w.Message); err != nil {
				return err
			}
		}
		for _, in := range res.Inputs {
			size := agreementSize(in)
			switch in.Kind {
			case "questionnaire":
				size = plural(in.Items, "item")
			case "assurance":
				size = reportTitle(in.ReportType) + pagesNote(in)
			}
			if err := add("input: "+in.Kind, fmt.Sprintf("%s (%s): %s", in.Path, in.Format, size)); err != nil {
				return err
			}
		}
		for _, n := range partialNotes(res) {
			if err := add("partial result", n); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := wb.sheet(SheetMatrix, []column{{"domain", 9}, {"title", 44}, {"owner", 14}, {"status", 22}, {"questionnaire owner", 20}, {"agreement owner", 18}, {"evidence", 100}}, []int{4}, func(add addFunc) error {
		for _, m := range res.Matrix {
			if err := add(m.Domain, m.Title, string(m.Owner), m.Status, string(m.QuestionnaireOwner), string(m.AgreementOwner), evidenceCell(m.Evidence)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := wb.sheet(SheetFindings, []column{{"rule", 26}, {"title", 44}, {"status", 14}, {"severity", 10}, {"category", 20}, {"domain", 8}, {"owner", 12}, {"deadline", 30}, {"weakeners", 36}, {"explanation", 50}, {"evidence", 90}, {"recommendation", 80}, {"sources", 50}}, []int{3}, func(add addFunc) error {
		all := [][]analyze.Finding{res.Contradictions, res.Findings}
		if res.Assurance != nil {
			all = append(all, res.Assurance.Findings)
		}
		// The terms the documents sent cannot carry come last, apart.
		for _, apart := range []bool{false, true} {
			for _, fs := range all {
				for _, f := range fs {
					if f.Status != analyze.StatusContradicted && contradicted(res, f.Rule) || (f.Status == analyze.StatusNotCovered) != apart {
						continue // each term once: under its contradiction
					}
					if err := add(f.Rule, f.Title, f.Status, string(f.Severity), f.Category, f.Domain, string(f.Owner), deadline(f.Deadline),
						strings.Join(f.Weakeners, "; "), f.Explanation, evidenceCell(f.Evidence), f.Recommendation, strings.Join(f.Sources, "; ")); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	var q *extract.Questionnaire
	var ags []*extract.Agreement
	if opts.Docs != nil {
		q, ags = opts.Docs.Questionnaire, opts.Docs.Agreements
	}
	if err := wb.sheet(SheetQuestionnaire, []column{{"id", 12}, {"domain", 8}, {"question", 60}, {"answer", 12}, {"answer normalized", 14}, {"ownership", 22}, {"owner", 14}, {"notes", 50}, {"CSP implementation", 50}, {"CSC responsibilities", 50}, {"sheet", 14}, {"cell", 8}}, nil, func(add addFunc) error {
		if q == nil {
			return nil
		}
		for _, it := range q.Items {
			o, _ := analyze.ParseOwner(it.Ownership)
			if err := add(it.ID, analyze.DomainOfID(it.ID), it.Question, it.Answer, it.AnswerNormalized, it.Ownership, string(o), it.Notes, it.CSPImplementation, it.CSCResponsibilities, it.Sheet, it.Cell); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := wb.sheet(SheetClauses, []column{{"file", 30}, {"section", 10}, {"heading", 30}, {"pages", 8}, {"parent", 8}, {"text", 120}}, nil, func(add addFunc) error {
		for _, a := range ags {
			for _, c := range a.Clauses {
				if err := add(a.Path, c.ID, c.Heading, joinInts(c.Pages), c.Parent, c.Text); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if res.Assurance != nil {
		if err := wb.sheet(SheetCustomer, []column{{"done", 6}, {"domains", 12}, {"criteria", 20}, {"customer responsibility (CUEC)", 100}, {"where", 60}}, nil, func(add addFunc) error {
			for _, c := range res.Assurance.CustomerResponsibilities {
				if err := add("", strings.Join(c.Domains, ", "), strings.Join(c.Criteria, ", "), c.Text, where(c.Evidence)); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
		if err := wb.sheet(SheetSubprocessors, []column{{"name", 36}, {"method", 12}, {"services", 60}, {"named in", 100}}, nil, func(add addFunc) error {
			for _, s := range res.Subprocessors {
				var wh []string
				for _, e := range s.Evidence {
					wh = appendNew(wh, where(e))
				}
				if err := add(s.Name, s.Method, s.Services, strings.Join(wh, "\n")); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
	wb.f.SetActiveSheet(0)
	return wb.write(w)
}

// column is a header caption and its width in characters.
type column struct {
	name  string
	width float64
}

type addFunc func(values ...any) error

// workbook builds one report workbook, sheet by sheet, in one goroutine.
type workbook struct {
	f      *excelize.File
	header int
	// quoted is the cell style with quotePrefix set: a text cell that
	// starts like a formula stays text when a user edits it in Excel.
	quoted int
	first  bool
	status map[string]int // conditional style per status value
}

// statusColours fill a status cell: findings' and the matrix's statuses.
var statusColours = map[string]string{
	analyze.StatusMet:                "C6EFCE",
	analyze.StatusWeak:               "FFEB9C",
	analyze.StatusMissing:            "FFC7CE",
	analyze.StatusContradicted:       "FF8B8B",
	analyze.StatusByReference:        "FCE4D6",
	analyze.StatusNotAssessed:        "EDEDED",
	analyze.StatusNotCovered:         "EDEDED",
	analyze.MatrixSharedWithTerms:    "C6EFCE",
	analyze.MatrixSharedWithoutTerms: "FFEB9C",
	analyze.MatrixConflict:           "FF8B8B",
	analyze.MatrixUnassigned:         "D9D9D9",
	analyze.MatrixVendor:             "BDD7EE",
	analyze.MatrixCustomer:           "E4DFEC",
	"fail":                           "FFC7CE",
	"review":                         "FFEB9C",
	"pass":                           "C6EFCE",
}

// newWorkbook starts a report workbook. Its styles are created in a fixed
// order and its properties carry the time of opts (see stamp), so the same
// input gives the same bytes.
func newWorkbook(opts Options) (*workbook, error) {
	at, err := stamp(opts)
	if err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	wb := &workbook{f: f, first: true, status: map[string]int{}}
	props := &excelize.DocProperties{Creator: "ssrm"}
	if !at.IsZero() {
		props.Created = at.Format(time.RFC3339)
		props.Modified = props.Created
	}
	if err := f.SetDocProps(props); err != nil {
		return nil, err
	}
	wb.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E78"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	if err != nil {
		return nil, err
	}
	for _, st := range slices.Sorted(maps.Keys(statusColours)) {
		id, err := f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{statusColours[st]}, Shading: 0}})
		if err != nil {
			return nil, err
		}
		wb.status[st] = id
	}
	if wb.quoted, err = quotedStyle(f); err != nil {
		return nil, err
	}
	return wb, nil
}

// quotedStyle adds a cell style that looks like the default one but has
// quotePrefix="1", which excelize's Style cannot express: the style is
// created with an explicit bottom alignment (so excelize does not reuse
// style 0) and the flag is set on its record in the workbook's style
// sheet. It must be the last style created: excelize compares styles
// without the flag and would hand this one out for an equal style.
func quotedStyle(f *excelize.File) (int, error) {
	id, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "bottom"}})
	if err != nil {
		return 0, err
	}
	if f.Styles == nil || f.Styles.CellXfs == nil || id <= 0 || id >= len(f.Styles.CellXfs.Xf) {
		return 0, fmt.Errorf("xlsx: no cell style record %d for the quote prefix", id)
	}
	on := true
	f.Styles.CellXfs.Xf[id].QuotePrefix = &on
	return id, nil
}

// formulaLike reports whether a spreadsheet would read s as a formula (or
// strip its first character): it starts with = + - @, a tab or a carriage
// return (OWASP, "CSV injection").
func formulaLike(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// write saves the workbook to w with its parts in name order. excelize
// writes the streamed sheets in map order, so two saves of the same
// workbook differ; the parts are copied as they are (compressed bytes,
// headers), only their order changes.
func (wb *workbook) write(w io.Writer) error {
	buf, err := wb.f.WriteToBuffer()
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	zw := zip.NewWriter(w)
	for _, f := range files {
		raw, err := f.OpenRaw()
		if err != nil {
			return err
		}
		fw, err := zw.CreateRaw(&f.FileHeader)
		if err != nil {
			return err
		}
		if _, err := io.Copy(fw, raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// maxCell keeps a cell under Excel's 32,767-character limit.
const maxCell = 32000

// clipCell cuts s to at most maxCell bytes at a character's start (never
// inside a multi-byte character, which would leave invalid UTF-8 in the
// sheet's XML) and marks the cut with " …".
func clipCell(s string) string {
	if len(s) <= maxCell {
		return s
	}
	cut := maxCell
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + " …"
}

// sheet streams one sheet: a frozen, filtered header row, then the rows;
// statusCols (1-based) get the status colours. rows is called twice: once
// to count the rows for the sheet's dimension, once to write them.
func (wb *workbook) sheet(name string, cols []column, statusCols []int, rows func(add addFunc) error) error {
	if wb.first {
		if err := wb.f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
		wb.first = false
	} else if _, err := wb.f.NewSheet(name); err != nil {
		return err
	}
	// The stream writer writes the sheet's <dimension> before the rows,
	// from the worksheet as it stands: the rows are counted first (rows
	// only reads what it is given), so that the sheet declares its real
	// size, not A1 (a reader that trusts it would see one cell).
	rowCount, colCount := 1, len(cols)
	if err := rows(func(values ...any) error {
		rowCount++
		colCount = max(colCount, len(values))
		return nil
	}); err != nil {
		return err
	}
	lastCol, _ := excelize.ColumnNumberToName(colCount)
	if err := wb.f.SetSheetDimension(name, fmt.Sprintf("A1:%s%d", lastCol, rowCount)); err != nil {
		return err
	}
	sw, err := wb.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
		header[i] = excelize.Cell{StyleID: wb.header, Value: c.name}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	n := 1
	err = rows(func(values ...any) error {
		n++
		for i, v := range values {
			s, ok := v.(string)
			if !ok {
				continue
			}
			if len(s) > maxCell {
				s = clipCell(s)
				values[i] = s
			}
			if formulaLike(s) {
				values[i] = excelize.Cell{StyleID: wb.quoted, Value: s}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		return sw.SetRow(cell, values)
	})
	if err != nil {
		return err
	}
	// The autofilter and conditional formats go into the worksheet the
	// stream writer encodes at Flush, so they are set before it.
	last, _ := excelize.ColumnNumberToName(len(cols))
	if err := wb.f.AutoFilter(name, fmt.Sprintf("A1:%s%d", last, max(n, 2)), nil); err != nil {
		return err
	}
	for _, c := range statusCols {
		col, _ := excelize.ColumnNumberToName(c)
		var cf []excelize.ConditionalFormatOptions
		for _, st := range slices.Sorted(maps.Keys(wb.status)) {
			id := wb.status[st]
			cf = append(cf, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: `"` + st + `"`, Format: &id})
		}
		if err := wb.f.SetConditionalFormat(name, fmt.Sprintf("%s2:%s%d", col, col, max(n, 2)), cf); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// evidenceCell puts a list of evidence in one cell, one quote a line.
func evidenceCell(evs []analyze.Evidence) string {
	var b strings.Builder
	for i, e := range evs {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(where(e))
		if e.Note != "" {
			b.WriteString(" (" + e.Note + ")")
		}
		b.WriteString(": " + e.Text)
	}
	return b.String()
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ",")
}

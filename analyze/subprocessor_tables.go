package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// A table of subprocessors names them in a column whose header says what
// they are ("Sub-processor | Purpose | Location", a DOCX or Markdown table
// read as pipe rows; "SUB-PROCESSOR SERVICE LOCATION PURPOSE", a PDF's
// rows laid out under a header line). Such a column's cells are names
// even without a legal form ("Render", "Vercel").
var (
	// reTableNameCol is a header cell naming the suppliers' column.
	reTableNameCol = lazyre.New(`(?i)^((full |legal )?names? of (the )?)?(sub-?processors?|sub-?contractors?|(third[- ]party |service )?(vendors?|providers?)|(legal )?entit(y|ies)|compan(y|ies))( (legal )?names?| entity)?$`)
	// reTableLocationCol is a header cell for where the supplier processes.
	reTableLocationCol = lazyre.New(`(?i)\b(locations?|countr(y|ies)|regions?)\b`)
	// reTablePurposeCol is a header cell for what the supplier does.
	reTablePurposeCol = lazyre.New(`(?i)\b(purposes?|services?|functions?|descriptions?|activit(y|ies)|nature of (the )?processing)\b`)
	// reTableNotName are cells that name no supplier: empty, "N/A",
	// dashes, a placeholder ("[Name]", "<name>", "TBD").
	reTableNotName = lazyre.New(`(?i)^(|n/?a|none|names?|tbd|tbc|-+|—|–|\[.*\]|<.*>|\{.*\}|\(.*\)|.*\[(name|insert|company|vendor|entity)[^\]]*\].*)$`)
	// rePDFTableHeader is a PDF header line in capitals whose first cell
	// names the suppliers' column.
	rePDFTableHeader = lazyre.New(`^(SUB-?PROCESSORS?|SUB-?CONTRACTORS?|VENDORS?|(SERVICE )?PROVIDERS?|ENTITY|COMPANY)( NAMES?)?( [A-Z][A-Z/&()-]*){1,6}$`)
	// rePDFTitleHeader is a PDF header line in title case whose first cell
	// names the suppliers' column ("Subprocessor Purpose Data accessed");
	// the words after it must name a location or purpose column, so that
	// a sentence starting with "Vendor" is no header.
	rePDFTitleHeader = lazyre.New(`^(Sub-?processors?|Sub-?contractors?|Vendors?|(Service )?Providers?|Entity|Company)( [Nn]ames?)?(( [A-Za-z/&()-]+){1,5})$`)
	// reTableNotNameWords are cells that point elsewhere or say something
	// ("See Annex 3", "as listed at https://...").
	reTableNotNameWords = lazyre.New(`(?i)\b(see|listed|available|described|refer|annex|schedule|exhibit|appendix|shall|will|may)\b|https?://|www\.`)
	// reTableSeparator is a Markdown table's rule row.
	reTableSeparator = lazyre.New(`^\|?[\s:|-]+\|?$`)
)

// tableSubprocessor is one supplier named in a table row.
type tableSubprocessor struct {
	name, location, purpose string
	row                     string
}

// tableSubprocessors reads the suppliers the tables of a clause's text
// name: pipe rows under a header with a name column, and PDF rows under a
// capitalised header whose first column is the name column.
func tableSubprocessors(text string) []tableSubprocessor {
	var out []tableSubprocessor
	lines := strings.Split(text, "\n")
	nameCol, locCol, purCol := -1, -1, -1
	// inTable: the line before was a row of the same table, whose first
	// row (its header) had no suppliers' column when nameCol < 0.
	pdfHeader, inTable := false, false
	for _, raw := range lines {
		line := strings.TrimSpace(raw)
		if !strings.Contains(line, "|") {
			nameCol, inTable = -1, false
			if rePDFTableHeader.MatchString(line) || pdfTitleHeader(line) {
				pdfHeader = true
				continue
			}
			if pdfHeader && line != "" {
				if n := pdfRowName(line); n != "" {
					out = append(out, tableSubprocessor{name: n, row: line})
				} else if isCapsLine(line) {
					pdfHeader = false // the next heading ends the table
				}
			}
			continue
		}
		pdfHeader = false
		if reTableSeparator.MatchString(line) {
			continue
		}
		cells := pipeCells(line)
		if nameCol < 0 && inTable {
			continue // a table whose header names no suppliers
		}
		if nameCol < 0 {
			inTable = true
			// A header row: its name column, and where it says the
			// location and the purpose are.
			for i, c := range cells {
				switch {
				case nameCol < 0 && reTableNameCol.MatchString(c):
					nameCol = i
				case locCol < 0 && reTableLocationCol.MatchString(c):
					locCol = i
				case purCol < 0 && reTablePurposeCol.MatchString(c):
					purCol = i
				}
			}
			if nameCol < 0 {
				locCol, purCol = -1, -1
			}
			continue
		}
		if nameCol >= len(cells) {
			continue
		}
		n := tableName(cells[nameCol])
		if n == "" {
			continue
		}
		ts := tableSubprocessor{name: n, row: line}
		if locCol >= 0 && locCol < len(cells) && !reTableNotName.MatchString(cells[locCol]) {
			ts.location = cells[locCol]
		}
		if purCol >= 0 && purCol < len(cells) && !reTableNotName.MatchString(cells[purCol]) {
			ts.purpose = cells[purCol]
		}
		out = append(out, ts)
	}
	return out
}

// pipeCells splits a pipe row into its trimmed cells ("| a | b |" and
// "a | b" alike).
func pipeCells(line string) []string {
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	cells := strings.Split(line, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// tableName is a name column's cell as a supplier's name, "" when it names
// none: a placeholder, "N/A", a header word, a sentence.
func tableName(cell string) string {
	cell = strings.Join(strings.Fields(strings.Trim(cell, " *_`")), " ")
	if i := strings.Index(cell, " ("); i > 0 && strings.HasSuffix(cell, ")") {
		cell = cell[:i] // "Render (in-memory only)"
	}
	if reTableNotName.MatchString(cell) || reTableNameCol.MatchString(cell) || reNotSupplier.MatchString(cell) {
		return ""
	}
	if len(strings.Fields(cell)) > 6 || reTableNotNameWords.MatchString(cell) {
		return ""
	}
	r := cell[0]
	if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
		return ""
	}
	return cell
}

// pdfRowName is the supplier a PDF table row starts with: a company by its
// legal form or a known provider; the row's other columns cannot be told
// apart once the layout's spacing is read as one space.
func pdfRowName(line string) string {
	if loc := reCompany.FindStringIndex(line); loc != nil && loc[0] == 0 {
		return line[:loc[1]]
	}
	if loc := reKnownProvider.FindStringIndex(line); loc != nil && loc[0] == 0 {
		return line[:loc[1]]
	}
	return ""
}

// pdfTitleHeader says a line is a PDF table's header in title case: the
// suppliers' column first, then a location or purpose column.
func pdfTitleHeader(line string) bool {
	m := rePDFTitleHeader.FindStringSubmatch(line)
	return m != nil && (reTableLocationCol.MatchString(m[4]) || reTablePurposeCol.MatchString(m[4]))
}

// isCapsLine says a line is written in capitals (a heading, "SECTION 6").
func isCapsLine(line string) bool {
	return strings.ToUpper(line) == line && strings.ContainsAny(line, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}

// agreementTableSubprocessors lists the suppliers the agreements' tables
// name, each row read once, in the most specific clause that holds it.
func agreementTableSubprocessors(ags []*extract.Agreement, add func(name, location, purpose string, ev Evidence)) {
	for _, a := range ags {
		type hit struct {
			ts  tableSubprocessor
			c   extract.Clause
			len int
		}
		best := map[string]*hit{}
		var order []string
		for _, c := range a.Clauses {
			for _, ts := range tableSubprocessors(c.Text) {
				k := ts.row
				if h := best[k]; h != nil {
					if len(c.Text) < h.len {
						h.c, h.len = c, len(c.Text)
					}
					continue
				}
				best[k] = &hit{ts, c, len(c.Text)}
				order = append(order, k)
			}
		}
		for _, k := range order {
			h := best[k]
			ev := Evidence{File: a.Path, Section: h.c.ID, Text: h.ts.row, Note: "names a subprocessor (table)"}
			if len(h.c.Pages) > 0 {
				p := h.c.Pages[0]
				ev.Page = &p
			}
			add(h.ts.name, h.ts.location, h.ts.purpose, ev)
		}
	}
}

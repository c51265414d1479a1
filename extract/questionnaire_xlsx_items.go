package extract

import (
	"fmt"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
	"github.com/xuri/excelize/v2"
)

// firstLine returns the first line of s, trimmed.
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if l, _, ok := strings.Cut(s, "\n"); ok {
		return strings.TrimSpace(l)
	}
	return s
}

// layoutItems turns one data row into its Items: none if the row is not a
// question, one, or one per ID-prefixed line of a multi-question cell.
func layoutItems(sheet string, lay *sheetLayout, r bufRow) []Item {
	get := func(role int) string {
		cs := lay.roles[role]
		if len(cs.cols) == 1 {
			return strings.TrimSpace(cell(r.cells, cs.cols[0]))
		}
		return rangeValue(cs, r.cells, lay.serviceModel)
	}
	it := Item{Sheet: sheet, Row: r.num}
	q := get(roleQuestion)
	switch {
	case lay.multiQ && multiQLine.MatchString(firstLine(q)):
		// The line prefixes are the IDs.
	case lay.roles[roleID].ok():
		id := strings.TrimSpace(get(roleID))
		if !questionID.MatchString(id) || metadataID.MatchString(id) {
			return nil
		}
		if lay.roles[roleQuestion].ok() && q == "" {
			return nil
		}
		it.ID = id
	case lay.titleID >= 0:
		if q == "" {
			return nil
		}
		m := titleNumber.FindStringSubmatch(strings.TrimSpace(cell(r.cells, lay.titleID)))
		if m == nil {
			return nil
		}
		it.ID = m[1]
	default:
		if q == "" || noteRow(lay, r) {
			return nil
		}
		it.ID = fmt.Sprintf("%s!%d", sheet, r.num)
	}
	it.Question = q
	it.Answer = get(roleAnswer)
	it.AnswerNormalized = NormalizeAnswer(it.Answer)
	it.Ownership = get(roleOwner)
	it.CSPImplementation = get(roleCSPImpl)
	it.CSCResponsibilities = get(roleCSCResp)
	if lay.roles[roleNotes].ok() {
		it.Notes = get(roleNotes)
	} else {
		it.Notes = it.CSPImplementation
	}
	col := -1
	switch {
	case lay.roles[roleAnswer].ok():
		cs := lay.roles[roleAnswer]
		col = cs.cols[0]
		for _, c := range cs.cols {
			if strings.TrimSpace(cell(r.cells, c)) != "" {
				col = c
				break
			}
		}
	case lay.roles[roleQuestion].ok():
		col = lay.roles[roleQuestion].cols[0]
	default:
		col = lay.roles[roleID].cols[0]
	}
	it.Cell, _ = excelize.CoordinatesToCellName(col+1, r.num)
	if it.ID != "" {
		return []Item{it}
	}
	return splitQuestions(it, q)
}

// splitQuestions makes one item per ID-prefixed line of a question cell;
// lines without a prefix continue the question above.
func splitQuestions(base Item, q string) []Item {
	var out []Item
	for _, line := range strings.Split(q, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if m := multiQLine.FindStringSubmatch(line); m != nil {
			it := base
			it.ID = strings.TrimSpace(m[1])
			it.Question = strings.TrimSpace(m[2])
			out = append(out, it)
			continue
		}
		if len(out) > 0 {
			out[len(out)-1].Question += "\n" + line
		}
	}
	return out
}

// noteRow reports whether a row of an ID-less layout is a note rather than
// an item: only its question cell is filled, with a sentence, while the
// layout has an answer column.
func noteRow(lay *sheetLayout, r bufRow) bool {
	if !lay.roles[roleAnswer].ok() {
		return false
	}
	qc := lay.roles[roleQuestion].cols[0]
	for c, v := range r.cells {
		if c != qc && strings.TrimSpace(v) != "" {
			return false
		}
	}
	q := strings.TrimSpace(cell(r.cells, qc))
	return len(q) > 100 || strings.HasSuffix(q, ".")
}

// rangeValue reads a role spread over several columns: the sub-captions of
// the marked columns where the cells hold marks (x, ✓), else
// "Caption=value" pairs, joined with "; ". Per-service-model pairs put the
// chosen model first.
func rangeValue(cs colSet, cells []string, serviceModel string) string {
	var marked, pairs []string
	marks := true
	chosen := -1
	for i, c := range cs.cols {
		v := strings.TrimSpace(cell(cells, c))
		if v == "" {
			continue
		}
		marked = append(marked, cs.subs[i])
		if serviceModel != "" && serviceSubs.MatchString(cs.subs[i]) && strings.EqualFold(cs.subs[i], serviceModel) {
			chosen = len(pairs)
		}
		pairs = append(pairs, cs.subs[i]+"="+v)
		marks = marks && markCell.MatchString(v)
	}
	if marks {
		return strings.Join(marked, "; ")
	}
	if chosen > 0 {
		p := pairs[chosen]
		copy(pairs[1:chosen+1], pairs[:chosen])
		pairs[0] = p
	}
	return strings.Join(pairs, "; ")
}

// sheetFormat records the title text above the header, the version stated
// there (or in the sheet name) and whether the sheet is a CAIQ v4.
func sheetFormat(sheet string, buf []bufRow, lay *sheetLayout, sr *sheetResult) {
	var title []string
	version := ""
	if m := caiqSheet.FindStringSubmatch(strings.TrimSpace(sheet)); m != nil && m[1] != "" && strings.Contains(m[1], ".") {
		version = m[1]
	}
	fromTitle := ""
	for _, r := range buf {
		if r.num >= lay.headerRow {
			break
		}
		for _, v := range r.cells {
			v = strings.TrimSpace(v)
			if v == "" || len(v) > 200 {
				continue
			}
			title = append(title, v)
			if m := versionCell.FindStringSubmatch(v); m != nil && (fromTitle == "" || len(m[1]) > len(fromTitle)) {
				fromTitle = m[1]
			}
		}
	}
	if version == "" {
		version = fromTitle
	}
	sr.title = strings.Join(title, " | ")
	sr.version = version
	capsText := strings.Join(lay.captions, "|")
	isCAIQ := caiqSheet.MatchString(strings.TrimSpace(sheet)) || caiqTitle.MatchString(sr.title)
	v4Captions := strings.Contains(capsText, "ssrm control ownership") || strings.Contains(capsText, "csp caiq answer")
	sr.caiqV4 = v4Captions || (isCAIQ && strings.HasPrefix(version, "4"))
	if sr.caiqV4 && !strings.HasPrefix(version, "4.") {
		sr.version = "4"
	}
}

var (
	vendorCaptions  = map[string]bool{"vendor": true, "vendor name": true, "company": true, "company name": true, "csp name": true, "csp": true, "provider": true, "provider name": true, "cloud service provider": true, "organization name": true, "supplier name": true, "solution provider name": true}
	productCaptions = map[string]bool{"product": true, "product name": true, "solution name": true, "service name": true, "system name": true, "cloud service": true, "product/service name": true}
	statedCell      = lazyre.New(`(?i)^(vendor|company|csp|product|solution|service|system)(?: name)?\s*:\s*(\S.{0,80})$`)
	// legendVendor is a legend entry naming the vendor: "Meridian (App Vendor)".
	legendVendor = lazyre.New(`(?i)^(\S.{0,40}?)\s*\((?:[a-z]+\s)?vendor\)$`)
)

// statedNames finds the vendor and product named in rows up to lastRow: a cell
// captioned "Vendor Name", "Company Name", "CSP Name", "Product Name"… with
// the value in one of the next cells to its right, "Vendor: Acme", or a
// legend entry "Acme (App Vendor)".
func statedNames(buf []bufRow, lastRow int) (vendor, product string) {
	valueRight := func(cells []string, c int) string {
		for k := c + 1; k < len(cells) && k <= c+3; k++ {
			v := strings.TrimSpace(cells[k])
			if v == "" {
				continue
			}
			if placeholder.MatchString(v) || len(v) > 80 || vendorCaptions[normCaption(v)] || productCaptions[normCaption(v)] {
				return ""
			}
			return v
		}
		return ""
	}
	for _, r := range buf {
		if r.num > lastRow {
			break
		}
		filled := 0
		for _, v := range r.cells {
			if strings.TrimSpace(v) != "" {
				filled++
			}
		}
		for c, v := range r.cells {
			if m := legendVendor.FindStringSubmatch(strings.TrimSpace(v)); m != nil && vendor == "" {
				vendor = strings.TrimSpace(m[1])
				continue
			}
			if filled > 3 {
				continue // a caption or data row, not "caption: value"
			}
			n := strings.TrimSuffix(normCaption(v), ":")
			switch {
			case vendor == "" && vendorCaptions[n]:
				vendor = valueRight(r.cells, c)
			case product == "" && productCaptions[n]:
				product = valueRight(r.cells, c)
			default:
				if m := statedCell.FindStringSubmatch(strings.TrimSpace(v)); m != nil && !placeholder.MatchString(strings.TrimSpace(m[2])) {
					switch strings.ToLower(m[1]) {
					case "vendor", "company", "csp":
						if vendor == "" {
							vendor = strings.TrimSpace(m[2])
						}
					default:
						if product == "" {
							product = strings.TrimSpace(m[2])
						}
					}
				}
			}
		}
	}
	return vendor, product
}

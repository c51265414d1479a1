package analyze

// Markdown tables in an agreement's text: a table's rule, its cells and
// its rows read with their header.

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// isTableRule says a line is a Markdown table's rule ("|---|:--:|").
func isTableRule(l string) bool {
	return strings.Trim(l, "|-: \t") == "" && strings.Contains(l, "-")
}

// tableCells are a table row's cells, without the outer bars.
func tableCells(l string) []string {
	cells := strings.Split(strings.Trim(l, " \t|"), " | ")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// withHeader reads a row of a Markdown table with its header, each cell
// after its column's name ("| Priority 1 | 1 hour |" under "| Priority |
// Response time |" is "Priority: Priority 1 | Response time: 1 hour"): a
// row alone does not say what its figures are.
func withHeader(l string, header []string) string {
	cells := tableCells(l)
	if len(header) != len(cells) {
		return l
	}
	for i, c := range cells {
		h := header[i]
		if c == "" || h == "" || strings.EqualFold(c, h) || strings.HasPrefix(strings.ToLower(c), strings.ToLower(h)) {
			continue
		}
		cells[i] = h + ": " + c
	}
	return strings.Join(cells, " | ")
}

var reParagraph = lazyre.New(`\n[ \t]*\n`)

// splitTableRows makes each table row (a line whose cells the readers join
// with " | ") a block of its own: a row ends its sentence as a paragraph
// does, so a table of key terms ("Place of storage | ...", "Sub-processors |
// ...") is read row by row, not as one sentence running through all its
// cells. Rows of only dashes and colons (a Markdown table's rule) are
// dropped. A labelled row of a form page (form, the clause's own form
// name, or a form heading line above it: formHeadingLine) is read as its
// label and its bound value (formValue), and a row with nothing filled in
// is dropped.
func splitTableRows(blocks []block, form string) []block {
	var out []block
	cur := form
	for _, b := range blocks {
		if !strings.Contains(b.text, " | ") {
			out = append(out, b)
			continue
		}
		lines := strings.Split(b.text, "\n")
		start, first := 0, true
		flush := func(end int) {
			if end > start {
				out = append(out, block{text: strings.Join(lines[start:end], "\n"), item: b.item && first})
				first = false
			}
		}
		var header []string
		for i, l := range lines {
			if !strings.Contains(l, " | ") {
				if !isTableRule(l) {
					header = nil
				}
				if h := formHeadingLine(l); h != "" {
					cur = h
				} else if cur != form && endsForm(l) {
					cur = form
				}
				continue
			}
			flush(i)
			label, value, row := formRow(l)
			switch {
			case strings.Trim(l, "|-: \t") == "":
			case i+1 < len(lines) && isTableRule(lines[i+1]):
				header = tableCells(l)
				out = append(out, block{text: l, item: b.item && first})
			case cur != "" && row:
				if v := formValue(value); v != "" {
					out = append(out, block{text: v, headed: label + ": " + v, label: label, form: cur})
				}
			default:
				nb := block{text: l, item: b.item && first}
				if h := withHeader(l, header); h != l {
					nb.headed = h
				}
				out = append(out, nb)
			}
			first = false
			start = i + 1
		}
		flush(len(lines))
	}
	return out
}

package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// isTableBars: s is only a table's bars and rule ("| | ----- |"), no word.
func isTableBars(s string) bool {
	return strings.Contains(s, "|") && strings.Trim(s, "|-:– \t\n") == ""
}

// dropFurniture takes what is no part of any sentence out of a clause: a
// page's footer or header line ("Page 3 of 12", "Confidential -
// Brightwave Labs"), a page number left at the end or start of a line,
// and the bars of a one-cell table a converter drew around a paragraph
// ("| text", a lone "|", its rule "| ------ |"). A quote that carries
// them reads as junk, and a sentence cut by them stops short. A table
// of several cells (its rows hold " | ") is left to splitTableRows.
func dropFurniture(text string) string {
	if !strings.Contains(text, "|") && !reFurnitureHint.MatchString(text) {
		return text
	}
	lines := strings.Split(text, "\n")
	out := lines[:0]
	for _, l := range lines {
		if reFurnitureLine.MatchString(l) {
			continue
		}
		if !strings.Contains(l, " | ") && strings.Contains(l, "|") {
			t := strings.TrimSpace(l)
			if isTableBars(t) && (t == "|" || strings.Count(t, "|") == 2) {
				continue // a lone bar, a one-cell rule
			}
			if strings.HasPrefix(t, "| ") || strings.HasSuffix(t, " |") {
				l = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, "| "), " |"))
			}
		}
		out = append(out, rePageNumber.ReplaceAllString(l, ""))
	}
	return strings.Join(out, "\n")
}

var (
	reFurnitureHint = lazyre.New(`(?i)\bpage\s+\d+\s*(of|/)\s*\d+\b|\b(confidential|proprietary)\s*[-–—|]`)
	// reFurnitureLine: a line that is only a page number, or only a
	// confidentiality mark with a company's name ("Confidential - X",
	// "Proprietary and Confidential | X").
	reFurnitureLine = lazyre.New(`(?i)^[ \t*_]*(page\s+\d+\s*(of|/)\s*\d+|((strictly|company)\s+)?(confidential|proprietary)(\s+(and|&)\s+(confidential|proprietary))?\s*[-–—|]\s*[A-Z][\w.,&' ]{1,60}?)[ \t*_]*$`)
	// rePageNumber: "Page 3 of 12" at a line's end or start.
	rePageNumber = lazyre.New(`(?i)[ \t]+page\s+\d+\s*(of|/)\s*\d+[ \t]*$|^[ \t]*page\s+\d+\s*(of|/)\s*\d+[ \t]+`)
)

package extract

import "github.com/ssrm-dev/ssrm/internal/lazyre"

// Clauses set out in a table: a Word or HTML table whose first column
// holds the clause number and the next its text (schedules, service
// levels, security exhibits and public-sector contracts lay clauses out
// so). The readers write a row as its cells joined by " | " ("2.1 | The
// Supplier shall encrypt ..."), which opened no clause. A row whose first
// cell is only a clause number and whose next cell starts with a word is
// the numbered clause "2.1 The Supplier shall encrypt ...".

// tableNumRe: a row opening with a number cell ("2.1 | ", "3. | ", "(a) | ",
// "b. | "), then a cell that starts with a word or a bracket. A
// Markdown table row opens with "|" and is left alone.
var tableNumRe = lazyre.New(`^(\d{1,3}(?:\.\d{1,3}){0,3}\.?|\((?:[a-z]{1,4}|[A-Z]|\d{1,2})\)|[A-Za-z][.)])[ \t]*\|[ \t]+([\p{L}"“(\[])`)

// tableNumbers rewrites such rows (see above) as numbered lines; Markdown
// and text only (a PDF has no cell marks).
func tableNumbers(lines []srcLine) {
	for i, l := range lines {
		if g := tableNumRe.FindStringSubmatchIndex(l.text); g != nil {
			lines[i].text = l.text[:g[3]] + " " + l.text[g[4]:]
		}
	}
}

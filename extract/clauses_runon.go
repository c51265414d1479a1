package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Run-on sub-clauses: a paragraph that holds several numbered sub-clauses
// one after another ("3.1 Term. This Agreement ... 3.2 Termination for
// Convenience. Client may ... 3.3 Termination for Cause. ..."), as a Word
// document typed as one paragraph per article, or a PDF whose text layer
// joined the lines, gives them. Only the first opened a clause; the
// others, and whatever they held, were cited by it. The line is cut
// before each later sub-clause that continues the numbering of the one
// opening the line (3.2 after 3.1, then 3.3), written after a full stop
// and followed by a capital: a cross-reference ("under 3.2 above", "see
// Section 3.4 The") follows no full stop, and a number out of sequence is
// never cut at.

// runOnLeadRe: a dotted sub-clause number opening a line ("3.1 ", "3.1. ",
// "**3.1** ").
var runOnLeadRe = lazyre.New(`^\s*(?:\*\*)?(\d{1,3})\.(\d{1,3})\.?(?:\*\*)?\s`)

// runOnSplit cuts line t before each run-on sub-clause; it returns t alone
// when there is none.
func runOnSplit(t string) []string {
	g := runOnLeadRe.FindStringSubmatch(t)
	if g == nil || len(t) < 60 {
		return []string{t}
	}
	sec, next := g[1], atoi(g[2])+1
	var out []string
	from := len(g[0])
	for {
		label := sec + "." + strconv.Itoa(next)
		cut := runOnCut(t, from, label)
		if cut < 0 {
			break
		}
		out = append(out, strings.TrimRight(t[:cut], " "))
		t, from = t[cut:], len(label)
		next++
	}
	return append(out, t)
}

// runOnCut is the offset in t, at or after from, where sub-clause label
// starts after a full stop and before a capital, or -1.
func runOnCut(t string, from int, label string) int {
	return cutAtMark(t, from, label, func(at int) int {
		start := at
		if strings.HasSuffix(t[:start], "**") {
			start -= 2
		}
		before := strings.TrimRight(t[:start], " ")
		if len(before) == len(t[:start]) || !strings.HasSuffix(before, ".") && !strings.HasSuffix(before, ".**") {
			return -1
		}
		rest := strings.TrimPrefix(t[at+len(label):], ".")
		rest = strings.TrimPrefix(rest, "**")
		if !strings.HasPrefix(rest, " ") {
			return -1
		}
		rest = strings.TrimLeft(rest, " ")
		rest = strings.TrimPrefix(rest, "**")
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
			return start
		}
		return -1
	})
}

package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/extract"
)

// listTails gives a list's tail back to its clause. A paragraph that
// follows a list of one-paragraph items ("(a) ... (d) Cloud host.\n\n
// Provider shall notify Customer before engaging any new subprocessor.")
// is read by the clause splitter as the last item's second paragraph; it
// is the clause's own sentence again, and is cited as the clause (3.3),
// not as its last item (3.3(d)). Only when every other item is a single
// paragraph (so a multi-paragraph item is no list's habit), the last item
// has no items of its own, and the tail starts a sentence with a capital.
// The clauses are copied when one changes; the argument is left alone.
func listTails(cs []extract.Clause) []extract.Clause {
	byID := map[string]int{}
	kids := map[string][]int{}
	for i, c := range cs {
		if _, ok := byID[c.ID]; !ok {
			byID[c.ID] = i
		}
		if c.Parent != "" && c.Parent != c.ID {
			kids[c.Parent] = append(kids[c.Parent], i)
		}
	}
	out := cs
	for parent, idx := range kids {
		p, ok := byID[parent]
		if !ok || len(idx) < 2 {
			continue
		}
		last := idx[len(idx)-1]
		if len(kids[cs[last].ID]) > 0 || !listItems(cs, idx) {
			continue
		}
		t := cs[last].Text
		k := strings.Index(t, "\n\n")
		if k < 0 || !strings.Contains(cs[p].Text, t) {
			continue
		}
		tail := strings.TrimSpace(t[k:])
		r, _ := utf8.DecodeRuneInString(tail)
		if tail == "" || !unicode.IsUpper(r) {
			continue
		}
		if &out[0] == &cs[0] {
			out = append([]extract.Clause(nil), cs...)
		}
		out[last].Text = strings.TrimRight(t[:k], " \t\n")
	}
	return out
}

// listItems says the clauses are a list's items: each marked in brackets
// ("3.3(a)") and each but the last a single paragraph.
func listItems(cs []extract.Clause, idx []int) bool {
	for n, i := range idx {
		if !strings.HasSuffix(cs[i].ID, ")") {
			return false
		}
		if n < len(idx)-1 && strings.Contains(strings.TrimSpace(cs[i].Text), "\n\n") {
			return false
		}
	}
	return true
}

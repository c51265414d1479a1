package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
)

// dropItemSep is the text after an inline item cut from its clause
// (ownText) without the comma that parted the item from the next: the
// separator goes with the item. Left behind, it opened the clause's next
// words (", Obol may require ..." after "(ii) ... as necessary, (iii)
// ...", tos-obol-2024). A semicolon stays: it still ends a sentence for
// the reading.
func dropItemSep(after string) string {
	if t := strings.TrimLeft(after, " \t"); t != "" && t[0] == ',' {
		return t[1:]
	}
	return after
}

// inlineLeads gives each unit of a clause the inline enumeration its
// sentence goes on with (unit.tail), and ends the list a lead-in opens when
// its items stand inline on its own line: "- Provide information about:
// (i) ..., (iv) ..." has its items already, so the clause's next bullet
// ("- Cooperate with Controller in ...") is an item of the list above it
// ("Processor shall:"), read with that list's lead-in, not with "Provide
// information about:".
func inlineLeads(units []*unit, clause string, items []string) {
	var closed *unit
	for _, u := range units {
		if closed != nil && u.leadIn == closed.text {
			u.leadIn, u.leadWords, u.skips = closed.leadIn, closed.leadWords, closed.leadIn != ""
		} else if u.leadIn != "" || !u.item {
			closed = nil
		}
		u.tail = inlineTail(clause, u.text, items)
		if u.tail != "" && strings.HasSuffix(u.text, ":") {
			closed = u
		}
	}
}

// inlineHolders records, for each sub-clause in kids standing inline in
// one of units' tails, the unit whose sentence goes on with it.
func inlineHolders(units []*unit, kids []extract.Clause, holders map[string]*unit) {
	for _, u := range units {
		if u.tail == "" {
			continue
		}
		for _, k := range kids {
			if k.Text != "" && holders[k.ID] == nil && strings.Contains(u.tail, k.Text) {
				holders[k.ID] = u
			}
		}
	}
}

// leadItems quotes a unit whose sentence stops at its list's colon ("...
// implements appropriate measures, including:") with the list's first
// item after it, the object the sentence names, and "…" where more
// follow: cited alone, the quote would end at "including:". src is the
// clause's text.
func leadItems(units []*unit, src string) {
	for i, u := range units {
		if u.tail != "" || u.quoted != "" || !strings.HasSuffix(strings.TrimSpace(u.text), ":") || i+1 >= len(units) {
			continue
		}
		first := units[i+1]
		if first.leadIn != u.text || first.text == "" {
			continue
		}
		u.quoted = verbatimQuote(src, []string{u.text, first.text}, false)
		if i+2 < len(units) && units[i+2].leadIn == u.text {
			u.quoted = strings.TrimRight(u.quoted, " ;,") + " …"
		}
	}
}

package analyze

import "strings"

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

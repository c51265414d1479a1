package analyze

import "strings"

// dropItemSep is the text after an inline item cut from its clause
// (ownText) without the comma or semicolon that parted the item from the
// next: the separator goes with the item. Left behind, it opened the
// clause's next words as a unit of their own (", Obol may require ..."
// after "(ii) ... as necessary, (iii) ...", tos-obol-2024).
func dropItemSep(after string) string {
	if t := strings.TrimLeft(after, " \t"); t != "" && (t[0] == ',' || t[0] == ';') {
		return t[1:]
	}
	return after
}

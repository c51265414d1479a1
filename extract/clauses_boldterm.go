package extract

import "strings"

// boldTitleEnd is where the bold title run on from a bold number closes
// in rest ("**6.2 Fees** The customer": rest "Fees** The customer", 4),
// or -1. A "**" after a space opens a new bold span, as a defined term in
// the first sentence does ("**6.2** A list of subprocessors (the “
// **List** ”) will ..."): the words before it are that sentence, not a
// title.
func boldTitleEnd(rest, delim string) int {
	k := strings.Index(rest, delim)
	if k <= 0 || rest[k-1] == ' ' || rest[k-1] == '\t' {
		return -1
	}
	return k
}

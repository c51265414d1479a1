package analyze

import "strings"

// leadRows marks the paragraphs of a block that are the rows of a table
// under a lead-in: after a paragraph that ends in a colon ("Provider
// commits to the following service levels:"), two or more paragraphs,
// none of which ends a sentence, that run to the end of the block
// ("System Availability 99.9% monthly Availability of the platform"). A
// PDF's table reads so, its cells joined on a line and its rows apart. The
// rows are the lead-in's items, as a list's are: each is read, and quoted,
// with the lead-in, not as one run of cells without it.
func leadRows(paras []string) map[int]bool {
	var rows map[int]bool
	for k := 0; k+2 < len(paras); k++ {
		if !strings.HasSuffix(strings.TrimRight(paras[k], " \t\r*_"), ":") {
			continue
		}
		j := k + 1
		for j < len(paras) && !endsSentence(paras[j]) {
			j++
		}
		if j < len(paras) || j-k-1 < 2 {
			continue
		}
		if rows == nil {
			rows = map[int]bool{}
		}
		for i := k + 1; i < j; i++ {
			rows[i] = true
		}
		break
	}
	return rows
}

// endsSentence says a paragraph ends with a sentence's (or a lead-in's)
// mark, or is empty.
func endsSentence(p string) bool {
	end := strings.TrimRight(p, " \t\r\n*_")
	return end == "" || strings.ContainsAny(end[len(end)-1:], ".;:!?")
}

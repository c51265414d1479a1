package extract

import "strings"

// markRunningHeads marks page headers and footers: a line that is one of
// the first or last two non-blank lines of its page on two pages or more,
// and the same line among the first or last five of another page.
func markRunningHeads(lines []srcLine) {
	edge := map[int]bool{}
	near := map[int]bool{} // the first or last five non-blank lines
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].page == lines[i].page {
			j++
		}
		var nb []int
		for k := i; k < j; k++ {
			if strings.TrimSpace(lines[k].text) != "" {
				nb = append(nb, k)
			}
		}
		for k := 0; k < len(nb) && k < 5; k++ {
			if k < 2 {
				edge[nb[k]] = true
				edge[nb[len(nb)-1-k]] = true
			}
			near[nb[k]] = true
			near[nb[len(nb)-1-k]] = true
		}
		i = j
	}
	pages := map[string]map[int]bool{}
	for k := range edge {
		t := strings.TrimSpace(lines[k].text)
		if pages[t] == nil {
			pages[t] = map[int]bool{}
		}
		pages[t][lines[k].page] = true
	}
	// A running line found so on two pages is one too where another line
	// of the page's edge (a footer block, a header set after the text)
	// pushed it a few lines in.
	for k := range near {
		if len(pages[strings.TrimSpace(lines[k].text)]) >= 2 {
			lines[k].runHead = true
		}
	}
}

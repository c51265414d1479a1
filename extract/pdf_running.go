package extract

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Page footers and headers that carry a page counter ("Data Processing
// Addendum · Last updated May 3, 2026   2 / 2", "ACME DPA – Confidential
// Page 3 of 12"): they are running lines however short the document and
// wherever the text layer put them on the page (a table drawn after the
// footer leaves it mid-page), which removeRunningLines, looking at the
// page edges of three pages or more, misses.

var (
	counterTailRe = lazyre.New(`(?i)^(.*?[\p{L}\p{N}).])\s*[|·•–—-]?\s+(?:page\s+)?(\d{1,4})\s*(?:/|of)\s*(\d{1,4})$`)
	counterHeadRe = lazyre.New(`(?i)^(?:page\s+)?(\d{1,4})\s*(?:/|of)\s*(\d{1,4})\s*[|·•–—-]?\s+(\S.*)$`)
)

// counterLine splits a line into a running title and its page counter
// ("n / N", "n of N", "Page n of N", before or after the title). The
// title has 3 letters or more and 16 words at most.
func counterLine(l string) (title string, n, total int, ok bool) {
	l = strings.TrimSpace(l)
	if !mayCounter(l) {
		return "", 0, 0, false
	}
	var ns, ts string
	if g := counterTailRe.FindStringSubmatch(l); g != nil {
		title, ns, ts = g[1], g[2], g[3]
	} else if g := counterHeadRe.FindStringSubmatch(l); g != nil {
		ns, ts, title = g[1], g[2], g[3]
	} else {
		return "", 0, 0, false
	}
	n, _ = strconv.Atoi(ns)
	total, _ = strconv.Atoi(ts)
	letters := 0
	for _, r := range title {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if n < 1 || n > total || letters < 3 || len(strings.Fields(title)) > 16 || clauseStartRe.MatchString(title) {
		return "", 0, 0, false
	}
	return title, n, total, true
}

// mayCounter reports whether l (trimmed) can match counterTailRe or
// counterHeadRe, without running them: the first ends in a digit, the
// second starts with a digit or "page" (ASCII only: \d is, and no other
// letter folds to p), and both hold "/" or "of" in some case.
func mayCounter(l string) bool {
	if l == "" {
		return false
	}
	first, last := l[0], l[len(l)-1]
	if !('0' <= last && last <= '9') && !('0' <= first && first <= '9') && first != 'p' && first != 'P' {
		return false
	}
	if strings.IndexByte(l, '/') >= 0 {
		return true
	}
	for i := 0; i+1 < len(l); i++ {
		if l[i]|0x20 == 'o' && l[i+1]|0x20 == 'f' {
			return true
		}
	}
	return false
}

// removePageCounters drops the lines of pages (the texts of the pages
// numbered nums) that hold the same title with a page counter on two
// pages or more, the counter going up with the page (a constant offset,
// as when a cover page is not counted) to the same total.
func removePageCounters(pages []string, nums []int) []string {
	if len(pages) < 2 || len(nums) != len(pages) {
		return pages
	}
	type hit struct{ page, line, offset int }
	groups := map[string][]hit{}
	split := make([][]string, len(pages))
	for k, p := range pages {
		split[k] = strings.Split(p, "\n")
		for i, l := range split[k] {
			title, n, total, ok := counterLine(l)
			if !ok {
				continue
			}
			key := lineShape(title) + "/" + strconv.Itoa(total)
			groups[key] = append(groups[key], hit{page: k, line: i, offset: n - nums[k]})
		}
	}
	drop := map[[2]int]bool{}
	for _, hs := range groups {
		pagesSeen := map[int]bool{}
		steady := true
		for _, h := range hs {
			pagesSeen[h.page] = true
			steady = steady && h.offset == hs[0].offset
		}
		if !steady || len(pagesSeen) < 2 || len(pagesSeen) != len(hs) {
			continue
		}
		for _, h := range hs {
			drop[[2]int{h.page, h.line}] = true
		}
	}
	if len(drop) == 0 {
		return pages
	}
	out := make([]string, len(pages))
	for k, lines := range split {
		kept := lines[:0:0]
		for i, l := range lines {
			if !drop[[2]int{k, i}] {
				kept = append(kept, l)
			}
		}
		out[k] = NormalizeText(strings.Join(kept, "\n"))
	}
	return out
}

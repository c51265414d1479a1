package extract

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Tables of contents: lines that are never clause starts.

var (
	tocLeaderRe = lazyre.New(`(?:\.{4,}|…{2,}|(?:\. ){3,}\.?|_{4,}|-{4,})\s*(\d{1,3}|[ivxlcIVXLC]{1,6})\s*$`)
	tocTrailRe  = lazyre.New(`^(.{2,90}?)\s+(\d{1,3})\s*$`)
	tocTitleRe  = lazyre.New(`(?i)^\s*(#+\s*)?(\*\*)?(table of contents|contents|index)(\*\*)?\s*:?\s*$`)
)

// mayBeTOCLeader says whether s holds the leader every match of
// tocLeaderRe holds ("....", "……", ". . .", "____" or "----"): the pattern,
// which is not anchored at the start, is tried only then.
func mayBeTOCLeader(s string) bool {
	for _, l := range []string{"....", "……", ". . .", "____", "----"} {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// tocLines marks the lines of a table of contents: entries ending in dot
// leaders and a page number; blocks of three or more short title lines
// each ending in a page number; and blocks of three or more numbered
// headings without body text whose numbers and titles recur later (the
// same headings, this time with their text).
func tocLines(lines []srcLine, md bool) []bool {
	toc := make([]bool, len(lines))
	for i, l := range lines {
		if mayBeTOCLeader(l.text) && tocLeaderRe.MatchString(l.text) || tocTitleRe.MatchString(l.text) {
			toc[i] = true
		}
	}
	// Title + page number blocks.
	var block []int
	flush := func(minLen int) {
		if len(block) >= minLen {
			for _, k := range block {
				toc[k] = true
			}
		}
		block = block[:0]
	}
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		// The pattern ends in a digit: t (trimmed) must too.
		if t[len(t)-1] < '0' || t[len(t)-1] > '9' {
			flush(3)
			continue
		}
		if g := tocTrailRe.FindStringSubmatch(t); g != nil {
			title := g[1]
			if m, ok := parseMarker(title, md); ok {
				title = m.rest
			} else if _, h, ok := parsePart(title, md); ok {
				title = h
				if title == "" {
					title = "X"
				}
			}
			title = strings.TrimSpace(title)
			if title == "X" || isAllCaps(title) || looksLikeTitle(title) {
				block = append(block, i)
				continue
			}
		}
		flush(3)
	}
	flush(3)

	// Numbered headings without text that recur later.
	type ent struct {
		line int
		key  string
	}
	var run []ent
	// restOf is a heading's title; in Markdown a contents entry may link
	// to its section ("1.  [Product](#product)"): the link's text.
	restOf := func(m marker) string {
		if md && strings.Contains(m.rest, "](") {
			return mdLinkRe.ReplaceAllString(m.rest, "$1")
		}
		return m.rest
	}
	keyOf := func(m marker) string {
		h := restOf(m)
		if k := strings.IndexAny(h, ".:"); k > 0 {
			h = h[:k]
		}
		w := strings.Fields(strings.ToLower(strings.Trim(cleanHeading(h), "*_")))
		if len(w) > 3 {
			w = w[:3]
		}
		return m.label + "|" + strings.Join(w, " ")
	}
	// lastAt is the last line where each marker key occurs.
	lastAt := map[string]int{}
	for j, l := range lines {
		if m, ok := parseMarker(l.text, md); ok {
			lastAt[keyOf(m)] = j
		}
	}
	check := func(end int) {
		if len(run) >= 3 {
			hit := 0
			for _, e := range run {
				if j, ok := lastAt[e.key]; ok && j >= end {
					hit++
				}
			}
			if hit*5 >= len(run)*3 {
				for _, e := range run {
					toc[e.line] = true
				}
			}
		}
		run = run[:0]
	}
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" || toc[i] {
			continue
		}
		m, ok := parseMarker(l.text, md)
		if rest := restOf(m); ok && m.numHead == 0 && !m.kind.paren() && rest != "" && len(rest) <= 80 && !strings.Contains(rest, ". ") {
			k := keyOf(m)
			for _, e := range run {
				if e.key == k || strings.SplitN(e.key, "|", 2)[0] == m.label {
					check(i) // the same number again: the contents end here
					break
				}
			}
			run = append(run, ent{i, k})
			continue
		}
		check(i)
	}
	check(len(lines))

	// Wrapped entries between contents lines ("ARTICLE II TRANSFER ...;
	// REPRESENTATIONS AND" / "WARRANTIES") belong to the contents.
	fillGaps := func() {
		prevTOC := false
		for i, l := range lines {
			t := strings.TrimSpace(l.text)
			if t == "" {
				continue
			}
			if toc[i] {
				prevTOC = true
				continue
			}
			if prevTOC && len(t) <= 120 {
				for j, n := i+1, 0; j < len(lines) && n < 3; j++ {
					if strings.TrimSpace(lines[j].text) == "" {
						continue
					}
					n++
					if toc[j] {
						for x := i; x < j; x++ {
							toc[x] = true
						}
						break
					}
				}
			}
			prevTOC = toc[i]
		}
	}
	fillGaps()

	// The lists of schedules and exhibits that follow a contents block
	// ("Schedules", "4.2 Conversion Plan", "Exhibits", "A RDS Agreement")
	// belong to it: short lines without sentences, up to the first prose.
	for i := 0; i < len(lines); i++ {
		if !toc[i] {
			continue
		}
		j := i + 1
		for j < len(lines) && (toc[j] || strings.TrimSpace(lines[j].text) == "") {
			j++
		}
		k := j
		for ; k < len(lines); k++ {
			t := strings.TrimSpace(lines[k].text)
			if t == "" {
				continue
			}
			if len(t) > 60 || strings.Contains(t, ". ") || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ":") || strings.HasSuffix(t, ",") {
				break
			}
			if len(lines[k].text) > 0 && isAllCaps(t) && len(strings.Fields(t)) > 1 {
				if m, ok := parseMarker(t, md); !ok || m.rest == "" {
					break // a title such as "OUTSOURCING AGREEMENT" starts the body
				}
			}
		}
		if k > j {
			for x := j; x < k; x++ {
				toc[x] = true
			}
		}
		i = k
	}
	fillGaps()
	return toc
}

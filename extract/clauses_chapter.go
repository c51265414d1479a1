package extract

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// A Markdown agreement kept as one chapter of a handbook (a policy set's
// "# 23. Acme HIPAA Business Associate Agreement", its other chapters being
// policies) carries the chapter's number on its title. The number is not a
// clause of the agreement: its sections ("**A. Definitions.**", then "1.",
// "2." under "C.") are cited as the document numbers them, `C(7)`, not
// `23(C).7`.

// chapterTitleRe: a level-1 Markdown heading opening with a number.
var chapterTitleRe = lazyre.New(`^#[ \t]+(\d{1,3})\.?[ \t]+(\S.*)$`)

// dropChapterNumber writes the document's first line "# 23. Title" as
// "# Title" when the title names a document (namesDocument: "...
// Agreement", "... Addendum"), no other level-1 heading follows, and no
// line continues the number ("23.1", "## 23.2 Scope"); any other text is
// returned as it is.
func dropChapterNumber(s string) string {
	start := 0
	for start < len(s) {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s) - start
		}
		if strings.TrimSpace(s[start:start+end]) != "" {
			break
		}
		start += end + 1
	}
	if start >= len(s) {
		return s
	}
	end := strings.IndexByte(s[start:], '\n')
	if end < 0 {
		end = len(s) - start
	}
	first := strings.TrimRight(s[start:start+end], " \t\r")
	g := chapterTitleRe.FindStringSubmatch(first)
	if g == nil || !namesDocument(cleanHeading(stripHeadingInline(g[2]))) {
		return s
	}
	num := g[1] + "."
	for _, line := range strings.Split(s[start+end:], "\n") {
		if strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "#\t") {
			return s
		}
		t := strings.TrimLeft(line, " \t#*_")
		if strings.HasPrefix(t, num) && len(t) > len(num) && t[len(num)] >= '0' && t[len(num)] <= '9' {
			return s
		}
	}
	return s[:start] + "# " + g[2] + s[start+end:]
}

package extract

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// hashGluedRe: a Markdown heading whose "#"s are glued to its number
// ("###3.1 Title", "##2. Security", "#4 Fees"), as some editors and
// conversions write it; CommonMark reads it as a paragraph.
var hashGluedRe = lazyre.New(`^(#{1,6})(\d{1,3}(?:\.\d{1,3}){0,3}\.?)(?:[ \t]+\S|\p{Lu})`)

// unglueHashes puts the space back after the "#"s of such headings (see
// hashGluedRe). A single "#4 Fees" might be a hashtag: the number must be
// dotted or closed by "." ("##2."), or the document must have two such
// lines.
func unglueHashes(lines []srcLine) {
	var at []int
	sure := false
	for i, l := range lines {
		g := hashGluedRe.FindStringSubmatch(l.text)
		if g == nil {
			continue
		}
		at = append(at, i)
		if strings.Contains(g[2], ".") {
			sure = true
		}
	}
	if len(at) == 0 || !sure && len(at) < 2 {
		return
	}
	for _, i := range at {
		t := lines[i].text
		n := len(t) - len(strings.TrimLeft(t, "#"))
		lines[i].text = t[:n] + " " + t[n:]
	}
}

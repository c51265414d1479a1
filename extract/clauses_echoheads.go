package extract

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Markdown saved from a web page by some HTML-to-Markdown converters writes
// each heading's "#" marks twice, the second time escaped: "## \## 12\.
// Return of Data". Read as it stands, the heading is not numbered (its id
// keeps a literal "## "), it no longer matches the entry of the page's
// navigation list that names it (so that entry, "* Exhibit D", stays a
// clause and becomes the parent of every clause after it), and its title
// is glued to the first sentence quoted from it.

// echoedHeadRe: a heading whose text opens with its own marks escaped
// ("## \## 1\. Definitions", "### \### 2\. Scope", "# \# Title").
var echoedHeadRe = lazyre.New(`(?m)^(#{1,6})[ \t]+(?:\\#)+#*[ \t]+`)

// dropEchoedHeadingMarks writes "## \## 1\. Definitions" as
// "## 1\. Definitions"; other lines are kept as they are.
func dropEchoedHeadingMarks(s string) string {
	if !strings.Contains(s, `\#`) {
		return s
	}
	return echoedHeadRe.ReplaceAllString(s, "$1 ")
}

package extract

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Date and version lines: a bold, capitalised or heading-styled line that
// only dates or versions the document ("Last Updated: October 5, 2025",
// "Effective Date: 1 March 2024", "Version 2.1") is no heading. Read as
// one, it would hold every numbered clause after it ("\"Last Updated:
// October 5, 2025\" 2" for clause 2). A date alone ("4 March 2021") is
// left to the rules that read it (a change log's entry may be one).
var dateLineRe = lazyre.New(`(?i)^(?:` + dateLineLabel + `)\s*[:\-–—]?\s*(?:` + dateLineValue + `)` +
	`(?:\s*[,;|\-–—(]\s*(?:(?:` + dateLineLabel + `)\s*[:\-–—]?\s*)?(?:` + dateLineValue + `)\)?)*$` +
	`|^(?:version|ver\.?|v\.?)\s*\d+(?:\.\d+){0,3}(?:\s*[,;|\-–—(]\s*(?:(?:` + dateLineLabel + `)\s*[:\-–—]?\s*)?(?:` + dateLineValue + `)\)?)*$`)

const (
	dateLineMonth = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`
	// dateLineLabel: the words that introduce a document's date or version.
	dateLineLabel = `(?:last\s+)?(?:updated|modified|revised|amended|reviewed)(?:\s+(?:on|as\s+of))?` +
		`|(?:date\s+of\s+)?(?:last\s+)?(?:update|revision|modification)(?:\s+date)?` +
		`|effective(?:\s+date)?(?:\s+(?:as\s+of|from|on))?|effective\s+as\s+of|version(?:\s+date)?|ver\.?` +
		`|(?:release|publication|issue|revision)\s+date|published|released|issued|dated|date|as\s+of`
	dateLineValue = `(?:` + dateLineMonth + `)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}` +
		`|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:` + dateLineMonth + `)\.?,?\s+\d{4}` +
		`|(?:` + dateLineMonth + `)\.?,?\s+\d{4}` +
		`|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}` +
		`|v?\d+(?:\.\d+){1,3}|v\d+`
)

// dateLine reports whether a heading's text only dates or versions the
// document.
func dateLine(h string) bool {
	h = strings.TrimSpace(strings.Trim(strings.TrimSpace(h), "*_"))
	h = strings.TrimRight(h, ".")
	return h != "" && len(h) <= 80 && dateLineRe.MatchString(h)
}

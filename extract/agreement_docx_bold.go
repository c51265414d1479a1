package extract

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Bold headings in Word: a contract whose headings are ordinary
// paragraphs typed in bold ("Security", "Audit Rights"), with no heading
// style, outline level or list number, lost them: the walker wrote the
// text alone and every clause fell into the preamble or the clause
// before. A paragraph whose visible text is all in bold runs is written
// as Markdown bold ("**Security**"), so the splitter reads it as it reads
// a bold line of a Markdown agreement (a heading when it is short and no
// sentence; see the splitter's bold headings). Paragraphs that open with
// a number, a letter item or a designator ("1. Scope", "ARTICLE 2",
// "Exhibit A") keep their text: their markers are read as they were.

// docxBold counts a paragraph's visible characters in bold runs and in
// other runs.
type docxBold struct {
	inBold      bool // the current run is bold
	bold, plain int
}

// run starts a run (w:r): bold until its properties say so.
func (b *docxBold) run() { b.inBold = false }

// text records the text of the current run.
func (b *docxBold) text(s string) {
	n := len(strings.TrimSpace(s))
	if b.inBold {
		b.bold += n
	} else {
		b.plain += n
	}
}

// whole reports whether all the paragraph's visible text is bold.
func (b *docxBold) whole() bool { return b.bold > 0 && b.plain == 0 }

// docxMarkerLeadRe: text opening with what the splitter reads as a marker
// or a part heading.
var docxMarkerLeadRe = lazyre.New(`^(?:[\d(§\[]|[A-Za-z]{1,4}[.)](?:\s|$)|(?i:section|article|clause|schedule|annex|exhibit|appendix|attachment|addendum|part)\b)`)

// boldHeadingLine writes an all-bold paragraph's line as Markdown bold,
// unless it opens with a marker or holds asterisks of its own.
func boldHeadingLine(l string) string {
	if l == "" || strings.Contains(l, "*") || docxMarkerLeadRe.MatchString(l) {
		return l
	}
	return "**" + l + "**"
}

package analyze

import (
	"strings"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// What opens a clause's text before its own words: its number, or an
// exhibit's name, and its heading.

var reMarker = lazyre.New(`^\s*[#*\s]*(?:(?i:section|clause|article)\s+)?(?:\d+(?:\.\d+)*\.?|\(?[a-z]\)|[A-Z]\.|[a-z]\.|\([ivxlc]+\)|[ivxlc]+\.)(?:\s+|$)`)

// reGluedMarker is a clause number with no space before the heading.
var reGluedMarker = lazyre.New(`^\s*[#*\s]*\d+(?:\.\d+)*\.`)

// stripHead removes a leading clause number and the heading that follows it.
func stripHead(text, heading string) string {
	t := reMarker.ReplaceAllString(text, "")
	if heading == "" {
		return t
	}
	// "10.2.Choice of services": the number glued to its heading, as
	// extracted text has it, is a marker when the heading follows it.
	if w, m := strings.Fields(heading), reGluedMarker.FindString(t); len(w) > 0 && m != "" && strings.HasPrefix(t[len(m):], w[0]) {
		t = t[len(m):]
	}
	// Walk the heading's words at the start of the text, past markup.
	rest, ok := pastWords(t, heading, " \t\n\r*_#")
	if !ok {
		return t
	}
	rest = strings.TrimLeft(rest, " \t\n\r*_")
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "."), ":")
	// "BNL, throughout the term ..., shall": the "heading" is the subject
	// of the first sentence, not a title. A "heading" that is the whole
	// clause ("WE MAY CHANGE THESE TERMS AT ANY TIME.") is a sentence.
	if strings.HasSuffix(strings.TrimSpace(heading), ",") || startsLower(rest) || strings.TrimSpace(rest) == "" {
		return t
	}
	return rest
}

// rePartClauseID is the id of a clause that is a part of the agreement named by
// its letter or number ("Exhibit A", "Annex 2", "Schedule B").
var rePartClauseID = lazyre.New(`^(?i:exhibit|annex|schedule|appendix|attachment|addendum)\s+[\w.]{1,6}$`)

// partMarker drops the part's name from the start of its text where a
// separator or a line's end follows it ("Exhibit B: Service Level
// Agreement (SLA)\nSee separate SLA document ..."), so that its heading
// is stripped as a numbered clause's is and the first sentence stands
// alone. A name that is the subject of the sentence ("Exhibit A sets out
// ...") stays.
func partMarker(text, id string) string {
	if !rePartClauseID.MatchString(id) {
		return text
	}
	t := strings.TrimLeft(text, " \t\n\r*_#")
	if len(t) < len(id) || !strings.EqualFold(t[:len(id)], id) {
		return text
	}
	rest := strings.TrimLeft(t[len(id):], " \t*_")
	if strings.HasPrefix(rest, "\n") {
		return strings.TrimLeft(rest, " \t\n\r*_")
	}
	if r, size := utf8.DecodeRuneInString(rest); strings.ContainsRune(":.-\u2013\u2014", r) {
		return strings.TrimLeft(rest[size:], " \t*_")
	}
	return text
}

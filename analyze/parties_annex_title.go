package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// A security annex's title names whose measures it describes: "Technical
// and Organisational Measures of Make", "TOMs for Brightline", "Make
// Security Annex" (new-user trial 47). Such an annex rarely defines its
// parties; its text says "Make has implemented ...".

// reAnnexTitleOf is a security annex's title that names the vendor after
// it (group 1).
var reAnnexTitleOf = lazyre.New(`^(?i:technical\s+and\s+organi[sz]ational\s+(?:security\s+)?measures|TOMs?|security\s+(?:measures|annex|addendum|exhibit|schedule|appendix))\s+(?i:of|for|by|at)\s+(?:the\s+)?([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}?)\s*$`)

// reAnnexTitleBefore is a security annex's title that names the vendor
// before it (group 1).
var reAnnexTitleBefore = lazyre.New(`^(?:The\s+)?([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}?)\s+(?i:technical\s+and\s+organi[sz]ational\s+(?:security\s+)?measures|TOMs?|security\s+(?:measures|annex|exhibit|schedule|appendix))\s*$`)

// reAnnexSubject is what follows the vendor's name where it is the
// subject of the annex's statements: "Make has implemented", "Make
// maintains".
var reAnnexSubject = lazyre.New(`^\W{0,3}(?:has|have|implements|maintains|ensures|uses|employs|operates|applies|shall|will|must)\b`)

// annexTitleVendor is the vendor a security annex's title names, among the
// first five lines (a title broken over two lines read as one), when the
// text uses it as a subject at least twice; else "".
func annexTitleVendor(a *extract.Agreement, units []*unit) string {
	if len(a.Pages) == 0 {
		return ""
	}
	var lines []string
	for _, line := range strings.Split(a.Pages[0].Text, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#*_ "))
		if line == "" || line == "---" {
			continue
		}
		if lines = append(lines, line); len(lines) == 5 {
			break
		}
	}
	for i, line := range lines {
		cands := []string{line}
		if i+1 < len(lines) {
			cands = append(cands, line+" "+lines[i+1])
		}
		for _, c := range cands {
			m := reAnnexTitleOf.FindStringSubmatch(c)
			if m == nil {
				m = reAnnexTitleBefore.FindStringSubmatch(c)
			}
			if m == nil || reTitleNotName.MatchString(m[1]) || reTitleGeneric.MatchString(m[1]) {
				continue
			}
			if annexSubjectUses(units, m[1]) {
				return shownName(units, m[1])
			}
		}
	}
	return ""
}

// annexSubjectUses says the text states at least two things with the name as
// their subject (reAnnexSubject).
func annexSubjectUses(units []*unit, name string) bool {
	uses := 0
	for _, u := range units {
		for _, rest := range afterName(u.text, name) {
			if reAnnexSubject.MatchString(rest) {
				uses++
			}
		}
	}
	return uses >= 2
}

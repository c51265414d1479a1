package extract

import (
	"strings"
	"unicode"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

var (
	// capsNumCharRe: the characters of an all-caps heading naming a
	// standard or a figure ("SOC 2 COMPLIANCE", "99 PERCENT UPTIME").
	capsNumCharRe = lazyre.New(`^\p{Lu}[\p{Lu}\d\s&/'’(),\-–—]*$`)
	// capsNumStopRe: a first word that makes a number a reference, not
	// part of a title ("SECTION 4", "TABLE 2 FEES", "PAGE 3 OF 9").
	capsNumStopRe = lazyre.New(`^(SECTION|SEC|ARTICLE|CLAUSE|SCHEDULE|EXHIBIT|ANNEX|APPENDIX|ATTACHMENT|ADDENDUM|PART|CHAPTER|TABLE|FIGURE|PAGE|VERSION|FORM|ITEM|STEP|NO|NUMBER|REF|DATED|EFFECTIVE|UPDATED|REVISED|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\b`)
)

// capsNumbered reports whether t, an all-caps line with a number among its
// words, is a title: "SOC 2 COMPLIANCE", "PCI DSS LEVEL 1". The number is
// a word of its own among at least two words of letters, the first of
// them; not a reference to a part, a page or a date ("SCHEDULE 2",
// "MARCH 2024").
func capsNumbered(t string) bool {
	if !capsNumCharRe.MatchString(t) || capsNumStopRe.MatchString(t) {
		return false
	}
	words, digits := 0, false
	for k, f := range strings.Fields(t) {
		letters, nums := 0, 0
		for _, r := range f {
			switch {
			case unicode.IsLetter(r):
				letters++
			case unicode.IsDigit(r):
				nums++
			}
		}
		switch {
		case nums > 0 && letters > 0:
			return false // "A1", "2FA": a code
		case nums > 0:
			digits = true
			if k == 0 {
				return false
			}
		case letters >= 2:
			words++
		}
	}
	return digits && words >= 2
}

// capsColon reads an all-caps title closed by a colon and set as a
// paragraph of its own ("ACCESS CONTROL:" between blank lines, above body
// text) and returns it without the colon (else t as it is): a page's heading, not the
// lead-in of a list or a form's field, which run on to the next line
// ("NOTICES TO:" above an address). Not a note ("IMPORTANT:").
func (s *splitter) capsColon(i int, t string) string {
	if !strings.HasSuffix(t, ":") || strings.HasSuffix(t, "::") {
		return t
	}
	if i+1 >= len(s.lines) || strings.TrimSpace(s.lines[i+1].text) != "" ||
		i > 0 && strings.TrimSpace(s.lines[i-1].text) != "" {
		return t
	}
	head := strings.TrimSpace(strings.TrimSuffix(t, ":"))
	if leadStopRe.MatchString(head) {
		return t
	}
	return head
}

package analyze

import (
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Deadline is a notification deadline found in contract or questionnaire
// text, normalised to hours.
type Deadline struct {
	// Text is the wording as found, e.g. "without undue delay when feasible,
	// but no later than 72 hours".
	Text string `json:"text"`
	// Hours is the deadline in calendar hours; for business days it is the
	// worst case across a weekend (two business days → 96 hours). Nil when
	// the wording gives no number.
	Hours *float64 `json:"hours"`
	// Business is true when the text counts business or working days.
	Business bool `json:"business,omitempty"`
	// Grade is one of the Grade* constants.
	Grade string `json:"grade"`
	// Trigger says when the clock starts: "awareness" (awareness or
	// discovery, good), "confirmation" (confirmation or completion of an
	// investigation, weakens), or "" when the text does not say.
	Trigger string `json:"trigger,omitempty"`
}

// Deadline grades (DESIGN.md section 3, "Deadlines").
const (
	GradeStrong       = "strong"       // at most 24 hours
	GradeGood         = "good"         // at most 72 hours
	GradeLong         = "long"         // a number of hours above 72
	GradeUnquantified = "unquantified" // "without (any) undue delay", "without delay", "immediately": acceptable, no number
	GradeWeak         = "weak"         // "promptly", "as soon as practicable", "in a timely manner"
	GradeNone         = "none"         // no deadline wording at all
)

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
	"fifteen": 15, "twenty": 20, "twenty-four": 24, "twenty four": 24, "thirty": 30,
	"thirty-six": 36, "forty-eight": 48, "forty eight": 48, "sixty": 60,
	"seventy-two": 72, "seventy two": 72, "ninety": 90, "a": 1, "an": 1,
	"thirteen": 13, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"forty": 40, "fifty": 50, "ninety-six": 96,
}

const numWord = `thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty[- ]four|twenty|thirty[- ]six|thirty|forty[- ]eight|forty|fifty|sixty|seventy[- ]two|ninety[- ]six|ninety`

var (
	// "within 72 hours", "no later than three (3) business days",
	// "within forty-eight (48) hrs", "within 24h", "in no case later than
	// two (2) calendar days" (the HHS sample BAA's wording); the figure
	// before its word ("within 72 (seventy-two) hours"), the article as
	// the number ("within an hour"), a period or maximum named first
	// ("within a period of 72 hours", "within the next 24 hours"), and a
	// limit not to be exceeded ("not exceeding 72 hours"); "calendar" as
	// it is often misspelt ("within 30 calender days").
	reQuantified = lazyre.New(`(?i)\b(?:within|in\s+no\s+(?:case|event)\s+(?:later|more)\s+than|no later than|not later than|not more than|no more than|in less than|at most|up to|under|not\s+exceeding|not\s+to\s+exceed)\s+(?:(?:a|an)\s+)?(?:(?:period|maximum)\s+of\s+|(?:the\s+)?(?:next|following)\s+)?(?:(\d+(?:\.\d+)?)|(` + numWord + `|an?))(?:\s*\(\s*(\d+)\s*\))?(?:\s*\(\s*(?:` + numWord + `)\s*\))?\s*(?:-\s*)?(calend[ae]r\s+|business\s+|working\s+)?(hours?|hrs?\.?|h\b|days?|weeks?)`)
	// A bare "72 hours" after a notification verb ("notify ... 72 hours after").
	reBare       = lazyre.New(`(?i)\b(\d+)\s*(?:-\s*)?(calend[ae]r\s+|business\s+|working\s+)?(hours?|hrs?\.?|days?)\s+(?:after|of|from|following)\b`)
	reUnquantify = lazyre.New(`(?i)\b(?:(?:promptly|immediately)\s+(?:and|or)\s+)?(without\s+(?:any\s+)?(?:(?:undue|unreasonable)\s+)?delay|immediately|forthwith|immediate\s+(?:written\s+)?(?:notice|notification|report|alert)s?)\b|\bwithin\s+the\s+(?:[A-Z][a-z]+\s+){1,3}Period\b`)
	reWeakWords  = lazyre.New(`(?i)\b(promptly|prompt\s+notice|as\s+(?:soon|quickly)\s+as\s+(?:reasonably\s+)?(?:practicable|possible|feasible)|in\s+a\s+timely\s+(?:manner|fashion)|timely|reasonable\s+time|reasonably\s+practicable)\b`)
	reAwareness  = lazyre.New(`(?i)\b(becom(?:es|ing)\s+aware|aware(?:ness)?\s+of|discover\w*|learn(?:s|ing)?\s+of|detect\w*|identif(?:y|ies|ying)|suspect\w*|(?:gain|obtain|acquir|hav)\w*\s+knowledge)\b`)
	reConfirmed  = lazyre.New(`(?i)\b(confirm\w*|verif(?:y|ies|ied|ication)|completion\s+of\s+(?:its|the|an|our)\s+investigation|conclud\w+\s+(?:its|the|an|our)\s+investigation|determin(?:es|ed|ation)\s+that)\b`)
)

// ParseDeadline finds the notification deadline in text and normalises it to
// hours. Digits and words are read ("three (3) days" is 72 hours); business
// or working days are marked and counted at their worst case across a
// weekend; weeks are seven days. Where a sentence gives both a qualitative
// and a numeric limit ("without undue delay, but no later than 72 hours"),
// the number wins and Text spans both. Text with no deadline wording returns
// a Deadline with Grade "none".
func ParseDeadline(text string) Deadline {
	var d Deadline
	start, end := -1, -1
	span := func(loc []int) {
		if start < 0 || loc[0] < start {
			start = loc[0]
		}
		if loc[1] > end {
			end = loc[1]
		}
	}
	if m := reQuantified.FindStringSubmatchIndex(text); m != nil {
		span(m[:2])
		var n float64
		switch {
		case m[6] >= 0: // "(3)" after a word wins: it is the binding figure
			n, _ = strconv.ParseFloat(text[m[6]:m[7]], 64)
		case m[2] >= 0:
			n, _ = strconv.ParseFloat(text[m[2]:m[3]], 64)
		default:
			n = numberWords[strings.ToLower(strings.ReplaceAll(text[m[4]:m[5]], " ", "-"))]
			if n == 0 {
				n = numberWords[strings.ToLower(text[m[4]:m[5]])]
			}
		}
		qual := ""
		if m[8] >= 0 {
			qual = strings.ToLower(strings.TrimSpace(text[m[8]:m[9]]))
		}
		unit := strings.ToLower(text[m[10]:m[11]])
		h := toHours(n, qual, unit, &d)
		d.Hours = &h
	} else if m := reBare.FindStringSubmatchIndex(text); m != nil {
		span(m[:2])
		n, _ := strconv.ParseFloat(text[m[2]:m[3]], 64)
		qual := ""
		if m[4] >= 0 {
			qual = strings.ToLower(strings.TrimSpace(text[m[4]:m[5]]))
		}
		h := toHours(n, qual, strings.ToLower(text[m[6]:m[7]]), &d)
		d.Hours = &h
	}
	unq := reUnquantify.FindStringIndex(text)
	weak := reWeakWords.FindStringIndex(text)
	if unq != nil {
		span(unq)
	} else if weak != nil && d.Hours == nil {
		span(weak)
	}
	if start < 0 {
		d.Grade = GradeNone
		return d
	}
	// A figure glossed in brackets after a defined period ("the Response
	// Period (within ten days)") keeps its closing bracket.
	if strings.Count(text[start:end], "(") > strings.Count(text[start:end], ")") && strings.HasPrefix(text[end:], ")") {
		end++
	}
	d.Text = strings.TrimRight(strings.TrimSpace(text[start:end]), ",;.")
	switch {
	case d.Hours != nil && *d.Hours <= 24:
		d.Grade = GradeStrong
	case d.Hours != nil && *d.Hours <= 72:
		d.Grade = GradeGood
	case d.Hours != nil:
		d.Grade = GradeLong
	case unq != nil:
		d.Grade = GradeUnquantified
	default:
		d.Grade = GradeWeak
	}
	switch {
	case reConfirmed.MatchString(text):
		d.Trigger = "confirmation"
	case reAwareness.MatchString(text):
		d.Trigger = "awareness"
	}
	return d
}

// toHours converts n units to calendar hours. Business days count at their
// worst case: n business days can span n + 2·⌈n/5⌉ calendar days.
func toHours(n float64, qual, unit string, d *Deadline) float64 {
	switch {
	case strings.HasPrefix(unit, "h"):
		return n
	case strings.HasPrefix(unit, "w"):
		return n * 7 * 24
	}
	if qual == "business" || qual == "working" {
		d.Business = true
		days := int(n)
		return float64(days+2*((days+4)/5)) * 24
	}
	return n * 24
}

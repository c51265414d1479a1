package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// answerEnum matches a leading list number such as "1) ", "2. ", "(3) " or
// "a) " that drop-down lists put in front of their choices.
var answerEnum = lazyre.New(`^(?:\(?[0-9]{1,2}[).:]|\(?[a-z][).])\s*`)

// answerWords maps a whole normalised answer onto its Answer* constant.
var answerWords = map[string]string{
	"yes": AnswerYes, "y": AnswerYes, "true": AnswerYes, "implemented": AnswerYes,
	"fully implemented": AnswerYes, "full": AnswerYes, "compliant": AnswerYes,

	"no": AnswerNo, "n": AnswerNo, "false": AnswerNo, "not implemented": AnswerNo,
	"not at all": AnswerNo, "non-compliant": AnswerNo, "planned": AnswerNo,

	"n/a": AnswerNA, "na": AnswerNA, "n.a.": AnswerNA, "n.a": AnswerNA,
	"not applicable": AnswerNA, "not-applicable": AnswerNA, "inapplicable": AnswerNA,

	"partial": AnswerPartial, "partially": AnswerPartial, "partly": AnswerPartial,
	"partially implemented": AnswerPartial, "partial implementation": AnswerPartial,
	"partially compliant": AnswerPartial, "in part": AnswerPartial,
}

// answerLeads are the answers that may start a longer answer ("Yes - see
// notes", "No, we do not"), longest first so "not applicable" wins over "no".
var answerLeads = []struct{ word, norm string }{
	{"not applicable", AnswerNA},
	{"partially", AnswerPartial},
	{"partial", AnswerPartial},
	{"n/a", AnswerNA},
	{"yes", AnswerYes},
	{"no", AnswerNo},
	{"na", AnswerNA},
}

// NormalizeAnswer maps an answer cell onto one of the Answer* constants:
// AnswerYes, AnswerNo, AnswerNA, AnswerPartial, AnswerUnanswered for a blank
// cell, and AnswerText for anything else (free text).
//
// Case, surrounding and inner whitespace and a leading list number ("1) Yes",
// "2. No") are ignored. An answer that starts with one of the words and goes
// on after punctuation ("Yes - see notes", "No, not yet", "N/A: no data") takes
// the leading word's value. It never fails.
func NormalizeAnswer(s string) string {
	a := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if a == "" {
		return AnswerUnanswered
	}
	if m := answerEnum.FindString(a); m != "" && len(m) < len(a) {
		a = strings.TrimSpace(a[len(m):])
	}
	a = strings.TrimRight(a, ".!")
	if v, ok := answerWords[a]; ok {
		return v
	}
	for _, l := range answerLeads {
		rest, ok := strings.CutPrefix(a, l.word)
		if !ok || rest == "" {
			continue
		}
		// The word must end where a separator starts: "no," or "yes -", not
		// "none", "yesterday" or "yes/no".
		if r, _ := utf8.DecodeRuneInString(rest); !strings.ContainsRune(" ,;:-.(\u2013\u2014", r) {
			continue
		}
		return l.norm
	}
	return AnswerText
}

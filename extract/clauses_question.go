package extract

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// capsQuestionRe: an all-caps heading asked as a question, as privacy
// policies and terms write them ("WHAT INFORMATION DO WE COLLECT?", "HOW
// DO WE USE YOUR PERSONAL INFORMATION?"). Its verb makes no shouted
// sentence of it, and its "?" closes no sentence.
var capsQuestionRe = lazyre.New(`^(?:WHAT|HOW|WHO|WHOM|WHOSE|WHY|WHEN|WHERE|WHICH|DO|DOES|CAN|ARE|IS|WILL|SHOULD|HAVE)\s[\p{Lu}\s&/'’(),\-–—]*\?$`)

// capsQuestion reports whether t, a trimmed line, is such a heading (at
// most 12 words).
func capsQuestion(t string) bool {
	return capsQuestionRe.MatchString(t) && len(t) <= 100 && len(strings.Fields(t)) <= 12
}

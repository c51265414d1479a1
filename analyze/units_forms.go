package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// reFormField is a line of a signature block or a form: a field's label
// and a short value or a blank to fill ("Name: Jane Miller", "Title:",
// "Signature: ________", "Date: ______", "By: /s/"), or a line that is
// only the blank.
var reFormField = lazyre.New(`(?i)^[ \t*_|]*(?:(?:full |printed |print )?name|title|position|function|signature|signed|date|place(?: and date)?|date and place|by)[ \t]*:[ \t]*[^\n]{0,60}$|^[ \t]*[_.…]{4,}[ \t]*$`)

// reModalWord finds a modal verb: a line that has one is a clause's text,
// not a field ("Title: The Supplier shall keep title to ...").
var reModalWord = lazyre.New(`(?i)\b(?:shall|will|must|may|agrees?)\b`)

// splitFormFields drops the lines of signature blocks and forms from the
// blocks and ends a block where one stood: names, titles, signatures and
// dates are no clause text a rule can read or quote, and the text after a
// signature block (an appendix glued to it) is no part of the sentence
// before it.
func splitFormFields(blocks []block) []block {
	var out []block
	for _, b := range blocks {
		if !strings.Contains(b.text, ":") && !strings.Contains(b.text, "____") {
			out = append(out, b)
			continue
		}
		lines := strings.Split(b.text, "\n")
		start, first, dropped := 0, true, false
		for i, l := range lines {
			if !reFormField.MatchString(l) || reModalWord.MatchString(l) {
				continue
			}
			if strings.TrimSpace(strings.Join(lines[start:i], "")) != "" {
				out = append(out, block{text: strings.Join(lines[start:i], "\n"), item: b.item && first})
				first = false
			}
			start, dropped = i+1, true
		}
		if !dropped {
			out = append(out, b)
			continue
		}
		if strings.TrimSpace(strings.Join(lines[start:], "")) != "" {
			out = append(out, block{text: strings.Join(lines[start:], "\n"), item: b.item && first})
		}
	}
	return out
}

package extract

import (
	"fmt"
	"strings"
	"unicode"
)

// One length policy for every agreement format (PDF, DOCX, Markdown,
// text): a document must hold at least MinRunningWords words of running
// text to be analysed, else it is refused with ErrEmpty and the same
// message. A single clause of two sentences is enough; a title, a file
// of labels or a signature block is not.

// MinRunningWords is the fewest words of running text (runningWords) an
// agreement must hold.
const MinRunningWords = 10

// runningLineWords is the fewest words a line must hold to be running
// text: headings, labels and signature lines are shorter.
const runningLineWords = 3

// runningWords counts the words of running text in text: the tokens with a
// letter, on lines holding at least runningLineWords of them.
func runningWords(text string) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		k := 0
		for _, tok := range strings.Fields(line) {
			if strings.IndexFunc(tok, unicode.IsLetter) >= 0 {
				k++
			}
		}
		if k >= runningLineWords {
			n += k
		}
	}
	return n
}

// lengthError is the ErrEmpty error of a document with words words of
// running text.
func lengthError(words int) error {
	return fmt.Errorf("%w: %d words of running text is too short for an agreement (at least %d)", ErrEmpty, words, MinRunningWords)
}

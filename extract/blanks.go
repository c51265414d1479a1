package extract

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	ssrmdata "github.com/ssrm-dev/ssrm/templates"
)

// blanksFile holds the words that name the value a drafting template's
// blank stands for: one list, read here for extract (which keeps a code
// span naming one as a blank) and for analyze (which reads such a blank
// as a value left unfilled).
const blanksFile = "phrases/blanks.yaml"

// BlankValueWords is an alternation of the value words of
// templates/phrases/blanks.yaml ("amount|sum|number|..."), for a pattern
// to enclose in a group between word boundaries. Read once, on first use.
var BlankValueWords = sync.OnceValue(func() string {
	words, err := loadBlankValueWords()
	if err != nil {
		panic(fmt.Sprintf("embedded %s: %v", blanksFile, err)) // embedded: a test reads it
	}
	return strings.Join(words, "|")
})

func loadBlankValueWords() ([]string, error) {
	data, err := ssrmdata.Phrases.ReadFile(blanksFile)
	if err != nil {
		return nil, err
	}
	return parseBlankValueWords(data)
}

// parseBlankValueWords reads the file strictly (templates.ParsePhraseList);
// each word is quoted, to stand for itself in a pattern.
func parseBlankValueWords(data []byte) ([]string, error) {
	words, err := ssrmdata.ParsePhraseList(data, "ssrm.blanks/v1", "value_words")
	if err != nil {
		return nil, err
	}
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = regexp.QuoteMeta(w)
	}
	return out, nil
}

// mdValueCodeRe finds, in a code span's plain words, a word that names a
// value to fill in ("Data Provision Deadline").
var mdValueCodeRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:` + BlankValueWords() + `)\b`)
})

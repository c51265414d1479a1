package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

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

// parseBlankValueWords reads the file strictly (an unknown key is an
// error); each word is quoted, to stand for itself in a pattern.
func parseBlankValueWords(data []byte) ([]string, error) {
	var f struct {
		Schema     string   `yaml:"schema"`
		ValueWords []string `yaml:"value_words"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	if f.Schema != "ssrm.blanks/v1" {
		return nil, fmt.Errorf("schema: want \"ssrm.blanks/v1\", got %q", f.Schema)
	}
	if len(f.ValueWords) == 0 {
		return nil, fmt.Errorf("value_words: missing")
	}
	out := make([]string, len(f.ValueWords))
	for i, w := range f.ValueWords {
		w = strings.TrimSpace(w)
		if w == "" {
			return nil, fmt.Errorf("value_words[%d]: empty", i)
		}
		out[i] = regexp.QuoteMeta(w)
	}
	return out, nil
}

// mdValueCodeRe finds, in a code span's plain words, a word that names a
// value to fill in ("Data Provision Deadline").
var mdValueCodeRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:` + BlankValueWords() + `)\b`)
})

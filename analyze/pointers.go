package analyze

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/ssrm-dev/ssrm/templates"
)

// pointersFile holds the phrases by which a sentence points at another
// section of its own agreement (evidence_pointer.go), data a lawyer may
// change.
const pointersFile = "phrases/pointers.yaml"

// reSectionRef finds a sentence's pointer to a numbered section of the
// same document that gives the term's content there: "per § 6", "in
// accordance with Section 3.4", "as set out in clause 8(b)" (the pointers
// of templates/phrases/pointers.yaml). Its one group is the section's
// number. Built once, on first use.
var reSectionRef = sync.OnceValue(func() *regexp.Regexp {
	re, err := loadPointers()
	if err != nil {
		panic(fmt.Sprintf("embedded %s: %v", pointersFile, err)) // embedded: a test reads it
	}
	return re
})

func loadPointers() (*regexp.Regexp, error) {
	data, err := templates.Phrases.ReadFile(pointersFile)
	if err != nil {
		return nil, err
	}
	return parsePointers(data)
}

// parsePointers reads the file strictly (templates.ParsePhraseList) and
// builds the pattern: a pointer, then the section's number.
func parsePointers(data []byte) (*regexp.Regexp, error) {
	pointers, err := templates.ParsePhraseList(data, "ssrm.pointers/v1", "pointers")
	if err != nil {
		return nil, err
	}
	alts := make([]string, len(pointers))
	for i, p := range pointers {
		if _, err := regexp.Compile(p); err != nil {
			return nil, fmt.Errorf("pointers[%d] %q: %v", i, p, err)
		}
		alts[i] = nonCapturing(p)
	}
	return regexp.Compile(`(?i)\b(?:` + strings.Join(alts, "|") + `)\s+(?:the\s+)?(?:(?:sections?|clauses?|paragraphs?|articles?)\s*|§§?\s*)(\d{1,2}(?:\.\d{1,2})*(?:\([a-z0-9]{1,4}\))*)`)
}

// nonCapturing writes a data file's pattern with its groups ("(set
// out|set forth)") as non-capturing ones, so that the groups of the
// pattern built around it keep their numbers.
func nonCapturing(p string) string {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			b.WriteString(p[i : i+2])
			i++
			continue
		case inClass:
			inClass = c != ']'
		case c == '[':
			inClass = true
		case c == '(' && !strings.HasPrefix(p[i+1:], "?"):
			b.WriteString("(?:")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

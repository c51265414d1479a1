package analyze

import (
	"fmt"
	"regexp"
	"sync"
)

// vocabPattern is a package-level pattern whose legal words are data: each
// {class} in its source stands for the phrases of that vocabulary class
// (templates/vocabulary/), rendered as a rule's pattern renders them
// (classRegexp). The layout (anchors, numbering, punctuation) stays in Go;
// the words a lawyer would change live in the YAML. The classes are
// rendered from the embedded vocabulary as LoadVocabulary compiled it,
// before any pack extends it, once per process; the pattern compiles on
// first use. Unlike a rule's pattern it is not made case-insensitive:
// write (?i) where the words may come in any case.
type vocabPattern struct {
	src  string
	once sync.Once
	exp  string
	re   *regexp.Regexp
}

var (
	vocabPatternsMu sync.Mutex
	vocabPatterns   []*vocabPattern
	// vocabRendered holds each class rendered from the embedded
	// vocabulary as loaded (renderVocabClasses).
	vocabRendered map[string]string
)

// newVocabPattern returns the pattern src, its {class} placeholders to be
// filled from the embedded vocabulary on first use.
func newVocabPattern(src string) *vocabPattern {
	p := &vocabPattern{src: src}
	vocabPatternsMu.Lock()
	vocabPatterns = append(vocabPatterns, p)
	vocabPatternsMu.Unlock()
	return p
}

// renderVocabClasses renders every class the package's vocabulary patterns
// name, from v as LoadVocabulary compiled it (embeddedVocabulary's first
// read, before a pack can extend it): rendering a few classes costs next
// to nothing, and no later read compiles the vocabulary again.
func renderVocabClasses(v *Vocabulary) map[string]string {
	out := map[string]string{}
	vocabPatternsMu.Lock()
	defer vocabPatternsMu.Unlock()
	for _, p := range vocabPatterns {
		for _, m := range placeholders.FindAllStringSubmatch(p.src, -1) {
			if _, ok := out[m[1]]; !ok && v.byID[m[1]] != nil {
				out[m[1]] = "(?:" + v.classRegexp(m[1], 0) + ")"
			}
		}
	}
	return out
}

// expanded is the pattern's source with each {class} filled in; it panics
// on a class the vocabulary does not define (TestVocabPatternsCompile
// compiles every one).
func (p *vocabPattern) expanded() string {
	p.once.Do(func() {
		if err := readEmbeddedVocabulary(); err != nil {
			panic(err)
		}
		var bad string
		p.exp = placeholders.ReplaceAllStringFunc(p.src, func(m string) string {
			r, ok := vocabRendered[m[1:len(m)-1]]
			if !ok {
				bad = m
			}
			return r
		})
		if bad != "" {
			panic(fmt.Sprintf("vocabulary pattern %q: no vocabulary class %s", p.src, bad))
		}
		p.re = regexp.MustCompile(p.exp)
	})
	return p.exp
}

// Regexp returns the compiled pattern.
func (p *vocabPattern) Regexp() *regexp.Regexp {
	p.expanded()
	return p.re
}

// String returns the expanded source (what literalsOf reads).
func (p *vocabPattern) String() string { return p.expanded() }

func (p *vocabPattern) MatchString(s string) bool { return p.Regexp().MatchString(s) }

func (p *vocabPattern) FindAllStringSubmatch(s string, n int) [][]string {
	return p.Regexp().FindAllStringSubmatch(s, n)
}

func (p *vocabPattern) ReplaceAllString(src, repl string) string {
	return p.Regexp().ReplaceAllString(src, repl)
}

package company

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/ssrm-dev/ssrm/templates"
)

// legalFile is the list of legal forms every reader of a company's name
// shares.
const legalFile = "company/legal_forms.yaml"

// legal is templates/company/legal_forms.yaml, read once when the program
// starts: the regular expressions of packages analyze and extract are
// built from it.
var legal = mustLoadLegal()

type legalList struct {
	forms     []string   // as written, longest first
	nameWords []string   // as written, longest first
	folded    [][]string // forms and name words as fold writes them
}

func mustLoadLegal() legalList {
	b, err := templates.Company.ReadFile(legalFile)
	if err == nil {
		var l legalList
		l, err = parseLegal(b)
		if err == nil {
			return l
		}
	}
	panic(fmt.Sprintf("%s: %v", legalFile, err)) // embedded: a test reads it
}

// parseLegal reads the file strictly (an unknown key is an error).
func parseLegal(b []byte) (legalList, error) {
	var f struct {
		Schema    string   `yaml:"schema"`
		Forms     []string `yaml:"forms"`
		NameWords []string `yaml:"name_words"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return legalList{}, err
	}
	if len(f.Forms) == 0 {
		return legalList{}, fmt.Errorf("no forms")
	}
	l := legalList{forms: longestFirst(f.Forms), nameWords: longestFirst(f.NameWords)}
	for _, s := range append(append([]string{}, f.Forms...), f.NameWords...) {
		w := words(s)
		if len(w) == 0 {
			return legalList{}, fmt.Errorf("form %q has no letter", s)
		}
		l.folded = append(l.folded, w)
	}
	return l, nil
}

// longestFirst is a copy of forms, longest first (then in byte order), so
// that an alternation of them takes "Inc." before "Inc" and "Pty Ltd"
// before "Pty".
func longestFirst(forms []string) []string {
	out := append([]string{}, forms...)
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// LegalForms returns the legal forms as written, longest first (a copy).
func LegalForms() []string {
	return append([]string{}, legal.forms...)
}

// LegalFormPattern is a regular expression (an alternation, no group) of
// the legal forms as written, each a whole word: "Inc\.|…|GmbH\b|…".
func LegalFormPattern() string {
	alts := make([]string, len(legal.forms))
	for i, f := range legal.forms {
		alts[i] = regexp.QuoteMeta(f)
		if last := f[len(f)-1]; last < utf8.RuneSelf && (unicode.IsLetter(rune(last)) || unicode.IsDigit(rune(last))) {
			alts[i] += `\b` // \b reads ASCII only: "OÜ" has none
		}
	}
	return strings.Join(alts, "|")
}

// LegalFormCapsPattern is a regular expression (an alternation, no group)
// of the legal forms and name words in capitals, without a final dot:
// "LIMITED|…|L\.L\.C|…|COMPANY", for a name written in capitals (the
// caller allows the dot).
func LegalFormCapsPattern() string {
	seen := map[string]bool{}
	var caps []string
	for _, f := range append(append([]string{}, legal.forms...), legal.nameWords...) {
		c := strings.TrimSuffix(strings.ToUpper(f), ".")
		if !seen[c] {
			seen[c] = true
			caps = append(caps, c)
		}
	}
	caps = longestFirst(caps)
	for i, c := range caps {
		caps[i] = regexp.QuoteMeta(c)
	}
	return strings.Join(caps, "|")
}

// formEnd is the number of words of the longest legal form or name word
// that ends ws and has at most most words; 0 when none does.
func formEnd(ws []string, most int) int {
	n := 0
	for _, f := range legal.folded {
		if len(f) > n && len(f) <= most && len(f) <= len(ws) && slices.Equal(ws[len(ws)-len(f):], f) {
			n = len(f)
		}
	}
	return n
}

// FormAsWritten is a legal form written in capitals ("INC.", "GMBH",
// "LLC") as the list writes it ("Inc.", "GmbH", "LLC"), for a name shown in
// the report; "" when s is no legal form.
func FormAsWritten(s string) string {
	for _, f := range legal.forms {
		if strings.EqualFold(f, s) {
			return f
		}
	}
	return ""
}

// Package company folds company names for grouping: "Amazon Web Services,
// Inc.", "AWS" and "amazon web services" are one company, as are "Slack"
// and "Slack Technologies Limited". Legal forms, "&" and "and",
// punctuation, case and a few generic words are ignored, and well-known
// short names are resolved through the providers' aliases kept as data in
// templates/assurance/aliases.yaml (the list package analyze also reads).
package company

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/ssrm-dev/ssrm/templates"
)

// descriptors are generic words that name no company by themselves,
// dropped from the end of a name that keeps another word ("Slack
// Technologies" is Slack).
var descriptors = set("technologies", "technology", "software", "systems", "labs", "holdings", "holding")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// fold is the key of a name before aliases: lower case; "&" read as
// "and"; dots dropped ("L.L.C." → "llc", "Paddle.com" → "paddlecom");
// other punctuation read as a space; a leading "the" and trailing legal
// forms and name words of templates/company/legal_forms.yaml (with an "and" left between them, "GmbH & Co. KG"), then trailing
// generic words, dropped while a word is left.
func fold(name string) string {
	ws := words(name)
	if len(ws) > 1 && ws[0] == "the" {
		ws = ws[1:]
	}
	for len(ws) > 1 {
		n := formEnd(ws, len(ws)-1)
		if n == 0 && ws[len(ws)-1] == "and" && formEnd(ws[:len(ws)-1], len(ws)-1) > 0 {
			n = 1
		}
		if n == 0 {
			break
		}
		ws = ws[:len(ws)-n]
	}
	for len(ws) > 1 && descriptors[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	return strings.Join(ws, " ")
}

// words are a name's words as fold reads them: lower case; "&" read as
// "and"; dots dropped; other punctuation read as a space.
func words(name string) []string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r == '&':
			b.WriteString(" and ")
		case r == '.':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

// Provider is a well-known provider with the other names it goes by
// (templates/assurance/aliases.yaml).
type Provider struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
}

var (
	aliasOnce sync.Once
	providers []Provider
	aliases   map[string]string // fold(alias or name) → fold(name)
	aliasErr  error
)

// Providers reads templates/assurance/aliases.yaml once (strictly: an
// unknown key is an error naming the file) and returns its providers.
func Providers() ([]Provider, error) {
	_, err := loadAliases()
	return providers, err
}

// loadAliases reads templates/assurance/aliases.yaml.
func loadAliases() (map[string]string, error) {
	aliasOnce.Do(func() {
		b, err := templates.Assurance.ReadFile("assurance/aliases.yaml")
		if err != nil {
			aliasErr = err
			return
		}
		var al struct {
			Schema    string     `yaml:"schema"`
			Providers []Provider `yaml:"providers"`
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&al); err != nil {
			aliasErr = fmt.Errorf("assurance/aliases.yaml: %w", err)
			return
		}
		providers = al.Providers
		aliases = map[string]string{}
		for _, p := range al.Providers {
			k := fold(p.Name)
			aliases[k] = k
			for _, a := range p.Aliases {
				aliases[fold(a)] = k
			}
		}
	})
	return aliases, aliasErr
}

// Key folds a company's name for grouping: two names with the same key
// are one company. It is "" for a name with no letter or digit. The alias
// list is embedded and checked by the tests; should it fail to load, names
// are folded without it.
func Key(name string) string {
	k := fold(name)
	if al, err := loadAliases(); err == nil {
		if c, ok := al[k]; ok {
			return c
		}
	}
	return k
}

// Fullest picks the name to show for names of one company: the longest
// (in characters, white space collapsed), then the first in byte order; ""
// for none.
func Fullest(names []string) string {
	best := ""
	for _, n := range names {
		n = strings.Join(strings.Fields(n), " ")
		ln, lb := utf8.RuneCountInString(n), utf8.RuneCountInString(best)
		if ln > lb || (ln == lb && n < best) {
			best = n
		}
	}
	return best
}

// Group is one company and the names it was given.
type Group struct {
	Key   string
	Name  string   // the fullest of Names
	Names []string // as given, white space collapsed, each once, in first-seen order
}

// GroupNames groups names by Key, each group shown by its fullest name,
// the groups in order of Name (case folded); names without a key are left
// out.
func GroupNames(names []string) []Group {
	idx := map[string]int{}
	var out []Group
	for _, n := range names {
		n = strings.Join(strings.Fields(n), " ")
		k := Key(n)
		if k == "" {
			continue
		}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Group{Key: k})
		}
		dup := false
		for _, m := range out[i].Names {
			dup = dup || m == n
		}
		if !dup {
			out[i].Names = append(out[i].Names, n)
		}
	}
	for i := range out {
		out[i].Name = Fullest(out[i].Names)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].Name), strings.ToLower(out[j].Name)
		if a != b {
			return a < b
		}
		return out[i].Name < out[j].Name
	})
	return out
}

package analyze

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/ssrm-dev/ssrm/templates"
)

// domainsFile holds the words that say which CCM v4 domain a sentence or a
// question speaks to, and the NIST SP 800-53 families' domains: data a
// reviewer may change (templates/phrases/domains.yaml).
const domainsFile = "phrases/domains.yaml"

// domainWords is what domainsFile holds, compiled: one case-insensitive
// whole-word pattern per CCM v4 domain code (all 17) and the domain of each
// NIST SP 800-53 family ("AC" → "IAM").
type domainWords struct {
	patterns map[string]*regexp.Regexp
	families map[string]string
}

// embeddedDomains is the embedded domainsFile, read and compiled once, on
// first use; the embedded file is checked by TestDomainsEmbedded, so an
// error here is a build defect and panics.
var embeddedDomains = sync.OnceValue(func() *domainWords {
	data, err := templates.Phrases.ReadFile(domainsFile)
	if err != nil {
		panic(fmt.Sprintf("embedded %s: %v", domainsFile, err))
	}
	d, err := parseDomains(data)
	if err != nil {
		panic(fmt.Sprintf("embedded %s: %v", domainsFile, err))
	}
	return d
})

// domainPattern is the pattern of a CCM v4 domain's words (code one of
// Domains).
func domainPattern(code string) *regexp.Regexp { return embeddedDomains().patterns[code] }

type domainsDoc struct {
	Schema  string `yaml:"schema"`
	Domains []struct {
		Code     string   `yaml:"code"`
		Words    []string `yaml:"words"`
		Examples struct {
			Match   []string `yaml:"match"`
			NoMatch []string `yaml:"no_match"`
		} `yaml:"examples"`
	} `yaml:"domains"`
	NISTFamilies map[string]string `yaml:"nist_families"`
}

// parseDomains reads a domains file strictly: schema ssrm.domains/v1, each
// of the 17 CCM v4 domains once with at least one word and one example
// that matches, every word a regular expression, every example matched (or
// not) as it says, and every NIST family mapped onto a CCM v4 domain. It
// returns an error naming the domain and the entry at fault.
func parseDomains(data []byte) (*domainWords, error) {
	var doc domainsDoc
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if doc.Schema != "ssrm.domains/v1" {
		return nil, fmt.Errorf("schema: want %q, got %q", "ssrm.domains/v1", doc.Schema)
	}
	out := &domainWords{patterns: map[string]*regexp.Regexp{}, families: map[string]string{}}
	for i, d := range doc.Domains {
		if !IsDomain(d.Code) {
			return nil, fmt.Errorf("domains[%d]: %q is no CCM v4 domain code", i, d.Code)
		}
		if out.patterns[d.Code] != nil {
			return nil, fmt.Errorf("domains[%d]: %s given twice", i, d.Code)
		}
		if len(d.Words) == 0 || len(d.Examples.Match) == 0 {
			return nil, fmt.Errorf("domains[%d] %s: words and examples.match are required", i, d.Code)
		}
		for k, w := range d.Words {
			if _, err := regexp.Compile(w); err != nil {
				return nil, fmt.Errorf("domains[%d] %s words[%d] %q: %v", i, d.Code, k, w, err)
			}
		}
		re, err := regexp.Compile(`(?i)\b(` + strings.Join(d.Words, "|") + `)\b`)
		if err != nil {
			return nil, fmt.Errorf("domains[%d] %s: %v", i, d.Code, err)
		}
		for _, s := range d.Examples.Match {
			if !re.MatchString(s) {
				return nil, fmt.Errorf("domains[%d] %s: example %q does not match", i, d.Code, s)
			}
		}
		for _, s := range d.Examples.NoMatch {
			if re.MatchString(s) {
				return nil, fmt.Errorf("domains[%d] %s: no_match example %q matches", i, d.Code, s)
			}
		}
		out.patterns[d.Code] = re
	}
	for _, d := range Domains {
		if out.patterns[d.Code] == nil {
			return nil, fmt.Errorf("domains: %s missing", d.Code)
		}
	}
	for f, code := range doc.NISTFamilies {
		if !IsDomain(code) {
			return nil, fmt.Errorf("nist_families %s: %q is no CCM v4 domain code", f, code)
		}
		out.families[f] = code
	}
	if len(out.families) == 0 {
		return nil, fmt.Errorf("nist_families: missing")
	}
	return out, nil
}

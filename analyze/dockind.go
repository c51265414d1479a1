package analyze

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
	"github.com/ssrm-dev/ssrm/templates"
	"go.yaml.in/yaml/v3"
)

// Document kinds (templates/kinds/kinds.yaml). KindOther is a document no
// cue decides; like the general kinds it is taken to carry any term.
const (
	DocDPA   = "dpa"
	DocOther = "other"
)

// DocKind is the kind of one agreement document and what it was read from.
type DocKind struct {
	// Kind is the kind's id ("dpa", "sla", "tos", ...; "other").
	Kind string `json:"kind"`
	// Name is the kind as a reader says it ("data processing agreement").
	Name string `json:"name"`
	// From is where the kind was read: "title", "preamble", "headings" or
	// "none" (no cue: other).
	From string `json:"from"`
	// Cue is the text that decided it (the title's words, the preamble's
	// self-naming phrase, the headings).
	Cue string `json:"cue,omitempty"`
}

// docKindSpec is one kind of kinds.yaml.
type docKindSpec struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Short    string   `yaml:"short"`
	General  bool     `yaml:"general"`
	Names    []string `yaml:"names"`
	Headings []string `yaml:"headings"`
	Examples struct {
		Match   []string `yaml:"match"`
		NoMatch []string `yaml:"no_match"`
	} `yaml:"examples"`

	names, self, headings *regexp.Regexp
}

type docKinds struct {
	Schema string         `yaml:"schema"`
	Kinds  []*docKindSpec `yaml:"kinds"`
	byID   map[string]*docKindSpec
}

var loadKinds = sync.OnceValues(func() (*docKinds, error) {
	data, err := templates.Kinds.ReadFile("kinds/kinds.yaml")
	if err != nil {
		return nil, err
	}
	return parseKinds(data)
})

func parseKinds(data []byte) (*docKinds, error) {
	var ks docKinds
	if err := yaml.Unmarshal(data, &ks); err != nil {
		return nil, fmt.Errorf("kinds.yaml: %w", err)
	}
	if ks.Schema != "ssrm.kinds/v1" {
		return nil, fmt.Errorf("kinds.yaml: schema %q, want ssrm.kinds/v1", ks.Schema)
	}
	ks.byID = map[string]*docKindSpec{}
	for _, k := range ks.Kinds {
		var err error
		if len(k.Names) > 0 {
			alt := "(?:" + strings.Join(k.Names, ")|(?:") + ")"
			if k.names, err = regexp.Compile(`(?i)\b(?:` + alt + `)\b`); err != nil {
				return nil, fmt.Errorf("kinds.yaml: %s: names: %w", k.ID, err)
			}
			// The preamble names its own document: "This Data Processing
			// Addendum", "This Aptible SLA", "these Terms of Service", or
			// opens with its name ("AppsCode Service Level Agreement is"); only
			// capitalised words (a name, not a possessive: "Provider's Data
			// Processing Addendum" is another document) may stand between ("this
			// Agreement and the Data Processing Addendum" names two).
			if k.self, err = regexp.Compile(`(?:^|\b(?i:this|these|the following)\s+)(?:[A-Z][\w&.-]*\s+){0,3}?(?i:` + alt + `)\b`); err != nil {
				return nil, err
			}
		}
		if len(k.Headings) > 0 {
			if k.headings, err = regexp.Compile(`(?i)^[\W\d]*(?:` + strings.Join(k.Headings, "|") + `)\b`); err != nil {
				return nil, fmt.Errorf("kinds.yaml: %s: headings: %w", k.ID, err)
			}
		}
		ks.byID[k.ID] = k
	}
	if ks.byID[DocOther] == nil {
		return nil, fmt.Errorf("kinds.yaml: no kind %q", DocOther)
	}
	return &ks, nil
}

// DetectKind reads the kind of an agreement from its title, its preamble
// or its headings (kinds.yaml).
func DetectKind(a *extract.Agreement) DocKind {
	ks, err := loadKinds()
	if err != nil {
		return DocKind{Kind: DocOther, Name: "other agreement", From: "none"}
	}
	var text strings.Builder
	for _, p := range a.Pages {
		text.WriteString(p.Text)
		text.WriteString("\n")
		if text.Len() > 4000 {
			break
		}
	}
	var heads []string
	for _, c := range a.Clauses {
		if c.Heading != "" {
			heads = append(heads, c.Heading)
		}
	}
	return ks.detect(text.String(), heads)
}

func (ks *docKinds) result(k *docKindSpec, from, cue string) DocKind {
	return DocKind{Kind: k.ID, Name: k.Name, From: from, Cue: strings.TrimSpace(cue)}
}

// markup is what a title or preamble carries besides its words.
var markup = strings.NewReplacer("*", "", "_", " ", "#", "", "=", "", "\\", "", "`", "")

func (ks *docKinds) detect(text string, heads []string) DocKind {
	text = withoutContents(markup.Replace(text))
	// 1. The title: the first short lines, before the text begins.
	seen := 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || linkLine.MatchString(line) {
			continue
		}
		if seen++; seen > 8 {
			break
		}
		if !titleLine(line) {
			if len(strings.Fields(line)) > 12 {
				break // the text has begun: the title precedes it
			}
			continue
		}
		if k, cue := ks.earliest(line, func(k *docKindSpec) *regexp.Regexp { return k.names }); k != nil {
			if part, pcue := ks.titledPart(line, k); part != nil {
				k, cue = part, pcue
			}
			return ks.result(k, "title", cue)
		}
	}
	// 2. The preamble names its own document.
	pre := strings.Join(strings.Fields(text), " ")
	if len(pre) > 1200 {
		pre = pre[:1200]
	}
	if k, cue := ks.earliest(pre, func(k *docKindSpec) *regexp.Regexp { return k.self }); k != nil {
		return ks.result(k, "preamble", cue)
	}
	// 3. Headings typical of one kind.
	count := map[*docKindSpec][]string{}
	for _, h := range heads {
		h = strings.TrimSpace(markup.Replace(h))
		for _, k := range ks.Kinds {
			if k.headings != nil && k.headings.MatchString(h) {
				count[k] = append(count[k], h)
				break
			}
		}
	}
	for k, hs := range count {
		count[k] = distinct(hs)
	}
	var best *docKindSpec
	tie := false
	for _, k := range ks.Kinds {
		switch n := len(count[k]); {
		case n < 2:
		case best == nil || n > len(count[best]):
			best, tie = k, false
		case n == len(count[best]):
			tie = true
		}
	}
	// A general agreement often bundles exhibits of every kind: a special
	// kind needs twice the headings of any general one.
	for _, k := range ks.Kinds {
		if best != nil && !best.General && k.General && 2*len(count[k]) > len(count[best]) {
			best = nil
		}
	}
	if best != nil && !tie {
		hs := count[best]
		if len(hs) > 3 {
			hs = hs[:3]
		}
		return ks.result(best, "headings", strings.Join(hs, "; "))
	}
	return ks.result(ks.byID[DocOther], "none", "")
}

// earliest finds the kind whose pattern matches s first.
func (ks *docKinds) earliest(s string, re func(*docKindSpec) *regexp.Regexp) (*docKindSpec, string) {
	var best *docKindSpec
	at, cue := len(s)+1, ""
	for _, k := range ks.Kinds {
		r := re(k)
		if r == nil {
			continue
		}
		if m := r.FindStringIndex(s); m != nil && m[0] < at {
			best, at, cue = k, m[0], s[m[0]:m[1]]
		}
	}
	return best, cue
}

// titledPart reads a title that names a general agreement, then after a
// dash or colon the part of it the document is ("Master Services Agreement
// – Information Security Schedule"): the document is that part, a special
// kind, not the agreement it belongs to.
func (ks *docKinds) titledPart(line string, general *docKindSpec) (*docKindSpec, string) {
	if !general.General {
		return nil, ""
	}
	i := strings.IndexAny(line, "–—:")
	if j := strings.Index(line, " - "); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return nil, ""
	}
	rest := line[i:]
	for _, k := range ks.Kinds {
		if k.General || k.names == nil {
			continue
		}
		if m := k.names.FindStringIndex(rest); m != nil {
			return k, rest[m[0]:m[1]]
		}
	}
	return nil, ""
}

// Tables of contents: a "Contents" title, entries that link to a heading
// of the same page ("5. [Security Measures](#5-security-measures)") or
// end in dot leaders and a page number, and after a "Contents" title the
// short numbered lines or lines ending in a page number that follow it.
var (
	contentsTitle = lazyre.New(`(?i)^\W*(?:table\s+of\s+contents|contents|index)\W*$`)
	contentsLink  = lazyre.New(`^[\W\d]*(?:[A-Za-z]{1,3}[.)]\s*)?\[[^\]]+\]\(#[^)]*\)\W*$`)
	contentsLeads = lazyre.New(`(?:\.{4,}|…{2,}|(?:\. ){3,}\.?|_{4,})\s*(?:\d{1,3}|[ivxlcIVXLC]{1,6})\s*$`)
	contentsEntry = lazyre.New(`^(?:(?:\d{1,2}(?:\.\d{1,2})*|[A-Z]|[IVX]{1,5})[.)]?\s+\S.{0,80}|\S.{0,80}\s\d{1,3})$`)
)

// withoutContents drops a table of contents from the head of a document:
// its entries name the sections of the document, not the document (a DPA
// whose contents list "Security Measures" is no security exhibit).
func withoutContents(text string) string {
	lines := strings.Split(text, "\n")
	out := lines[:0:0]
	inContents := false
	for _, line := range lines {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
		case contentsTitle.MatchString(t):
			inContents = true
			continue
		case contentsLink.MatchString(t), contentsLeads.MatchString(t):
			continue
		case inContents && contentsEntry.MatchString(t) && len(strings.Fields(t)) <= 12:
			continue
		default:
			inContents = false
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// linkLine is a line of links or link definitions, not a title.
var linkLine = lazyre.New(`^\[[^\]]*\](\(|:)|^https?://|^(last )?(updated|version|effective|modified)\b|^[-–—:{}/* ]*$`)

// titleLine says whether a line reads as a title: a short line that starts
// with a capital and does not end a sentence, or a line in capitals.
func titleLine(line string) bool {
	var upper, lower int
	for _, r := range line {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	if upper > 8 && lower == 0 {
		return true
	}
	first := []rune(line)[0]
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.HasPrefix(strings.ToLower(line), "title:") && !brandTitle(line) {
		return false
	}
	if strings.HasSuffix(line, ".") || strings.HasSuffix(line, ",") {
		return false
	}
	return len(strings.Fields(line)) <= 12
}

// brandTitle says a line opens with a brand written in lower case
// ("e-business Hosting Agreement", "eCommerce Services Agreement"): a
// hyphen or a capital inside its first word, and every other word of more
// than three letters capitalised.
func brandTitle(line string) bool {
	words := strings.Fields(line)
	if len(words) < 2 || !strings.ContainsAny(words[0], "-ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return false
	}
	for _, w := range words[1:] {
		if r := []rune(w); len(r) > 3 && !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

func distinct(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if k := strings.ToLower(s); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// kindSpec returns the kind of an id (nil when kinds.yaml has none).
func kindSpec(id string) *docKindSpec {
	ks, err := loadKinds()
	if err != nil {
		return nil
	}
	return ks.byID[id]
}

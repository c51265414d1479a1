package analyze

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
	"github.com/ssrm-dev/ssrm/templates"
	"go.yaml.in/yaml/v3"
)

// The vocabulary is the engine's legal vocabulary as data
// (templates/vocabulary/): party roles and pronouns, verb classes
// (notify, assist, audit, ...), object classes (security incident,
// subprocessor, ...), modality, negation cues, weakeners and reference
// phrases. Rules name classes ({vendor}, {notify}, {incident}) instead of
// repeating alternations, so one entry improves every rule. A user pack
// may extend a class or add one (Pack.Vocabulary).

// VocabClass is one class of phrases.
type VocabClass struct {
	ID string `yaml:"id" json:"id"`
	// Kind is party, action, object, modality, negation, cue, weakener or
	// reference.
	Kind        string `yaml:"kind" json:"kind"`
	Description string `yaml:"description" json:"description,omitempty"`
	// Inflect says which forms a plain word takes: "verb" (the first word
	// of a phrase: notify, notifies, notified, notifying), "noun" (the last
	// word: incident, incidents) or "none". Default: verb for actions, noun
	// for objects and parties, none for the rest.
	Inflect string `yaml:"inflect" json:"inflect,omitempty"`
	// Phrases are word sequences, matched case-insensitively on whole words.
	// Syntax: "notif*" a word prefix; "(a|b)" one of several words; "word?"
	// an optional word; "..." up to six tokens that are not ";" "." or ":"
	// ("...12": up to twelve); a punctuation mark stands for itself;
	// "{class}" any phrase of another class; "sub-processor" matches
	// "sub-processor", "sub processor" and "subprocessor".
	Phrases []string `yaml:"phrases" json:"phrases"`
	// Except are phrases that, found inside a match of the class, cancel it
	// ("audit logs" is no audit: except "audit (log|logs|trail|trails)").
	Except []string `yaml:"except" json:"except,omitempty"`
	// Reason is what a weakener class tells the reader.
	Reason string `yaml:"reason" json:"reason,omitempty"`
	// Unless names a class that, found in the same sentence, cancels a
	// weakener ("by posting" does not weaken "by posting and by e-mail").
	Unless string `yaml:"unless" json:"unless,omitempty"`
	// GovernsVerb: a weakener that hedges the verb it governs ("use
	// reasonable efforts to retrieve"), not a verb coordinated before it
	// ("will notify Customer and use reasonable efforts to retrieve ...").
	GovernsVerb bool `yaml:"governs_verb" json:"governs_verb,omitempty"`
	// NotInHeadings: a heading's phrases of this class give the sentences
	// under it no context; their words are masked before the heading is
	// read ("Standard Contractual Clauses (UK)" names a law's reach, not
	// where data is kept).
	NotInHeadings bool `yaml:"not_in_headings" json:"not_in_headings,omitempty"`
	// Examples: sentences in which the class must be found, and sentences in
	// which it must not.
	Examples VocabExamples `yaml:"examples" json:"examples"`
	// File is where the class (or its last extension) was defined.
	File string `yaml:"-" json:"file"`
}

// VocabExamples are a class's own test sentences.
type VocabExamples struct {
	Match   []string `yaml:"match" json:"match"`
	NoMatch []string `yaml:"no_match" json:"no_match,omitempty"`
}

type vocabFile struct {
	Schema  string       `yaml:"schema"`
	Classes []VocabClass `yaml:"classes"`
}

// The class kinds.
var vocabKinds = map[string]bool{"party": true, "action": true, "object": true, "modality": true, "negation": true, "cue": true, "weakener": true, "reference": true}

// engineClasses are the classes the engine itself reads; the vocabulary
// must define them.
var engineClasses = []string{"vendor", "customer", "mutual", "third-party", "authority", "auditor", "binding", "permissive", "advisory", "negation", "no-duty", "unnegated", "permission", "recipient-exception", "passive-verb", "item-copula", "reference", "document", "anaphor", "audit-object"}

// Vocabulary is the compiled set of classes in force.
type Vocabulary struct {
	Classes []*VocabClass
	byID    map[string]*vclass
	// weakeners in file order.
	weakeners []*vclass
	// index numbers the classes for the matcher (matcher.go).
	index *vocabIndex
}

type vclass struct {
	def     *VocabClass
	phrases []phrase
	except  []phrase
	// byFirst indexes phrases by the literal words they can start with;
	// other holds those that start with a prefix, a class or a gap.
	byFirst map[string][]int
	other   []int
}

// phrase is one compiled phrase: a sequence of word patterns.
type phrase struct {
	src   string
	words []pword
}

type pword struct {
	// alts are the word sequences that may stand here, each word a
	// literal set or a prefix; a plain word has one sequence of one word.
	alts  [][]wpat
	class string // any phrase of this class
	ci    int    // the class's number + 1 in the vocabulary's index (0: look it up)
	gap   int    // skip up to gap tokens (no breaks)
	opt   bool
}

// wpat matches one token: any of lits, or a word starting with prefix.
type wpat struct {
	lits   []string
	prefix string
}

// ErrVocabulary marks a vocabulary file or extension that cannot be loaded.
var ErrVocabulary = errors.New("invalid vocabulary")

// LoadVocabulary reads the embedded vocabulary (templates/vocabulary/*.yaml,
// in name order). Errors wrap ErrVocabulary and name the file and class.
func LoadVocabulary() (*Vocabulary, error) {
	entries, err := fs.ReadDir(templates.Rules, "vocabulary")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrVocabulary, err)
	}
	var all []VocabClass
	var files []string
	for _, e := range entries {
		file := "vocabulary/" + e.Name()
		data, err := templates.Rules.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrVocabulary, err)
		}
		f, err := decodeEmbeddedVocabulary(file, data, "embedded "+file)
		if err != nil {
			return nil, err
		}
		classes, err := checkVocabulary(f, "embedded "+file)
		if err != nil {
			return nil, err
		}
		for i := range classes {
			classes[i].File = "embedded " + file
		}
		all = append(all, classes...)
		files = append(files, file)
	}
	v := &Vocabulary{}
	if err := v.extend(all, "embedded vocabulary"); err != nil {
		return nil, err
	}
	for _, id := range engineClasses {
		if v.byID[id] == nil {
			return nil, fmt.Errorf("%w: embedded vocabulary (%s): class %q is read by the engine and must be defined", ErrVocabulary, strings.Join(files, ", "), id)
		}
	}
	return v, nil
}

// decodeVocabulary decodes a vocabulary file's YAML, unchecked.
func decodeVocabulary(data []byte, file string) (*vocabFile, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f vocabFile
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: %s: %v", ErrVocabulary, file, err)
	}
	return &f, nil
}

// checkVocabulary checks a decoded vocabulary file's schema and returns
// its classes.
func checkVocabulary(f *vocabFile, file string) ([]VocabClass, error) {
	if f.Schema != "ssrm.vocabulary/v1" {
		return nil, fmt.Errorf("%w: %s: schema: want \"ssrm.vocabulary/v1\", got %q", ErrVocabulary, file, f.Schema)
	}
	return f.Classes, nil
}

var classID = lazyre.New(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// extend adds classes, or phrases to classes already defined, and
// recompiles. file names the source in errors.
func (v *Vocabulary) extend(classes []VocabClass, file string) error {
	if v.byID == nil {
		v.byID = map[string]*vclass{}
	}
	for i := range classes {
		c := classes[i]
		where := fmt.Sprintf("%s: classes[%d] (%s)", file, i, c.ID)
		if !classID.MatchString(c.ID) {
			return fmt.Errorf("%w: %s: id: want kebab-case, got %q", ErrVocabulary, where, c.ID)
		}
		if old := v.byID[c.ID]; old != nil {
			// An extension: more phrases and examples for a known class.
			if c.Kind != "" && c.Kind != old.def.Kind {
				return fmt.Errorf("%w: %s: kind: class %q is a %s, not a %s", ErrVocabulary, where, c.ID, old.def.Kind, c.Kind)
			}
			d := *old.def
			d.Phrases = append(append([]string{}, d.Phrases...), c.Phrases...)
			d.Examples.Match = append(append([]string{}, d.Examples.Match...), c.Examples.Match...)
			d.Examples.NoMatch = append(append([]string{}, d.Examples.NoMatch...), c.Examples.NoMatch...)
			d.Except = append(append([]string{}, d.Except...), c.Except...)
			d.NotInHeadings = d.NotInHeadings || c.NotInHeadings
			d.GovernsVerb = d.GovernsVerb || c.GovernsVerb
			d.File = file
			*old.def = d
			continue
		}
		if !vocabKinds[c.Kind] {
			return fmt.Errorf("%w: %s: kind: want party, action, object, modality, negation, cue, weakener or reference, got %q", ErrVocabulary, where, c.Kind)
		}
		if len(c.Phrases) == 0 {
			return fmt.Errorf("%w: %s: phrases: missing", ErrVocabulary, where)
		}
		if c.Kind == "weakener" && c.Reason == "" {
			return fmt.Errorf("%w: %s: reason: a weakener says why it weakens", ErrVocabulary, where)
		}
		switch c.Inflect {
		case "":
			switch c.Kind {
			case "action":
				c.Inflect = "verb"
			case "object", "party":
				c.Inflect = "noun"
			default:
				c.Inflect = "none"
			}
		case "verb", "noun", "none":
		default:
			return fmt.Errorf("%w: %s: inflect: want verb, noun or none, got %q", ErrVocabulary, where, c.Inflect)
		}
		if c.File == "" {
			c.File = file
		}
		def := c
		v.Classes = append(v.Classes, &def)
		v.byID[c.ID] = &vclass{def: &def}
	}
	return v.compile()
}

// compile (re)builds every class's phrases and checks class references.
func (v *Vocabulary) compile() error {
	v.weakeners = nil
	for _, def := range v.Classes {
		c := v.byID[def.ID]
		c.phrases, c.byFirst, c.other, c.except = nil, map[string][]int{}, nil, nil
		for k, src := range def.Except {
			p, err := compilePhrase(src, "none")
			if err != nil {
				return fmt.Errorf("%w: %s: class %s: except[%d] %q: %v", ErrVocabulary, def.File, def.ID, k, src, err)
			}
			c.except = append(c.except, p)
		}
		for k, src := range def.Phrases {
			p, err := compilePhrase(src, def.Inflect)
			if err != nil {
				return fmt.Errorf("%w: %s: class %s: phrases[%d] %q: %v", ErrVocabulary, def.File, def.ID, k, src, err)
			}
			for _, w := range p.words {
				if w.class != "" && v.byID[w.class] == nil {
					return fmt.Errorf("%w: %s: class %s: phrases[%d] %q: no class %q", ErrVocabulary, def.File, def.ID, k, src, w.class)
				}
			}
			c.phrases = append(c.phrases, p)
			idx := len(c.phrases) - 1
			if first := p.firstWords(); first != nil {
				for _, l := range first {
					c.byFirst[l] = append(c.byFirst[l], idx)
				}
			} else {
				c.other = append(c.other, idx)
			}
		}
		if def.Unless != "" && v.byID[def.Unless] == nil {
			return fmt.Errorf("%w: %s: class %s: unless: no class %q", ErrVocabulary, def.File, def.ID, def.Unless)
		}
		if def.Kind == "weakener" {
			v.weakeners = append(v.weakeners, c)
		}
	}
	if err := v.checkCycles(); err != nil {
		return err
	}
	v.buildIndex()
	return nil
}

// checkCycles refuses a class that refers to itself at the start of a
// phrase, directly or through others (the matcher would never end).
func (v *Vocabulary) checkCycles() error {
	state := map[string]int{}
	var visit func(id string, path []string) error
	visit = func(id string, path []string) error {
		switch state[id] {
		case 1:
			return fmt.Errorf("%w: class %s refers to itself at the start of a phrase (%s)", ErrVocabulary, id, strings.Join(append(path, id), " → "))
		case 2:
			return nil
		}
		state[id] = 1
		for _, p := range v.byID[id].phrases {
			for _, w := range p.words {
				if w.class != "" {
					if err := visit(w.class, append(path, id)); err != nil {
						return err
					}
				}
				if !w.opt && w.gap == 0 {
					break // only leading references can loop
				}
			}
		}
		state[id] = 2
		return nil
	}
	ids := make([]string, 0, len(v.byID))
	for id := range v.byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if err := visit(id, nil); err != nil {
			return err
		}
	}
	return nil
}

// Class returns the class with the id, or nil.
func (v *Vocabulary) Class(id string) *VocabClass {
	if c := v.byID[id]; c != nil {
		return c.def
	}
	return nil
}

// clone copies the vocabulary so that a pack can extend it without
// changing the embedded one.
func (v *Vocabulary) clone() *Vocabulary {
	out := &Vocabulary{byID: map[string]*vclass{}}
	for _, d := range v.Classes {
		c := *d
		out.Classes = append(out.Classes, &c)
		out.byID[c.ID] = &vclass{def: &c}
	}
	if err := out.compile(); err != nil {
		panic(err) // the original compiled
	}
	return out
}

const gapWord = "..."

// maxGap is how many tokens "..." may skip.
const maxGap = 6

func compilePhrase(src, inflect string) (phrase, error) {
	p := phrase{src: src}
	fields, err := phraseFields(strings.ToLower(src))
	if err != nil {
		return p, err
	}
	if len(fields) == 0 {
		return p, errors.New("empty phrase")
	}
	for i, f := range fields {
		if strings.HasPrefix(f, gapWord) {
			n := maxGap
			if f != gapWord {
				k, err := strconv.Atoi(f[len(gapWord):])
				if err != nil || k < 1 || k > 20 {
					return p, fmt.Errorf("bad gap %q: want ... or ...N with N from 1 to 20", f)
				}
				n = k
			}
			p.words = append(p.words, pword{gap: n})
			continue
		}
		w := pword{}
		if strings.HasSuffix(f, "?") && len(f) > 1 {
			w.opt = true
			f = strings.TrimSuffix(f, "?")
		}
		switch {
		case strings.HasPrefix(f, "{") && strings.HasSuffix(f, "}"):
			w.class = strings.Trim(f, "{}")
			if strings.ContainsAny(w.class, "{}()|* ") {
				return p, fmt.Errorf("bad class reference %q", f)
			}
		case strings.HasPrefix(f, "(") && strings.HasSuffix(f, ")"):
			for _, a := range strings.Split(f[1:len(f)-1], "|") {
				words := strings.Fields(a)
				if len(words) == 0 {
					return p, errors.New("empty alternative")
				}
				seqs := [][]wpat{nil}
				for _, word := range words {
					opts, err := wordPatterns(word, []string{word})
					if err != nil {
						return p, err
					}
					var next [][]wpat
					for _, s := range seqs {
						for _, o := range opts {
							next = append(next, append(append([]wpat{}, s...), o...))
						}
					}
					seqs = next
				}
				w.alts = append(w.alts, seqs...)
			}
		default:
			forms := []string{f}
			switch {
			case strings.HasSuffix(f, "*"):
			case inflect == "verb" && i == 0:
				forms = verbForms(f)
			case inflect == "noun" && i == len(fields)-1:
				forms = nounForms(f)
			}
			opts, err := wordPatterns(f, forms)
			if err != nil {
				return p, err
			}
			w.alts = opts
		}
		p.words = append(p.words, w)
	}
	required := 0
	for _, w := range p.words {
		if !w.opt && w.gap == 0 {
			required++
		}
	}
	if required == 0 {
		return p, errors.New("a phrase needs a word that is not optional")
	}
	if p.words[0].gap > 0 || p.words[len(p.words)-1].gap > 0 {
		return p, errors.New(`"..." stands between words, not at an end`)
	}
	return p, nil
}

// phraseFields splits a phrase at spaces outside parentheses.
func phraseFields(s string) ([]string, error) {
	var out []string
	depth, start := 0, -1
	for i, r := range s {
		switch {
		case r == '(':
			if depth > 0 {
				return nil, errors.New("nested parentheses")
			}
			depth++
		case r == ')':
			if depth == 0 {
				return nil, errors.New("unbalanced parentheses")
			}
			depth--
		}
		if r == ' ' && depth == 0 {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if depth != 0 {
		return nil, errors.New("unbalanced parentheses")
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out, nil
}

// wordPatterns compiles one written word (with its forms) into the token
// sequences it matches: "notif*" a prefix; "sub-processor" one word without
// the hyphen, or two words.
func wordPatterns(word string, forms []string) ([][]wpat, error) {
	if strings.HasSuffix(word, "*") {
		pre := strings.TrimSuffix(word, "*")
		if pre == "" || strings.ContainsAny(pre, "{}()|*-") {
			return nil, fmt.Errorf("bad prefix %q", word)
		}
		return [][]wpat{{{prefix: pre}}}, nil
	}
	if strings.ContainsAny(word, "{}()|*") {
		return nil, fmt.Errorf("bad word %q", word)
	}
	joined := wpat{}
	var split [][]wpat
	for _, f := range forms {
		if !strings.Contains(f, "-") || f == "-" {
			joined.lits = append(joined.lits, f)
			continue
		}
		parts := strings.FieldsFunc(f, func(r rune) bool { return r == '-' })
		if len(parts) == 0 {
			return nil, fmt.Errorf("bad word %q", f)
		}
		joined.lits = append(joined.lits, strings.Join(parts, ""))
		var seq []wpat
		for _, part := range parts {
			seq = append(seq, wpat{lits: []string{part}})
		}
		split = append(split, seq)
	}
	return append([][]wpat{{joined}}, split...), nil
}

// firstWords are the literal words a phrase can start with, or nil when it
// can start with a prefix, a class, or an optional word.
func (p phrase) firstWords() []string {
	f := p.words[0]
	if f.opt || f.class != "" {
		return nil
	}
	var out []string
	for _, seq := range f.alts {
		if seq[0].prefix != "" {
			return nil
		}
		out = append(out, seq[0].lits...)
	}
	return out
}

// irregular verbs the vocabulary uses: past and participle forms.
var irregular = map[string][]string{
	"make": {"made"}, "give": {"gave", "given"}, "send": {"sent"}, "tell": {"told"},
	"take": {"took", "taken"}, "keep": {"kept"}, "bear": {"bore", "borne"}, "hold": {"held"},
	"write": {"wrote", "written"}, "become": {"became"}, "get": {"got", "gotten"},
	"set": {"set"}, "put": {"put"}, "undertake": {"undertook", "undertaken"},
	"lead": {"led"}, "run": {"ran"}, "pay": {"paid"}, "build": {"built"}, "find": {"found"},
	"learn": {"learnt"}, "do": {"did", "done"}, "have": {"had"}, "be": {"was", "were", "been"},
	"withhold": {"withheld"}, "forbid": {"forbade", "forbidden"}, "hide": {"hid", "hidden"},
}

// verbForms gives a verb's forms: notify → notifies, notified, notifying.
// A doubled consonant is added as a further form where it may apply
// (permit → permitted); forms that never occur cost nothing.
func verbForms(w string) []string {
	out := []string{w}
	add := func(s ...string) { out = append(out, s...) }
	last := w[len(w)-1]
	switch {
	case strings.HasSuffix(w, "y") && len(w) > 1 && !isVowel(w[len(w)-2]):
		stem := w[:len(w)-1]
		add(stem+"ies", stem+"ied", w+"ing")
	case strings.HasSuffix(w, "ee"):
		add(w+"s", w+"d", w+"ing")
	case strings.HasSuffix(w, "e"):
		add(w+"s", w+"d", w[:len(w)-1]+"ing")
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		add(w+"es", w+"ed", w+"ing")
	default:
		add(w+"s", w+"ed", w+"ing")
		if len(w) > 2 && !isVowel(last) && isVowel(w[len(w)-2]) && !isVowel(w[len(w)-3]) && last != 'w' && last != 'x' && last != 'y' {
			add(w+string(last)+"ed", w+string(last)+"ing")
		}
	}
	add(irregular[w]...)
	return out
}

// nounForms gives a noun and its plural: incident → incidents, entity →
// entities, analysis → analyses.
func nounForms(w string) []string {
	switch {
	case strings.HasSuffix(w, "sis"):
		return []string{w, w[:len(w)-2] + "es"}
	case strings.HasSuffix(w, "y") && len(w) > 1 && !isVowel(w[len(w)-2]):
		return []string{w, w[:len(w)-1] + "ies"}
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return []string{w, w + "es"}
	}
	return []string{w, w + "s"}
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

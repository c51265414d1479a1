package analyze

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
	"github.com/ssrm-dev/ssrm/templates"
	"go.yaml.in/yaml/v3"
)

// Severity orders findings; a gate (--fail-on) compares against it.
type Severity string

// Severities, from most to least severe.
const (
	SeverityCritical Severity = "critical"
	SeverityHigh     Severity = "high"
	SeverityMedium   Severity = "medium"
	SeverityLow      Severity = "low"
)

// Rank returns 4 for critical down to 1 for low, 0 for an unknown value.
func (s Severity) Rank() int {
	switch s {
	case SeverityCritical:
		return 4
	case SeverityHigh:
		return 3
	case SeverityMedium:
		return 2
	case SeverityLow:
		return 1
	}
	return 0
}

// Pack is one rule pack file (YAML). Schema: "ssrm.rules/v1".
type Pack struct {
	Schema string `yaml:"schema"`
	Name   string `yaml:"pack"`
	// Description says what the pack covers and where its rules come from.
	Description string `yaml:"description"`
	Rules       []Rule `yaml:"rules"`
	// Disable lists rule ids of earlier packs to switch off (user packs).
	Disable []string `yaml:"disable"`
	// Override changes fields of earlier packs' rules by id (user packs).
	Override []Override `yaml:"override"`
	// Waivers accept a known gap for one vendor until a date.
	Waivers []Waiver `yaml:"waivers"`
	// Vocabulary adds phrases to the engine's classes, or new classes, for
	// every rule in force (templates/vocabulary/).
	Vocabulary []VocabClass `yaml:"vocabulary"`
}

// Waiver accepts a finding that falls short (weak, by-reference, missing or
// contradicted) for one vendor, for a reason, until an expiry date. A waived
// finding keeps its status and its place in the score, but no longer trips
// the --fail-on gate; an expired waiver stops applying and is reported.
type Waiver struct {
	Rule string `yaml:"rule" json:"rule"`
	// Vendor is the vendor's name as the report shows it, or "*" for all.
	Vendor string `yaml:"vendor" json:"vendor"`
	Reason string `yaml:"reason" json:"reason"`
	// Expires is the last day the waiver applies, YYYY-MM-DD.
	Expires string `yaml:"expires" json:"expires"`
	// File is the pack that holds the waiver (set on load).
	File string `yaml:"-" json:"file"`

	until time.Time
}

// Override changes the severity or deadline threshold of a rule by id.
type Override struct {
	ID       string   `yaml:"id"`
	Severity Severity `yaml:"severity"`
	MaxHours float64  `yaml:"max_hours"`
}

// Rule is one required contract term (DESIGN.md section 3).
type Rule struct {
	ID       string `yaml:"id" json:"id"`
	Title    string `yaml:"title" json:"title"`
	Category string `yaml:"category" json:"category"`
	// Domain is the CCM v4 domain code the term belongs to.
	Domain string `yaml:"domain" json:"domain"`
	// Owner is whose obligation the term should be.
	Owner    Owner    `yaml:"owner" json:"owner"`
	Severity Severity `yaml:"severity" json:"severity"`
	// AppliesTo is "agreement", "questionnaire" or "both".
	AppliesTo string `yaml:"applies_to" json:"applies_to"`
	// CarriedBy are the document kinds (templates/kinds/kinds.yaml) that
	// carry the term; empty means any agreement. Missing from a vendor
	// none of whose agreements is of these kinds (or of no known kind),
	// the term is not-covered: not in the score or the verdict.
	CarriedBy []string `yaml:"carried_by" json:"carried_by,omitempty"`
	// Sources are the articles or controls the rule derives from.
	Sources        []string `yaml:"sources" json:"sources"`
	Rationale      string   `yaml:"rationale" json:"rationale"`
	Recommendation string   `yaml:"recommendation" json:"recommendation"`
	// LooksFor says in a reader's words what the rule's frames and signals
	// look for, for a rule without elements (ssrm rules explain).
	LooksFor []string `yaml:"looks_for" json:"looks_for,omitempty"`
	// Subject is the party that must be the actor of a matching sentence:
	// "vendor", "customer" or "any" (default: Owner). A sentence whose
	// actor is the other party never counts.
	Subject string `yaml:"subject" json:"subject,omitempty"`
	// Permissive says a "may" sentence states the term fully (rights such
	// as "Customer may audit"); otherwise "may" makes a term weak.
	Permissive bool `yaml:"permissive" json:"permissive,omitempty"`
	// Frames are the obligation frames that show the term: a sentence shows
	// it when one of its predicates matches one frame (who acts, which
	// action, on what; see FrameSpec).
	Frames []FrameSpec `yaml:"frames" json:"frames,omitempty"`
	// Elements are the parts of a term that has several (subprocessors: a
	// list, notice of changes, objection, flow-down, liability), each with
	// its own frames. The term is present when an element is; it is weak
	// when no essential element is found.
	Elements []Element `yaml:"elements" json:"elements,omitempty"`
	// RedFlags are wordings that undermine the term ("we may change these
	// terms without notice"): found, they make the term weak and are quoted.
	RedFlags []RedFlag `yaml:"red_flags" json:"red_flags,omitempty"`
	// Topic names the classes that, in a clause heading, mark the clause a
	// lawyer would cite for the term ("Security Incidents"); evidence under
	// such a heading ranks first. Default: the frames' objects.
	Topic []string `yaml:"topic" json:"topic,omitempty"`
	// Demote names classes whose presence makes a sentence weaker evidence
	// of the term: it is still found, but a sentence without them is
	// quoted first (a law-enforcement demand beside regulator cooperation).
	Demote []string `yaml:"demote" json:"demote,omitempty"`
	// Prefer names classes that mark the sentence stating the term whole,
	// the one a lawyer cites before the sentences that detail it (the
	// general duty to keep appropriate technical and organisational
	// measures before a firewall or a backup): a sentence naming one ranks
	// above its siblings, by less than the status of a finding.
	Prefer []string `yaml:"prefer" json:"prefer,omitempty"`
	// PreferNext names classes that mark the term's other core sentence,
	// cited after one of Prefer's and before a further duty that details
	// the term (the customer's notice of misuse of its account after its
	// credentials' secrecy, before its backups): half Prefer's weight.
	PreferNext []string `yaml:"prefer_next" json:"prefer_next,omitempty"`
	// PreferHeading are classes that, named in the heading over a sentence
	// ("(d) Customer's security responsibilities"), rank it as Prefer does:
	// a clause given over to the term before one that names it in passing
	// under the same parent heading.
	PreferHeading []string `yaml:"prefer_heading" json:"prefer_heading,omitempty"`
	// Signals are groups of regular expressions (case-insensitive), the
	// older way to write a rule: a sentence shows the term when it matches
	// one pattern of every group. "{class}" stands for a vocabulary class.
	Signals [][]string `yaml:"signals" json:"signals,omitempty"`
	// Weakeners turn a present term into a weak one.
	Weakeners []Weakener `yaml:"weakeners" json:"weakeners,omitempty"`
	// ClauseWeakeners: the rule's own weakeners are also read in the other
	// sentences of the clause the finding quotes that name the rule's topic
	// (an audit clause whose cost or "only if the reports do not suffice"
	// stands in its next sentence), not only in the quoted sentence.
	ClauseWeakeners bool `yaml:"clause_weakeners" json:"clause_weakeners,omitempty"`
	// WeakenerUnless maps a vocabulary weakener class to a class whose
	// presence in the same sentence cancels it for this rule: a change
	// notice is owed on the vendor's own decision to change, so "may modify
	// these terms at its discretion by giving 90 days' prior written notice"
	// is the term met ({discretion: direct-notice}).
	WeakenerUnless map[string]string `yaml:"weakener_unless" json:"weakener_unless,omitempty"`
	// Details name what a present term should also say; a matching sentence
	// without one gets the note in its finding (who pays, for example).
	Details []Detail `yaml:"details" json:"details,omitempty"`
	// Mentions are sentences that state no term but that a reader will
	// take for it ("Vendor maintains SOC 2 Type II certification"): a
	// missing term with one gets its note, with the section (new user 49).
	Mentions []Detail `yaml:"mentions" json:"mentions,omitempty"`
	// Deadline rules read a notification deadline from the sentence; a
	// deadline above MaxHours hours, or without a number but "promptly", is
	// weak.
	Deadline bool    `yaml:"deadline" json:"deadline,omitempty"`
	MaxHours float64 `yaml:"max_hours" json:"max_hours,omitempty"`
	// Questionnaire names the CAIQ v4 question ids (prefixes such as
	// "SEF-07") whose answers promise the term.
	Questionnaire QuestionnaireSignals `yaml:"questionnaire" json:"questionnaire"`
	// Examples are labelled sentences a test runs through the engine.
	Examples Examples `yaml:"examples" json:"examples"`
	// Pack is the pack the rule came from (set on load).
	Pack  string `yaml:"-" json:"pack"`
	file  string
	vocab *Vocabulary

	// frames are all the frames that show the term: the rule's own and its
	// elements', compiled; element names the element of each ("" for the
	// rule's own).
	frames    []*frameSpec
	flags     []*frameSpec
	topic     []string
	weakeners []*regexp.Regexp
	unless    []*regexp.Regexp // per weakener, nil when it has none
	details   []*regexp.Regexp
	mentions  []*regexp.Regexp
}

// Detail is a pattern a present term should also match, and the note given
// when it does not.
type Detail struct {
	Pattern string `yaml:"pattern" json:"pattern"`
	Missing string `yaml:"missing" json:"missing"`
}

// Weakener is a pattern that makes a present term weak, with the reason
// shown to the reader.
type Weakener struct {
	Pattern string `yaml:"pattern" json:"pattern"`
	Reason  string `yaml:"reason" json:"reason"`
	// Unless, when it matches the same sentence, cancels the weakener
	// ("by posting" does not weaken "by posting or by e-mail").
	Unless string `yaml:"unless" json:"unless,omitempty"`
	// Sentence reads the pattern in the whole sentence, not only in the
	// predicate's scope: what the term is about may stand in a predicate
	// coordinated with the one that matched ("will notify Customer within
	// 48 hours, and will provide reasonable information").
	Sentence bool `yaml:"sentence" json:"sentence,omitempty"`
	// Clause reads the pattern also in the other sentences of the quoted
	// clause that name the rule's topic, as ClauseWeakeners does for all of
	// a rule's weakeners ("... shall assist Customer. ... shall mitigate
	// the breach, all at Customer's costs.").
	Clause bool `yaml:"clause" json:"clause,omitempty"`
	// Heading reads the pattern also in the heading of the quoted clause:
	// a ground the heading names is the ground of the sentences under it
	// ("12.2 Termination for Convenience" over "Either party may terminate
	// upon written notice"). Its unless is read in the heading too.
	Heading bool `yaml:"heading" json:"heading,omitempty"`
}

// QuestionnaireSignals locate the questionnaire items that speak to a rule.
type QuestionnaireSignals struct {
	IDs []string `yaml:"ids" json:"ids"`
}

// Examples are sentences labelled with the status the engine must give:
// present (met), weak, absent (no match), negated (the term's wording is
// there but negated or excluded, so it does not count), by_reference.
type Examples struct {
	Present []string `yaml:"present" json:"present"`
	Weak    []string `yaml:"weak" json:"weak"`
	Absent  []string `yaml:"absent" json:"absent"`
	Negated []string `yaml:"negated" json:"negated,omitempty"`
	// ByReference sentences only point at another document for the term.
	ByReference []string `yaml:"by_reference" json:"by_reference,omitempty"`
}

// RuleSet is the rules in force, in pack order.
type RuleSet struct {
	Rules   []*Rule
	Packs   []string
	Waivers []Waiver
	// Vocabulary is the embedded vocabulary with the packs' extensions.
	Vocabulary *Vocabulary
	// Crosswalk is the embedded questionnaire crosswalk with the user's
	// crosswalk files (given among the packs) merged in.
	Crosswalk *Crosswalk
}

// Get returns the rule with the id, or nil.
func (rs *RuleSet) Get(id string) *Rule {
	for _, r := range rs.Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// ErrRules marks a rule pack that cannot be loaded.
var ErrRules = errors.New("invalid rule pack")

var ruleID = lazyre.New(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// EmbeddedPacks lists the names of the packs built into the binary.
func EmbeddedPacks() []string {
	entries, _ := fs.ReadDir(templates.Rules, "rules")
	var out []string
	for _, e := range entries {
		if _, head, ok := packOf(e.Name()); ok && head {
			out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
		}
	}
	sort.Strings(out)
	return out
}

// LoadRules loads the baseline pack and then each named pack in order. A name
// is an embedded pack ("baseline", "dora", ...) or the path of a user YAML
// file (it contains a path separator or ends in .yaml/.yml), which can add
// rules, override a rule's severity or max_hours by id, or disable a rule.
//
// Errors wrap ErrRules and name the file and key: an unknown key, a bad
// pattern, a duplicate id, an unknown domain, owner or severity.
func LoadRules(names []string) (*RuleSet, error) {
	base, err := embeddedVocabulary()
	if err != nil {
		return nil, err
	}
	rs := &RuleSet{Vocabulary: base, Crosswalk: &Crosswalk{}}
	seen := map[string]bool{}
	all := append([]string{"baseline"}, names...)
	for _, name := range all {
		name = strings.TrimSpace(name)
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		if !strings.ContainsAny(name, `/\`) && !strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml") {
			parts, files, err := parseEmbeddedPack(name)
			if err != nil {
				return nil, err
			}
			for i, p := range parts {
				if err := rs.add(p, files[i]); err != nil {
					return nil, err
				}
			}
			rs.Packs = append(rs.Packs, parts[0].Name)
			continue
		}
		file := name
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrRules, err)
		}
		if ok, err := rs.loadCrosswalkFile(data, file); ok {
			if err != nil {
				return nil, err
			}
			continue
		}
		p, err := ParsePack(data, file)
		if err != nil {
			return nil, err
		}
		if err := rs.add(p, file); err != nil {
			return nil, err
		}
		rs.Packs = append(rs.Packs, p.Name)
	}
	for i, w := range rs.Waivers {
		if rs.Get(w.Rule) == nil {
			return nil, fmt.Errorf("%w: %s: waivers[%d]: rule: no rule %q in the packs loaded", ErrRules, w.File, i, w.Rule)
		}
	}
	for _, r := range rs.Rules {
		if err := r.compileFrames(rs.Vocabulary); err != nil {
			return nil, fmt.Errorf("%w: %s: rule %s: %v", ErrRules, r.file, r.ID, err)
		}
	}
	if err := rs.Crosswalk.compile(rs); err != nil {
		return nil, err
	}
	return rs, nil
}

var (
	vocabOnce sync.Once
	// vocabBase holds the embedded classes, uncompiled: what clone copies.
	vocabBase *Vocabulary
	vocabErr  error
	// vocabFirst is the vocabulary LoadVocabulary compiled, until the
	// first caller takes it.
	vocabMu    sync.Mutex
	vocabFirst *Vocabulary
)

// readEmbeddedVocabulary reads and compiles the embedded vocabulary once
// per process, and renders the classes the package's vocabulary patterns
// name (vocab_patterns.go) before any caller can extend it.
func readEmbeddedVocabulary() error {
	vocabOnce.Do(func() {
		v, err := LoadVocabulary()
		if err != nil {
			vocabErr = err
			return
		}
		base := &Vocabulary{}
		for _, d := range v.Classes {
			c := *d
			base.Classes = append(base.Classes, &c)
		}
		vocabRendered = renderVocabClasses(v)
		vocabBase, vocabFirst = base, v
	})
	return vocabErr
}

// embeddedVocabulary returns a copy of the embedded vocabulary, read once:
// the first caller gets the one LoadVocabulary compiled, later ones a copy
// compiled from its classes, so that a process that loads the rules once
// compiles the vocabulary once.
func embeddedVocabulary() (*Vocabulary, error) {
	if err := readEmbeddedVocabulary(); err != nil {
		return nil, err
	}
	vocabMu.Lock()
	v := vocabFirst
	vocabFirst = nil
	vocabMu.Unlock()
	if v != nil {
		return v, nil
	}
	return vocabBase.clone(), nil
}

// add merges one pack file's vocabulary, disables, overrides, waivers and
// rules into rs; the caller records the pack's name in rs.Packs.
func (rs *RuleSet) add(p *Pack, file string) error {
	if len(p.Vocabulary) > 0 {
		if err := rs.Vocabulary.extend(p.Vocabulary, file); err != nil {
			return fmt.Errorf("%w: %v", ErrRules, err)
		}
	}
	for _, id := range p.Disable {
		if !rs.remove(id) {
			return fmt.Errorf("%w: %s: disable: no rule %q in the packs loaded before it", ErrRules, file, id)
		}
	}
	for _, o := range p.Override {
		r := rs.Get(o.ID)
		if r == nil {
			return fmt.Errorf("%w: %s: override: no rule %q in the packs loaded before it", ErrRules, file, o.ID)
		}
		if o.Severity != "" {
			r.Severity = o.Severity
		}
		if o.MaxHours > 0 {
			r.MaxHours = o.MaxHours
		}
	}
	for i, w := range p.Waivers {
		switch {
		case w.Rule == "":
			return fmt.Errorf("%w: %s: waivers[%d]: rule: missing", ErrRules, file, i)
		case w.Vendor == "":
			return fmt.Errorf("%w: %s: waivers[%d]: vendor: missing (a name, or \"*\" for every vendor)", ErrRules, file, i)
		case w.Reason == "":
			return fmt.Errorf("%w: %s: waivers[%d]: reason: missing", ErrRules, file, i)
		}
		d, err := time.Parse("2006-01-02", w.Expires)
		if err != nil {
			return fmt.Errorf("%w: %s: waivers[%d]: expires: want a date YYYY-MM-DD, got %q", ErrRules, file, i, w.Expires)
		}
		w.until = d.AddDate(0, 0, 1) // the whole expiry day counts
		w.File = file
		rs.Waivers = append(rs.Waivers, w)
	}
	for i := range p.Rules {
		r := &p.Rules[i]
		if rs.Get(r.ID) != nil {
			return fmt.Errorf("%w: %s: rules[%d]: duplicate id %q (already defined by pack %s)", ErrRules, file, i, r.ID, rs.Get(r.ID).Pack)
		}
		rs.Rules = append(rs.Rules, r)
	}
	return nil
}

func (rs *RuleSet) remove(id string) bool {
	for i, r := range rs.Rules {
		if r.ID == id {
			rs.Rules = append(rs.Rules[:i], rs.Rules[i+1:]...)
			return true
		}
	}
	return false
}

// ParsePack decodes and validates one pack; file names it in errors.
// Unknown keys are errors.
func ParsePack(data []byte, file string) (*Pack, error) {
	p, err := decodePack(data, file)
	if err != nil {
		return nil, err
	}
	return checkPack(p, file)
}

// decodePack decodes a pack file's YAML, unchecked.
func decodePack(data []byte, file string) (*Pack, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var p Pack
	if err := dec.Decode(&p); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: %s: %v", ErrRules, file, err)
	}
	return &p, nil
}

// checkPack checks and compiles a decoded pack (ParsePack's checks).
func checkPack(p *Pack, file string) (*Pack, error) {
	if p.Schema != "ssrm.rules/v1" {
		return nil, fmt.Errorf("%w: %s: schema: want \"ssrm.rules/v1\", got %q", ErrRules, file, p.Schema)
	}
	if p.Name == "" {
		p.Name = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	}
	ids := map[string]bool{}
	for i := range p.Rules {
		r := &p.Rules[i]
		r.Pack = p.Name
		where := fmt.Sprintf("%s: rules[%d] (%s)", file, i, r.ID)
		if !ruleID.MatchString(r.ID) {
			return nil, fmt.Errorf("%w: %s: id: want kebab-case, got %q", ErrRules, where, r.ID)
		}
		if ids[r.ID] {
			return nil, fmt.Errorf("%w: %s: id: duplicate id %q", ErrRules, where, r.ID)
		}
		ids[r.ID] = true
		r.file = file
		if err := r.compile(); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrRules, where, err)
		}
	}
	return p, nil
}

func (r *Rule) compile() error {
	if r.Title == "" {
		return errors.New("title: missing")
	}
	if !IsDomain(r.Domain) {
		return fmt.Errorf("domain: %q is not a CCM v4 domain code", r.Domain)
	}
	switch r.Owner {
	case OwnerVendor, OwnerCustomer, OwnerShared:
	default:
		return fmt.Errorf("owner: want vendor, customer or shared, got %q", r.Owner)
	}
	if r.Severity.Rank() == 0 {
		return fmt.Errorf("severity: want critical, high, medium or low, got %q", r.Severity)
	}
	switch r.AppliesTo {
	case "":
		r.AppliesTo = "agreement"
	case "agreement", "questionnaire", "both":
	default:
		return fmt.Errorf("applies_to: want agreement, questionnaire or both, got %q", r.AppliesTo)
	}
	for _, k := range r.CarriedBy {
		if kindSpec(k) == nil {
			return fmt.Errorf("carried_by: %q is no document kind of templates/kinds/kinds.yaml", k)
		}
	}
	switch r.Subject {
	case "":
		r.Subject = string(r.Owner)
		if r.Owner == OwnerShared {
			r.Subject = "any"
		}
	case "vendor", "customer", "any":
	default:
		return fmt.Errorf("subject: want vendor, customer or any, got %q", r.Subject)
	}
	if len(r.Sources) == 0 {
		return errors.New("sources: a rule must cite the article or control it derives from")
	}
	if len(r.Signals) == 0 && len(r.Frames) == 0 && len(r.Elements) == 0 {
		return errors.New("frames: a rule needs frames, elements or signals")
	}
	for g, group := range r.Signals {
		if len(group) == 0 {
			return fmt.Errorf("signals[%d]: empty group", g)
		}
		for k, p := range group {
			if _, err := regexp.Compile(`(?i)` + placeholders.ReplaceAllString(p, "x")); err != nil {
				return fmt.Errorf("signals[%d][%d]: bad pattern %q: %v", g, k, p, err)
			}
		}
	}
	for k, w := range r.Weakeners {
		if _, err := regexp.Compile(`(?i)` + placeholders.ReplaceAllString(w.Pattern, "x")); err != nil {
			return fmt.Errorf("weakeners[%d]: bad pattern %q: %v", k, w.Pattern, err)
		}
		if w.Reason == "" {
			return fmt.Errorf("weakeners[%d]: reason: missing", k)
		}
		if _, err := regexp.Compile(`(?i)` + placeholders.ReplaceAllString(w.Unless, "x")); err != nil {
			return fmt.Errorf("weakeners[%d]: unless: bad pattern %q: %v", k, w.Unless, err)
		}
	}
	for k, d := range r.Details {
		if _, err := regexp.Compile(`(?i)` + placeholders.ReplaceAllString(d.Pattern, "x")); err != nil {
			return fmt.Errorf("details[%d]: bad pattern %q: %v", k, d.Pattern, err)
		}
		if d.Missing == "" {
			return fmt.Errorf("details[%d]: missing: say what the note is", k)
		}
	}
	essential := false
	for k, e := range r.Elements {
		if e.ID == "" || e.Title == "" {
			return fmt.Errorf("elements[%d]: id and title are required", k)
		}
		if len(e.Frames) == 0 {
			return fmt.Errorf("elements[%d] (%s): frames: missing", k, e.ID)
		}
		essential = essential || e.Essential
	}
	if len(r.Elements) > 0 && !essential {
		return errors.New("elements: at least one element must be essential")
	}
	for k, f := range r.RedFlags {
		if f.ID == "" || f.Title == "" || len(f.Frames) == 0 {
			return fmt.Errorf("red_flags[%d]: id, title and frames are required", k)
		}
	}
	if r.Deadline && r.MaxHours <= 0 {
		return errors.New("max_hours: a deadline rule needs a positive max_hours")
	}
	return nil
}

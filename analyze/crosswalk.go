package analyze

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
	"go.yaml.in/yaml/v3"
)

// The crosswalk is data (templates/crosswalk/*.yaml, embedded; a user file
// extends it like a rule pack): it places the questions of every
// questionnaire family in a CCM v4 domain, with CCM controls, and names the
// rules whose promise a question makes. Forms (HECVAT 2.x-4.x Full, Lite and
// On-Prem, K-12CVAT, ISO 27001 statements of applicability, NIST SP 800-53
// matrices, CAIQ) are recognised by their format or their question ids and
// map question ids and id prefixes (sections); topics map the wording of
// questions, for home-made sheets and for questions no form entry covers.
// Every entry says where its mapping comes from (Basis, Source).

// CrosswalkSchema is the schema name a crosswalk file declares.
const CrosswalkSchema = "ssrm.crosswalk/v1"

// Bases of a mapping: where it comes from.
const (
	// BasisForm: the form's own mapping tab (HECVAT's Standards Crosswalk),
	// carried to CCM v4 by CSA's mappings.
	BasisForm = "form-mapping"
	// BasisCCM: CSA's mappings of CCM v4 to other standards (CCM v4.0.12).
	BasisCCM = "ccm-mapping"
	// BasisReading: ssrm's reading of the question, marked as such.
	BasisReading = "our-reading"
)

// CrosswalkFile is one crosswalk YAML file. Schema: "ssrm.crosswalk/v1".
type CrosswalkFile struct {
	Schema      string           `yaml:"schema" json:"schema"`
	Name        string           `yaml:"crosswalk" json:"crosswalk"`
	Description string           `yaml:"description" json:"description,omitempty"`
	Forms       []CrosswalkForm  `yaml:"forms" json:"forms,omitempty"`
	Topics      []CrosswalkTopic `yaml:"topics" json:"topics,omitempty"`
}

// CrosswalkForm maps the questions of one questionnaire form. A form whose
// id was defined by an earlier file is extended: its sections, questions,
// unmapped ids and examples are added, replacing those with the same key.
type CrosswalkForm struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title,omitempty"`
	// Extends names a form whose sections, questions, unmapped ids and
	// owners this one inherits (a version that differs in a few questions).
	Extends string `yaml:"extends" json:"extends,omitempty"`
	// Formats are patterns of the questionnaire format the reader gives
	// ("hecvat-full-3*"; * stands for any text). The most specific pattern
	// that matches picks the form; a questionnaire no pattern matches takes
	// the form that places most of its question ids.
	Formats []string `yaml:"formats" json:"formats,omitempty"`
	Basis   string   `yaml:"basis" json:"basis,omitempty"`
	Source  string   `yaml:"source" json:"source,omitempty"`
	// Side is whom the form's questions are about by default: a vendor
	// self-assessment asks what the vendor does (vendor).
	Side Owner `yaml:"side" json:"side,omitempty"`
	// Owners maps ownership values as the form writes them onto the owner
	// model where ParseOwner would read them otherwise ("Y" in an ISO SoA's
	// "Controlled by 3rd Party" column is third-party).
	Owners map[string]Owner `yaml:"owners" json:"owners,omitempty"`
	// Answers maps answer values as the form writes them onto yes, no,
	// partial or not-applicable where the usual reading would differ (an
	// SoA's "Applicable: N" is not-applicable, not a no).
	Answers   map[string]string   `yaml:"answers" json:"answers,omitempty"`
	Sections  []CrosswalkSection  `yaml:"sections" json:"sections,omitempty"`
	Questions []CrosswalkQuestion `yaml:"questions" json:"questions,omitempty"`
	Unmapped  []CrosswalkUnmapped `yaml:"unmapped" json:"unmapped,omitempty"`
	Examples  []CrosswalkExample  `yaml:"examples" json:"examples,omitempty"`

	file string
}

// CrosswalkSection maps every question whose id starts with Prefix
// ("AAAI-", "5.") that no question entry maps.
type CrosswalkSection struct {
	Prefix   string   `yaml:"prefix" json:"prefix"`
	Title    string   `yaml:"title" json:"title,omitempty"`
	Domain   string   `yaml:"domain" json:"domain"`
	Controls []string `yaml:"controls" json:"controls,omitempty"`
	Side     Owner    `yaml:"side" json:"side,omitempty"`
	Basis    string   `yaml:"basis" json:"basis,omitempty"`
	Source   string   `yaml:"source" json:"source,omitempty"`
}

// CrosswalkQuestion maps one question id. A question id with a suffix the
// entry lacks ("A&A-02.1", "AC-2(13)", "CO-02a") takes the entry of the id
// without it ("A&A-02", "AC-2", "CO-02").
type CrosswalkQuestion struct {
	ID       string   `yaml:"id" json:"id"`
	Domain   string   `yaml:"domain" json:"domain,omitempty"`
	Controls []string `yaml:"controls" json:"controls,omitempty"`
	// Rules are the rule ids whose promise a "yes" to the question makes.
	// Given (even empty), they replace the rules of matching topics.
	Rules *[]string `yaml:"rules" json:"rules,omitempty"`
	Side  Owner     `yaml:"side" json:"side,omitempty"`
	// Notice says what a period in the answer means: "deadline" (at most
	// so long after an event: breach notice) or "advance" (at least so long
	// before a change: new subprocessors). Default: the rule's kind.
	Notice string `yaml:"notice" json:"notice,omitempty"`
	// Negative marks a question a "no" answers well ("Will any data leave
	// the United States?"): the "no" is the promise, a "yes" denies it.
	Negative bool   `yaml:"negative" json:"negative,omitempty"`
	Basis    string `yaml:"basis" json:"basis,omitempty"`
	Source   string `yaml:"source" json:"source,omitempty"`
}

// CrosswalkUnmapped lists question ids left out of the matrix on purpose,
// with the reason: qualifiers, accessibility, contact details. An id
// ending in "*" is a prefix.
type CrosswalkUnmapped struct {
	IDs    []string `yaml:"ids" json:"ids"`
	Reason string   `yaml:"reason" json:"reason"`
}

// CrosswalkTopic maps questions by their wording: the topics of home-made
// sheets, and the promise a question of any form makes. Match lists
// alternatives; an alternative matches when every one of its patterns is
// found in the question (case-insensitive regular expressions in which
// "{class}" stands for a vocabulary class).
type CrosswalkTopic struct {
	ID    string     `yaml:"id" json:"id"`
	Title string     `yaml:"title" json:"title"`
	Match [][]string `yaml:"match" json:"match"`
	// Unless are patterns that, found in the question, cancel the match
	// ("the hosting provider's SOC 2" is not the vendor's report).
	Unless   []string `yaml:"unless" json:"unless,omitempty"`
	Domain   string   `yaml:"domain" json:"domain,omitempty"`
	Controls []string `yaml:"controls" json:"controls,omitempty"`
	Rules    []string `yaml:"rules" json:"rules,omitempty"`
	Side     Owner    `yaml:"side" json:"side,omitempty"`
	Notice   string   `yaml:"notice" json:"notice,omitempty"`
	// Negative: a "no" to a matching question is the promise.
	Negative bool   `yaml:"negative" json:"negative,omitempty"`
	Basis    string `yaml:"basis" json:"basis"`
	Source   string `yaml:"source" json:"source"`
	// Examples are question wordings the topic must match, and must not.
	Examples VocabExamples `yaml:"examples" json:"examples"`

	file string
	// pats and unlessPats are Match and Unless compiled (against the
	// vocabulary), with their literal filters (crosswalk_filter.go).
	pats       [][]topicPattern
	unlessPats []topicPattern
}

// CrosswalkExample is a question of a form with where the crosswalk must
// place it: a test ssrm rules check runs.
type CrosswalkExample struct {
	ID       string `yaml:"id" json:"id"`
	Question string `yaml:"question" json:"question"`
	// Answer is the answer cell ("Yes", "No", a sentence); Ownership the
	// ownership cell, if the form has one.
	Answer    string `yaml:"answer" json:"answer,omitempty"`
	Ownership string `yaml:"ownership" json:"ownership,omitempty"`
	// Format is the questionnaire format to try (default: the form's first
	// format without its "*").
	Format string `yaml:"format" json:"format,omitempty"`
	// What the crosswalk must give: the domain ("" with Unmapped true), the
	// rules (all of them), the owner inferred or stated.
	Domain   string   `yaml:"domain" json:"domain,omitempty"`
	Rules    []string `yaml:"rules" json:"rules,omitempty"`
	Owner    Owner    `yaml:"owner" json:"owner,omitempty"`
	Unmapped bool     `yaml:"unmapped" json:"unmapped,omitempty"`
}

// Crosswalk is the crosswalk in force: the embedded files and the user's,
// merged in order.
type Crosswalk struct {
	Forms  []*CrosswalkForm
	Topics []*CrosswalkTopic
	// Files are the files read, in order.
	Files []string

	byID     map[string]*CrosswalkForm
	compiled bool
	mu       sync.Mutex
	index    map[*CrosswalkForm]*formIndex

	// The embedded files are read on first use (an agreement-only run
	// never needs them), or when a user's file extends them; rs is the
	// rule set the crosswalk is compiled against then.
	loadOnce, readyOnce sync.Once
	loadErr, readyErr   error
	rs                  *RuleSet

	// topics memoises topicsOf by question (crosswalk_memo.go).
	topics topicMemo
	// lits numbers the topics' filter literals (crosswalk_lits.go), set
	// when the topics are compiled.
	lits *topicLits
}

// load reads the embedded crosswalk into cw, once; files added before
// (none: LoadRules loads first) keep their place after it.
func (cw *Crosswalk) load() error {
	cw.loadOnce.Do(func() {
		base, err := embeddedCrosswalk()
		if err != nil {
			cw.loadErr = err
			return
		}
		cw.Forms, cw.Topics, cw.byID = base.Forms, base.Topics, base.byID
		cw.Files = append(base.Files, cw.Files...)
	})
	return cw.loadErr
}

// ready loads and compiles a crosswalk whose loading was deferred. The
// embedded files are checked by the tests, so an error here is a defect of
// the binary, not of the user's input.
func (cw *Crosswalk) ready() {
	cw.readyOnce.Do(func() {
		if cw.compiled || cw.rs == nil {
			return
		}
		if err := cw.load(); err != nil {
			cw.readyErr = err
		} else {
			cw.readyErr = cw.compileNow(cw.rs)
		}
	})
	if cw.readyErr != nil {
		panic("ssrm: the embedded crosswalk cannot be loaded: " + cw.readyErr.Error())
	}
}

// ErrCrosswalk marks a crosswalk file that cannot be loaded.
var ErrCrosswalk = errors.New("invalid crosswalk")

var (
	reControl  = lazyre.New(`^[A-Z&]{3}-\d{2}$`)
	reFormID   = lazyre.New(`^[a-z0-9]+([.-][a-z0-9]+)*$`)
	reFormatPt = lazyre.New(`^[a-z0-9*][a-z0-9.*-]*$`)
)

// IsCrosswalkFile reports whether data declares the crosswalk schema, so
// that a file given where rule packs are (--rules, ssrm rules check) is
// read as a crosswalk.
func IsCrosswalkFile(data []byte) bool {
	var head struct {
		Schema string `yaml:"schema"`
	}
	if yaml.Unmarshal(data, &head) != nil {
		return false
	}
	return head.Schema == CrosswalkSchema
}

// ParseCrosswalk decodes and validates one crosswalk file; file names it in
// errors. Unknown keys, an unknown domain, control, side, basis or notice,
// a form or topic without a source, and duplicate ids are errors wrapping
// ErrCrosswalk that name the file and the entry.
func ParseCrosswalk(data []byte, file string) (*CrosswalkFile, error) {
	c, err := decodeCrosswalk(data, file)
	if err != nil {
		return nil, err
	}
	return checkCrosswalk(c, file)
}

// decodeCrosswalk decodes one crosswalk file, unchecked; unknown keys are
// errors.
func decodeCrosswalk(data []byte, file string) (*CrosswalkFile, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c CrosswalkFile
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: %s: %v", ErrCrosswalk, file, err)
	}
	return &c, nil
}

// checkCrosswalk validates one decoded crosswalk file (ParseCrosswalk's
// checks, the same errors) and returns it.
func checkCrosswalk(c *CrosswalkFile, file string) (*CrosswalkFile, error) {
	if c.Schema != CrosswalkSchema {
		return nil, fmt.Errorf("%w: %s: schema: want %q, got %q", ErrCrosswalk, file, CrosswalkSchema, c.Schema)
	}
	forms := map[string]bool{}
	for i := range c.Forms {
		f := &c.Forms[i]
		where := fmt.Sprintf("%s: forms[%d] (%s)", file, i, f.ID)
		if !reFormID.MatchString(f.ID) {
			return nil, fmt.Errorf("%w: %s: id: want lower-case words and digits joined by - or ., got %q", ErrCrosswalk, where, f.ID)
		}
		if forms[f.ID] {
			return nil, fmt.Errorf("%w: %s: id: form %q defined twice in this file", ErrCrosswalk, where, f.ID)
		}
		forms[f.ID] = true
		f.file = file
		if err := f.validate(); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrCrosswalk, where, err)
		}
	}
	topics := map[string]bool{}
	for i := range c.Topics {
		t := &c.Topics[i]
		where := fmt.Sprintf("%s: topics[%d] (%s)", file, i, t.ID)
		if !ruleID.MatchString(t.ID) {
			return nil, fmt.Errorf("%w: %s: id: want kebab-case, got %q", ErrCrosswalk, where, t.ID)
		}
		if topics[t.ID] {
			return nil, fmt.Errorf("%w: %s: id: topic %q defined twice in this file", ErrCrosswalk, where, t.ID)
		}
		topics[t.ID] = true
		t.file = file
		if err := t.validate(); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrCrosswalk, where, err)
		}
	}
	return c, nil
}

func checkMapping(domain string, controls []string, side Owner, basis, notice string) error {
	if domain != "" && !IsDomain(domain) {
		return fmt.Errorf("domain: %q is not a CCM v4 domain code", domain)
	}
	for _, c := range controls {
		if !reControl.MatchString(c) || !IsDomain(c[:3]) {
			return fmt.Errorf("controls: %q is not a CCM v4 control id (A&A-02, SEF-07)", c)
		}
	}
	switch side {
	case "", OwnerVendor, OwnerCustomer, OwnerShared, OwnerThirdParty:
	default:
		return fmt.Errorf("side: want vendor, customer, shared or third-party, got %q", side)
	}
	switch basis {
	case "", BasisForm, BasisCCM, BasisReading:
	default:
		return fmt.Errorf("basis: want %s, %s or %s, got %q", BasisForm, BasisCCM, BasisReading, basis)
	}
	switch notice {
	case "", "deadline", "advance":
	default:
		return fmt.Errorf("notice: want deadline or advance, got %q", notice)
	}
	return nil
}

func (f *CrosswalkForm) validate() error {
	for i, p := range f.Formats {
		if !reFormatPt.MatchString(p) {
			return fmt.Errorf("formats[%d]: want a format such as hecvat-full-3*, got %q", i, p)
		}
	}
	if err := checkMapping("", nil, f.Side, f.Basis, ""); err != nil {
		return err
	}
	for k, o := range f.Owners {
		switch o {
		case OwnerVendor, OwnerCustomer, OwnerShared, OwnerThirdParty, OwnerNotApplicable, OwnerUnassigned:
		default:
			return fmt.Errorf("owners[%q]: want an owner (vendor, customer, shared, third-party, not-applicable, unassigned), got %q", k, o)
		}
	}
	for k, a := range f.Answers {
		switch a {
		case extract.AnswerYes, extract.AnswerNo, extract.AnswerPartial, extract.AnswerNA:
		default:
			return fmt.Errorf("answers[%q]: want yes, no, partial or not-applicable, got %q", k, a)
		}
	}
	seen := map[string]bool{}
	for i, s := range f.Sections {
		if strings.TrimSpace(s.Prefix) == "" {
			return fmt.Errorf("sections[%d]: prefix: missing", i)
		}
		if s.Domain == "" {
			return fmt.Errorf("sections[%d] (%s): domain: missing", i, s.Prefix)
		}
		if err := checkMapping(s.Domain, s.Controls, s.Side, s.Basis, ""); err != nil {
			return fmt.Errorf("sections[%d] (%s): %v", i, s.Prefix, err)
		}
		if k := normQID(s.Prefix); seen["s"+k] {
			return fmt.Errorf("sections[%d]: prefix %q given twice", i, s.Prefix)
		} else {
			seen["s"+k] = true
		}
	}
	for i, q := range f.Questions {
		if strings.TrimSpace(q.ID) == "" {
			return fmt.Errorf("questions[%d]: id: missing", i)
		}
		if q.Domain == "" && q.Rules == nil && q.Side == "" {
			return fmt.Errorf("questions[%d] (%s): give a domain, rules or a side", i, q.ID)
		}
		if err := checkMapping(q.Domain, q.Controls, q.Side, q.Basis, q.Notice); err != nil {
			return fmt.Errorf("questions[%d] (%s): %v", i, q.ID, err)
		}
		if q.Rules != nil {
			for _, r := range *q.Rules {
				if !ruleID.MatchString(r) {
					return fmt.Errorf("questions[%d] (%s): rules: %q is not a rule id", i, q.ID, r)
				}
			}
		}
		if k := normQID(q.ID); seen["q"+k] {
			return fmt.Errorf("questions[%d]: id %q given twice", i, q.ID)
		} else {
			seen["q"+k] = true
		}
	}
	for i, u := range f.Unmapped {
		if len(u.IDs) == 0 || u.Reason == "" {
			return fmt.Errorf("unmapped[%d]: ids and reason are required", i)
		}
	}
	for i, e := range f.Examples {
		if e.ID == "" && e.Question == "" {
			return fmt.Errorf("examples[%d]: id or question: missing", i)
		}
		if e.Domain == "" && !e.Unmapped && len(e.Rules) == 0 && e.Owner == "" {
			return fmt.Errorf("examples[%d] (%s): say what the crosswalk must give: domain, unmapped, rules or owner", i, e.ID)
		}
		if e.Domain != "" && !IsDomain(e.Domain) {
			return fmt.Errorf("examples[%d] (%s): domain: %q is not a CCM v4 domain code", i, e.ID, e.Domain)
		}
	}
	return nil
}

func (t *CrosswalkTopic) validate() error {
	if t.Title == "" {
		return errors.New("title: missing")
	}
	if len(t.Match) == 0 {
		return errors.New("match: missing")
	}
	for i, alt := range t.Match {
		if len(alt) == 0 {
			return fmt.Errorf("match[%d]: empty", i)
		}
		for k, p := range alt {
			if _, err := regexp.Compile(`(?i)` + placeholders.ReplaceAllString(p, "x")); err != nil {
				return fmt.Errorf("match[%d][%d]: bad pattern %q: %v", i, k, p, err)
			}
		}
	}
	for k, p := range t.Unless {
		if _, err := regexp.Compile(`(?i)` + placeholders.ReplaceAllString(p, "x")); err != nil {
			return fmt.Errorf("unless[%d]: bad pattern %q: %v", k, p, err)
		}
	}
	if t.Domain == "" && len(t.Rules) == 0 {
		return errors.New("give a domain or rules")
	}
	if t.Basis == "" || t.Source == "" {
		return errors.New("basis and source: say where the mapping comes from")
	}
	for _, r := range t.Rules {
		if !ruleID.MatchString(r) {
			return fmt.Errorf("rules: %q is not a rule id", r)
		}
	}
	if len(t.Examples.Match) == 0 {
		return errors.New("examples: match: give at least one question the topic must match")
	}
	return checkMapping(t.Domain, t.Controls, t.Side, t.Basis, t.Notice)
}

// add merges one parsed file: new forms and topics are appended, a form
// already defined is extended (its entries with the same key replaced), a
// topic already defined is replaced.
func (cw *Crosswalk) add(c *CrosswalkFile, file string) error {
	if cw.byID == nil {
		cw.byID = map[string]*CrosswalkForm{}
	}
	for i := range c.Forms {
		f := c.Forms[i]
		old := cw.byID[f.ID]
		if old == nil {
			if f.Basis == "" || f.Source == "" {
				// A form's entries inherit its basis and source.
				if !f.allCited() {
					return fmt.Errorf("%w: %s: forms[%d] (%s): basis and source: say where the mapping comes from (here or on every entry)", ErrCrosswalk, file, i, f.ID)
				}
			}
			nf := f
			cw.Forms = append(cw.Forms, &nf)
			cw.byID[f.ID] = &nf
			continue
		}
		old.merge(&f)
	}
	for i := range c.Topics {
		t := c.Topics[i]
		replaced := false
		for k, o := range cw.Topics {
			if o.ID == t.ID {
				cw.Topics[k] = &t
				replaced = true
			}
		}
		if !replaced {
			cw.Topics = append(cw.Topics, &t)
		}
	}
	cw.Files = append(cw.Files, file)
	cw.compiled = false
	cw.topics.clear()
	cw.lits = nil
	return nil
}

// allCited reports whether every entry of a form without its own basis and
// source gives both.
func (f *CrosswalkForm) allCited() bool {
	for _, s := range f.Sections {
		if s.Basis == "" || s.Source == "" {
			return false
		}
	}
	for _, q := range f.Questions {
		if q.Basis == "" || q.Source == "" {
			return false
		}
	}
	return true
}

// merge extends f with g (a later file's entries for the same form).
func (f *CrosswalkForm) merge(g *CrosswalkForm) {
	if g.Title != "" {
		f.Title = g.Title
	}
	if g.Extends != "" {
		f.Extends = g.Extends
	}
	if len(g.Formats) > 0 {
		f.Formats = g.Formats
	}
	// Entries the later file adds without a citation of their own keep the
	// form's; a basis or source given at form level by the later file
	// becomes the form's only if it had none (the earlier file's entries
	// were cited by it).
	if f.Basis == "" {
		f.Basis = g.Basis
	}
	if f.Source == "" {
		f.Source = g.Source
	}
	cite := func(basis, source *string) {
		if *basis == "" && g.Basis != "" {
			*basis = g.Basis
		}
		if *source == "" && g.Source != "" {
			*source = g.Source
		}
	}
	if g.Side != "" {
		f.Side = g.Side
	}
	for k, v := range g.Owners {
		if f.Owners == nil {
			f.Owners = map[string]Owner{}
		}
		f.Owners[k] = v
	}
	for k, v := range g.Answers {
		if f.Answers == nil {
			f.Answers = map[string]string{}
		}
		f.Answers[k] = v
	}
	// The entries of f by normalised id (every one that matches is
	// replaced, in order), so that merging stays linear.
	sections := map[string][]int{}
	for i := range f.Sections {
		k := normQID(f.Sections[i].Prefix)
		sections[k] = append(sections[k], i)
	}
	for _, s := range g.Sections {
		cite(&s.Basis, &s.Source)
		k := normQID(s.Prefix)
		replaced := false
		for _, i := range sections[k] {
			f.Sections[i], replaced = s, true
		}
		if !replaced {
			sections[k] = append(sections[k], len(f.Sections))
			f.Sections = append(f.Sections, s)
		}
	}
	questions := map[string][]int{}
	for i := range f.Questions {
		k := normQID(f.Questions[i].ID)
		questions[k] = append(questions[k], i)
	}
	for _, q := range g.Questions {
		cite(&q.Basis, &q.Source)
		k := normQID(q.ID)
		replaced := false
		for _, i := range questions[k] {
			old := f.Questions[i]
			// A hand entry that only adds rules or a side keeps the
			// generated domain and controls.
			if q.Domain == "" {
				q.Domain, q.Controls = old.Domain, old.Controls
				if q.Basis == "" {
					q.Basis, q.Source = old.Basis, old.Source
				}
			}
			f.Questions[i], replaced = q, true
		}
		if !replaced {
			questions[k] = append(questions[k], len(f.Questions))
			f.Questions = append(f.Questions, q)
		}
	}
	f.Unmapped = append(f.Unmapped, g.Unmapped...)
	f.Examples = append(f.Examples, g.Examples...)
	if g.file != "" {
		f.file = g.file
	}
}

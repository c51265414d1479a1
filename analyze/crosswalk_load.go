package analyze

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/ssrm-dev/ssrm/templates"
)

var (
	crosswalkOnce sync.Once
	crosswalkBase *Crosswalk
	crosswalkErr  error
)

// crosswalkFiles lists the embedded crosswalk files in load order (the
// generated *.gen.yaml first, then the hand-written ones, each in name
// order), with their contents.
func crosswalkFiles() ([]string, [][]byte, error) {
	entries, err := fs.ReadDir(templates.Crosswalk, "crosswalk")
	if err != nil {
		return nil, nil, err
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".yaml") {
			names = append(names, e.Name())
		}
	}
	sort.SliceStable(names, func(i, j int) bool {
		gi, gj := strings.HasSuffix(names[i], ".gen.yaml"), strings.HasSuffix(names[j], ".gen.yaml")
		if gi != gj {
			return gi
		}
		return names[i] < names[j]
	})
	data := make([][]byte, len(names))
	for i, n := range names {
		if data[i], err = templates.Crosswalk.ReadFile("crosswalk/" + n); err != nil {
			return nil, nil, err
		}
	}
	return names, data, nil
}

// LoadCrosswalk reads the embedded crosswalk (templates/crosswalk/*.yaml:
// the generated *.gen.yaml files first, then the hand-written ones, each in
// name order). Errors wrap ErrCrosswalk.
func LoadCrosswalk() (*Crosswalk, error) {
	names, data, err := crosswalkFiles()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCrosswalk, err)
	}
	cached := cachedCrosswalk(names, data)
	cw := &Crosswalk{}
	for i, n := range names {
		file := "embedded crosswalk/" + n
		var c *CrosswalkFile
		var err error
		if cached != nil {
			c, err = checkCrosswalk(cached[i], file)
		} else {
			c, err = ParseCrosswalk(data[i], file)
		}
		if err != nil {
			return nil, err
		}
		if err := cw.add(c, file); err != nil {
			return nil, err
		}
	}
	return cw, nil
}

// embeddedCrosswalk returns a copy of the embedded crosswalk, read once.
func embeddedCrosswalk() (*Crosswalk, error) {
	crosswalkOnce.Do(func() { crosswalkBase, crosswalkErr = LoadCrosswalk() })
	if crosswalkErr != nil {
		return nil, crosswalkErr
	}
	return crosswalkBase.clone(), nil
}

// clone copies the crosswalk deeply enough that a user file can extend the
// copy without touching the original.
func (cw *Crosswalk) clone() *Crosswalk {
	out := &Crosswalk{Files: append([]string(nil), cw.Files...), byID: map[string]*CrosswalkForm{}}
	for _, f := range cw.Forms {
		nf := *f
		nf.Formats = append([]string(nil), f.Formats...)
		nf.Sections = append([]CrosswalkSection(nil), f.Sections...)
		nf.Questions = append([]CrosswalkQuestion(nil), f.Questions...)
		nf.Unmapped = append([]CrosswalkUnmapped(nil), f.Unmapped...)
		nf.Examples = append([]CrosswalkExample(nil), f.Examples...)
		if f.Owners != nil {
			nf.Owners = map[string]Owner{}
			for k, v := range f.Owners {
				nf.Owners[k] = v
			}
		}
		if f.Answers != nil {
			nf.Answers = map[string]string{}
			for k, v := range f.Answers {
				nf.Answers[k] = v
			}
		}
		out.Forms = append(out.Forms, &nf)
		out.byID[nf.ID] = &nf
	}
	for _, t := range cw.Topics {
		nt := *t
		nt.pats, nt.unlessPats = nil, nil
		out.Topics = append(out.Topics, &nt)
	}
	return out
}

// Form returns the form with the id, or nil.
func (cw *Crosswalk) Form(id string) *CrosswalkForm {
	cw.ready()
	return cw.byID[id]
}

// compile checks the crosswalk against the rules in force, now when a
// user's file was given (its errors are LoadRules' errors), else on first
// use.
func (cw *Crosswalk) compile(rs *RuleSet) error {
	cw.rs = rs
	if cw.byID == nil {
		return nil // nothing but the embedded files: read them when needed
	}
	if err := cw.compileNow(rs); err != nil {
		return err
	}
	return nil
}

// compileNow checks what needs the rules in force: forms that extend a
// form that exists (without a cycle), rule ids that some pack defines, and
// the topics' patterns against the vocabulary.
func (cw *Crosswalk) compileNow(rs *RuleSet) error {
	known, err := knownRuleIDs()
	if err != nil {
		return err
	}
	for _, r := range rs.Rules {
		known[r.ID] = true
	}
	checkRules := func(file, where string, ids []string) error {
		for _, id := range ids {
			if !known[id] {
				return fmt.Errorf("%w: %s: %s: rules: no rule %q in any pack (built in: %s)", ErrCrosswalk, file, where, id, strings.Join(EmbeddedPacks(), ", "))
			}
		}
		return nil
	}
	for _, f := range cw.Forms {
		seen := map[string]bool{f.ID: true}
		for p := f.Extends; p != ""; p = cw.byID[p].Extends {
			if cw.byID[p] == nil {
				return fmt.Errorf("%w: %s: form %s: extends: no form %q", ErrCrosswalk, f.file, f.ID, p)
			}
			if seen[p] {
				return fmt.Errorf("%w: %s: form %s: extends: a cycle through %q", ErrCrosswalk, f.file, f.ID, p)
			}
			seen[p] = true
		}
		if len(f.Formats) == 0 && f.Extends == "" && len(f.Sections) == 0 && len(f.Questions) == 0 {
			return fmt.Errorf("%w: %s: form %s: formats: a form needs formats, sections or questions to be recognised by", ErrCrosswalk, f.file, f.ID)
		}
		for _, q := range f.Questions {
			if q.Rules != nil {
				if err := checkRules(f.file, "form "+f.ID+" question "+q.ID, *q.Rules); err != nil {
					return err
				}
			}
		}
	}
	for _, t := range cw.Topics {
		if err := checkRules(t.file, "topic "+t.ID, t.Rules); err != nil {
			return err
		}
		t.pats = nil
		for i, alt := range t.Match {
			var ps []topicPattern
			for k, p := range alt {
				tp, err := topicPatternOf(p, rs.Vocabulary)
				if err != nil {
					return fmt.Errorf("%w: %s: topic %s: match[%d][%d]: %v", ErrCrosswalk, t.file, t.ID, i, k, err)
				}
				ps = append(ps, tp)
			}
			t.pats = append(t.pats, ps)
		}
		t.unlessPats = nil
		for k, p := range t.Unless {
			tp, err := topicPatternOf(p, rs.Vocabulary)
			if err != nil {
				return fmt.Errorf("%w: %s: topic %s: unless[%d]: %v", ErrCrosswalk, t.file, t.ID, k, err)
			}
			t.unlessPats = append(t.unlessPats, tp)
		}
	}
	cw.mu.Lock()
	cw.index = nil
	cw.mu.Unlock()
	for _, f := range cw.Forms {
		cw.indexOf(f)
	}
	cw.lits = newTopicLits(cw.Topics)
	cw.topics.clear()
	cw.compiled = true
	return nil
}

var (
	knownOnce sync.Once
	knownIDs  map[string]bool
	knownErr  error
)

// knownRuleIDs returns the ids of the rules of every embedded pack.
func knownRuleIDs() (map[string]bool, error) {
	knownOnce.Do(func() {
		knownIDs = map[string]bool{}
		for _, name := range EmbeddedPacks() {
			for _, file := range embeddedPackFiles(name) {
				data, err := templates.Rules.ReadFile(file)
				if err != nil {
					knownErr = err
					return
				}
				// Only the ids: the packs are checked whole when they load
				// (LoadRules; TestKnownRuleIDs holds these ids to ParsePack's).
				for _, id := range packRuleIDs(data) {
					knownIDs[id] = true
				}
			}
		}
	})
	out := map[string]bool{}
	for k := range knownIDs {
		out[k] = true
	}
	return out, knownErr
}

// loadCrosswalkFile reads a file given with the rule packs when it declares
// the crosswalk schema: it extends rs.Crosswalk and reports true.
func (rs *RuleSet) loadCrosswalkFile(data []byte, file string) (bool, error) {
	if !IsCrosswalkFile(data) {
		return false, nil
	}
	c, err := ParseCrosswalk(data, file)
	if err != nil {
		return true, err
	}
	if err := rs.Crosswalk.load(); err != nil {
		return true, err
	}
	return true, rs.Crosswalk.add(c, file)
}

// packRuleIDs reads the ids of a rule pack's rules without parsing the
// pack (a YAML parse of every embedded pack cost each process about 8 ms):
// the value of the id key of each item of the top-level rules sequence,
// written in block style as the embedded packs are. A key of an item sits
// on the item's "- " line or on a line indented two more; the text of a
// block scalar is indented further, and comments and other keys are
// skipped. TestPackRuleIDs holds it to a YAML parse on packs of our own,
// TestKnownRuleIDs to ParsePack on the embedded ones.
func packRuleIDs(data []byte) []string {
	var ids []string
	inRules := false
	item := -1 // the indentation of the rules' "- ", once seen
	for line := range strings.SplitSeq(string(data), "\n") {
		line = strings.TrimRight(line, " \t\r")
		t := strings.TrimLeft(line, " ")
		if t == "" || t[0] == '#' {
			continue
		}
		ind := len(line) - len(t)
		dash := t == "-" || strings.HasPrefix(t, "- ")
		if ind == 0 && !(inRules && dash && item <= 0) {
			// A top-level key (a sequence may stand at its key's
			// indentation: "rules:\n- id: x").
			inRules, item = strings.TrimSpace(strings.SplitN(t, "#", 2)[0]) == "rules:", -1
			continue
		}
		if !inRules {
			continue
		}
		switch {
		case (item < 0 || ind == item) && dash:
			item = ind
			t = strings.TrimLeft(t[1:], " ")
		case item >= 0 && ind == item+2:
		default:
			continue
		}
		if v, ok := strings.CutPrefix(t, "id:"); ok {
			ids = append(ids, yamlScalar(v))
		}
	}
	return ids
}

// yamlScalar is a plain or quoted one-line YAML scalar's value, with a
// trailing comment removed.
func yamlScalar(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') {
		if end := strings.IndexByte(v[1:], v[0]); end >= 0 {
			return v[1 : 1+end]
		}
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

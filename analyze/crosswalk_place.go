package analyze

import (
	"path"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Placement is where the crosswalk puts one questionnaire item.
type Placement struct {
	// Domain is the CCM v4 domain ("" when the item is placed nowhere or
	// left out on purpose: see Unmapped).
	Domain   string   `json:"domain,omitempty"`
	Controls []string `json:"controls,omitempty"`
	// Rules are the rules whose promise a "yes" to the item makes.
	Rules []string `json:"rules,omitempty"`
	// Side is whom the question is about: what a "yes" says is done, and
	// by whom (vendor, customer, shared, third-party).
	Side Owner `json:"side,omitempty"`
	// Notice says what a period in the answer means: "deadline" or
	// "advance" ("" : the rule's kind).
	Notice string `json:"notice,omitempty"`
	// Negative: a "no" to the question is the promise.
	Negative bool `json:"negative,omitempty"`
	// By says what placed the item: "question" (the form's entry for its
	// id), "section" (its id prefix), "topic" (its wording: Topic), "id" (a
	// CCM v4 or NIST SP 800-53 id outside any form), "words" (the domain
	// its question speaks to most), or "" (nowhere).
	By    string `json:"by,omitempty"`
	Topic string `json:"topic,omitempty"`
	// Basis and Source say where the mapping comes from.
	Basis  string `json:"basis,omitempty"`
	Source string `json:"source,omitempty"`
	// Unmapped is the form's reason for leaving the question out of the
	// matrix (qualifiers, accessibility, contact details).
	Unmapped string `json:"unmapped,omitempty"`
}

// QuestionnairePlacement is the crosswalk applied to one questionnaire.
type QuestionnairePlacement struct {
	// Form is the form recognised (nil: none; items are placed by topic,
	// id and words only). ByIDs is set when it was recognised by its
	// question ids, not its format.
	Form  *CrosswalkForm
	ByIDs bool
	// Items has one placement per questionnaire item, in order.
	Items []Placement
}

// Counts returns how many items were placed by a form entry (question or
// section), by a topic, by an id or words outside a form, left out on
// purpose, and placed nowhere.
func (qp *QuestionnairePlacement) Counts() (form, topic, fallback, unmapped, nowhere int) {
	for _, p := range qp.Items {
		switch p.By {
		case "question", "section":
			form++
		case "topic":
			topic++
		case "id", "words":
			fallback++
		default:
			if p.Unmapped != "" {
				unmapped++
			} else {
				nowhere++
			}
		}
	}
	return
}

var reQIDSuffix = lazyre.New(`(\([^()]*\)|\.\d+|[A-Z]+)$`)

// normQID normalises a question id for lookups: upper case, no spaces, no
// leading zeros after "-" or "(" ("AC-02 (01)" → "AC-2(1)", "A&A-02.1" →
// "A&A-2.1"); dotted numbers keep their digits ("5.10").
//
// The zeros dropped are those the pattern `([-( ])0+(\d)` would replace
// by "$1$2" (a run of zeros after "-", "(" or a space, before a digit; a
// run ending the id or before a letter keeps its last zero when it has
// two or more); it is written out by hand because loading the crosswalk
// normalises every id many times.
func normQID(id string) string {
	s := strings.ToUpper(strings.TrimSpace(id))
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != ' ' {
			b.WriteByte(c)
		}
		i++
		if c != '-' && c != '(' && c != ' ' {
			continue
		}
		z := 0
		for i+z < len(s) && s[i+z] == '0' {
			z++
		}
		switch {
		case z > 0 && i+z < len(s) && s[i+z] >= '1' && s[i+z] <= '9':
			i += z // the zeros before a digit
		case z > 1:
			i += z - 1 // all but the last zero, which the pattern takes as its digit
		}
	}
	return b.String()
}

// parentQID cuts the last suffix of a normalised id: "AC-2(13)" → "AC-2",
// "A&A-2.1" → "A&A-2", "CO-2A" → "CO-2"; "" when there is none left to cut
// (the id is a bare control number, "AC-2" or "5.10" stays its own).
func parentQID(id string) string {
	loc := reQIDSuffix.FindStringIndex(id)
	if loc == nil || loc[0] == 0 {
		return ""
	}
	rest := id[:loc[0]]
	// Keep at least a letters-digits control ("AC-2") or a dotted pair
	// ("5.1"): cutting "5.10" to "5" would name a clause, not a control.
	if !strings.ContainsAny(rest, "0123456789") || !strings.Contains(rest, "-") && !strings.Contains(rest, ".") {
		return ""
	}
	return rest
}

// index builds the form's lookup tables (once).
type formIndex struct {
	questions map[string]*CrosswalkQuestion
	sections  []*CrosswalkSection
	prefixes  []string // each section's prefix, normalised
}

func (cw *Crosswalk) indexOf(f *CrosswalkForm) *formIndex {
	cw.mu.Lock()
	defer cw.mu.Unlock()
	if cw.index == nil {
		cw.index = map[*CrosswalkForm]*formIndex{}
	}
	if ix := cw.index[f]; ix != nil {
		return ix
	}
	ix := &formIndex{questions: map[string]*CrosswalkQuestion{}}
	// Ancestors first, so the form's own entries replace theirs.
	for _, g := range cw.lineage(f) {
		for i := range g.Questions {
			q := &g.Questions[i]
			if q.Basis == "" {
				q.Basis, q.Source = g.Basis, g.Source
			}
			ix.questions[normQID(q.ID)] = q
		}
		for i := range g.Sections {
			s := &g.Sections[i]
			if s.Basis == "" {
				s.Basis, s.Source = g.Basis, g.Source
			}
			ix.sections = append(ix.sections, s)
			ix.prefixes = append(ix.prefixes, normQID(s.Prefix))
		}
	}
	cw.index[f] = ix
	return ix
}

// question finds the entry for a normalised id, or for the id with its
// suffixes cut.
func (ix *formIndex) question(id string) *CrosswalkQuestion {
	for k := id; k != ""; k = parentQID(k) {
		if q := ix.questions[k]; q != nil {
			return q
		}
	}
	return nil
}

// section finds the section with the longest prefix of a normalised id (a
// later one wins a tie: the form's own over its ancestor's).
func (ix *formIndex) section(id string) *CrosswalkSection {
	var best *CrosswalkSection
	n := 0
	for i, s := range ix.sections {
		if p := ix.prefixes[i]; strings.HasPrefix(id, p) && len(p) >= n {
			best, n = s, len(p)
		}
	}
	return best
}

// unmapped returns the reason the form (or an ancestor) leaves an id out,
// and whether the id is named exactly (it then wins over a question entry,
// such as one the form's own crosswalk tab gives a qualifier) rather than
// by a prefix ("QUAL-*", which a question entry wins over).
func (cw *Crosswalk) unmapped(f *CrosswalkForm, id string) (string, bool) {
	reason := ""
	for g, k := f, 0; g != nil && k < 8; g, k = cw.byID[g.Extends], k+1 {
		for _, u := range g.Unmapped {
			for _, pat := range u.IDs {
				p := normQID(pat)
				switch {
				case p == id:
					return u.Reason, true
				case reason == "" && strings.HasSuffix(p, "*") && strings.HasPrefix(id, strings.TrimSuffix(p, "*")):
					reason = u.Reason
				}
			}
		}
		if g.Extends == "" {
			break
		}
	}
	return reason, false
}

func (cw *Crosswalk) unmappedReason(f *CrosswalkForm, id string) string {
	r, _ := cw.unmapped(f, id)
	return r
}

// lineage is the form and the forms it extends, its farthest ancestor
// first (eight forms at the most), so that what a form says itself, read
// last, replaces what its ancestors say.
func (cw *Crosswalk) lineage(f *CrosswalkForm) []*CrosswalkForm {
	var chain []*CrosswalkForm
	for g := f; g != nil && len(chain) < 8; g = cw.byID[g.Extends] {
		chain = append([]*CrosswalkForm{g}, chain...)
		if g.Extends == "" {
			break
		}
	}
	return chain
}

// inherited merges one map of each form of a lineage, its keys in lower
// case without surrounding space, a later form's value over an earlier's.
func inherited[V any](chain []*CrosswalkForm, values func(*CrosswalkForm) map[string]V) map[string]V {
	out := map[string]V{}
	for _, g := range chain {
		for k, v := range values(g) {
			out[strings.ToLower(strings.TrimSpace(k))] = v
		}
	}
	return out
}

// owners returns the form's ownership values (its own over its
// ancestors').
func (cw *Crosswalk) owners(f *CrosswalkForm) map[string]Owner {
	return inherited(cw.lineage(f), func(g *CrosswalkForm) map[string]Owner { return g.Owners })
}

// answers returns the form's answer values (its own over its
// ancestors').
func (cw *Crosswalk) answers(f *CrosswalkForm) map[string]string {
	return inherited(cw.lineage(f), func(g *CrosswalkForm) map[string]string { return g.Answers })
}

// side returns the form's default side (its own or an ancestor's).
func (cw *Crosswalk) side(f *CrosswalkForm) Owner {
	for g, k := f, 0; g != nil && k < 8; g, k = cw.byID[g.Extends], k+1 {
		if g.Side != "" {
			return g.Side
		}
		if g.Extends == "" {
			break
		}
	}
	return OwnerVendor
}

// formFor picks the form of a questionnaire: the most specific format
// pattern that matches its format, else the form whose entries place most
// of its question ids (at least 80% of them, and five).
func (cw *Crosswalk) formFor(q *extract.Questionnaire) (*CrosswalkForm, bool) {
	return cw.formForIDs(q.Format, len(q.Items), func(i int) string { return q.Items[i].ID })
}

// formForIDs is formFor of a questionnaire of the format with n items, the
// i-th item's id being id(i): a reader that streams the items (Placer)
// holds their ids alone.
func (cw *Crosswalk) formForIDs(format string, n int, id func(int) string) (*CrosswalkForm, bool) {
	var best *CrosswalkForm
	score := -1
	for _, f := range cw.Forms {
		for _, p := range f.Formats {
			if ok, _ := path.Match(p, format); ok {
				if s := len(strings.ReplaceAll(p, "*", "")); s > score {
					best, score = f, s
				}
			}
		}
	}
	if best != nil {
		return best, false
	}
	if n == 0 {
		return nil, false
	}
	bestN, bestQ := 0, 0
	for _, f := range cw.Forms {
		if len(f.Formats) == 0 && f.Extends == "" {
			continue // a form only extended by a user file is recognised through its base
		}
		ix := cw.indexOf(f)
		m, mq := 0, 0
		for i := range n {
			id := normQID(id(i))
			switch {
			case ix.question(id) != nil:
				m++
				mq++
			case ix.section(id) != nil || cw.unmappedReason(f, id) != "":
				m++
			}
		}
		if m > bestN || m == bestN && mq > bestQ {
			best, bestN, bestQ = f, m, mq
		}
	}
	if best == nil || bestN < 5 || float64(bestN) < 0.8*float64(n) {
		return nil, false
	}
	return best, true
}

// matches reports whether the topic matches a question's wording.
func (t *CrosswalkTopic) matches(question string) bool {
	return t.matchesText(question, strings.ToLower(question), foldText(question), nil)
}

// matchesText is matches with the question in lower case
// (strings.ToLower) and case-folded (foldText), made once for all topics,
// and the filter literals it holds (topicLits.held; nil: not known).
func (t *CrosswalkTopic) matchesText(question, lower, folded string, held []uint64) bool {
	found := false
	for _, alt := range t.pats {
		ok := len(alt) > 0
		for k := range alt {
			if !alt[k].match(question, lower, folded, held) {
				ok = false
				break
			}
		}
		if ok {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	for k := range t.unlessPats {
		if t.unlessPats[k].match(question, lower, folded, held) {
			return false
		}
	}
	return true
}

// Place applies the crosswalk to a questionnaire: the form it is, and
// where each item goes. The crosswalk must come from LoadRules (its topics
// compiled against the vocabulary); a nil crosswalk places by id and words
// only.
func (cw *Crosswalk) Place(q *extract.Questionnaire) *QuestionnairePlacement {
	qp := &QuestionnairePlacement{}
	if q == nil {
		return qp
	}
	if cw != nil {
		cw.ready()
	}
	var ix *formIndex
	side := OwnerVendor
	if cw != nil {
		qp.Form, qp.ByIDs = cw.formFor(q)
		if qp.Form != nil {
			ix = cw.indexOf(qp.Form)
			side = cw.side(qp.Form)
		}
	}
	qp.Items = make([]Placement, len(q.Items))
	for i, it := range q.Items {
		qp.Items[i] = cw.placeItem(qp.Form, ix, it, side)
	}
	return qp
}

func (cw *Crosswalk) placeItem(f *CrosswalkForm, ix *formIndex, it extract.Item, side Owner) Placement {
	return cw.placeItemTopics(f, ix, it, side, cw.topicsOf(it.Question))
}

// topicsOf returns the indices in cw.Topics of the topics a question
// matches, in order (none for a blank question or a nil crosswalk).
func (cw *Crosswalk) topicsOf(question string) []int32 {
	if cw == nil || strings.TrimSpace(question) == "" {
		return nil
	}
	if out, ok := cw.topics.get(question); ok {
		return out
	}
	out := cw.matchTopics(question)
	cw.topics.put(question, out)
	return out
}

// matchTopics is topicsOf without the memo: every topic's patterns tried.
func (cw *Crosswalk) matchTopics(question string) []int32 {
	var out []int32
	lower := strings.ToLower(question)
	folded := lower // foldText of ASCII text is its lower case
	if !isASCII(question) {
		folded = foldText(question)
	}
	var held []uint64
	if cw.lits != nil {
		held = cw.lits.held(lower)
	}
	for i, t := range cw.Topics {
		if t.matchesText(question, lower, folded, held) {
			out = append(out, int32(i))
		}
	}
	return out
}

// placeItemTopics is placeItem with the topics the question matches
// (topicsOf) found already.
func (cw *Crosswalk) placeItemTopics(f *CrosswalkForm, ix *formIndex, it extract.Item, side Owner, topics []int32) Placement {
	var p Placement
	id := normQID(it.ID)
	var qe *CrosswalkQuestion
	if ix != nil {
		qe = ix.question(id)
		reason, exact := cw.unmapped(f, id)
		if exact {
			qe = nil
		}
		if qe == nil {
			p.Unmapped = reason
		}
		if qe != nil {
			p.Domain, p.Controls, p.Side, p.Notice, p.Negative = qe.Domain, qe.Controls, qe.Side, qe.Notice, qe.Negative
			p.Basis, p.Source = qe.Basis, qe.Source
			if qe.Rules != nil {
				p.Rules = append([]string(nil), *qe.Rules...)
			}
			if p.Domain != "" {
				p.By = "question"
			}
		}
		if p.Domain == "" && p.Unmapped == "" {
			if s := ix.section(id); s != nil {
				p.Domain, p.By = s.Domain, "section"
				if len(p.Controls) == 0 {
					p.Controls = s.Controls
				}
				if p.Side == "" {
					p.Side = s.Side
				}
				p.Basis, p.Source = s.Basis, s.Source
			}
		}
	}
	if cw != nil {
		for _, k := range topics {
			t := cw.Topics[k]
			if p.Topic == "" {
				p.Topic = t.ID
				if p.Domain == "" && p.Unmapped == "" && t.Domain != "" {
					p.Domain, p.Controls, p.By = t.Domain, t.Controls, "topic"
					p.Basis, p.Source = t.Basis, t.Source
				}
				if p.Side == "" {
					p.Side = t.Side
				}
				if p.Notice == "" {
					p.Notice = t.Notice
				}
				if qe == nil {
					p.Negative = t.Negative
				}
			}
			if p.Unmapped == "" && (qe == nil || qe.Rules == nil) {
				for _, r := range t.Rules {
					p.Rules = appendOnce(p.Rules, r)
				}
			}
		}
	}
	if p.Domain == "" && p.Unmapped == "" {
		switch {
		case DomainOfID(it.ID) != "":
			p.Domain, p.By = DomainOfID(it.ID), "id"
			p.Basis, p.Source = BasisCCM, "the question id names its CCM v4 control"
		case nistFamilyDomain(it.ID) != "":
			p.Domain, p.By = nistFamilyDomain(it.ID), "id"
			p.Basis, p.Source = BasisReading, "the NIST SP 800-53 family of the question id"
		default:
			if d := wordsDomain(it.Question); d != "" {
				p.Domain, p.By = d, "words"
				p.Basis, p.Source = BasisReading, "the words of the question"
			}
		}
	}
	if p.Side == "" {
		p.Side = side
	}
	return p
}

// nistFamilyDomain returns the domain of a NIST SP 800-53 id's family
// ("AC-2" → IAM), or "".
func nistFamilyDomain(id string) string {
	if m := reNISTID.FindStringSubmatch(id); m != nil {
		return embeddedDomains().families[m[1]]
	}
	return ""
}

// wordsDomain is the domain a question's words speak to most, or "".
func wordsDomain(question string) string {
	best, n := "", 0
	folded := foldText(question)
	for _, d := range Domains {
		re := domainPattern(d.Code)
		if !mayMatch(literalsOf(re), folded) {
			continue // no match, none counted
		}
		if k := len(re.FindAllStringIndex(question, -1)); k > n {
			best, n = d.Code, k
		}
	}
	return best
}

// formatHours writes hours as the answer's unit would ("720 h" as "30
// days").
func formatHours(h float64) string {
	if h >= 48 && int(h)%24 == 0 {
		return strconv.Itoa(int(h)/24) + " days"
	}
	return fmtHours(h)
}

// SectionDomain is the domain of the section an id falls in, or "" (for
// review tools).
func SectionDomain(cw *Crosswalk, f *CrosswalkForm, id string) string {
	cw.ready()
	if s := cw.indexOf(f).section(normQID(id)); s != nil {
		return s.Domain
	}
	return ""
}

package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// qcontext is what an analysis knows of its questionnaire: where the
// crosswalk places each item, how each answer reads, and who owns each
// item, stated or inferred.
type qcontext struct {
	q      *extract.Questionnaire
	rules  *RuleSet
	place  *QuestionnairePlacement
	owners map[string]Owner // the form's own ownership values
	// answers are the form's own answer values ("n" → not-applicable).
	answers map[string]string
	names   []string // the vendor's names, for a matrix naming it
	// stated counts items whose ownership cell is filled.
	stated int
	// reads caches each text answer's reading per rule ("rule\x00index");
	// kinds each item's answer kind, once read.
	reads map[string]string
	kinds map[int]string
}

// newQContext places a questionnaire with the rules' crosswalk. q may be
// nil (no questionnaire): the context then answers nothing.
func newQContext(q *extract.Questionnaire, rs *RuleSet, names ...string) *qcontext {
	qc := &qcontext{q: q, rules: rs, names: names, reads: map[string]string{}}
	if q == nil {
		qc.place = &QuestionnairePlacement{}
		return qc
	}
	var cw *Crosswalk
	if rs != nil {
		cw = rs.Crosswalk
	}
	qc.place = cw.Place(q)
	if qc.place.Form != nil {
		qc.owners = cw.owners(qc.place.Form)
		qc.answers = cw.answers(qc.place.Form)
	}
	for _, it := range q.Items {
		if strings.TrimSpace(it.Ownership) != "" {
			qc.stated++
		}
	}
	return qc
}

// Kinds of answer, read with the question's polarity: a "no" to a
// negative question ("Will any data leave the United States?") affirms.
const (
	answerNone      = ""        // unanswered, or nothing to read
	answerAffirm    = "yes"     // yes, or a no to a negative question
	answerPartial   = "partial" // partly
	answerDeny      = "no"      // no, or a yes to a negative question
	answerNA        = "not-applicable"
	answerReference = "by-reference" // the answer only points elsewhere: "See our SOC 2 report"
	answerStatement = "statement"    // free text that states what is done
)

var (
	// reTextYes and reTextNo read a text answer's first words.
	reTextNo = lazyre.New(`(?i)^\s*(no|none|never|not (currently|yet|at this time|supported|available|offered)|we do not|we don't|does not|do not|is not|are not|cannot|can't)\b`)
	// reAnswerRef finds an answer that points elsewhere instead of
	// answering: "See attached", "Refer to our trust portal", "Available
	// upon request under NDA".
	reAnswerRef = lazyre.New(`(?i)(^\s*(please\s+)?(see|refer\s+to|reference|consult)\b)|\b(see|refer\s+to)\s+(the\s+|our\s+)?(attached|enclosed|trust|soc|iso|report|document|policy|portal|website|page|section|answer|response|[A-Z]{2,4}-\d)|\b(attached|enclosed)\b|\b(available|provided|shared|furnished)\s+(up)?on\s+(request|demand)|\b(upon|on)\s+request\b|\bunder\s+(an?\s+)?(nda|non-disclosure)|\btrust\s+(portal|cent(er|re)|page)\b`)
)

// isReference reports whether an answer's text only points elsewhere: a
// short answer with a pointer ("See attached", "A list of third parties
// can be provided upon request"), or text the engine reads as pointing at
// another document without stating anything itself.
func (qc *qcontext) isReference(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return false
	}
	words := len(strings.Fields(text))
	if words <= 30 && reAnswerRef.MatchString(text) {
		return true
	}
	if qc.rules == nil || words > 90 {
		return false // a paragraph says something of its own
	}
	units := answerUnits(text, "", qc.vendorName(), qc.rules.Vocabulary)
	if len(units) == 0 || len(units) > 3 {
		return false
	}
	for _, u := range units {
		if !u.frame.pointer || !pointerOnly(u.frame) {
			return false
		}
	}
	return true
}

func (qc *qcontext) vendorName() string {
	for _, n := range qc.names {
		if n != "" {
			return n
		}
	}
	return ""
}

// answerUnits reads an answer's text as a one-clause agreement, so the
// engine's frames read it as they read a contract: "We notify affected
// customers within 24 hours" binds the vendor.
func answerUnits(text, id, vendor string, v *Vocabulary) []*unit {
	if id == "" {
		id = "answer"
	}
	a := &extract.Agreement{Path: "answer", Format: "txt", Pages: []extract.Page{{Number: 1, Text: text}},
		Clauses: []extract.Clause{{ID: id, Text: text}}}
	return agreementUnits([]*extract.Agreement{a}, vendor, v)
}

// kind reads item i's answer with its question's polarity (once).
func (qc *qcontext) kind(i int) string {
	if k, ok := qc.kinds[i]; ok {
		return k
	}
	k := qc.readKind(i)
	if qc.kinds == nil {
		qc.kinds = map[int]string{}
	}
	qc.kinds[i] = k
	return k
}

func (qc *qcontext) readKind(i int) string {
	it := qc.q.Items[i]
	neg := qc.place.Items[i].Negative
	flip := func(k string) string {
		if !neg {
			return k
		}
		switch k {
		case answerAffirm:
			return answerDeny
		case answerDeny:
			return answerAffirm
		}
		return k
	}
	norm := it.AnswerNormalized
	if a, ok := qc.answers[strings.ToLower(strings.TrimSpace(it.Answer))]; ok {
		norm = a
	}
	switch norm {
	case extract.AnswerYes:
		return flip(answerAffirm)
	case extract.AnswerNo:
		return flip(answerDeny)
	case extract.AnswerPartial:
		return answerPartial
	case extract.AnswerNA:
		return answerNA
	case extract.AnswerText:
		t := it.Answer
		switch {
		case qc.isReference(t):
			return answerReference
		case reTextNo.MatchString(t):
			return flip(answerDeny)
		case neg:
			return answerNone // a sentence answering a negative question: read nothing into it
		}
		return answerStatement
	}
	return answerNone
}

// reHostedBy finds an answer that puts a datacenter control on the hosting
// provider ("hosted in AWS data centres", "our cloud provider").
var reHostedBy = lazyre.New(`(?i)\b(aws|amazon web services|amazon|azure|microsoft|google cloud|gcp|oracle cloud|ibm cloud|rackspace|equinix|digital ocean|hosting provider|cloud (service )?provider|data ?cent(er|re) provider|co-?location provider|iaas provider|sub-?service organi[sz]ation)\b`)

// itemOwner gives item i's owner: the ownership the form states (mapped
// by the form's own values first), else one inferred from the answer — a
// yes (or a statement, or a pointer to where it is documented) to a
// question about the vendor's side says the vendor performs it, to a
// question about what the institution configures says the customer or
// both do, to one about the hosting provider says a third party does; a
// "not applicable" is not-applicable. inferred says which. A no, or no
// answer, infers nothing.
func (qc *qcontext) itemOwner(i int) (o Owner, inferred bool) {
	it := qc.q.Items[i]
	if own := strings.TrimSpace(it.Ownership); own != "" {
		if m, ok := qc.owners[strings.ToLower(own)]; ok {
			if m != OwnerUnassigned {
				return m, false
			}
		} else if o := ItemOwner(it, qc.names...); o != OwnerUnassigned {
			return o, false
		}
	}
	p := qc.place.Items[i]
	if p.Unmapped != "" || p.Domain == "" {
		return OwnerUnassigned, false
	}
	switch qc.kind(i) {
	case answerAffirm, answerPartial, answerStatement, answerReference:
		side := p.Side
		if side == "" {
			side = OwnerVendor
		}
		if side == OwnerVendor && p.Domain == "DCS" && reHostedBy.MatchString(it.Answer+" "+it.Notes+" "+it.CSPImplementation) {
			side = OwnerThirdParty
		}
		return side, true
	case answerNA:
		return OwnerNotApplicable, true
	}
	return OwnerUnassigned, false
}

// ownershipStated says how much ownership the questionnaire states:
// "stated" (every item), "partly stated" or "not stated".
func (qc *qcontext) ownershipStated() string {
	switch {
	case qc.q == nil:
		return ""
	case qc.stated == 0:
		return "not stated"
	case qc.stated < len(qc.q.Items):
		return "partly stated"
	}
	return "stated"
}

// CrosswalkUse says how the crosswalk placed a questionnaire's items.
type CrosswalkUse struct {
	// Form is the crosswalk form recognised ("hecvat-full-3"), "" when
	// none; ByIDs says it was recognised by its question ids, not its
	// format.
	Form  string `json:"form,omitempty"`
	Title string `json:"title,omitempty"`
	ByIDs bool   `json:"by_ids,omitempty"`
	// Placed items were placed by a form entry or a topic; Fallback by a
	// CCM or NIST id or the question's words; Unmapped were left out on
	// purpose; Nowhere placed in no domain.
	Placed   int `json:"placed"`
	Fallback int `json:"fallback"`
	Unmapped int `json:"unmapped"`
	Nowhere  int `json:"nowhere"`
}

// input describes the questionnaire for the report.
func (qc *qcontext) input() Input {
	q := qc.q
	in := Input{Path: q.Path, Kind: string(extract.KindQuestionnaire), Format: q.Format, Items: len(q.Items), Ownership: qc.ownershipStated()}
	form, topic, fallback, unmapped, nowhere := qc.place.Counts()
	use := &CrosswalkUse{Placed: form + topic, Fallback: fallback, Unmapped: unmapped, Nowhere: nowhere, ByIDs: qc.place.ByIDs}
	if f := qc.place.Form; f != nil {
		use.Form, use.Title = f.ID, f.Title
	}
	in.Crosswalk = use
	return in
}

func questionnaireVendor(q *extract.Questionnaire) string {
	if q == nil {
		return ""
	}
	return q.Vendor
}

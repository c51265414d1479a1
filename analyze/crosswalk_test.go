package analyze

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/templates"
	"go.yaml.in/yaml/v3"
)

func loadRules(t *testing.T, packs ...string) *RuleSet {
	t.Helper()
	rs, err := LoadRules(packs)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestCrosswalkExamples runs the embedded crosswalk's own examples: every
// topic's question wordings and every form's example questions.
func TestCrosswalkExamples(t *testing.T) {
	rs := loadRules(t)
	rs.Crosswalk.ready()
	n := 0
	for _, f := range rs.Crosswalk.Forms {
		n += len(f.Examples)
	}
	for _, tp := range rs.Crosswalk.Topics {
		n += len(tp.Examples.Match) + len(tp.Examples.NoMatch)
	}
	if n < 40 {
		t.Errorf("the embedded crosswalk has %d examples; every topic and every form family should carry its own", n)
	}
	for _, f := range rs.CheckCrosswalkExamples() {
		t.Error(f)
	}
}

// TestCrosswalkMatchesSchema validates every embedded crosswalk file
// against templates/crosswalk/crosswalk-v1.schema.json.
func TestCrosswalkMatchesSchema(t *testing.T) {
	raw, err := templates.Crosswalk.ReadFile("crosswalk/crosswalk-v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("crosswalk-v1.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("crosswalk-v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := fs.Glob(templates.Crosswalk, "crosswalk/*.yaml")
	if len(files) < 6 {
		t.Fatalf("embedded crosswalk files: %v", files)
	}
	for _, name := range files {
		data, _ := templates.Crosswalk.ReadFile(name)
		if err := sch.Validate(yamlInstance(t, data)); err != nil {
			t.Errorf("%s does not match the schema:\n%v", name, err)
		}
	}
	// The schema rejects what the loader rejects.
	for _, bad := range []string{
		"schema: ssrm.crosswalk/v1\ncrosswalk: x\nforms: [{id: f, sections: [{prefix: A-, domain: XYZ}]}]\n",
		"schema: ssrm.crosswalk/v1\ncrosswalk: x\nforms: [{id: f, colour: red}]\n",
		"schema: ssrm.crosswalk/v1\ncrosswalk: x\ntopics: [{id: t, title: T, match: [[x]], domain: SEF, basis: guess, source: s, examples: {match: [x]}}]\n",
	} {
		if sch.Validate(yamlInstance(t, []byte(bad))) == nil {
			t.Errorf("the schema accepts %q", bad)
		}
	}
}

func yamlInstance(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// TestParseCrosswalkErrors: bad crosswalk files are errors naming the file
// and the entry.
func TestParseCrosswalkErrors(t *testing.T) {
	const head = "schema: ssrm.crosswalk/v1\ncrosswalk: mine\n"
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"schema", "schema: ssrm.rules/v1\n", `schema: want "ssrm.crosswalk/v1"`},
		{"unknown key", head + "forms: [{id: f, formats: [x], colour: red}]\n", "field colour not found"},
		{"domain", head + "forms: [{id: f, sections: [{prefix: A-, domain: XYZ}]}]\n", `sections[0] (A-): domain: "XYZ" is not a CCM v4 domain code`},
		{"control", head + "forms: [{id: f, questions: [{id: Q-1, domain: SEF, controls: [SEF-7]}]}]\n", `controls: "SEF-7" is not a CCM v4 control id`},
		{"side", head + "forms: [{id: f, side: nobody}]\n", `side: want vendor, customer, shared or third-party, got "nobody"`},
		{"basis", head + "forms: [{id: f, basis: hunch}]\n", `basis: want form-mapping, ccm-mapping or our-reading, got "hunch"`},
		{"notice", head + "forms: [{id: f, questions: [{id: Q-1, domain: SEF, notice: soon}]}]\n", `notice: want deadline or advance`},
		{"empty question", head + "forms: [{id: f, questions: [{id: Q-1}]}]\n", "give a domain, rules or a side"},
		{"twice", head + "forms: [{id: f, questions: [{id: Q-01, domain: SEF}, {id: Q-1, domain: SEF}]}]\n", `id "Q-1" given twice`},
		{"form id", head + "forms: [{id: My Form}]\n", "id: want lower-case words"},
		{"unmapped reason", head + "forms: [{id: f, unmapped: [{ids: [Q-1]}]}]\n", "unmapped[0]: ids and reason are required"},
		{"topic source", head + "topics: [{id: t, title: T, match: [[x]], domain: SEF, examples: {match: [x]}}]\n", "basis and source"},
		{"topic examples", head + "topics: [{id: t, title: T, match: [[x]], domain: SEF, basis: our-reading, source: s}]\n", "examples: match"},
		{"topic pattern", head + "topics: [{id: t, title: T, match: [[\"(\"]], domain: SEF, basis: our-reading, source: s, examples: {match: [x]}}]\n", "bad pattern"},
		{"example domain", head + "forms: [{id: f, examples: [{id: Q-1, domain: NOPE}]}]\n", `examples[0] (Q-1): domain: "NOPE"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCrosswalk([]byte(tc.yaml), "mine.yaml")
			if err == nil || !errors.Is(err, ErrCrosswalk) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "mine.yaml") {
				t.Errorf("error %v, want ErrCrosswalk naming mine.yaml and %q", err, tc.want)
			}
		})
	}
}

// TestLoadCrosswalkFileErrors: what only the rules in force can tell, at
// LoadRules: a rule id no pack defines, a form extending one that does not
// exist, a pattern naming an unknown vocabulary class, a new form without
// a citation.
func TestLoadCrosswalkFileErrors(t *testing.T) {
	const head = "schema: ssrm.crosswalk/v1\ncrosswalk: mine\n"
	dir := t.TempDir()
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"rule", head + "forms: [{id: f, formats: [x], basis: our-reading, source: s, questions: [{id: Q-1, rules: [no-such-rule]}]}]\n", `no rule "no-such-rule" in any pack`},
		{"extends", head + "forms: [{id: f, extends: nowhere, basis: our-reading, source: s}]\n", `extends: no form "nowhere"`},
		{"class", head + "topics: [{id: t, title: T, match: [[\"{no-such-class}\"]], domain: SEF, basis: our-reading, source: s, examples: {match: [x]}}]\n", `no vocabulary class "no-such-class"`},
		{"citation", head + "forms: [{id: f, formats: [x], sections: [{prefix: A-, domain: SEF}]}]\n", "basis and source: say where the mapping comes from"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".yaml")
			if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadRules([]string{path})
			if err == nil || !errors.Is(err, ErrCrosswalk) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want ErrCrosswalk and %q", err, tc.want)
			}
		})
	}
}

// TestUserCrosswalkExtends: a user file adds a form for a home-made
// sheet and overrides an embedded question by id, without touching the
// embedded crosswalk other rule sets use.
func TestUserCrosswalkExtends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.yaml")
	data := `schema: ssrm.crosswalk/v1
crosswalk: mine
forms:
  - id: acme-sheet
    title: Acme sheet
    formats: [xlsx]
    basis: our-reading
    source: Acme's reading
    sections: [{prefix: "INC-", domain: SEF}]
  - id: hecvat-full-3
    questions: [{id: HFIH-04, domain: BCR, basis: our-reading, source: Acme treats insurance as resilience}]
`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	mine := loadRules(t, path)
	base := loadRules(t)
	q := &extract.Questionnaire{Format: "xlsx", Items: []extract.Item{{ID: "INC-3", Question: "How are incidents handled?"}}}
	if p := mine.Crosswalk.Place(q); p.Form == nil || p.Form.ID != "acme-sheet" || p.Items[0].Domain != "SEF" || p.Items[0].By != "section" {
		t.Errorf("user form: %+v %+v", p.Form, p.Items)
	}
	h := &extract.Questionnaire{Format: "hecvat-full-3.04", Items: []extract.Item{{ID: "HFIH-04", Question: "Do you carry cyber-risk insurance?", AnswerNormalized: extract.AnswerYes}}}
	if got := mine.Crosswalk.Place(h).Items[0]; got.Domain != "BCR" || !containsString(got.Rules, "cyber-insurance") {
		t.Errorf("overridden HFIH-04: %+v, want BCR keeping the topic's rule", got)
	}
	if got := base.Crosswalk.Place(h).Items[0]; got.Domain != "GRC" {
		t.Errorf("embedded HFIH-04 after a user's override: %+v, want GRC", got)
	}
}

func TestNormQID(t *testing.T) {
	for _, tc := range []struct{ id, norm, parent string }{
		{"AC-02 (01)", "AC-2(1)", "AC-2"},
		{"AC-2(3)(a)", "AC-2(3)(A)", "AC-2(3)"},
		{"A&A-02.1", "A&A-2.1", "A&A-2"},
		{"AIS- 02.2", "AIS-2.2", "AIS-2"},
		{"CO-02a", "CO-2A", "CO-2"},
		{"5.10", "5.10", ""},
		{"8.1.3", "8.1.3", "8.1"},
		{"HFIH-04", "HFIH-4", ""},
		{"Package Checklist!5", "PACKAGECHECKLIST!5", ""},
	} {
		if got := normQID(tc.id); got != tc.norm {
			t.Errorf("normQID(%q) = %q, want %q", tc.id, got, tc.norm)
		}
		if got := parentQID(normQID(tc.id)); got != tc.parent {
			t.Errorf("parentQID(%q) = %q, want %q", tc.norm, got, tc.parent)
		}
	}
}

// normQIDByPattern is normQID as it was first written, with the pattern
// normQID now follows by hand.
func normQIDByPattern(id string) string {
	s := strings.ToUpper(strings.TrimSpace(id))
	s = regexp.MustCompile(`([-( ])0+(\d)`).ReplaceAllString(s, "$1$2")
	return strings.ReplaceAll(s, " ", "")
}

// TestNormQIDPattern: the hand-written normQID gives what the pattern
// gives, on the ids where they could part (runs of zeros at the end, before
// a letter or a separator, after a space, back to back).
func TestNormQIDPattern(t *testing.T) {
	for _, id := range []string{"", "0", "-0", "-00", "-000", "-001", "-0a", "-00a", "-00-01", "--01",
		"- 01", "AC 02", "AC-00 (00)", "(0)", "(00)", "(007)", "x-0(0-0 0", " -01 ", "A-10", "A-100", "é-01",
		"IAM-01.02", "AC-2(03)(b)", "-0000000001", "0-0-0-0"} {
		if got, want := normQID(id), normQIDByPattern(id); got != want {
			t.Errorf("normQID(%q) = %q, the pattern gives %q", id, got, want)
		}
	}
}

func FuzzNormQID(f *testing.F) {
	for _, id := range []string{"AC-02 (01)", "-00a", "x-0(0-0 0", "- 01"} {
		f.Add(id)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if got, want := normQID(id), normQIDByPattern(id); got != want {
			t.Errorf("normQID(%q) = %q, the pattern gives %q", id, got, want)
		}
	})
}

// TestPlace places the items of small questionnaires of each family:
// the form recognised (by format or by question ids), the domain, what
// placed it, the rules, the side, the polarity.
func TestPlace(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, format, form string
		items              []extract.Item
		want               []Placement // Domain, By, Rules, Side, Negative, Unmapped != ""
	}{
		{"hecvat 3", "hecvat-full-3.04", "hecvat-full-3", []extract.Item{
			{ID: "HFIH-04", Question: "Do you carry cyber-risk insurance?"},
			{ID: "QUAL-01", Question: "Does your product process protected health information?"},
			{ID: "AAAI-01", Question: "Does your solution support single sign-on?"},
			{ID: "DCTR-01", Question: "Does the hosting provider have a SOC 2 Type 2 report available?"},
			{ID: "PPPR-06", Question: "Will you comply with applicable breach notification laws?"},
			{ID: "VULN-99", Question: "A question the crosswalk has no entry for"},
		}, []Placement{
			{Domain: "GRC", By: "question", Rules: []string{"cyber-insurance"}, Side: OwnerVendor},
			{Unmapped: "x", Side: OwnerVendor},
			{Domain: "IAM", By: "question", Side: OwnerShared},
			{Domain: "DCS", By: "question", Side: OwnerThirdParty},
			{Domain: "SEF", By: "question", Rules: []string{"breach-notification"}, Side: OwnerVendor},
			{Domain: "TVM", By: "section", Side: OwnerVendor},
		}},
		{"k12 negative", "k12cvat-lite-4.1", "k12cvat", []extract.Item{
			{ID: "HLDC-01", Question: "Will any institution data leave the United States?"},
		}, []Placement{{Domain: "DSP", By: "question", Rules: []string{"data-location"}, Side: OwnerVendor, Negative: true}}},
		{"an unseen HECVAT Lite 2.x", "hecvat-lite-2.0", "hecvat-lite-3", []extract.Item{
			{ID: "HLVU-01", Question: "Are your systems scanned for vulnerabilities?"},
			{ID: "HLBC-01", Question: "Do you have a documented business continuity plan?"},
			{ID: "ZZZZ-01", Question: "Do you carry cyber liability insurance?"},
		}, []Placement{
			{Domain: "TVM", By: "section", Side: OwnerVendor},
			{Domain: "BCR", By: "section", Side: OwnerVendor},
			{Domain: "GRC", By: "topic", Rules: []string{"cyber-insurance"}, Side: OwnerVendor},
		}},
		{"an unseen HECVAT Full 3.x", "hecvat-full-3.06", "hecvat-full-3", []extract.Item{
			{ID: "CHNG-03", Question: "Will the institution be notified of major changes to your environment?"},
		}, []Placement{{Domain: "CCC", By: "question", Rules: []string{"change-notice"}, Side: OwnerVendor}}},
		{"lite export by ids", "csv", "hecvat-lite-3", []extract.Item{
			{ID: "HLAA-01", Question: "SSO?"}, {ID: "HLAP-02", Question: "Staff RBAC?"}, {ID: "HLDA-02", Question: "Encrypted in transport?"},
			{ID: "HLIH-03", Question: "Do you carry cyber insurance?"}, {ID: "HLNT-01", Question: "Segmentation?"}, {ID: "HLTP-02", Question: "Third-party assessments?"},
		}, nil},
		{"nist", "fedramp", "nist-800-53", []extract.Item{
			{ID: "AC-2(13)", Question: "Disable Accounts for High-risk Individuals"},
			{ID: "SC-28", Question: "Protection of Information at Rest"},
			{ID: "PM-99", Question: "A control CSA does not map"},
		}, []Placement{
			{Domain: "IAM", By: "question", Side: OwnerVendor},
			{Domain: "CEK", By: "question", Side: OwnerVendor},
			{Domain: "GRC", By: "section", Side: OwnerVendor},
		}},
		{"home-made", "xlsx", "", []extract.Item{
			{ID: "Sheet1!2", Question: "Will you notify us of a data breach within 72 hours?"},
			{ID: "Sheet1!3", Question: "Do you give customers at least 30 days' notice before a new subprocessor?"},
			{ID: "Sheet1!4", Question: "Are laptops and mobile devices managed?"},
			{ID: "Sheet1!5", Question: "What is your favourite colour?"},
		}, []Placement{
			{Domain: "SEF", By: "topic", Rules: []string{"breach-notification"}, Side: OwnerVendor},
			{Domain: "STA", By: "topic", Rules: []string{"subprocessors"}, Side: OwnerVendor},
			{Domain: "UEM", By: "words", Side: OwnerVendor},
			{Side: OwnerVendor},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := &extract.Questionnaire{Format: tc.format, Items: tc.items}
			qp := rs.Crosswalk.Place(q)
			switch {
			case tc.form == "" && qp.Form != nil:
				t.Fatalf("form %s, want none", qp.Form.ID)
			case tc.form != "" && (qp.Form == nil || qp.Form.ID != tc.form):
				t.Fatalf("form %+v, want %s", qp.Form, tc.form)
			}
			for i, w := range tc.want {
				g := qp.Items[i]
				if g.Domain != w.Domain || g.By != w.By || g.Side != w.Side || g.Negative != w.Negative || (g.Unmapped != "") != (w.Unmapped != "") {
					t.Errorf("%s: got %+v, want %+v", tc.items[i].ID, g, w)
				}
				for _, r := range w.Rules {
					if !containsString(g.Rules, r) {
						t.Errorf("%s: rules %v, want %s among them", tc.items[i].ID, g.Rules, r)
					}
				}
				if g.Domain != "" && (g.Basis == "" || g.Source == "") {
					t.Errorf("%s: placed without a citation: %+v", tc.items[i].ID, g)
				}
			}
		})
	}
}

func TestNoticePeriod(t *testing.T) {
	for _, tc := range []struct {
		text  string
		hours float64 // 0: none
	}{
		{"We notify customers 30 days before a new subprocessor is engaged.", 720},
		{"Provider will give at least thirty (30) days' prior written notice of any new Subprocessor.", 720},
		{"Customers are told two weeks in advance of a material change.", 336},
		{"Provider will notify Customer of new subprocessors by updating the list.", 0},
		{"Notice of 10 business days before the change, or 3 months' notice for a data centre move.", 2160},
	} {
		h, words := noticePeriod(tc.text)
		switch {
		case tc.hours == 0 && h != nil:
			t.Errorf("%q: %v h (%q), want none", tc.text, *h, words)
		case tc.hours != 0 && (h == nil || *h != tc.hours):
			t.Errorf("%q: %v (%q), want %v h", tc.text, h, words, tc.hours)
		}
	}
}

// TestAnswerKinds reads answers as the cross-check does: yes and no with
// the question's polarity, pointers as references, sentences as
// statements.
func TestAnswerKinds(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		answer   string
		negative bool
		want     string
	}{
		{"Yes", false, answerAffirm},
		{"Yes - see notes", false, answerAffirm},
		{"No", true, answerAffirm},
		{"Yes", true, answerDeny},
		{"N/A", false, answerNA},
		{"", false, answerNone},
		{"See attached", false, answerReference},
		{"Please see our SOC 2 Type II report.", false, answerReference},
		{"Refer to the trust portal.", false, answerReference},
		{"A current list of third parties can be provided upon request.", false, answerReference},
		{"Details are available under NDA.", false, answerReference},
		{"We do not share data with third parties.", false, answerDeny},
		{"We notify affected customers within 24 hours of discovering a breach, by e-mail and phone.", false, answerStatement},
	} {
		it := extract.Item{ID: "Q-1", Question: "Question?", Answer: tc.answer, AnswerNormalized: extract.NormalizeAnswer(tc.answer)}
		qc := &qcontext{q: &extract.Questionnaire{Items: []extract.Item{it}}, rules: rs, reads: map[string]string{},
			place: &QuestionnairePlacement{Items: []Placement{{Domain: "SEF", Negative: tc.negative}}}}
		if got := qc.kind(0); got != tc.want {
			t.Errorf("%q (negative %v): %q, want %q", tc.answer, tc.negative, got, tc.want)
		}
	}
}

// TestLiteralFilter: a pattern's filter holds a literal of every match,
// lower-cased, and none when a match need not contain one.
func TestLiteralFilter(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		want    []string
	}{
		{`(?i)insurance|insured`, []string{"insur"}}, // the parser factors the common prefix
		{`(?i)\b(notif\w*|informed)\b.{0,80}\bbreach`, []string{"breach"}},
		{`(?i)SOC ?[12]|SSAE`, nil}, // factored to s(oc…|sae): "oc" is too short to filter
		{`(?i)\w+`, nil},
		{`(?i)(a|bc)def`, []string{"def"}},
		{`(?i)x?`, nil},
	} {
		got := filterOf(regexp.MustCompile(tc.pattern))
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s: %v, want %v", tc.pattern, got, tc.want)
		}
	}
	rs := loadRules(t)
	rs.Crosswalk.ready()
	for _, tp := range rs.Crosswalk.Topics {
		if len(topicPatterns(tp)) == 0 {
			t.Fatalf("topic %s: no patterns compiled", tp.ID)
		}
		sameTopicMatches(t, rs.Crosswalk, tp, append(append([]string(nil), tp.Examples.Match...), tp.Examples.NoMatch...))
	}
}

// topicPatterns are a topic's compiled patterns, match and unless.
func topicPatterns(tp *CrosswalkTopic) []topicPattern {
	var out []topicPattern
	for _, alt := range tp.pats {
		out = append(out, alt...)
	}
	return append(out, tp.unlessPats...)
}

// sameTopicMatches: each pattern of the topic, with its filters and
// branches, matches a question exactly when the pattern itself does, its
// filter read from its literals (nil) or from the crosswalk's numbered
// literals (cw.lits).
func sameTopicMatches(t *testing.T, cw *Crosswalk, tp *CrosswalkTopic, questions []string) {
	t.Helper()
	if cw.lits == nil {
		t.Fatal("the crosswalk's topic literals are not numbered")
	}
	for _, q := range questions {
		lower, folded := strings.ToLower(q), foldText(q)
		held := cw.lits.held(lower)
		for _, p := range topicPatterns(tp) {
			want := p.re().MatchString(q)
			if got := p.match(q, lower, folded, nil); got != want {
				t.Errorf("topic %s: %s on %q: %v through its filters, %v itself", tp.ID, p.src, q, got, want)
			}
			if got := p.match(q, lower, folded, held); got != want {
				t.Errorf("topic %s: %s on %q: %v through its numbered literals, %v itself", tp.ID, p.src, q, got, want)
			}
			if p.filter != nil && p.mask == nil {
				t.Errorf("topic %s: %s: a filter without its mask", tp.ID, p.src)
			}
			if p.filter != nil && p.passes(lower, held) != p.filter.pass(lower) {
				t.Errorf("topic %s: %s on %q: the numbered literals pass %v, the filter %v", tp.ID, p.src, q, p.passes(lower, held), p.filter.pass(lower))
			}
		}
	}
}

// TestTopicPatternsCorpus: the same on every question of the corpus
// questionnaires.
func TestTopicPatternsCorpus(t *testing.T) {
	rs := loadRules(t)
	rs.Crosswalk.ready()
	var qs []string
	for _, q := range corpusQuestionnaires(t) {
		for _, it := range q.Items {
			qs = append(qs, it.Question)
		}
	}
	if len(qs) < 1000 {
		t.Fatalf("%d questions in the corpus, want over 1,000", len(qs))
	}
	for _, tp := range rs.Crosswalk.Topics {
		sameTopicMatches(t, rs.Crosswalk, tp, qs)
	}
}

func FuzzTopicPatterns(f *testing.F) {
	for _, q := range []string{"Do you notify customers of a breach within 72 hours?", "Is data stored in the U.S. or the EU?",
		"SOC 2 Type II report", "ſecurity KELVIN ﬁle", "Will subprocessors be bound by the same terms?"} {
		f.Add(q)
	}
	rs, err := LoadRules(nil)
	if err != nil {
		f.Fatal(err)
	}
	rs.Crosswalk.ready()
	f.Fuzz(func(t *testing.T, q string) {
		for _, tp := range rs.Crosswalk.Topics {
			sameTopicMatches(t, rs.Crosswalk, tp, []string{q})
		}
	})
}

// FuzzParseCrosswalk: a crosswalk file of any content is loaded or
// refused with ErrCrosswalk, never a panic.
func FuzzParseCrosswalk(f *testing.F) {
	f.Add([]byte("schema: ssrm.crosswalk/v1\ncrosswalk: x\nforms: [{id: f, formats: [x], basis: our-reading, source: s, sections: [{prefix: A-, domain: SEF}]}]\n"))
	f.Add([]byte("schema: ssrm.crosswalk/v1\ncrosswalk: x\ntopics: [{id: t, title: T, match: [[x]], domain: SEF, basis: our-reading, source: s, examples: {match: [x]}}]\n"))
	f.Add([]byte("schema: ssrm.crosswalk/v1\nforms: [{id: f, questions: [{id: \"\", rules: [a]}]}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCrosswalk(data, "fuzz.yaml")
		if err != nil {
			if !errors.Is(err, ErrCrosswalk) {
				t.Fatalf("error %v does not wrap ErrCrosswalk", err)
			}
			return
		}
		cw := &Crosswalk{}
		_ = cw.add(c, "fuzz.yaml")
	})
}

// TestREADMECrosswalkExample: the example of a user crosswalk in docs/crosswalk.md (linked from the README) is
// testdata/crosswalk/valid/acme.yaml, which ssrm rules check accepts.
func TestREADMECrosswalkExample(t *testing.T) {
	readme, err := os.ReadFile("../docs/crosswalk.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	start := strings.Index(s, "```yaml\nschema: ssrm.crosswalk/v1")
	if start < 0 {
		t.Fatal("docs/crosswalk.md: no crosswalk example")
	}
	start += len("```yaml\n")
	block := s[start : start+strings.Index(s[start:], "```")]
	file, err := os.ReadFile("testdata/crosswalk/valid/acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, body, _ := strings.Cut(string(file), "\n"); body != block {
		t.Errorf("README's crosswalk example and testdata/crosswalk/valid/acme.yaml differ")
	}
	rs := loadRules(t, "testdata/crosswalk/valid/acme.yaml")
	if fails := rs.CheckCrosswalkExamples("testdata/crosswalk/valid/acme.yaml"); len(fails) > 0 {
		t.Errorf("examples: %v", fails)
	}
}

// TestPromisesOfNegativeQuestions: a no to a question a no answers well
// ("Will any data leave the United States?") promises the term, a yes
// denies it, and the explanation says so in the answer's own terms.
func TestPromisesOfNegativeQuestions(t *testing.T) {
	rs := loadRules(t)
	r := rs.Get("data-location")
	for _, tc := range []struct {
		answer, kind, what string
	}{
		{"No", answerAffirm, "answers no to HLDC-01, a question a no answers well"},
		{"Yes", answerDeny, "answers yes to HLDC-01, a question a no answers well"},
	} {
		q := &extract.Questionnaire{Format: "k12cvat-lite-4.1", Items: []extract.Item{{ID: "HLDC-01", Question: "Will any institution data leave the United States?",
			Answer: tc.answer, AnswerNormalized: extract.NormalizeAnswer(tc.answer), Sheet: "S", Cell: "C9"}}}
		best, denial := newQContext(q, rs).promises(r)
		p := best
		if tc.kind == answerDeny {
			p = denial
		}
		if p == nil || p.kind != tc.kind || p.what() != tc.what || p.ev == nil || *p.ev.Cell != "C9" {
			t.Errorf("%s: best %+v denial %+v, want %s: %q", tc.answer, best, denial, tc.kind, tc.what)
		}
	}
}

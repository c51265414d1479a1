package eval

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ssrm-dev/ssrm/analyze"
)

// dpaDir is the DPA sentence dataset beside the repository.
const dpaDir = "../../../shared/corpus/agreements/labels"

func needDPA(t *testing.T) *DPADataset {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dpaDir, DPATrainFile)); err != nil {
		t.Skipf("DPA sentence dataset not found at %s (it sits beside the repository in ../shared): %v", dpaDir, err)
	}
	ds, err := LoadDPADataset(dpaDir)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestDPARequirementsFile checks the committed mapping against the real
// sentences: every id R1..R46 once, each example sentence exists and
// carries its id, each rule is a baseline rule.
func TestDPARequirementsFile(t *testing.T) {
	reqs, err := DPARequirements()
	if err != nil {
		t.Fatal(err)
	}
	if len(reqs) != 46 {
		t.Fatalf("%d requirements, want R1..R46", len(reqs))
	}
	rs, err := analyze.LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range reqs {
		if want := "R" + itoa(i+1); q.ID != want {
			t.Errorf("row %d: id %s, want %s", i+1, q.ID, want)
		}
		if q.Meaning == "" || len(q.Examples) == 0 {
			t.Errorf("%s: meaning and examples are required", q.ID)
		}
		if q.Rule != "" && rs.Get(q.Rule) == nil {
			t.Errorf("%s: rule %s is not a baseline rule", q.ID, q.Rule)
		}
	}
	rules, ids := ruleReqs(reqs)
	want := []string{"vendor-security", "notification-content", "subprocessors", "regulator-cooperation", "incident-cooperation", "data-return-exit", "audit-rights", "data-location", "breach-notification"}
	if !slices.Equal(rules, want) {
		t.Errorf("mapped rules %v, want %v", rules, want)
	}
	if got := ids["subprocessors"]; !slices.Equal(got, []string{"R10", "R11", "R27", "R28", "R36"}) {
		t.Errorf("subprocessors ids %v", got)
	}
	ds := needDPA(t)
	sentences := map[string]DPASentence{}
	for _, d := range ds.DPAs {
		for _, s := range d.Sentences {
			sentences[d.Name+":"+itoa(s.ID)] = s
		}
	}
	for _, q := range reqs {
		for _, e := range q.Examples {
			s, ok := sentences[e]
			switch {
			case !ok:
				t.Errorf("%s: example %s is not a sentence of the dataset", q.ID, e)
			case !slices.Contains(s.Reqs, q.ID):
				t.Errorf("%s: example %s carries %v, not %s: %q", q.ID, e, s.Reqs, q.ID, s.Text)
			}
		}
	}
}

// TestDPADataset checks the dataset as loaded: 69 DPAs, each once, the
// test file's 8 DPAs recognised as repeats, sentences in id order, and the
// halves balanced.
func TestDPADataset(t *testing.T) {
	ds := needDPA(t)
	if len(ds.DPAs) != 69 {
		t.Errorf("%d DPAs, want 69", len(ds.DPAs))
	}
	if !strings.Contains(ds.Dedup, "8 of its 8 DPAs repeat a train DPA") {
		t.Errorf("dedup: %s", ds.Dedup)
	}
	t.Log(ds.Dedup)
	size := map[string]int{}
	count := map[string]int{}
	for _, d := range ds.DPAs {
		if !slices.IsSortedFunc(d.Sentences, func(a, b DPASentence) int { return a.ID - b.ID }) {
			t.Errorf("%s: sentences out of order", d.Name)
		}
		size[d.Split] += len(d.Sentences)
		count[d.Split]++
	}
	if count[SplitDev] != 34 || count[SplitTest] != 35 {
		t.Errorf("halves of %d and %d DPAs, want 34 and 35", count[SplitDev], count[SplitTest])
	}
	if d := math.Abs(float64(size[SplitDev]-size[SplitTest])) / float64(size[SplitDev]+size[SplitTest]); d > 0.05 {
		t.Errorf("halves of %d and %d sentences differ by %.0f%%", size[SplitDev], size[SplitTest], 100*d)
	}
	t.Logf("dev %d DPAs, %d sentences; test %d DPAs, %d sentences", count[SplitDev], size[SplitDev], count[SplitTest], size[SplitTest])
	for _, d := range ds.DPAs {
		if d.Name == "Online 1" {
			doc := d.Document()
			if !strings.HasPrefix(doc, d.Sentences[0].Text+"\n\n"+d.Sentences[1].Text+"\n\n") {
				t.Errorf("Online 1 rebuilt as %q", doc[:200])
			}
		}
	}
}

// TestDPASplitFile checks that dpa-split.csv is what SplitDPAs gives for
// the dataset (go test -run TestDPASplitFile -update rewrites it).
func TestDPASplitFile(t *testing.T) {
	if _, err := os.Stat(filepath.Join(dpaDir, DPATrainFile)); err != nil {
		t.Skipf("DPA sentence dataset not found at %s: %v", dpaDir, err)
	}
	train, err := readDPAFile(filepath.Join(dpaDir, DPATrainFile))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteDPASplit(&b, train); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("dpa-split.csv", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(b.Bytes(), dpaSplitCSV) {
		t.Errorf("dpa-split.csv is not SplitDPAs' output for %s: run go test -run TestDPASplitFile -update", DPATrainFile)
	}
}

func TestSplitDPAsBalanced(t *testing.T) {
	var dpas []DPA
	for i := range 9 {
		dpas = append(dpas, DPA{Name: "D" + itoa(i), Sentences: make([]DPASentence, 10*(i+1))})
	}
	s := SplitDPAs(dpas)
	n := map[string]int{}
	for _, d := range dpas {
		n[s[d.Name]]++
	}
	if n[SplitDev]+n[SplitTest] != 9 || n[SplitDev] < 4 || n[SplitTest] < 4 {
		t.Errorf("split %v", n)
	}
	// The two largest form a pair: one each side.
	if s["D8"] == s["D7"] {
		t.Errorf("D8 and D7 on the same side: %v", s)
	}
	if !mapsEqual(s, SplitDPAs(dpas)) {
		t.Error("SplitDPAs is not deterministic")
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestQuoteFrom(t *testing.T) {
	for _, tc := range []struct {
		quote, sentence string
		truncated, want bool
	}{
		{"Processor shall notify Controller without undue delay.", "8.1 Processor shall notify Controller without undue delay.", false, true},
		{"notify controller", "Processor shall notify Controller without undue delay.", false, true},
		{"notify control", "Processor shall notify Controller without undue delay.", false, false},
		{"Upon a breach, processor shall: notify controller without undue delay.", "notify controller without undue delay.", false, true},
		{"a b", "ab", false, false},
		// An enumerator on one side only does not defeat the match.
		{"(i) notify the Controller of any Personal Data Breach without undue delay;", "notify the Controller of any Personal Data Breach without undue delay; and", false, true},
		{"The Processor agrees: … that it will notify the Controller of a breach.", "(d) that it will notify the Controller of a breach.", false, true},
		{"iv) permit audits by the Controller", "The Processor shall (iv) permit audits by the Controller.", false, true},
		{"b. The Processor shall permit audits.", "The Processor shall permit audits.", false, true},
		// Article 28(3)(a) keeps its letters: no space before the bracket.
		{"Article 28(3)(a) applies", "Article 28(3) applies", false, false},
		{"", "x", false, false},
		// A quote cut at 400 characters shows the start of the next sentence.
		{"The parties agree. Processor shall notify Controller without undue", "Processor shall notify Controller without undue delay.", true, true},
		{"The parties agree. Processor shall notify Controller without undue", "Processor shall notify Controller without undue delay.", false, false},
		{"The parties agree. Processor shall notify", "Processor shall notify Controller without undue delay.", true, false},
	} {
		if got := quoteFrom(matchForm(tc.quote), matchForm(tc.sentence), tc.truncated); got != tc.want {
			t.Errorf("quoteFrom(%q, %q) = %v, want %v", tc.quote, tc.sentence, got, tc.want)
		}
	}
}

// dpaFloors are the scores reached on the DPA test half (the half nobody
// tunes on) by the engine of the commit that set them, rounded down; a
// change that makes a rule worse fails. Raise them as the engine improves,
// never lower them. (Set anew when the engine moved from regular
// expressions per rule to obligation frames, issue 11: recall rose from
// 0.79 to 0.91 overall; the quote rates of vendor security and incident
// cooperation fell, the sentences quoted now being the obligations rather
// than the labelled annex items.) Precision of the partial-scope rules (regulator and
// incident cooperation, data location) is a lower bound: see
// dpa-requirements.csv. Lowered once on purpose, with the figures in the
// commit: a named country counts as a data location only where data is put
// in it (no longer "Regulation (EU) 2016/679"), which raised data
// location's quote rate from 0.26 to 0.36 and cost one of its 23 findings;
// "the Processor and each sub-processor shall" binds the vendor, which
// moved one subprocessors quote (0.59 to 0.56) and gave three on the dev
// half. Lowered a second time on purpose: "shall provide sufficient
// information to allow the controller to meet its obligations to report"
// is the breach notice's content, graded weak (six corpus DPAs, dev and
// test, are labelled so; the corpus test half gained two findings), while
// this dataset files such sentences under the Art. 33/34 assistance ids,
// not R8: notification content's precision fell from 0.56 to 0.47 and the
// full-scope precision from 0.94 to 0.93 (three findings). And a third
// time: a statement's subject is read after an opening phrase closed by a
// comma ("For the purpose of safeguarding customer data, We ..."), which
// gives incident cooperation one more finding on a test DPA that labels
// none; that rule's precision is a lower bound here (investigation and
// mitigation have no id), 0.62 to 0.60, overall 0.81 to 0.80. And a
// fourth time, for the quote: evidence ranking by kinds (the term's
// action as the sentence's verb, the duty's owner acting itself, a
// deadline in hours over a vague one, assistance below the term itself)
// raised the test half's quote rates overall from 0.64 to 0.65 (vendor
// security 0.60 to 0.62, regulator cooperation 0.23 to 0.30, incident
// cooperation 0.11 to 0.17, data return 0.87 to 0.93, full scope 0.75 to
// 0.76) and on the dev half from 0.66 to 0.70, while two breach-notice
// quotes of the test half moved off the labelled sentence (0.86 to 0.79;
// on the dev half 25 of 28 stay labelled). And a fifth time, for the
// quote (branch quote14): the best-ranked clause is quoted before a
// lower-ranked one of an essential element, and an object named only in
// a fronted phrase ("In assessing the level of security, Processor shall
// take account ...") no longer makes the sentence the term: on the dev
// half the quote rate rose from 0.695 to 0.700, on the corpus the cited
// section from 0.843 to 0.856 (dev) and 0.733 to 0.736 (test), while one
// test-half quote each of data location (0.36 to 0.31) and regulator
// cooperation (0.30 to 0.23) moved off the labelled sentence (test half
// overall 0.658 to 0.653). Raised (branch dpaprec19): incident
// cooperation no longer read from a gerund after "without", a notice's
// listed content, measures "against" loss, or the Art. 32(1) "cost of
// implementation", and read from help with the customer's own breach
// notices to authorities and data subjects: test half 0.607 to 0.654
// precision, quote 0.176 to 0.294, overall precision 0.816 to 0.822.
// Then lowered once on purpose (same branch): "any violation of the
// protection of personal data" (a translated DPA's breach) is a breach,
// which gave the corpus test half three true positives (recall 0.853 to
// 0.858, section hits 338 to 340, deadlines exact 26 to 27) and the dev
// half one labelled quote, while one test DPA labelled without R34 gained
// a breach notice: breach notification's precision 0.967 to 0.935, full
// scope 0.946 to 0.941, overall 0.822 to 0.819. Lowered once more on
// purpose (stop 29, branch precision21): a court's, the police's or a
// subpoena's demand for data is government access, not cooperation with
// the customer's regulator; excluding that class from regulator
// cooperation took three false positives off the corpus test half
// (precision 0.874 to 0.878, true positives unchanged) and one labelled
// finding off this half: regulator cooperation's precision 0.41 to 0.39,
// recall 0.93 to 0.86. And (branch trialfix21c) a verb after a modal and
// a comma-set phrase ("shall, upon termination ..., delete") now counts
// when ranking the quote: this half's quote rate rose 0.714 to 0.723
// overall while one incident-cooperation quote moved off the labelled
// sentence (0.29 to 0.24).
var dpaFloors = map[string]struct{ Precision, Recall, Quote float64 }{
	"vendor-security":       {Precision: 1, Recall: 1, Quote: 0.62},
	"notification-content":  {Precision: 0.47, Recall: 0.52, Quote: 0.77},
	"subprocessors":         {Precision: 1, Recall: 0.97, Quote: 0.73},
	"regulator-cooperation": {Precision: 0.38, Recall: 0.85, Quote: 0.23},
	"incident-cooperation":  {Precision: 0.65, Recall: 0.85, Quote: 0.23},
	"data-return-exit":      {Precision: 0.96, Recall: 0.91, Quote: 0.93},
	"audit-rights":          {Precision: 1, Recall: 0.94, Quote: 0.75},
	"data-location":         {Precision: 0.65, Recall: 0.95, Quote: 0.31},
	"breach-notification":   {Precision: 0.93, Recall: 0.93, Quote: 0.79},
	"overall":               {Precision: 0.81, Recall: 0.91, Quote: 0.70},
	"overall, full scope":   {Precision: 0.93, Recall: 0.91, Quote: 0.76},
}

// TestDPATestHalf runs the engine on the test half of the DPA dataset and
// checks the floors. It takes several seconds: skipped with -short.
func TestDPATestHalf(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 34 DPAs through the engine; skipped with -short")
	}
	ds := needDPA(t)
	ds, err := ds.Select(SplitTest)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := analyze.LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	rep, err := RunDPA(context.Background(), ds, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d DPAs in %v", len(ds.DPAs), time.Since(start).Round(time.Millisecond))
	var b strings.Builder
	if err := rep.WriteScores(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if len(rep.Unreadable) > 0 {
		t.Errorf("unreadable DPAs: %v", rep.Unreadable)
	}
	s := rep.Split(SplitTest)
	if s == nil {
		t.Fatal("no test split in the report")
	}
	for _, rs := range append(s.Rules, s.Overall, s.Full) {
		f, ok := dpaFloors[rs.Rule]
		if !ok {
			t.Errorf("no floor for %s", rs.Rule)
			continue
		}
		for _, c := range []struct {
			name       string
			got, floor float64
		}{{"precision", rs.Precision(), f.Precision}, {"recall", rs.Recall(), f.Recall}, {"quote rate", rs.QuoteRate(), f.Quote}} {
			if !math.IsNaN(c.got) && c.got < c.floor {
				t.Errorf("%s %s %.3f < floor %.3f", rs.Rule, c.name, c.got, c.floor)
			}
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestScoreDPAs scores hand-made engine answers on two invented DPAs.
func TestScoreDPAs(t *testing.T) {
	reqs, err := DPARequirements()
	if err != nil {
		t.Fatal(err)
	}
	ds := &DPADataset{Requirements: reqs, DPAs: []DPA{
		{Name: "A", Split: SplitDev, Sentences: []DPASentence{
			{ID: 1, Text: "This Addendum forms part of the Agreement."},
			{ID: 2, Text: "Processor shall notify Controller without undue delay after becoming aware of a Personal Data Breach.", Reqs: []string{"R34"}},
			{ID: 3, Text: "Controller may audit Processor once a year.", Reqs: []string{"R26"}},
			{ID: 4, Text: "Processor shall remain fully liable for its sub-processors.", Reqs: []string{"R28"}},
		}},
		{Name: "B", Split: SplitTest, Sentences: []DPASentence{
			{ID: 1, Text: "Personal data is stored in the European Union."},
			{ID: 2, Text: "Processor shall delete all personal data at the end of the services.", Reqs: []string{"R23"}},
		}},
	}}
	res := func(fs ...analyze.Finding) *analyze.Result { return &analyze.Result{Findings: fs} }
	results := []*analyze.Result{
		res(
			finding("breach-notification", analyze.StatusMet, "preamble", "Processor shall notify Controller without undue delay after becoming aware of a Personal Data Breach."),
			finding("audit-rights", analyze.StatusWeak, "preamble", "This Addendum forms part of the Agreement."), // a TP quoting an unlabelled sentence
			finding("subprocessors", analyze.StatusMissing, "", ""),
			finding("data-location", analyze.StatusMet, "preamble", "a sentence the document does not hold"), // an FP
		),
		res(
			finding("data-return-exit", analyze.StatusMet, "preamble", "Processor shall delete all personal data at the end of the services."),
			finding("data-location", analyze.StatusMet, "preamble", "Personal data is stored in the European Union."),
		),
	}
	rep := scoreDPAs(ds, results, map[string]string{})
	rule := func(split, name string) DPARuleScore {
		s := rep.Split(split)
		for _, r := range s.Rules {
			if r.Rule == name {
				return r
			}
		}
		t.Fatalf("no rule %s in %s", name, split)
		return DPARuleScore{}
	}
	for _, tc := range []struct {
		split, rule    string
		tp, fp, fn, tn int
		quote          int
	}{
		{SplitDev, "breach-notification", 1, 0, 0, 0, 1},
		{SplitDev, "audit-rights", 1, 0, 0, 0, 0},
		{SplitDev, "subprocessors", 0, 0, 1, 0, 0},
		{SplitDev, "data-location", 0, 1, 0, 0, 0},
		{SplitDev, "vendor-security", 0, 0, 0, 1, 0},
		{SplitTest, "data-return-exit", 1, 0, 0, 0, 1},
		{SplitTest, "data-location", 0, 1, 0, 0, 0},
		{SplitAll, "data-location", 0, 2, 0, 0, 0},
	} {
		r := rule(tc.split, tc.rule)
		if r.TP != tc.tp || r.FP != tc.fp || r.FN != tc.fn || r.TN != tc.tn || r.QuoteHit != tc.quote {
			t.Errorf("%s %s: %+v; want TP %d FP %d FN %d TN %d quote %d", tc.split, tc.rule, r, tc.tp, tc.fp, tc.fn, tc.tn, tc.quote)
		}
	}
	if r := rule(SplitDev, "data-location"); !r.Partial {
		t.Error("data-location is not marked partial")
	}
	dev := rep.Split(SplitDev)
	if dev.Overall.FP != 1 || dev.Full.FP != 0 || dev.Full.TP != 2 || dev.Full.FN != 1 {
		t.Errorf("dev overall %+v, full %+v", dev.Overall, dev.Full)
	}
	fn, fp, quote := rep.Misses()
	if len(fn) != 1 || len(fp) != 2 || len(quote) != 1 || quote[0].Rule != "audit-rights" || !slices.Equal(quote[0].QuoteSentences, []int{1}) {
		t.Errorf("misses: fn %d, fp %d, quote %+v", len(fn), len(fp), quote)
	}
	var b bytes.Buffer
	if err := rep.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"overall_full_scope"`) || !strings.Contains(b.String(), `"partial_scope": true`) {
		t.Errorf("JSON lacks the full-scope overall or the partial mark:\n%s", b.String()[:400])
	}
	var text, scores strings.Builder
	if err := rep.Write(&text); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteScores(&scores); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(text.String(), scores.String()) || !strings.Contains(scores.String(), "split test: 1 DPAs") {
		t.Errorf("WriteScores is not the head of Write, or lacks the test split:\n%s", scores.String())
	}
	// Write lists the misses with the DPA's sentence; the scores name no DPA.
	if !strings.Contains(text.String(), " A breach-notification") && !strings.Contains(text.String(), " A audit-rights") {
		t.Errorf("Write lists no miss of DPA A:\n%s", text.String())
	}
	if strings.Contains(scores.String(), "Controller may audit") || strings.Contains(scores.String(), " A audit-rights") {
		t.Errorf("WriteScores prints a DPA's miss:\n%s", scores.String())
	}
}

func FuzzReadDPAFile(f *testing.F) {
	f.Add(",ID,DPA,Sentence,Requirement-1,Requirement-2,Requirement-3\n1,2,Online 1,Processor shall notify.,R34,other,other\n")
	f.Add("ID,DPA,Sentence,Requirement-1,Requirement-2,Requirement-3\nx,,\"\n")
	f.Fuzz(func(t *testing.T, s string) {
		path := filepath.Join(t.TempDir(), "f.csv")
		if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		dpas, err := readDPAFile(path)
		if err != nil {
			return
		}
		for _, d := range dpas {
			if !slices.IsSortedFunc(d.Sentences, func(a, b DPASentence) int { return a.ID - b.ID }) {
				t.Fatalf("%s: sentences out of order", d.Name)
			}
			for _, s := range d.Sentences {
				for _, r := range s.Reqs {
					if !reqIDRe.MatchString(r) {
						t.Fatalf("requirement %q kept", r)
					}
				}
			}
		}
	})
}

package analyze

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestLiteralsOf(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string // nil: no prefilter
	}{
		{`(?i)\bdata breach(es)?\b`, []string{"data breach"}},
		// A run of parts that match few strings gives those strings.
		{`(?i)\bnotif(y|ies|ied)\b`, []string{"notified", "notifies", "notify"}},
		{`(?i)(hosted|run) (by|on)`, []string{"hosted by", "hosted on", "run by", "run on"}},
		{`(?i)organi[sz]ations?`, []string{"organisation", "organization"}},
		{`(?i)sub-?processors?`, []string{"sub-processor", "subprocessor"}},
		{`(?i)data cent(er|re)s? (operated|provided) by`, []string{"data center operated by", "data center provided by",
			"data centers operated by", "data centers provided by", "data centre operated by", "data centre provided by",
			"data centres operated by", "data centres provided by"}},
		// A class of more than four letters cuts the run: the best part wins.
		{`(?i)(a|b|c|d|e)(f|g|h|i|j)(k|l|m|n|o)wxyz`, []string{"wxyz"}},
		{`(?i)(foo|bar)\W+baz`, []string{"baz"}},
		{`(?i)(security|data)\s+(incident|breach)`, []string{"breach", "incident"}},
		// The parser factors the common "sub" out: the run goes on into
		// the strings each alternative begins with.
		{`(?i)\b(sub-?processors?|subcontract\w*)`, []string{"sub-processor", "subcontract", "subprocessor"}},
		{`(?i)\b(?:rto|rpo|recovery\s+time)\b`, []string{"recovery", "rpo", "rto"}},
		{`(?i)\bre(?:store|cover\w*|sume)\s+(it|them)`, []string{"recover", "restore", "resume"}},
		{`(?i)\bpr(?:ompt(ly)?|ior)\s+(\w+\s+)*notice`, []string{"notice"}},
		{`(?i)(breach|breaches)`, []string{"breach"}},
		{`(?i)(ab|a)c`, []string{"abc", "ac"}},
		{`(?i)x*`, nil},
		{`(?i)(audit|)`, nil},
		{`\d+ hours`, []string{" hours"}},
		{`(?i)(?:72){1,2}`, []string{"72"}},
		{`(?i)[a-z]+`, nil},
		{`(?i)AUDIT`, []string{"audit"}},
	}
	for _, tc := range tests {
		got := literalsOf(regexp.MustCompile(tc.pattern))
		sort.Strings(got)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || (got == nil) != (tc.want == nil) {
			t.Errorf("literalsOf(%q) = %q, want %q", tc.pattern, got, tc.want)
		}
	}
}

func TestFoldText(t *testing.T) {
	tests := map[string]string{
		"Security INCIDENT": "security incident",
		"\u212Aelvin":       "kelvin", // the Kelvin sign folds with k
		"Cla\u017Fs":        "class",  // long s folds with s
		"Ünter":             foldText("ünter"),
		"ÉTÉ é":             foldText("été é"),
	}
	for in, want := range tests {
		if got := foldText(in); got != want {
			t.Errorf("foldText(%q) = %q, want %q", in, got, want)
		}
	}
	// Every string the (?i) pattern matches holds the folded literal.
	re := regexp.MustCompile(`(?i)kelvin class`)
	for _, s := range []string{"\u212Aelvin cla\u017Fs", "KELVIN CLASS"} {
		if !re.MatchString(s) || !mayMatch(literalsOf(re), foldText(s)) {
			t.Errorf("%q: match %v, prefilter %v", s, re.MatchString(s), mayMatch(literalsOf(re), foldText(s)))
		}
	}
}

// TestPrefilterSound runs every pattern of every embedded pack (signals,
// weakeners and their unless, details) over every example sentence of the
// packs and the vocabulary, and over the sentences of the corpus's Markdown
// agreements when present: wherever a pattern matches, its prefilter must
// let the text through. It also checks the prefilter skips most pairs.
func TestPrefilterSound(t *testing.T) {
	rs, err := LoadRules(EmbeddedPacks())
	if err != nil {
		t.Fatal(err)
	}
	var res []*regexp.Regexp
	for _, r := range rs.Rules {
		for _, specs := range [][]*frameSpec{r.frames, r.flags} {
			for _, c := range specs {
				for _, g := range c.signals {
					res = append(res, g...)
				}
			}
		}
		res = append(res, r.weakeners...)
		res = append(res, r.details...)
		for _, u := range r.unless {
			if u != nil {
				res = append(res, u)
			}
		}
	}
	texts := exampleTexts(rs)
	mds, _ := filepath.Glob("../../shared/corpus/agreements/*.md")
	for _, p := range mds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range splitUnits(string(b)) {
			texts = append(texts, u.text)
		}
	}
	if len(res) < 20 || len(texts) < 200 {
		t.Fatalf("%d patterns, %d texts: too few to check", len(res), len(texts))
	}
	matched, skipped := 0, 0
	for _, s := range texts {
		folded := foldText(s)
		for _, re := range res {
			may := mayMatch(literalsOf(re), folded)
			if re.MatchString(s) {
				matched++
				if !may {
					t.Errorf("%q matches %q but its prefilter %q skips it", re, s, literalsOf(re))
				}
			} else if !may {
				skipped++
			}
		}
	}
	t.Logf("%d patterns × %d texts: %d matches, %d pairs skipped by the prefilter", len(res), len(texts), matched, skipped)
	if matched == 0 || skipped < len(res)*len(texts)/2 {
		t.Errorf("%d matches, %d of %d pairs skipped: want matches, and most pairs skipped", matched, skipped, len(res)*len(texts))
	}
}

// TestFoldsToASCII: the Kelvin sign and the long s are the only runes
// outside ASCII whose folded form is ASCII, which hasLit relies on.
func TestFoldsToASCII(t *testing.T) {
	var got []rune
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if foldRune(r) < utf8.RuneSelf {
			got = append(got, r)
		}
	}
	if string(got) != "\u017f\u212a" {
		t.Errorf("runes outside ASCII folding to ASCII: %q, want the long s and the Kelvin sign", string(got))
	}
}

func TestHasLit(t *testing.T) {
	tests := []struct {
		s    string
		lits []string
		want bool
	}{
		{"The Provider's ADDRESS: 1 Main St", []string{"address"}, true},
		{"The Provider shall notify", []string{"address"}, false},
		{"Addre\u017fs: 1 Main St", []string{"address"}, true}, // the long s folds with s
		{"\u212Aelvin Ltd", []string{"kelvin"}, true},          // the Kelvin sign with k
		{"“Quoted” Address here", []string{"address"}, true},   // curly quotes beside ASCII
		{"“Quoted” nothing", []string{"address"}, false},       // ... and without it
		{"Box ☐ unticked", []string{"[ ]", "☐"}, true},         // a literal outside ASCII
		{"Box [ ] unticked", []string{"[ ]", "☐"}, true},       // one of the set
		{"Box [x] ticked", []string{"[ ]", "☐"}, false},        // none of it
		{"§ 4 and “quoted”", []string{"“"}, true},              // no case partner: as it stands
		{"§ 4", []string{"“"}, false},
		{"ÉTÉ", []string{foldText("été")}, true},           // case partners: folded
		{"ÜBER GmbH", []string{foldText("über")}, true},    // folded outside ASCII
		{"short", []string{"shorter"}, false},              // a literal longer than s
		{"", []string{"a"}, false},                         // empty text
		{"anything", nil, true},                            // no prefilter
		{"section 4", []string{"clause", "section"}, true}, // not the first of the set
		{"SSection", []string{"section"}, true},            // after a false start
		{"a\xffaddress", []string{"address"}, true},        // invalid UTF-8 beside it
		{"www.example.com", []string{"http", "www.", "{", "(/"}, true},
	}
	for _, tc := range tests {
		if got := hasLit(tc.s, tc.lits); got != tc.want {
			t.Errorf("hasLit(%q, %q) = %v, want %v", tc.s, tc.lits, got, tc.want)
		}
		if want := mayMatch(tc.lits, foldText(tc.s)); tc.want != want {
			t.Errorf("%q, %q: mayMatch says %v", tc.s, tc.lits, want)
		}
	}
}

// FuzzHasLit holds hasLit to mayMatch over the folded text.
func FuzzHasLit(f *testing.F) {
	f.Add("Addre\u017fs: here", "address")
	f.Add("\u212Aelvin", "k")
	f.Add("☐ box", "☐")
	f.Add("ÜBER", "über")
	f.Fuzz(func(t *testing.T, s, lit string) {
		lits := []string{foldText(lit), "zq"}
		if got, want := hasLit(s, lits), mayMatch(lits, foldText(s)); got != want {
			t.Errorf("hasLit(%q, %q) = %v, mayMatch %v", s, lits, got, want)
		}
	})
}

// FuzzLiteralsOf: wherever a pattern matches, its prefilter lets the text
// through.
func FuzzLiteralsOf(f *testing.F) {
	f.Add(`(?i)\b(hosted|run) (by|on)\b`, "Data is HOSTED ON servers")
	f.Add(`(?i)organi[sz]ations?`, "sub-service ORGANIZATIONS")
	f.Add(`(?i)notif(y|ies|ied)?`, "we notiſy")
	f.Add(`(ab|a)c\s+x?`, "abc x")
	f.Add(`[Kk]elvin (sub-?)?class`, "Kelvin subclass")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		re, err := regexp.Compile(pattern)
		if err != nil || !re.MatchString(text) {
			return
		}
		if lits := literalsOf(re); !mayMatch(lits, foldText(text)) {
			t.Errorf("%q matches %q but its prefilter %q skips it", pattern, text, lits)
		}
	})
}

// TestAlsoLitsOf: besides its best set, the sets a match holds one of each
// of, on invented patterns.
func TestAlsoLitsOf(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		want    string // the sets, each sorted, joined
	}{
		{`(?i)\b(may|can)\s+(\w+\s+){0,3}?(amend|revise)\s+.{0,20}\bupon\s+notice`, "can may|amend revise|upon"},
		{`(?i)\b(list|name)s?\b[^.;]{0,40}\b(countries|regions)\b`, "list name"},
		{`(?i)(?:\bwe\b|\bit\b)\s+shall\s+(notify|inform)`, "it we|shall"},
		{`(?i)notice|warning`, ""},
		{`(?i)x*`, ""},
	} {
		var sets []string
		for _, l := range alsoLitsOf(regexp.MustCompile(tc.pattern)) {
			l = append([]string{}, l...)
			sort.Strings(l)
			sets = append(sets, strings.Join(l, " "))
		}
		if got := strings.Join(sets, "|"); got != tc.want {
			t.Errorf("alsoLitsOf(%q) = %q, want %q (the best set %q)", tc.pattern, got, tc.want, literalsOf(regexp.MustCompile(tc.pattern)))
		}
	}
}

// FuzzAlsoLitsOf: wherever a pattern matches, the text holds one of each
// of its sets (the best one and alsoLitsOf's).
func FuzzAlsoLitsOf(f *testing.F) {
	f.Add(`(?i)\b(may|to)\s+(on|upon)\s+notice\s+(\w+\s+)?(vary|amend)\b`, "Provider may upon notice amend")
	f.Add(`(?i)(?:\b(?:business)[\s\-]*(?:continuity)|(?:rto)|(?:rpo)|(?:recovery)\s*time)`, "an RPO of 4 hours")
	f.Add(`(?i)\bsub(?:-?processors?|contract\w*)`, "Sub-Processors")
	f.Add(`(ab|a)c\s+x?`, "abc x")
	f.Add(`[Kk]elvin (sub-?)?class`, "Kelvin subclass")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		re, err := regexp.Compile(pattern)
		if err != nil || !re.MatchString(text) {
			return
		}
		folded := foldText(text)
		if lits := literalsOf(re); !mayMatch(lits, folded) {
			t.Errorf("%q matches %q but its prefilter %q skips it", pattern, text, lits)
		}
		if also := alsoLitsOf(re); !holdsAll(also, folded) {
			t.Errorf("%q matches %q but it holds no literal of one of %q", pattern, text, also)
		}
	})
}

// exampleTexts are the packs' rule examples and the vocabulary's class
// examples, every list of each, in pack order.
func exampleTexts(rs *RuleSet) []string {
	var texts []string
	for _, r := range rs.Rules {
		ex := r.Examples
		for _, l := range [][]string{ex.Present, ex.Weak, ex.Absent, ex.Negated, ex.ByReference} {
			texts = append(texts, l...)
		}
	}
	for _, c := range rs.Vocabulary.Classes {
		texts = append(texts, c.Examples.Match...)
		texts = append(texts, c.Examples.NoMatch...)
	}
	return texts
}

package analyze

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// signalTexts are the packs' and the vocabulary's example sentences, with
// a few invented ones where a branch's start differs from another's.
func signalTexts(rs *RuleSet) []string {
	texts := []string{
		"",
		"Security.",
		"The provider maintains an information security program and appropriate technical and organisational measures.",
		"Backups: RTO of 4 hours, RPO of 1 hour; business continuity and disaster recovery plans are tested yearly.",
		"We restore service under procedures to recover from outages; our resilience is reviewed.",
		"Encrypted at rest; firewalls at the edge; multi-factor authentication for staff; ISO/IEC 27001 certified.",
		"Reasonable measures to protect and secure the customer's personal data against unauthorised access.",
		"A level of security appropriate to the risk, in a secure manner, per the Security Annex.",
		"TECHNICAL, ORGANIZATIONAL AND PHYSICAL SAFEGUARDS’S SCOPE",
		"security  measures  are described in Schedule 2 (Security Exhibit).",
	}
	return append(texts, exampleTexts(rs)...)
}

func signalPatterns(t testing.TB, rs *RuleSet) []*regexp.Regexp {
	var res []*regexp.Regexp
	for _, r := range rs.Rules {
		for _, specs := range [][]*frameSpec{r.frames, r.flags} {
			for _, c := range specs {
				for _, g := range c.signals {
					res = append(res, g...)
				}
			}
		}
	}
	if len(res) < 20 {
		t.Fatalf("%d signal patterns: too few to check", len(res))
	}
	return res
}

// TestSignalBranchesStart: where a signal pattern is split into branches,
// the earliest start of its branches is where the pattern's first match
// starts, on every example sentence of the packs and the vocabulary.
func TestSignalBranchesStart(t *testing.T) {
	rs, err := LoadRules(EmbeddedPacks())
	if err != nil {
		t.Fatal(err)
	}
	res := signalPatterns(t, rs)
	texts := signalTexts(rs)
	split, starts := 0, 0
	for _, re := range res {
		br := signalBranches(re)
		if br == nil {
			continue
		}
		split++
		for _, s := range texts {
			want := -1
			if loc := re.FindStringIndex(s); loc != nil {
				want = loc[0]
				starts++
			}
			if got := firstStart(re, br, s, foldText(s)); got != want {
				t.Errorf("pattern %.80q on %q: branches start at %d, the pattern at %d", re.String(), s, got, want)
			}
		}
	}
	t.Logf("%d of %d patterns split, %d matches", split, len(res), starts)
	if split < 3 || starts < 50 {
		t.Errorf("%d patterns split, %d matches: too few to check", split, starts)
	}
}

func FuzzSignalBranches(f *testing.F) {
	rs, err := LoadRules(EmbeddedPacks())
	if err != nil {
		f.Fatal(err)
	}
	var res []*regexp.Regexp
	var brs [][]signalBranch
	for _, re := range signalPatterns(f, rs) {
		if br := signalBranches(re); br != nil {
			res, brs = append(res, re), append(brs, br)
		}
	}
	for _, s := range signalTexts(rs) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, re := range res {
			want := -1
			if loc := re.FindStringIndex(s); loc != nil {
				want = loc[0]
			}
			if got := firstStart(re, brs[i], s, foldText(s)); got != want {
				t.Errorf("pattern %.80q on %q: branches start at %d, the pattern at %d", re.String(), s, got, want)
			}
		}
	})
}

// TestSplitSource: the alternatives of invented patterns' outermost
// alternation, or none where the split does not read the pattern.
func TestSplitSource(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []string
	}{
		{`(?i)(?:ab|c[|)]d|\(e\|f|(?:g|h)i)`, []string{`(?i)ab`, `(?i)c[|)]d`, `(?i)\(e\|f`, `(?i)(?:g|h)i`}},
		{`a|b|c`, []string{`a`, `b`, `c`}},
		{`(?i)\bx[]|]y|(?P<n>z|w)|[^]|][[:alpha:]|]`, []string{`(?i)\bx[]|]y`, `(?i)(?P<n>z|w)`, `(?i)[^]|][[:alpha:]|]`}},
		{`(?:a|b|c)d`, nil},              // the group ends before the pattern
		{`(?:a|b)(?:c|d)`, nil},          // two groups
		{`(a|b|c)`, nil},                 // a capture: its index would move
		{`a|(?i)b|c`, nil},               // a flag set inside
		{`a|(?s:.)|c`, nil},              // a flag group inside
		{`\Qa|b\E|c`, nil},               // quoted text
		{`(?i)abc`, []string{`(?i)abc`}}, // one alternative: nothing to split
	} {
		got := splitSource(tc.src)
		if len(tc.want) <= 1 && len(got) > 1 {
			t.Errorf("splitSource(%q) = %q, want no split", tc.src, got)
		}
		if len(tc.want) > 1 && !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitSource(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

// FuzzSplitSource: wherever a pattern is split, its alternatives' earliest
// start is the pattern's.
func FuzzSplitSource(f *testing.F) {
	f.Add(`(?i)(?:ab|c[|)]d|\(e\|f|(?:g|h)i)`, "xx (e|f cd AB")
	f.Add(`\bx[]|]y|z+|[^]|]w`, "a ]y zz w")
	f.Add(`(?i)(?:\b(?:data)\W+(?:breach)|incident|\bsecurity\s+event)\b`, "A Security  Event, or data breach")
	f.Fuzz(func(t *testing.T, src, text string) {
		re, err := regexp.Compile(src)
		if err != nil {
			return
		}
		br := signalBranches(re)
		if br == nil {
			return
		}
		want := -1
		if loc := re.FindStringIndex(text); loc != nil {
			want = loc[0]
		}
		if got := firstStart(re, br, text, foldText(text)); got != want {
			t.Errorf("pattern %q on %q: branches start at %d, the pattern at %d (%q)", src, text, got, want, splitSource(src))
		}
	})
}

// FuzzWalkGroups: topBars and groupEnd, which share walkGroups, answer as
// the two scanners they replaced did (kept here as the oracle).
func FuzzWalkGroups(f *testing.F) {
	for _, s := range []string{`(?:ab|c[|)]d|\(e\|f|(?:g|h)i)`, `a|(?i)b|c`, `)(a|b)`, `(a[`, `[]|]|[^]]|[[:alpha:]]`, `((a)|b))|c(`, `(?P<n>x|y)|(?<m>z)`, `\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		bars, ok := topBars(src)
		wantBars, wantOK := oldTopBars(src)
		if ok != wantOK || !reflect.DeepEqual(bars, wantBars) {
			t.Errorf("topBars(%q) = %v, %v; the old scanner %v, %v", src, bars, ok, wantBars, wantOK)
		}
		end, ok := groupEnd(src)
		wantEnd, wantOK := oldGroupEnd(src)
		if end != wantEnd || ok != wantOK {
			t.Errorf("groupEnd(%q) = %d, %v; the old scanner %d, %v", src, end, ok, wantEnd, wantOK)
		}
	})
}

func oldTopBars(src string) (bars []int, ok bool) {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '[':
			end, ok := classEnd(src, i)
			if !ok {
				return nil, false
			}
			i = end
		case '(':
			if strings.HasPrefix(src[i:], "(?") && !strings.HasPrefix(src[i:], "(?:") && !strings.HasPrefix(src[i:], "(?P<") && !strings.HasPrefix(src[i:], "(?<") {
				return nil, false
			}
			depth++
		case ')':
			depth--
			if depth < 0 {
				return nil, false
			}
		case '|':
			if depth == 0 {
				bars = append(bars, i)
			}
		}
	}
	return bars, depth == 0
}

func oldGroupEnd(src string) (int, bool) {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '[':
			end, ok := classEnd(src, i)
			if !ok {
				return 0, false
			}
			i = end
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i, true
			}
		}
	}
	return 0, false
}

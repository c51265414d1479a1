package analyze

import (
	"strings"
	"testing"
)

// containsAny is mayMatch as it was: strings.Contains for each literal.
func containsAny(lits []string, folded string) bool {
	for _, l := range lits {
		if strings.Contains(folded, l) {
			return true
		}
	}
	return false
}

// TestBigramSet holds the one-pass search to strings.Contains per literal:
// literals of one and two bytes, at the text's first and last bytes, runes
// outside ASCII, the empty literal, and the prefilter's own sets over
// sentences written for this test.
func TestBigramSet(t *testing.T) {
	long := strings.Repeat("the provider keeps records of processing activities ", 3)
	cases := []struct {
		lits []string
		text string
		want bool
	}{
		{[]string{"subprocessor", "hosted by", "data center", "x"}, long + "x", true},
		{[]string{"subprocessor", "hosted by", "data center", "q"}, long, false},
		{[]string{"zz", "qq", "records", "ab"}, long, true},
		{[]string{"zz", "qq", "jj", "th"}, long, true},
		{[]string{"zz", "qq", "jj", "s "}, long[:len(long)-1], true},
		{[]string{"zz", "qq", "jj", "e."}, long + "e", false},
		{[]string{"zz", "qq", "jj", "e."}, long + "e.", true},
		{[]string{"zz", "qq", "jj", "über"}, long + "über", true},
		{[]string{"zz", "qq", "jj", "ü"}, long + "u\u0308", false},
		{[]string{"zz", "qq", "jj", ""}, long, true},
		{[]string{"zz", "qq", "jj", "kk"}, strings.Repeat("k", 80), true},
	}
	for _, c := range cases {
		if got := newBigramSet(c.lits).any(c.text); got != c.want || got != containsAny(c.lits, c.text) {
			t.Errorf("any(%q) over %q = %v; want %v", c.lits, c.text, got, c.want)
		}
		if got := mayMatch(c.lits, c.text); got != c.want {
			t.Errorf("mayMatch(%q) over %q = %v; want %v", c.lits, c.text, got, c.want)
		}
	}
	rs, err := LoadRules(EmbeddedPacks())
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{long}
	for _, r := range rs.Rules {
		for _, l := range [][]string{r.Examples.Present, r.Examples.Weak, r.Examples.Absent} {
			for _, x := range l {
				texts = append(texts, foldText(x))
			}
		}
	}
	sets, hits := 0, 0
	for _, r := range rs.Rules {
		for _, specs := range [][]*frameSpec{r.frames, r.flags} {
			for _, c := range specs {
				for _, g := range c.signals {
					for _, re := range g {
						lits := literalsOf(re)
						if len(lits) < minBigramLits {
							continue
						}
						sets++
						for _, s := range texts {
							got, want := mayMatch(lits, s), containsAny(lits, s)
							if got != want {
								t.Errorf("mayMatch(%q) over %q = %v; want %v", lits, s, got, want)
							}
							if want {
								hits++
							}
						}
					}
				}
			}
		}
	}
	if sets == 0 || hits == 0 {
		t.Errorf("%d sets of four literals or more, %d texts holding one: the check compares little", sets, hits)
	}
}

// FuzzBigramSet holds the one-pass search to strings.Contains per literal.
func FuzzBigramSet(f *testing.F) {
	f.Add("the data center is hosted by zeta", "hosted by", "ab", "d", "zeta")
	f.Add("ü ü ü", "ü", "", "zz", "qq")
	f.Fuzz(func(t *testing.T, text, a, b, c, d string) {
		lits := []string{a, b, c, d}
		if got, want := newBigramSet(lits).any(text), containsAny(lits, text); got != want {
			t.Errorf("any(%q) over %q = %v; want %v", lits, text, got, want)
		}
	})
}

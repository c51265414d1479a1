package analyze

import (
	"strings"
	"testing"
)

// TestVocabularyExamples runs every class's own sentences: each match
// sentence must contain the class, each no_match sentence must not.
func TestVocabularyExamples(t *testing.T) {
	v, err := LoadVocabulary()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range v.Classes {
		if len(c.Examples.Match) == 0 {
			t.Errorf("%s: needs at least one match example", c.ID)
		}
		for _, s := range c.Examples.Match {
			if m := newMatcher(v, tokenize(s), nil); len(m.find(c.ID)) == 0 {
				t.Errorf("%s: not found in its match example %q", c.ID, s)
			}
		}
		for _, s := range c.Examples.NoMatch {
			if m := newMatcher(v, tokenize(s), nil); len(m.find(c.ID)) > 0 {
				sp := m.find(c.ID)[0]
				t.Errorf("%s: found in its no_match example %q (%q)", c.ID, s, tokenText(s, tokenize(s), sp))
			}
		}
	}
}

func TestPhraseSyntax(t *testing.T) {
	tests := []struct {
		phrase, inflect, text string
		want                  string // the text matched, "" for none
	}{
		{"notify", "verb", "Provider notifies Customer", "notifies"},
		{"notify", "verb", "Customer was notified", "notified"},
		{"permit", "verb", "Provider permitted it", "permitted"},
		{"sub-processor", "noun", "new Sub-Processors", "Sub-Processors"},
		{"sub-processor", "noun", "new subprocessors", "subprocessors"},
		{"sub-processor", "noun", "new sub processor", "sub processor"},
		{"notif*", "none", "prompt notification", "notification"},
		{"(is|are) (solely|fully)? responsible for", "none", "Customer is responsible for", "is responsible for"},
		{"(is|are) (solely|fully)? responsible for", "none", "Customer is solely responsible for", "is solely responsible for"},
		{"report ... to", "verb", "report any security breach to the Client", "report any security breach to"},
		{"report ... to", "verb", "report it; to", ""},
		{"(united states|eu)", "none", "in the United States", "United States"},
		{"(satisf*|meet) audit", "none", "satisfies audit", "satisfies audit"},
		{"security . txt", "none", "its security.txt file", "security.txt"},
		{"entity", "noun", "covered entities", "entities"},
	}
	for _, tc := range tests {
		p, err := compilePhrase(tc.phrase, tc.inflect)
		if err != nil {
			t.Errorf("%q: %v", tc.phrase, err)
			continue
		}
		v := &Vocabulary{byID: map[string]*vclass{}}
		d := &VocabClass{ID: "x", Kind: "cue", Phrases: []string{tc.phrase}, Inflect: tc.inflect}
		v.Classes = []*VocabClass{d}
		v.byID["x"] = &vclass{def: d}
		if err := v.compile(); err != nil {
			t.Fatal(err)
		}
		_ = p
		toks := tokenize(tc.text)
		got := ""
		if sp := newMatcher(v, toks, nil).find("x"); len(sp) > 0 {
			got = tokenText(tc.text, toks, sp[0])
		}
		if got != tc.want {
			t.Errorf("%q in %q: got %q, want %q", tc.phrase, tc.text, got, tc.want)
		}
	}
}

func TestPhraseErrors(t *testing.T) {
	for _, p := range []string{"", "...", "word?", "... word", "(a|)", "(a (b))", "*", "{a b}", "word ...99"} {
		if _, err := compilePhrase(p, "none"); err == nil {
			t.Errorf("%q: want an error", p)
		}
	}
	v := &Vocabulary{}
	err := v.extend([]VocabClass{{ID: "a", Kind: "cue", Phrases: []string{"{b} x"}}, {ID: "b", Kind: "cue", Phrases: []string{"{a} y"}}}, "test.yaml")
	if err == nil || !strings.Contains(err.Error(), "refers to itself") {
		t.Errorf("cycle: err = %v", err)
	}
}

func tokenText(s string, toks []token, sp span) string {
	return s[toks[sp.from].start:toks[sp.to-1].end]
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Customer's sub-processors", "customer|sub|processors"},
		{"ISO27001 and SOC2 reports", "iso|27001|and|soc|2|reports"},
		{"99.9% uptime", "99.9|%|uptime"},
		{"won't notify", "will|not|notify"},
		{"e-mail", "e|mail"},
	}
	for _, tc := range tests {
		var ws []string
		for _, tk := range tokenize(tc.in) {
			ws = append(ws, tk.w)
		}
		if got := strings.Join(ws, "|"); got != tc.want {
			t.Errorf("tokenize(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

package analyze

import (
	"reflect"
	"testing"
)

// findEveryToken is find as it was before the candidate lists: the class
// asked at every token, on a matcher of its own that memoises a cell per
// token for every class.
func findEveryToken(v *Vocabulary, toks []token, names map[string][]phrase, class string) []span {
	m := newMatcher(v, toks, names)
	m.everyToken = true
	id := m.id(class)
	if id < 0 {
		return nil
	}
	var out []span
	for i := range toks {
		if ends := m.atID(id, i); len(ends) > 0 {
			out = append(out, span{i, maxInt(ends)})
		}
	}
	return out
}

// TestFindCandidates holds find, which asks a class only at the tokens its
// first words may start on and memoises only there, to asking it at every
// token with a cell per token, for every class
// over the vocabulary's own examples and sentences written for this test
// (with document names, which may start anywhere), in the order a frame
// asks (find memoises, and classes refer to classes).
func TestFindCandidates(t *testing.T) {
	v, err := LoadVocabulary()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"The Provider shall notify the Customer of a Personal Data Breach without undue delay and in any event within 48 hours.",
		"Acme may engage Sub-processors; Acme shall give Customer 30 days' notice of any new sub-processor.",
		"5. Processor obligations ; Audit rights ; Security of processing",
		"Customer shall not, and Bluefin will ensure its staff do not, reverse engineer the audit logs.",
		"(a) encryption of data at rest; (b) annual penetration tests; (c) the right to audit on reasonable notice.",
		"",
		"; ; ;",
	}
	for _, c := range v.Classes {
		texts = append(texts, c.Examples.Match...)
		texts = append(texts, c.Examples.NoMatch...)
	}
	acme, err := compilePhrase("(acme|bluefin)", "none")
	if err != nil {
		t.Fatal(err)
	}
	namesSets := []map[string][]phrase{nil, {"vendor": {acme}, "other-side": {acme}}}
	compared := 0
	for _, names := range namesSets {
		for _, s := range texts {
			toks := tokenize(s)
			m := newMatcher(v, toks, names)
			classes := []string{"other-side"}
			for _, c := range v.Classes {
				classes = append(classes, c.ID)
			}
			for _, class := range classes {
				want := findEveryToken(v, toks, names, class)
				if got := m.find(class); !reflect.DeepEqual(got, want) {
					t.Errorf("find(%q) over %q with names %v:\n got %v\nwant %v", class, s, names != nil, got, want)
				}
				compared += len(want)
			}
		}
	}
	if compared == 0 {
		t.Error("no class found anywhere: the check compares nothing")
	}
}

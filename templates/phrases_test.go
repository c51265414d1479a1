package templates

import (
	"slices"
	"testing"
)

func TestParsePhraseList(t *testing.T) {
	got, err := ParsePhraseList([]byte("schema: s/v1\nwords:\n  - ' a '\n  - b\n"), "s/v1", "words")
	if err != nil || !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("got %q, %v; want [a b]", got, err)
	}
	for _, bad := range []string{
		"schema: s/v2\nwords: [a]\n",          // wrong schema
		"words: [a]\n",                        // no schema
		"schema: s/v1\n",                      // no list
		"schema: s/v1\nwords: []\n",           // empty list
		"schema: s/v1\nwords: [a, ' ']\n",     // empty entry
		"schema: s/v1\nwords: [a]\nmore: 1\n", // unknown key
		"schema: s/v1\nwords: {a: 1}\n",       // not a list
		"schema: [",                           // not YAML
	} {
		if _, err := ParsePhraseList([]byte(bad), "s/v1", "words"); err == nil {
			t.Errorf("ParsePhraseList(%q): no error", bad)
		}
	}
}

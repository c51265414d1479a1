package analyze

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestRulesCache holds rules_cache.gob to the embedded packs and
// vocabulary: it holds every file of templates.Rules (a file added since
// makes it stale), each with the sum of the file's contents, and each file
// read from it equals the file decoded from its YAML; else -update
// rewrites it (gob writes maps in no fixed order, so the file is compared
// by what it reads as, and rewritten only when stale).
func TestRulesCache(t *testing.T) {
	paths, data, err := rulesCacheSources()
	if err != nil {
		t.Fatal(err)
	}
	stale := rulesCacheStale(paths, data)
	if *update && stale != nil {
		want, err := rulesCache(paths, data)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("rules_cache.gob", want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Skip("rules_cache.gob rewritten: build again to embed it")
	}
	if stale != nil {
		t.Fatalf("rules_cache.gob is stale (%v): go test ./analyze -run TestRulesCache -update", stale)
	}
	// What the cache makes reads as the YAML too.
	made, err := rulesCache(paths, data)
	if err != nil {
		t.Fatal(err)
	}
	if idx := parseRulesCache(made); len(idx) != len(paths) {
		t.Fatalf("rulesCache made %d files of %d", len(idx), len(paths))
	}
	// A file changed: its cached value is not taken.
	var p Pack
	changed := append(append([]byte(nil), data[len(data)-1]...), '\n')
	if cachedRulesFile(paths[len(paths)-1], changed, &p) {
		t.Error("a changed file was taken from the cache")
	}
	if cachedRulesFile("rules/added-later.yaml", data[0], &p) {
		t.Error("a file the cache lacks was taken from it")
	}
}

// rulesCacheStale says why the embedded cache does not hold exactly the
// files paths as their YAML decodes (nil: it does).
func rulesCacheStale(paths []string, data [][]byte) error {
	idx := rulesCacheIndex()
	if len(idx) != len(paths) {
		return fmt.Errorf("it holds %d files, templates.Rules %d", len(idx), len(paths))
	}
	for i, p := range paths {
		label := "embedded " + p
		var fromYAML, fromCache any
		if strings.HasPrefix(p, "rules/") {
			y, err := decodePack(data[i], label)
			if err != nil {
				return err
			}
			var c Pack
			if !cachedRulesFile(p, data[i], &c) {
				return fmt.Errorf("%s: not in it, or changed since", p)
			}
			fromYAML, fromCache = y, &c
		} else {
			y, err := decodeVocabulary(data[i], label)
			if err != nil {
				return err
			}
			var c vocabFile
			if !cachedRulesFile(p, data[i], &c) {
				return fmt.Errorf("%s: not in it, or changed since", p)
			}
			fromYAML, fromCache = y, &c
		}
		if !reflect.DeepEqual(fromCache, fromYAML) {
			return fmt.Errorf("%s: it reads otherwise than the YAML", p)
		}
	}
	return nil
}

// TestRulesCacheLayout: a cache of another layout, or cut short, is not
// read (every file then comes from its YAML).
func TestRulesCacheLayout(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("other\n"), []byte(rulesCacheMagic + "rules/a.yaml abc 10\nshort")} {
		if idx := parseRulesCache(b); idx != nil {
			t.Errorf("%q: read as %v", b, idx)
		}
	}
	idx := parseRulesCache([]byte(rulesCacheMagic + "rules/a.yaml abc 3\nxyzvocabulary/b.yaml def 0\n"))
	if len(idx) != 2 || string(idx["rules/a.yaml"].blob) != "xyz" || idx["vocabulary/b.yaml"].sum != "def" {
		t.Errorf("read as %v", idx)
	}
}

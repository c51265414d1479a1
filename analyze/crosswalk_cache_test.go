package analyze

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"
)

// crosswalkSources lists the embedded crosswalk files in load order, with
// their contents.
func crosswalkSources(t *testing.T) ([]string, [][]byte) {
	t.Helper()
	names, data, err := crosswalkFiles()
	if err != nil {
		t.Fatal(err)
	}
	return names, data
}

// TestCrosswalkCache holds crosswalk_cache.gob to the embedded YAML: its
// sum is the files' (else it is stale, and -update rewrites it),
// LoadCrosswalk takes it, and each file read from it equals the file
// parsed from its YAML, checked fields included. gob writes maps in no
// fixed order, so the file is compared by what it reads as, and rewritten
// only when stale.
func TestCrosswalkCache(t *testing.T) {
	names, data := crosswalkSources(t)
	stale := crosswalkCacheStale(names, data)
	if *update && stale != nil {
		want, err := crosswalkCache(names, data)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("crosswalk_cache.gob", want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Skip("crosswalk_cache.gob rewritten: build again to embed it")
	}
	if stale != nil {
		t.Fatalf("crosswalk_cache.gob is stale (%v): go test ./analyze -run TestCrosswalkCache -update", stale)
	}
	if _, err := crosswalkCache(names, data); err != nil {
		t.Fatal(err)
	}
	// A file changed, or renamed: the cache is not used.
	changed := append([][]byte(nil), data...)
	changed[0] = append(append([]byte(nil), data[0]...), '\n')
	if cachedCrosswalk(names, changed) != nil {
		t.Error("cachedCrosswalk: used for files it was not made from")
	}
	renamed := append([]string{"other.yaml"}, names[1:]...)
	if cachedCrosswalk(renamed, data) != nil {
		t.Error("cachedCrosswalk: used for files of other names")
	}
}

// crosswalkCacheStale says why the embedded cache is not the files as
// their YAML reads (nil: it is).
func crosswalkCacheStale(names []string, data [][]byte) error {
	cached := cachedCrosswalk(names, data)
	if cached == nil {
		return errors.New("made from other files, or unreadable")
	}
	for i, n := range names {
		file := "embedded crosswalk/" + n
		fromYAML, err := ParseCrosswalk(data[i], file)
		if err != nil {
			return err
		}
		fromCache, err := checkCrosswalk(cached[i], file)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(fromCache, fromYAML) {
			return fmt.Errorf("%s: it reads otherwise than the YAML", n)
		}
	}
	return nil
}

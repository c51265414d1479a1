package analyze

import (
	"bytes"
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

// TestCrosswalkCache holds crosswalk_cache.json to the embedded YAML: it is
// what crosswalkCache makes of the files (else it is stale, and -update
// rewrites it), LoadCrosswalk takes it, and each file read from it equals
// the file parsed from its YAML, checked fields included.
func TestCrosswalkCache(t *testing.T) {
	names, data := crosswalkSources(t)
	want, err := crosswalkCache(names, data)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("crosswalk_cache.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Skip("crosswalk_cache.json rewritten: build again to embed it")
	}
	if !bytes.Equal(crosswalkCacheJSON, want) {
		t.Fatal("crosswalk_cache.json is stale (the crosswalk's YAML changed): go test ./analyze -run TestCrosswalkCache -update")
	}
	cached := cachedCrosswalk(names, data)
	if cached == nil {
		t.Fatal("cachedCrosswalk: the cache is not used")
	}
	for i, n := range names {
		file := "embedded crosswalk/" + n
		fromYAML, err := ParseCrosswalk(data[i], file)
		if err != nil {
			t.Fatal(err)
		}
		fromCache, err := checkCrosswalk(cached[i], file)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fromCache, fromYAML) {
			t.Errorf("%s: the cache reads otherwise than the YAML", n)
		}
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

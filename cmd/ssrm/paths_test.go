package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/store"
)

// TestStoreHashesEachFileAsRead: two agreements shown by the same name
// (given as files of two folders) are each hashed from the file read.
func TestStoreHashesEachFileAsRead(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, text := range []string{"Round one.", "Round two, revised."} {
		p := filepath.Join(dir, []string{"acme", "globex"}[i], "agreement.md")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	in := analyze.Inputs{Agreements: []*extract.Agreement{{Path: paths[0]}, {Path: paths[1]}}}
	_, origin := nameAsGiven(&in, paths)
	if in.Agreements[0].Path != "agreement.md" || in.Agreements[1].Path != "agreement.md" {
		t.Fatalf("shown as %q and %q, want agreement.md twice", in.Agreements[0].Path, in.Agreements[1].Path)
	}
	docs, err := storeDocuments(&in, origin)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range paths {
		want, err := store.FileSHA256(p)
		if err != nil {
			t.Fatal(err)
		}
		if docs[i].SHA256 != want || docs[i].Path != "agreement.md" {
			t.Errorf("document %d: %+v, want agreement.md with the hash of %s", i, docs[i], p)
		}
	}
}

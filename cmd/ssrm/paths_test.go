package main

import (
	"bytes"
	"encoding/json"
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

// TestExtractNamesInputAsGiven: ssrm extract names its input as analyze
// (and every report) does, never by an absolute path of the disk.
func TestExtractNamesInputAsGiven(t *testing.T) {
	abs, err := filepath.Abs(sample + "/agreement.pdf")
	if err != nil {
		t.Fatal(err)
	}
	absSOC, err := filepath.Abs("testdata/cobalt-harbor/soc2.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, arg, want string
	}{
		{"local path", "testdata/diff/v1.md", "testdata/diff/v1.md"},
		{"outside the folder", sample + "/agreement.pdf", "agreement.pdf"},
		{"absolute agreement", abs, "agreement.pdf"},
		{"absolute questionnaire", filepath.Join(filepath.Dir(abs), "questionnaire.xlsx"), "questionnaire.xlsx"},
		{"absolute assurance report", absSOC, "soc2.pdf"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Run([]string{"extract", tc.arg}, &stdout, &stderr); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			var doc struct {
				Path string `json:"path"`
			}
			if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Path != tc.want {
				t.Errorf("extract %s: path %q, want %q", tc.arg, doc.Path, tc.want)
			}
			if tc.want == "soc2.pdf" {
				return // an assurance report alone is not analysed
			}
			res := runJSON(t, "analyze", tc.arg, "--format", "json", "--fail-on", "never")
			if len(res.Inputs) != 1 || res.Inputs[0].Path != doc.Path {
				t.Errorf("analyze names %s %+v, extract %q", tc.arg, res.Inputs, doc.Path)
			}
		})
	}
}

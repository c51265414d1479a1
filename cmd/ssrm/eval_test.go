package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evalFixture is internal/eval's corpus of invented documents in the
// manifest layout (one dev and one test document present, one absent, one
// with the wrong sha256).
const evalFixture = "../../internal/eval/testdata/corpus"

func TestEvalManifestCorpus(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run([]string{"eval", "--corpus", evalFixture, "--split", "test", "--format", "json"}, &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep struct {
		Layout string
		Splits []struct {
			Split     string
			Documents int
		}
		Absent []struct{ Document, Repo, Path string }
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, out.String())
	}
	if rep.Layout != "manifest" || len(rep.Splits) != 1 || rep.Splits[0].Split != "test" || rep.Splits[0].Documents != 2 {
		t.Errorf("layout %s, splits %+v", rep.Layout, rep.Splits)
	}
	if len(rep.Absent) != 1 || rep.Absent[0].Repo != "example/cedar-docs" {
		t.Errorf("absent %+v", rep.Absent)
	}
	out.Reset()
	if code := Run([]string{"eval", "--corpus", evalFixture}, &out, io.Discard); code != exitOK {
		t.Fatalf("text: exit %d", code)
	}
	for _, want := range []string{"split dev: 2 documents", "split test: 2 documents", "split all: 4 documents", "overall all: precision", "absent documents", "tos-cedar-2023 tos-cedar-2023.pdf: example/cedar-docs legal/terms-of-service.pdf"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestEvalUsage(t *testing.T) {
	gt := t.TempDir()
	for name, s := range map[string]string{
		"labels/terms-ground-truth.csv": "document,term,label,evidence\na.md,audit_rights,yes,§4\n",
		"labels/deadlines.csv":          "document,term,deadline_text,hours,grade\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(gt, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(gt, name), []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--corpus", evalFixture, "--split", "train"}, `split "train": want dev, test or all`},
		{[]string{"--corpus", gt, "--split", "test"}, "has no split"},
		{[]string{"--corpus", evalFixture, "--format", "xml"}, `--format "xml"`},
		{[]string{"--corpus", evalFixture, "--jobs", "0"}, "--jobs must be positive"},
		{[]string{"--dpa", filepath.Join(t.TempDir(), "none")}, "dpa-gdpr-sentences-train.csv"},
		{[]string{"--dpa", "a", "b"}, `unexpected argument "a"`},
		{[]string{"--corpus", t.TempDir()}, "not a labelled corpus"},
	} {
		var errb bytes.Buffer
		code := Run(append([]string{"eval"}, tc.args...), io.Discard, &errb)
		if code != exitError || !strings.Contains(errb.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errb.String(), exitError, tc.want)
		}
	}
}

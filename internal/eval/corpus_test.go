package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ssrm-dev/ssrm/analyze"
)

// fixture is a corpus of invented documents in the manifest layout: two
// documents present (one dev, one test), one listed but absent, one whose
// bytes differ from the manifest's sha256.
const fixture = "testdata/corpus"

func loadFixture(t *testing.T) *Corpus {
	t.Helper()
	c, err := LoadCorpus(fixture, "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLoadManifestCorpus(t *testing.T) {
	c := loadFixture(t)
	if c.Layout != LayoutManifest || c.DocsDir != filepath.Join(fixture, "fetched") {
		t.Errorf("layout %s, docs %s", c.Layout, c.DocsDir)
	}
	var ids []string
	for _, d := range c.Docs {
		ids = append(ids, d.ID+"/"+d.Split)
	}
	if want := []string{"dpa-acme-2025/dev", "msa-birch-2024/test", "tos-cedar-2023/test", "sla-dune-2022/dev"}; !slices.Equal(ids, want) {
		t.Errorf("documents %v, want %v", ids, want)
	}
	if len(c.Labels) != 4*13 || len(c.Deadlines) != 2 {
		t.Errorf("%d labels, %d deadlines; want 52, 2", len(c.Labels), len(c.Deadlines))
	}
	byKey := map[string]Label{}
	for _, l := range c.Labels {
		byKey[l.Document+" "+l.Term] = l
	}
	for key, want := range map[string]Label{
		"dpa-acme-2025 audit_rights":               {Label: "yes", Sections: []string{"9.2", "9.1"}, Grade: "weak", Split: SplitDev, Rule: "audit-rights"},
		"msa-birch-2024 customer_responsibilities": {Label: "yes", Sections: []string{`"Your Account"`}, Grade: "met", Split: SplitTest, Rule: "customer-responsibilities"},
		"sla-dune-2022 vendor_security":            {Label: "no", Sections: []string{"3"}, Grade: "by-reference", Split: SplitDev, Rule: "vendor-security"},
		"msa-birch-2024 vulnerability_disclosure":  {Label: "uncertain", Split: SplitTest, Rule: "vulnerability-disclosure"},
	} {
		got := byKey[key]
		if got.Label != want.Label || !slices.Equal(got.Sections, want.Sections) || got.Grade != want.Grade || got.Split != want.Split || got.Rule != want.Rule {
			t.Errorf("%s: %+v, want %+v", key, got, want)
		}
	}
	if l := byKey["dpa-acme-2025 audit_rights"]; !strings.HasSuffix(l.Source, "terms-fixture.csv:6") {
		t.Errorf("source %s, want terms-fixture.csv:6", l.Source)
	}
	absent := c.Absent()
	if len(absent) != 1 || absent[0].ID != "tos-cedar-2023" {
		t.Fatalf("absent %+v, want tos-cedar-2023", absent)
	}
	if w := absent[0].Where(); !strings.Contains(w, "example/cedar-docs legal/terms-of-service.pdf") || !strings.Contains(w, "manifest-fixture.csv") {
		t.Errorf("where: %s", w)
	}
	dev, err := c.Select(SplitDev)
	if err != nil {
		t.Fatal(err)
	}
	if len(dev.Docs) != 2 || len(dev.Labels) != 26 || len(dev.Deadlines) != 1 {
		t.Errorf("dev: %d docs, %d labels, %d deadlines", len(dev.Docs), len(dev.Labels), len(dev.Deadlines))
	}
	if _, err := c.Select("train"); err == nil {
		t.Error("split train accepted")
	}
}

func TestLoadCorpusErrors(t *testing.T) {
	manifest := "id,file,split,repo,path,commit,sha256\nd1,d1.md,dev,o/r,a.md,,\n"
	terms := "document,term,label,section,grade,note\n"
	for _, tc := range []struct {
		name, manifest, terms, deadlines, want string
	}{
		{"bad split", "id,file,split\nd1,d1.md,train\n", terms, "", "manifest-x.csv:2: split \"train\""},
		{"no split column", "id,file\nd1,d1.md\n", terms, "", "manifest-x.csv:1: header lacks split"},
		{"path in file", "id,file,split\nd1,../d1.md,dev\n", terms, "", "must be a plain file name"},
		{"unknown label", manifest, terms + "d1,audit_rights,maybe,,,\n", "", "terms-x.csv:2: label \"maybe\""},
		{"grade without yes", manifest, terms + "d1,audit_rights,no,,met,\n", "", "terms-x.csv:2: grade met with label no"},
		{"by-reference yes", manifest, terms + "d1,audit_rights,yes,4,by-reference,\n", "", "grade by-reference with label yes"},
		{"unknown grade", manifest, terms + "d1,audit_rights,yes,4,strong,\n", "", "grade \"strong\""},
		{"not in manifest", manifest, terms + "d2,audit_rights,no,,,\n", "", "terms-x.csv:2: document \"d2\" is in no manifest"},
		{"twice", manifest, terms + "d1,audit_rights,no,,,\nd1,audit_rights,yes,4,met,\n", "", "terms-x.csv:3: d1 audit_rights is already labelled at"},
		{"old header", manifest, "document,term,label,evidence\n", "", "terms-x.csv:1: header lacks section, grade, note"},
		{"bad hours", manifest, terms, "document,term,deadline_text,hours,grade\nd1,breach_notification,soon,a day,good\n", "deadlines-x.csv:2: hours \"a day\""},
		{"bad deadline grade", manifest, terms, "document,term,deadline_text,hours,grade\nd1,breach_notification,soon,,quick\n", "deadlines-x.csv:2: grade \"quick\""},
		{"deadline not in manifest", manifest, terms, "document,term,deadline_text,hours,grade\nd9,breach_notification,promptly,,weak\n", "deadlines-x.csv:2: document \"d9\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "manifest-x.csv"), tc.manifest)
			write(t, filepath.Join(dir, "labels", "terms-x.csv"), tc.terms)
			if tc.deadlines != "" {
				write(t, filepath.Join(dir, "labels", "deadlines-x.csv"), tc.deadlines)
			}
			_, err := LoadCorpus(dir, "")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := LoadCorpus(t.TempDir(), ""); err == nil || !strings.Contains(err.Error(), "not a labelled corpus") {
		t.Errorf("empty folder: %v", err)
	}
	gt := t.TempDir()
	write(t, filepath.Join(gt, "labels", "terms-ground-truth.csv"), "document,term,label,evidence\na.md,audit_rights,yes,§4\n")
	write(t, filepath.Join(gt, "labels", "deadlines.csv"), "document,term,deadline_text,hours,grade\n")
	c, err := LoadCorpus(gt, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Select(SplitTest); err == nil || !strings.Contains(err.Error(), "has no split") {
		t.Errorf("ground-truth --split test: %v", err)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestRunFixture runs the real engine on the fixture. It checks what does
// not depend on the engine's answers: which documents are scored, absent
// and unreadable, and that every scored label is counted once.
func TestRunFixture(t *testing.T) {
	c := loadFixture(t)
	rs, err := analyze.LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), c, rs, Options{Jobs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Absent) != 1 || rep.Absent[0].ID != "tos-cedar-2023" {
		t.Errorf("absent %+v", rep.Absent)
	}
	if why := rep.Unreadable["sla-dune-2022"]; !strings.Contains(why, "differs from the manifest's") || len(rep.Unreadable) != 1 {
		t.Errorf("unreadable %v", rep.Unreadable)
	}
	var names []string
	for _, s := range rep.Splits {
		names = append(names, s.Split)
		o := s.Overall
		scored := o.TP + o.FP + o.FN + o.TN
		want := map[string]int{SplitDev: 13, SplitTest: 12, SplitAll: 25}[s.Split]
		if scored != want || o.Absent != map[string]int{SplitDev: 0, SplitTest: 13, SplitAll: 13}[s.Split] {
			t.Errorf("split %s: %d scored, %d absent: %+v", s.Split, scored, o.Absent, o)
		}
	}
	if !slices.Equal(names, []string{SplitDev, SplitTest, SplitAll}) {
		t.Errorf("splits %v", names)
	}
	var b bytes.Buffer
	if err := rep.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var js struct {
		Absent []struct{ Document, Repo, Path, Manifest string }
	}
	if err := json.Unmarshal(b.Bytes(), &js); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]struct{ Document, Repo, Path, Manifest string }{{"tos-cedar-2023", "example/cedar-docs", "legal/terms-of-service.pdf", "manifest-fixture.csv"}}, js.Absent); diff != "" {
		t.Errorf("absent in JSON (-want +got):\n%s", diff)
	}
}

func FuzzLoadCorpus(f *testing.F) {
	f.Add("id,file,split\nd1,d1.md,dev\n", "document,term,label,section,grade,note\nd1,audit_rights,yes,\"9.2;9.3\",weak,x\n", "document,term,deadline_text,hours,grade\nd1,breach_notification,promptly,,weak\n")
	f.Add("id,file,split\n\"d1,d1.md,test\n", "document,term,label\n", "")
	f.Fuzz(func(t *testing.T, manifest, terms, deadlines string) {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "manifest-f.csv"), manifest)
		write(t, filepath.Join(dir, "labels", "terms-f.csv"), terms)
		write(t, filepath.Join(dir, "labels", "deadlines-f.csv"), deadlines)
		c, err := LoadCorpus(dir, "")
		if err != nil {
			return
		}
		ids := map[string]string{}
		for _, d := range c.Docs {
			ids[d.ID] = d.Split
		}
		for _, l := range c.Labels {
			if split, ok := ids[l.Document]; !ok || split != l.Split {
				t.Fatalf("label %+v of a document not in the manifest or in another split", l)
			}
		}
	})
}

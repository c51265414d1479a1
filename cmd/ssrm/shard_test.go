package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shardManifest writes a manifest of seven vendors with absolute paths:
// read ones, a missing file, a bad service model, and names that collide
// once made file names ("Acme Cloud", "acme cloud").
func shardManifest(t *testing.T) string {
	t.Helper()
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	q, a := abs(filepath.Join(sample, "questionnaire.xlsx")), abs(filepath.Join(sample, "agreement.pdf"))
	acme := abs("testdata/batch/vendors/acme-cloud/agreement.md")
	rows := []string{
		"vendor,service_model,criticality,files",
		fmt.Sprintf("Nimbus Ledger,saas,high,%s;%s", q, a),
		fmt.Sprintf("Acme Cloud,paas,medium,%s", acme),
		fmt.Sprintf("Ghost Vendor,saas,low,%s", abs("testdata/batch/vendors/ghost/missing.pdf")),
		fmt.Sprintf("Bad Model,faas,low,%s", acme),
		fmt.Sprintf("acme cloud,saas,high,%s", acme),
		fmt.Sprintf("Nimbus Copy,iaas,low,%s;%s", q, a),
		fmt.Sprintf("Questionnaire Only,saas,medium,%s", q),
	}
	path := filepath.Join(t.TempDir(), "manifest.csv")
	if err := os.WriteFile(path, []byte(strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestShardMerge runs a batch once and in three shards (into one folder,
// and into three), merges the parts, and compares: the portfolio (xlsx,
// html and csv) byte for byte, every vendor report byte for byte, the exit
// code and the failed vendors listed.
func TestShardMerge(t *testing.T) {
	inputs := map[string]string{"manifest": shardManifest(t), "folder": "testdata/batch/vendors"}
	for _, name := range []string{"manifest", "folder"} {
		for _, pf := range []string{"xlsx", "html", "csv"} {
			t.Run(name+" "+pf, func(t *testing.T) {
				input := inputs[name]
				common := []string{"--format", "json", "--portfolio-format", pf, "--jobs", "2"}
				single := t.TempDir()
				var sOut, sErr bytes.Buffer
				sCode := Run(append([]string{"batch", input, "-o", single}, common...), &sOut, &sErr)
				if sCode != exitPartial {
					t.Fatalf("single run: exit %d, want %d (partial): %s", sCode, exitPartial, sErr.String())
				}
				for _, layout := range []string{"one folder", "three folders"} {
					shared := t.TempDir()
					var dirs []string
					for i := range 3 {
						dir := shared
						if layout == "three folders" {
							dir = filepath.Join(shared, fmt.Sprint(i))
						}
						var out, errb bytes.Buffer
						code := Run(append([]string{"batch", input, "-o", dir, "--shard", fmt.Sprintf("%d/3", i)}, common...), &out, &errb)
						if code != exitPartial && code != exitFindings && code != exitOK {
							t.Fatalf("shard %d: exit %d: %s", i, code, errb.String())
						}
						if !strings.Contains(out.String(), fmt.Sprintf("shard %d/3", i)) {
							t.Errorf("shard %d: stdout %q", i, out.String())
						}
						if layout == "three folders" || i == 0 {
							dirs = append(dirs, dir)
						}
					}
					merged := t.TempDir()
					var mOut, mErr bytes.Buffer
					code := Run(append([]string{"portfolio", "merge", "-o", merged, "--portfolio-format", pf}, dirs...), &mOut, &mErr)
					if code != sCode {
						t.Errorf("%s: merge exit %d, single run %d: %s", layout, code, sCode, mErr.String())
					}
					want, err := os.ReadFile(filepath.Join(single, "portfolio."+pf))
					if err != nil {
						t.Fatal(err)
					}
					got, err := os.ReadFile(filepath.Join(merged, "portfolio."+pf))
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(got, want) {
						t.Errorf("%s: merged portfolio.%s (%d bytes) differs from the single run's (%d bytes)", layout, pf, len(got), len(want))
					}
					// The same lines as the single run, but for the command's name and paths.
					norm := func(s, dir, cmd string) string {
						return strings.ReplaceAll(strings.ReplaceAll(s, dir, "OUT"), cmd, "CMD")
					}
					if a, b := norm(mOut.String(), merged, "ssrm portfolio:"), norm(sOut.String(), single, "ssrm batch:"); a != b {
						t.Errorf("%s: merge printed\n%s\nsingle run printed\n%s", layout, a, b)
					}
					// Every vendor report, wherever its shard wrote it.
					reports, _ := filepath.Glob(filepath.Join(single, "*.json"))
					if len(reports) < 2 {
						t.Fatalf("single run wrote %d reports", len(reports))
					}
					for _, r := range reports {
						w, _ := os.ReadFile(r)
						matches, _ := filepath.Glob(filepath.Join(shared, "*", filepath.Base(r)))
						if m, _ := filepath.Glob(filepath.Join(shared, filepath.Base(r))); len(m) > 0 {
							matches = append(matches, m...)
						}
						if len(matches) != 1 {
							t.Errorf("%s: report %s written %d times by the shards", layout, filepath.Base(r), len(matches))
							continue
						}
						if g, _ := os.ReadFile(matches[0]); !bytes.Equal(g, w) {
							t.Errorf("%s: report %s differs", layout, filepath.Base(r))
						}
					}
				}
			})
		}
	}
}

// TestShardFlag covers --shard and JOB_COMPLETION_INDEX.
func TestShardFlag(t *testing.T) {
	tests := []struct {
		flag, env string
		want      shardSpec
		err       string
	}{
		{"", "", shardSpec{}, ""},
		{"0/3", "", shardSpec{0, 3}, ""},
		{"2/3", "1", shardSpec{2, 3}, ""}, // explicit I wins
		{"3", "2", shardSpec{2, 3}, ""},
		{"1/1", "", shardSpec{}, "I must be a whole number from 0 to 0"},
		{"3/3", "", shardSpec{}, "I must be a whole number from 0 to 2"},
		{"-1/3", "", shardSpec{}, "I must be"},
		{"1/0", "", shardSpec{}, "N must be a whole number of shards"},
		{"a/b", "", shardSpec{}, "N must be"},
		{"3", "", shardSpec{}, "JOB_COMPLETION_INDEX set"},
		{"3", "5", shardSpec{}, `JOB_COMPLETION_INDEX "5" must be a whole number from 0 to 2`},
	}
	for _, tc := range tests {
		got, err := parseShard(tc.flag, tc.env)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parseShard(%q, %q) error %v, want %q", tc.flag, tc.env, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("parseShard(%q, %q) = %v, %v; want %v", tc.flag, tc.env, got, err, tc.want)
		}
	}
	// From the environment, as an Indexed Job runs it.
	t.Setenv("JOB_COMPLETION_INDEX", "1")
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	Run([]string{"batch", shardManifest(t), "-o", out, "--shard", "3", "--format", "json"}, &stdout, &stderr)
	if _, err := os.Stat(filepath.Join(out, "portfolio.part-1-of-3.json")); err != nil {
		t.Errorf("no part 1 of 3: %v; stderr %s", err, stderr.String())
	}
}

// TestMergeRefuses: a missing shard, a shard given twice, parts of
// another batch, a folder without parts, a damaged part.
func TestMergeRefuses(t *testing.T) {
	m := shardManifest(t)
	parts := t.TempDir()
	for i := range 3 {
		var o, e bytes.Buffer
		Run([]string{"batch", m, "-o", parts, "--shard", fmt.Sprintf("%d/3", i), "--format", "json"}, &o, &e)
	}
	other := t.TempDir()
	var o, e bytes.Buffer
	Run([]string{"batch", "testdata/batch/vendors", "-o", other, "--shard", "0/3", "--format", "json"}, &o, &e)
	missing := t.TempDir()
	dup := t.TempDir()
	bad := t.TempDir()
	for _, n := range []string{"portfolio.part-0-of-3.json", "portfolio.part-1-of-3.json"} {
		b, _ := os.ReadFile(filepath.Join(parts, n))
		os.WriteFile(filepath.Join(missing, n), b, 0o644)
		os.WriteFile(filepath.Join(dup, n), b, 0o644)
	}
	os.WriteFile(filepath.Join(bad, "portfolio.part-0-of-1.json"), []byte(`{"schema":"ssrm.portfolio-part/v1","shard":0,`), 0o644)
	tests := []struct {
		dirs []string
		want string
	}{
		{[]string{missing}, "shards 2 of 3 are missing"},
		{[]string{parts, dup}, "shard 0 of 3 is also in"},
		{[]string{parts, other}, "a part of another batch"},
		{[]string{t.TempDir()}, "no portfolio parts"},
		{[]string{bad}, "not a portfolio part"},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := Run(append([]string{"portfolio", "merge", "-o", t.TempDir()}, tc.dirs...), &stdout, &stderr)
		if code != exitError || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("merge %v: exit %d, stderr %q; want exit 2 with %q", tc.dirs, code, stderr.String(), tc.want)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"portfolio"}, &stdout, &stderr); code != exitError || !strings.Contains(stderr.String(), "give a subcommand (merge)") {
		t.Errorf("portfolio without subcommand: exit %d, %q", code, stderr.String())
	}
}

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ssrm-dev/ssrm/internal/hostile"
)

// hostileFile writes recipe name of package hostile into dir.
func hostileFile(t *testing.T, dir, name string) string {
	t.Helper()
	r, ok := hostile.ByName(name)
	if !ok {
		t.Fatalf("no hostile recipe %q", name)
	}
	p, err := hostile.Write(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// issueRecipes are the three files of issue 14, with what the message may
// say (the limit the reader hit, or a budget of extract's own).
var issueRecipes = []struct {
	name string
	want []string
}{
	{"pdf-xref-size", []string{"memory limit exceeded", "exceeds a reading limit"}},
	{"pdf-flate-bomb", []string{"memory limit exceeded", "exceeds a reading limit"}},
	{"pdf-page-repeat", []string{"time limit exceeded", "memory limit exceeded", "exceeds a reading limit"}},
}

// readerLimits keep the hostile tests short: a quarter of the default
// memory and a few seconds per document.
var readerLimits = []string{"--parse-memory-mb", "256", "--parse-timeout", "10s"}

// TestHostileFilesExitTwo: analyze and extract stop on each file of issue 14
// with exit 2 and a message naming the file and what stopped it.
func TestHostileFilesExitTwo(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("reads hostile files under memory limits (not with -short or -race)")
	}
	dir := t.TempDir()
	for _, r := range issueRecipes {
		path := hostileFile(t, dir, r.name)
		for _, cmd := range [][]string{
			append([]string{"analyze", "--questionnaire", sample + "/questionnaire.xlsx", "--agreement", path}, readerLimits...),
			append([]string{"extract", path}, readerLimits...),
		} {
			var stdout, stderr bytes.Buffer
			code := Run(cmd, &stdout, &stderr)
			msg := stderr.String()
			if code != exitError || !strings.HasPrefix(msg, "ssrm: "+path+": ") || !containsAny(msg, r.want) {
				t.Errorf("%s %s: exit %d, stderr %q; want exit 2 naming the file and saying one of %q", cmd[0], r.name, code, msg, r.want)
			}
			if stdout.Len() != 0 {
				t.Errorf("%s %s: wrote %d bytes to stdout", cmd[0], r.name, stdout.Len())
			}
		}
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// TestBatchHostileVendors: a batch with one vendor per hostile recipe (the
// files of issue 14 and the generator's others) assesses the good vendor,
// lists each unreadable one as failed with the reason naming its file (none
// as a crashed reader), and exits 3 (partial).
func TestBatchHostileVendors(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("reads hostile files under memory limits (not with -short or -race)")
	}
	dir := copySample(t, 1)
	recipes := hostile.All()
	for _, r := range recipes {
		v := filepath.Join(dir, r.Name)
		if err := os.Mkdir(v, 0o755); err != nil {
			t.Fatal(err)
		}
		hostileFile(t, v, r.Name)
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	args := append([]string{"batch", dir, "-o", out, "--format", "json", "--portfolio-format", "csv", "--fail-on", "never", "--jobs", "2"}, readerLimits...)
	if code := Run(args, &stdout, &stderr); code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitPartial, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, "vendor-0001.json")); err != nil {
		t.Errorf("the good vendor's report: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(out, "portfolio.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	failed, listed := map[string]string{}, map[string]bool{}
	for _, row := range rows[1:] {
		listed[row[col["vendor"]]] = true
		if e := row[col["error"]]; e != "" {
			failed[row[col["vendor"]]] = e
		}
	}
	if len(listed) != len(recipes)+1 || failed["vendor-0001"] != "" {
		t.Errorf("%d vendors listed, want %d; the good one failed: %q", len(listed), len(recipes)+1, failed["vendor-0001"])
	}
	for _, r := range recipes {
		if e, ok := failed[r.Name]; ok && (!strings.Contains(e, r.Name+r.Ext+": ") || strings.Contains(e, "crashed")) {
			t.Errorf("vendor %s: error %q, want one naming the file, not a crashed reader", r.Name, e)
		}
	}
	for _, r := range issueRecipes {
		if e := failed[r.name]; !strings.Contains(e, r.name+".pdf: ") || !containsAny(e, r.want) {
			t.Errorf("vendor %s: error %q, want one naming the file and saying one of %q", r.name, e, r.want)
		}
	}
	t.Logf("%d of %d hostile vendors failed, each with its reason", len(failed), len(recipes))
}

// TestReportsSameBytesTwice: two runs of analyze on the same files give
// the same xlsx, caiq and oscal bytes, and the time they state is the
// documents' newest modification time.
func TestReportsSameBytesTwice(t *testing.T) {
	dir := copySample(t, 1)
	vendor := filepath.Join(dir, "vendor-0001")
	at := time.Date(2025, 11, 12, 13, 14, 15, 0, time.UTC)
	for _, f := range []string{"questionnaire.xlsx", "agreement.pdf"} {
		if err := os.Chtimes(filepath.Join(vendor, f), at, at.Add(-time.Duration(len(f))*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	newest := at.Add(-time.Duration(len("agreement.pdf")) * time.Hour)
	for _, format := range []string{"xlsx", "caiq", "oscal"} {
		var runs [2][]byte
		for i := range runs {
			out := filepath.Join(t.TempDir(), "report")
			var stdout, stderr bytes.Buffer
			if code := Run([]string{"analyze", vendor, "--format", format, "-o", out, "--fail-on", "never"}, &stdout, &stderr); code != exitOK {
				t.Fatalf("%s: exit %d: %s", format, code, stderr.String())
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			runs[i] = b
		}
		if !bytes.Equal(runs[0], runs[1]) {
			t.Errorf("%s: two runs differ (%d and %d bytes)", format, len(runs[0]), len(runs[1]))
		}
		if format == "oscal" {
			var doc struct {
				CD struct {
					Metadata struct {
						LastModified string `json:"last-modified"`
					} `json:"metadata"`
				} `json:"component-definition"`
			}
			if err := json.Unmarshal(runs[0], &doc); err != nil {
				t.Fatal(err)
			}
			if got, want := doc.CD.Metadata.LastModified, newest.Format(time.RFC3339); got != want {
				t.Errorf("oscal last-modified = %s, want the newest file time %s", got, want)
			}
		}
	}
}

// TestParseFlags: the reader's flags are checked.
func TestParseFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"analyze", sample, "--parse-memory-mb", "10"}, "--parse-memory-mb: want 64 or more, got 10"},
		{[]string{"extract", sample + "/agreement.pdf", "--parse-timeout", "-1s"}, "--parse-timeout: want a positive duration"},
		{[]string{"batch", sample, "-o", "x", "--parse-memory-mb", "0"}, "--parse-memory-mb: want 64 or more"},
	} {
		var stdout, stderr bytes.Buffer
		if code := Run(c.args, &stdout, &stderr); code != exitError || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr.String(), c.want)
		}
	}
	// In process, the same document.
	var a, b, stderr bytes.Buffer
	if Run([]string{"extract", sample + "/agreement.pdf"}, &a, &stderr) != exitOK || Run([]string{"extract", "--isolate=false", sample + "/agreement.pdf"}, &b, &stderr) != exitOK {
		t.Fatalf("extract: %s", stderr.String())
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) || a.Len() < 1000 {
		t.Errorf("extract in a child and in process differ (%d and %d bytes)", a.Len(), b.Len())
	}
}

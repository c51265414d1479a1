package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/report"
)

// TestAddendumDOCX writes the sample vendor's rider, reads it back with
// ssrm's own DOCX reader, and finds one numbered clause per open term
// (contradicted, missing, by-reference or weak), by severity, under the
// term's heading (report.RiderHeading) and
// holding the rule's recommended wording; then analyses the rider itself,
// in which every one of those terms must be met.
func TestAddendumDOCX(t *testing.T) {
	res := runJSON(t, "analyze", sample, "--format", "json")
	open := map[string]analyze.Finding{}
	for _, f := range res.Findings {
		switch f.Status {
		case analyze.StatusMissing, analyze.StatusByReference, analyze.StatusWeak:
			open[f.Rule] = f
		}
	}
	for _, c := range res.Contradictions {
		for _, f := range res.Findings {
			if f.Rule == c.Rule {
				open[f.Rule] = f
			}
		}
	}
	if len(open) < 5 {
		t.Fatalf("the sample should leave several terms open, got %d", len(open))
	}
	out := filepath.Join(t.TempDir(), "rider.docx")
	var stdout, stderr bytes.Buffer
	if got := Run([]string{"analyze", sample, "--format", "addendum", "-o", out, "--fail-on", "never"}, &stdout, &stderr); got != exitOK {
		t.Fatalf("exit %d: %s", got, stderr.String())
	}
	doc, err := extract.Open(out, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Agreement == nil {
		t.Fatalf("the rider does not read as an agreement")
	}
	byTitle := map[string]analyze.Finding{}
	for _, f := range open {
		byTitle[report.RiderHeading(f)] = f
	}
	numbered := 0
	seen := map[string]bool{}
	last := ""
	for _, c := range doc.Agreement.Clauses {
		n, err := strconv.Atoi(c.ID)
		if err != nil {
			continue
		}
		numbered++
		if n != numbered {
			t.Errorf("clause %q after %d clauses", c.ID, numbered-1)
		}
		if n == len(open)+1 {
			if c.Heading != "Effect of this Addendum" {
				t.Errorf("last clause %q, want the closing clause", c.Heading)
			}
			continue
		}
		f, ok := byTitle[c.Heading]
		if !ok {
			t.Errorf("clause %s %q is no open term", c.ID, c.Heading)
			continue
		}
		if seen[f.Rule] {
			t.Errorf("term %s twice", f.Rule)
		}
		seen[f.Rule] = true
		// By severity: never a clause of a term more severe than the one
		// before it.
		if last != "" && f.Severity.Rank() > analyze.Severity(last).Rank() {
			t.Errorf("clause %s (%s, %s) after a %s clause", c.ID, f.Rule, f.Severity, last)
		}
		last = string(f.Severity)
		if !strings.Contains(strings.Join(strings.Fields(c.Text), " "), strings.Join(strings.Fields(f.Recommendation), " ")) {
			t.Errorf("clause %s (%s) lacks the recommended wording %q:\n%s", c.ID, f.Rule, f.Recommendation, c.Text)
		}
	}
	if numbered != len(open)+1 || len(seen) != len(open) {
		t.Errorf("%d numbered clauses for %d open terms (%d found), want one each and the closing clause", numbered, len(open), len(seen))
	}
	// The rider binds what it asks for: ssrm reads each of its terms as met.
	rider := runJSON(t, "analyze", out, "--format", "json", "--fail-on", "never")
	for _, f := range rider.Findings {
		if _, ok := open[f.Rule]; ok && f.Status != analyze.StatusMet {
			t.Errorf("the rider's %s reads as %s: %s", f.Rule, f.Status, f.Explanation)
		}
	}
	// The same input gives the same bytes.
	again := filepath.Join(t.TempDir(), "again.docx")
	if got := Run([]string{"analyze", sample, "--format", "addendum", "-o", again, "--fail-on", "never"}, &stdout, &stderr); got != exitOK {
		t.Fatalf("exit %d", got)
	}
	a, _ := os.ReadFile(out)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Errorf("two runs wrote different riders")
	}
}

func TestAddendumMarkdown(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if got := Run([]string{"analyze", sample, "--format", "addendum-md", "--fail-on", "never"}, &stdout, &stderr); got != exitOK {
		t.Fatalf("exit %d: %s", got, stderr.String())
	}
	compareGolden(t, filepath.Join("testdata", "sample."+report.Ext("addendum-md")), stdout.Bytes())
}

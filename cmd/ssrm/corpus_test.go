package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// The shared corpus of real vendor documents sits beside the repository.
const corpus = "../../../shared/corpus"

func needCorpus(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus not found at %s (it sits beside the repository as ../shared/corpus): %v", corpus, err)
	}
}

// expectedItems reads the item count for a workbook from the corpus's
// questionnaires/expected/items.csv, summed over its sheets.
func expectedItems(t *testing.T, file string) int {
	t.Helper()
	f, err := os.Open(filepath.Join(corpus, "questionnaires", "expected", "items.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	total, found := 0, false
	for _, row := range rows[1:] {
		if row[0] == file {
			n, err := strconv.Atoi(row[3])
			if err != nil {
				t.Fatalf("items.csv: %v", err)
			}
			total += n
			found = true
		}
	}
	if !found {
		t.Fatalf("items.csv has no row for %s", file)
	}
	return total
}

// TestAcceptanceInstructureBAA is acceptance 2 of the end-to-end issue: a real
// CAIQ v4.0.3 and a real BAA, checked against the corpus's expected values and
// labels (terms-ground-truth.csv, deadlines.csv).
func TestAcceptanceInstructureBAA(t *testing.T) {
	needCorpus(t)
	const q = "caiq-v4.0.3-filled-instructure.xlsx"
	res := runJSON(t, "analyze",
		"--questionnaire", filepath.Join(corpus, "questionnaires", q),
		"--agreement", filepath.Join(corpus, "agreements", "baa-easeworkflow-2026.pdf"),
		"--format", "json")
	if len(res.Inputs) != 2 || res.Inputs[0].Kind != "questionnaire" {
		t.Fatalf("inputs = %+v", res.Inputs)
	}
	if got, want := res.Inputs[0].Items, expectedItems(t, q); got != want {
		t.Errorf("questionnaire items = %d, want %d (items.csv)", got, want)
	}
	if res.Inputs[0].Format != "caiq-v4.0.3" {
		t.Errorf("questionnaire format = %q, want caiq-v4.0.3", res.Inputs[0].Format)
	}
	if len(res.Matrix) != 17 {
		t.Fatalf("matrix has %d rows, want 17", len(res.Matrix))
	}
	for _, m := range res.Matrix {
		if m.QuestionnaireOwner == analyze.OwnerUnassigned || len(m.QuestionnaireCount) == 0 {
			t.Errorf("matrix %s: questionnaire owner %s from %v; want one from the SSRM column", m.Domain, m.QuestionnaireOwner, m.QuestionnaireCount)
		}
	}
	// Instructure marks IAM items "Shared CSP and CSC" and others CSP-owned.
	byDomain := map[string]analyze.MatrixRow{}
	for _, m := range res.Matrix {
		byDomain[m.Domain] = m
	}
	if got := byDomain["IAM"].QuestionnaireOwner; got != analyze.OwnerShared {
		t.Errorf("IAM questionnaire owner = %s, want shared", got)
	}
	if got := byDomain["A&A"].QuestionnaireOwner; got != analyze.OwnerVendor {
		t.Errorf("A&A questionnaire owner = %s, want vendor", got)
	}

	got := checkStatuses(t, res, map[string]string{
		"incident-cooperation":      analyze.StatusMet,
		"customer-responsibilities": analyze.StatusMet,
		"audit-rights":              analyze.StatusMissing,
		"subprocessors":             analyze.StatusMissing,
	})
	bn := got["breach-notification"]
	if bn.Status != analyze.StatusMet && bn.Status != analyze.StatusWeak {
		t.Errorf("breach-notification: %s, want met or weak", bn.Status)
	}
	if len(bn.Evidence) == 0 || bn.Evidence[0].Section != "6" || bn.Evidence[0].Page == nil || *bn.Evidence[0].Page != 3 {
		t.Errorf("breach-notification evidence = %+v, want section 6 on page 3", bn.Evidence)
	}
	if d := bn.Deadline; d == nil || d.Text != "without unreasonable delay" || d.Hours != nil || d.Grade != analyze.GradeUnquantified {
		t.Errorf("breach-notification deadline = %+v, want \"without unreasonable delay\", no hours, unquantified", d)
	}
	for _, id := range []string{"incident-cooperation", "customer-responsibilities"} {
		want := map[string]string{"incident-cooperation": "6", "customer-responsibilities": "7"}[id]
		if ev := got[id].Evidence; len(ev) == 0 || ev[0].Section != want {
			t.Errorf("%s evidence = %+v, want section %s", id, ev, want)
		}
	}
	// Instructure's SEF-07.1 promises 48 hours; the BAA gives no number.
	if len(res.Contradictions) == 0 || res.Contradictions[0].Rule != "breach-notification" {
		t.Errorf("contradictions = %+v, want breach-notification first", res.Contradictions)
	}
}

// TestAcceptanceCommonPaper is acceptance 3: a Markdown agreement.
func TestAcceptanceCommonPaper(t *testing.T) {
	needCorpus(t)
	res := runJSON(t, "analyze", filepath.Join(corpus, "agreements", "csa-commonpaper.md"), "--format", "json")
	got := checkStatuses(t, res, map[string]string{
		"customer-responsibilities": analyze.StatusMet,
		"breach-notification":       analyze.StatusMissing,
		"vulnerability-disclosure":  analyze.StatusMissing, // §2.1(a)(v) bars the customer from testing
	})
	if ev := got["customer-responsibilities"].Evidence; len(ev) == 0 || ev[0].Section != "1.3" {
		t.Errorf("customer-responsibilities evidence = %+v, want section 1.3", ev)
	}
}

// TestAcceptanceUnreadable is acceptance 4: no text layer, and a truncated
// PDF, each exit 2 with a message naming the file and no panic.
func TestAcceptanceUnreadable(t *testing.T) {
	needCorpus(t)
	scanned := filepath.Join(corpus, "agreements", "mou-flock-eugene-2024-scanned.pdf")
	data, err := os.ReadFile(filepath.Join(corpus, "agreements", "baa-easeworkflow-2026.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(t.TempDir(), "truncated.pdf")
	if err := os.WriteFile(truncated, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{scanned, "no text layer"},
		{truncated, "truncated.pdf"},
	} {
		var stdout, stderr bytes.Buffer
		code := Run([]string{"analyze", tc.path}, &stdout, &stderr)
		if code != 2 {
			t.Errorf("%s: exit %d, want 2", tc.path, code)
		}
		if msg := stderr.String(); !strings.Contains(msg, tc.want) || !strings.Contains(msg, filepath.Base(tc.path)) {
			t.Errorf("%s: stderr %q should name the file and say %q", tc.path, msg, tc.want)
		}
		if stdout.Len() != 0 {
			t.Errorf("%s: nothing may reach stdout on an input error, got %q", tc.path, stdout.String())
		}
	}
}

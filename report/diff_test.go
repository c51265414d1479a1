package report

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ssrm-dev/ssrm/analyze"
)

func TestWordDiff(t *testing.T) {
	tests := []struct {
		old, new string
		want     []WordOp
	}{
		{"a b c", "a b c", []WordOp{{"=", "a b c"}}},
		{"Provider will notify", "Provider shall notify", []WordOp{{"=", "Provider"}, {"-", "will"}, {"+", "shall"}, {"=", "notify"}}},
		{"notify  Customer\npromptly", "notify Customer promptly and in writing", []WordOp{{"=", "notify Customer promptly"}, {"+", "and in writing"}}},
		{"within 24 hours", "", []WordOp{{"-", "within 24 hours"}}},
		{"", "within 72 hours", []WordOp{{"+", "within 72 hours"}}},
		{"", "", nil},
		// A repeated word: one of the shortest edits.
		{"the vendor and the customer", "the customer", []WordOp{{"-", "the vendor and"}, {"=", "the customer"}}},
	}
	for _, tc := range tests {
		if got := WordDiff(tc.old, tc.new); !cmp.Equal(got, tc.want) {
			t.Errorf("WordDiff(%q, %q) = %v, want %v", tc.old, tc.new, got, tc.want)
		}
	}
}

func finding(rule, status string, sev analyze.Severity, section, text string) analyze.Finding {
	f := analyze.Finding{Rule: rule, Title: rule, Status: status, Severity: sev}
	if text != "" {
		f.Evidence = []analyze.Evidence{{File: "a.md", Section: section, Text: text}}
	}
	return f
}

// TestCompare covers each class: a contradiction ranks with missing, a rule
// in one round only is new or removed, weak and by-reference share a rank,
// and a clause renumbered is still compared with its old text.
func TestCompare(t *testing.T) {
	old := &analyze.Result{Findings: []analyze.Finding{
		finding("notice", analyze.StatusMet, analyze.SeverityHigh, "5", "Vendor shall notify within 24 hours."),
		finding("audit", analyze.StatusMissing, analyze.SeverityMedium, "", ""),
		finding("reports", analyze.StatusWeak, analyze.SeverityMedium, "6", "Reports on request."),
		finding("escrow", analyze.StatusWeak, analyze.SeverityLow, "9", "Escrow may be agreed."),
		finding("logs", analyze.StatusMissing, analyze.SeverityLow, "", ""),
	}}
	nw := &analyze.Result{Findings: []analyze.Finding{
		finding("notice", analyze.StatusMet, analyze.SeverityHigh, "5", "Vendor shall notify within 24 hours."),
		finding("audit", analyze.StatusWeak, analyze.SeverityMedium, "7", "Customer may audit once a year."),
		finding("reports", analyze.StatusByReference, analyze.SeverityMedium, "8", "Reports as set out in the Trust Center."),
		finding("logs", analyze.StatusMissing, analyze.SeverityLow, "", ""),
		finding("tlpt", analyze.StatusMissing, analyze.SeverityHigh, "", ""),
	}, Contradictions: []analyze.Finding{finding("notice", analyze.StatusContradicted, analyze.SeverityHigh, "", "")}}
	d := Compare(old, nw)
	var got []string
	for _, tc := range d.Terms {
		got = append(got, tc.Change+" "+tc.Rule+" "+tc.OldStatus+">"+tc.NewStatus)
	}
	want := []string{
		"regressed notice met>contradicted",
		"fixed audit missing>weak",
		"new tlpt >missing",
		"removed escrow weak>",
		"unchanged reports weak>by-reference",
		"unchanged logs missing>missing",
	}
	if !cmp.Equal(got, want) {
		t.Errorf("terms:\n%s", cmp.Diff(want, got))
	}
	if want := (DiffSummary{Fixed: 1, Regressed: 1, New: 1, Removed: 1, Unchanged: 2, Reworded: 3}); d.Summary != want {
		t.Errorf("summary = %+v, want %+v", d.Summary, want)
	}
	// reports: §6 became §8, compared as one clause renumbered.
	r := d.Terms[4].Clauses
	if len(r) != 1 || r[0].Old != "a.md §6" || r[0].New != "a.md §8" || r[0].Words[0] != (WordOp{"=", "Reports"}) {
		t.Errorf("reports clauses = %+v", r)
	}
	// audit: cited only in the new round, all inserted.
	if a := d.Terms[1].Clauses; len(a) != 1 || a[0].Old != "" || a[0].Words[0].Op != "+" {
		t.Errorf("audit clauses = %+v", a)
	}
}

// FuzzWordDiff: the kept and deleted runs give the old text's words, the
// kept and inserted runs the new text's, in order; no run is empty and
// two neighbours never share an operation.
func FuzzWordDiff(f *testing.F) {
	f.Add("Provider will notify Customer promptly.", "Provider shall notify Customer within 72 hours.")
	f.Add("", "a")
	f.Add("a a a b", "b a a")
	f.Fuzz(func(t *testing.T, old, new string) {
		ops := WordDiff(old, new)
		var o, n []string
		for i, op := range ops {
			if op.Text == "" || (i > 0 && ops[i-1].Op == op.Op) {
				t.Fatalf("ops %q", ops)
			}
			w := strings.Fields(op.Text)
			switch op.Op {
			case "=":
				o, n = append(o, w...), append(n, w...)
			case "-":
				o = append(o, w...)
			case "+":
				n = append(n, w...)
			default:
				t.Fatalf("op %q", op.Op)
			}
		}
		if strings.Join(o, " ") != strings.Join(strings.Fields(old), " ") || strings.Join(n, " ") != strings.Join(strings.Fields(new), " ") {
			t.Fatalf("WordDiff(%q, %q) = %q", old, new, ops)
		}
	})
}

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
	if want := (DiffSummary{Fixed: 1, Regressed: 1, New: 1, Removed: 1, Unchanged: 2, Reworded: 3, Moved: 1}); d.Summary != want {
		t.Errorf("summary = %+v, want %+v", d.Summary, want)
	}
	// reports: §6 gave way to §8, whose wording is another clause's (one
	// word in seven kept): shown as removed and added, not as §6 renumbered.
	r := d.Terms[4].Clauses
	if len(r) != 2 || r[0].Old != "a.md §6" || r[0].New != "" || r[1].New != "a.md §8" || r[1].Old != "" {
		t.Errorf("reports clauses = %+v", r)
	}
	// audit: cited only in the new round, all inserted.
	if a := d.Terms[1].Clauses; len(a) != 1 || a[0].Old != "" || a[0].Words[0].Op != "+" {
		t.Errorf("audit clauses = %+v", a)
	}
}

func hours(h float64) *float64 { return &h }

// TestCompareDetails: a term that keeps its status is regressed when it
// grows weaker in any way and fixed when it only grows stronger, and each
// change within it is named.
func TestCompareDetails(t *testing.T) {
	sub := func(found ...string) analyze.Finding {
		f := finding("subprocessors", analyze.StatusMet, analyze.SeverityHigh, "7.1", "Vendor shall list its subprocessors.")
		for _, id := range []string{"list", "notice", "flow-down"} {
			e := analyze.ElementStatus{ID: id, Title: "the " + id, Essential: id == "notice"}
			for _, g := range found {
				if g == id {
					e.Found, e.Section = true, "7."+id
				}
			}
			f.Elements = append(f.Elements, e)
		}
		return f
	}
	notice := func(text string, h *float64, grade, trigger string) analyze.Finding {
		f := finding("breach-notification", analyze.StatusMet, analyze.SeverityHigh, "5", "Vendor shall notify Customer "+text+".")
		f.Deadline = &analyze.Deadline{Text: text, Hours: h, Grade: grade, Trigger: trigger}
		return f
	}
	with := func(f analyze.Finding, edit func(*analyze.Finding)) analyze.Finding { edit(&f); return f }
	tests := []struct {
		name     string
		old, new analyze.Finding
		change   string
		want     []string // effect kind subject: old > new
	}{
		{"flow-down deleted", sub("list", "notice", "flow-down"), sub("list", "notice"), ChangeRegressed,
			[]string{"weaker element flow-down: §7.flow-down > "}},
		{"essential element first", sub("list", "notice", "flow-down"), sub("list"), ChangeRegressed,
			[]string{"weaker element notice: §7.notice > ", "weaker element flow-down: §7.flow-down > "}},
		{"element gained", sub("list"), sub("list", "flow-down"), ChangeFixed,
			[]string{"stronger element flow-down:  > §7.flow-down"}},
		{"gain and loss", sub("list", "notice"), sub("list", "flow-down"), ChangeRegressed,
			[]string{"weaker element notice: §7.notice > ", "stronger element flow-down:  > §7.flow-down"}},
		{"24 hours to 72", notice("within 24 hours", hours(24), analyze.GradeStrong, "awareness"), notice("within 72 hours", hours(72), analyze.GradeGood, "awareness"), ChangeRegressed,
			[]string{`weaker deadline : "within 24 hours" (24 h, strong) > "within 72 hours" (72 h, good)`}},
		{"72 hours to 48", notice("within 72 hours", hours(72), analyze.GradeGood, "awareness"), notice("within 48 hours", hours(48), analyze.GradeGood, "awareness"), ChangeFixed,
			[]string{`stronger deadline : "within 72 hours" (72 h, good) > "within 48 hours" (48 h, good)`}},
		{"hours in other words", notice("within 72 hours", hours(72), analyze.GradeGood, "awareness"), notice("within three days", hours(72), analyze.GradeGood, "awareness"), ChangeUnchanged, nil},
		{"a number to promptly", notice("within 72 hours", hours(72), analyze.GradeGood, "awareness"), notice("promptly", nil, analyze.GradeWeak, "awareness"), ChangeRegressed,
			[]string{`weaker deadline : "within 72 hours" (72 h, good) > "promptly" (weak)`}},
		{"clock from confirmation", notice("within 72 hours", hours(72), analyze.GradeGood, "awareness"), notice("within 72 hours", hours(72), analyze.GradeGood, "confirmation"), ChangeRegressed,
			[]string{"weaker deadline trigger: awareness > confirmation"}},
		{"deadline dropped", notice("within 72 hours", hours(72), analyze.GradeGood, ""), finding("breach-notification", analyze.StatusMet, analyze.SeverityHigh, "5", "Vendor shall notify Customer within 72 hours."), ChangeRegressed,
			[]string{`weaker deadline : "within 72 hours" (72 h, good) > none`}},
		{"shall notify to may notify", finding("vulnerability-disclosure", analyze.StatusMet, analyze.SeverityMedium, "6.1", "Provider shall notify Customer of vulnerabilities that may affect it."),
			finding("vulnerability-disclosure", analyze.StatusMet, analyze.SeverityMedium, "6.1", "Provider may notify Customer of vulnerabilities that may affect it."), ChangeRegressed,
			[]string{"weaker modality may: shall > may"}},
		{"may to will", finding("log-access", analyze.StatusWeak, analyze.SeverityLow, "9", "Provider may keep logs."),
			finding("log-access", analyze.StatusWeak, analyze.SeverityLow, "9", "Provider will keep logs."), ChangeFixed,
			[]string{"stronger modality will: may > will"}},
		{"weakener added", finding("audit", analyze.StatusWeak, analyze.SeverityMedium, "8", "Customer may audit."),
			with(finding("audit", analyze.StatusWeak, analyze.SeverityMedium, "8", "Customer may audit."), func(f *analyze.Finding) { f.Weakeners = []string{"at Customer's expense"} }), ChangeRegressed,
			[]string{"weaker weakener at Customer's expense:  > "}},
		{"red flag dropped", with(finding("change-notice", analyze.StatusWeak, analyze.SeverityLow, "10", "Notice of changes."), func(f *analyze.Finding) {
			f.RedFlags = []analyze.RedFlagFound{{ID: "unilateral-change", Title: "the vendor may change the terms"}}
		}), finding("change-notice", analyze.StatusWeak, analyze.SeverityLow, "10", "Notice of changes."), ChangeFixed,
			[]string{"stronger red-flag unilateral-change:  > "}},
		{"a unilateral amendment right added", finding("change-notice", analyze.StatusMissing, analyze.SeverityLow, "", ""),
			with(finding("change-notice", analyze.StatusWeak, analyze.SeverityLow, "13(k)", "The Company reserves the right to amend this Agreement at its discretion at any time."), func(f *analyze.Finding) {
				f.Evidence[0].Note = "red flag: the vendor may change the terms or the service without notice to the customer"
				f.RedFlags = []analyze.RedFlagFound{{ID: "change-without-notice", Title: "the vendor may change the terms or the service without notice to the customer", Evidence: f.Evidence[0]}}
			}), ChangeRegressed,
			[]string{"weaker red-flag change-without-notice:  > "}},
		{"clause moved", finding("security-reports", analyze.StatusMet, analyze.SeverityMedium, "4.1", "Provider will provide its SOC 2 report."),
			finding("security-reports", analyze.StatusMet, analyze.SeverityMedium, "7.1", "Provider will provide its  SOC 2 report."), ChangeUnchanged,
			[]string{"moved evidence : §4.1 > §7.1"}},
		{"status fell, details too", notice("within 24 hours", hours(24), analyze.GradeStrong, "awareness"),
			with(notice("within 24 hours", hours(24), analyze.GradeStrong, "awareness"), func(f *analyze.Finding) { f.Status = analyze.StatusWeak; f.Weakeners = []string{"sole discretion"} }), ChangeRegressed,
			[]string{"weaker weakener sole discretion:  > "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Compare(&analyze.Result{Findings: []analyze.Finding{tc.old}}, &analyze.Result{Findings: []analyze.Finding{tc.new}})
			tcg := d.Terms[0]
			var got []string
			for _, dt := range tcg.Details {
				got = append(got, dt.Effect+" "+dt.Kind+" "+dt.Subject+": "+dt.Old+" > "+dt.New)
				if dt.Text == "" {
					t.Errorf("detail without text: %+v", dt)
				}
			}
			if tcg.Change != tc.change || !cmp.Equal(got, tc.want) {
				t.Errorf("change %s, details %q; want %s, %q", tcg.Change, got, tc.change, tc.want)
			}
			// The other way round, a weakening is a strengthening.
			back := Compare(&analyze.Result{Findings: []analyze.Finding{tc.new}}, &analyze.Result{Findings: []analyze.Finding{tc.old}}).Terms[0]
			flip := map[string]string{ChangeRegressed: ChangeFixed, ChangeFixed: ChangeRegressed, ChangeUnchanged: ChangeUnchanged}
			if tc.name != "gain and loss" && back.Change != flip[tc.change] {
				t.Errorf("reversed: change %s, want %s", back.Change, flip[tc.change])
			}
		})
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

func TestSimilarClauses(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Provider shall notify Customer within 24 hours.", "Provider shall notify Customer within 72 hours.", true},
		{"Provider shall impose on each subprocessor data protection obligations.", "Provider remains liable for the acts and omissions of its subprocessors.", false},
		{"", "", true},
	} {
		if got := similar(WordDiff(tc.a, tc.b), tc.a, tc.b); got != tc.want {
			t.Errorf("similar(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

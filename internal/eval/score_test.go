package eval

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ssrm-dev/ssrm/analyze"
)

var update = flag.Bool("update", false, "rewrite the golden files and dpa-split.csv")

// finding builds one finding of a hand-made result.
func finding(rule, status, section, quote string) analyze.Finding {
	f := analyze.Finding{Rule: rule, Status: status}
	if quote != "" {
		f.Evidence = []analyze.Evidence{{Section: section, Text: quote}}
	}
	return f
}

// fakeResults are engine answers written by hand for the fixture, so that
// the scorer is tested apart from the engine.
func fakeResults() *analyzed {
	h48 := 48.0
	breach := finding("breach-notification", analyze.StatusMet, "7.1", "Provider shall notify Customer without undue delay, and in any event within 48 hours.")
	breach.Deadline = &analyze.Deadline{Text: "without undue delay, and in any event within 48 hours", Hours: &h48, Grade: analyze.GradeGood}
	acme := &analyze.Result{Findings: []analyze.Finding{
		breach,
		finding("notification-content", analyze.StatusWeak, "7.2", "The notice shall describe the nature of the Security Incident."),
		finding("incident-cooperation", analyze.StatusMet, "7", "Security Incidents"), // the parent of the labelled 7.3: a miss
		finding("audit-rights", analyze.StatusWeak, "9.2(a)", "Customer may audit Provider once a year."),
		finding("subprocessors", analyze.StatusMissing, "", ""),
		finding("vendor-security", analyze.StatusMet, "4.1", "Provider shall implement and maintain technical and organisational measures."),
		finding("data-location", analyze.StatusMet, "1.1", "This Addendum applies when Provider processes personal data."),
		finding("security-reports", analyze.StatusByReference, "8.1", "Provider's security certifications are described in its Trust Center."),
		finding("regulator-cooperation", analyze.StatusMissing, "", ""),
		finding("customer-responsibilities", analyze.StatusMissing, "", ""),
		finding("vulnerability-disclosure", analyze.StatusMissing, "", ""),
		finding("data-return-exit", analyze.StatusMissing, "", ""),
		finding("change-notice", analyze.StatusContradicted, "", ""),
	}}
	birch := &analyze.Result{Findings: []analyze.Finding{
		finding("customer-responsibilities", analyze.StatusMet, `"Your Account" 1`, "You are responsible for keeping your passwords confidential."),
		finding("vendor-security", analyze.StatusMet, `"Security"`, "We may use commercially reasonable efforts to protect Customer Data."),
		finding("security-reports", analyze.StatusMet, `"AUDIT"`, "we will give Customer a copy of our most recent SOC 2 Type II report."),
		finding("change-notice", analyze.StatusMissing, "", ""),
		finding("data-location", analyze.StatusMet, "", "Customer Data is stored only in the European Union."),
		finding("vulnerability-disclosure", analyze.StatusMet, `"Security"`, "We may fix vulnerabilities."),
		finding("audit-rights", analyze.StatusWeak, `"Audit"`, "once a year"),
		finding("breach-notification", analyze.StatusMissing, "", ""),
		finding("notification-content", analyze.StatusMissing, "", ""),
		finding("incident-cooperation", analyze.StatusMissing, "", ""),
		finding("regulator-cooperation", analyze.StatusMissing, "", ""),
		finding("subprocessors", analyze.StatusMissing, "", ""),
		finding("data-return-exit", analyze.StatusMissing, "", ""),
	}}
	return &analyzed{
		results:    map[string]*analyze.Result{"dpa-acme-2025": acme, "msa-birch-2024": birch},
		unreadable: map[string]string{"sla-dune-2022": "sha256 d1a8d4ab4c37 differs from the manifest's 000000000000: the labels are for other bytes"},
		absent:     []Doc{{ID: "tos-cedar-2023", File: "tos-cedar-2023.pdf", Split: SplitTest, Manifest: "manifest-fixture.csv", Repo: "example/cedar-docs", RepoPath: "legal/terms-of-service.pdf", Commit: "3333333333333333333333333333333333333333"}},
	}
}

func TestScoreFixture(t *testing.T) {
	c := loadFixture(t)
	rep := scoreCorpus(c, fakeResults())
	get := func(split, term string) TermScore {
		s := rep.Split(split)
		if s == nil {
			t.Fatalf("no split %s", split)
		}
		if term == "overall" {
			return s.Overall
		}
		for _, ts := range s.Terms {
			if ts.Term == term {
				return ts
			}
		}
		t.Fatalf("no term %s in split %s", term, split)
		return TermScore{}
	}
	for _, tc := range []struct {
		split, term string
		want        TermScore
	}{
		{SplitDev, "breach_notification", TermScore{Term: "breach_notification", TP: 1, SectionChecked: 1, SectionHit: 1, MetMet: 1, Unreadable: 1}},
		{SplitDev, "notification_content", TermScore{Term: "notification_content", TP: 1, SectionChecked: 1, SectionHit: 1, MetWeak: 1, Unreadable: 1}},
		{SplitDev, "incident_cooperation", TermScore{Term: "incident_cooperation", TP: 1, SectionChecked: 1, MetMet: 1, Unreadable: 1}},
		{SplitDev, "audit_rights", TermScore{Term: "audit_rights", TP: 1, SectionChecked: 1, SectionHit: 1, WeakWeak: 1, Unreadable: 1}},
		{SplitDev, "subprocessors", TermScore{Term: "subprocessors", FN: 1, Unreadable: 1}},
		{SplitDev, "vendor_security", TermScore{Term: "vendor_security", TP: 1, SectionChecked: 1, SectionHit: 1, MetMet: 1, Unreadable: 1}},
		{SplitDev, "data_location", TermScore{Term: "data_location", FP: 1, Unreadable: 1}},
		{SplitDev, "change_notice", TermScore{Term: "change_notice", TN: 1, Unreadable: 1}},
		{SplitTest, "customer_responsibilities", TermScore{Term: "customer_responsibilities", TP: 1, SectionChecked: 1, SectionHit: 1, MetMet: 1, Absent: 1}},
		{SplitTest, "vendor_security", TermScore{Term: "vendor_security", TP: 1, SectionChecked: 1, SectionHit: 1, WeakMet: 1, Absent: 1}},
		{SplitTest, "security_reports", TermScore{Term: "security_reports", TP: 1, SectionChecked: 1, SectionHit: 1, MetMet: 1, Absent: 1}},
		{SplitTest, "data_location", TermScore{Term: "data_location", TP: 1, SectionChecked: 1, MetMet: 1, Absent: 1}},
		{SplitTest, "change_notice", TermScore{Term: "change_notice", FN: 1, Absent: 1}},
		{SplitTest, "audit_rights", TermScore{Term: "audit_rights", FP: 1, Absent: 1}},
		{SplitTest, "vulnerability_disclosure", TermScore{Term: "vulnerability_disclosure", Uncertain: 1, Absent: 1}},
		{SplitAll, "vendor_security", TermScore{Term: "vendor_security", TP: 2, SectionChecked: 2, SectionHit: 2, MetMet: 1, WeakMet: 1, Unreadable: 1, Absent: 1}},
		{SplitDev, "security_reports", TermScore{Term: "security_reports", TN: 1, ByRef: 1, ByRefAgree: 1, Unreadable: 1}},
		{SplitDev, "overall", TermScore{Term: "overall", TP: 5, FP: 1, FN: 1, TN: 6, SectionChecked: 5, SectionHit: 4, MetMet: 3, MetWeak: 1, WeakWeak: 1, ByRef: 1, ByRefAgree: 1, Unreadable: 13}},
	} {
		if diff := cmp.Diff(tc.want, get(tc.split, tc.term)); diff != "" {
			t.Errorf("%s %s (-want +got):\n%s", tc.split, tc.term, diff)
		}
	}
	dev := rep.Split(SplitDev)
	if dev.DeadlinesChecked != 1 || dev.DeadlinesExact != 1 || rep.Split(SplitTest).DeadlinesChecked != 0 {
		t.Errorf("deadlines dev %d/%d, test checked %d", dev.DeadlinesExact, dev.DeadlinesChecked, rep.Split(SplitTest).DeadlinesChecked)
	}
	if n := len(rep.Disagreements()); n != 4 {
		t.Errorf("%d disagreements, want 4 (acme subprocessors, data location; birch change notice, audit rights)", n)
	}
	if n := len(rep.SectionMisses()); n != 2 {
		t.Errorf("%d section misses, want 2 (acme incident cooperation cites 7, birch data location cites nothing)", n)
	}
	if n := len(rep.GradeMisses()); n != 2 {
		t.Errorf("%d grade misses, want 2", n)
	}
	var text, js bytes.Buffer
	if err := rep.Write(&text); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.golden.txt", text.Bytes())
	golden(t, "report.golden.json", js.Bytes())
	var scores bytes.Buffer
	if err := rep.WriteScores(&scores); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(text.String(), scores.String()) {
		t.Errorf("WriteScores is not the head of Write:\n%s", scores.String())
	}
	for _, id := range []string{"dpa-acme-2025", "msa-birch-2024", "sla-dune-2022", "tos-cedar-2023"} {
		if !strings.Contains(text.String(), id) {
			t.Errorf("Write does not name %s", id)
		}
		if strings.Contains(scores.String(), id) {
			t.Errorf("WriteScores names %s: a sealed half's aggregates must name no document", id)
		}
	}
}

// golden compares got with testdata/name (-update rewrites it).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; -update rewrites it):\n%s", path, diff)
	}
}

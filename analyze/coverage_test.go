package analyze

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/templates"
)

// titled builds an agreement whose first line is its title, then one
// clause per sentence (our own invented text).
func titled(path, title string, clauses ...string) *extract.Agreement {
	a := agreement(clauses...)
	a.Path = path
	a.Pages[0].Text = "# " + title + "\n\n" + a.Pages[0].Text
	return a
}

// A DPA of our own: the terms a DPA carries.
var inventedDPA = []string{
	"Processor shall notify Controller of any Personal Data Breach without undue delay and in any event within 48 hours.",
	"Processor shall allow for and contribute to audits, including inspections, conducted by Controller.",
	"Processor shall delete or return all Personal Data at the end of the provision of the services.",
}

// TestDocKindExamples runs the examples of templates/kinds/kinds.yaml: a
// document that is only the example line is of the kind (match) or not
// (no_match).
func TestDocKindExamples(t *testing.T) {
	ks, err := loadKinds()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, k := range ks.Kinds {
		for _, ex := range k.Examples.Match {
			n++
			if got := ks.detect(ex, nil); got.Kind != k.ID {
				t.Errorf("%s: %q read as %s (from %s %q)", k.ID, ex, got.Kind, got.From, got.Cue)
			}
		}
		for _, ex := range k.Examples.NoMatch {
			n++
			if got := ks.detect(ex, nil); got.Kind == k.ID {
				t.Errorf("%s: %q read as %s (from %s %q), want another kind", k.ID, ex, got.Kind, got.From, got.Cue)
			}
		}
		if k.ID != DocOther && (len(k.Examples.Match) == 0 || len(k.Examples.NoMatch) == 0) {
			t.Errorf("%s: every kind needs match and no_match examples", k.ID)
		}
	}
	if n == 0 {
		t.Fatal("no examples")
	}
}

// TestDocKindFromHeadings: a document with no title or preamble naming
// its kind is read from its headings; a general agreement's headings keep
// it general.
func TestDocKindFromHeadings(t *testing.T) {
	ks, err := loadKinds()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		heads []string
		want  string
	}{
		{[]string{"1. Uptime Commitment", "2. Service Credits", "3. Exclusions"}, "sla"},
		{[]string{"Sub-processors", "International transfers", "Data subject requests"}, "dpa"},
		{[]string{"Service Credits", "Uptime", "Fees", "Limitation of Liability", "Governing Law"}, "other"},
		{[]string{"Introduction", "Contact"}, "other"},
	} {
		if got := ks.detect("Welcome to the service, which we provide as described below to all of our customers and users.", c.heads); got.Kind != c.want {
			t.Errorf("headings %v: %s (from %s %q), want %s", c.heads, got.Kind, got.From, got.Cue, c.want)
		}
	}
}

// TestCarriedByKinds: every carried_by names kinds of kinds.yaml.
func TestCarriedByKinds(t *testing.T) {
	rs, err := LoadRules([]string{"gdpr", "hipaa", "dora", "nis2", "pci"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.Rules {
		for _, k := range r.CarriedBy {
			if kindSpec(k) == nil {
				t.Errorf("%s: carried_by %q is no kind of templates/kinds/kinds.yaml", r.ID, k)
			}
		}
	}
	if _, err := templates.Kinds.ReadFile("kinds/kinds.yaml"); err != nil {
		t.Fatal(err)
	}
}

func runDocs(t *testing.T, in Inputs) *Result {
	t.Helper()
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), in, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func finding(res *Result, rule string) *Finding {
	for i := range res.Findings {
		if res.Findings[i].Rule == rule {
			return &res.Findings[i]
		}
	}
	return nil
}

// TestNotCoveredByTheDocumentsSent: a term missing from a vendor whose
// documents are none of the kinds that carry it is not-covered, out of
// the score and the verdict; found, weak or contradicted terms are judged
// as before, and a general agreement (an MSA, terms of service) changes
// nothing.
func TestNotCoveredByTheDocumentsSent(t *testing.T) {
	dpa := func() *extract.Agreement {
		return titled("dpa.md", "Data Processing Addendum", inventedDPA...)
	}
	t.Run("DPA alone", func(t *testing.T) {
		res := runDocs(t, Inputs{Agreements: []*extract.Agreement{dpa()}})
		if k := res.Inputs[0].DocKind; k == nil || k.Kind != DocDPA || k.From != "title" {
			t.Fatalf("document kind %+v, want dpa from the title", k)
		}
		for _, rule := range []string{"service-levels", "hardening-guidance", "responsibility-allocation", "termination-rights", "cyber-insurance", "log-access"} {
			f := finding(res, rule)
			if f.Status != StatusNotCovered || f.UsuallyIn == "" || f.Recommendation == "" {
				t.Errorf("%s: %s (usually in %q), want not-covered with where it usually is", rule, f.Status, f.UsuallyIn)
			}
		}
		for _, rule := range []string{"breach-notification", "audit-rights", "data-return-exit"} {
			if s := finding(res, rule).Status; s != StatusMet && s != StatusWeak {
				t.Errorf("%s: %s, want it judged from the DPA", rule, s)
			}
		}
		// A term a DPA carries stays missing.
		if s := finding(res, "regulator-cooperation").Status; s != StatusMissing {
			t.Errorf("regulator-cooperation: %s, want missing (a DPA carries it)", s)
		}
		if res.Summary.NotCovered == 0 || !strings.Contains(res.Line(), "DPA only: ") || !strings.Contains(res.Line(), "terms not covered by the documents sent") {
			t.Errorf("line %q, summary %+v", res.Line(), res.Summary)
		}
	})
	t.Run("DPA and MSA", func(t *testing.T) {
		msa := titled("msa.md", "Master Services Agreement", "Either party may terminate this Agreement for material breach on 30 days' written notice.")
		res := runDocs(t, Inputs{Agreements: []*extract.Agreement{dpa(), msa}})
		if res.Summary.NotCovered != 0 || strings.Contains(res.Line(), "not covered") {
			t.Errorf("with an MSA: %d not covered (%s)", res.Summary.NotCovered, res.Line())
		}
		if s := finding(res, "service-levels").Status; s != StatusMissing {
			t.Errorf("service-levels with an MSA: %s, want missing", s)
		}
	})
	t.Run("ToS alone", func(t *testing.T) {
		tos := titled("tos.md", "Terms of Service", "We may suspend your account if you breach these Terms.")
		res := runDocs(t, Inputs{Agreements: []*extract.Agreement{tos}})
		if k := res.Inputs[0].DocKind; k == nil || k.Kind != "tos" {
			t.Fatalf("document kind %+v, want tos", k)
		}
		if res.Summary.NotCovered != 0 {
			t.Errorf("terms of service alone: %d not covered", res.Summary.NotCovered)
		}
	})
	t.Run("SLA alone", func(t *testing.T) {
		sla := titled("sla.md", "Service Level Agreement", "Provider will make the Service available 99.9% of each calendar month.")
		res := runDocs(t, Inputs{Agreements: []*extract.Agreement{sla}})
		if s := finding(res, "service-levels").Status; s == StatusNotCovered {
			t.Errorf("service-levels from an SLA: %s", s)
		}
		for _, rule := range []string{"breach-notification", "audit-rights", "regulator-cooperation"} {
			if s := finding(res, rule).Status; s != StatusNotCovered {
				t.Errorf("%s from an SLA alone: %s, want not-covered", rule, s)
			}
		}
		if !strings.Contains(res.Line(), "SLA only: ") {
			t.Errorf("line %q", res.Line())
		}
	})
	t.Run("questionnaire answer keeps today's behaviour", func(t *testing.T) {
		q := &extract.Questionnaire{Path: "q.xlsx", Items: []extract.Item{{ID: "STA-03.1", Question: "Do you provide hardening guidance?", Answer: "Yes", AnswerNormalized: extract.AnswerYes, Ownership: "CSP-owned"}}}
		res := runDocs(t, Inputs{Questionnaire: q, Agreements: []*extract.Agreement{dpa()}})
		f := finding(res, "hardening-guidance")
		if f.Promise != nil && f.Status == StatusNotCovered {
			t.Errorf("hardening-guidance with a questionnaire answer: %s", f.Status)
		}
		if f.Promise == nil {
			t.Logf("no promise read from the invented item (status %s)", f.Status)
		}
	})
	t.Run("no clause: no kind, nothing set apart", func(t *testing.T) {
		res := runDocs(t, Inputs{Agreements: []*extract.Agreement{agreement("Customer shall keep its passwords secret.")}})
		if res.Summary.NotCovered != 0 || slices.ContainsFunc(res.Findings, func(f Finding) bool { return f.Status == StatusNotCovered }) {
			t.Errorf("an agreement of no known kind: %d not covered", res.Summary.NotCovered)
		}
	})
}

// TestCarriedByUnknownKind: a pack naming a kind kinds.yaml does not have
// is refused on load (a typo would set terms apart silently).
func TestCarriedByUnknownKind(t *testing.T) {
	dir := t.TempDir()
	pack := `schema: ssrm.rules/v1
pack: mine
rules:
  - id: my-term
    title: My term
    category: transparency
    domain: SEF
    owner: vendor
    severity: low
    carried_by: [dpa, SLA-typo]
    recommendation: Vendor shall do it.
    signals: [['\bnotify\b']]
`
	p := dir + "/mine.yaml"
	if err := os.WriteFile(p, []byte(pack), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadRules([]string{p}); err == nil || !strings.Contains(err.Error(), "carried_by") {
		t.Errorf("a pack with an unknown kind: %v, want a carried_by error", err)
	}
}

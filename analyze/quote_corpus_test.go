package analyze_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/eval"
)

// A quote a lawyer reads must be the document's words: every finding's
// quote (and every red flag's) is a verbatim part of the text extracted
// from its document, whitespace aside, or verbatim parts joined by " … "
// where text between them was left out (a lead-in and its item, a long
// clause cut short).

const quoteCorpus = "../corpus"

// normQuoteText folds what a quote may differ in without changing a word:
// runs of whitespace, the emphasis markup quotes drop ("**", "__") and
// bullets standing alone ("-", "•") and a table's bars and rule ("|",
// "|---|"), which are layout as a line break is.
func normQuoteText(s string) string {
	s = strings.NewReplacer("**", "", "__", "").Replace(s)
	var out []string
	for _, w := range strings.Fields(s) {
		if strings.Trim(w, "-–—•●▪◦‣·*○■□➢►") != "" && strings.Trim(w, "|-:") != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// quoteParts are the verbatim parts a quote claims to be made of.
func quoteParts(q string) []string {
	var out []string
	for _, p := range strings.Split(q, "…") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// unquoted returns the parts of q that are not in text (both normalised).
func unquoted(text, q string) []string {
	var out []string
	for _, p := range quoteParts(normQuoteText(q)) {
		if !strings.Contains(text, p) {
			out = append(out, p)
		}
	}
	return out
}

// documentText is what a quote may be taken from: the pages as read and
// the clauses as split (a heading joined to its text), normalised.
func documentText(a *extract.Agreement) string {
	var b strings.Builder
	for _, p := range a.Pages {
		b.WriteString(p.Text)
		b.WriteString("\n")
	}
	for _, c := range a.Clauses {
		b.WriteString("\n")
		b.WriteString(c.Heading)
		b.WriteString("\n")
		b.WriteString(c.Text)
	}
	return normQuoteText(b.String())
}

func TestQuotePartsRule(t *testing.T) {
	text := normQuoteText("9.6 Vendor shall notify Customer of a Security Breach. Such notice shall describe the breach.\n9.6.1 Vendor shall cooperate with Customer.")
	for _, tc := range []struct {
		quote string
		ok    bool
	}{
		{"Vendor shall notify Customer of a Security Breach. Such notice shall describe the breach.", true},
		{"Vendor shall notify Customer of a Security Breach. … Vendor shall cooperate with Customer.", true},
		{"Vendor shall notify Customer of a Security Breach. Vendor shall cooperate with Customer.", false},  // stitched without "…"
		{"Vendor shall notify Customer of a Security Breach, such notice shall describe the breach.", false}, // not verbatim
		{"Vendor shall notify Customer of a Security …", true},
	} {
		if got := len(unquoted(text, tc.quote)) == 0; got != tc.ok {
			t.Errorf("%q: verbatim %v, want %v", tc.quote, got, tc.ok)
		}
	}
}

// TestQuotesVerbatimDevCorpus checks every quote over the dev documents of
// the corpus that are present.
func TestQuotesVerbatimDevCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the dev corpus")
	}
	docs := os.Getenv("SSRM_CORPUS_DOCS")
	if docs == "" {
		docs = filepath.Join(quoteCorpus, "fetched")
	}
	all, err := eval.LoadCorpus(quoteCorpus, docs)
	if err != nil {
		t.Skipf("development corpus: %v", err)
	}
	c, err := all.Select(eval.SplitDev)
	if err != nil {
		t.Fatal(err)
	}
	absent := map[string]bool{}
	for _, id := range c.Absent() {
		absent[id.ID] = true
	}
	if len(absent) == len(c.Docs) {
		t.Skipf("no dev document in %s: fetch them as the corpus manifests say (repo, path, commit), or set SSRM_CORPUS_DOCS", docs)
	}
	rs, err := analyze.LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	quotes := 0
	for _, d := range c.Docs {
		if absent[d.ID] {
			continue
		}
		doc, err := extract.Open(filepath.Join(c.DocsDir, d.File), extract.Options{})
		if err != nil || doc.Agreement == nil {
			continue
		}
		res, err := analyze.Run(context.Background(), analyze.Inputs{Agreements: []*extract.Agreement{doc.Agreement}}, rs, analyze.Options{})
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		text := documentText(doc.Agreement)
		check := func(f *analyze.Finding, what string, e analyze.Evidence) {
			if e.Text == "" || e.Sheet != nil {
				return
			}
			quotes++
			if miss := unquoted(text, e.Text); len(miss) > 0 {
				bad = append(bad, fmt.Sprintf("%s %s %s §%s: %q not in the document, which reads %q (quote %q)", d.ID, f.Rule, what, e.Section, clipQ(miss[0], 160), nearText(text, miss[0]), e.Text))
			}
		}
		for i := range res.Findings {
			f := &res.Findings[i]
			for _, e := range f.Evidence {
				check(f, "evidence", e)
			}
			for _, r := range f.RedFlags {
				check(f, "red flag "+r.ID, r.Evidence)
			}
		}
	}
	sort.Strings(bad)
	t.Logf("%d quotes checked over %d present dev documents", quotes, len(c.Docs)-len(absent))
	for _, b := range bad {
		t.Error(b)
	}
}

// nearText shows where the document parts from a quote's part: the
// longest start of the part found in the text, and what follows it there.
func nearText(text, part string) string {
	lo, hi := 0, len(part)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if strings.Contains(text, part[:mid]) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return "(nothing of it)"
	}
	i := strings.Index(text, part[:lo])
	from := max(i+lo-60, i)
	return clipQ(text[from:], 140)
}

func clipQ(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

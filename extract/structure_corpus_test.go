package extract_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/eval"
)

// The structure measurement: a finding can cite the clause a lawyer would
// cite only if the document's clause tree has that clause. For every
// section labelled for a yes term, the extraction must hold a clause whose
// ID is that section or a sub-clause of it, compared as ssrm eval compares
// citations (eval.SectionUnder).

const (
	// devCorpus is the repository's development corpus (corpus/README.md);
	// its documents are read from SSRM_CORPUS_DOCS, else corpus/fetched.
	devCorpus = "../corpus"
	// sharedCorpus is the team's labelled agreements beside the repository.
	sharedCorpus = "../../shared/corpus/agreements"
)

// structureFloors are the rates reached; a change that loses a labelled
// section fails here and names it.
var structureFloors = map[string]float64{
	"dev":    0.98, // measured 900 of 915 = 0.9836 over the 166 dev documents of corpus-a..u (2026-12-07, stop 31: corpus-u's 48 sections all found); 852 of 867 = 0.9827 (2026-12-07, cite23: a lettered item written with its clause's dotted number, "8.8.f", "8.8(f)", "8.8 f)", is item f under 8.8, +6); before: 846 of 867 = 0.9758 (2026-12-07, stop 30: corpus-s and corpus-t's 12 new blind-labelled dev documents add 8 misses of kinds not handled yet, a memorandum's dotted lettered items "8.8.f" read into their clause 8.8, 6, and a PDF's 4.9 and 4.13 under a section whose items read as 4(1), 4(2), 2; the 753 sections of before are found as before); before: 740 of 753 = 0.9827 (2026-12-06, struct21: a bold "**Clause 8**" line of an SCC annex in Markdown holds its paragraphs 8.1, 8.6(c), +4; the clauses' long all-caps "ANNEX II - TECHNICAL AND ORGANISATIONAL MEASURES ..." heading is that annex now, but top-level "Annex II" where the label nests it, "Annex 1 Annex II"); before: 736 of 753 = 0.9774 over the 142 dev documents of corpus-a..q (2026-12-06, stop 28: corpus-q's 6 new blind-labelled dev documents add 5 misses of one kind not handled yet, an SCC annex in Markdown whose numbered paragraphs "8.1 Instructions (a) ..." under a bold "**Clause 8**" line are read into clause 8, and pdfmargin20 finds a Markdown bullet's bold lettered title "F. Customer's Responsibilities" with its list F.1, F.2, +2); before: measured 700 of 714 = 0.9804 over the 136 dev documents of corpus-a..p (2026-12-06, tables19: the blind batches corpus-n..p brought 17 misses of kinds not handled then; tables19 finds a browser-printed PDF's Title Case headings set apart by space and keeps its list markers with their items, 2; left: a security page's unnumbered headings, 7, a ToS's numbered sections read inline, 4, a lettered appendix, 2, a run-in "Amendments."); before: measured 616 of 624 = 0.9872 (2026-12-06, structure17: a preamble cited by the document's title heading, 4 sections, and an appendix named in quotes, APPENDIX "A", are found; left: a one-page poster PDF whose text layer puts its tiles' headings apart from their text, 7, and a run-in "Amendments." in the body's type); before: 611 of 624 = 0.9792 over the 115 dev documents of corpus-a..m (2026-12-06, structure14: a reStructuredText definition-list term, a DOCX whose Word numbers skip (15, 17, 20), a section numbered "0" and a lettered item left inline are clauses now); it was 606 of 624 = 0.9712: corpus-m's 7 new blind-labelled dev documents add 4 misses of kinds not handled yet (a section 16.13 read under 16, an appendix's 1(c), a security page's and an SLA's unnumbered headings); before: 578 of 592 = 0.9764 over the 108 dev documents of corpus-a..l (2026-12-06); corpus-l's 7 new blind-labelled dev documents add 4 misses of kinds not handled yet (a reStructuredText definition-list heading, a DOCX whose automatic list numbers run past 15, a preamble cited as "0"); it was 514 of 524 = 0.9809 over the 94 of corpus-a..j
	"shared": 0.93,
}

// orphanCeilings are the lead-ins without their list counted today (the
// dev ones are a form's blank, an opening sentence and two inline lists
// whose items are numbered like their neighbours').
var orphanCeilings = map[string]int{"dev": 25, "shared": 6} // dev: measured 25 over the 184 dev documents of corpus-a..x (2026-12-07, stop 37: corpus-x's blind-labelled dev half adds a BAA's opening "... is entered into between:" whose parties follow as bold label lines, the kind of stop 35's; the dev sections 1006 of 1023, its one new miss a ToS's 8.3 after unnumbered headings skip 5-7); 24 over the 178 dev documents of corpus-a..w (2026-12-07, stop 35: corpus-w's blind-labelled dev half adds a DPA's opening "This Data Processing Agreement ... forms part of the agreement between:" whose parties follow as a list); 23 over the 166 dev documents of corpus-a..u (2026-12-07, stop 31: corpus-u's blind-labelled dev half adds a DPA's cover line "THIS DPA INCLUDES:" and an exhibit's "attached:", both of one PDF; its 48 labelled sections are all found, dev 894 of 915); 21 over the 160 dev documents of corpus-a..t (2026-12-07, stop 30: corpus-s adds an agreement's opening "This Master Services Agreement ... is entered into" lead-in, corpus-t a definitions list item "(ii) the Data Protection Act 2018 ..." whose own items follow); 19 over the 142 dev documents of corpus-a..q (2026-12-06, stop 28: corpus-q adds a signature block's "PROCESSOR:" and a contact line's "For DPA-related inquiries:" with their text in a table); 17 over the 136 dev documents of corpus-a..p (2026-12-06, tables19: main measured 19 once corpus-n..p were added; a browser-printed PDF's bulleted lists keep their markers and lead-ins now); 16 over the 115 dev documents of corpus-a..m (corpus-m adds an item lead-in "terminate ... if:"); 15 over the 101 dev documents of corpus-a..k (14 over the 94 of corpus-a..j)

// structureSection is one labelled section of one document.
type structureSection struct {
	doc, section string
	terms        []string
}

// labelledSections lists the distinct sections labelled for yes terms, per
// document, in label order.
func labelledSections(labels []eval.Label) map[string][]*structureSection {
	out := map[string][]*structureSection{}
	for _, l := range labels {
		if l.Label != "yes" {
			continue
		}
		for _, sec := range l.Sections {
			var found *structureSection
			for _, s := range out[l.Document] {
				if s.section == sec {
					found = s
				}
			}
			if found == nil {
				found = &structureSection{doc: l.Document, section: sec}
				out[l.Document] = append(out[l.Document], found)
			}
			found.terms = append(found.terms, l.Term)
		}
	}
	return out
}

// structureResult is the measurement of one corpus.
type structureResult struct {
	sections, found int
	misses          []string
	absent          []string
	orphans         []string // lead-ins whose list went elsewhere (see orphanLeadIns)
}

func (r structureResult) rate() float64 {
	if r.sections == 0 {
		return 0
	}
	return float64(r.found) / float64(r.sections)
}

// measureStructure extracts each document of c (from dir) and checks its
// labelled sections. Documents whose bytes differ from the manifest's
// digest are reported as absent: their labels are for other bytes.
func measureStructure(t *testing.T, c *eval.Corpus) structureResult {
	t.Helper()
	var r structureResult
	bySection := labelledSections(c.Labels)
	for _, d := range c.Docs {
		secs := bySection[d.ID]
		if len(secs) == 0 {
			continue
		}
		path := filepath.Join(c.DocsDir, d.File)
		b, err := os.ReadFile(path)
		if err != nil {
			r.absent = append(r.absent, d.ID)
			continue
		}
		if d.SHA256 != "" {
			sum := sha256.Sum256(b)
			if hex.EncodeToString(sum[:]) != d.SHA256 {
				r.absent = append(r.absent, d.ID+" (sha256 differs from "+d.Manifest+")")
				continue
			}
		}
		doc, err := extract.Open(path, extract.Options{})
		if err != nil || doc.Agreement == nil {
			for _, s := range secs {
				r.sections++
				r.misses = append(r.misses, fmt.Sprintf("%s %s: not read (%v)", d.ID, s.section, err))
			}
			continue
		}
		ids := make([]string, 0, len(doc.Agreement.Clauses))
		title := ""
		for _, cl := range doc.Agreement.Clauses {
			ids = append(ids, cl.ID)
			if cl.ID == "preamble" {
				title = cl.Heading
			}
		}
		for _, o := range orphanLeadIns(doc.Agreement.Clauses) {
			r.orphans = append(r.orphans, d.ID+" "+o)
		}
		for _, s := range secs {
			r.sections++
			if hasClauseUnder(ids, s.section) || eval.PreambleTitled("preamble", title, []string{s.section}) {
				r.found++
				continue
			}
			r.misses = append(r.misses, fmt.Sprintf("%s %s (%s): near %s", d.ID, s.section,
				strings.Join(s.terms, ","), strings.Join(nearIDs(ids, s.section), " | ")))
		}
	}
	sort.Strings(r.misses)
	return r
}

func hasClauseUnder(ids []string, section string) bool {
	for _, id := range ids {
		if eval.SectionUnder(id, section) {
			return true
		}
	}
	return false
}

// nearIDs are clause IDs that may be what the label meant: those that
// start like it (the same first number or heading word) or hold a word of
// its heading, at most eight.
func nearIDs(ids []string, section string) []string {
	key := strings.ToLower(strings.Trim(strings.Fields(section + " x")[0], `"§`))
	if k := strings.IndexAny(key, ".("); k > 0 {
		key = key[:k]
	}
	var out []string
	for _, id := range ids {
		lid := strings.ToLower(strings.Trim(id, `"`))
		if strings.HasPrefix(lid, key) || strings.Contains(strings.ToLower(id), `"`+key) {
			out = append(out, id)
			if len(out) == 8 {
				break
			}
		}
	}
	return out
}

func reportStructure(t *testing.T, name string, r structureResult) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d of %d labelled sections have their clause (%.3f)\n", name, r.found, r.sections, r.rate())
	for _, m := range r.misses {
		fmt.Fprintf(&b, "  miss %s\n", m)
	}
	for _, a := range r.absent {
		fmt.Fprintf(&b, "  absent %s\n", a)
	}
	fmt.Fprintf(&b, "%s: %d lead-ins without their list\n", name, len(r.orphans))
	for _, o := range r.orphans {
		fmt.Fprintf(&b, "  lead-in %s\n", clip(o, 140))
	}
	t.Log("\n" + b.String())
	if floor := structureFloors[name]; r.rate() < floor {
		t.Errorf("%s: structure rate %.3f is below the floor %.3f", name, r.rate(), floor)
	}
	if most, ok := orphanCeilings[name]; ok && len(r.orphans) > most {
		t.Errorf("%s: %d lead-ins without their list, at most %d before", name, len(r.orphans), most)
	}
}

// TestStructureDevCorpus measures the clause structure on the dev split of
// the repository's corpus. Only dev documents are opened: the test split is
// what the team reports on.
func TestStructureDevCorpus(t *testing.T) {
	docs := os.Getenv("SSRM_CORPUS_DOCS")
	if docs == "" {
		docs = filepath.Join(devCorpus, "fetched")
	}
	all, err := eval.LoadCorpus(devCorpus, docs)
	if err != nil {
		t.Skipf("development corpus: %v", err)
	}
	c, err := all.Select(eval.SplitDev)
	if err != nil {
		t.Fatal(err)
	}
	if absent := c.Absent(); len(absent) == len(c.Docs) {
		manifests, _ := filepath.Glob(filepath.Join(devCorpus, "manifest*.csv"))
		for i := range manifests {
			manifests[i] = filepath.Base(manifests[i])
		}
		t.Skipf("no dev document in %s: fetch them as %s say (repo, path, commit), or set SSRM_CORPUS_DOCS",
			docs, strings.Join(manifests, ", "))
	}
	reportStructure(t, "dev", measureStructure(t, c))
}

// TestStructureSharedCorpus measures the clause structure on the shared
// corpus of labelled agreements (sections parsed from its evidence).
func TestStructureSharedCorpus(t *testing.T) {
	c, err := eval.LoadCorpus(sharedCorpus, "")
	if err != nil {
		t.Skipf("shared corpus: %v", err)
	}
	if absent := c.Absent(); len(absent) == len(c.Docs) {
		t.Skipf("no document of %s is present", sharedCorpus)
	}
	reportStructure(t, "shared", measureStructure(t, c))
}

// orphanLeadIns lists the clauses whose own text (without their
// sub-clauses) ends with a list's lead-in ("Business Associate agrees
// to:") while they have no sub-clause: the list that follows was placed
// under another clause, and its items lose the sentence that says who
// does what.
//
// Two formulas end a clause with a colon and introduce no list: the
// recitals' "the parties agree as follows:" / "IT IS AGREED AS FOLLOWS:"
// opens the body, and the testimonium "... have duly executed this
// Agreement:" the signatures.
var agreeRe = regexp.MustCompile(`(?i)(\bagree[sd]?\s+as\s+follows|\b(have|has)\s+(duly\s+)?executed\s+this\s+\w+):$`)

func orphanLeadIns(cs []extract.Clause) []string {
	kids := map[string][]string{}
	for _, c := range cs {
		if c.Parent != "" {
			kids[c.Parent] = append(kids[c.Parent], c.Text)
		}
	}
	var out []string
	for i, c := range cs {
		own := c.Text
		for _, k := range kids[c.ID] {
			if j := strings.Index(own, k); j >= 0 && k != "" {
				own = own[:j] + own[j+len(k):]
			}
		}
		own = strings.TrimSpace(own)
		if len(kids[c.ID]) > 0 || !strings.HasSuffix(own, ":") {
			continue
		}
		// A lead-in at the very end of the document, or before a table,
		// has nothing to lose.
		if i+1 >= len(cs) {
			continue
		}
		last := own
		if k := strings.LastIndexAny(own[:len(own)-1], ".\n"); k >= 0 {
			last = own[k+1:]
		}
		if agreeRe.MatchString(last) {
			continue // the body's or the signatures' formula, not a list's lead-in
		}
		out = append(out, c.ID+": "+strings.TrimSpace(last))
	}
	return out
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

package extract

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// labelCorpus is the agreements corpus beside the repository.
const labelCorpus = "../../shared/corpus/agreements"

// labelRefErrors are references in labels/terms-ground-truth.csv that the
// document itself does not carry, with the reason; they are reported, not
// failed.
var labelRefErrors = map[string]map[string]string{
	"dpa-commonpaper-v1.1.docx": {
		"4.1":    "section 4 (Security Incident Response) is one unnumbered paragraph; its inline items are 4(a)-(c)",
		"4.1(b)": "see 4.1: the document's item is 4(b)",
		"4.1(c)": "see 4.1: the document's item is 4(c)",
	},
}

var (
	// A section number as the labels write it: 12.4, 8(b), 4.F, B.3, 21.8.C, 9(c)(iii).
	refNum = `[0-9A-Z][0-9A-Za-z]*(?:\.[0-9A-Za-z]+)*(?:\([0-9A-Za-z]{1,5}\))*`
	// An optional range end: –G, -(v), –6.7, –§4, –10.
	refRange = `(?:\s*[–-]\s*§?\s*(?:(?:\([0-9A-Za-z]{1,5}\))+|[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*(?:\([0-9A-Za-z]{1,5}\))*))?`
	refRe    = regexp.MustCompile(`(?:(Exh\.\s+([A-Z0-9]{1,3})\s+)?(§|Cl\.\s*|Sec\.\s*|Section\s+)(` + refNum + `)(` + refRange + `))|Exh\.\s+([A-Z0-9]{1,3})\b`)
)

// labelRefs parses the section references of an evidence note into clause
// IDs in the splitter's form: "§4.F–G" gives "4(F)" and "4(G)", "Exh. D §3.1"
// gives "Exhibit D 3.1", "Cl. 8(b)" gives "8(b)". A reference followed by
// "not included" (an attachment the file lacks) is left out.
func labelRefs(evidence string) []string {
	var out []string
	lastEnd, lastExh := -1, ""
	for _, g := range refRe.FindAllStringSubmatchIndex(evidence, -1) {
		tail := evidence[g[1]:min(len(evidence), g[1]+80)]
		if k := strings.IndexAny(tail, "§;"); k >= 0 {
			tail = tail[:k]
		}
		if k := strings.Index(tail, "Exh."); k >= 0 {
			tail = tail[:k]
		}
		if strings.Contains(tail, "not included") {
			continue
		}
		sub := func(k int) string {
			if g[2*k] < 0 {
				return ""
			}
			return evidence[g[2*k]:g[2*k+1]]
		}
		if ex := sub(6); ex != "" {
			out = append(out, "Exhibit "+ex)
			lastEnd, lastExh = -1, ""
			continue
		}
		prefix := ""
		if ex := sub(2); ex != "" {
			prefix = "Exhibit " + ex + " "
		} else if lastExh != "" && lastEnd >= 0 && (evidence[lastEnd:g[0]] == ", " || evidence[lastEnd:g[0]] == " and ") {
			// "Exh. D §2.1, §10.5": both in Exhibit D.
			prefix = lastExh
		}
		lastEnd, lastExh = g[1], prefix
		first := sub(4)
		ids := []string{first}
		if r := strings.TrimSpace(sub(5)); r != "" {
			r = strings.TrimSpace(strings.TrimLeft(r, "–- "))
			r = strings.TrimSpace(strings.TrimPrefix(r, "§"))
			ids = append(ids, rangeEnd(first, r))
		}
		for _, id := range ids {
			out = append(out, prefix+citeToID(id))
		}
	}
	return out
}

// rangeEnd completes the end of a range from its start: ("4.F", "G") is
// "4.G", ("3.3(iv)", "(v)") is "3.3(v)", ("6.6", "6.7") and ("9", "10") stay.
func rangeEnd(start, end string) string {
	if strings.HasPrefix(end, "(") {
		n := strings.Count(end, "(")
		s := start
		for i := 0; i < n; i++ {
			if k := strings.LastIndex(s, "("); k >= 0 {
				s = s[:k]
			}
		}
		return s + end
	}
	if strings.ContainsAny(end, ".(") || !strings.Contains(start, ".") {
		return end
	}
	return start[:strings.LastIndex(start, ".")+1] + end
}

var citeLetterRe = regexp.MustCompile(`^(\d+(?:\.\d+)*)\.([A-Z]|[a-z])((?:\(.*)?)$`)

// citeToID turns a citation into the splitter's ID form: a letter after a
// number is a sub-clause in parentheses ("21.8.C" is "21.8(C)"); numbers
// under a letter keep the dot ("B.3").
func citeToID(s string) string {
	if g := citeLetterRe.FindStringSubmatch(s); g != nil {
		return g[1] + "(" + g[2] + ")" + g[3]
	}
	return s
}

func TestLabelRefs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"yes §12.4", []string{"12.4"}},
		{`yes Cl. 8(b) ("without undue delay")`, []string{"8(b)"}},
		{"yes §4.F–G (BNL alone chooses), §4.D–E (BNL accepts)", []string{"4(F)", "4(G)", "4(D)", "4(E)"}},
		{"yes §B.3 (credentials), §B.2, §E.1", []string{"B.3", "B.2", "E.1"}},
		{"yes §21.8.C (annual review)", []string{"21.8(C)"}},
		{"yes Exh. D §3.1 (no password sharing)", []string{"Exhibit D 3.1"}},
		{"yes §9 (records); Exh. A §9–10 (books)", []string{"9", "Exhibit A 9", "Exhibit A 10"}},
		{"yes §12 (approval); conflicts with Exh. D §2.1, §10.5", []string{"12", "Exhibit D 2.1", "Exhibit D 10.5"}},
		{"yes §9(c)(iii) (customer-side)", []string{"9(c)(iii)"}},
		{"? §3.3(iv)-(v) (proactive bug notification)", []string{"3.3(iv)", "3.3(v)"}},
		{"yes §1–§4", []string{"1", "4"}},
		{"? §6.6–6.7 (Reg AB)", []string{"6.6", "6.7"}},
		{"yes Cl. 4(b)–(c) (on-site)", []string{"4(b)", "4(c)"}},
		{"yes §5.3(b) (implements; the referenced attachment §8.0 is not included)", []string{"5.3(b)"}},
		{`no (Exh. C "critical incident" = support ticket)`, []string{"Exhibit C"}},
		{`? §3.10(e) (Exh. A "Custodian's Security Requirements" referenced but not included)`, []string{"3.10(e)"}},
		{"yes §17.5 \"Security\", §20 (DR)", []string{"17.5", "20"}},
		{"no", nil},
	}
	for _, tt := range tests {
		if got := labelRefs(tt.in); !cmp.Equal(got, tt.want) {
			t.Errorf("labelRefs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLabelSectionsExist checks that every section the labels cite is a
// clause ID of the document's extraction. Documents that cannot be read
// yet (PDFs the text layer does not handle) are listed and skipped.
func TestLabelSectionsExist(t *testing.T) {
	f, err := os.Open(filepath.Join(labelCorpus, "labels", "terms-ground-truth.csv"))
	if err != nil {
		t.Skipf("corpus labels not found: %v", err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	refs := map[string][]string{}
	var docs []string
	for _, r := range rows[1:] {
		if len(r) < 4 {
			continue
		}
		if _, ok := refs[r[0]]; !ok {
			docs = append(docs, r[0])
			refs[r[0]] = nil
		}
		for _, id := range labelRefs(r[3]) {
			if !contains(refs[r[0]], id) {
				refs[r[0]] = append(refs[r[0]], id)
			}
		}
	}
	sort.Strings(docs)
	var table strings.Builder
	fmt.Fprintf(&table, "%-42s %5s %5s %7s  %s\n", "document", "refs", "found", "missing", "missing ids / status")
	for _, doc := range docs {
		want := refs[doc]
		d, err := Open(filepath.Join(labelCorpus, doc), Options{})
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("%s: error is not an *InputError: %v", doc, err)
			}
			fmt.Fprintf(&table, "%-42s %5d %5s %7s  not readable yet: %v\n", doc, len(want), "-", "-", clipLine(err.Error(), 90))
			continue
		}
		if d.Agreement == nil {
			t.Errorf("%s: not read as an agreement", doc)
			continue
		}
		ids := map[string]bool{}
		for _, c := range d.Agreement.Clauses {
			ids[c.ID] = true
		}
		var missing, known []string
		for _, id := range want {
			if ids[id] {
				continue
			}
			if why, ok := labelRefErrors[doc][id]; ok {
				known = append(known, id+" (label: "+why+")")
				continue
			}
			missing = append(missing, id)
		}
		status := strings.Join(missing, ", ")
		if len(known) > 0 {
			status = strings.TrimPrefix(status+"; ", "; ") + "not in the document: " + strings.Join(known, "; ")
		}
		fmt.Fprintf(&table, "%-42s %5d %5d %7d  %s\n", doc, len(want), len(want)-len(missing)-len(known), len(missing), status)
		if len(missing) > 0 && strings.HasSuffix(doc, ".pdf") {
			// The PDF text layer is being rewritten: a readable PDF whose
			// text is still incomplete is reported, not failed.
			t.Logf("%s: cited sections missing (PDF text layer): %v", doc, missing)
			continue
		}
		for _, id := range missing {
			t.Errorf("%s: cited section %q is not a clause id", doc, id)
		}
	}
	t.Logf("label sections per document:\n%s", table.String())
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func clipLine(s string, n int) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > n {
		s = s[:n] + "..."
	}
	return s
}

// TestCommonPaperDOCXMarkdownSameIDs: the Cloud Service Agreement standard
// terms read from Common Paper's Markdown and from its Word document (which
// also holds the Order Form and Key Terms cover pages before the terms, and
// the SLA standard terms after them under the heading "Service Level
// Agreement", whose restarted numbers it prefixes)
// give the same clause IDs.
func TestCommonPaperDOCXMarkdownSameIDs(t *testing.T) {
	md, err := Open(filepath.Join(labelCorpus, "csa-commonpaper.md"), Options{})
	if err != nil {
		t.Skipf("corpus: %v", err)
	}
	dx, err := Open(filepath.Join(labelCorpus, "csa-commonpaper-sla-v2.1.docx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if dx.Agreement.Format != "docx" || md.Agreement.Format != "md" {
		t.Fatalf("formats %q %q", dx.Agreement.Format, md.Agreement.Format)
	}
	terms := func(cs []Clause) (ids []string, rest []string) {
		for _, c := range cs {
			switch {
			case c.ID == "preamble":
			case c.ID == `"Service Level Agreement"` || strings.HasPrefix(c.ID, `"Service Level Agreement" `):
				rest = append(rest, c.ID)
			default:
				ids = append(ids, c.ID)
			}
		}
		return ids, rest
	}
	mdIDs, mdRest := terms(md.Agreement.Clauses)
	dxIDs, dxRest := terms(dx.Agreement.Clauses)
	if len(mdIDs) < 100 {
		t.Fatalf("only %d clauses from the Markdown", len(mdIDs))
	}
	if diff := cmp.Diff(mdIDs, dxIDs); diff != "" {
		t.Errorf("standard terms clause ids differ (-md +docx):\n%s", diff)
	}
	if len(mdRest) != 0 || len(dxRest) < 10 {
		t.Errorf("SLA part: md %v, docx %v", mdRest, dxRest)
	}
	// Section headings agree too (deeper Markdown items carry bold lead-ins
	// that the Word file does not mark).
	mh, dh := map[string]string{}, map[string]string{}
	for _, c := range md.Agreement.Clauses {
		mh[c.ID] = c.Heading
	}
	for _, c := range dx.Agreement.Clauses {
		dh[c.ID] = c.Heading
	}
	for _, id := range mdIDs {
		if strings.ContainsAny(id, ".(") {
			continue
		}
		if mh[id] != dh[id] {
			t.Errorf("clause %s heading: md %q, docx %q", id, mh[id], dh[id])
		}
	}
}

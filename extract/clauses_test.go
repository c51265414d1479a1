package extract

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// clauseIDs lists the IDs (with parents, as "id<parent") of a split.
func clauseIDs(cs []Clause) []string {
	var out []string
	for _, c := range cs {
		s := c.ID
		if c.Parent != "" {
			s += "<" + c.Parent
		}
		out = append(out, s)
	}
	return out
}

func TestSplitClausesStyles(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"numbered sections", "Intro text.\n1. PURPOSE\nText.\n2. SCOPE\nMore.\n3. TERM\nEnd.", true,
			[]string{"preamble", "1", "2", "3"}},
		{"dotted", "1. Definitions\n1.1 Terms\nx\n1.2 More\ny\n1.2.1 Deep\nz\n1.2.2 Deeper\n2. Other\n2.1 First\n", true,
			[]string{"1", "1.1<1", "1.2<1", "1.2.1<1.2", "1.2.2<1.2", "2", "2.1<2"}},
		{"dotted without top headings", "1.1 Scope\na\n1.2 Term\nb\n2.1 Fees\nc\n2.2 Taxes\n", true,
			[]string{"1.1", "1.2", "2.1", "2.2"}},
		{"number with letter", "1. Scope\nText\n2. Security\nText\n2(a) Vendor shall encrypt.\n2(b) Vendor shall log.\n3. Audit\n", true,
			[]string{"1", "2", "2(a)<2", "2(b)<2", "3"}},
		{"paren letters and romans", "1. Security\n(a) encryption;\n(b) access control:\n(i) MFA;\n(ii) reviews;\n(iii) logs;\n(c) backups.\n2. Next\n", true,
			[]string{"1", "1(a)<1", "1(b)<1", "1(b)(i)<1(b)", "1(b)(ii)<1(b)", "1(b)(iii)<1(b)", "1(c)<1", "2"}},
		{"letter i after h", "1. List\n(a) a\n(b) b\n(c) c\n(d) d\n(e) e\n(f) f\n(g) g\n(h) h\n(i) i\n(j) j\n", true,
			[]string{"1", "1(a)<1", "1(b)<1", "1(c)<1", "1(d)<1", "1(e)<1", "1(f)<1", "1(g)<1", "1(h)<1", "1(i)<1", "1(j)<1"}},
		{"clause section article", "Clause 1 Scope\na\nClause 2 Fees\nb\n", true, []string{"1", "2"}},
		{"section dotted", "Section 12 Notices\na\nSection 12.4 Addresses\nb\nSection 12.5 Email\n", true,
			[]string{"12", "12.4<12", "12.5<12"}},
		{"article numbers may start late", "Article 28\nProcessor\nArticle 29\nProcessing under authority\nArticle 32\nSecurity\n", true,
			[]string{"28", "29", "32"}},
		{"article roman", "ARTICLE I DEFINITIONS\na\nARTICLE II SERVICES\nb\nARTICLE III FEES\nc\nARTICLE IV TERM\n", true,
			[]string{"I", "II", "III", "IV"}},
		{"lettered sections", "A. Definitions\na\nB. Account Terms\nb\nC. Payment\n", true, []string{"A", "B", "C"}},
		{"letters under number", "1. SERVICES\nA. It has reviewed\nB. It will pay\n2. TERM\n", true,
			[]string{"1", "1(A)<1", "1(B)<1", "2"}},
		{"markdown headings dotted", "## 1 Service\ntext\n## 1.1 Access\n## 1.2 Support\n## 1.3 Account Security\ntext\n## 2 Fees\n", false,
			[]string{"1", "1.1<1", "1.2<1", "1.3<1", "2"}},
		{"markdown lettered with numbers", "## A. Definitions\ntext\n## B. Account Terms\n### 1. Account Controls.\nx\n### 2. Requirements\ny\n### 3. Account Security\nz\n## C. Compliance\n### 1. Laws\n", false,
			[]string{"A", "B", "B.1<B", "B.2<B", "B.3<B", "C", "C.1<C"}},
		{"markdown bold numbers", "**1.1 Scope.** text\n**1.2 Term.** text\n**1.3 Account Security.** text\n", false,
			[]string{"1.1", "1.2", "1.3"}},
		{"markdown nested lists", "1. Service\n    1. **Access.** text\n    2. Support. text\n        a. detail\n        b. detail\n2. Fees\n    1. Invoices. text\n", false,
			[]string{"1", "1.1<1", "1.2<1", "1.2(a)<1.2", "1.2(b)<1.2", "2", "2.1<2"}},
		{"markdown bullet holding a bold lettered title", "# Locker Terms\n\nintro\n\n* **A. Lockers**\n\n    1. Harbourline keeps the lockers dry.\n\n    1. Harbourline repairs broken doors.\n\n* **B. Member Duties**\n\n    1. Members lock their lockers.\n", false,
			[]string{"preamble", "A", "A.1<A", "A.2<A", "B", "B.1<B"}},
		{"bare number title", "1 DEFINITIONS\na\n2 SERVICES\nb\n3 Fees and Payment\nc\n", true, []string{"1", "2", "3"}},
		{"marker alone on its line", "1.\nPURCHASE OF EQUIPMENT\ntext\n2.\nSERVICES\n", true, []string{"1", "2"}},
		{"unnumbered markdown splits on headings under its title", "# Terms\nintro\n## Security\nx\n## Privacy\ny\n", false,
			[]string{"preamble", `"Security"`, `"Privacy"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: tt.text}}, tt.paginated))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSplitClausesTraps(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"count in running text", "1. NOTICE\nVendor will send notice within 30 days.\n2 copies go to the officer.\n2. TERM\n", []string{"1", "2"}},
		{"wrapped hours", "1. INCIDENTS\nVendor will notify Customer within\n72 hours of discovery.\n2. AUDIT\n", []string{"1", "2"}},
		{"wrapped hours capital", "1. INCIDENTS\nVendor will notify Customer within the\n72 Hours Window described in the Service Level Agreement for all incidents affecting data.\n2. AUDIT\n", []string{"1", "2"}},
		{"dates", "1. TERM\nThis Agreement starts on\n2026. The parties agree.\n15. March is the date.\n2. FEES\n", []string{"1", "2"}},
		{"amounts", "1. LIABILITY\nLiability is capped at\n$1.5 million in aggregate and\n1.5 million for data claims.\n2. MISC\n", []string{"1", "2"}},
		{"decimal values", "1. SLA\nAvailability of\n99.9 percent per month.\n2. CREDITS\n", []string{"1", "2"}},
		{"non-monotone number", "1. SCOPE\ntext\n5. Something Else\ntext\n2. TERM\n", []string{"1", "2"}},
		// The list's items are the section's sub-clauses (see restartList).
		{"list restarting inside a section", "1. SECURITY\nVendor will:\n1. Encrypt data.\n2. Log access.\n2. AUDIT\n", []string{"1", "1.1<1", "1.2<1", "2"}},
		// Right under the section's title (an HTML list under a numbered
		// heading), short or long.
		{"list restarting under a section's title", "1. Scope\nThese terms cover the lockers.\n2. Locker Duties\n1. Harbourline keeps the lockers dry.\n2. Harbourline repairs broken doors.\n3. Member Duties\n1. Members lock their lockers.\n2. Members pay the yearly fee.\n", []string{"1", "2", "2.1<2", "2.2<2", "3", "3.1<3", "3.2<3"}},
		{"section reference at line start", "1. SCOPE\nas set out in\nSection 9 of this Agreement.\nSection 4 (Fees) applies.\n2. TERM\n", []string{"1", "2"}},
		{"roman lowercase in text", "1. SCOPE\nthe Vendor shall\ni. not do things\n2. TERM\n", []string{"1", "1(i)<1", "2"}},
		{"copyright mark", "1. IP\n(c) 2026 Vendor Ltd.\n2. TERM\n", []string{"1", "2"}},
		{"first number must be one", "Some heading\n3. Not a clause\ntext\n", []string{"preamble"}},
		{"duplicate ids never reused", "1. A SECTION\n2. B SECTION\n1. A SECTION\n", []string{"1", "2"}},
		{"e.g. at line start", "1. SCOPE\nfor example\ne.g. the Vendor\n2. TERM\n", []string{"1", "2"}},
		{"article cross-reference", "1. PROCESSING\nThe Processor acts\npursuant to Article 28 of the GDPR.\nArticle 28 applies.\n2. SECURITY\n", []string{"1", "2"}},
		{"section reference with capital", "1. SCOPE\nThe limits in\nSection 5 Limitation of Liability apply.\n2. TERM\n", []string{"1", "2"}},
		{"wrapped line starting with a number and a title", "1. FEES\nCustomer pays within\n30 Days Of The Invoice Date\n2. TERM\n", []string{"1", "2"}},
		{"year at line start", "1. TERM\nstarting 1 January\n2027 The Parties may renew.\n2. FEES\n", []string{"1", "2"}},
		{"amount at line start", "1. FEES\nthe fee is USD\n1.500 Per Month.\n2. TERM\n", []string{"1", "2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: tt.text}}, true))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSplitClausesStructure(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		paginated bool
		want      []string
	}{
		{"exhibits restart numbering", "1. SCOPE\ntext\n2. TERM\ntext\nEXHIBIT A – SECURITY MEASURES\n1. Access Control\n1.1 Passwords\nx\nExhibit B\n1. Fees\n", true,
			[]string{"1", "2", "Exhibit A", "Exhibit A 1<Exhibit A", "Exhibit A 1.1<Exhibit A 1", "Exhibit B", "Exhibit B 1<Exhibit B"}},
		{"list of exhibits before the body is not a part", "1. SCOPE\nThe exhibits are:\nExhibit A - Services\nExhibit B - Fees\n2. TERM\ntext\nExhibit A - Services\n1. Hosting\n", true,
			[]string{"1", "2", "Exhibit A", "Exhibit A 1<Exhibit A"}},
		{"exhibit mentioned in running text", "1. SCOPE\nas described in\nExhibit A attached hereto.\nExhibit B, the Vendor shall\n2. TERM\n", true,
			[]string{"1", "2"}},
		{"annex on a cover page before the terms", "Annex I(A) List of Parties\nData Exporter | Customer\n1. Processing\n1.1 Scope\n2. Security\n", true,
			[]string{"preamble", "1", "1.1<1", "2"}},
		{"schedule and appendix ids", "1. TERMS\nx\nSCHEDULE 2: FEES\n1. Monthly Fee\nAppendix IV\n1. Contacts\n", true,
			[]string{"1", "Schedule 2", "Schedule 2 1<Schedule 2", "Appendix IV", "Appendix IV 1<Appendix IV"}},
		{"markdown heading restarting the numbering", "# Cloud Service Agreement\n1. Service\n1.1 Access\n# Service Level Agreement\n1. Uptime\n1.1 Target Uptime\n", false,
			[]string{"preamble", "1", "1.1<1", `"Service Level Agreement"`, `"Service Level Agreement" 1<"Service Level Agreement"`, `"Service Level Agreement" 1.1<"Service Level Agreement" 1`}},
		{"recitals then numbered sections", "RECITALS\nA. The City wishes to buy.\nB. The Vendor wishes to sell.\n1. DEFINITIONS\n1.1 Terms\n2. SERVICES\n", true,
			[]string{"preamble", "A", "B", "1", "1.1<1", "2"}},
		{"lettered headings keep their numbers", "A. Definitions\nx\nB. Account Terms\n1. Controls\n2. Requirements\n", true,
			[]string{"A", "B", "B.1<B", "B.2<B"}},
		{"numbers never nest under a lowercase list", "The attachments are:\na. Attachment A;\nb. Attachment B.\n1.0 Definitions\n2.0 Services\n2.1 Hosting\n", true,
			[]string{"preamble", "a", "b", "1", "2", "2.1<2"}},
		{"N.0 headings are sections", "1.0 SERVICES\n1.1 Scope\n1.2 Changes\n2.0 Fees\n2.1 Invoices\n", true,
			[]string{"1", "1.1<1", "1.2<1", "2", "2.1<2"}},
		{"all-caps heading may skip a lost number", "1. PURPOSE\ntext\n2. SERVICES\ntext\n4. INCLUDED SERVICES IN THE SYSTEM. It is agreed\n5. TERM\n", true,
			[]string{"1", "2", "4", "5"}},
		{"inline enumeration", "1. SECURITY\nCustomer will not: (i) reverse engineer the Product; (ii) resell it; or (iii) run vulnerability tests.\n2. TERM\n", true,
			[]string{"1", "1(i)<1", "1(ii)<1", "1(iii)<1", "2"}},
		{"inline letters with nested romans", "1. OBLIGATIONS\nThe Customer shall (a) pay; (b) cooperate; and (c) secure data by (i) access controls and (ii) encryption.\n2. TERM\n", true,
			[]string{"1", "1(a)<1", "1(b)<1", "1(c)<1", "1(c)(i)<1(c)", "1(c)(ii)<1(c)", "2"}},
		{"cross-reference is not an item", "1. SCOPE\nSee Section 8.1(a) and 8.1(b) of the MSA.\n2. TERM\n", true,
			[]string{"1", "2"}},
		{"single parenthesised mention", "1. SCOPE\nThe Vendor (a Delaware company) agrees.\n2. TERM\n", true,
			[]string{"1", "2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: tt.text}}, tt.paginated))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSplitClausesPlainHeadings(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"sentence-case headings", "A Data Processing Addendum is available on request to customers.\n\nController / processor relationship\nFor Enterprise license holders the relationship is as follows.\n\nRequesting the DPA\nTo request the current DPA template, contact privacy@example.com.\n",
			[]string{"preamble", `"Controller / processor relationship"`, `"Requesting the DPA"`}},
		{"all-caps headings", "SECURITY MEASURES\nThe vendor encrypts all customer data at rest and in transit.\n\nINCIDENT RESPONSE\nThe vendor notifies the customer of incidents within 72 hours.\n",
			[]string{`"SECURITY MEASURES"`, `"INCIDENT RESPONSE"`}},
		{"wrapped lines are not headings", "The vendor shall protect\nCustomer Data using\nreasonable measures in line with the industry standard.\n",
			[]string{"preamble"}},
		{"short lines without body are not headings", "Some heading\n3. Not a clause\ntext\n", []string{"preamble"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: tt.text}}, true))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSplitClausesTOC(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"dot leaders", "TABLE OF CONTENTS\n1. Definitions ........ 2\n2. Services .......... 3\n3. Fees .............. 5\n\n1. DEFINITIONS\ntext\n2. SERVICES\ntext\n3. FEES\ntext\n", []string{"preamble", "1", "2", "3"}},
		{"page numbers without leaders", "Contents\n1. Definitions 2\n2. Services 3\n3. Fees 5\nExhibit A Security 9\n1. DEFINITIONS\ntext\n2. SERVICES\ntext\n3. FEES\ntext\n", []string{"preamble", "1", "2", "3"}},
		{"headings repeated later", "1. Definitions\n2. Services\n3. Fees\n\n1. DEFINITIONS\nThe terms.\n2. SERVICES\nThe services.\n3. FEES\nThe fees.\n", []string{"preamble", "1", "2", "3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := SplitClauses([]Page{{Number: 1, Text: tt.text}}, true)
			if diff := cmp.Diff(tt.want, clauseIDs(cs)); diff != "" {
				t.Fatalf("ids (-want +got):\n%s", diff)
			}
			for _, c := range cs {
				if c.ID == "1" && !strings.Contains(c.Text, "DEFINITIONS") {
					t.Errorf("clause 1 is the contents line: %q", c.Text)
				}
			}
		})
	}
}

func TestSplitClausesTextPagesHeadings(t *testing.T) {
	pages := []Page{
		{Number: 1, Text: "MASTER AGREEMENT\n\n1. PURPOSE\nThis sets out terms.\n\n2. SECURITY\nVendor will protect data:\n(a) encryption;"},
		{Number: 2, Text: "(b) access control.\n\n3. DATA HANDLING AND\nMINIMIZATION\nOnly needed data.\n4. Fees. Customer pays the fees."},
	}
	cs := SplitClauses(pages, true)
	byID := map[string]Clause{}
	for _, c := range cs {
		byID[c.ID] = c
	}
	check := func(id, heading, parent string, pages []int, contains ...string) {
		t.Helper()
		c, ok := byID[id]
		if !ok {
			t.Fatalf("no clause %q in %v", id, clauseIDs(cs))
		}
		if c.Heading != heading || c.Parent != parent || !cmp.Equal(c.Pages, pages) {
			t.Errorf("clause %s: heading %q parent %q pages %v; want %q %q %v", id, c.Heading, c.Parent, c.Pages, heading, parent, pages)
		}
		for _, s := range contains {
			if !strings.Contains(c.Text, s) {
				t.Errorf("clause %s text %q lacks %q", id, c.Text, s)
			}
		}
	}
	check("preamble", "", "", []int{1}, "MASTER AGREEMENT")
	check("1", "PURPOSE", "", []int{1}, "1. PURPOSE", "This sets out terms.")
	check("2", "SECURITY", "", []int{1, 2}, "(a) encryption", "(b) access control")
	check("2(a)", "", "2", []int{1}, "encryption")
	check("2(b)", "", "2", []int{2}, "access control")
	check("3", "DATA HANDLING AND MINIMIZATION", "", []int{2}, "Only needed data")
	check("4", "Fees", "", []int{2}, "Customer pays")
	if strings.Contains(byID["1"].Text, "SECURITY") {
		t.Errorf("clause 1 runs into clause 2: %q", byID["1"].Text)
	}

	// Unpaginated: no pages.
	for _, c := range SplitClauses(pages, false) {
		if c.Pages != nil {
			t.Errorf("clause %s has pages %v when not paginated", c.ID, c.Pages)
		}
	}
}

func TestSplitClausesGolden(t *testing.T) {
	in := filepath.Join("testdata", "agreement-sample.md")
	golden := filepath.Join("testdata", "agreement-sample.golden.json")
	doc, err := textParser{}.Parse(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	matchGolden(t, golden, doc.Agreement.Clauses)
}

// matchGolden compares v, as indented JSON, with the golden file, and
// rewrites the file first under -update.
func matchGolden(t *testing.T, golden string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./extract -run %s -update)", err, t.Name())
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("differs from %s (-want +got):\n%s", golden, diff)
	}
}

func FuzzSplitClauses(f *testing.F) {
	seeds := []string{
		"1. A\n1.1 B\n(a) c\n(i) d\n2. E",
		"## A. X\n### 1. Y\n## B. Z",
		"8(b) x\nSection 12.4 Y\nARTICLE IV Z",
		"1.\n\n(a)\n    1. **X.** y\n        a. z",
		"# T\n## U\n### V",
		"1. A\nEXHIBIT A - X\n1. B\n# Part\n1. C\n1. D ..... 3\n2. E ..... 4",
		"1. A\nx (a) y (b) z (i) w (ii) v\n2. B (a) (b) (c)",
		mdProcessorAddendum, mdNestedHeadings, mdSetext, mdBoldLeadIns, mdBoldInNumbered,
		mdRestartingLists, mdRunningLists, pdfCapsHeadings, pdfCapsInNumbered,
		"## Audit\n1. X y\n## Breach\n1. Z w\n(a) v\n## Audit\n2.1 Q\n(b) r",
		"1. A\n1.1 B\n**C.** d e f\n(a) g\nHEADING\nThe body text of the heading follows here.\n1.2 H\n(b) i",
		"**_X._ Y z**\n__W__: v\n[a](https://b) *c* `d` \\*e\\*\n> f\n---\nT\n=\n\uf0b7g",
		mdEscapedNumbers, mdEscapedParens, mdDefinitionsFirstCaps, mdDefinitionsFirstHeadings, mdBoldNumberedHeadings,
		mdGroupedClauses, mdPartsAfterHeadings, mdTitleLines, mdTitleLineAmongHeadings, mdTitleLineTraps,
		"1. A b\n1. C d\n   1. E f\n   1. G h\n\nI j\n\n1. K l",
		mdChainedItems, pdfChainedReference, pdfLetteredSections, mdLettered, mdListUnderHeading,
		mdSectionsUnderHeadings, mdBodyAfterBackground, pdfWrappedNumbers,
		"Section C – X\n(ii)(A) The y\n(B) Z\nPart II\n2. cloud.gov: w\n3. e.g. v\nSection A\nSection A – T",
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "agreement-sample.md")); err == nil {
		seeds = append(seeds, string(b))
	}
	for _, s := range seeds {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, paginated bool) {
		half := len(s) / 2
		pages := []Page{{Number: 1, Text: s[:half]}, {Number: 2, Text: s[half:]}}
		if paginated {
			for k := range pages {
				pages[k].Headings = fuzzHeadings(pages[k].Text)
			}
		}
		cs := SplitClauses(pages, paginated)
		seen := map[string]bool{}
		text := map[string]string{}
		for _, c := range cs {
			if c.ID == "" {
				t.Fatalf("empty id in %v", clauseIDs(cs))
			}
			if seen[c.ID] {
				t.Fatalf("duplicate id %q in %v", c.ID, clauseIDs(cs))
			}
			seen[c.ID] = true
			if c.Parent != "" && !seen[c.Parent] {
				t.Fatalf("clause %q has parent %q not before it", c.ID, c.Parent)
			}
			if !paginated && c.Pages != nil {
				t.Fatalf("pages on unpaginated clause %q", c.ID)
			}
			if c.Parent != "" && !strings.Contains(text[c.Parent], c.Text) {
				t.Fatalf("clause %q text %q is not inside its parent %q: %q", c.ID, c.Text, c.Parent, text[c.Parent])
			}
			if strings.Contains(c.Text, "\n\n\n") {
				t.Fatalf("clause %q text has two blank lines in a row: %q", c.ID, c.Text)
			}
			text[c.ID] = c.Text
		}
	})
}

// fuzzHeadings makes typeset headings of some lines of a page, so that
// FuzzSplitClauses reaches the PDF heading paths: short lines of odd
// length are headings of level 1-3 (two in a row one wrapped heading,
// now and then), and a line with ". " inside opens with a bold lead-in.
func fuzzHeadings(text string) []Heading {
	var out []Heading
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		switch {
		case t == "":
		case len(t)%2 == 1 && len(t) <= 60:
			h := Heading{Text: t, Level: len(t)%3 + 1}
			if i+1 < len(lines) && len(t)%5 == 0 {
				h.Text += "\n" + strings.TrimSpace(lines[i+1])
				i++
			}
			out = append(out, h)
		case strings.Contains(t, ". "):
			out = append(out, Heading{Text: t, Lead: t[:strings.Index(t, ". ")]})
		}
	}
	return out
}

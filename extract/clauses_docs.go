package extract

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Documents appended in one file. A Markdown file may hold two documents
// one after the other, each under a title heading of the file's top level
// ("# Privacy Statement" with sections 1-2, then "# Data Processing
// Agreement" with sections 1-13): the numbering restarts at 1 under the
// second title. A lawyer cites each document's sections by their own
// numbers, naming the document only where that is needed to tell them
// apart. IDs stay unique: the agreement keeps its plain numbers ("10.2")
// and the other document's clauses take its title as prefix (`"Privacy
// Statement" 1.3`); when both or neither are agreements, the first keeps
// its numbers and the appended one is prefixed (`"Data Processing
// Addendum" 3`), as a part. The appended document's title is a clause
// (text up to its first clause), the parent of its top-level clauses.

// gluedHeadingRe: a Markdown heading with a dotted number glued to the
// end of a paragraph by a conversion ("... backups. ### 10.13.Intrusion
// test"): the paragraph (group 1), then the heading (group 2).
var gluedHeadingRe = lazyre.New(`^(\S.*[.;:!?])[ \t]+(#{1,6}[ \t]+\d+(?:\.\d+)+\.?[ \t]*\p{Lu}.*)$`)

// gluedHeading is gluedHeadingRe's submatch indexes in a line of an
// unpaginated document (nil in a paginated one), the pattern run only on a
// line that holds its "#".
func gluedHeading(line string, paginated bool) []int {
	if paginated || strings.IndexByte(line, '#') < 0 {
		return nil
	}
	return gluedHeadingRe.FindStringSubmatchIndex(line)
}

// agreementTitleRe: a title that names an agreement, not a notice or a
// policy.
var agreementTitleRe = lazyre.New(`(?i)\b(agreement|addendum|terms|terms of (service|use)|conditions|contract|order form|statement of work|dpa|baa|sla|msa|eula)$`)

// topTitles returns the lines of the Markdown headings of level 1 ("# ")
// outside a table of contents.
func topTitles(lines []srcLine, toc []bool) []int {
	var out []int
	for i, l := range lines {
		if toc[i] {
			continue
		}
		t := strings.TrimSpace(l.text)
		if strings.HasPrefix(t, "# ") && len(strings.TrimSpace(t[2:])) > 0 {
			out = append(out, i)
		}
	}
	return out
}

// headingTitle is a "#" heading's text without marks and markup.
func headingTitle(l srcLine) string {
	t := strings.TrimSpace(l.disp)
	if t == "" {
		t = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l.text), "#"))
	}
	return strings.TrimRight(strings.TrimSpace(t), ":.")
}

// splitDocuments splits the main body (before any part) where a second
// document starts (see above); ok is false when the body is one document.
func splitDocuments(lines []srcLine, toc []bool, paginated, fallback bool) ([]Clause, bool) {
	if paginated {
		return nil, false
	}
	tops := topTitles(lines, toc)
	// Exactly two top-level titles: the first opens the file (nothing but
	// blank lines before it), the second names a document.
	if len(tops) != 2 {
		return nil, false
	}
	first, b := tops[0], tops[1]
	for _, l := range lines[:first] {
		if strings.TrimSpace(l.text) != "" {
			return nil, false
		}
	}
	t1, t2 := headingTitle(lines[first]), headingTitle(lines[b])
	if !namesDocument(t2) || strings.EqualFold(t1, t2) {
		return nil, false
	}
	a := splitSegment(lines[:b], toc[:b], paginated, true, fallback)
	d := splitSegment(lines[b:], toc[b:], paginated, true, fallback)
	if !hasID(a, "1") || !hasID(d, "1") {
		return nil, false
	}
	var out []Clause
	used := map[string]bool{}
	add := func(c Clause) {
		if !used[c.ID] {
			used[c.ID] = true
			out = append(out, c)
		}
	}
	prefix := func(cs []Clause, p string) []Clause {
		r := make([]Clause, 0, len(cs))
		for _, c := range cs {
			if c.ID == "preamble" {
				continue
			}
			if c.ID == p {
				r = append(r, c)
				continue
			}
			c.ID = p + " " + c.ID
			if c.Parent != "" && c.Parent != p {
				c.Parent = p + " " + c.Parent
			}
			r = append(r, c)
		}
		return r
	}
	// The appended document's preamble (its title and the text up to its
	// first clause) is the clause of its title.
	titled := func(cs []Clause, id string) []Clause {
		r := make([]Clause, 0, len(cs))
		for _, c := range cs {
			switch {
			case c.ID == "preamble":
				c.ID, c.Heading = id, t2
			case c.Parent == "":
				c.Parent = id
			}
			r = append(r, c)
		}
		return r
	}
	id2 := `"` + t2 + `"`
	if agreementTitleRe.MatchString(t2) && !agreementTitleRe.MatchString(t1) {
		var pre []Clause
		for _, c := range a {
			if c.ID == "preamble" {
				pre = append(pre, c)
			}
		}
		for _, c := range pre {
			add(c)
		}
		for _, c := range prefix(a, `"`+t1+`"`) {
			add(c)
		}
		for _, c := range titled(d, id2) {
			add(c)
		}
		return out, true
	}
	for _, c := range a {
		add(c)
	}
	for _, c := range prefix(titled(d, id2), id2) {
		add(c)
	}
	return out, true
}

func hasID(cs []Clause, id string) bool {
	for _, c := range cs {
		if c.ID == id {
			return true
		}
	}
	return false
}

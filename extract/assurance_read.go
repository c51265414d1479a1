package extract

import (
	"slices"
	"strings"
	"time"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// aLine is one line of an assurance report with where it stands.
type aLine struct {
	text    string
	page    int
	section string
	part    string // the key of the heading above it in report.yaml's headings, or ""
	heading string // that heading as written
	head    bool   // the line is a heading
}

func (l aLine) place() Place { return Place{Page: l.page, Section: l.section, Heading: l.heading} }

// aPara is a paragraph: consecutive lines joined by spaces.
type aPara struct {
	text  string
	first aLine
}

// asAssurance turns an agreement whose text reads as an assurance report
// into one; any other document is returned as it is.
func asAssurance(doc Document, err error) (Document, error) {
	if err != nil || doc.Agreement == nil {
		return doc, err
	}
	r, rerr := readAssurance(doc.Agreement)
	if rerr != nil {
		return Document{}, &InputError{Path: doc.Agreement.Path, Err: rerr}
	}
	if r == nil {
		return doc, nil
	}
	return Document{Assurance: r}, nil
}

// readAssurance reads a as an assurance report when its text holds the
// markers of one (report.yaml's kinds); it returns nil, nil otherwise. The
// error is a defect of the embedded vocabulary.
func readAssurance(a *Agreement) (*AssuranceReport, error) {
	v, err := loadAssuranceVocab()
	if err != nil {
		return nil, err
	}
	var all strings.Builder
	for _, p := range a.Pages {
		all.WriteString(p.Text)
		all.WriteString("\n")
	}
	text := all.String()
	kind, why := v.recognise(text)
	if kind == "" {
		return nil, nil
	}
	r := &AssuranceReport{Path: a.Path, Format: a.Format, Paginated: a.Paginated, Pages: a.Pages, Recognition: why,
		Categories: []string{}, Subservice: []SubserviceOrg{}, CUECs: []UserControl{}, Exceptions: []ControlException{}}
	r.Type = kind
	if kind == "soc2" || kind == "soc1" {
		r.Type = kind + "-type2"
		for _, t := range v.types {
			if t.match.MatchString(text) {
				r.Type = kind + "-" + t.id
				break
			}
		}
	}
	lines := v.lines(a)
	paras := paragraphs(lines)
	v.readLabels(r, lines)
	v.readPeriod(r, paras)
	v.readCategories(r, paras)
	v.readOpinion(r, lines, paras)
	v.readIssuer(r, lines)
	if r.ServiceOrganization == "" {
		for _, p := range paras {
			if m := v.organization.FindStringSubmatch(p.text); m != nil {
				r.ServiceOrganization = strings.TrimRight(strings.TrimSpace(m[1]), ",")
				break
			}
		}
	}
	if r.System == "" {
		for _, p := range paras {
			if m := v.system.FindStringSubmatch(p.text); m != nil {
				for _, g := range []string{"system", "system2", "system3"} {
					if i := v.system.SubexpIndex(g); i > 0 && m[i] != "" {
						r.System = strings.TrimSpace(m[i])
					}
				}
				break
			}
		}
	}
	r.CUECs = v.userControls(partLines(lines, "cuecs"))
	r.Subservice = v.subservice(lines)
	if len(r.Subservice) == 0 {
		r.Subservice = v.subserviceInText(paras, r.ServiceOrganization)
	}
	r.Exceptions = v.exceptions(lines)
	return r, nil
}

// recognise returns the kind of report text is ("soc2", "soc1", "soc3",
// "iso27001", "bridge-letter"), or "", and the markers that decided it.
func (v *assuranceVocab) recognise(text string) (string, []string) {
	lower := strings.ToLower(text)
	if !slices.ContainsFunc(v.prefilter, func(w string) bool { return strings.Contains(lower, w) }) {
		return "", nil
	}
kinds:
	for _, k := range v.kinds {
		for _, re := range k.require {
			if !re.MatchString(text) {
				continue kinds
			}
		}
		var found []string
		for _, re := range k.all {
			if m := re.FindString(text); m != "" {
				found = append(found, strings.Join(strings.Fields(m), " "))
			}
		}
		if len(found) >= k.min {
			return k.id, found
		}
	}
	return "", nil
}

var (
	reBullet   = lazyre.New(`^([•\-*▪◦·●–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+`)
	reNumLead  = lazyre.New(`^(\d+(\.\d+)*\.?|[A-Z]\.)\s+`)
	reTOC      = lazyre.New(`(\.{3,}|\s)\s*\d{1,3}$`)
	reEndPunct = lazyre.New(`[.;:,]$`)
)

// lines lists the report's lines with their page, AICPA section and the
// heading of the part they are in. A section heading counts when it starts
// with "Section" or is set as a heading (by type, or a Markdown "#"); a
// part heading when it stands alone (after a blank line or a finished
// sentence).
func (v *assuranceVocab) lines(a *Agreement) []aLine {
	var out []aLine
	section, part, heading := "", "", ""
	prevEnd := true
	for _, p := range a.Pages {
		heads := map[string]bool{}
		for _, h := range p.Headings {
			if h.BodySize {
				continue // set apart by weight only: a table's header row
			}
			heads[strings.TrimSpace(strings.SplitN(h.Text, "\n", 2)[0])] = true
		}
		page := 0
		if a.Paginated {
			page = p.Number
		}
		for raw := range strings.SplitSeq(p.Text, "\n") {
			t := strings.TrimSpace(raw)
			md := strings.HasPrefix(t, "#")
			t = strings.TrimSpace(strings.TrimLeft(t, "#"))
			if t == "" {
				out = append(out, aLine{page: page, section: section, part: part, heading: heading})
				prevEnd = true
				continue
			}
			typeset := md || heads[t]
			bare := reNumLead.ReplaceAllString(t, "")
			alone := typeset || (prevEnd && !reEndPunct.MatchString(t) && len(strings.Fields(t)) <= 12)
			isHead := false
			if len(t) <= 120 && !reTOC.MatchString(t) {
				for _, s := range v.sections {
					if s.heading.MatchString(bare) && (typeset || (alone && strings.HasPrefix(strings.ToLower(bare), "section"))) {
						section, part, heading, isHead = s.id, "", "", true
						break
					}
				}
				if !isHead && alone {
					for _, k := range []string{"cuecs", "csocs", "subservice", "responses", "qualification", "opinion", "tests"} {
						if v.headings[k].MatchString(bare) {
							part, heading, isHead = k, bare, true
							break
						}
					}
				}
			}
			if !isHead && typeset && !v.controlID.MatchString(t+" ") {
				// Another heading ends the part above it.
				part, heading, isHead = "", "", true
			}
			out = append(out, aLine{text: t, page: page, section: section, part: part, heading: heading, head: isHead})
			prevEnd = reEndPunct.MatchString(t) || isHead
		}
	}
	return out
}

// partLines returns the lines under the headings of key, headings left out.
func partLines(lines []aLine, key string) []aLine {
	var out []aLine
	for _, l := range lines {
		if l.part == key && !l.head {
			out = append(out, l)
		}
	}
	return out
}

// paragraphs joins runs of non-blank, non-heading lines.
func paragraphs(lines []aLine) []aPara {
	var out []aPara
	var cur []string
	var first aLine
	flush := func() {
		if len(cur) > 0 {
			out = append(out, aPara{text: strings.Join(cur, " "), first: first})
		}
		cur = nil
	}
	for _, l := range lines {
		if l.text == "" || l.head {
			flush()
			if l.head {
				out = append(out, aPara{text: l.text, first: l})
			}
			continue
		}
		if len(cur) == 0 {
			first = l
		}
		cur = append(cur, l.text)
	}
	flush()
	return out
}

// readLabels reads the fields a certificate or letter gives by label.
func (v *assuranceVocab) readLabels(r *AssuranceReport, lines []aLine) {
	for i, l := range lines {
		val := func(key string) string {
			m := v.labels[key].FindStringSubmatch(l.text)
			if m == nil {
				return ""
			}
			// A value wraps onto the lines below it, up to a blank line
			// or the next label.
			out := strings.TrimSpace(m[len(m)-1])
			for _, next := range lines[i+1:] {
				if next.text == "" || next.head || reLabel.MatchString(next.text) || reEndPunct.MatchString(out) {
					break
				}
				out += " " + next.text
			}
			return out
		}
		if s := val("issuer"); s != "" && r.Issuer == "" {
			r.Issuer, r.IssuerAt = s, ptr(l.place())
		}
		if s := val("organization"); s != "" && r.ServiceOrganization == "" {
			r.ServiceOrganization = s
		}
		if s := val("scope"); s != "" && r.System == "" {
			r.System = s
		}
		if s := val("issued"); s != "" && r.PeriodStart == "" {
			if d := parseDate(s); d != "" {
				r.PeriodStart, r.PeriodAt = d, ptr(l.place())
			}
		}
		if s := val("expires"); s != "" && r.PeriodEnd == "" {
			if d := parseDate(s); d != "" {
				r.PeriodEnd = d
				if r.PeriodAt == nil {
					r.PeriodAt = ptr(l.place())
				}
			}
		}
		if s := val("categories"); s != "" && len(r.Categories) == 0 {
			r.Categories, r.CategoriesAt = v.categoriesIn(s), ptr(l.place())
		}
	}
}

var reLabel = lazyre.New(`^[A-Z][\w /'’()-]{1,40}:\s`)

func ptr[T any](v T) *T { return &v }

// readPeriod reads the period examined, or the point in time of a Type I.
func (v *assuranceVocab) readPeriod(r *AssuranceReport, paras []aPara) {
	if r.PeriodEnd != "" {
		return
	}
	if r.Type == AssuranceBridgeLetter {
		// The gap the letter covers comes before the report it bridges.
		var gap, rest []aPara
		for _, p := range paras {
			if v.bridgeCue.MatchString(p.text) {
				gap = append(gap, p)
			} else {
				rest = append(rest, p)
			}
		}
		paras = append(gap, rest...)
	}
	for _, p := range paras {
		if m := v.period.FindStringSubmatch(p.text); m != nil {
			from, to := parseDate(m[v.period.SubexpIndex("from")]), parseDate(m[v.period.SubexpIndex("to")])
			if from != "" && to != "" {
				r.PeriodStart, r.PeriodEnd, r.PeriodAt = from, to, ptr(p.first.place())
				return
			}
		}
	}
	for _, p := range paras {
		if m := v.asOf.FindStringSubmatch(p.text); m != nil {
			if at := parseDate(m[v.asOf.SubexpIndex("at")]); at != "" {
				r.PeriodEnd, r.PointInTime, r.PeriodAt = at, true, ptr(p.first.place())
				return
			}
		}
	}
}

// readCategories reads the trust services categories from the first
// sentence that states the scope.
func (v *assuranceVocab) readCategories(r *AssuranceReport, paras []aPara) {
	if len(r.Categories) > 0 {
		return
	}
	for _, p := range paras {
		for _, s := range sentences(p.text) {
			if v.categoryScope.MatchString(s) {
				if c := v.categoriesIn(s); len(c) > 0 {
					r.Categories, r.CategoriesAt = c, ptr(p.first.place())
					return
				}
			}
		}
	}
}

func (v *assuranceVocab) categoriesIn(s string) []string {
	out := []string{}
	for _, c := range v.categories {
		if c.names.MatchString(s) {
			out = append(out, c.id)
		}
	}
	return out
}

var reSentenceEnd = lazyre.New(`[.;]\s+[A-Z(]`)

// sentences splits a paragraph at sentence ends.
func sentences(s string) []string {
	var out []string
	for {
		loc := reSentenceEnd.FindStringIndex(s)
		if loc == nil {
			break
		}
		out = append(out, s[:loc[0]+1])
		s = s[loc[1]-1:]
	}
	return append(out, s)
}

// readOpinion reads the opinion from the paragraphs under the opinion
// heading, else from section II, else from the whole report; and the
// basis of a modified opinion from under its heading.
func (v *assuranceVocab) readOpinion(r *AssuranceReport, lines []aLine, paras []aPara) {
	scopes := [][]aPara{
		paragraphs(partLines(lines, "opinion")),
		filterParas(paras, func(p aPara) bool { return p.first.section == "II" }),
		paras,
	}
	if r.Type == AssuranceISO27001 || r.Type == AssuranceBridgeLetter {
		return
	}
	r.Opinion, r.OpinionAt = v.firstOpinion(scopes)
	var q []string
	for _, p := range paragraphs(partLines(lines, "qualification")) {
		if !v.firm.MatchString(p.text) {
			q = append(q, p.text)
		}
	}
	r.Qualification = strings.Join(q, "\n")
}

// firstOpinion tries the opinions in report.yaml's order on each scope of
// paragraphs in turn; the first paragraph that states one gives it.
func (v *assuranceVocab) firstOpinion(scopes [][]aPara) (string, *Place) {
	for _, ps := range scopes {
		for _, o := range v.opinions {
			for _, p := range ps {
				if o.match.MatchString(p.text) {
					return o.id, ptr(p.first.place())
				}
			}
		}
	}
	return "", nil
}

func filterParas(ps []aPara, keep func(aPara) bool) []aPara {
	var out []aPara
	for _, p := range ps {
		if keep(p) {
			out = append(out, p)
		}
	}
	return out
}

// readIssuer takes the firm that signs the auditor's report: the last firm
// line of section II, else the first firm line of the report.
func (v *assuranceVocab) readIssuer(r *AssuranceReport, lines []aLine) {
	if r.Issuer != "" {
		return
	}
	var last *aLine
	for i, l := range lines {
		if !v.firm.MatchString(l.text) {
			continue
		}
		if l.section == "II" {
			last = &lines[i]
		} else if last == nil && !slices.ContainsFunc(lines, func(x aLine) bool { return x.section == "II" }) {
			last = &lines[i]
			break
		}
	}
	if last != nil {
		r.Issuer, r.IssuerAt = strings.TrimSpace(last.text), ptr(last.place())
	}
}

var dateLayouts = []string{"January 2, 2006", "January 2 2006", "2 January 2006", "Jan. 2, 2006", "Jan 2, 2006", "2006-01-02", "02/01/2006", "2 Jan 2006"}

var reDate = lazyre.New(`([A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|\d{4}-\d{2}-\d{2})`)

// parseDate finds a date in s and returns it as "YYYY-MM-DD", or "".
func parseDate(s string) string {
	m := reDate.FindString(s)
	if m == "" {
		return ""
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, m); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

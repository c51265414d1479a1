package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/company"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// cells splits a line that holds a table row (" | " between cells, as the
// DOCX and Markdown readers write rows) into its cells; other lines are one
// cell.
func cells(l aLine) []aLine {
	parts := strings.Split(l.text, " | ")
	out := make([]aLine, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(strings.Trim(strings.TrimSpace(p), "|"))
		if p == "" {
			continue
		}
		c := l
		c.text = p
		out = append(out, c)
	}
	return out
}

var reRowNumber = lazyre.New(`^\d{1,3}$`)

// items splits the lines of a list part into items: an item starts at a
// bullet, a number or one of report.yaml's item openings, takes the lines
// that follow, and ends at the next item, a blank line or a heading. The
// lines before the first item are not items.
func (v *assuranceVocab) items(lines []aLine) [][]aLine {
	var out [][]aLine
	var cur, pending []aLine
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
		}
		cur = nil
	}
	// A PDF sets a table's cells one after the other: when the first
	// row's criteria come before its control, every row's do, and a line
	// that only names criteria belongs to the item below it.
	criteriaFirst := false
	for _, l := range lines {
		if l.text == "" || l.head {
			continue
		}
		if v.criteriaOnly(l.text) {
			criteriaFirst = true
			break
		}
		if v.isItemStart(cells(l)[0].text) {
			break
		}
	}
	for _, l := range lines {
		if l.text == "" || l.head {
			flush()
			continue
		}
		if criteriaFirst && v.criteriaOnly(l.text) {
			flush()
			pending = append(pending, l)
			continue
		}
		cs := cells(l)
		if crit, rest := v.splitLeadCriteria(cs[0].text); crit != "" && v.isItemStart(rest) {
			// A PDF sets the criteria cell and the control's first line
			// on one line: "CC6.1, CC6.2 User entities are ...".
			c := cs[0]
			c.text = crit
			cs[0].text = rest
			cs = append(cs, c)
		}
		for len(cs) > 1 && reRowNumber.MatchString(cs[0].text) {
			cs = cs[1:] // a numbered table row: "1 | User entities ..."
		}
		if len(cs) == 0 {
			continue
		}
		first := cs[0]
		start := false
		if lead := v.leadCriteria(cs); lead > 0 && lead < len(cs) && v.isItemStart(cs[lead].text) {
			// Criteria set in front of the item ("CC6.1 | User entities ...").
			cs = append(cs[lead:], cs[:lead]...)
			first = cs[0]
		}
		if m := reBullet.FindString(first.text); m != "" {
			first.text = strings.TrimSpace(first.text[len(m):])
			cs[0] = first
			start = true
		}
		for _, re := range v.itemStarts {
			if re.MatchString(first.text) {
				start = true
			}
		}
		if start {
			flush()
		} else if cur == nil {
			pending = nil
			continue
		}
		cur = append(cur, cs...)
		if start && len(pending) > 0 {
			cur = append(cur, pending...)
			pending = nil
		}
	}
	flush()
	return out
}

// splitLeadCriteria splits the criteria that open s ("CC6.1, CC6.2
// User entities ...") from the rest; crit is "" when s opens otherwise.
func (v *assuranceVocab) splitLeadCriteria(s string) (crit, rest string) {
	end := 0
	for {
		loc := v.criteria.FindStringIndex(s[end:])
		if loc == nil || strings.TrimLeft(s[end:end+loc[0]], " ,;") != "" && strings.TrimSpace(s[end:end+loc[0]]) != "and" {
			break
		}
		end += loc[1]
	}
	if end == 0 {
		return "", s
	}
	return strings.TrimSpace(s[:end]), strings.TrimLeft(s[end:], " ,;")
}

// leadCriteria counts the cells at the start of a row that only name
// criteria.
func (v *assuranceVocab) leadCriteria(cs []aLine) int {
	n := 0
	for n < len(cs) && v.criteriaOnly(cs[n].text) {
		n++
	}
	return n
}

// criteriaOnly reports whether s names criteria and nothing else
// ("CC6.1, CC6.2 and CC6.3").
func (v *assuranceVocab) criteriaOnly(s string) bool {
	if !v.criteria.MatchString(s) {
		return false
	}
	rest := v.criteria.ReplaceAllString(s, "")
	rest = strings.NewReplacer(",", "", ";", "", "/", "", "and", "", "(", "", ")", "").Replace(rest)
	return strings.TrimSpace(rest) == ""
}

// control makes a CUEC or CSOC of an item: its text without the cells that
// only name criteria, and the criteria it names, in order, once each.
func (v *assuranceVocab) control(item []aLine) UserControl {
	var text []string
	crit := []string{}
	for _, c := range item {
		for _, m := range v.criteria.FindAllString(c.text, -1) {
			id := strings.ReplaceAll(m, " ", "")
			if !slices.Contains(crit, id) {
				crit = append(crit, id)
			}
		}
		if !v.criteriaOnly(c.text) {
			text = append(text, c.text)
		}
	}
	t := strings.Join(text, " ")
	// Criteria in a last cell set on the same line as the text.
	for {
		loc := v.criteria.FindAllStringIndex(t, -1)
		if len(loc) == 0 || strings.TrimRight(t[loc[len(loc)-1][1]:], " ") != "" {
			break
		}
		head := strings.TrimRight(t[:loc[len(loc)-1][0]], " ,;")
		if head == t[:loc[len(loc)-1][0]] && !strings.HasSuffix(head, ".") {
			break // a criterion named at the end of a sentence: part of it
		}
		t = head
	}
	return UserControl{Text: t, Criteria: crit, At: item[0].place()}
}

// userControls reads the CUECs: one per item under their heading.
func (v *assuranceVocab) userControls(lines []aLine) []UserControl {
	out := []UserControl{}
	for _, it := range v.items(lines) {
		if c := v.control(it); c.Text != "" {
			out = append(out, c)
		}
	}
	return out
}

// subservice reads the subservice organizations named at the start of a
// line under their heading, the method the report uses for each, and the
// CSOCs under theirs.
func (v *assuranceVocab) subservice(lines []aLine) []SubserviceOrg {
	out := []SubserviceOrg{}
	var abbrs []string
	var cur *SubserviceOrg
	for _, l := range partLines(lines, "subservice") {
		if l.text == "" {
			cur = nil
			continue
		}
		cs := cells(l)
		m := v.subserviceName.FindStringSubmatch(cs[0].text)
		if m == nil {
			if cur != nil {
				cur.Services = strings.TrimSpace(cur.Services + " " + strings.Join(texts(cs), " "))
			}
			continue
		}
		name := strings.TrimSpace(m[v.subserviceName.SubexpIndex("name")] + m[v.subserviceName.SubexpIndex("name2")])
		abbr := m[v.subserviceName.SubexpIndex("abbr")] + m[v.subserviceName.SubexpIndex("abbr2")]
		rest := strings.TrimSpace(strings.TrimLeft(cs[0].text[len(m[0]):], ",;:.–- "))
		services := strings.TrimSpace(rest + " " + strings.Join(texts(cs[1:]), " "))
		if i := slices.IndexFunc(out, func(o SubserviceOrg) bool { return o.Name == name }); i >= 0 {
			cur = &out[i] // named again: one organization
			continue
		}
		out = append(out, SubserviceOrg{Name: name, Services: services, CSOCs: []UserControl{}, At: l.place()})
		abbrs = append(abbrs, abbr)
		cur = &out[len(out)-1]
	}
	if len(out) == 0 {
		return out
	}
	// Each organization is mentioned by its name, its name without the
	// legal form, or its short name.
	mention := make([]*regexp.Regexp, len(out))
	for i := range out {
		alts := []string{regexp.QuoteMeta(out[i].Name), regexp.QuoteMeta(reLegal.ReplaceAllString(out[i].Name, ""))}
		if abbrs[i] != "" {
			alts = append(alts, regexp.QuoteMeta(abbrs[i]))
		}
		mention[i] = regexp.MustCompile(`\b(` + strings.Join(alts, "|") + `)\b`)
	}
	mentions := func(s string, i int) bool { return mention[i].MatchString(s) }
	// The method: a sentence naming an organization and a method sets
	// its method; one naming none sets the method of all the others.
	def := ""
	for _, p := range paragraphs(lines) {
		if p.first.section != "" && p.first.section != "II" && p.first.section != "III" {
			continue
		}
		for _, s := range sentences(p.text) {
			for _, meth := range []string{"carve-out", "inclusive"} {
				if !v.methods[meth].MatchString(s) {
					continue
				}
				named := false
				for i := range out {
					if mentions(s, i) {
						named = true
						if out[i].Method == "" {
							out[i].Method = meth
						}
					}
				}
				if !named && def == "" {
					def = meth
				}
			}
		}
	}
	for i := range out {
		if out[i].Method == "" {
			out[i].Method = def
		}
	}
	// The CSOCs: each item to the organization it names, else to the one
	// named last above it, else to the first.
	type group struct {
		owner int
		lines []aLine
	}
	groups := []group{{}}
	for _, l := range partLines(lines, "csocs") {
		if l.text != "" && !v.isItemStart(l.text) {
			for i := range out {
				if mentions(cells(l)[0].text, i) {
					groups = append(groups, group{owner: i})
					break
				}
			}
		}
		g := &groups[len(groups)-1]
		g.lines = append(g.lines, l)
	}
	for _, g := range groups {
		for _, it := range v.items(g.lines) {
			c := v.control(it)
			if c.Text == "" {
				continue
			}
			who := g.owner
			for i := range out {
				if mentions(c.Text, i) {
					who = i
					break
				}
			}
			out[who].CSOCs = append(out[who].CSOCs, c)
		}
	}
	return out
}

// reLegal finds a legal form at the end of a name (templates/company/legal_forms.yaml).
var reLegal = lazyre.New(`,?\s+(` + company.LegalFormPattern() + `)$`)

func (v *assuranceVocab) isItemStart(s string) bool {
	if reBullet.MatchString(s) {
		return true
	}
	for _, re := range v.itemStarts {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

func texts(ls []aLine) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text
	}
	return out
}

// exceptions reads the rows of the tests of controls (section IV, or the
// part under a tests heading) whose result is an exception, and the
// responses management gives to them there or under their own heading.
func (v *assuranceVocab) exceptions(lines []aLine) []ControlException {
	out := []ControlException{}
	var row []aLine
	flush := func() {
		if len(row) > 0 {
			if e, ok := v.exception(row); ok {
				out = append(out, e)
			}
		}
		row = nil
	}
	for _, l := range lines {
		if l.section != "IV" && l.part != "tests" {
			flush()
			continue
		}
		if l.text == "" || l.head {
			flush()
			continue
		}
		if v.tableHeader.MatchString(l.text) {
			continue
		}
		cs := cells(l)
		if v.controlID.MatchString(cs[0].text + " ") {
			flush()
			row = append(row, cs...)
			continue
		}
		if row != nil {
			row = append(row, cs...)
		}
	}
	flush()
	// Responses given apart: each starts with the control's id.
	resp := map[string]string{}
	id := ""
	for _, l := range partLines(lines, "responses") {
		t := strings.TrimPrefix(l.text, "Control ")
		if m := v.controlID.FindString(strings.Replace(t, ":", " ", 1) + " "); m != "" {
			id = strings.TrimSpace(m)
			t = strings.TrimSpace(strings.TrimLeft(t[len(id):], ":.–- "))
			resp[id] = v.responseLabel.ReplaceAllString(t, "")
			continue
		}
		if id != "" && l.text != "" {
			resp[id] += " " + l.text
		} else if l.text == "" {
			id = ""
		}
	}
	for i := range out {
		if r, ok := resp[out[i].Control]; ok && out[i].Response == "" {
			out[i].Response = strings.TrimSpace(r)
		}
	}
	return out
}

// exception reads one row of a tests table: the control id and activity,
// the test (from the first line that opens as a test does) and the result
// (from the first line after it that opens as a result does). ok is false
// when the result is not an exception.
func (v *assuranceVocab) exception(row []aLine) (ControlException, bool) {
	first := row[0].text + " "
	id := strings.TrimSpace(v.controlID.FindString(first))
	row[0].text = strings.TrimSpace(first[len(id):])
	test, result := -1, -1
	for i, l := range row {
		if test < 0 && i > 0 && v.testStarts.MatchString(l.text) {
			test = i
			continue
		}
		if v.resultOK.MatchString(l.text) || v.resultException.MatchString(l.text) {
			result = i
			break
		}
	}
	if result < 0 || !v.resultException.MatchString(row[result].text) {
		return ControlException{}, false
	}
	join := func(ls []aLine) string { return strings.Join(strings.Fields(strings.Join(texts(ls), " ")), " ") }
	actEnd := result
	e := ControlException{Control: id, At: row[0].place()}
	if test >= 0 {
		actEnd = test
		e.Test = join(row[test:result])
	}
	e.Activity = join(row[:actEnd])
	res := join(row[result:])
	res = strings.TrimSpace(v.resultException.ReplaceAllString(res, ""))
	if loc := v.responseLabel.FindStringIndex(res); loc != nil {
		e.Response = strings.TrimSpace(res[loc[1]:])
		res = strings.TrimSpace(res[:loc[0]])
	}
	e.Deviation = res
	return e, true
}

// subserviceInText reads the subservice organizations of a report that
// has no list of them (a SOC 3): the companies, by their legal form, that a
// sentence stating the carve-out or inclusive method names, the vendor
// itself left out.
func (v *assuranceVocab) subserviceInText(paras []aPara, vendor string) []SubserviceOrg {
	out := []SubserviceOrg{}
	name := v.subserviceName.SubexpIndex("name")
	for _, p := range paras {
		for _, s := range sentences(p.text) {
			method := ""
			for _, m := range []string{"carve-out", "inclusive"} {
				if v.methods[m].MatchString(s) {
					method = m
				}
			}
			if method == "" {
				continue
			}
			for _, m := range v.companyInText.FindAllStringSubmatch(s, -1) {
				n := strings.TrimSpace(m[name])
				if n == "" || n == vendor || slices.ContainsFunc(out, func(o SubserviceOrg) bool { return o.Name == n }) {
					continue
				}
				out = append(out, SubserviceOrg{Name: n, Method: method, CSOCs: []UserControl{}, At: p.first.place()})
			}
		}
	}
	return out
}

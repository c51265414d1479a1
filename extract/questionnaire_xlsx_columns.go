package extract

import (
	"sort"
	"strings"
)

// sectionCaption reports whether a row below the header repeats the column
// captions, as the section rows of sectioned forms (HECVAT) do.
func sectionCaption(lay *sheetLayout, cells []string) bool {
	for _, role := range []int{roleAnswer, roleNotes} {
		if cs := lay.roles[role]; len(cs.cols) == 1 && captionScore(normCaption(cell(cells, cs.cols[0])), role) > 0 {
			return true
		}
	}
	return false
}

// blankRow reports whether a row has no filled cell.
func blankRow(cells []string) bool {
	for _, v := range cells {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// likelyCaptions returns the texts of the first row with three or more
// short filled cells, for an error message.
func likelyCaptions(buf []bufRow) []string {
	for _, r := range buf {
		var cs []string
		for _, v := range r.cells {
			v = strings.Join(strings.Fields(v), " ")
			if v != "" && len(v) <= 60 {
				cs = append(cs, v)
			}
		}
		if len(cs) >= 3 {
			if len(cs) > 10 {
				cs = cs[:10]
			}
			return cs
		}
	}
	return nil
}

// findLayout picks the header row among the first rows of buf: the row whose
// captions name the most (weighted) roles, needing an ID, question or answer
// caption and at least two roles. It returns nil when there is none.
func findLayout(buf []bufRow, byStart map[[2]int]*mergeRange, hidden map[int]bool) *sheetLayout {
	var best *sheetLayout
	bestScore := 0
	for i, r := range buf {
		if r.num > xlsxHeaderScan {
			break
		}
		if hasQuestionID(r.cells) {
			continue // a data row, not captions
		}
		lay := &sheetLayout{headerRow: r.num, titleID: -1}
		lay.captions = make([]string, len(r.cells))
		for c, v := range r.cells {
			lay.captions[c] = normCaption(v)
		}
		assignRoles(lay, lay.captions, hidden)
		// A section caption over the ID column ("Required Questions") is
		// not the question column.
		if cs := lay.roles[roleQuestion]; cs.ok() && idColumn(buf[i+1:], cs.cols[0]) {
			lay.roles[roleQuestion] = colSet{}
		}
		score, n := 0, 0
		for role := range nRoles {
			if lay.roles[role].ok() {
				score += roleWeight[role]
				n++
			}
		}
		if n < 2 || !(lay.roles[roleID].ok() || lay.roles[roleQuestion].ok() || lay.roles[roleAnswer].ok()) {
			continue
		}
		if score > bestScore {
			best, bestScore = lay, score
			expandGroups(best, buf, i, byStart)
		}
	}
	if best == nil {
		return nil
	}
	inferColumns(best, buf)
	if !best.roles[roleID].ok() && !best.roles[roleQuestion].ok() {
		return nil
	}
	return best
}

func hasQuestionID(cells []string) bool {
	for _, v := range cells {
		if questionID.MatchString(strings.TrimSpace(v)) {
			return true
		}
	}
	return false
}

// idColumn reports whether column c of the rows mostly holds question IDs.
func idColumn(rows []bufRow, c int) bool {
	ids, filled := 0, 0
	for _, r := range rows {
		v := strings.TrimSpace(cell(r.cells, c))
		if v == "" {
			continue
		}
		filled++
		if questionID.MatchString(v) {
			ids++
		}
	}
	return ids >= 2 && 2*ids > filled
}

// assignRoles gives each role its best-matching caption column: the
// strongest (role, column) matches are taken first, each role and column
// once; ties go to the role listed first, then to the leftmost column. A
// hidden column is the question column only when no visible one qualifies.
// A header without an answer caption takes the first free column right of
// the question captioned as a question ("Must Use Template?").
func assignRoles(lay *sheetLayout, captions []string, hidden map[int]bool) {
	type match struct{ role, col, score int }
	var ms []match
	for c, v := range captions {
		for role := range nRoles {
			if s := captionScore(v, role); s > 0 {
				if role == roleQuestion {
					// A caption naming questions beats "control
					// specification" beside it (the CCM's CAIQ tab).
					if strings.Contains(v, "question") && captionScore(v, roleID) == 0 {
						s += 1000
					}
					if hidden[c] {
						s -= 900
					}
				}
				ms = append(ms, match{role, c, s})
			}
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].score != ms[j].score {
			return ms[i].score > ms[j].score
		}
		if ms[i].role != ms[j].role {
			return ms[i].role < ms[j].role
		}
		return ms[i].col < ms[j].col
	})
	taken := map[int]bool{}
	for _, m := range ms {
		if taken[m.col] || lay.roles[m.role].ok() {
			continue
		}
		lay.roles[m.role] = colSet{cols: []int{m.col}}
		taken[m.col] = true
	}
	if qs := lay.roles[roleQuestion]; qs.ok() && !lay.roles[roleAnswer].ok() && !lay.roles[roleID].ok() {
		for c := qs.cols[0] + 1; c < len(captions) && c <= qs.cols[0]+3; c++ {
			if !taken[c] && strings.HasSuffix(captions[c], "?") && len(captions[c]) <= 60 {
				lay.roles[roleAnswer] = colSet{cols: []int{c}}
				taken[c] = true
				break
			}
		}
	}
}

// expandGroups handles captions spread over several columns: a role caption
// merged across columns with sub-captions in the row below the merge (CAIQ
// v3.0.1 "Consensus Assessment Answers" over Yes / No / Not Applicable), and
// a role caption merged across columns above the header row (CCM "…
// Ownership" over IaaS / PaaS / SaaS).
func expandGroups(lay *sheetLayout, buf []bufRow, hi int, byStart map[[2]int]*mergeRange) {
	rowAt := func(num int) []string {
		for _, r := range buf {
			if r.num == num {
				return r.cells
			}
		}
		return nil
	}
	subCaptions := func(num, c1, c2 int) ([]int, []string) {
		cells := rowAt(num)
		var cols []int
		var subs []string
		for c := c1; c <= c2; c++ {
			if v := strings.TrimSpace(cell(cells, c-1)); v != "" {
				cols = append(cols, c-1)
				subs = append(subs, strings.Join(strings.Fields(v), " "))
			}
		}
		return cols, subs
	}
	taken := map[int]bool{}
	for _, cs := range lay.roles {
		for _, c := range cs.cols {
			taken[c] = true
		}
	}
	hr := buf[hi].num
	// Captions in the header row merged over sub-captioned columns.
	for _, role := range []int{roleAnswer, roleOwner} {
		cs := lay.roles[role]
		if len(cs.cols) != 1 {
			continue
		}
		m := byStart[[2]int{hr, cs.cols[0] + 1}]
		if m == nil || m.c2 == m.c1 {
			continue
		}
		for num := m.r2 + 1; num <= m.r2+xlsxMaxHeaderCl; num++ {
			cols, subs := subCaptions(num, m.c1, m.c2)
			if len(cols) >= 2 {
				lay.roles[role] = colSet{cols: cols, subs: subs}
				lay.headerRow = max(lay.headerRow, num)
				break
			}
		}
	}
	// Group captions above the header row for roles it lacks.
	for _, role := range []int{roleAnswer, roleOwner} {
		if lay.roles[role].ok() {
			continue
		}
		for num := hr - 1; num >= hr-2 && num >= 1; num-- {
			var found *mergeRange
			for c, v := range rowAt(num) {
				m := byStart[[2]int{num, c + 1}]
				if m == nil || m.c2 == m.c1 || m.r2 >= hr || taken[c] {
					continue
				}
				if captionScore(normCaption(v), role) > 0 {
					found = m
					break
				}
			}
			if found == nil {
				continue
			}
			cols, subs := subCaptions(hr, found.c1, found.c2)
			free := true
			for _, c := range cols {
				free = free && !taken[c]
			}
			if len(cols) >= 2 && free {
				lay.roles[role] = colSet{cols: cols, subs: subs}
				for _, c := range cols {
					taken[c] = true
				}
			}
			break
		}
	}
}

// inferColumns fills in a missing ID column from the values below the header
// (the column most often holding question IDs, or numbered clause titles),
// then a missing question column (the first free column right of the IDs
// that mostly holds text), and notices question cells holding several
// ID-prefixed questions.
func inferColumns(lay *sheetLayout, buf []bufRow) {
	taken := map[int]bool{}
	for _, cs := range lay.roles {
		for _, c := range cs.cols {
			taken[c] = true
		}
	}
	var data []bufRow
	for _, r := range buf {
		if r.num > lay.headerRow {
			data = append(data, r)
		}
	}
	if !lay.roles[roleID].ok() {
		counts, titles := map[int]int{}, map[int]int{}
		for _, r := range data {
			for c, v := range r.cells {
				if taken[c] {
					continue
				}
				v = strings.TrimSpace(v)
				if questionID.MatchString(v) {
					counts[c]++
				}
				if titleNumber.MatchString(v) {
					titles[c]++
				}
			}
		}
		bc, bn := -1, 2
		for c, n := range counts {
			if n > bn || (n == bn && c < bc) {
				bc, bn = c, n
			}
		}
		if bc >= 0 {
			lay.roles[roleID] = colSet{cols: []int{bc}}
			taken[bc] = true
		} else if lay.roles[roleQuestion].ok() {
			tc, tn := -1, 2
			for c, n := range titles {
				if c < lay.roles[roleQuestion].cols[0] && 2*n > len(data) && (n > tn || n == tn && c < tc) {
					tc, tn = c, n
				}
			}
			lay.titleID = tc
		}
	}
	if !lay.roles[roleQuestion].ok() && lay.roles[roleID].ok() {
		idc := lay.roles[roleID].cols[0]
		for c := idc + 1; c < idc+4; c++ {
			if taken[c] {
				continue
			}
			ids, texts := 0, 0
			for _, r := range data {
				if questionID.MatchString(strings.TrimSpace(cell(r.cells, idc))) {
					ids++
					if len(strings.TrimSpace(cell(r.cells, c))) > 10 {
						texts++
					}
				}
			}
			if ids > 0 && 2*texts > ids {
				lay.roles[roleQuestion] = colSet{cols: []int{c}}
			}
			break
		}
	}
	if qs := lay.roles[roleQuestion]; qs.ok() {
		multi := 0
		for _, r := range data {
			if multiQLine.MatchString(firstLine(cell(r.cells, qs.cols[0]))) {
				multi++
			}
		}
		lay.multiQ = multi >= 3
	}
}

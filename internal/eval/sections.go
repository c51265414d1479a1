package eval

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// A cited section is compared as a path of parts from the outside in:
// "Exhibit A 3.1" is [exhibit a, 3, 1], "12.4(a)(ii)" is [12, 4, a, ii],
// `"Audit" 2` is ["audit", 2], `2 "Subprocessors"` is [2] (a title after
// a number is dropped), "5.0" is [5] (section 5 numbered as its heading).
// Designators (§, Section, Clause, Article, Paragraph) are dropped;
// exhibit words are spelled out ("Exh." → exhibit); headings, quoted or
// not, compare case- and space-insensitively, without the emoji or other
// symbols around them.

// attachmentWords maps the words that name a part of a document to their
// canonical spelling.
var attachmentWords = map[string]string{
	"exh": "exhibit", "exhibit": "exhibit", "exhibits": "exhibit",
	"annex": "annex", "annexure": "annex",
	"schedule": "schedule", "sch": "schedule", "sched": "schedule",
	"appendix": "appendix", "app": "appendix", "appx": "appendix",
	"attachment": "attachment", "att": "attachment", "attach": "attachment",
	"addendum": "addendum", "part": "part",
}

// designatorWords name a numbered unit without being part of its number.
var designatorWords = map[string]bool{
	"section": true, "sec": true, "sect": true, "sections": true, "clause": true, "cl": true, "clauses": true,
	"article": true, "art": true, "articles": true, "paragraph": true, "para": true, "paragraphs": true,
	"subsection": true, "sub-section": true, "item": true,
}

var romanRe = lazyre.New(`^(?:x{0,3})(?:ix|iv|v?i{0,3})$`)

// sectionPath parses one section reference into its comparable parts. It
// never fails: text it cannot read as numbering becomes a heading part.
func sectionPath(s string) []string {
	s = strings.ToLower(strings.TrimSpace(s))
	var out []string
	var heading []string
	// A heading after a number or an exhibit's name is that part's title
	// ("2 "Authorization to Use Subprocessors"", "3.1 Availability"), not
	// a place under it: it is dropped.
	titled := func() bool { return len(out) > 0 && !strings.HasPrefix(out[len(out)-1], `"`) }
	flush := func() {
		if len(heading) > 0 && !titled() {
			out = append(out, headingPart(strings.Join(heading, " ")))
		}
		heading = nil
	}
	r := []rune(s)
	for i := 0; i < len(r); {
		c := r[i]
		switch {
		case c == '"' || c == '“' || c == '”' || c == '\'' && i+1 < len(r) && unicode.IsLetter(r[i+1]) && (i == 0 || !unicode.IsLetter(r[i-1])):
			flush()
			closeAt := -1
			for j := i + 1; j < len(r); j++ {
				if r[j] == '"' || r[j] == '”' || r[j] == '“' || (c == '\'' && r[j] == '\'') {
					closeAt = j
					break
				}
			}
			if closeAt < 0 {
				closeAt = len(r)
			}
			if h := headingPart(string(r[i+1 : closeAt])); h != `""` && !titled() {
				out = append(out, h)
			}
			i = closeAt + 1
		case unicode.IsDigit(c):
			flush()
			j := i
			for j < len(r) && unicode.IsDigit(r[j]) {
				j++
			}
			// "5.0" is section 5 written as its heading ("5.0 Use of
			// Contract Services", whose items are 5.1, 5.2): a zero part
			// after a number is dropped.
			if n := trimZeros(string(r[i:j])); n != "0" || i == 0 || r[i-1] != '.' || len(out) == 0 || !allDigits(out[len(out)-1]) {
				out = append(out, n)
			}
			i = j
		case c == '(':
			j := i + 1
			for j < len(r) && r[j] != ')' {
				j++
			}
			inner := strings.TrimSpace(string(r[i+1 : min(j, len(r))]))
			if isNumberingToken(inner) {
				flush()
				out = append(out, trimZeros(inner))
			}
			i = j + 1
		case unicode.IsLetter(c):
			j := i
			for j < len(r) && (unicode.IsLetter(r[j]) || r[j] == '-' && j+1 < len(r) && unicode.IsLetter(r[j+1]) || r[j] == '\'' || r[j] == '’') {
				j++
			}
			word := string(r[i:j])
			next := rune(0)
			if j < len(r) {
				next = r[j]
			}
			i = j
			if next == '.' {
				i++ // "Exh." "Cl." "4.F."
			}
			if designatorWords[word] {
				flush()
				continue
			}
			if canon, ok := attachmentWords[word]; ok {
				flush()
				// The attachment's own name: "A", "2", "IV", "C-1".
				k := i
				for k < len(r) && r[k] == ' ' {
					k++
				}
				m := k
				for m < len(r) && (unicode.IsLetter(r[m]) || unicode.IsDigit(r[m])) {
					m++
				}
				id := string(r[k:m])
				if id != "" && (len(id) <= 3 || allDigits(id)) && !designatorWords[id] {
					out = append(out, canon+" "+trimZeros(id))
					i = m
				} else {
					out = append(out, canon)
				}
				continue
			}
			// A lone letter ("B.3", "A(v)", "§P") or a roman numeral
			// followed by numbering punctuation is a number part.
			if len(heading) == 0 && (len([]rune(word)) == 1 || romanRe.MatchString(word) && (next == '.' || next == '(' || next == 0)) {
				out = append(out, word)
				continue
			}
			heading = append(heading, word)
		default:
			if c == ':' || c == ',' || c == ';' {
				flush()
			}
			i++
		}
	}
	flush()
	return out
}

// apostrophes are the typographic ones, read as straight.
var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'")

// headingPart is a heading in comparable form: quoted, lower-case, single
// spaces, without surrounding punctuation or Markdown emphasis.
func headingPart(h string) string {
	// Typographic apostrophes compare as straight ones ("Processor’s" is
	// "Processor's"): documents and labels spell them either way.
	h = apostrophes.Replace(h)
	// Emoji and other symbols opening or closing a heading ("👤 Your
	// Account", "👩‍⚖️ Indemnity") are decoration: labels write them or
	// not, and the text layer may lose their joiners, so they go, with
	// the joiners and variation selectors that build them.
	h = strings.TrimFunc(h, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) ||
			unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
	})
	h = strings.ToLower(strings.Join(strings.Fields(h), " "))
	h = strings.Trim(h, " .:*_#-–—")
	return `"` + h + `"`
}

// trimZeros drops leading zeros ("08" is 8) but keeps "0".
func trimZeros(s string) string {
	if t := strings.TrimLeft(s, "0"); t != "" {
		return t
	}
	return s[:min(len(s), 1)]
}

func isNumberingToken(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	for _, c := range s {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for _, c := range s {
		if !unicode.IsDigit(c) {
			return false
		}
	}
	return s != ""
}

// SectionUnder reports whether the section got (the engine's citation)
// is the labelled section or a sub-clause of it: "8.2" and "8(b)" are under
// "8", "Exhibit A 3.1" is under "Exh. A", `"Audit" 2` is under `"Audit"`.
// An empty section is under nothing.
func SectionUnder(got, labelled string) bool {
	g, l := sectionPath(got), sectionPath(labelled)
	if len(l) == 0 || len(l) > len(g) {
		return false
	}
	for i := range l {
		if g[i] != l[i] {
			return false
		}
	}
	return true
}

// SectionMatches reports whether got is under any of the labelled sections.
func SectionMatches(got string, labelled []string) bool {
	for _, l := range labelled {
		if SectionUnder(got, l) {
			return true
		}
	}
	return false
}

// PreambleTitled reports whether got, the engine's citation, is the
// preamble of a document whose title heading (the preamble clause's
// Heading, see extract.SplitClauses) is a labelled section: the text before
// the first clause is cited as "preamble" by ssrm and, where the document
// opens with a title, by that title by a lawyer ("Terms of Service"). Both
// name the same text.
func PreambleTitled(got, title string, labelled []string) bool {
	if got != "preamble" || strings.TrimSpace(title) == "" {
		return false
	}
	want := headingPart(strings.Trim(title, `"“”`))
	for _, l := range labelled {
		if p := sectionPath(l); len(p) == 1 && p[0] == want {
			return true
		}
	}
	return false
}

// reRowLabel is the quoted label that ends a form row's citation
// (`"Key Terms" "Security Policy"`, `Annex II "Technical Measures"`).
var reRowLabel = lazyre.New(`\S\s+"([^"]+)"$`)

// RowLabelled reports whether a labelled section names, as a quoted
// heading alone, the label of the form row cited: a lawyer writes `Key
// Terms "Security Policy"` or `cover "Approved Subprocessors"`, read as the
// label alone, for ssrm's `"Key Terms" "Security Policy"`.
func RowLabelled(got string, labelled []string) bool {
	m := reRowLabel.FindStringSubmatch(got)
	if m == nil {
		return false
	}
	want := headingPart(m[1])
	for _, l := range labelled {
		if p := sectionPath(l); len(p) == 1 && p[0] == want {
			return true
		}
	}
	return false
}

// HeadingTitled reports whether a labelled section names, as a quoted
// heading alone, the heading of the cited clause or of one of its parents
// (headings, from the cited clause up): a document whose clauses are both
// numbered and titled ("2. Updates to these Terms") is cited by ssrm by its
// number and may be labelled by its title ("Updates to these Terms"); both
// name the same clause.
func HeadingTitled(headings []string, labelled []string) bool {
	for _, h := range headings {
		if strings.TrimSpace(h) == "" {
			continue
		}
		want := headingPart(strings.Trim(h, `"“”`))
		for _, l := range labelled {
			if p := sectionPath(l); len(p) == 1 && p[0] == want {
				return true
			}
		}
	}
	return false
}

// SplitSections reads the section column of the new label format: places
// separated by ";" (outside quotes), each as written.
func SplitSections(s string) []string {
	var out []string
	var b strings.Builder
	inQuote := false
	for _, c := range s {
		switch {
		case c == '"' || c == '“' || c == '”':
			inQuote = !inQuote
			b.WriteRune(c)
		case c == ';' && !inQuote:
			if t := strings.TrimSpace(b.String()); t != "" {
				out = append(out, t)
			}
			b.Reset()
		default:
			b.WriteRune(c)
		}
	}
	if t := strings.TrimSpace(b.String()); t != "" {
		out = append(out, t)
	}
	return out
}

// refRe matches a section reference at the start of a piece of free-text
// evidence: an optional exhibit name, an optional designator, numbering,
// an optional range ("§9–10", "4(b)–(c)", "§1–§4") and an optional title
// in quotes, which is the section's name and not another place.
var refRe = lazyre.New(`(?i)^(?:((?:exh\.?|exhibit|annex|schedule|sch\.|appendix|attachment)\s*[a-z0-9]{1,3}\b\.?)\s*)?` +
	`(?:§+\s*|(?:section|sec\.|clause|cl\.|article|art\.|paragraph|para\.)\s*)?` +
	`((?:[0-9]+|[a-z](?:\b|[.(]))(?:\.?[a-z0-9]+|\([a-z0-9]{1,5}\))*\.?)?` +
	`(?:\s*-\s*§?\s*((?:[0-9]+|[a-z]\b|\([a-z0-9]{1,5}\))(?:\.?[a-z0-9]+|\([a-z0-9]{1,5}\))*))?` +
	`(?:\s*"[^"]*")?`)

var quotedRe = lazyre.New(`"([^"]+)"`)

// ParseEvidenceSections reads the places cited in the free-text evidence of
// terms-ground-truth.csv: `yes §3.3(ii) (escorted tour ...); §4.3 (cost
// books)` gives 3.3(ii) and 4.3. Notes in parentheses are dropped, ranges
// are expanded ("§9–10" gives 9 and 10; "4(b)–(c)" gives 4(b) and 4(c)), a
// quoted heading standing alone is a heading (`"Audit"`), a quoted title
// after a number is that section's name, and a part that starts with
// words ("conflicts with Exh. D §2.1, §10.5") cites nothing, nor does the
// rest of its ";" group. Exhibit words are spelled out ("Exh. A §9" gives
// "Exhibit A 9"); designators (§, Cl., Section) are dropped.
func ParseEvidenceSections(evidence string) []string {
	s := dropNotes(evidence)
	s = strings.NewReplacer("–", "-", "—", "-", "“", `"`, "”", `"`, "[x]", "", "[X]", "", "[ ]", "").Replace(s)
	var out []string
	seen := map[string]bool{}
	add := func(x string) {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	for _, group := range strings.Split(s, ";") {
		for _, piece := range splitTop(group, ",+") {
			piece = strings.TrimSpace(piece)
			for _, lead := range []string{"yes", "?", "no"} {
				if p, ok := cutWord(piece, lead); ok {
					piece = p
				}
			}
			if piece == "" {
				continue
			}
			refs, ok := pieceRefs(piece)
			if !ok {
				break // words, not a place: the rest of the group is commentary
			}
			for _, r := range refs {
				add(r)
			}
		}
	}
	return out
}

// pieceRefs reads the references of one comma-separated piece; ok is false
// when the piece is commentary.
func pieceRefs(piece string) ([]string, bool) {
	m := refRe.FindStringSubmatchIndex(piece)
	if m != nil && m[1] > 0 && (m[2] >= 0 || m[4] >= 0) {
		attach := ""
		if m[2] >= 0 {
			attach = canonAttachment(piece[m[2]:m[3]])
		}
		num, rangeEnd := "", ""
		if m[4] >= 0 {
			num = strings.TrimSuffix(piece[m[4]:m[5]], ".")
		}
		if m[6] >= 0 {
			rangeEnd = piece[m[6]:m[7]]
		}
		var nums []string
		switch {
		case num == "":
			nums = []string{""}
		case rangeEnd == "":
			nums = []string{num}
		default:
			nums = expandRange(num, rangeEnd)
		}
		var refs []string
		for _, n := range nums {
			refs = append(refs, strings.TrimSpace(attach+" "+n))
		}
		return refs, true
	}
	// No numbering: quoted headings are the places ("Key Terms "Security
	// Policy"", "cover "Approved Subprocessors"").
	q := quotedRe.FindAllStringSubmatch(piece, -1)
	if len(q) == 0 {
		return nil, false
	}
	var refs []string
	for _, x := range q {
		refs = append(refs, `"`+strings.TrimSpace(x[1])+`"`)
	}
	return refs, true
}

func canonAttachment(a string) string {
	f := strings.Fields(strings.NewReplacer(".", " ").Replace(a))
	if len(f) == 0 {
		return ""
	}
	w := strings.ToLower(f[0])
	// "Exh.A" has no space: split the name off the word.
	name := ""
	if len(f) > 1 {
		name = f[1]
	}
	canon := attachmentWords[w]
	if canon == "" {
		for word, c := range attachmentWords {
			if strings.HasPrefix(w, word) && len(w) > len(word) && len(w)-len(word) <= 3 {
				canon, name = c, a[len(word):]
				break
			}
		}
	}
	if canon == "" {
		return a
	}
	return strings.ToUpper(canon[:1]) + canon[1:] + " " + strings.ToUpper(strings.TrimSpace(strings.Trim(name, ".")))
}

// numParts splits numbering into its parts with their separators:
// "9(b)(iii)" → ["9", "(b)", "(iii)"], "4.F" → ["4", ".F"].
func numParts(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		j := i + 1
		switch s[i] {
		case '(':
			for j < len(s) && s[j] != ')' {
				j++
			}
			j++
		case '.':
			for j < len(s) && s[j] != '.' && s[j] != '(' {
				j++
			}
		default:
			for j < len(s) && s[j] != '.' && s[j] != '(' {
				j++
			}
		}
		out = append(out, s[i:min(j, len(s))])
		i = j
	}
	return out
}

// expandRange turns "9"–"10", "4(b)"–"(c)", "4.F"–"G", "6.6"–"6.7" and
// "1"–"4" into every section of the range: integers and letters are
// filled in (up to 30 steps), other ranges give their two ends.
func expandRange(from, to string) []string {
	fp, tp := numParts(from), numParts(to)
	if len(tp) > len(fp) {
		return []string{from, to}
	}
	end := append([]string(nil), fp[:len(fp)-len(tp)]...)
	for k, p := range tp {
		orig := fp[len(fp)-len(tp)+k]
		if sep := orig[:1]; (sep == "." || sep == "(") && p[:1] != sep {
			if sep == "(" {
				p = "(" + p + ")"
			} else {
				p = "." + p
			}
		}
		end = append(end, p)
	}
	a, b := fp[len(fp)-1], end[len(end)-1]
	prefix := strings.Join(fp[:len(fp)-1], "")
	if len(tp) > 1 || strings.Join(end[:len(end)-1], "") != prefix {
		return []string{from, strings.Join(end, "")}
	}
	wrapA, coreA := splitSep(a)
	_, coreB := splitSep(b)
	var mids []string
	if x, err1 := strconv.Atoi(coreA); err1 == nil {
		if y, err2 := strconv.Atoi(coreB); err2 == nil && y > x && y-x <= 30 {
			for n := x; n <= y; n++ {
				mids = append(mids, strconv.Itoa(n))
			}
		}
	} else if rx, ry := romanValue(coreA), romanValue(coreB); rx > 0 && ry > rx && ry-rx <= 30 {
		for n := rx; n <= ry; n++ {
			mids = append(mids, toRoman(n, unicode.IsUpper(rune(coreA[0]))))
		}
	} else if len(coreA) == 1 && len(coreB) == 1 && coreB[0] > coreA[0] && coreB[0]-coreA[0] <= 30 {
		for c := coreA[0]; c <= coreB[0]; c++ {
			mids = append(mids, string(c))
		}
	}
	if mids == nil {
		return []string{from, strings.Join(end, "")}
	}
	var out []string
	for _, m := range mids {
		switch wrapA {
		case "(":
			out = append(out, prefix+"("+m+")")
		case ".":
			out = append(out, prefix+"."+m)
		default:
			out = append(out, prefix+m)
		}
	}
	return out
}

func splitSep(p string) (sep, core string) {
	switch {
	case strings.HasPrefix(p, "("):
		return "(", strings.TrimSuffix(p[1:], ")")
	case strings.HasPrefix(p, "."):
		return ".", p[1:]
	}
	return "", p
}

var romanDigits = map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50}

func romanValue(s string) int {
	s = strings.ToLower(s)
	if s == "" || !romanRe.MatchString(s) {
		return 0
	}
	total := 0
	for i := 0; i < len(s); i++ {
		v := romanDigits[s[i]]
		if i+1 < len(s) && romanDigits[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

func toRoman(n int, upper bool) string {
	vals := []int{10, 9, 5, 4, 1}
	syms := []string{"x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	if upper {
		return strings.ToUpper(b.String())
	}
	return b.String()
}

// dropNotes removes parenthesised notes ("(escorted tour of hosting
// premises)") but keeps numbering in parentheses ("(ii)", "(b)").
func dropNotes(s string) string {
	var b strings.Builder
	r := []rune(s)
	for i := 0; i < len(r); i++ {
		if r[i] != '(' {
			b.WriteRune(r[i])
			continue
		}
		depth, j := 0, i
		for ; j < len(r); j++ {
			if r[j] == '(' {
				depth++
			} else if r[j] == ')' {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		inner := string(r[i+1 : min(j, len(r))])
		if depth == 0 && isNumberingToken(inner) {
			b.WriteString("(" + inner + ")")
		} else {
			b.WriteRune(' ')
		}
		i = j
	}
	return b.String()
}

// splitTop splits s at any of the separator runes outside double quotes.
func splitTop(s, seps string) []string {
	var out []string
	inQuote := false
	start := 0
	for i, c := range s {
		if c == '"' {
			inQuote = !inQuote
		}
		if !inQuote && strings.ContainsRune(seps, c) {
			out = append(out, s[start:i])
			start = i + len(string(c))
		}
	}
	return append(out, s[start:])
}

// cutWord removes a leading word w (case-insensitive) followed by a space
// or the end.
func cutWord(s, w string) (string, bool) {
	if len(s) < len(w) || !strings.EqualFold(s[:len(w)], w) {
		return s, false
	}
	rest := s[len(w):]
	if rest != "" && rest[0] != ' ' {
		return s, false
	}
	return strings.TrimSpace(rest), true
}

package extract

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/company"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
	"github.com/xuri/excelize/v2"
)

// Where a questionnaire's vendor name comes from (Questionnaire.VendorSource).
const (
	// VendorFromForm: a field of the form ("Vendor Name", GNRL-01, a
	// legend "Acme (App Vendor)").
	VendorFromForm = "form"
	// VendorFromAnswers: the name the answers use for the one who answers
	// ("Instructure maintains ...", "WhitePact operates ...").
	VendorFromAnswers = "answers"
	// VendorFromProperties: the workbook's document properties (company,
	// or the title's leading name), the last resort.
	VendorFromProperties = "file properties"
)

// nameVotes counts, over a questionnaire's answers, the proper names that
// stand as the subject of what the answering organisation does ("Acme
// maintains", "Acme's security team"), and the words seen in lower case, so
// that a common word capitalised at a sentence's start ("Data is ...") is
// not taken for a name. Memory stays bounded: a few thousand words.
type nameVotes struct {
	votes map[string]int
	lower map[string]bool
	// answered counts items with an answer: a blank form has none.
	answered int
	// memo: the names of the texts read so far (memoTexts).
	memo map[string][]string
}

var (
	// reSubjectName: one to three capitalised words (WhitePact, Canvas
	// LMS, Acme Cloud) before a verb of what an organisation does, or a
	// possessive.
	reSubjectName = lazyre.New(`\b([A-Z][A-Za-z0-9&]*[a-z0-9][A-Za-z0-9&]*(?:\s+[A-Z][A-Za-z0-9&]+){0,2})(?:,?\s+(?:` + company.LegalFormPattern() + `))?(?:['’]s\s+[a-z]|\s+(?:` + strings.Join(subjectVerbs, "|") + `)\b)`)
	// subjectVerbs are the verbs of reSubjectName, in its order.
	subjectVerbs = []string{"is", "has", "maintains", "operates", "uses", "utilizes", "utilises", "performs", "provides", "employs", "conducts", "runs", "does", "follows", "requires", "supports", "offers", "manages", "hosts", "engages", "retains", "ensures", "leverages", "monitors", "encrypts", "reviews", "stores", "complies", "undergoes", "holds", "carries", "partners", "takes", "implements", "enforces", "tests", "will", "shall", "can", "may", "was", "currently", "also", "does not", "has not", "is not"}
	// notNames are words that start sentences in capitals and are never
	// a vendor's name.
	notNames = map[string]bool{"the": true, "this": true, "that": true, "these": true, "those": true, "it": true, "we": true, "our": true, "all": true, "each": true, "there": true, "no": true, "yes": true, "not": true, "any": true, "customer": true, "customers": true, "client": true, "clients": true, "user": true, "users": true, "access": true, "data": true, "security": true, "see": true, "please": true, "if": true, "when": true, "where": true, "what": true, "which": true, "who": true, "how": true, "an": true, "a": true, "in": true, "for": true, "as": true, "aws": true, "amazon": true, "microsoft": true, "google": true, "azure": true, "institution": true, "vendor": true, "provider": true, "company": true, "team": true, "policy": true, "system": true}
)

// isLowerWord reports whether w is a word in lower case: a letter a-z,
// then one or more of a-z and 0-9 (the pattern ^[a-z][a-z0-9]+$, by hand:
// it is tried on every word of every answer).
func isLowerWord(w string) bool {
	if len(w) < 2 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func (v *nameVotes) add(it Item) {
	if v.votes == nil {
		v.votes, v.lower, v.memo = map[string]int{}, map[string]bool{}, map[string][]string{}
	}
	if it.AnswerNormalized != AnswerUnanswered || strings.TrimSpace(it.Notes+it.Ownership+it.CSPImplementation) != "" {
		v.answered++
	}
	texts := [3]string{it.Answer, it.Notes, it.CSPImplementation}
	for k, text := range texts {
		if text == "" || k > 0 && text == texts[0] || k > 1 && text == texts[1] {
			continue
		}
		names, ok := v.memo[text]
		if !ok {
			names = v.read(text)
		}
		for _, name := range names {
			if len(v.votes) > 5000 && v.votes[name] == 0 {
				continue
			}
			v.votes[name]++
		}
	}
}

// Texts of at most memoText bytes are remembered with the names they
// hold, up to memoTexts of them: a form's answers repeat ("Customers
// manage their own users."), and a text read before adds no word in lower
// case that is not already counted (the words of a text are all added or,
// past the set's bound, none), and the same names.
const (
	memoTexts = 2048
	memoText  = 512
)

// read adds the words in lower case of a text not read before and returns
// the names it holds as a subject, in order (repeats kept).
func (v *nameVotes) read(text string) []string {
	if len(v.lower) < 20000 {
		lowerWords(text, func(w string) { v.lower[w] = true })
	}
	var names []string
	if maySubjectName(text) {
		for _, m := range subjectNames(text) {
			name := strings.Join(strings.Fields(m[1]), " ")
			if notNames[strings.ToLower(strings.Fields(name)[0])] {
				continue
			}
			names = append(names, name)
		}
	}
	if len(text) <= memoText && len(v.memo) < memoTexts {
		v.memo[text] = names
	}
	return names
}

// lowerWords calls add with each word in lower case of text (isLowerWord)
// once its punctuation is trimmed: a word in running text, not part of an
// address, a path or an identifier ("instructure.com", "whitepact_metrics").
// It is, by hand, the loop
//
//	for _, tok := range strings.Fields(text) {
//		w := strings.Trim(tok, wordTrim)
//		if w != "" && !strings.ContainsAny(w, "./@_:\\=") && isLowerWord(w) {
//			add(w)
//		}
//	}
//
// (TestLowerWords, FuzzLowerWords): strings.Trim with curly quotes in its
// cutset takes its slow path, and this runs on every word of every answer.
// A word isLowerWord accepts holds none of "./@_:\\=".
func lowerWords(text string, add func(string)) {
	for i := 0; i < len(text); {
		// Skip white space (unicode.IsSpace, as strings.Fields).
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			i += n
			continue
		}
		// The token runs to the next white space.
		j := i
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		if w := trimWord(text[i:j]); isLowerWord(w) {
			add(w)
		}
		i = j
	}
}

// wordTrim is the punctuation trimmed off a word's ends (lowerWords).
const wordTrim = `()[]{},;:"'!?.“”‘’`

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// trimWord is strings.Trim(w, wordTrim).
func trimWord(w string) string {
	for len(w) > 0 {
		if n := trimAt(w); n > 0 {
			w = w[n:]
			continue
		}
		break
	}
	for len(w) > 0 {
		if n := trimBefore(w); n > 0 {
			w = w[:len(w)-n]
			continue
		}
		break
	}
	return w
}

// trimAt returns the length of the wordTrim character opening w, or 0.
func trimAt(w string) int {
	switch w[0] {
	case '(', ')', '[', ']', '{', '}', ',', ';', ':', '"', '\'', '!', '?', '.':
		return 1
	case 0xE2: // “ ” ‘ ’ are E2 80 9C, 9D, 98, 99
		if len(w) >= 3 && w[1] == 0x80 && (w[2] == 0x9C || w[2] == 0x9D || w[2] == 0x98 || w[2] == 0x99) {
			return 3
		}
	}
	return 0
}

// trimBefore returns the length of the wordTrim character closing w, or 0.
func trimBefore(w string) int {
	n := len(w)
	switch w[n-1] {
	case '(', ')', '[', ']', '{', '}', ',', ';', ':', '"', '\'', '!', '?', '.':
		return 1
	case 0x9C, 0x9D, 0x98, 0x99:
		if n >= 3 && w[n-3] == 0xE2 && w[n-2] == 0x80 {
			return 3
		}
	}
	return 0
}

// maySubjectName says reSubjectName may match text: every match opens
// with an ASCII capital and holds a space (\s) after it, before its verb
// or possessive. Most answers ("Yes", "N/A", "No") hold none, and the
// pattern, which opens with a word boundary, is tried at every byte.
func maySubjectName(text string) bool {
	i := strings.IndexFunc(text, func(r rune) bool { return 'A' <= r && r <= 'Z' })
	return i >= 0 && strings.LastIndexAny(text, " \t\n\f\r") > i
}

// best returns the name the answers use most for the vendor: at least
// three times, more than any other, and never written in lower case as a
// common word.
func (v *nameVotes) best() string {
	type nv struct {
		name string
		n    int
	}
	var all []nv
	for name, n := range v.votes {
		if v.lower[strings.ToLower(strings.Fields(name)[0])] {
			continue
		}
		all = append(all, nv{name, n})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return all[i].name < all[j].name
	})
	if len(all) == 0 || all[0].n < 3 {
		return ""
	}
	if len(all) > 1 && all[1].n*3 > all[0].n*2 && !strings.HasPrefix(all[1].name, all[0].name) && !strings.HasPrefix(all[0].name, all[1].name) {
		return "" // two names about as common: no telling which answers
	}
	return all[0].name
}

// reTitleName takes the leading name of a document title that names the
// form after it: "Instructure CAIQ v4.0.3 STAR", "Acme HECVAT 3.04".
var reTitleName = lazyre.New(`^\s*(.{2,60}?)\s+(?:-\s+)?(?:CAIQ|HECVAT|K-?12\s*CVAT|ISO|SOA|SoA|Statement of Applicability|Security Questionnaire|Questionnaire|Controls? Responsibility Matrix|CRM|CIS|FedRAMP|NIST|Customer Responsibility|Vendor Assessment)\b`)

// propertiesVendor reads the vendor's name from a workbook's document
// properties: the application's Company field, else the leading name of
// the title. Names of tools that write workbooks are not names.
func propertiesVendor(f *excelize.File) string {
	if app, err := f.GetAppProps(); err == nil && app != nil {
		if c := cleanPropName(app.Company); c != "" {
			return c
		}
	}
	if core, err := f.GetDocProps(); err == nil && core != nil {
		if m := reTitleName.FindStringSubmatch(core.Title); m != nil {
			return cleanPropName(m[1])
		}
	}
	return ""
}

// reFormName finds the name of a form or its publisher in a title, which
// is no vendor.
var reFormName = lazyre.New(`(?i)\b(fedramp|template|csa|cloud security alliance|educause|cosn|nist|iso)\b`)

var toolNames = map[string]bool{"microsoft": true, "microsoft corporation": true, "openpyxl": true, "axlsx": true, "excelize": true, "apache poi": true, "libreoffice": true, "google": true, "wps": true, "": true}

func cleanPropName(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == ',' })
	if toolNames[strings.ToLower(s)] || len(s) > 60 || placeholder.MatchString(s) || strings.ContainsAny(s, "<>[]{}") || reFormName.MatchString(s) {
		return ""
	}
	return s
}

// settleVendor sets the questionnaire's vendor and where the name comes
// from: the form's own field, else the answers, else (f non-nil) the
// workbook's properties — not for a blank form, whose properties name the
// template's author.
func settleVendor(q *Questionnaire, votes *nameVotes, f *excelize.File) {
	switch {
	case q.Vendor != "":
		q.VendorSource = VendorFromForm
	case votes != nil && votes.best() != "":
		q.Vendor, q.VendorSource = votes.best(), VendorFromAnswers
	case f != nil && votes != nil && votes.answered > 0:
		if v := propertiesVendor(f); v != "" {
			q.Vendor, q.VendorSource = v, VendorFromProperties
		}
	}
}

// settleFromItems settles the vendor of a questionnaire read whole (CSV,
// the legacy binary workbook) from its items.
func settleFromItems(q *Questionnaire) {
	var v nameVotes
	if q.Vendor == "" {
		for _, it := range q.Items {
			v.add(it)
		}
	}
	settleVendor(q, &v, nil)
}

// reCoverSheet names a sheet that may state who answers: a cover, an
// introduction, general or company information.
var reCoverSheet = lazyre.New(`(?i)cover|introduction|general|company|vendor|supplier|information|start|respondent|details`)

// coverRows is how many rows of a cover sheet are read for names.
const coverRows = 40

// coverNames reads the vendor (and, if not known yet, the product) a cover
// sheet states ("CSP Name: Acme", a "Vendor Name" caption beside its
// value), from the first rows of the sheets that are not data sheets.
//
// The rows are read as readXLSXSheet reads a data sheet's, by the lean
// reader (raw) when it can: excelize's own loop would decode the whole
// shared-strings table a second time, with encoding/xml, for these few rows.
func coverNames(f *excelize.File, raw *rawSheets, sheets []string, product string) (string, string) {
	for _, name := range sheets {
		if !reCoverSheet.MatchString(name) {
			continue
		}
		rows, err := f.Rows(name)
		if err != nil {
			continue
		}
		next := excelizeRows(rows)
		var fr *fastRows
		if !xlsxNoFastRows && raw != nil {
			if fr = newFastRows(f, raw, name, rows); fr != nil {
				next = fr.next
			}
		}
		var buf []bufRow
		for n := 1; n <= coverRows; n++ {
			_, cells, ok, err := next()
			if err != nil || !ok {
				break
			}
			buf = append(buf, bufRow{n, cells})
		}
		if fr != nil {
			fr.close()
		}
		rows.Close()
		v, p := statedNames(buf, coverRows)
		if product == "" {
			product = p
		}
		if v != "" {
			return v, product
		}
	}
	return "", product
}

// reSubjectNameAt is reSubjectName anchored, for subjectNames.
var reSubjectNameAt = lazyre.New(`^(?:` + reSubjectName.String() + `)`)

// subjectNames returns reSubjectName.FindAllStringSubmatch(text, -1).
// Every match of the pattern opens with a word boundary and an ASCII
// capital, so the anchored pattern is tried only at a capital whose byte
// before, if any, is no ASCII letter, digit or underscore (where \b holds;
// a byte of a multi-byte rune is none of them, as its rune is no word
// character for \b), in order, each search going on from the end of the
// match before, as FindAll's does. The unanchored pattern was tried at
// every byte of every answer that holds a capital and a space.
func subjectNames(text string) [][]string {
	var out [][]string
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < 'A' || c > 'Z' || i > 0 && isASCIIWordByte(text[i-1]) {
			continue
		}
		if end, j, known := subjectAt(text, i); known {
			if end > 0 {
				out = append(out, []string{text[i:end], text[i:j]})
				i = end - 1
			}
			continue
		}
		m := reSubjectNameAt.FindStringSubmatchIndex(text[i:subjectWindow(text, i)])
		if m == nil {
			continue
		}
		sub := make([]string, len(m)/2)
		for k := range sub {
			if m[2*k] >= 0 {
				sub[k] = text[i+m[2*k] : i+m[2*k+1]]
			}
		}
		out = append(out, sub)
		i += m[1] - 1 // the next search starts where this match ends
	}
	return out
}

// subjectAt reads, without the pattern, the commonest case of a match of
// reSubjectName at i (an ASCII capital where \b holds): one name word, white
// space and a verb ("Acme maintains", "Access is"), and the cases with no
// match that are told by the bytes after the first word. known says it
// could tell; then end is the match's end (0: no match) and j the name's.
// Otherwise (a comma, an apostrophe, a second capitalised word, or a word
// opening as a legal form may: "plc", "performs") the pattern decides.
//
// Why it is the pattern's answer: the name's first word
// [A-Z][A-Za-z0-9&]*[a-z0-9][A-Za-z0-9&]* must be the whole run of those
// bytes at i (any shorter prefix is followed by a byte of the run, which
// none of \s, ',' and the apostrophes is), with a lower-case letter or a
// digit after its first byte. After it and white space, a byte that is
// neither an ASCII capital nor the first byte of a legal form rules out a
// second name word and a legal form; the possessive needs its apostrophe
// at once; so the match is the verb, which is the first alternative equal
// to the whole \w run there (its \b), and "does not", "has not", "is not"
// never win over "does", "has", "is" written before them.
func subjectAt(text string, i int) (end, j int, known bool) {
	j = i + 1
	low := false
	for j < len(text) {
		c := text[j]
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			low = true
		} else if (c < 'A' || c > 'Z') && c != '&' {
			break
		}
		j++
	}
	if !low || j == len(text) {
		return 0, j, true
	}
	switch c := text[j]; {
	case c == ',' || c == '\'' || c == 0xE2: // a legal form after a comma; ’s
		return 0, j, false
	case !isRegexpSpace(c):
		return 0, j, true
	}
	k := j
	for k < len(text) && isRegexpSpace(text[k]) {
		k++
	}
	if k == len(text) {
		return 0, j, true
	}
	if c := text[k]; 'A' <= c && c <= 'Z' || legalFirst()[c] {
		return 0, j, false
	}
	e := k
	for e < len(text) && isASCIIWordByte(text[e]) {
		e++
	}
	if subjectVerb()[text[k:e]] {
		return e, j, true
	}
	return 0, j, true
}

var (
	// legalFirst: the first bytes of the legal forms.
	legalFirst = sync.OnceValue(func() (b [256]bool) {
		for _, f := range company.LegalForms() {
			b[f[0]] = true
		}
		return b
	})
	// subjectVerb: the one-word verbs of reSubjectName.
	subjectVerb = sync.OnceValue(func() map[string]bool {
		m := map[string]bool{}
		for _, v := range subjectVerbs {
			if !strings.Contains(v, " ") {
				m[v] = true
			}
		}
		return m
	})
)

// subjectWindow is where the text a match of reSubjectName starting at i
// may read ends. A match crosses white space (\s: tab, line feed, form
// feed, carriage return, space) only by its \s+ and the spaces of "does
// not", "has not" and "is not": at most five runs of it (two between the
// name's words, one before a legal form, one before the verb or after
// the possessive, one inside the verb), and reads at most one byte past
// the word after the last. The window ends four bytes past the word that
// follows the eighth run, or at the text's end, so the anchored pattern
// reads the same bytes in it as in the whole text, and its backtracker
// clears a bitmap the size of the window, not of the text's rest (which,
// at every capital, cost more than the matching).
func subjectWindow(text string, i int) int {
	j, runs := i, 0
	for j < len(text) {
		if isRegexpSpace(text[j]) {
			for j < len(text) && isRegexpSpace(text[j]) {
				j++
			}
			if runs++; runs > 8 {
				break
			}
			continue
		}
		j++
	}
	for j < len(text) && !isRegexpSpace(text[j]) {
		j++
	}
	return min(len(text), j+4)
}

// isRegexpSpace reports whether b is white space for \s.
func isRegexpSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// isASCIIWordByte reports whether b is an ASCII letter, digit or
// underscore: a word character for \b.
func isASCIIWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_'
}

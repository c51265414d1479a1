package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Markers: the numbering at the start of a line, and the heading after it.

// mkind is the numbering style of a marker.
type mkind int

const (
	kNum    mkind = iota // 1.  1)  1 TITLE  Section 5  and dotted 1.2.3
	kUpper               // A.
	kLower               // a.
	kRUpper              // IV.
	kRLower              // iv.
	kPLower              // (a)
	kPUpper              // (A)
	kPRoman              // (iv)
	kPNum                // (1)
	kHead                // an unnumbered heading (never a marker's kind)
)

func (k mkind) paren() bool { return k >= kPLower && k <= kPNum }

func (k mkind) name() string {
	return [...]string{"num", "upper", "lower", "rupper", "rlower", "(a)", "(A)", "(i)", "(1)", "head"}[k]
}

type marker struct {
	kind    mkind
	path    []int  // kNum: the numbers; len>1 for dotted
	ord     int    // ordinal value (last number, letter index, roman value)
	label   string // as written: "12.4", "b", "IV"
	strong  bool   // Section/Article/Clause prefix
	numHead int    // N of "N(b)", else 0
	// headPath: the dotted clause of a lettered item written with its
	// number ("8.8.f", "8.8(f)", "8.8 f)"), numHead its first number.
	headPath     []int
	mdLevel      int
	indent       int
	rest         string // text after the marker on the line
	bold         bool
	strongDotted bool   // "Section 12.4": may skip numbers
	altRoman     int    // for letters that also read as roman numerals (i, v, x...): roman value
	capsHead     bool   // an all-caps title follows ("4. INCLUDED SERVICES."): may skip a number
	zero         bool   // written "N.0" ("3.0 Term"): an explicit section heading
	bare         bool   // a number without "." or ")" ("1 DEFINITIONS")
	closeParen   bool   // a number closed by ")" ("2) Text"), not by "."
	word         string // the designator of a strong marker: section, article, clause, sec, art
	// lower: a dotted number whose text starts in lower case ("6.2.2 all
	// information ..."), read only as a sub-clause under its parent (see
	// lowerDotted).
	lower bool
	// chain: rest opens the item's first sub-item ("(ii)(A) The ..."),
	// placed on the same line (see chained).
	chain bool
	// under is the letter a number is written with ("A" of "A.1."): it
	// numbers a clause only under the lettered section of that letter.
	under string
}

var (
	// boldItemLabelRe: a small letter or roman item mark, alone in bold
	// ("**a)**"); a capital one ("**A)**") may head a block of its own.
	boldItemLabelRe = lazyre.New(`^[a-z]{1,4}[.)]$`)
	mdHeadingRe     = lazyre.New(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	strongRe        = lazyre.New(`^(?i:(section|article|clause|sec\.|art\.))\s+(\d{1,3}(?:\.\d{1,3}){0,3}|[IVXLCivxlc]{1,7})\b\.?(.*)$`)
	// sectionSignRe: a section numbered with a section sign ("§ 10 Title",
	// "§3 Title"), read as "Section 10 Title".
	sectionSignRe = lazyre.New(`^§\s*(\d.*)$`)
	numHeadRe     = lazyre.New(`^(\d{1,3})\(([a-z]{1,4}|[A-Z]{1,4})\)(?:\s+|$)(.*)$`)
	// dottedItemRe: a lettered item written with its clause's dotted
	// number ("8.8.f. becomes aware", "8.6.a The Organisation", "8.8(f)",
	// "8.8 f)"): item f of clause 8.8, as numHeadRe's "8(b)" is item b
	// of clause 8.
	dottedItemRe = lazyre.New(`^(\d{1,3}(?:\.\d{1,3}){1,3})(?:\.([a-z]{1,4})\.?|\(([a-z]{1,4}|[A-Z]{1,4})\)|\s+([a-z]{1,4})\))(?:\s+|$)(.*)$`)
	// dottedRe: "10.4 Title", "10.4. Title", "3.1) Title", and
	// "10.4.Title" (the heading glued to its number, as some word
	// processors export it).
	dottedRe = lazyre.New(`^(\d{1,3}(?:\.\d{1,3}){1,3})(?:[.):]?(?:\s+|$)|\.(\p{Lu}))(.*)$`)
	numDotRe = lazyre.New(`^(\d{1,3})[.)](?:\s+|$)(.*)$`)
	// letterDotRe: "A.1. Overview", a number written with its lettered
	// section's letter.
	letterDotRe = lazyre.New(`^([A-Z])\.(\d{1,3})\.?(?:\s+|$)(.*)$`)
	numBareRe   = lazyre.New(`^(\d{1,3})\s+(.*)$`)
	// dateHeadRe is a date standing as a heading ("4 March 2021", "23 May
	// 2018"): its day is no clause number.
	dateHeadRe = lazyre.New(`(?i)^\d{1,2}\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+\d{4}\b`)
	letterRe   = lazyre.New(`^([A-Za-z]|[IVXLCivxlc]{2,7})[.)](?:\s+|$)(.*)$`)
	// parenRe: "(a) Text", and "(a). Text" with a stray full stop.
	parenRe = lazyre.New(`^\(([a-z]{1,5}|[A-Z]{1,5}|\d{1,3})\)\.?(?:\s+|$)(.*)$`)
	// gluedRe: a number glued to its text where a web page set the number
	// apart and its conversion to Markdown lost the space ("2.2The terms",
	// "3.Processor Customers.", "(a)“Deidentified Data” means",
	// "7.4**Alternative Transfer**"): a capital and a small letter, an
	// opening quote or emphasis follow, never a digit ("3.5GB" stays).
	gluedRe = lazyre.New(`^(\d{1,3}(?:\.\d{1,3}){0,3}\.?|\((?:[a-z]{1,5}|[A-Z]{1,5}|\d{1,3})\))((?:\*\*|__)?(?:\p{Lu}\p{Ll}|[“"‘]\S))`)
	// gluedLetterRe: a lettered item glued to the opening quote of the
	// term it defines (`a."Applicable Law" shall mean`); only a quote, as
	// "e.g." and "i.e." also glue a letter to a full stop.
	gluedLetterRe = lazyre.New(`^([A-Za-z]\.)([“"‘]\p{L})`)
	// chainRe: an item whose text opens its first sub-item on the same
	// line, as the CFR and the FAR/DFARS clauses write it ("(ii)(A) The
	// Contractor shall ...", "(c)(1) Within 72 hours ...").
	chainRe = lazyre.New(`^\(([a-z]{1,5}|[A-Z]{1,5}|\d{1,3})\)(\([a-zA-Z0-9]{1,5}\)\S*\s.*)$`)
	// mdBulletNumRe: a bullet item that opens with a dotted clause number
	// ("*   2.5 Security. Vendor will ...", "- **2.5** Security") or with
	// a bold item mark ("* **a.** circumvent any security feature").
	mdBulletNumRe = lazyre.New(`^[-*+]\s+((?:\*\*|__)?\d{1,3}(?:\.\d{1,3}){1,3}\.?(?:\*\*|__)?\s+|(?:\*\*|__)(?:[a-z]{1,4}[.)]|\([a-zA-Z0-9]{1,4}\))(?:\*\*|__)\s+)(.*)$`)
	// mdBulletTitleRe: the short title a numbered bullet item may hold
	// alone, its text in the items under it ("*   16.13. Updates.",
	// "- 4.2 Government Entity Rights:"): capitalised, ending in a full
	// stop or colon (a figure in a bullet list, "- 1.5 mg", is none).
	mdBulletTitleRe = lazyre.New(`^(?:\*\*|__)?\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’&-]+){0,4}[.:](?:\*\*|__)?$`)
	// mdBulletBoldTitleRe: a numbered bullet item bold as a whole, its
	// number and short title ("- **13.3 Amendments**"), its text on the
	// lines under it.
	mdBulletBoldTitleRe = lazyre.New(`^(?:\*\*\d{1,3}(?:\.\d{1,3}){1,3}\.?\s+\p{Lu}[^*\n]{0,80}\*\*|__\d{1,3}(?:\.\d{1,3}){1,3}\.?\s+\p{Lu}[^_\n]{0,80}__)\s*$`)
	// mdBulletLetterHeadRe: a bullet item that is only a bold lettered
	// section title ("* **F. Customer's Responsibilities**", its clauses
	// in the numbered list indented under it) is the section's heading.
	mdBulletLetterHeadRe = lazyre.New(`^[-*+]\s+((?:\*\*|__)[A-Z]\.\s+\p{Lu}[^*_]{0,80}(?:\*\*|__))\s*$`)
	// mdMarkEscRe: numbering written with Markdown escapes so that it is
	// not read as a list ("1\. Who We Are", "\(a\) Definitions", as
	// pandoc writes it) is numbering all the same.
	mdMarkEscRe = lazyre.New(`\\([().])`)
)

// parseMarker reads the numbering at the start of a line, if any.
func parseMarker(raw string, md bool) (marker, bool) {
	return readMarker(raw, md, false)
}

// readMarker is parseMarker; typeset says the line is a heading by its
// type (Page.Headings), whose title after a bare number may be in
// sentence case ("3 Description of processing operations").
func readMarker(raw string, md, typeset bool) (marker, bool) {
	var m marker
	t := strings.TrimLeft(raw, " ")
	if md {
		m.indent = len(raw) - len(t)
	}
	if t == "" {
		return m, false
	}
	if md && strings.IndexByte(t, '\\') >= 0 {
		t = mdMarkEscRe.ReplaceAllString(t, "$1")
	}
	if md {
		t = unglue(t)
	}
	if md {
		if g := mdHeadingRe.FindStringSubmatch(t); g != nil && m.indent < 4 {
			m.mdLevel = len(g[1])
			m.indent = 0
			t = g[2]
		}
	}
	if md && m.mdLevel == 0 {
		// "*   2.5 Security. Vendor will ...": a clause number written as
		// a bullet item is the clause's number.
		if g := mdBulletNumRe.FindStringSubmatch(t); g != nil && (len(strings.Fields(g[2])) >= 3 || mdBulletTitleRe.MatchString(g[2]) || mdBulletBoldTitleRe.MatchString(g[1]+g[2])) {
			t = g[1] + g[2]
		} else if g := mdBulletLetterHeadRe.FindStringSubmatch(t); g != nil {
			t = g[1]
		}
	}
	for _, p := range []string{"**", "__"} {
		if strings.HasPrefix(t, p) {
			t = strings.TrimLeft(t[len(p):], " ")
			m.bold = true
			// "**9.1.** The Processor ...": only the number is bold; its
			// closing mark goes, the text after it is the clause; so too
			// "**3.2.1**. Subject to ..." and "**6.3**: Audit".
			// So too a bold letter or roman item mark: "**a)** Label each
			// parcel", "**iv.** Insure it".
			if i := strings.Index(t, p); i > 0 && i <= 12 && (t[0] >= '0' && t[0] <= '9' || t[0] == '(' || boldItemLabelRe.MatchString(t[:i])) && !strings.ContainsAny(t[:i], " \t") && i+len(p) < len(t) {
				if c := t[i+len(p)]; c == ' ' {
					t = t[:i] + t[i+len(p):]
				} else if (c == '.' || c == ':') && strings.HasPrefix(t[i+len(p)+1:], " ") && !strings.ContainsAny(t[i-1:i], ".:") {
					t = t[:i] + t[i+len(p):]
				}
			}
			break
		}
	}
	if g := sectionSignRe.FindStringSubmatch(t); g != nil {
		// "§ 10 Notification of breaches": section 10, as "Section 10".
		t = "Section " + g[1]
	}
	if g := strongRe.FindStringSubmatch(t); g != nil {
		m.kind = kNum
		m.strong = true
		m.word = strings.TrimSuffix(strings.ToLower(g[1]), ".")
		m.label = g[2]
		m.rest = strings.TrimLeft(g[3], " ")
		if isDigits(g[2]) {
			m.path = []int{atoi(g[2])}
			m.ord = m.path[0]
		} else if strings.Contains(g[2], ".") {
			m.path = parsePath(g[2])
			m.ord = m.path[len(m.path)-1]
			m.strong = false // explicit dotted: handled by depth
			m.strongDotted = true
			m.label = g[2]
		} else {
			v := romanValue(g[2])
			if v == 0 || len(g[2]) == 1 && !strings.ContainsAny(g[2], "IVXivx") {
				// "Section C" names a lettered section (see letteredHeading),
				// not section 100.
				return m, false
			}
			m.ord = v
			m.label = g[2]
		}
		m.rest = strings.TrimLeft(strings.TrimLeft(m.rest, ".:-–—"), " ")
		if m.bold {
			// "**Clause 8**" alone on its line, its title on the next
			// ("Data protection safeguards ..."): the closing mark is
			// no text of the heading.
			for _, p := range []string{"**", "__"} {
				if strings.HasPrefix(m.rest, p) {
					m.rest = strings.TrimLeft(strings.TrimLeft(m.rest[len(p):], ".:"), " ")
				}
			}
		}
		if m.rest != "" && !startsUpper(m.rest) {
			return m, false
		}
		return m, true
	}
	if g := numHeadRe.FindStringSubmatch(t); g != nil {
		m.numHead = atoi(g[1])
		m.label = g[2]
		m.rest = g[3]
		setLetterKind(&m, g[2], true)
		return m, m.ord > 0 || m.altRoman > 0
	}
	if g := dottedItemRe.FindStringSubmatch(t); g != nil {
		m.headPath = parsePath(g[1])
		m.numHead = m.headPath[0]
		m.label = g[2] + g[3] + g[4]
		m.rest = g[5]
		setLetterKind(&m, m.label, true)
		return m, (m.ord > 0 || m.altRoman > 0) && m.numHead > 0
	}
	if g := letterDotRe.FindStringSubmatch(t); g != nil {
		if n, ok := readMarker(g[2]+". "+g[3], false, typeset); ok && n.kind == kNum {
			n.under, n.bold, n.mdLevel, n.indent = g[1], n.bold || m.bold, m.mdLevel, m.indent
			return n, true
		}
	}
	if g := dottedRe.FindStringSubmatch(t); g != nil {
		m.kind = kNum
		m.path = parsePath(g[1])
		m.ord = m.path[len(m.path)-1]
		m.label = g[1]
		m.rest = g[2] + g[3]
		if len(m.path) == 2 && m.path[1] == 0 && m.path[0] > 0 {
			// "3.0 Term and Termination" is section 3, whose items are 3.1, 3.2.
			m.path = m.path[:1]
			m.ord = m.path[0]
			m.label = strconv.Itoa(m.ord)
			m.capsHead = true // an explicit section heading: may skip a number
			m.zero = true
		}
		return m, m.rest == "" || startsUpper(m.rest)
	}
	if g := numDotRe.FindStringSubmatch(t); g != nil {
		m.kind = kNum
		m.ord = atoi(g[1])
		m.path = []int{m.ord}
		m.label = g[1]
		m.rest = g[2]
		m.closeParen = t[len(g[1])] == ')'
		return m, m.rest == "" || startsUpper(m.rest) || startsWithName(m.rest) || qualifiedTitleRe.MatchString(m.rest)
	}
	if g := numBareRe.FindStringSubmatch(t); g != nil && !dateHeadRe.MatchString(t) && (m.mdLevel > 0 || m.bold || looksLikeTitle(dashTitle(g[2])) || typeset || sentenceCaseTitle(dashTitle(g[2]))) {
		m.kind = kNum
		m.ord = atoi(g[1])
		m.path = []int{m.ord}
		m.label = g[1]
		m.rest = dashTitle(g[2])
		m.bare = true
		return m, startsUpper(m.rest)
	}
	if g := letterRe.FindStringSubmatch(t); g != nil {
		m.label = g[1]
		m.rest = g[2]
		// "i)" and "a)" are the parenthesised styles written half-open.
		setLetterKind(&m, g[1], t[len(g[1])] == ')')
		if m.ord == 0 && m.altRoman == 0 {
			return m, false
		}
		if m.kind == kUpper || m.kind == kRUpper || m.kind == kPUpper {
			return m, m.rest == "" || startsUpper(m.rest)
		}
		return m, m.rest == "" || startsLetter(m.rest)
	}
	if g := chainRe.FindStringSubmatch(t); g != nil {
		setParenLabel(&m, g[1], g[2])
		if _, ok := chained(m, md); !ok || m.ord == 0 && m.altRoman == 0 {
			return m, false
		}
		m.chain = true
		return m, true
	}
	if g := parenRe.FindStringSubmatch(t); g != nil {
		setParenLabel(&m, g[1], g[2])
		if m.ord == 0 && m.altRoman == 0 {
			return m, false
		}
		return m, m.rest == "" || startsLetter(m.rest) || strings.HasPrefix(m.rest, "(") || startsUpper(m.rest)
	}
	return m, false
}

// unglue puts back the space between a Markdown line's number and its
// text where a web page's conversion lost it (see gluedRe), after any
// heading marks and emphasis that open the line ("### **3.Processor**",
// "**7****.1 Keep**": emphasis closed and reopened inside the number goes).
func unglue(t string) string {
	t = strings.Replace(t, "****", "", 1)
	k := len(t) - len(strings.TrimLeft(t, "#"))
	if k > 0 {
		k += len(t[k:]) - len(strings.TrimLeft(t[k:], " "))
	}
	for _, p := range []string{"**", "__"} {
		if strings.HasPrefix(t[k:], p) {
			k += len(p)
			break
		}
	}
	g := gluedRe.FindStringSubmatchIndex(t[k:])
	if g == nil {
		g = gluedLetterRe.FindStringSubmatchIndex(t[k:])
	}
	if g == nil {
		return t
	}
	return t[:k+g[3]] + " " + t[k+g[3]:]
}

// chained reads the first sub-item that an item's text opens ("(A) The
// Contractor ..." after "(ii)"): a parenthesised number, letter or roman
// numeral that starts its list (1, a, A, i), whose own text (after any
// further chained items) starts with a capital, so that a cross-reference
// wrapped onto a line start ("(c)(1) of this clause") is no item.
func chained(m marker, md bool) (marker, bool) {
	c, ok := parseMarker(m.rest, md)
	if !ok || !c.kind.paren() || c.ord != 1 && c.altRoman != 1 {
		return c, false
	}
	if !c.chain && !startsUpper(c.rest) {
		return c, false
	}
	return c, true
}

// setLetterKind classifies a letter label: a single letter (which may also
// be a roman numeral) or a multi-letter roman numeral.
// setParenLabel reads a bracketed label ("(3)", "(b)", "(iv)") and the
// text after it into m: a number, else a letter or roman numeral.
func setParenLabel(m *marker, label, rest string) {
	m.label, m.rest = label, rest
	if isDigits(label) {
		m.kind = kPNum
		m.ord = atoi(label)
	} else {
		setLetterKind(m, label, true)
	}
}

func setLetterKind(m *marker, label string, paren bool) {
	upper := label == strings.ToUpper(label)
	if utf8.RuneCountInString(label) == 1 {
		r := rune(label[0])
		if upper {
			m.kind = kUpper
			m.ord = int(r-'A') + 1
		} else {
			m.kind = kLower
			m.ord = int(r-'a') + 1
		}
		if paren {
			if upper {
				m.kind = kPUpper
			} else {
				m.kind = kPLower
			}
		}
		if v := romanValue(label); v > 0 && !(paren && upper) {
			m.altRoman = v
		}
		return
	}
	v := romanValue(label)
	if v == 0 {
		return
	}
	switch {
	case paren && !upper:
		m.kind = kPRoman
	case paren:
		m.kind = kPUpper // (II): treat as an upper sequence by value
	case upper:
		m.kind = kRUpper
	default:
		m.kind = kRLower
	}
	m.ord = v
}

func romanValue(s string) int {
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100}
	s = strings.ToLower(s)
	total := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || toRoman(total) != s {
		return 0
	}
	return total
}

func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

func parsePath(s string) []int {
	parts := strings.Split(s, ".")
	out := make([]int, len(parts))
	for i, p := range parts {
		out[i] = atoi(p)
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// stripLead removes Markdown emphasis, quotes and brackets from the start.
func stripLead(s string) string {
	return strings.TrimLeft(s, "*_\"'`[“‘ ")
}

// qualifiedTitleRe: a title opened by a qualifier in parentheses
// ("(Non-security) Incident management", "(Optional) Support Hours"); not
// a letter or roman item ("(a)", "(IV)").
var qualifiedTitleRe = lazyre.New(`^\(\p{Lu}\p{Ll}[\p{L}\- ]{1,28}\)[ \t]+\p{L}`)

func startsUpper(s string) bool {
	t := stripLead(s)
	if strings.HasPrefix(t, "{{") && strings.Contains(t, "}}") {
		return true // a template's placeholder for a name ("{{company}} may ...")
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// startsWithName reports whether s starts with a name written in lower
// case: a word holding a capital, a digit or an inner dot between letters
// ("cloud.gov: The GSA team ...", "iPhone", "eBay"), not a plain word ("the
// Customer", a sentence wrapped onto a line) nor an abbreviation ("e.g.").
func startsWithName(s string) bool {
	w := strings.TrimRight(strings.Fields(s + " x")[0], ".,:;)")
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	for _, part := range strings.Split(w, ".")[1:] {
		if letters(part) >= 2 && letters(strings.Split(w, ".")[0]) >= 2 {
			return true
		}
	}
	return strings.IndexFunc(w, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) > 0
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(stripLead(s))
	return unicode.IsLetter(r)
}

// looksLikeTitle: a short heading after a bare number ("6 INCIDENT
// NOTIFICATION", "1 Definitions"), not a wrapped sentence ("72 hours").
func looksLikeTitle(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 || !startsUpper(s) {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 10 {
		return false
	}
	if i := strings.Index(s, ". "); i >= 0 {
		return false
	}
	if isAllCaps(s) {
		return true
	}
	caps, long := 0, 0
	for _, w := range words {
		w = stripLead(w)
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if startsUpper(w) {
			caps++
		}
	}
	return long > 0 && caps*2 >= long
}

// sentenceCaseTitle: a heading written in sentence case ("7 Notification
// of personal data breaches", as the EU standard clauses and the DPAs
// built on them write it): a few words, no verb of obligation or being, no
// figure, and no closing punctuation of a wrapped sentence.
func sentenceCaseTitle(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 8 || !startsUpper(s) {
		return false
	}
	if last := words[len(words)-1]; strings.ContainsAny(last[len(last)-1:], ".,;:") {
		return false
	}
	for _, w := range words {
		switch strings.ToLower(strings.Trim(w, "()\"'")) {
		case "shall", "will", "must", "may", "is", "are", "be", "has", "have", "was", "were", "can", "should", "would", "the", "a", "an":
			return false
		}
		if strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	return true
}

// standaloneTitle is sentenceCaseTitle for a line that is a paragraph
// of its own under a bare clause number: articles may stand in it
// ("Obligations of the data exporter"), as a sentence wrapped onto the
// next line cannot (the line ends its paragraph).
func standaloneTitle(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || !startsUpper(s) {
		return false
	}
	var kept []string
	for _, w := range words {
		switch strings.ToLower(w) {
		case "the", "a", "an":
			continue
		}
		kept = append(kept, w)
	}
	if len(kept) == 1 {
		kept = append(kept, kept[0]) // "The Clauses": one word left to judge
	}
	kept[0] = strings.ToUpper(kept[0][:1]) + kept[0][1:]
	return sentenceCaseTitle(strings.Join(kept, " ")) && !strings.ContainsAny(s[len(s)-1:], ".,;:")
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// nextStartsUpper: for a marker alone on its line, the next non-blank line
// must begin like a heading or item.
func nextStartsUpper(lines []srcLine, i int, k mkind) bool {
	for j := i + 1; j < len(lines) && j <= i+3; j++ {
		t := strings.TrimSpace(lines[j].text)
		if t == "" {
			continue
		}
		if k.paren() || k == kLower || k == kRLower {
			return startsLetter(t)
		}
		return startsUpper(t)
	}
	return false
}

// paragraphEnds reports whether line j ends its paragraph: the next line
// is blank, the last of the document or on another page.
func paragraphEnds(lines []srcLine, j int) bool {
	return j+1 >= len(lines) || strings.TrimSpace(lines[j+1].text) == "" || lines[j+1].page != lines[j].page
}

// headingOf is the short title after the number, where there is one.
func headingOf(m marker, lines []srcLine, i int) string {
	rest := strings.TrimSpace(m.rest)
	if rest == "" {
		// The title may be on the next line ("1.\nPURPOSE").
		for j := i + 1; j < len(lines) && j <= i+2; j++ {
			t := strings.TrimSpace(lines[j].text)
			if t == "" {
				continue
			}
			if looksLikeTitle(strings.TrimRight(t, ".:")) {
				return cleanHeading(t)
			}
			// A title in sentence case that is a paragraph of its own
			// ("Clause 5" over "Use of sub-processors"): its first word
			// may be too short for looksLikeTitle to count it.
			if standaloneTitle(t) && paragraphEnds(lines, j) {
				return cleanHeading(t)
			}
			break
		}
		return ""
	}
	if m.bold {
		if k := boldTitleEnd(rest, "**"); k >= 0 {
			return cleanHeading(rest[:k])
		}
		if k := boldTitleEnd(rest, "__"); k >= 0 {
			return cleanHeading(rest[:k])
		}
	}
	for _, p := range []string{"**", "__"} {
		if strings.HasPrefix(rest, p) {
			if k := strings.Index(rest[2:], p); k > 0 {
				return cleanHeading(rest[2 : 2+k])
			}
		}
	}
	if m.mdLevel > 0 {
		return cleanHeading(rest)
	}
	if isAllCaps(strings.TrimRight(rest, ".:")) && len(rest) <= 100 {
		h := strings.TrimRight(rest, ".: ")
		// An all-caps title wrapped onto the next line.
		if i+1 < len(lines) {
			n := strings.TrimSpace(lines[i+1].text)
			if n != "" && isAllCaps(n) && len(strings.Fields(n)) <= 6 && !strings.HasSuffix(h, ".") {
				if _, isMarker := parseMarker(n, false); !isMarker {
					h += " " + strings.TrimRight(n, ".: ")
				}
			}
		}
		return cleanHeading(h)
	}
	// "Access and Use.  During the ..." / "Title: text"
	if k := titleStop(rest); k > 0 {
		cand := rest[:k]
		if looksLikeTitle(cand) && len(strings.Fields(cand)) <= 8 && !definesTerm(cand) {
			return cleanHeading(cand)
		}
	} else if looksLikeTitle(rest) && !definesTerm(rest) {
		return cleanHeading(rest)
	}
	if m.kind == kNum && len(m.path) == 1 && paragraphEnds(lines, i) && standaloneTitle(rest) {
		// "6   International data transfers" over "6.1 The Customer
		// agrees ...": a title in sentence case that is a top-level
		// number's whole paragraph (a sub-item "5.4.2 Terminate the
		// subscription" is a list item, no title).
		return cleanHeading(rest)
	}
	return ""
}

// titleStop is the index of the stop that ends a run-in title ("Fees.
// Customer shall pay"), or -1: a period or colon followed by a space, the
// end, or a capital glued to it ("Fees.Customer"), after a word that is
// no abbreviation. The period of "U.S." or "e.g." ends no title, so the
// first sentence "Vendor stores data in U.S. data centers" keeps its
// words, and a stop after an abbreviation means there is no run-in title.
func titleStop(rest string) int {
	for k := 0; k < len(rest); k++ {
		c := rest[k]
		if c != '.' && c != ':' {
			continue
		}
		// Closing emphasis or quotes may follow the stop ("*Fees:* We").
		j := k + 1
		for j < len(rest) && strings.IndexByte("*_\"')`", rest[j]) >= 0 {
			j++
		}
		next := byte(' ')
		if j < len(rest) {
			next = rest[j]
		}
		glued := next >= 'A' && next <= 'Z'
		if next != ' ' && next != '\t' && !glued {
			continue // "www.example.com", "3.5"
		}
		if c == ':' {
			return k
		}
		w := rest[:k]
		if i := strings.LastIndexAny(w, " \t("); i >= 0 {
			w = w[i+1:]
		}
		if strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 || abbrevRe.MatchString(w) {
			return -1
		}
		return k
	}
	return -1
}

func cleanHeading(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "*_`")
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ".:;")
	s = strings.Trim(s, "\"'“”‘’")
	s = strings.Trim(s, "*_")
	return strings.TrimSpace(s)
}

package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// NormalizeText cleans the text of one page (or of a whole text file) so
// that rules and clause splitting see plain, predictable characters.
//
// It:
//   - turns CRLF and lone CR into LF, and tabs into spaces;
//   - expands the typographic ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ;
//   - removes zero-width and bidi marks (U+200B-U+200F, U+202A-U+202E,
//     U+2060-U+2064, U+2066-U+2069, U+FEFF) and the soft hyphen U+00AD (a soft hyphen at a
//     line end joins the two lines);
//   - turns NBSP and the other Unicode spaces into a plain space, and the
//     non-breaking hyphen U+2011 into "-";
//   - folds curly quotes to ASCII (‘ ’ ‚ ‛ → ', “ ” „ → "), so that rules
//     can match "Customer's" however the document typed it; dashes are kept;
//   - joins words hyphenated across a line end when both sides are lowercase
//     letters ("secu-\nrity" → "security"); the hyphen is kept where the
//     document writes the compound so, after words of their own and after
//     prefixes followed by a word ("third-\nparty" → "third-party",
//     "sub-\nprocessors" → "sub-processors", "re-\nmains" → "remains"; see
//     keepLineHyphen); a capitalised half before a capitalised word is one
//     compound, its hyphen kept ("Sub-\nProcessors" → "Sub-Processors")
//     unless the document writes the two halves as one word;
//     else a line end after a hyphen is kept when the next line starts
//     with a capital or a digit ("ISO-\n27001");
//   - joins web addresses broken across a line end, keeping their own
//     hyphen ("www.acme.com/technical-and-\norganizational-measures") or
//     after a "/" ("https://acme.com/policy/\nview.html?id=7");
//   - drops lines that are only "Page x" / "Page x of y", and, among the
//     first two and last two non-blank lines, lines that are only a page
//     number ("12", "- 12 -", "12 / 40");
//   - collapses runs of spaces inside a line (leading indentation is kept,
//     since Markdown lists nest by it), trims trailing spaces, keeps at most
//     one blank line in a row and trims blank lines at both ends.
func NormalizeText(s string) string {
	return normalizeText(s, nil)
}

// normalizeText is NormalizeText with the words of the whole document (see
// keepLineHyphen), nil for those of s.
func normalizeText(s string, v lineVocab) string {
	if s == "" {
		return ""
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\u00AD\n", "\n\u00AD") // soft hyphen at a line end: join below
	s = charReplacer.Replace(s)

	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = cleanLine(l)
	}
	// Soft-hyphen joins: a line starting with the marker continues the previous one.
	lines = joinLines(lines, v)
	lines = dropPageNumbers(lines)

	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if l == "" {
			if len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "")
			}
			continue
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

const softJoin = "\u00AD"

var charReplacer = strings.NewReplacer(
	"\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl",
	"\ufb05", "st", "\ufb06", "st",
	"\u200b", "", "\u200c", "", "\u200d", "", "\u200e", "", "\u200f", "",
	"\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "",
	"\u2060", "", "\u2061", "", "\u2062", "", "\u2063", "", "\u2064", "",
	"\u2066", "", "\u2067", "", "\u2068", "", "\u2069", "",
	"\ufeff", "",
	"\u00a0", " ", "\u2007", " ", "\u202f", " ", "\u2000", " ", "\u2001", " ",
	"\u2002", " ", "\u2003", " ", "\u2004", " ", "\u2005", " ", "\u2006", " ",
	"\u2008", " ", "\u2009", " ", "\u200a", " ", "\u205f", " ", "\u3000", " ",
	"\t", "    ", "\f", "\n", "\v", "\n", "\u2028", "\n", "\u2029", "\n",
	"\u2011", "-",
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'",
	"\u201c", "\"", "\u201d", "\"", "\u201e", "\"", "\u201f", "\"",
)

// cleanLine collapses inner runs of spaces, keeps the leading indentation,
// trims trailing spaces. Soft hyphens other than the join marker at the
// start are removed.
func cleanLine(l string) string {
	if cleanAlready(l) {
		return l
	}
	return cleanLineFull(l)
}

// cleanLineFull is cleanLine without its shortcut.
func cleanLineFull(l string) string {
	join := strings.HasPrefix(l, softJoin)
	l = strings.ReplaceAll(l, softJoin, "")
	trimmed := strings.TrimLeft(l, " ")
	indent := len(l) - len(trimmed)
	trimmed = strings.TrimRight(trimmed, " ")
	if trimmed == "" {
		if join {
			return softJoin
		}
		return ""
	}
	var b strings.Builder
	b.Grow(len(l))
	if join {
		b.WriteString(softJoin)
	} else {
		b.WriteString(l[:indent])
	}
	space := false
	for _, r := range trimmed {
		if r == ' ' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cleanAlready reports whether cleanLine would return l as it is (l is
// valid UTF-8): some text after the indentation, no soft hyphen, no run
// of two spaces after the indentation, no trailing space. Most lines are.
func cleanAlready(l string) bool {
	if l == "" || l[len(l)-1] == ' ' || strings.Contains(l, softJoin) {
		return false
	}
	i := 0
	for i < len(l) && l[i] == ' ' {
		i++
	}
	return !strings.Contains(l[i:], "  ")
}

// keepHyphen lists first halves of compounds whose hyphen stays when the
// compound is broken at a line end: words of their own ("third-party",
// "non-exclusive", "e-mail").
var keepHyphen = map[string]bool{
	"third": true, "self": true, "non": true, "two": true, "three": true,
	"multi": true, "cross": true, "well": true, "end": true, "real": true, "high": true,
	"low": true, "long": true, "short": true, "full": true, "part": true, "first": true,
	"second": true, "one": true, "e": true, "single": true, "auto": true, "opt": true,
}

// prefixHyphen lists prefixes that make compounds with a hyphen
// ("sub-processor", "re-procurement") and plain words without one
// ("substance", "remains"): the hyphen stays only when what follows is a
// word of the document ("processors"), not a word's end ("stance" is not
// one unless the document uses it).
var prefixHyphen = map[string]bool{"sub": true, "re": true, "pre": true, "co": true}

// lineVocab holds the words of a text, apart from the halves of words
// broken at a line end: compounds as written ("sub-processors") and the
// words inside them.
type lineVocab map[string]bool

// newLineVocab reads the words of text.
func newLineVocab(text string) lineVocab {
	v := lineVocab{}
	lines := strings.Split(text, "\n")
	broken := false // the line before ended in a hyphen
	for _, l := range lines {
		f := strings.Fields(l)
		for k, w := range f {
			if k == 0 && broken || k == len(f)-1 && strings.HasSuffix(w, "-") {
				continue
			}
			w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
			if w == "" {
				continue
			}
			v[w] = true
			v[bareURL(w)] = true
			if strings.Contains(w, "-") {
				for _, part := range strings.Split(w, "-") {
					if part != "" {
						v[part] = true
					}
				}
			}
		}
		broken = len(f) > 0 && strings.HasSuffix(f[len(f)-1], "-")
	}
	return v
}

// keepLineHyphen decides a hyphen at a line end between the letters a and
// the word b starting the next line: kept when the document writes the
// compound "a-b" elsewhere, dropped when it writes "ab"; else kept after a
// word of its own ("third-party") or after a prefix followed by a word of
// the document ("sub-processors"), and dropped inside a word ("secu-rity").
func keepLineHyphen(a, b string, v lineVocab) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	switch {
	case v[a+"-"+b]:
		return true
	case v[a+b]:
		return false
	case keepHyphen[a]:
		return true
	case prefixHyphen[a]:
		return v[b]
	}
	return false
}

// bareURL is a web address without its scheme and "www." (lower case).
func bareURL(w string) string {
	if k := strings.Index(w, "://"); k >= 0 {
		w = w[k+3:]
	}
	return strings.TrimPrefix(w, "www.")
}

// urlTail returns the last word of l when it is a web address or an
// e-mail address ("https://", "www.", "name@host"), else "".
func urlTail(l string) string {
	f := strings.Fields(l)
	if len(f) == 0 {
		return ""
	}
	w := strings.TrimLeft(f[len(f)-1], "(<[\"'")
	lw := strings.ToLower(w)
	if strings.Contains(lw, "://") || strings.HasPrefix(lw, "www.") || strings.Contains(lw, "@") && strings.Contains(lw, ".") {
		return w
	}
	return ""
}

// urlPartRe: the first word of a line continuing a web address broken
// after a "/" ("policy.html?id=7", "en/terms"): a path holding a "/",
// "?", "=", "&" or "#", or a file name.
var urlPartRe = lazyre.New(`^[A-Za-z0-9][\w.~%-]*(?:[/?=&#]\S*|\.(?:html?|php|aspx?|pdf)\b\S*)$`)

// joinURL joins the next line to l when l ends inside a web address: after
// a hyphen, which is the address's own (line breaking breaks addresses
// after their hyphens and never adds one), unless the document writes the
// address without it; or after a "/" when the next line starts with the
// rest of a path.
func joinURL(l, tail, next string, v lineVocab) (string, bool) {
	first := next
	if k := strings.IndexAny(next, " \t"); k >= 0 {
		first = next[:k]
	}
	r, _ := utf8.DecodeRuneInString(next)
	switch {
	case strings.HasSuffix(tail, "-") && len(tail) > 1 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
		joined := strings.TrimRight(strings.ToLower(strings.TrimSuffix(tail, "-")+first), ".,;:)]>\"'")
		if v[bareURL(joined)] {
			return l[:len(l)-1] + next, true
		}
		return l + next, true
	case strings.HasSuffix(tail, "/") && urlPartRe.MatchString(first):
		return l + next, true
	}
	return l, false
}

// joinLines joins soft-hyphen continuations, words hyphenated across line
// ends and web addresses broken across them; v is the document's words
// (see keepLineHyphen), nil to read them from lines.
func joinLines(lines []string, v lineVocab) []string {
	// The words of lines are read when a join needs them (most pages
	// have no line ending in a hyphen or a web address).
	vocab := func() lineVocab {
		if v == nil {
			v = newLineVocab(strings.Join(lines, "\n"))
		}
		return v
	}
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, softJoin) && len(out) > 0 {
			out[len(out)-1] += strings.TrimLeft(strings.TrimPrefix(l, softJoin), " ")
			continue
		}
		l = strings.TrimPrefix(l, softJoin)
		for i+1 < len(lines) {
			next := strings.TrimLeft(strings.TrimPrefix(lines[i+1], softJoin), " ")
			if next == "" {
				break
			}
			if tail := urlTail(l); tail != "" {
				j, ok := joinURL(l, tail, next, vocab())
				if !ok {
					break
				}
				l = j
				i++
				continue
			}
			word, ok := hyphenatedTail(l)
			if !ok {
				break
			}
			r, _ := utf8.DecodeRuneInString(next)
			if !unicode.IsLower(r) {
				if !capitalCompound(word, next) {
					break
				}
				// "Sub-" + "Processors": one compound, hyphen kept, unless
				// the document writes the name whole ("Monty-" + "Pay").
				if a, b := strings.ToLower(word), strings.ToLower(leadLetters(next)); vocab()[a+b] && !vocab()[a+"-"+b] {
					l = l[:len(l)-1] + next
				} else {
					l += next
				}
				i++
				continue
			}
			second := leadLetters(next)
			if keepLineHyphen(word, second, vocab()) {
				l += next
			} else {
				l = l[:len(l)-1] + next
			}
			i++
		}
		out = append(out, l)
	}
	return out
}

// leadLetters is the letters s starts with.
func leadLetters(s string) string {
	if k := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
		return s[:k]
	}
	return s
}

// capitalCompound: the capitalised half word (before a hyphen at a line
// end) and the capitalised word starting next make one compound of a name
// or a defined term ("Sub-" "Processors", "Third-" "Party").
func capitalCompound(word, next string) bool {
	w, _ := utf8.DecodeRuneInString(word)
	r, n := utf8.DecodeRuneInString(next)
	r2, _ := utf8.DecodeRuneInString(next[n:])
	return unicode.IsUpper(w) && unicode.IsUpper(r) && unicode.IsLower(r2)
}

// hyphenatedTail reports whether l ends in "<lowercase letters>-" and returns
// the letters (the last word's part before the hyphen).
func hyphenatedTail(l string) (string, bool) {
	if !strings.HasSuffix(l, "-") || len(l) < 2 {
		return "", false
	}
	body := l[:len(l)-1]
	start := len(body)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(body[:start])
		if !unicode.IsLetter(r) {
			break
		}
		start -= size
	}
	word := body[start:]
	if word == "" {
		return "", false
	}
	last, _ := utf8.DecodeLastRuneInString(word)
	if !unicode.IsLower(last) {
		return "", false
	}
	return word, true
}

var (
	pageOfRe   = lazyre.New(`(?i)^\s*[-–—]?\s*page\s+\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*[-–—]?\s*$`)
	pageNumRe  = lazyre.New(`^\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*$|^\s*\d{1,4}\s*(/|of)\s*\d{1,4}\s*$`)
	edgeWindow = 2
)

// dropPageNumbers removes "Page x of y" lines anywhere and bare page
// numbers near the top and bottom of the text.
func dropPageNumbers(lines []string) []string {
	var nonBlank []int
	for i, l := range lines {
		if l != "" {
			nonBlank = append(nonBlank, i)
		}
	}
	edge := map[int]bool{}
	for k := 0; k < len(nonBlank) && k < edgeWindow; k++ {
		edge[nonBlank[k]] = true
		edge[nonBlank[len(nonBlank)-1-k]] = true
	}
	out := lines[:0]
	for i, l := range lines {
		if l != "" && (hasPageWord(l) && pageOfRe.MatchString(l) || edge[i] && len(nonBlank) > 1 && pageNumRe.MatchString(l)) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// hasPageWord reports whether l holds "page" in some case (ASCII: no
// other letter folds to p, a, g or e), which pageOfRe needs.
func hasPageWord(l string) bool {
	for i := 0; i+3 < len(l); i++ {
		if l[i]|0x20 == 'p' && l[i+1]|0x20 == 'a' && l[i+2]|0x20 == 'g' && l[i+3]|0x20 == 'e' {
			return true
		}
	}
	return false
}

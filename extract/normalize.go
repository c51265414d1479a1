package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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
//     letters ("secu-\nrity" → "security"); the hyphen is kept for a few
//     common compound prefixes ("third-\nparty" → "third-party"), and a line
//     end after a hyphen is kept when the next line starts with a capital
//     or a digit ("ISO-\n27001");
//   - drops lines that are only "Page x" / "Page x of y", and, among the
//     first two and last two non-blank lines, lines that are only a page
//     number ("12", "- 12 -", "12 / 40");
//   - collapses runs of spaces inside a line (leading indentation is kept,
//     since Markdown lists nest by it), trims trailing spaces, keeps at most
//     one blank line in a row and trims blank lines at both ends.
func NormalizeText(s string) string {
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
	lines = joinLines(lines)
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

// keepHyphen lists first halves of compounds whose hyphen stays when the
// compound is broken at a line end.
var keepHyphen = map[string]bool{
	"third": true, "self": true, "non": true, "co": true, "two": true, "three": true,
	"multi": true, "cross": true, "well": true, "end": true, "real": true, "high": true,
	"low": true, "long": true, "short": true, "full": true, "part": true, "first": true,
	"second": true, "one": true, "pre": true, "re": true, "sub": true, "e": true,
}

// joinLines joins soft-hyphen continuations and words hyphenated across line ends.
func joinLines(lines []string) []string {
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
			word, ok := hyphenatedTail(l)
			if !ok || next == "" {
				break
			}
			r, _ := utf8.DecodeRuneInString(next)
			if !unicode.IsLower(r) {
				break
			}
			if keepHyphen[strings.ToLower(word)] {
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
	pageOfRe   = regexp.MustCompile(`(?i)^\s*[-–—]?\s*page\s+\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*[-–—]?\s*$`)
	pageNumRe  = regexp.MustCompile(`^\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*$|^\s*\d{1,4}\s*(/|of)\s*\d{1,4}\s*$`)
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
		if l != "" && (pageOfRe.MatchString(l) || edge[i] && len(nonBlank) > 1 && pageNumRe.MatchString(l)) {
			continue
		}
		out = append(out, l)
	}
	return out
}

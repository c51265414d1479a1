package extract

import (
	"strings"
	"unicode"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Markup: what clause text and headings show of a line. Structure is read
// from the lines as written (heading "#"s, bold lead-ins); the text of a
// clause is the same lines without their Markdown markup.

var (
	mdRuleRe     = lazyre.New(`^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	mdFenceRe    = lazyre.New("^ {0,3}(?:```|~~~)")
	mdQuoteRe    = lazyre.New(`^ {0,3}>[ \t]?`)
	mdAlertRe    = lazyre.New(`^\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$`)
	mdBulletRe   = lazyre.New(`^(\s*)[*+](\s+)`)
	mdSetextRe   = lazyre.New(`^ {0,3}(=+|-+)[ \t]*$`)
	mdListLineRe = lazyre.New(`^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)`)
	// mdLowerItemRe: a numbered list item whose text starts in lower case
	// ("1.  comply with all applicable law; and").
	mdLowerItemRe = lazyre.New(`^(\s*)(\d{1,3})[.)][ \t]+(\p{Ll})`)
	// mdOrderedHeadRe: a numbered title at the margin ("14. Effect of
	// these Terms"), which an underline makes a heading.
	mdOrderedHeadRe = lazyre.New(`^\d{1,3}[.)]\s+\p{Lu}`)
	mdCodeRe        = lazyre.New("`+([^`]+)`+")
	// mdWordsCodeRe: a code span's content of up to five plain words
	// ("Data Provision Deadline", "security measures"); not a name of code
	// ("Strict-Transport-Security", "/v1/users").
	mdWordsCodeRe = lazyre.New(`^[A-Za-z]+(?: [A-Za-z]+){0,4}$`)
	// mdAnchorRe: a link without text, an anchor a web page's heading
	// carries ("[](#-your-account)"): it shows nothing.
	mdAnchorRe   = lazyre.New(`\[\]\([^()\s]*\)`)
	mdImageRe    = lazyre.New(`!\[([^\[\]]*)\]\([^()\s]*(?:\s+"[^"]*")?\)`)
	mdLinkRe     = lazyre.New(`\[([^\[\]]+)\]\(<?([^()\s<>]*)>?(?:\s+"[^"]*")?\)`)
	mdRefLinkRe  = lazyre.New(`\[([^\[\]]+)\]\[[^\[\]]*\]`)
	mdAutoLinkRe = lazyre.New(`<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+\.[A-Za-z]{2,})>`)
	mdEscapeRe   = lazyre.New("\\\\[!-/:-@\\[-`{-~]")
	mdAbsURLRe   = lazyre.New(`(?i)^(?:[a-z][a-z0-9+.-]*://|mailto:|www\.)`)
	// mdTagRe: HTML tags of the kinds Markdown files carry inline (not
	// "<Customer Name>" placeholders of a template).
	mdTagRe = lazyre.New(`(?i)</?(?:a|abbr|b|big|blockquote|br|center|code|del|details|div|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|s|small|span|strike|strong|sub|summary|sup|table|tbody|td|th|thead|tr|tt|u|ul)(?:\s[^<>]*)?/?>`)

	// bulletGlyphRe finds a bullet glyph at a line start: symbol-font
	// bullets (U+F0B7, U+F0A7, U+F076, U+F0D8, U+F0A8, U+F0FC in the
	// private use area), squares, diamonds, arrows, circles and dots.
	bulletGlyphRe = lazyre.New(`^(\s*)[\x{f0b7}\x{f0a7}\x{f076}\x{f0d8}\x{f0a8}\x{f0fc}■◆◇❖➢➤►▶○⁃∙•●▪◦‣·]`)
)

// setextLevel reports whether line i is the text of a setext heading
// ("Audit" above "=====" is level 1, above "-----" level 2): a single line
// of text after a blank line (or at the start), not a list item, followed
// by the underline.
func setextLevel(lines []srcLine, i int) int {
	if i+1 >= len(lines) {
		return 0
	}
	t := strings.TrimSpace(lines[i].text)
	if t == "" || len(t) > 150 || len(lines[i].text)-len(strings.TrimLeft(lines[i].text, " ")) >= 4 ||
		mdListLineRe.MatchString(lines[i].text) && !numberedSetext(lines, i) || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "|") ||
		mdRuleRe.MatchString(lines[i].text) || mdFenceRe.MatchString(lines[i].text) {
		return 0
	}
	if i > 0 && strings.TrimSpace(lines[i-1].text) != "" {
		return 0
	}
	g := mdSetextRe.FindStringSubmatch(lines[i+1].text)
	if g == nil {
		return 0
	}
	if g[1][0] == '=' {
		return 1
	}
	return 2
}

// numberedSetext reports whether line i, a numbered line at the margin
// ("14. Effect of these Terms"), is underlined as a heading: the next
// line is a run of "-" or "=" at least half as long as it. CommonMark
// reads a list item and a rule there, but web pages converted to Markdown
// underline their numbered section headings so, beside unnumbered ones
// and numbers glued to their titles ("13.Liability").
func numberedSetext(lines []srcLine, i int) bool {
	t := lines[i].text
	if !mdOrderedHeadRe.MatchString(t) || i+1 >= len(lines) {
		return false
	}
	u := strings.TrimSpace(lines[i+1].text)
	return mdSetextRe.MatchString(lines[i+1].text) && 2*len(u) >= len(strings.TrimSpace(t))
}

// setextToATX rewrites setext headings as "#" headings and blanks their
// underlines, so that the rest of the splitter sees one heading syntax.
func setextToATX(lines []srcLine) {
	for i := 0; i+1 < len(lines); i++ {
		if lv := setextLevel(lines, i); lv > 0 {
			lines[i].text = strings.Repeat("#", lv) + " " + strings.TrimSpace(lines[i].text)
			lines[i+1].text = ""
			i++
		}
	}
}

// displayLines sets what clause text shows of each line (srcLine.disp):
// see displayLine. In Markdown, inline markup is removed block by block (a
// paragraph, a list item with its wrapped lines), so that emphasis or a
// link wrapped across a line end goes too.
func displayLines(lines []srcLine, md bool) {
	for i := range lines {
		lines[i].disp = blockLine(lines[i].text, md)
	}
	if md {
		for i := 0; i < len(lines); {
			j := i + 1
			for j < len(lines) && continuesBlock(lines, j) {
				j++
			}
			block := make([]string, 0, j-i)
			for k := i; k < j; k++ {
				block = append(block, lines[k].disp)
			}
			out := strings.Split(stripInline(strings.Join(block, "\n")), "\n")
			for k := i; k < j; k++ {
				if len(out) == j-i {
					lines[k].disp = out[k-i]
				} else { // a tag spanning lines went: line by line
					lines[k].disp = stripInline(lines[k].disp)
				}
			}
			i = j
		}
	}
	for i := range lines {
		lines[i].disp = strings.TrimRight(lines[i].disp, " ")
	}
}

// continuesBlock reports whether Markdown line j continues the block of
// the line before: both hold text and j starts no heading, list item or
// table row, and the line before is no heading.
func continuesBlock(lines []srcLine, j int) bool {
	if strings.TrimSpace(lines[j].disp) == "" || strings.TrimSpace(lines[j-1].disp) == "" {
		return false
	}
	cur, prev := strings.TrimLeft(lines[j].text, " "), strings.TrimLeft(lines[j-1].text, " ")
	return !strings.HasPrefix(cur, "#") && !strings.HasPrefix(prev, "#") && !strings.HasPrefix(cur, "|") &&
		!mdListLineRe.MatchString(lines[j].text)
}

// displayLine is what clause text shows of one line. In Markdown (md):
// heading "#"s, block quote marks, rules, code fences and GitHub alert
// labels go, "*" and "+" bullets become "-", and inline markup is removed
// (see stripInline). In every format a bullet glyph at the line start
// becomes "• ", the bullet the rule engine splits list items on.
func displayLine(raw string, md bool) string {
	t := blockLine(raw, md)
	if md {
		t = stripInline(t)
	}
	return t
}

// blockLine is displayLine less the inline markup.
func blockLine(raw string, md bool) string {
	t := raw
	if md {
		switch {
		case mdRuleRe.MatchString(t), mdFenceRe.MatchString(t):
			return ""
		}
		for mdQuoteRe.MatchString(t) {
			t = mdQuoteRe.ReplaceAllString(t, "")
		}
		if mdAlertRe.MatchString(strings.TrimSpace(t)) {
			return ""
		}
		trimmed := strings.TrimLeft(t, " ")
		if g := mdHeadingRe.FindStringSubmatch(trimmed); g != nil && len(t)-len(trimmed) < 4 {
			t = g[2]
		} else if strings.HasPrefix(trimmed, "#") && strings.Trim(trimmed, "# ") == "" && len(t)-len(trimmed) < 4 {
			return "" // an empty heading
		}
		t = mdBulletRe.ReplaceAllString(t, "$1-$2")
	}
	if g := bulletGlyphRe.FindStringSubmatchIndex(t); g != nil {
		t = t[:g[3]] + "• " + strings.TrimLeft(t[g[1]:], " ")
	}
	return t
}

// escPlaceholder keeps backslash-escaped characters out of the emphasis
// and link rules: "\*" is held as a private-use rune and put back as "*".
const escBase = '\uE000'

// stripHeadingInline is stripInline for a Markdown heading's title: a
// link keeps only its text ("## [Annex 1](https://example.com/terms#annex)"
// is "Annex 1"), since a web page links its headings to themselves and a
// clause is cited by its title, never by a URL.
func stripHeadingInline(s string) string {
	if strings.Contains(s, "](") {
		s = mdLinkRe.ReplaceAllString(s, "$1")
	}
	return stripInline(s)
}

// stripInline removes Markdown inline markup from one line: emphasis
// ("**b**", "__b__", "*i*", "_i_", following CommonMark's flanking rules so
// that "snake_case" and "2 * 3" stay, and leaving the redaction marks "[*]",
// "[***]"), code spans, images (their
// alt text stays), links ("[text](https://url)" becomes "text
// (https://url)", the URL kept because the engine reads a URL as a
// reference to another document; "text" alone when the text is the URL or
// the link is relative to the site, "/site-policy" or "#section-3"),
// autolinks and backslash escapes.
func stripInline(s string) string {
	if !strings.ContainsAny(s, "*_`[]<\\!") {
		return s
	}
	s = mdEscapeRe.ReplaceAllStringFunc(s, func(m string) string {
		return string(escBase + rune(m[1]))
	})
	if strings.Contains(s, "`") {
		s = stripCode(s)
	}
	s = mdImageRe.ReplaceAllString(s, "$1")
	s = mdAnchorRe.ReplaceAllString(s, "")
	s = mdLinkRe.ReplaceAllStringFunc(s, func(m string) string {
		g := mdLinkRe.FindStringSubmatch(m)
		text, url := g[1], g[2]
		plain := strings.Trim(text, "*_` ")
		if !mdAbsURLRe.MatchString(url) || url == plain || url == "mailto:"+plain ||
			strings.TrimSuffix(url, "/") == strings.TrimSuffix(plain, "/") || mdAbsURLRe.MatchString(plain) {
			return text
		}
		return text + " (" + url + ")"
	})
	s = mdRefLinkRe.ReplaceAllString(s, "$1")
	s = mdAutoLinkRe.ReplaceAllString(s, "$1")
	s = mdTagRe.ReplaceAllString(s, "")
	s = stripEmphasis(s)
	if strings.ContainsFunc(s, isEscHeld) {
		s = strings.Map(func(r rune) rune {
			if isEscHeld(r) {
				return r - escBase
			}
			return r
		}, s)
	}
	return s
}

func isEscHeld(r rune) bool { return r >= escBase && r < escBase+128 }

// delimRun is a run of "*" or "_" that may open or close emphasis.
type delimRun struct {
	pos, n    int // rune index and length
	ch        rune
	open, clo bool
	left      int // delimiters still unmatched
}

// stripEmphasis removes matched emphasis delimiters.
func stripEmphasis(s string) string {
	if !strings.ContainsAny(s, "*_") {
		return s
	}
	rs := []rune(s)
	var runs []delimRun
	for i := 0; i < len(rs); {
		if rs[i] != '*' && rs[i] != '_' {
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		var prev, next rune = ' ', ' '
		if i > 0 {
			prev = rs[i-1]
		}
		if j < len(rs) {
			next = rs[j]
		}
		leftF := !unicode.IsSpace(next) && (!isPunct(next) || unicode.IsSpace(prev) || isPunct(prev))
		rightF := !unicode.IsSpace(prev) && (!isPunct(prev) || unicode.IsSpace(next) || isPunct(next))
		r := delimRun{pos: i, n: j - i, ch: rs[i], left: j - i}
		switch {
		case prev == '[' && next == ']':
			// "[*]", "[***]": a redaction mark, not emphasis.
		case rs[i] == '*':
			r.open, r.clo = leftF, rightF
		default:
			r.open = leftF && (!rightF || isPunct(prev))
			r.clo = rightF && (!leftF || isPunct(next))
		}
		runs = append(runs, r)
		i = j
	}
	drop := make([]bool, len(rs))
	var stack []int // indexes of runs that may open
	for k := range runs {
		r := &runs[k]
		if r.clo {
			for x := len(stack) - 1; x >= 0 && r.left > 0; x-- {
				o := &runs[stack[x]]
				if o.ch != r.ch || o.left == 0 {
					continue
				}
				n := min(o.left, r.left)
				// Drop the inner delimiters of the opener and the outer
				// ones of the closer: "**a**" loses all four.
				for d := 0; d < n; d++ {
					drop[o.pos+o.left-1-d] = true
					drop[r.pos+(r.n-r.left)+d] = true
				}
				o.left -= n
				r.left -= n
				stack = stack[:x+boolInt(o.left > 0)]
			}
		}
		if r.open && r.left > 0 {
			stack = append(stack, k)
		}
	}
	var b strings.Builder
	for i, r := range rs {
		if !drop[i] {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func isPunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r) || isEscHeld(r)
}

var (
	// ialRe: a kramdown inline attribute list, "{: #grant }", "{:
	// rel="nofollow"}", after a heading, a link or on a line of its own.
	ialRe = lazyre.New(`[ \t]*\{:[^{}\n]*\}`)
	// headAttrRe: header attributes at a heading's end, "{#id .class}"
	// (kramdown, Pandoc, Jekyll).
	headAttrRe = lazyre.New(`[ \t]+\{[#.][\w:.-]+(?:[ \t]+(?:[#.][\w:.-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+)))*[ \t]*\}[ \t]*$`)
)

// stripAttrLists removes kramdown and Pandoc attribute lists from
// Markdown lines: they are markup, not text ("## License Grant {: #grant
// }" is the heading "License Grant"); a line that holds only one is
// blanked.
func stripAttrLists(lines []srcLine) {
	for i := range lines {
		t := lines[i].text
		if strings.Contains(t, "{:") {
			t = ialRe.ReplaceAllString(t, "")
			if strings.TrimSpace(t) == "" {
				t = ""
			}
		}
		if strings.HasPrefix(strings.TrimSpace(t), "#") || i+1 < len(lines) && mdSetextRe.MatchString(lines[i+1].text) {
			t = headAttrRe.ReplaceAllString(t, "")
		}
		lines[i].text = t
	}
}

// stripCode removes the backticks of the code spans in s, except
// those of a Markdown form's blanks, kept so that they are read as blanks
// to fill: an empty span ("within ` ` days"), words that name a value
// ("within `Data Provision Deadline`"), or plain words standing alone as
// a line of its own ("`security measures`" under its heading). Code
// ("`X-Api-Key`") and words set as code in a sentence ("Customer's
// `incident response` team") lose them.
func stripCode(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range mdCodeRe.FindAllStringIndex(s, -1) {
		in := strings.Trim(strings.Trim(s[m[0]:m[1]], "`"), " ")
		b.WriteString(s[last:m[0]])
		last = m[1]
		before, after := s[strings.LastIndex(s[:m[0]], "\n")+1:m[0]], s[m[1]:]
		if i := strings.IndexByte(after, '\n'); i >= 0 {
			after = after[:i]
		}
		alone := strings.TrimSpace(before) == "" && strings.TrimSpace(after) == ""
		if in == "" || mdWordsCodeRe.MatchString(in) && (alone || mdValueCodeRe().MatchString(in)) {
			b.WriteString("`" + in + "`")
			continue
		}
		b.WriteString(in)
	}
	b.WriteString(s[last:])
	return b.String()
}

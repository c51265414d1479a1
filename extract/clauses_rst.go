package extract

import (
	"strings"
	"unicode/utf8"
)

// reStructuredText section titles. A title is a line of text underlined
// (and optionally overlined) by a run of one punctuation character at
// least as long as the title: "=", "-", "~", "^", "*", "+", "#", "'", '"',
// ":", ".", "_" and the others rst allows. Its level is not the character
// but the order in which the styles first appear (an overlined style is a
// style of its own). Markdown's setext headings are the "=" and "-" cases,
// always levels 1 and 2; so a document is read as rst only when it has a
// title of a style Markdown lacks (another character, or an overline).

// rstAdornChars are the characters rst allows in a title's adornment.
const rstAdornChars = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// rstAdorn returns the character of an adornment line (three or more of
// one punctuation character, nothing else but trailing blanks) and its
// length, or 0. Markdown code fences ("~~~", "```") are no adornment.
func rstAdorn(line string) (byte, int) {
	t := strings.TrimRight(line, " \t")
	if len(t) < 3 || t == "~~~" || t == "```" || !strings.ContainsRune(rstAdornChars, rune(t[0])) {
		return 0, 0
	}
	for i := 1; i < len(t); i++ {
		if t[i] != t[0] {
			return 0, 0
		}
	}
	return t[0], len(t)
}

// rstTitle is a section title found at line, with its adornment style
// (the character, and whether it is overlined too).
type rstTitle struct {
	line  int
	style string
}

// rstTitles finds the section titles of lines (see above).
func rstTitles(lines []srcLine) []rstTitle {
	var out []rstTitle
	blank := func(i int) bool { return i < 0 || strings.TrimSpace(lines[i].text) == "" }
	for i := 0; i+1 < len(lines); i++ {
		raw := lines[i].text
		t := strings.TrimSpace(raw)
		if t == "" || raw[0] == ' ' || raw[0] == '\t' || len(t) > 150 {
			continue
		}
		if c, _ := rstAdorn(t); c != 0 {
			continue
		}
		c, n := rstAdorn(lines[i+1].text)
		if c == 0 || n < utf8.RuneCountInString(t) {
			continue
		}
		over := false
		if oc, on := rstAdorn(prevText(lines, i)); oc == c && on == n {
			if !blank(i - 2) {
				continue
			}
			over = true
		} else if !blank(i - 1) {
			continue
		}
		style := string(c)
		if over {
			style += "^"
		}
		out = append(out, rstTitle{line: i, style: style})
		i++
	}
	return out
}

func prevText(lines []srcLine, i int) string {
	if i == 0 {
		return ""
	}
	return lines[i-1].text
}

// rstToATX rewrites the section titles of a reStructuredText document as
// "#" headings of their level (the order their style first appears,
// at most 6) and blanks their adornment lines; a document with no title of
// a style Markdown lacks is left to setextToATX.
func rstToATX(lines []srcLine) {
	titles := rstTitles(lines)
	rst := false
	for _, t := range titles {
		if t.style != "=" && t.style != "-" {
			rst = true
			break
		}
	}
	if !rst || len(titles) < 2 {
		return
	}
	level := map[string]int{}
	for _, t := range titles {
		lv, ok := level[t.style]
		if !ok {
			lv = min(len(level)+1, 6)
			level[t.style] = lv
		}
		i := t.line
		lines[i].text = strings.Repeat("#", lv) + " " + strings.TrimSpace(lines[i].text)
		lines[i+1].text = ""
		if strings.HasSuffix(t.style, "^") {
			lines[i-1].text = ""
		}
	}
}

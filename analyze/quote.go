package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A quote is the document's own words. A unit read with its list's lead-in
// ("We shall:" and "notify You without undue delay") is quoted as the two
// stand in the clause: with the item's marker between them where only the
// marker does ("We shall: (a) notify You ..."), else with " … " where other
// words were left out (earlier items, a lead-in the reading rewrote).

// normQuote folds what a quote drops without changing a word: emphasis
// markup and runs of whitespace.
func normQuote(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("**", "", "__", "").Replace(s)), " ")
}

// verbatimQuote joins parts (a lead-in, then the unit) as they stand in src
// (normalised by normQuote). skips says text known to stand before the
// last part was left out. A part src does not hold whole is quoted as the
// verbatim pieces it is made of.
func verbatimQuote(src string, parts []string, skips bool) string {
	var pieces []string
	last := 0
	for i, p := range parts {
		// A part that opens with the comma of words the reading rewrote
		// (", Provider may ...") quotes from its first word.
		p = strings.TrimLeft(normQuote(p), ",; ")
		if p == "" {
			continue
		}
		if i == len(parts)-1 {
			last = len(pieces)
		}
		pieces = append(pieces, coverPieces(src, p)...)
	}
	var b strings.Builder
	for i, p := range pieces {
		if i > 0 {
			switch gap, ok := adjacent(src, pieces[i-1], p); {
			case skips && i == last:
				b.WriteString(" … ")
			case ok && (gap == "" || isBullet(gap) || isTableBars(gap)):
				// A bullet is layout, not words: "Provider shall: delete ...";
				// so are a table's bars and rule ("| | ----- |").
				b.WriteString(" ")
			case ok:
				b.WriteString(" " + gap + " ")
			default:
				b.WriteString(" … ")
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

// coverPieces splits p into the longest runs of its words that src holds,
// in order; words src does not hold at all stay with the piece after them.
func coverPieces(src, p string) []string {
	if strings.Contains(src, p) {
		return []string{p}
	}
	words := strings.Fields(p)
	for k := len(words) - 1; k > 0; k-- {
		head := strings.Join(words[:k], " ")
		if strings.Contains(src, head) {
			return append([]string{head}, coverPieces(src, strings.Join(words[k:], " "))...)
		}
	}
	return []string{p}
}

// adjacent says whether b follows a in src with at most a list marker
// between them ("(a)", "1.", "•", "-"), and returns that marker.
func adjacent(src, a, b string) (string, bool) {
	prefix := b
	if len(prefix) > 40 {
		cut := 40
		for cut > 0 && !utf8.RuneStart(b[cut]) {
			cut--
		}
		prefix = b[:cut]
	}
	for from := 0; from < len(src); {
		i := strings.Index(src[from:], a)
		if i < 0 {
			break
		}
		end := from + i + len(a)
		if j := strings.Index(src[end:], prefix); j >= 0 && j <= 16 {
			gap := strings.TrimSpace(src[end : end+j])
			if isMarkerGap(gap) {
				return gap, true
			}
		}
		from = from + i + 1
	}
	return "", false
}

// isMarkerGap: the words between a lead-in and its item are only the
// item's marker (or nothing).
func isMarkerGap(gap string) bool {
	if isBullet(gap) {
		return true
	}
	if gap == "" {
		return true
	}
	if strings.ContainsAny(gap, " \\") || len(gap) > 12 {
		return false
	}
	letters := 0
	for _, r := range gap {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters <= 4
}

// isBullet: s is a bullet glyph ("-", "•", "●", "*"), no letter or digit.
func isBullet(s string) bool {
	return s != "" && strings.Trim(s, bulletGlyphs) == ""
}

const bulletGlyphs = "-–—•●▪◦‣·*○■□➢►"

// memoNorm reads texts (by clause id) through normQuote, each once.
func memoNorm(texts map[string]string) func(id string) string {
	done := map[string]string{}
	return func(id string) string {
		n, ok := done[id]
		if !ok {
			n = normQuote(texts[id])
			done[id] = n
		}
		return n
	}
}

// trimQuote keeps evidence quotes readable: at most 400 characters, with
// markup that reached the text ("**", "__") removed.
func trimQuote(s string) string {
	s = strings.NewReplacer("**", "", "__", "").Replace(s)
	s = strings.Join(dropCheckMarks(strings.Fields(s)), " ")
	if len(s) <= 400 {
		return s
	}
	cut := strings.LastIndex(s[:400], " ")
	if cut < 300 {
		// No word boundary near the limit: cut at a character's start,
		// never inside one (a quote in Greek or Japanese).
		cut = 400
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + " …"
}

// isCheckMark says a word is a lone tick of a checklist ("X", "✓", "☒").
func isCheckMark(w string) bool {
	switch w {
	case "X", "x", "✓", "✔", "☒", "☑", "■":
		return true
	}
	return false
}

// dropCheckMarks removes runs of two or more lone ticks: the marks of a
// checklist's columns a PDF gives after its rows ("Early fire detection X
// X X X"), which are no words of the sentence quoted. One "X" stays (an
// "Annex X").
func dropCheckMarks(words []string) []string {
	out := words[:0:0]
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && isCheckMark(words[j]) {
			j++
		}
		if j-i >= 2 {
			i = j
			continue
		}
		if j > i {
			out = append(out, words[i:j]...)
			i = j
			continue
		}
		out = append(out, words[i])
		i++
	}
	return out
}

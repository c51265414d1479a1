package extract

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// Glyph names as a second source of a glyph's text. Some PDFs give a
// ligature glyph (fi, ffi, t_i ...) no ToUnicode entry, an empty or space
// entry, or only its first letter, so "notify" comes out "notfy"; the
// font's /Encoding /Differences may still name the glyph. glyphNameText
// reads such a name by the Adobe Glyph List conventions.

// glyphNameText returns the text a glyph name stands for, following the
// Adobe Glyph List specification: a suffix after the first period is
// dropped ("f_i.liga" → "f_i"); the rest is split at underscores into
// components, each of which is "uniXXXX[XXXX...]" (groups of four upper-
// or lowercase hex digits, BMP code points other than surrogates),
// "uXXXX" to "uXXXXXX" (a code point up to U+10FFFF, no surrogates), or a
// name in glyphNames ("f", "i", "fi", "hyphen" ...). ok is false when any
// component is none of these (".notdef", "g12", "Delta" are not read).
func glyphNameText(name string) (string, bool) {
	if k := strings.IndexByte(name, '.'); k >= 0 {
		name = name[:k]
	}
	if name == "" {
		return "", false
	}
	var b strings.Builder
	for _, c := range strings.Split(name, "_") {
		s, ok := glyphComponent(c)
		if !ok {
			return "", false
		}
		b.WriteString(s)
	}
	return b.String(), true
}

func glyphComponent(c string) (string, bool) {
	if s, ok := glyphNames[c]; ok {
		return s, true
	}
	if h, ok := strings.CutPrefix(c, "uni"); ok && h != "" && len(h)%4 == 0 {
		var b strings.Builder
		for i := 0; i < len(h); i += 4 {
			r, ok := hexRune(h[i : i+4])
			if !ok {
				return "", false
			}
			b.WriteRune(r)
		}
		return b.String(), true
	}
	if h, ok := strings.CutPrefix(c, "u"); ok && len(h) >= 4 && len(h) <= 6 {
		if r, ok := hexRune(h); ok {
			return string(r), true
		}
	}
	return "", false
}

// hexRune reads hex digits as a code point: a scalar value (not a
// surrogate, not past U+10FFFF), and not a control character.
func hexRune(h string) (rune, bool) {
	for i := 0; i < len(h); i++ {
		if unhex(h[i]) < 0 {
			return 0, false
		}
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil || !utf8.ValidRune(rune(v)) || v < 0x20 || v >= 0x7F && v < 0xA0 {
		return 0, false
	}
	return rune(v), true
}

// glyphNames: the glyph names read as text. The letters and digits, the
// ASCII punctuation and the common typographic names of the Adobe Glyph
// List, and ligature names: the AGL's ff fi fl ffi ffl, and the names
// fonts give other ligatures (ft, tt, ti, Th ...), as their letters.
var glyphNames = func() map[string]string {
	m := map[string]string{
		"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4",
		"five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
		"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$",
		"percent": "%", "ampersand": "&", "quotesingle": "'", "parenleft": "(",
		"parenright": ")", "asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-",
		"period": ".", "slash": "/", "colon": ":", "semicolon": ";", "less": "<",
		"equal": "=", "greater": ">", "question": "?", "at": "@", "bracketleft": "[",
		"backslash": "\\", "bracketright": "]", "asciicircum": "^", "underscore": "_",
		"grave": "`", "braceleft": "{", "bar": "|", "braceright": "}", "asciitilde": "~",
		"quoteleft": "\u2018", "quoteright": "\u2019", "quotedblleft": "\u201C",
		"quotedblright": "\u201D", "quotesinglbase": "\u201A", "quotedblbase": "\u201E",
		"endash": "\u2013", "emdash": "\u2014", "bullet": "\u2022", "ellipsis": "\u2026",
		"section": "\u00A7", "paragraph": "\u00B6", "copyright": "\u00A9",
		"registered": "\u00AE", "trademark": "\u2122", "degree": "\u00B0",
		"sterling": "\u00A3", "Euro": "\u20AC", "yen": "\u00A5", "cent": "\u00A2",
		"dagger": "\u2020", "daggerdbl": "\u2021", "periodcentered": "\u00B7",
		"guillemotleft": "\u00AB", "guillemotright": "\u00BB", "minus": "\u2212",
		"multiply": "\u00D7", "divide": "\u00F7", "nbspace": "\u00A0",
	}
	for c := 'a'; c <= 'z'; c++ {
		m[string(c)] = string(c)
		m[string(c-'a'+'A')] = string(c - 'a' + 'A')
	}
	for _, l := range []string{
		"ff", "fi", "fl", "ffi", "ffl", "fj", "ffj", "ft", "fft", "fb", "ffb",
		"fh", "ffh", "fk", "ffk", "tt", "ti", "tti", "tf", "st", "ct", "sp", "Th",
	} {
		m[l] = l
	}
	return m
}()

// differenceNames reads a simple font's /Encoding /Differences array:
// the text of each code whose glyph name glyphNameText reads (codes
// 0-255; names it cannot read are left out). Nil when there is none.
func differenceNames(font pdf.Value) map[uint32]string {
	d := font.Key("Encoding").Key("Differences")
	var m map[uint32]string
	code := -1
	for i := 0; i < d.Len() && i < 1024; i++ {
		x := d.Index(i)
		switch x.Kind() {
		case pdf.Integer:
			code = int(x.Int64())
		case pdf.Name:
			if code >= 0 && code <= 255 {
				if s, ok := glyphNameText(x.Name()); ok {
					if m == nil {
						m = map[uint32]string{}
					}
					m[uint32(code)] = s
				}
			}
			if code >= 0 {
				code++
			}
		}
	}
	return m
}

// lostText reports whether s, what the ToUnicode CMap gives a glyph, lost
// the text g its name gives: s is empty, U+FFFD or blank while g is not,
// or s is only the first letter of a ligature g ("f" for "f_i").
func lostText(s, g string) bool {
	if g == "" || s == g {
		return false
	}
	if strings.Trim(s, " \uFFFD") == "" {
		return strings.TrimSpace(g) != ""
	}
	return utf8.RuneCountInString(s) == 1 && utf8.RuneCountInString(g) > 1 && strings.HasPrefix(g, s)
}

// Ligatures lost without a name to recover them: some office suites map
// each ligature glyph of a font (fi, ff, ffi, ti, tt ...) to its first
// letter alone in the ToUnicode CMap and give no glyph names (a TrueType
// subset with a format 3 post table, no /Differences). The text then
// read "notfy" for "notify" and "Informaton" for "Information". The
// letters that follow are guessed from the glyph's width: the letters
// whose widths (those of the same font's plain glyphs) add up nearest to
// it, among ligatureTails, within ligatureFit of its width; where two fit
// as well (fi and fl are as wide in many fonts) the more frequent one,
// listed first, is read. The guess is told (Agreement.Warnings).

// ligatureStarts are the letters ligatures start with in Latin text fonts.
const ligatureStarts = "ft"

// ligatureWidthRatio: a glyph mapped to one of ligatureStarts that is at
// least this many times as wide as the narrowest glyph mapped to the same
// letter is taken for a ligature (an f with i or l beside it is about
// 1.7 times as wide as the f; an alternate or a small-capital form is not
// wider).
const ligatureWidthRatio = 1.4

// maxLigatureCheck is the most widths of a font truncatedLigatures reads.
const maxLigatureCheck = 1 << 14

// ligatureTails are the letters a ligature may hold after its first,
// by first letter, the more frequent first.
var ligatureTails = map[string][]string{"f": {"i", "l", "f", "t", "fi", "fl"}, "t": {"i", "t"}}

// ligatureFit: a guess must come within this share of the glyph's width.
const ligatureFit = 0.12

// truncatedLigatures returns the codes of a font that its ToUnicode CMap
// maps to one of ligatureStarts alone while their widths (from /Widths,
// or /W of a CID font; codes without one are not judged) make them
// ligatures, each with the text guessed for it (ligatureGuess; its first
// letter alone when nothing fits); nil when there are none, or when the
// font gives more than maxLigatureCheck widths (not judged: a font of a
// script without such ligatures, or a hostile one).
func truncatedLigatures(cm *cmapData, widths map[uint32]float64) map[uint32]string {
	if cm == nil || len(widths) > maxLigatureCheck {
		return nil
	}
	narrowest := map[string]float64{}
	byLetter := map[string][]uint32{}
	for c, w := range widths {
		s, ok := cm.lookup(c)
		if !ok || w <= 0 || len(s) != 1 || !strings.Contains("filt", s) {
			continue
		}
		if n, seen := narrowest[s]; !seen || w < n {
			narrowest[s] = w
		}
		if strings.Contains(ligatureStarts, s) {
			byLetter[s] = append(byLetter[s], c)
		}
	}
	var m map[uint32]string
	for s, codes := range byLetter {
		var ligs []uint32
		for _, c := range codes {
			if widths[c] >= ligatureWidthRatio*narrowest[s] {
				ligs = append(ligs, c)
			}
		}
		if len(ligs) == 0 {
			continue
		}
		if m == nil {
			m = map[uint32]string{}
		}
		for c, tail := range ligatureGuess(s, ligs, widths, narrowest) {
			m[c] = s + tail
		}
	}
	return m
}

// ligatureGuess gives each ligature code starting with first the letters
// after it: each ligature of a font is one glyph, so no two codes get the
// same letters, and a wider glyph gets letters at least as wide. Among
// such assignments the one whose letter widths (the font's plain glyphs)
// add up nearest to the codes' widths is taken; a code that no letters
// fit within ligatureFit gets none (""). Codes as wide as each other
// (fi and fl) take the letters in the order of ligatureTails, the lower
// code first.
func ligatureGuess(first string, codes []uint32, widths map[uint32]float64, letters map[string]float64) map[uint32]string {
	sort.Slice(codes, func(i, j int) bool {
		if widths[codes[i]] != widths[codes[j]] {
			return widths[codes[i]] < widths[codes[j]]
		}
		return codes[i] < codes[j]
	})
	type cand struct {
		tail string
		w    float64
	}
	var cands []cand
	for _, tail := range ligatureTails[first] {
		sum := letters[first]
		for _, r := range tail {
			lw, ok := letters[string(r)]
			if !ok {
				sum = -1
				break
			}
			sum += lw
		}
		if sum > 0 {
			cands = append(cands, cand{tail, sum})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].w < cands[j].w })
	n, k := len(codes), len(cands)
	// cost[i][j]: the best for the first i codes with the first j
	// letters; how[i][j]: 0 letters j skipped, 1 code i without letters,
	// 2 code i given letters j.
	cost := make([][]float64, n+1)
	how := make([][]byte, n+1)
	for i := range cost {
		cost[i] = make([]float64, k+1)
		how[i] = make([]byte, k+1)
		for j := range cost[i] {
			if i == 0 {
				continue
			}
			w := widths[codes[i-1]]
			// On a tie the earlier letters win: skipping letters j first,
			// then giving them, then leaving code i without letters.
			cost[i][j], how[i][j] = math.Inf(1), 1
			if j > 0 {
				cost[i][j], how[i][j] = cost[i][j-1], 0
				if d := math.Abs(w - cands[j-1].w); d <= ligatureFit*w {
					if c := cost[i-1][j-1] + d; c < cost[i][j] {
						cost[i][j], how[i][j] = c, 2
					}
				}
			}
			if c := cost[i-1][j] + ligatureFit*w; c < cost[i][j] {
				cost[i][j], how[i][j] = c, 1
			}
		}
	}
	out := map[uint32]string{}
	for i, j := n, k; i > 0; {
		switch {
		case j > 0 && how[i][j] == 0:
			j--
		case how[i][j] == 1:
			out[codes[i-1]] = ""
			i--
		default:
			out[codes[i-1]] = cands[j-1].tail
			i, j = i-1, j-1
		}
	}
	return out
}

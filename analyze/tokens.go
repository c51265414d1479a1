package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word, number or punctuation mark of a sentence. The engine
// reads sentences as tokens once; the vocabulary matches phrases of tokens.
type token struct {
	// w is the word in lower case, with typographic apostrophes straightened
	// and a possessive "'s" removed ("Customer's" → "customer"); for
	// punctuation, the mark itself.
	w string
	// start and end are byte offsets of the token in the sentence.
	start, end int
	// word is false for punctuation.
	word bool
	// upper is true when the word is written with a capital first letter.
	upper bool
	// poss is true for a possessive ("Customer's", "Customers'").
	poss bool
}

// tokenize splits s into tokens: runs of letters and digits (a decimal point
// or comma between digits stays inside: "99.9", "2,000,000"), and single
// punctuation marks. Hyphens and slashes separate words ("sub-processor" is
// "sub", "processor"): the vocabulary compiles hyphenated phrases to match
// both spellings.
func tokenize(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				// 99.9 and 2,000: a separator between digits.
				if (r2 == '.' || r2 == ',') && j > i && j+1 < len(s) && isDigitByte(s[j-1]) && isDigitByte(s[j+1]) {
					j += n2
					continue
				}
				break
			}
			// "ISO27001", "SOC2": the letters and the number are two words.
			if k := letterDigit(s[i:j]); k > 0 {
				j = i + k
			}
			t := token{w: strings.ToLower(s[i:j]), start: i, end: j, word: true, upper: unicode.IsUpper(r)}
			// A possessive or contraction after the word: 's, s', n't.
			if j < len(s) {
				a, an := utf8.DecodeRuneInString(s[j:])
				if a == '\'' || a == '’' {
					rest := s[j+an:]
					switch {
					case len(rest) > 0 && (rest[0] == 's' || rest[0] == 'S') && (len(rest) == 1 || !isWordByte(rest[1])):
						t.poss = true
						t.end = j + an + 1
						j = t.end
					case strings.HasSuffix(t.w, "s") && (len(rest) == 0 || !isWordByte(rest[0])):
						t.poss = true
						t.end = j + an
						j = t.end
					case strings.HasSuffix(t.w, "n") && len(rest) > 0 && (rest[0] == 't' || rest[0] == 'T'):
						// "won't", "don't", "shan't": the word and "not".
						base := t.w[:len(t.w)-1]
						switch base {
						case "wo":
							base = "will"
						case "ca":
							base = "can"
						case "sha":
							base = "shall"
						}
						t.w = base
						t.end = j - 1
						out = append(out, t)
						t = token{w: "not", start: j - 1, end: j + an + 1, word: true}
						j = j + an + 1
					}
				}
			}
			out = append(out, t)
			i = j
		case unicode.IsSpace(r):
			i += n
		case (r == '-' || r == '‐' || r == '‑') && i > 0 && isWordByte(s[i-1]) && i+n < len(s) && isWordByte(s[i+n]):
			// A hyphen inside a word ("sub-processor") only separates.
			i += n
		default:
			p := string(r)
			switch r {
			case '’', '‘', '`', '´':
				p = "'"
			case '“', '”', '„':
				p = `"`
			case '–', '—':
				p = "-"
			}
			out = append(out, token{w: p, start: i, end: i + n})
			i += n
		}
	}
	countryUS(s, out)
	return out
}

// countryUS reads "US" written in capitals beside words that are not
// ("hosted in a US region", "outside of the US") as the country, not the
// pronoun "us"; in a sentence written all in capitals ("NOTIFY US IN
// WRITING") it stays the pronoun, and before a capitalised word ("US
// Postal Service") it is part of a name.
func countryUS(s string, toks []token) {
	for k, t := range toks {
		if !t.word || s[t.start:t.end] != "US" {
			continue
		}
		// "US Postal Service", "US Bank": part of a name.
		if k+1 < len(toks) && toks[k+1].word && toks[k+1].upper {
			continue
		}
		for _, n := range []int{k - 1, k + 1, k - 2, k + 2} {
			if n >= 0 && n < len(toks) && toks[n].word && strings.ToUpper(s[toks[n].start:toks[n].end]) != s[toks[n].start:toks[n].end] {
				toks[k].w = "usa"
				break
			}
		}
	}
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// isBreak says a punctuation token ends a phrase's reach: a gap in a
// vocabulary phrase never crosses it.
func isBreak(t token) bool {
	return !t.word && (t.w == ";" || t.w == "." || t.w == ":" || t.w == "!" || t.w == "?")
}

// letterDigit returns where a word of two or more ASCII letters turns into
// digits ("ISO27001" → 3), or 0.
func letterDigit(w string) int {
	k := 0
	for k < len(w) && (w[k] >= 'a' && w[k] <= 'z' || w[k] >= 'A' && w[k] <= 'Z') {
		k++
	}
	if k >= 2 && k < len(w) && isDigitByte(w[k]) {
		return k
	}
	return 0
}

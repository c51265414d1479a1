package extract

import (
	"fmt"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// The text-quality gate of the PDF reader: pageQuality judges one page on
// its characters (empty, control and replacement characters, foreign
// scripts, words that are not words, words run together), and
// oddTokenShare the whole document for the marks of a poor OCR layer.

// Page quality classes.
const (
	qualityOK = iota
	qualityEmpty
	qualityGarbled
)

type quality struct {
	class  int
	reason string
	// measurements, for tests and tuning
	words, candidates  int
	wordShare          float64 // share of candidate-token runes in word-like tokens
	badShare           float64 // control chars, U+FFFD, private use
	foreignShare       float64 // letters outside Latin, Greek, Cyrillic
	meanWordLen        float64
	longWordShare      float64 // word-like tokens of 20+ letters
	letters, nonSpaces int
}

// Thresholds of the quality gate, tuned on the shared agreements corpus:
// LibreOffice/Word text scores wordShare ≥ 0.9; the Make/Stalwart PDFs
// (fonts decoded to punctuation or Latin-1 noise) score below 0.1.
const (
	minWordShare     = 0.6
	maxBadShare      = 0.05
	maxForeignShare  = 0.3
	maxMeanWordLen   = 10
	maxLongWordShare = 0.08
	minCandidates    = 5 // fewer tokens: a short page, judged on bad characters only
)

// pageQuality classifies the cleaned text of one page as ok, empty or
// garbled.
//
// Tokens are whitespace-separated words with edge punctuation trimmed;
// numbers, e-mail addresses, URLs and pure punctuation are ignored; single
// letters too. A token is
// word-like when it is made of Latin letters (with inner ' - . allowed),
// contains a vowel, and is at least half ASCII. A page is garbled when,
// over at least minCandidates tokens, word-like tokens carry less than
// minWordShare of the letters; or when control characters, U+FFFD and
// private-use characters exceed maxBadShare of all non-space characters; or
// letters outside Latin/Greek/Cyrillic exceed maxForeignShare; or words
// look glued together (mean word length above maxMeanWordLen, or more than
// maxLongWordShare of words 20 letters or longer). A page with fewer than 3
// letters is empty.
func pageQuality(text string) quality {
	var q quality
	bad, foreign := 0, 0
	for _, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		q.nonSpaces++
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Co, r), unicode.Is(unicode.Cs, r):
			bad++
		case unicode.IsLetter(r):
			q.letters++
			if !unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic) {
				foreign++
			}
		}
	}
	if q.letters < 3 {
		q.class = qualityEmpty
		q.reason = "no text"
		return q
	}
	q.badShare = float64(bad) / float64(q.nonSpaces)
	q.foreignShare = float64(foreign) / float64(q.letters)

	var candRunes, wordRunes, wordLetters, long int
	for _, tok := range strings.Fields(text) {
		tok = strings.TrimFunc(tok, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		n := utf8.RuneCountInString(tok)
		if n < 2 || isNumberish(tok) || strings.Contains(tok, "@") || strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") {
			continue // numbers, e-mail addresses, URLs
		}
		q.candidates++
		candRunes += n
		if isWordLike(tok) {
			q.words++
			wordRunes += n
			wordLetters += n
			if n >= 20 {
				long++
			}
		}
	}
	if candRunes > 0 {
		q.wordShare = float64(wordRunes) / float64(candRunes)
	}
	if q.words > 0 {
		q.meanWordLen = float64(wordLetters) / float64(q.words)
		q.longWordShare = float64(long) / float64(q.words)
	}
	switch {
	case q.nonSpaces >= 20 && q.badShare > maxBadShare:
		q.class, q.reason = qualityGarbled, fmt.Sprintf("%.0f%% control or replacement characters", 100*q.badShare)
	case q.letters >= 20 && q.foreignShare > maxForeignShare:
		q.class, q.reason = qualityGarbled, fmt.Sprintf("%.0f%% of letters outside Latin scripts", 100*q.foreignShare)
	case q.candidates >= minCandidates && q.wordShare < minWordShare:
		q.class, q.reason = qualityGarbled, fmt.Sprintf("only %.0f%% of the text reads as words", 100*q.wordShare)
	case q.words >= minCandidates && (q.meanWordLen > maxMeanWordLen || q.longWordShare > maxLongWordShare):
		q.class, q.reason = qualityGarbled, fmt.Sprintf("words run together (mean word length %.1f)", q.meanWordLen)
	}
	return q
}

// isNumberish: digits with number punctuation ("2026", "1.1", "$5,000", "50%").
func isNumberish(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(".,:/-%$()€£", r):
		default:
			return false
		}
	}
	return digits > 0
}

const vowels = "aeiouyAEIOUYàáâãäåèéêëìíîïòóôõöùúûüýÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÝæœÆŒ"

func isWordLike(s string) bool {
	letters, ascii := 0, 0
	vowel := false
	prev := rune(0)
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) && unicode.Is(unicode.Latin, r):
			letters++
			if r < 0x80 {
				ascii++
			}
			if strings.ContainsRune(vowels, r) {
				vowel = true
			}
		case (r == '\'' || r == '-' || r == '.' || r == '’') && i > 0 && unicode.IsLetter(prev):
		default:
			return false
		}
		prev = r
	}
	return letters >= 2 && vowel && ascii*2 >= letters
}

// OCR noise is judged on characters, never on whether a word is in a
// dictionary: product and company names (GitHub, RabbitMQ, ISO27001,
// MongoDB, McAfee, SHA-256, IPv6) are not noise. noisyWord lists the marks
// that typeset text does not make and a poor OCR layer does.

// noisyWord reports whether a word token (edge punctuation trimmed, 3+
// runes, not an address or URL) carries a mark of OCR noise, and which:
//
//   - "digit": a digit between lowercase letters in a word of 4+ letters
//     ("Cl0mp", "ofl1ce"; not "e2e", "IPv6", "ISO27001", "x509");
//   - "consonants": six consonants in a row ("4GRFFMFST"; y counts as a
//     vowel, letters outside ASCII break the run; "strengths" has five);
//   - "symbol": a character inside the word that is not a letter, a digit
//     or one of - ' ’ . / & : , + # _ and balanced parentheses
//     ("T‘Derelopment", "Kell)r", "Guaranty\"s"; not
//     "contract(s)", "AT&T", "C++", "Node.js", "and/or");
//   - "case": implausible case alternation: one lowercase letter between
//     capitals past the word's second letter ("tHiS"), or more than four
//     changes of case ("DevSecOps" has four; "McAfee", "iPhone", "GitHub",
//     "RabbitMQ", "IDs" are fine);
//   - "fused": "of" or "the" glued to a word the document uses on its own
//     at least three times as often ("ofthis", "ofProject"; vocab counts
//     the document's lowercased tokens).
func noisyWord(tok string, vocab map[string]int) string {
	letters, digits, changes := 0, 0, 0
	run, maxRun := 0, 0
	depth := 0
	symbol := false
	rs := []rune(tok)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r):
			letters++
			if r < 0x80 && !strings.ContainsRune("aeiouyAEIOUY", r) {
				run++
				maxRun = max(maxRun, run)
			} else {
				run = 0
			}
			if i > 0 && unicode.IsLetter(rs[i-1]) && unicode.IsUpper(r) != unicode.IsUpper(rs[i-1]) {
				changes++
			}
		case unicode.IsDigit(r):
			digits++
			run = 0
		case r == '(':
			depth++
			run = 0
		case r == ')':
			// ")" closing nothing before a letter: "Kell)r" (the edge
			// trim leaves "contract(s" and "7.1(f" open).
			if depth--; depth < 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) {
				symbol = true
			}
			run = 0
		case (r == '\'' || r == '’') && i > 0 && i+1 < len(rs) && unicode.IsLower(rs[i-1]) && unicode.IsUpper(rs[i+1]):
			symbol = true // "Agreement'T", "Byi'Sj" (not "O'Brien", "PARTY'S")
			run = 0
		case strings.ContainsRune("-'’./&:,+#_", r):
			run = 0
		default:
			symbol = true
			run = 0
		}
	}
	if letters == 0 {
		return ""
	}
	switch {
	case symbol:
		return "symbol"
	case strings.IndexByte(tok, '.') >= 0 && dotLetterRe.MatchString(tok):
		return "symbol"
	case maxRun >= 6:
		return "consonants"
	}
	if letters >= 4 {
		for i := 1; i+1 < len(rs); i++ {
			if unicode.IsDigit(rs[i]) && unicode.IsLower(rs[i-1]) && unicode.IsLower(rs[i+1]) {
				return "digit"
			}
		}
	}
	if changes > 6 {
		return "case"
	}
	for i := 2; i+1 < len(rs); i++ {
		if unicode.IsLower(rs[i]) && unicode.IsUpper(rs[i-1]) && unicode.IsUpper(rs[i+1]) {
			return "case"
		}
	}
	if n := len(rs); n >= 4 && unicode.IsLetter(rs[n-1]) {
		last, prev, prev2 := rs[n-1], rs[n-2], rs[n-3]
		switch {
		case unicode.IsLower(last) && last != 's' && unicode.IsUpper(prev) && unicode.IsUpper(prev2):
			return "case" // "LIOUDm" (not "IDs", "URLs")
		case unicode.IsUpper(last) && unicode.IsLower(prev) && unicode.IsLower(prev2) && changes == 2 && unicode.IsUpper(rs[0]):
			return "case" // "JimR", "JiinE"
		}
	}
	lower := strings.ToLower(tok)
	for _, p := range []string{"of", "the"} {
		if rest, ok := strings.CutPrefix(lower, p); ok && digits == 0 && utf8.RuneCountInString(rest) >= 3 && vocab != nil && vocab[rest] >= 3*max(1, vocab[lower]) {
			return "fused"
		}
	}
	return ""
}

// noiseTokens splits text into the tokens noisyWord judges: edge
// punctuation and symbols trimmed, 3+ runes, with a letter, not an e-mail
// address, URL or form-field tag, in order (no slice: a 35-page
// contract has tens of thousands).
func noiseTokens(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for tok := range strings.FieldsSeq(text) {
			tok = strings.TrimFunc(tok, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
			if utf8.RuneCountInString(tok) < 3 || strings.ContainsAny(tok, "@\\") || strings.Contains(tok, "://") || strings.HasPrefix(strings.ToLower(tok), "www.") {
				continue // addresses, URLs, form-field anchors (DocuSign's \s1\)
			}
			if strings.IndexFunc(tok, unicode.IsLetter) < 0 {
				continue
			}
			if !yield(tok) {
				return
			}
		}
	}
}

// oddTokenShare measures OCR noise: the share of a text's word tokens
// (noiseTokens) that noisyWord marks, and the number of tokens.
//
// A word marked only for its case ("LoanX", "PayX") that the document
// spells the same way at least nameRepeats times is a name, not noise: OCR
// misreads scatter, they do not repeat a spelling letter for letter.
func oddTokenShare(text string, vocab map[string]int) (share float64, tokens int) {
	odd := 0
	cased := map[string]int{}    // tokens marked "case", by exact spelling
	marks := map[string]string{} // noisyWord of each token seen (words recur)
	for tok := range noiseTokens(text) {
		tokens++
		mark, ok := marks[tok]
		if !ok {
			mark = noisyWord(tok, vocab)
			marks[tok] = mark
		}
		switch mark {
		case "":
		case "case":
			cased[tok]++
		default:
			odd++
		}
	}
	for _, n := range cased {
		if n < nameRepeats {
			odd += n
		}
	}
	if tokens == 0 {
		return 0, 0
	}
	return float64(odd) / float64(tokens), tokens
}

// dotLetterRe: a word, a dot and one lowercase letter ("Commrtiryr.t";
// not "Node.js", "e.g").
var dotLetterRe = lazyre.New(`\pL{4,}\.\p{Ll}$`)

// maxOddShare is the share of noisy words (oddTokenShare) from which a
// document's text layer is taken for a poor OCR layer. Typeset PDFs of the
// corpus score at most 0.07 % (an HTML entity left in the text, "BofA"),
// an invented security overview dense with product names 0 %, the
// PrimeEnergy OCR layer 2 %.
const maxOddShare = 0.005

// nameRepeats is how often a word marked only for its case must recur,
// spelled alike, to be taken for a name (see oddTokenShare).
const nameRepeats = 3

// docVocab counts the lowercased word tokens of a document.
func docVocab(pages []string) map[string]int {
	v := map[string]int{}
	for _, p := range pages {
		for _, tok := range strings.Fields(p) {
			tok = strings.TrimFunc(tok, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
			v[strings.ToLower(tok)]++
		}
	}
	return v
}

// unreadableWarnings says, for each page of texts (pages 1..n, by
// number) whose text holds U+FFFD, how many characters could not be
// read: glyphs the PDF maps to no text (or to U+0000) that neither the
// embedded font program nor an /ActualText span could read. In page
// order; nil when there is none.
func unreadableWarnings(texts map[int]string, n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		if k := strings.Count(texts[i], "\uFFFD"); k > 0 {
			what := "characters"
			if k == 1 {
				what = "character"
			}
			out = append(out, fmt.Sprintf("page %d: %d %s could not be read (U+FFFD): the PDF maps their glyphs to no text, "+
				"so words may lack letters", i, k, what))
		}
	}
	return out
}

package llm

import (
	"sort"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Redaction placeholders. They contain no character the patterns below
// match, so redacting twice gives the same text.
const (
	redEmail = "[EMAIL]"
	redPhone = "[PHONE]"
	redName  = "[NAME]"
)

var (
	reEmail = lazyre.New(`(?i)\b[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}\b`)
	// Phone numbers: an optional +country code, then groups of digits
	// separated by spaces, dots, dashes or brackets, 8 digits or more in
	// all ("+44 20 7946 0958", "(555) 010-4477", "555.010.4477"). Shorter
	// runs (section numbers, years, "72 hours") are left alone.
	rePhone = lazyre.New(`(?:\+\d{1,3}[\s.\-]?)?\(\d{1,4}\)[\s.\-]?\d{2,4}(?:[\s.\-]\d{2,4}){1,4}\b|(?:\+\d{1,3}[\s.\-]?)?\d{2,4}(?:[\s.\-]\d{2,4}){2,4}\b|\+\d{8,15}\b`)
	reDate  = lazyre.New(`^\d{4}[\-.]\d{1,2}[\-.]\d{1,2}$|^\d{1,2}[\-.]\d{1,2}[\-.]\d{4}$`)
	// A name after a label or a courtesy title: "Attn: Jane Doe",
	// "Name: J. Smith", "By: Maria Garcia", "Mr. John Smith", "Dr Jane Doe".
	// Up to three capitalised words (or initials) are replaced.
	reLabelledName = lazyre.New(`(?m)\b((?:Attn|Attention|Name|Contact|By|Signed|Signature|Signatory|Printed Name|Print Name)\s*[:.]\s*)((?:[A-Z][\p{L}'\-]*\.?\s?){1,3}[A-Z][\p{L}'\-]+)`)
	reTitledName   = lazyre.New(`\b((?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)((?:[A-Z]\.\s*)?[A-Z][\p{L}'\-]+(?:\s+[A-Z][\p{L}'\-]+)?)`)
)

// Redact replaces e-mail addresses, phone numbers and personal names found
// by simple patterns with placeholders. It is a best effort: names are only
// found after a label ("Attn:", "Name:", "By:", "Signed:") or a courtesy
// title ("Mr.", "Ms.", "Dr."); a name standing alone in a sentence, or a
// phone number written in words, is not found.
func Redact(s string) string {
	s = reEmail.ReplaceAllString(s, redEmail)
	s = rePhone.ReplaceAllStringFunc(s, func(m string) string {
		digits := 0
		for _, r := range m {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if digits < 8 || reDate.MatchString(m) {
			return m
		}
		return redPhone
	})
	s = reLabelledName.ReplaceAllString(s, "${1}"+redName)
	s = reTitledName.ReplaceAllString(s, "${1}"+redName)
	return s
}

// namesIn returns the personal names the patterns find in texts, longest
// first, so that a name found after "Attn:" in one place is also replaced
// where it stands alone (or where sentence splitting cut it from its label).
func namesIn(texts ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range texts {
		t = normalizeSpace(t)
		for _, re := range []*lazyre.Regexp{reLabelledName, reTitledName} {
			for _, m := range re.FindAllStringSubmatch(t, -1) {
				if n := strings.TrimSpace(m[2]); len(n) > 3 && !seen[n] {
					seen[n] = true
					out = append(out, n)
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// redactNames replaces the known names in s.
func redactNames(s string, names []string) string {
	for _, n := range names {
		s = strings.ReplaceAll(s, n, redName)
	}
	return s
}

// normalizeSpace collapses runs of white space to one space and trims.
func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// quoteIn reports whether quote occurs verbatim in text once white space is
// normalised on both sides (and typographic quotes are made straight).
func quoteIn(quote, text string) bool {
	q := normalizeSpace(straight.Replace(quote))
	if q == "" {
		return false
	}
	return strings.Contains(normalizeSpace(straight.Replace(text)), q)
}

var straight = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'")

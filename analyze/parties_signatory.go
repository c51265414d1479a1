package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// A person who signs for the vendor is never the vendor when the same
// block names the company: "Service Provider:\nJane Doe\n(Quillmark
// Analytics)", "Service Provider: Jane Doe\nSignature: ____\nCompany:
// Quillmark Analytics" (new user 50, issue 11: the vendor was named as
// the individual who signs).

// rePersonName is a name of two or three words written as a person's
// name is: each word a capital then lower-case letters ("Jane Doe",
// "Mary-Ann O'Neil"); a company's short name in capitals ("ACME") or with
// a digit is not one.
var rePersonName = lazyre.New(`^[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?){1,2}$`)

// glossCompany is the company a bracketed gloss names after a person's
// name ("Jane Doe (Quillmark Analytics)" gives "Quillmark Analytics"):
// "" when name is no person's name, or the gloss is the same company's
// other name ("Fernwick (Fernwick Cloud)") or its initials ("Halberd
// Records (HR)"). rest opens with the bracket.
func glossCompany(name, rest string) string {
	name = strings.TrimSpace(name)
	if !strings.HasPrefix(rest, "(") || !rePersonName.MatchString(name) {
		return ""
	}
	end := strings.IndexByte(rest, ')')
	if end < 0 {
		return ""
	}
	gloss := strings.TrimSpace(rest[1:end])
	if !properName(gloss) || gloss == strings.ToUpper(gloss) && !strings.Contains(gloss, " ") {
		return "" // "(HR)", "(ACME)": initials
	}
	for _, g := range strings.Fields(strings.ToLower(gloss)) {
		for _, w := range strings.Fields(strings.ToLower(name)) {
			if g == w {
				return ""
			}
		}
	}
	return gloss
}

// reCompanyField is a form's company field on its own line: "Company:
// Quillmark Analytics", "Company Name: ...", "Entity: ...".
var reCompanyField = lazyre.New(`^[ \t*_|]*(?i:company(?:\s+name)?|legal\s+entity|entity(?:\s+name)?|organi[sz]ation(?:\s+name)?)[ \t*_]*:[ \t*_]*([^\n]{2,80})$`)

// signatoryCompany is the company of a block whose vendor label names a
// person: the bracketed gloss on the name's own line or the next ("Jane
// Doe\n(Quillmark Analytics)"), else a company field among the block's
// next lines, up to a blank line. at is where the name starts in head;
// "" when the block names no company.
func signatoryCompany(head string, at int, name string) string {
	if !rePersonName.MatchString(name) {
		return ""
	}
	line := head[at:]
	if nl := strings.IndexByte(line, '\n'); nl >= 0 {
		line = line[:nl]
	}
	rest := strings.TrimLeft(strings.TrimPrefix(strings.TrimSpace(line), name), " \t*_")
	if g := glossCompany(name, rest); g != "" {
		return g
	}
	lines := strings.Split(head[at:], "\n")
	for i, l := range lines[1:min(len(lines), 6)] {
		t := strings.TrimSpace(l)
		if t == "" {
			break
		}
		if i == 0 && strings.HasPrefix(t, "(") {
			if g := glossCompany(name, t); g != "" {
				return g
			}
		}
		if m := reCompanyField.FindStringSubmatch(l); m != nil {
			if c := strings.Trim(strings.TrimSpace(m[1]), "*_| "); properName(c) && !reBlank.MatchString(c) {
				return c
			}
		}
	}
	return ""
}

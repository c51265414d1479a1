package analyze

// Form pages: a cover page of fields and tick boxes (Common Paper's "Key
// Terms", an "Order Form", "Annex II" of a DPA's cover) read row by row.
// Each labelled row is a unit of its own, cited by the form and the row's
// label (§"Key Terms" "Security Policy"), and quoted as the ticked options
// and the filled text alone: a drafting note, an option nobody ticked and
// a template's placeholder bind no one.

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
	"github.com/ssrm-dev/ssrm/templates"
)

// formsFile holds the headings of form pages, data a lawyer may change.
const formsFile = "phrases/forms.yaml"

// reFormHeading finds a form page's heading at the start of a line ("Key
// Terms The key legal terms of this Agreement are as follows:"): its one
// group is the heading as written. Built once, on first use.
var reFormHeading = sync.OnceValue(func() *regexp.Regexp {
	re, err := loadFormHeadings()
	if err != nil {
		panic(fmt.Sprintf("embedded %s: %v", formsFile, err)) // embedded: a test reads it
	}
	return re
})

func loadFormHeadings() (*regexp.Regexp, error) {
	data, err := templates.Phrases.ReadFile(formsFile)
	if err != nil {
		return nil, err
	}
	return parseFormHeadings(data)
}

// parseFormHeadings reads the file strictly (templates.ParsePhraseList);
// each heading stands for itself, its spaces any white space.
func parseFormHeadings(data []byte) (*regexp.Regexp, error) {
	heads, err := templates.ParsePhraseList(data, "ssrm.forms/v1", "form_headings")
	if err != nil {
		return nil, err
	}
	alts := make([]string, len(heads))
	for i, h := range heads {
		alts[i] = strings.Join(strings.Fields(regexp.QuoteMeta(h)), `\s+`)
	}
	return regexp.Compile(`(?i)^[\s*_#]*(` + strings.Join(alts, "|") + `)\b`)
}

// reFormPart is a line naming an exhibit, annex or schedule of the form
// page ("Annex II", "Annex I(B) Description of Transfer"): its one group is
// the part's name.
var reFormPart = lazyre.New(`^[\s*_#]*((?i:exhibit|annexure|annex|schedule|appendix|attachment|addendum)\s+(?:[A-Z]{1,2}|\d{1,2}|[IVX]{1,5})(?:\s*\([A-Za-z0-9]{1,3}\))?)(?:[\s.:—–-]|$)`)

// formHeadingLine is the name a line gives the form rows under it
// (`"Key Terms"`, `Annex II`), or "".
func formHeadingLine(l string) string {
	if strings.Contains(l, " | ") {
		return ""
	}
	if m := reFormHeading().FindStringSubmatch(l); m != nil {
		return `"` + strings.Join(strings.Fields(m[1]), " ") + `"`
	}
	t := strings.TrimSpace(l)
	if m := reFormPart.FindStringSubmatch(t); m != nil && len(strings.Fields(t)) <= 10 && !strings.HasSuffix(t, ".") {
		return strings.Join(strings.Fields(m[1]), " ")
	}
	return ""
}

// formClause is the name of a clause that is a form page by its heading
// (a Markdown "## Key Terms"): its citation, or "".
func formClause(c extract.Clause) string {
	h := strings.TrimSpace(c.Heading)
	if h == "" || len(strings.Fields(h)) > 4 || !reFormHeading().MatchString(h) {
		return ""
	}
	if c.ID == "preamble" {
		return `"` + h + `"`
	}
	return c.ID
}

// endsForm says a line between rows is running text (the closing "By
// signing this Cover Page, each party agrees ..."): the form has ended.
func endsForm(l string) bool {
	t := strings.TrimSpace(reDraft.ReplaceAllString(l, " "))
	return len(strings.Fields(t)) >= 10 && strings.ContainsAny(t[len(t)-1:], ".!?")
}

// formRow splits a form's row into its label and its value: a first cell
// of a few words that is no sentence ("Security Policy", "Order Date — The
// date access to the Cloud Service starts", whose description is no part
// of the label), then the other cells. ok is false for a row of another
// kind (no label, a signature line's empty first cell).
func formRow(l string) (label, value string, ok bool) {
	cells := tableCells(l)
	if len(cells) < 2 {
		return "", "", false
	}
	label, _, _ = strings.Cut(cells[0], " — ")
	label = strings.TrimSpace(label)
	r := []rune(label)
	if len(r) == 0 || !unicode.IsUpper(r[0]) && !unicode.IsDigit(r[0]) || len(strings.Fields(label)) > 8 ||
		strings.ContainsAny(label, ".;[{") || reModalWord.MatchString(label) {
		return "", "", false
	}
	value = strings.TrimSpace(strings.Join(cells[1:], " | "))
	return strings.Trim(label, ": "), value, true
}

var (
	// reFormNote is a drafting note or a drafting example in a form
	// ("[Drafting note: Select one option and delete the other.]", "[For
	// example: ...]"), however long.
	reFormNote = lazyre.New(`(?i)\[\s*(?:drafting note|note to draft(?:er|ing)s?|for example|e\.g\.)\b[^\]]*\]`)
	// reFormBox is a form's tick box or radio button, ticked or not:
	// "[x]", "[ ]", "( x )", "( )", "☐", "☒". A box opens an option where
	// a word, a placeholder or an amount follows it ("[ ] ISO 27001"), not
	// a blank's brackets in a sentence ("up to [ ]% per renewal").
	reFormBox = lazyre.New(`(?:\[\s*[xX✓✔]?\s*\]|\(\s*[xX•●]?\s*\)|[☐☒☑])\s+[A-Z{$"“(\[]`)
	// reFormBlank is a template's placeholder or blank in a form:
	// "{company_name}", "{{vendor}}", "[__]", "[ # ]".
	reFormBlank = lazyre.New(`\{\{?\s*[A-Za-z_][\w.\-]*\s*\}\}?|\[\s*[_#]*\s*\]`)
	// reFormTick is a ticked box: the quote keeps the option's words.
	reFormTick = lazyre.New(`\[\s*[xX✓✔]\s*\]|\(\s*[xX•●]\s*\)|[☒☑]`)
	// reFormEmpty is a value left with nothing filled in.
	reFormEmpty = lazyre.New(`^[\s…:;,.|$%()\[\]xX]*$`)
)

// formValue is a row's value as it binds: its drafting notes, the options
// nobody ticked and its placeholders ("…") gone, or "" when nothing is
// left that was filled in.
func formValue(v string) string {
	v = reFormNote.ReplaceAllString(v, " ")
	locs := reFormBox.FindAllStringIndex(v, -1)
	if len(locs) > 0 {
		var b strings.Builder
		b.WriteString(v[:locs[0][0]])
		for i, l := range locs {
			end := len(v)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			box := strings.TrimSpace(v[l[0] : l[1]-1])
			if strings.ContainsAny(box, "xX✓✔•●☒☑") {
				b.WriteString(" ")
				b.WriteString(v[l[0]:end])
			}
		}
		v = b.String()
	}
	v = reFormBlank.ReplaceAllString(v, "…")
	v = reFormTick.ReplaceAllString(v, " ")
	v = reDraft.ReplaceAllString(v, " ")
	v = strings.Join(strings.Fields(v), " ")
	v = strings.Trim(v, " |")
	if reFormEmpty.MatchString(v) {
		return ""
	}
	return v
}

// formCite is the citation of a form row: the form's name and the row's
// label in quotes (`"Key Terms" "Security Policy"`, `Annex II "Technical
// and Organizational Security Measures"`).
func formCite(form, label string) string {
	return form + ` "` + strings.ReplaceAll(label, `"`, "'") + `"`
}

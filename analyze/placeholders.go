package analyze

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Unfilled template placeholders: a drafting template's blanks left in
// the document sent ("minimum [AMOUNT]", "[Customer Name]", "[●]",
// "<insert date>", "____"). The agreement is not final where they stand;
// a reader is told where, and a term whose value is a blank is weak.

// WarnPlaceholders is Warning.Code when an agreement holds unfilled
// template placeholders.
const WarnPlaceholders = "template-placeholders"

// braceBlank is a template engine's placeholder in double braces
// ("{{vendor}}", "{{support_email}}"): one definition for the warning
// (reTemplateBlank) and the frame, which reads it as no words
// (rePlaceholder).
const braceBlank = `\{\{\s*[A-Za-z_][\w.\-]*\s*\}\}`

// reTemplateBlank finds a placeholder. Conservative: a bracket of capitals
// of four letters or more or with an underscore ("[AMOUNT]",
// "[CONTACT_EMAIL]"), a bracket naming a blank's kind ("[Customer Name]",
// "[insert date]"), a bullet or an X in brackets ("[●]", "[X] hours"), an
// angle-bracket or brace instruction ("<insert date>", "{{vendor}}") or
// a run of four underscores. Not a citation ("[2016] EWHC"), a footnote
// mark ("[1]"), an abbreviation ("[EU]") or a defined term in brackets
// ("[the Processor]").
var reTemplateBlank = lazyre.New(`\[[A-Z][A-Z_/ -]{2,}[A-Z_](?:\s*\d)?\]` +
	`|\[(?i:(?:[a-z]+\s+){0,3}(?:name|date|address|amount|sum|number|e-?mail|jurisdiction|percentage|period|value|figure|currency|contact|phone|telephone)|(?:insert|enter|specify|add|complete|fill in)\b[^\]\n]{0,60})\]` +
	`|\[\s*(?:[●•]+|X{1,3}|N)\s*\]` +
	`|` + bracketValues +
	`|<\s*(?i:insert|enter|specify|add)\b[^<>\n]{0,60}>` +
	`|` + braceBlank +
	`|` + codeBlank +
	`|_{4,}`)

// codeBlank is a Markdown form's blank kept as a code span by extract
// ("within `Data Provision Deadline` after Notice", "` `"): nothing or a
// few plain words between backticks.
const codeBlank = "`[A-Za-z ]{0,60}`"

// reBeforeUnit is the text right after a blank that makes it a value: a
// unit ("`x` days").
var reBeforeUnit = lazyre.New(`(?i)^\s+(?:days?|hours?|weeks?|months?|years?|minutes?|business days|%|percent)\b`)

// bracketValue is a drafting value left in brackets to settle ("[60
// days]", "[4 hours / 24 hours]", "[5 years]"): a number and its unit.
const bracketValue = `\d{1,4}\s*(?i:hours?|days?|business days|working days|weeks?|months?|years?|minutes?|%|percent)`

// bracketValues is a bracket holding only drafting values, one or several
// ("[4 hours / 24 hours]").
const bracketValues = `\[\s*` + bracketValue + `(?:\s*(?:/|or|-|–)\s*` + bracketValue + `)*\s*\]`

// reBracketValue is a bracket holding only drafting values.
var reBracketValue = lazyre.New(`^` + bracketValues + `$`)

// reValuePlaceholder is a placeholder where a value belongs: a bracket
// naming an amount, a number or a period ("[AMOUNT]", "[X] hours", "[●]"),
// a line of underscores ("____"), an instruction naming one ("<insert
// number of hours>") or a code-span blank, empty or naming one ("` `",
// "`Data Provision Deadline`"). The words that name a value are
// templates/phrases/blanks.yaml's, which extract reads too; built once, on
// first use.
var reValuePlaceholder = sync.OnceValue(func() *regexp.Regexp {
	words := extract.BlankValueWords()
	return regexp.MustCompile(`(?i)\[\s*(?:[●•]+|X{1,3}|N|[^\]\n]{0,20}\b(?:` + words + `)\b[^\]\n]{0,20})\s*\]|_{4,}|<\s*(?:insert|enter|specify)\b[^<>\n]{0,20}\b(?:` + words + `)\b[^<>\n]{0,20}>` +
		"|`\\s*`|`[^`\\n]{0,40}\\b(?:" + words + ")\\b[^`\\n]{0,40}`")
})

// reSignatureBlank is a form's blank for a signature or a signatory's
// particulars ("By: ______", "Date: ____"): no placeholder of the terms.
var reSignatureBlank = lazyre.New(`(?i)\b(?:by|name|title|date|signature|signed|print(?:ed)?(?:\s+name)?|its|address|e-?mail|phone|tel|fax|witness|place)\s*:?\s*_{4,}|_{4,}\s*\(?(?:signature|date|name|title)\b`)

// blanksIn lists the placeholders in text, outside signature blanks.
func blanksIn(text string) []string {
	if !strings.ContainsAny(text, "[<{_`") {
		return nil
	}
	blanks := reSignatureBlank.FindAllStringIndex(text, -1)
	var out []string
	for _, m := range reTemplateBlank.FindAllStringIndex(text, -1) {
		in := false
		for _, b := range blanks {
			if m[0] >= b[0] && m[1] <= b[1] {
				in = true
				break
			}
		}
		if !in && (text[m[0]] != '_' || midSentence(text[:m[0]], text[m[1]:])) && !labelTag(text[:m[0]], text[m[0]:m[1]], text[m[1]:]) {
			out = append(out, text[m[0]:m[1]])
		}
	}
	return out
}

// valuePlaceholder is the first placeholder where a value belongs in
// text, or "".
func valuePlaceholder(text string) string {
	for _, p := range blanksIn(text) {
		// A value written in brackets to settle ("[60 days]") states
		// its value: it is warned of, not read as a blank.
		if reValuePlaceholder().MatchString(p) && !reBracketValue.MatchString(p) {
			return p
		}
		// A code-span blank before a unit ("within `term` days").
		if p[0] == '`' {
			if i := strings.Index(text, p); i >= 0 && reBeforeUnit.MatchString(text[i+len(p):]) {
				return p
			}
		}
	}
	return ""
}

// placeholderWarnings warns, per agreement, of the unfilled placeholders
// its units hold and where (the clause, and the page of a paginated
// document): "[AMOUNT] (§11.3)".
func placeholderWarnings(units []*unit) []Warning {
	type place struct{ text, where string }
	byFile := map[string][]place{}
	var files []string
	seen := map[string]bool{}
	for _, u := range units {
		for _, p := range blanksIn(u.text) {
			where := "§" + u.section
			if u.section == "" {
				where = "the opening"
			}
			if len(u.pages) > 0 {
				where += fmt.Sprintf(", p. %d", u.pages[0])
			}
			key := u.file + "\x00" + p + "\x00" + where
			if seen[key] {
				continue
			}
			seen[key] = true
			if _, ok := byFile[u.file]; !ok {
				files = append(files, u.file)
			}
			byFile[u.file] = append(byFile[u.file], place{p, where})
		}
	}
	var out []Warning
	for _, f := range files {
		// Each placeholder once, at its first place, and the first few
		// only: the warning stays one short line on stderr and in a
		// portfolio's cell ("[PHONE]" in three clauses is one blank).
		var parts []string
		named := map[string]bool{}
		for _, p := range byFile[f] {
			// "[Customer Name]" and "[CUSTOMER NAME]", a blank broken
			// over two lines: one placeholder, spelt twice.
			if k := strings.ToLower(strings.Join(strings.Fields(p.text), " ")); !named[k] {
				named[k] = true
				if len(named) <= 4 {
					parts = append(parts, fmt.Sprintf("%q (%s)", p.text, p.where))
				}
			}
		}
		if len(named) > 4 {
			parts = append(parts, fmt.Sprintf("and %d more", len(named)-4))
		}
		noun := "placeholders"
		if len(named) == 1 {
			noun = "placeholder"
		}
		msg := fmt.Sprintf("%s holds %d unfilled template %s: %s; the terms they stand in are not settled, so check the signed version", f, len(named), noun, strings.Join(parts, ", "))
		out = append(out, Warning{Code: WarnPlaceholders, Message: msg, Sources: []string{f}})
	}
	return out
}

// midSentence says a blank line of underscores stands inside a sentence
// ("within ____ days"), not as a form's field ("Customer: ______", a
// signatory's line): a word before it that ends no label, and a word in
// lower case or a figure after it.
func midSentence(before, after string) bool {
	before, after = strings.TrimRight(before, " \t"), strings.TrimLeft(after, " \t")
	if before == "" || after == "" || strings.ContainsAny(before[len(before)-1:], ":\n_") {
		return false
	}
	c := after[0]
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// reBlankClass is a word naming what a blank stands for: a party, a
// name, a date, an amount, a place or a contact ("[CUSTOMER NAME]",
// "[AMOUNT]", "[PHONE]"). A bracket holding one is a blank wherever it
// stands.
var reBlankClass = lazyre.New(`(?i)\b(?:names?|date|day|month|year|address|amounts?|sum|numbers?|no|e-?mail|phone|tel|fax|contact|person|title|company|entity|customer|client|vendor|supplier|provider|licensee|licensor|party|parties|signatory|jurisdiction|state|country|city|county|law|court|percentage|percent|period|value|figure|currency|price|fee|fees|rate|limit|hours|days|term|url|website|domain|product|service|address|location|region|x+)\b`)

// reLabelCue is a word beside a bracket that makes it a label written as
// it stands, not a blank to fill: an e-mail subject's tag ("with subject
// [DPA-COUNTERSIGN]", "[SECURE] in the subject line"), a prefix, a
// marking.
var reLabelCue = lazyre.New(`(?i)\b(?:subject(?:\s+line)?|tag(?:ged)?|prefix(?:ed)?|marked|mark|labell?ed|label|header|keyword|heading|flag(?:ged)?)\W*$`)
var reLabelCueAfter = lazyre.New(`(?i)^\W*(?:(?:in|into|to|as)\s+(?:the|its|your|each|an?)\s+(?:e-?mail\s+)?(?:subject(?:\s+line)?|header|title)|tag|prefix|label|flag)\b`)

// labelTag says an all-caps bracket that names no blank's class is a
// label used in running text ("Email privacy@... with subject
// [DPA-COUNTERSIGN]", "write [SECURE] in the subject line"), not a blank
// to fill: a word of labelling stands right before or after it, or it is
// one hyphenated code.
func labelTag(before, blank, after string) bool {
	if len(blank) < 3 || blank[0] != '[' {
		return false
	}
	inner := blank[1 : len(blank)-1]
	if strings.ToUpper(inner) != inner || reBlankClass.MatchString(strings.NewReplacer("_", " ", "/", " ").Replace(inner)) {
		return false
	}
	if k := len(before) - 40; k > 0 {
		before = before[k:]
	}
	if len(after) > 40 {
		after = after[:40]
	}
	if reLabelCue.MatchString(strings.TrimRight(before, " \t\"'“‘")) || reLabelCueAfter.MatchString(after) {
		return true
	}
	// One code of words joined by hyphens ("[DPA-COUNTERSIGN]",
	// "[SEC-REPORT]"): no blank is written so.
	return strings.Contains(inner, "-") && !strings.ContainsAny(inner, " _/")
}

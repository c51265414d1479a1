package extract

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// ErrIncomplete: a workbook recognised as a published questionnaire
// template lacks a sheet that holds its questions. Wrapped in *InputError.
var ErrIncomplete = errors.New("workbook is incomplete")

// template is a published questionnaire workbook, known by its sheet
// names.
type template struct {
	name   string
	sheets []templateSheet
}

// templateSheet is one sheet of a template.
type templateSheet struct {
	name  string         // as published, for messages
	match *lazyre.Regexp // the names it goes by
	// questions: the sheet holds questions; without it the questionnaire
	// read is partial, which is an error. Other sheets (cover,
	// instructions, reference) only give a warning.
	questions bool
	// marks: the sheet's name alone identifies the template.
	marks bool
	// optional: the sheet is not in every edition; its absence says
	// nothing.
	optional bool
	role     string // what the sheet is, for the warning
}

// templates are the workbook families whose sheets are known from their
// published blanks (CSA CAIQ v1.1, v3.0.1 and v4, EDUCAUSE HECVAT 2.x, 3.x
// and 4, CoSN K-12CVAT). A workbook is taken for one when a sheet that marks it is
// present.
var templates = []template{
	{"CAIQ v4", []templateSheet{
		{name: "Introduction", match: lazyre.New(`^Introduction$`), role: "the cover"},
		{name: "CAIQv4.0.x", match: lazyre.New(`^CAIQv4(\.\d+)*$`), questions: true, marks: true},
	}},
	{"CAIQ v3.0.1", []templateSheet{
		{name: "CSA CAIQ v3.0.1", match: lazyre.New(`^CSA CAIQ v3\.0\.1$`), questions: true, marks: true},
		{name: "Guiding Principles", match: lazyre.New(`^Guiding Principles$`), role: "the cover"},
		{name: "CAIQ Change Log", match: lazyre.New(`^CAIQ Change Log$`), marks: true, role: "the change log"},
	}},
	{"CAIQ v1.1", []templateSheet{
		{name: "csa-cai v1.1", match: lazyre.New(`^csa-cai v1\.1$`), questions: true, marks: true},
		{name: "Guiding Principles", match: lazyre.New(`^Guiding Principles$`), role: "the cover"},
		{name: "CSA CCM R1.1", match: lazyre.New(`^CSA CCM R1\.1$`), marks: true, role: "the CCM reference"},
	}},
	{"HECVAT 4", []templateSheet{
		{name: "START HERE", match: lazyre.New(`^START HERE$`), questions: true, marks: true},
		{name: "Organization", match: lazyre.New(`^Organization$`), questions: true},
		{name: "Product", match: lazyre.New(`^Product$`), questions: true},
		{name: "Infrastructure", match: lazyre.New(`^Infrastructure$`), questions: true},
		{name: "IT Accessibility", match: lazyre.New(`^IT Accessibility$`), questions: true, marks: true},
		{name: "Case-Specific", match: lazyre.New(`^Case-Specific$`), questions: true, marks: true},
		{name: "Privacy", match: lazyre.New(`^Privacy$`), questions: true},
		{name: "AI", match: lazyre.New(`^AI$`), optional: true},
	}},
	{"HECVAT 2.x/3.x", []templateSheet{
		{name: "Introduction", match: lazyre.New(`^Introduction$`), role: "the cover"},
		{name: "Instructions", match: lazyre.New(`^Instructions$`), role: "the instructions"},
		{name: "HECVAT - Full | Vendor Response", match: lazyre.New(`^HECVAT - (Full|Lite)( \| Vendor Response)?$`), questions: true, marks: true},
	}},
	{"K-12CVAT", []templateSheet{
		{name: "What is the CoSN K-12CVAT", match: lazyre.New(`^What is the CoSN K-12CVAT$`), role: "the foreword"},
		{name: "Introduction", match: lazyre.New(`^Introduction$`), role: "the cover"},
		{name: "Instructions", match: lazyre.New(`^Instructions$`), role: "the instructions"},
		{name: "CoSN K-12CVAT", match: lazyre.New(`^CoSN K-12CVAT$`), questions: true, marks: true},
	}},
}

// checkSheets compares the workbook's sheets (all, hidden ones included)
// with the template it is recognised as, if any. A missing question sheet
// is an *InputError wrapping ErrIncomplete, unless the questions were read
// from a sheet the template does not name (a renamed copy); a missing
// cover, instructions or reference sheet is a warning in b.q.Warnings.
func (b *book) checkSheets() error {
	if len(b.all) == 0 {
		return nil
	}
	for _, t := range templates {
		if !t.recognises(b.all) {
			continue
		}
		renamed := false
		for _, s := range b.q.Sheets {
			if !t.names(s) {
				renamed = true
			}
		}
		var missingQ, missing []templateSheet
		for _, ts := range t.sheets {
			if ts.optional || has(b.all, ts.match.Regexp()) {
				continue
			}
			if ts.questions {
				missingQ = append(missingQ, ts)
			} else {
				missing = append(missing, ts)
			}
		}
		if len(missingQ) > 0 && !renamed {
			what := "sheet, which holds"
			if len(missingQ) > 1 {
				what = "sheets, which hold"
			}
			return &InputError{Path: b.path, Err: fmt.Errorf("%w: a %s workbook without its %s %s questions (sheets present: %s); ask the vendor for the whole workbook",
				ErrIncomplete, t.name, sheetNames(missingQ), what, quoteList(b.all))}
		}
		for _, ts := range missing {
			read := "no questions were read"
			if len(b.q.Sheets) > 0 {
				read = "the questions were read from " + quoteList(b.q.Sheets)
			}
			b.q.Warnings = append(b.q.Warnings, fmt.Sprintf("a %s workbook without its %q sheet (%s); %s", t.name, ts.name, ts.role, read))
		}
		return nil
	}
	return nil
}

func (t template) recognises(sheets []string) bool {
	for _, ts := range t.sheets {
		if ts.marks && has(sheets, ts.match.Regexp()) {
			return true
		}
	}
	return false
}

// names reports whether sheet is one of the template's.
func (t template) names(sheet string) bool {
	for _, ts := range t.sheets {
		if ts.match.MatchString(sheet) {
			return true
		}
	}
	return false
}

func has(sheets []string, re *regexp.Regexp) bool {
	for _, s := range sheets {
		if re.MatchString(strings.TrimSpace(s)) {
			return true
		}
	}
	return false
}

func sheetNames(ts []templateSheet) string {
	q := make([]string, len(ts))
	for i, s := range ts {
		q[i] = fmt.Sprintf("%q", s.name)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

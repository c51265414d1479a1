// Package report renders an analysis result in each output format. One
// renderer per format, chosen from the Formats list.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
)

// Renderer writes one result in one format.
type Renderer interface {
	Render(w io.Writer, res *analyze.Result) error
}

// Formats lists the output formats by name; it feeds the --format help
// text, its validation and the dispatch in Write.
var Formats = []struct {
	Name     string
	Renderer Renderer
}{
	{"text", textRenderer{}},
	{"md", markdownRenderer{}},
	{"json", jsonRenderer{}},
}

// Names returns the format names, for help text and errors.
func Names() []string {
	var out []string
	for _, f := range Formats {
		out = append(out, f.Name)
	}
	return out
}

// ErrFormat is returned by Write for a format not in Formats.
var ErrFormat = fmt.Errorf("unknown format")

// Write renders res in the named format to w. It returns ErrFormat (wrapped)
// for an unknown format, or the writer's error.
func Write(w io.Writer, format string, res *analyze.Result) error {
	for _, f := range Formats {
		if f.Name == format {
			return f.Renderer.Render(w, res)
		}
	}
	return fmt.Errorf("%w %q: want one of %s", ErrFormat, format, strings.Join(Names(), ", "))
}

type jsonRenderer struct{}

func (jsonRenderer) Render(w io.Writer, res *analyze.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}

// where formats an evidence location: "file p. 3 §6" or "file sheet!C12".
func where(e analyze.Evidence) string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != nil {
		fmt.Fprintf(&b, " %s!%s", *e.Sheet, deref(e.Cell))
	}
	if e.Page != nil {
		fmt.Fprintf(&b, " p. %d", *e.Page)
	}
	if e.Section != "" {
		fmt.Fprintf(&b, " §%s", e.Section)
	}
	return b.String()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func deadline(d *analyze.Deadline) string {
	if d == nil || d.Grade == analyze.GradeNone {
		return ""
	}
	s := fmt.Sprintf("%q, %s", d.Text, d.Grade)
	if d.Hours != nil {
		s = fmt.Sprintf("%q = %g h, %s", d.Text, *d.Hours, d.Grade)
	}
	if d.Business {
		s += ", business days"
	}
	if d.Trigger != "" {
		s += ", from " + d.Trigger
	}
	return s
}

// statusOrder lists findings worst first: contradicted, missing, weak, met.
var statusOrder = []string{analyze.StatusMissing, analyze.StatusByReference, analyze.StatusWeak, analyze.StatusMet, analyze.StatusNotAssessed}

var statusTitle = map[string]string{
	analyze.StatusMissing:     "Missing",
	analyze.StatusByReference: "By reference only",
	analyze.StatusWeak:        "Weak",
	analyze.StatusMet:         "Met",
	analyze.StatusNotAssessed: "Not assessed",
}

func byStatus(res *analyze.Result, status string) []analyze.Finding {
	var out []analyze.Finding
	for _, f := range res.Findings {
		if f.Status == status {
			out = append(out, f)
		}
	}
	return out
}

package report

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
)

// DiffFormats are the formats of ssrm diff.
var DiffFormats = []string{"text", "md", "json", "html"}

// changeTitle heads each class of terms in the human formats.
var changeTitle = map[string]string{
	ChangeRegressed: "Regressed",
	ChangeFixed:     "Fixed",
	ChangeNew:       "New",
	ChangeRemoved:   "Removed",
	ChangeUnchanged: "Unchanged",
}

// WriteDiff renders d in one of DiffFormats. It returns ErrFormat
// (wrapped) for another format, or the writer's error.
func WriteDiff(w io.Writer, format string, d *Diff) error {
	switch format {
	case "text":
		return diffText(w, d)
	case "md":
		return diffMarkdown(w, d)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(d)
	case "html":
		return diffHTMLTemplate().Execute(w, diffHTMLData{D: d, CSS: htmlCSS(), Groups: diffGroups(d)})
	}
	return fmt.Errorf("%w %q: want one of %s", ErrFormat, format, strings.Join(DiffFormats, ", "))
}

// Line is the diff's one-line summary, e.g. "1 fixed, 3 regressed, 0 new,
// 0 removed, 17 unchanged; 2 reworded, 1 moved; 2 weakened, 0
// strengthened at the same status" (the last part only when a term
// weakened or strengthened without changing status).
func (d *Diff) Line() string {
	s := d.Summary
	line := fmt.Sprintf("%d fixed, %d regressed, %d new, %d removed, %d unchanged; %d reworded, %d moved", s.Fixed, s.Regressed, s.New, s.Removed, s.Unchanged, s.Reworded, s.Moved)
	if s.Weakened+s.Strengthened > 0 {
		line += fmt.Sprintf("; %d weakened, %d strengthened at the same status", s.Weakened, s.Strengthened)
	}
	return line
}

type diffGroup struct {
	Title, Change string
	Terms         []TermChange
}

// diffGroups are the classes with terms, in changeOrder; the unchanged
// terms whose wording did not change are left to the summary count.
func diffGroups(d *Diff) []diffGroup {
	var out []diffGroup
	for _, c := range changeOrder {
		g := diffGroup{Title: changeTitle[c], Change: c}
		for _, t := range d.Terms {
			if t.Change == c && (c != ChangeUnchanged || len(t.Clauses) > 0 || len(t.Details) > 0) {
				g.Terms = append(g.Terms, t)
			}
		}
		if c == ChangeUnchanged {
			g.Title = "Unchanged status, reworded or moved"
		}
		if len(g.Terms) > 0 {
			out = append(out, g)
		}
	}
	return out
}

func statusOrNone(s string) string {
	if s == "" {
		return "not assessed"
	}
	return s
}

// transition is "weak → met", or "met, weaker" for a term that kept its
// status but lost strength.
func transition(t TermChange) string {
	s := statusOrNone(t.OldStatus) + " → " + statusOrNone(t.NewStatus)
	if t.OldStatus == t.NewStatus {
		s = statusOrNone(t.NewStatus)
	}
	if t.sameRank() {
		switch t.Change {
		case ChangeRegressed:
			s += ", weaker"
		case ChangeFixed:
			s += ", stronger"
		}
	}
	return s
}

// clausePlace is "v1.md §4.1 → v2.md §4.1".
func clausePlace(c ClauseChange) string {
	switch {
	case c.Old == "":
		return "added: " + c.New
	case c.New == "":
		return "removed: " + c.Old
	}
	return c.Old + " → " + c.New
}

// wordText marks deletions [-so-] and insertions {+so+}, as git's word
// diff does.
func wordText(ops []WordOp) string {
	var parts []string
	for _, o := range ops {
		switch o.Op {
		case "-":
			parts = append(parts, "[-"+o.Text+"-]")
		case "+":
			parts = append(parts, "{+"+o.Text+"+}")
		default:
			parts = append(parts, o.Text)
		}
	}
	return strings.Join(parts, " ")
}

func diffText(w io.Writer, d *Diff) error {
	ew := &errWriter{w: w}
	ew.printf("ssrm diff: %s\n", vendorOr(d.Vendor))
	ew.printf("  old: %s\n       %s\n", strings.Join(d.Old.Inputs, ", "), d.Old.Line)
	ew.printf("  new: %s\n       %s\n", strings.Join(d.New.Inputs, ", "), d.New.Line)
	if len(d.Warnings) > 0 {
		ew.printf("\nWarnings\n")
		for _, w := range d.Warnings {
			ew.printf("  ! %s: %s\n", w.Code, w.Message)
		}
	}
	for _, g := range diffGroups(d) {
		ew.printf("\n%s\n", g.Title)
		for _, t := range g.Terms {
			ew.printf("  [%s] %s (%s): %s\n", strings.ToUpper(t.Change), t.Rule, t.Severity, transition(t))
			ew.printf("      %s\n", t.Title)
			if t.Explanation != "" {
				ew.printf("      %s\n", t.Explanation)
			}
			for _, dt := range t.Details {
				ew.printf("      %s: %s\n", dt.Effect, dt.Text)
			}
			for _, c := range t.Clauses {
				ew.printf("      %s\n        %s\n", clausePlace(c), wordText(c.Words))
			}
		}
	}
	ew.printf("\n%s\n", d.Line())
	return ew.err
}

func vendorOr(v string) string {
	if v == "" {
		return "(vendor not named)"
	}
	return v
}

// mdWords marks deletions ~~so~~ and insertions **so** in Markdown.
func mdWords(ops []WordOp) string {
	var parts []string
	for _, o := range ops {
		t := mdEscape(o.Text)
		switch o.Op {
		case "-":
			parts = append(parts, "~~"+t+"~~")
		case "+":
			parts = append(parts, "**"+t+"**")
		default:
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// mdEscape keeps document text from being read as Markdown markup.
var mdEscape = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "~", `\~`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `&lt;`, "#", `\#`).Replace

func diffMarkdown(w io.Writer, d *Diff) error {
	ew := &errWriter{w: w}
	ew.printf("# ssrm diff: %s\n\n", mdEscape(vendorOr(d.Vendor)))
	ew.printf("| round | documents | result |\n|---|---|---|\n")
	ew.printf("| old | %s | %s |\n", mdEscape(strings.Join(d.Old.Inputs, ", ")), d.Old.Line)
	ew.printf("| new | %s | %s |\n\n", mdEscape(strings.Join(d.New.Inputs, ", ")), d.New.Line)
	if len(d.Warnings) > 0 {
		ew.printf("## Warnings\n\n")
		for _, w := range d.Warnings {
			ew.printf("- **Warning** (`%s`): %s\n", w.Code, mdEscape(w.Message))
		}
		ew.printf("\n")
	}
	ew.printf("%s\n", d.Line())
	for _, g := range diffGroups(d) {
		ew.printf("\n## %s\n", g.Title)
		for _, t := range g.Terms {
			ew.printf("\n### %s `%s` (%s)\n\n", mdEscape(t.Title), t.Rule, t.Severity)
			ew.printf("%s: %s.", strings.ToUpper(t.Change), transition(t))
			if t.Explanation != "" {
				ew.printf(" %s", mdEscape(t.Explanation))
			}
			ew.printf("\n")
			if len(t.Details) > 0 {
				ew.printf("\n")
			}
			for _, dt := range t.Details {
				ew.printf("- **%s**: %s\n", dt.Effect, mdEscape(dt.Text))
			}
			for _, c := range t.Clauses {
				ew.printf("\n%s:\n\n> %s\n", mdEscape(clausePlace(c)), mdWords(c.Words))
			}
		}
	}
	return ew.err
}

type diffHTMLData struct {
	D      *Diff
	CSS    template.CSS
	Groups []diffGroup
}

// diffHTMLTemplate is parsed on first use.
var diffHTMLTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("diff").Funcs(template.FuncMap{
		"transition": transition,
		"place":      clausePlace,
		"upper":      strings.ToUpper,
		"join":       strings.Join,
		"vendor":     vendorOr,
	}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ssrm">
<title>ssrm diff: {{vendor .D.Vendor}}</title>
<style>
{{.CSS}}
del { background: #fde2e2; text-decoration: line-through; }
ins { background: #dcf5e3; text-decoration: none; }
ul.details li.weaker strong { color: #a4161a; }
ul.details li.stronger strong { color: #1b7a3d; }
</style>
</head>
<body>
<h1>ssrm diff: {{vendor .D.Vendor}}</h1>
<table>
<tr><th>round</th><th>documents</th><th>result</th></tr>
<tr><td>old</td><td>{{join .D.Old.Inputs ", "}}</td><td>{{.D.Old.Line}}</td></tr>
<tr><td>new</td><td>{{join .D.New.Inputs ", "}}</td><td>{{.D.New.Line}}</td></tr>
</table>
{{with .D.Warnings}}<section id="warnings">
<h2>Warnings</h2>
{{range .}}<p class="partial warning" role="alert"><strong>Warning</strong> (<code>{{.Code}}</code>): {{.Message}}.</p>
{{end}}</section>
{{end}}<p class="summary">{{.D.Line}}</p>
{{range .Groups}}
<section class="change-{{.Change}}">
<h2>{{.Title}}</h2>
{{range .Terms}}
<article class="finding {{.NewStatus}}" data-rule="{{.Rule}}" data-change="{{.Change}}">
<h3>{{.Title}} <code>{{.Rule}}</code> ({{.Severity}})</h3>
<p><strong>{{upper .Change}}</strong>: {{transition .}}.{{with .Explanation}} {{.}}{{end}}</p>
{{with .Details}}<ul class="details">
{{range .}}<li class="{{.Effect}}" data-kind="{{.Kind}}"><strong>{{.Effect}}</strong>: {{.Text}}</li>
{{end}}</ul>
{{end}}{{range .Clauses}}
<p class="where">{{place .}}</p>
<blockquote>{{range .Words}}{{if eq .Op "-"}}<del>{{.Text}}</del> {{else if eq .Op "+"}}<ins>{{.Text}}</ins> {{else}}{{.Text}} {{end}}{{end}}</blockquote>
{{end}}
</article>
{{end}}
</section>
{{end}}
</body>
</html>
`))
})

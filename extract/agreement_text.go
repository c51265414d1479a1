package extract

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// textParser reads Markdown and plain-text agreements. The whole file is
// one Page numbered 1; clauses carry no page numbers.
type textParser struct{}

func (textParser) Name() string { return "text" }

// Sniff accepts valid UTF-8 (a BOM is skipped) without NUL bytes and with
// few control characters. The head may end inside a multi-byte rune.
func (textParser) Sniff(head []byte, path string) bool {
	head = bytes.TrimPrefix(head, utf8BOM)
	if len(head) == 0 || bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	// Allow a rune cut off at the end of the head.
	for i := 0; i < utf8.UTFMax && len(head) > 0 && !utf8.Valid(head); i++ {
		head = head[:len(head)-1]
	}
	if !utf8.Valid(head) {
		return false
	}
	ctrl, n := 0, 0
	for _, r := range string(head) {
		n++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == 0x7f {
			ctrl++
		}
	}
	return n > 0 && ctrl*100 <= n // at most 1 %
}

// binaryExt are extensions of formats that are never plain text.
var binaryExt = map[string]bool{".pdf": true, ".docx": true, ".doc": true, ".xlsx": true, ".xlsm": true, ".xls": true, ".odt": true, ".ods": true, ".rtf": false}

// reHTMLDoc recognises a whole HTML page (not HTML fragments in Markdown).
var reHTMLDoc = lazyre.New(`(?is)^\s*(<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)`)

var (
	utf8BOM        = []byte{0xEF, 0xBB, 0xBF}
	mdHeadLineRe   = lazyre.New(`(?m)^#{1,6}\s+\S`)
	htmlTagRe      = lazyre.New(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
	htmlCommentRe  = lazyre.New(`(?s)<!--.*?-->`)
	htmlStyleRe    = lazyre.New(`(?is)<style(?:\s[^<>]*)?>.*?</style\s*>`)
	htmlScriptRe   = lazyre.New(`(?is)<script(?:\s[^<>]*)?>.*?</script\s*>`)
	frontMatterRe  = lazyre.New(`(?s)\A(?:---\n.*?\n---|\+\+\+\n.*?\n\+\+\+)\n`)
	htmlBreakRe    = lazyre.New(`(?i)<br\s*/?>`)
	htmlCellRe     = lazyre.New(`(?i)</t[dh]>\s*<t[dh](?:\s[^<>]*)?>`)
	htmlBlockEndRe = lazyre.New(`(?i)</(?:p|div|li|tr|table|ul|ol|blockquote|h[1-6])>`)
	htmlHeadRe     = lazyre.New(`(?i)<h[1-6](?:\s[^<>]*)?>`)
	htmlItemRe     = lazyre.New(`(?i)<li(?:\s[^<>]*)?>`)
)

// textFormat is "md" for .md/.markdown/.mdx files or text with Markdown
// headings, else "txt".
func textFormat(path, text string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdx":
		return "md"
	}
	if mdHeadLineRe.MatchString(text) {
		return "md"
	}
	return "txt"
}

func (textParser) Parse(path string, opts Options) (Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Document{}, &InputError{Path: path, Err: err}
	}
	b = bytes.TrimPrefix(b, utf8BOM)
	if bytes.IndexByte(b, 0) >= 0 {
		return Document{}, &InputError{Path: path, Err: fmt.Errorf("%w: binary data (NUL bytes) in a text file", ErrUnsupported)}
	}
	raw := strings.ToValidUTF8(string(b), "\uFFFD")
	// A file named as a binary document that holds text is not that
	// document: often a web page saved in its place (a login page, an
	// error). Reading it as an agreement would report every term missing.
	if ext := strings.ToLower(filepath.Ext(path)); binaryExt[ext] {
		what := "text"
		if reHTMLDoc.MatchString(raw) {
			what = "an HTML page"
		}
		return Document{}, &InputError{Path: path, Err: fmt.Errorf("%w: named %s but holds %s, not a %s document (a web page saved in its place?)", ErrUnsupported, ext, what, strings.TrimPrefix(ext, "."))}
	}
	if reHTMLDoc.MatchString(raw) {
		return Document{}, &InputError{Path: path, Err: fmt.Errorf("%w: an HTML page, not an agreement: save the contract itself as PDF, DOCX, Markdown or text", ErrUnsupported)}
	}
	format := textFormat(path, raw)
	text := raw
	if format == "md" {
		text = cleanMarkdown(text)
	}
	text = NormalizeText(text)
	if strings.TrimSpace(text) == "" {
		return Document{}, &InputError{Path: path, Err: fmt.Errorf("%w: the file has no text", ErrEmpty)}
	}
	if n := runningWords(text); n < MinRunningWords {
		return Document{}, &InputError{Path: path, Err: lengthError(n)}
	}
	pages := []Page{{Number: 1, Text: text}}
	a := &Agreement{
		Path:      path,
		Format:    format,
		Paginated: false,
		Pages:     pages,
		Clauses:   SplitClauses(pages, false),
	}
	return Document{Agreement: a}, nil
}

// cleanMarkdown drops YAML or TOML (Hugo's "+++") front matter, MDX import and export statements
// (see dropMDXModule), a handbook's chapter number on the title (see
// dropChapterNumber), HTML comments, <style> and <script> blocks and inline HTML tags
// (e.g. Common Paper's <span> wrappers); the Markdown itself is kept. HTML
// fragments keep their structure as Markdown: <br> and block ends break
// lines, <h1>-<h6> become "#" headings, list items become Markdown items
// numbered as a browser shows them (see htmlLists), table cells are
// joined by " | ", and entities (&amp; &sect; &#167;) are decoded.
func cleanMarkdown(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = frontMatterRe.ReplaceAllString(s, "")
	s = dropMDXModule(s)
	s = dropEchoedHeadingMarks(s)
	s = dropChapterNumber(s)
	s = htmlCommentRe.ReplaceAllString(s, "")
	if strings.Contains(s, "<") {
		// A page's <style> and <script> blocks are its code, not text.
		s = htmlStyleRe.ReplaceAllString(s, "")
		s = htmlScriptRe.ReplaceAllString(s, "")
	}
	s = htmlLists(s)
	s = htmlBold(s)
	s = htmlBreakRe.ReplaceAllString(s, "\n")
	s = htmlCellRe.ReplaceAllString(s, " | ")
	s = htmlBlockEndRe.ReplaceAllString(s, "\n")
	s = htmlHeadRe.ReplaceAllStringFunc(s, func(m string) string {
		return "\n" + strings.Repeat("#", int(m[2]-'0')) + " "
	})
	s = htmlItemRe.ReplaceAllString(s, "\n- ")
	s = htmlTagRe.ReplaceAllString(s, "")
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return s
}

var (
	htmlListTagRe = lazyre.New(`(?i)<(/?)(ol|ul|li)\b([^<>]*)>`)
	htmlStartRe   = lazyre.New(`(?i)\bstart\s*=\s*["']?(\d{1,4})`)
	htmlTypeRe    = lazyre.New(`(?i)(?:\btype\s*=\s*["']?([aAiI1])\b|list-style-type\s*:\s*(decimal|lower-alpha|upper-alpha|lower-latin|upper-latin|lower-roman|upper-roman))`)
)

// htmlLists writes HTML lists as Markdown lists: each <li> of an <ol> opens
// a line with the number a browser shows ("1.", "a.", "iv." by its type or
// list-style-type, counting from its start), each <li> of a <ul> a "- "
// bullet, indented three spaces per level of nesting, so that the clause
// splitter reads "2(f)" where the page shows item f under item 2.
func htmlLists(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	type list struct {
		ordered bool
		style   string // 1, a, A, i, I
		next    int
	}
	var stack []list
	return htmlListTagRe.ReplaceAllStringFunc(s, func(tag string) string {
		g := htmlListTagRe.FindStringSubmatch(tag)
		closing, name, attrs := g[1] == "/", strings.ToLower(g[2]), g[3]
		switch {
		case name == "li" && closing:
			return "\n"
		case name == "li":
			indent := strings.Repeat("   ", max(len(stack)-1, 0))
			if len(stack) == 0 || !stack[len(stack)-1].ordered {
				return "\n" + indent + "- "
			}
			l := &stack[len(stack)-1]
			n := l.next
			l.next++
			return "\n" + indent + listNumber(n, l.style) + ". "
		case closing:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			return "\n"
		}
		l := list{ordered: name == "ol", style: "1", next: 1}
		if m := htmlStartRe.FindStringSubmatch(attrs); m != nil {
			l.next = atoi(m[1])
		}
		if m := htmlTypeRe.FindStringSubmatch(attrs); m != nil {
			switch strings.ToLower(m[2]) {
			case "":
				l.style = m[1]
			case "lower-alpha", "lower-latin":
				l.style = "a"
			case "upper-alpha", "upper-latin":
				l.style = "A"
			case "lower-roman":
				l.style = "i"
			case "upper-roman":
				l.style = "I"
			}
		}
		stack = append(stack, l)
		return ""
	})
}

// htmlBoldRe: a <strong> or <b> element on one line.
var htmlBoldRe = lazyre.New(`(?i)<(?:strong|b)(?:\s[^<>]*)?>([^\n]*?)</(?:strong|b)\s*>`)

// htmlBold writes HTML bold as Markdown bold ("<p><strong>Audit</strong></p>"
// is "**Audit**"), so that a bold title on its own line or opening a
// paragraph is read as the heading or lead-in it is on the page, as the
// same title written in Markdown is; the tags alone would be dropped with
// the other inline HTML and leave the title as body text.
func htmlBold(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	return htmlBoldRe.ReplaceAllStringFunc(s, func(m string) string {
		inner := strings.TrimSpace(htmlBoldRe.FindStringSubmatch(m)[1])
		if inner == "" || strings.Contains(inner, "**") {
			return inner
		}
		return "**" + inner + "**"
	})
}

// listNumber writes n in a list style: 1, a, A, i or I.
func listNumber(n int, style string) string {
	switch style {
	case "a", "A":
		var b []byte
		for k := n; k > 0; k = (k - 1) / 26 {
			b = append([]byte{byte('a' + (k-1)%26)}, b...)
		}
		if style == "A" {
			return strings.ToUpper(string(b))
		}
		return string(b)
	case "i":
		return toRoman(n)
	case "I":
		return strings.ToUpper(toRoman(n))
	}
	return strconv.Itoa(n)
}

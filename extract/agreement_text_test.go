package extract

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestTextSniff(t *testing.T) {
	tests := []struct {
		name string
		head []byte
		want bool
	}{
		{"plain", []byte("1. PURPOSE\nThis Agreement..."), true},
		{"bom", append([]byte{0xEF, 0xBB, 0xBF}, "# Terms\n"...), true},
		{"rune cut at end", []byte("Caf\xc3"), true},
		{"nul", []byte("PK\x03\x04\x00\x00"), false},
		{"invalid utf8", []byte("abc\xff\xfe def ghi jkl"), false},
		{"control chars", []byte("a\x01b\x02c\x03d\x04e"), false},
		{"empty", nil, false},
		{"only bom", []byte{0xEF, 0xBB, 0xBF}, false},
	}
	for _, tt := range tests {
		if got := (textParser{}).Sniff(tt.head, "x"); got != tt.want {
			t.Errorf("%s: Sniff = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTextFormat(t *testing.T) {
	tests := []struct{ path, text, want string }{
		{"a.md", "plain", "md"},
		{"a.MARKDOWN", "plain", "md"},
		{"terms.mdx", "plain", "md"},
		{"a.txt", "intro\n## 1. Scope\n", "md"},
		{"a.txt", "1. Scope\n#hashtag\n", "txt"},
		{"a", "no headings", "txt"},
	}
	for _, tt := range tests {
		if got := textFormat(tt.path, tt.text); got != tt.want {
			t.Errorf("textFormat(%q, %q) = %q, want %q", tt.path, tt.text, got, tt.want)
		}
	}
}

// filler makes a fixture long enough to be read as an agreement.
const filler = "Fees are due within thirty days of the invoice date and are payable in the currency stated on the Order Form; late amounts bear interest at one percent per month, and the Provider may suspend the Service after giving ten days written notice of the overdue amount.\n"

// TestTextRejectsNonAgreements: a web page saved under a document's name, an
// HTML page, or a note too short to be a contract is an error, not an
// agreement with every term missing.
func TestTextRejectsNonAgreements(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, content, want string }{
		{"msa.pdf", "<!DOCTYPE html><html><body>Session expired, please sign in.</body></html>", "named .pdf but holds an HTML page"},
		{"dpa.docx", "junk", "named .docx but holds text"},
		{"terms.txt", "<html><head><title>Login</title></head><body>" + filler + "</body></html>", "an HTML page, not an agreement"},
		{"note.txt", "hello, see the attached contract", "5 words of running text is too short for an agreement (at least 10)"},
	} {
		p := filepath.Join(dir, tc.name)
		if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Open(p, Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.name) {
			t.Errorf("%s: err = %v, want one naming the file and saying %q", tc.name, err, tc.want)
		}
	}
}

func TestTextParse(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	md := write("a.md", "---\ntitle: x\n---\n<!-- c -->\n# Terms\n\n1. <span class=\"h\">Service</span>\n    1. <span id=\"1.1\">Access.</span> Customer may use it.\n2. Fees\r\n"+filler)
	doc, err := textParser{}.Parse(md, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := doc.Agreement
	if a.Format != "md" || a.Paginated || len(a.Pages) != 1 || a.Pages[0].Number != 1 {
		t.Fatalf("agreement %+v", a)
	}
	if strings.Contains(a.Pages[0].Text, "<span") || strings.Contains(a.Pages[0].Text, "title:") || strings.Contains(a.Pages[0].Text, "\r") {
		t.Errorf("markup left in text: %q", a.Pages[0].Text)
	}
	if got := strings.Join(clauseIDs(a.Clauses), " "); got != "preamble 1 1.1<1 2" {
		t.Errorf("clauses %s", got)
	}

	txt := write("b.txt", "\ufeff1. SCOPE\nText.\n"+filler)
	doc, err = textParser{}.Parse(txt, Options{})
	if err != nil || doc.Agreement.Format != "txt" {
		t.Fatalf("txt: %v %+v", err, doc.Agreement)
	}

	empty := write("c.txt", " \n\n")
	if _, err := (textParser{}).Parse(empty, Options{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("blank file: err %v, want ErrEmpty", err)
	}
}

func TestCleanMarkdownHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<span class="h">Service</span>`, "Service"},
		{"a<br>b<br/>c", "a\nb\nc"},
		{"<h2>1. Scope</h2>text", "\n## 1. Scope\ntext"},
		{"<ul><li>one</li><li>two</li></ul>", "\n- one\n\n- two\n\n"},
		{"<ol><li>one</li><li>two</li></ol>", "\n1. one\n\n2. two\n\n"},
		{`<ol start="3" type="a"><li>c</li><li>d</li></ol>`, "\nc. c\n\nd. d\n\n"},
		{`<ol style="list-style-type:upper-roman"><li>x</li><li>y<ul><li>z</li></ul></li></ol>`, "\nI. x\n\nII. y\n   - z\n\n\n\n"},
		{"<table><tr><td>SOC 2</td><td>[ ]</td></tr></table>", "SOC 2 | [ ]\n\n"},
		{"Terms &amp; Conditions &sect;4 &#167;5", "Terms & Conditions §4 §5"},
		{"AT&T <https://example.com>", "AT&T <https://example.com>"},
		// MDX: the module's imports and exported metadata are page code.
		{"import { Note } from '@/components/note'\nexport const meta = {\n  title: 'DPA',\n}\n\n# DPA\n<Note>\nText.\n</Note>",
			"\n\n\n\n\n# DPA\n\nText.\n"},
		{"Import duties are the Customer's.\nexport controls apply.", "Import duties are the Customer's.\nexport controls apply."},
		// Hugo's TOML front matter is page settings too, never a clause
		// ("description = How we protect your data" quoted as evidence).
		{"+++\ntitle = \"Security\"\ndescription = \"How we guard your files and answer incidents.\"\n+++\n\n## Overview\nText.", "\n## Overview\nText."},
		{"Fees are +++ high.\n+++\nx", "Fees are +++ high.\n+++\nx"},
	}
	for _, tt := range tests {
		if got := cleanMarkdown(tt.in); got != tt.want {
			t.Errorf("cleanMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// An ordered HTML list is numbered as a browser shows it, nested lists
	// under their items.
	const attachment = `<p><b>Obligations</b></p>
<ol style="list-style-type:decimal">
    <li>Provider shall not engage another processor without authorisation.</li>
    <li>Provider shall:
    <ol style="list-style-type:lower-alpha">
        <li>process the data only on documented instructions;</li>
        <li>assist Customer with audits.</li>
    </ol></li>
    <li>Provider shall notify Customer of a breach without undue delay.</li>
</ol>`
	cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(cleanMarkdown(attachment))}}, false)
	if diff := cmp.Diff([]string{"preamble", "1", "2", "2(a)<2", "2(b)<2", "3"}, clauseIDs(cs)); diff != "" {
		t.Errorf("HTML list clauses (-want +got):\n%s", diff)
	}
	// A numbered heading in an HTML fragment still opens a clause.
	cs = SplitClauses([]Page{{Number: 1, Text: NormalizeText(cleanMarkdown("<h2>1. Scope</h2><p>Text.</p><h2>2. Security</h2><p>More.</p>"))}}, false)
	if got := strings.Join(clauseIDs(cs), " "); got != "1 2" {
		t.Errorf("clauses %s", got)
	}
}

// nestedTagRe: a "<" inside a tag ("<ol <b>>"), which no HTML writer makes.
var nestedTagRe = regexp.MustCompile(`<[^<>]*<|>[^<>]*>`)

func FuzzCleanMarkdown(f *testing.F) {
	for _, s := range []string{
		`<ol start="3" type="a"><li>c</li><li>d<ol style="list-style-type:lower-roman"><li>e</li></ol></li></ol>`,
		"<ul><li>x</ul></li></ol><li>y", "---\ntitle: x\n---\n<h2>1. A</h2><!-- c --><table><tr><td>a</td><td>b</td></tr></table>",
		`<OL TYPE=I START=0><LI>z`,
		"import A from 'a'\nexport default function P() {\n  return (<A/>)\n}\n# T",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := cleanMarkdown(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 from %q: %q", s, got)
		}
		// Every list item of well-formed lists becomes a line.
		if !strings.ContainsAny(s, "&\n") && !nestedTagRe.MatchString(s) && htmlListTagRe.MatchString(got) {
			t.Fatalf("a list tag left in %q: %q", s, got)
		}
	})
}

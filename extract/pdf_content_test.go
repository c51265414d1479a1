package extract

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// libraryOps runs content through the library's interpreter, as the
// walker did before our tokenizer, and writes each operator with its
// operands, one a line; panicked when the library panics. hangs: the
// content would hang the library (a hex string open at its end).
func libraryOps(t testing.TB, content string) (ops string, panicked, hangs bool) {
	var sc hexScanner
	sc.feed([]byte(content))
	if !sc.closed() {
		return "", false, true
	}
	b := onePage("<< >>", content)
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	v := r.Page(1).V.Key("Contents")
	var out strings.Builder
	err = try(func() error {
		pdf.Interpret(v, func(stk *pdf.Stack, op string) {
			args := make([]pdf.Value, stk.Len())
			for i := len(args) - 1; i >= 0; i-- {
				args[i] = stk.Pop()
			}
			out.WriteString(op)
			for _, a := range args {
				out.WriteString(" " + formatValue(a))
			}
			out.WriteByte('\n')
		})
		return nil
	})
	return out.String(), err != nil, false
}

func formatNum(x float64) string {
	if x == 0 && math.Signbit(x) {
		return "-0"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

func formatValue(v pdf.Value) string {
	switch v.Kind() {
	case pdf.Integer, pdf.Real:
		return formatNum(v.Float64())
	case pdf.String:
		return strconv.Quote(v.RawString())
	case pdf.Name:
		return "/" + strconv.Quote(v.Name())
	case pdf.Array:
		var s []string
		for i := 0; i < v.Len(); i++ {
			s = append(s, formatValue(v.Index(i)))
		}
		return "[" + strings.Join(s, " ") + "]"
	case pdf.Dict:
		if at := v.Key("ActualText"); at.Kind() == pdf.String {
			return "<<ActualText " + strconv.Quote(at.Text()) + ">>"
		}
		return "<<>>"
	}
	return "other"
}

func formatArg(p *contentProgram, a cArg) string {
	switch a.kind {
	case cNum:
		return formatNum(a.num)
	case cStr:
		return strconv.Quote(a.s)
	case cName:
		return "/" + strconv.Quote(a.s)
	case cArray:
		var s []string
		for _, e := range p.elements(a) {
			s = append(s, formatArg(p, e))
		}
		return "[" + strings.Join(s, " ") + "]"
	case cDict:
		if a.actual {
			return "<<ActualText " + strconv.Quote(pdfTextString(a.s)) + ">>"
		}
		return "<<>>"
	}
	return "other"
}

// programOps writes a program as libraryOps does.
func programOps(p *contentProgram) string {
	var out strings.Builder
	for _, op := range p.ops {
		out.WriteString(op.op)
		for _, a := range p.operands(op) {
			out.WriteString(" " + formatArg(p, a))
		}
		out.WriteByte('\n')
	}
	return out.String()
}

// checkSameAsLibrary: when parseContent reads content, it reads what the
// library's interpreter reads, and the library does not panic on it.
func checkSameAsLibrary(t testing.TB, content string) (ok bool) {
	prog, ok := parseContent([]byte(content))
	if !ok {
		return false
	}
	lib, panicked, hangs := libraryOps(t, content)
	if hangs || panicked {
		t.Fatalf("parseContent read %q, which the library does not (hangs %v, panics %v)", content, hangs, panicked)
	}
	if got := programOps(prog); got != lib {
		t.Fatalf("content %q:\nours:\n%s\nthe library's:\n%s", content, got, lib)
	}
	return true
}

func TestParseContent(t *testing.T) {
	for _, tt := range []struct {
		name, content string
		ok            bool
		want          string // the program, as programOps writes it (when ok)
	}{
		{"text object", "BT /F1 12 Tf 72 700 Td (Hello) Tj ET", true,
			"BT\nTf /\"F1\" 12\nTd 72 700\nTj \"Hello\"\nET\n"},
		{"TJ with kerning", "[(A) -120 (wa) 3.5 (y)] TJ", true, "TJ [\"A\" -120 \"wa\" 3.5 \"y\"]\n"},
		{"numbers", "+5 -0 .5 5. -.25 007 1.50 cm", true, "cm 5 0 0.5 5 -0.25 7 1.5\n"},
		{"long integer", "123456789012345678901 w", false, ""},
		{"integer at the limit", "9223372036854775807 -9223372036854775808 w", true, "w 9.223372036854776e+18 -9.223372036854776e+18\n"},
		{"two dots are an operator", "1.2.3 4", true, "1.2.3\n"},
		{"sign alone is an operator", "- +", true, "-\n+\n"},
		{"real without digits", "+. w", false, ""},
		{"escapes", `(a\(b\)c\\d\n\r\t\b\f\101\7\0612) Tj`, true, "Tj \"a(b)c\\\\d\\n\\r\\t\\b\\fA\\a12\"\n"},
		{"line continuation", "(ab\\\r\ncd\\\nef\\\rgh) Tj", true, "Tj \"abcdefgh\"\n"},
		{"nested parentheses", "(a(b)c) Tj", true, "Tj \"a(b)c\"\n"},
		{"bad escape", `(a\q) Tj`, false, ""},
		{"octal past a byte", `(\777) Tj`, false, ""},
		{"unterminated string", "(abc Tj", false, ""},
		{"hex string", "<48 65\n6C6c6F> Tj", true, "Tj \"Hello\"\n"},
		{"odd hex string", "<486> Tj", false, ""},
		{"hex with a stray byte", "<48z5> Tj", false, ""},
		{"empty hex string", "<> Tj", true, "Tj \"\"\n"},
		{"name escapes", "/A#20B#2f Do /C Do", true, "Do /\"A B/\"\nDo /\"C\"\n"},
		{"broken name escape", "/A#2 Do", false, ""},
		{"name escape at the end", "/A#", false, ""},
		{"empty name", "/ Do", true, "Do /\"\"\n"},
		{"comments", "% a comment\nBT%x\r(a)Tj % tail", true, "BT\nTj \"a\"\n"},
		{"a digit and letters are one operator", "/F1 9Tf", true, "9Tf /\"F1\"\n"},
		{"delimiters end tokens", "/F1 9 Tf[(a)1(b)]TJ(c)'", true, "Tf /\"F1\" 9\nTJ [\"a\" 1 \"b\"]\n' \"c\"\n"},
		{"marked content with a dictionary", "/P <</MCID 3 /K [1 (x) /N <<>>]>> BDC EMC", true, "BDC /\"P\" <<>>\nEMC\n"},
		{"actual text", "/Span <</ActualText (ff)>> BDC EMC", true, "BDC /\"Span\" <<ActualText \"ff\">>\nEMC\n"},
		{"actual text in UTF-16", "/Span <</ActualText <FEFF200B>>> BDC", true, "BDC /\"Span\" <<ActualText \"\\u200b\">>\n"},
		{"actual text in PDFDocEncoding", "/Span <</ActualText (\\223\\240x)>> BDC", true, "BDC /\"Span\" <<ActualText \"ﬁ€x\">>\n"},
		{"actual text not a text string", "/Span <</ActualText (\\000\\177)>> BDC", true, "BDC /\"Span\" <<ActualText \"\\x00\\x7f\">>\n"},
		{"the last actual text wins", "/Span <</ActualText (a) /ActualText 1>> BDC", true, "BDC /\"Span\" <<>>\n"},
		{"odd UTF-16", "/Span <</ActualText <FEFF20>>> BDC", true, "BDC /\"Span\" <<ActualText \"þÿ \">>\n"},
		{"non-name key", "<< 1 2 >> BDC", false, ""},
		{"dictionary value >>", "<< /A >> BDC", false, ""},
		{"unterminated array", "[(a) 1", false, ""},
		{"unterminated dictionary", "<< /A 1", false, ""},
		{"keyword inside an array", "[(a) Tj] TJ", false, ""},
		{"stray closing delimiters", ") Tj", false, ""},
		{"stray bracket", "] Tj", false, ""},
		{"single >", "> Tj", false, ""},
		{"booleans and null", "true false null w", true, "w other other other\n"},
		{"braces are operators", "1 { 2 } 3 w", true, "{ 1\n} 2\nw 3\n"},
		{"postscript operators", "/a 1 def", false, ""},
		{"inline image", "BI /W 1 /H 1 ID \x00\xff EI", false, ""},
		{"trailing operands", "BT 1 2", true, "BT\n"},
		{"NUL is white space", "BT\x00ET", true, "BT\nET\n"},
		{"high bytes are regular", "\xe9t\xff 1", true, "\xe9t\xff\n"},
		{"nested arrays", "[[1 [2]] (a)] TJ", true, "TJ [[1 [2]] \"a\"]\n"},
		{"too deep", strings.Repeat("[", maxContentDepth+1) + strings.Repeat("]", maxContentDepth+1) + " TJ", false, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			prog, ok := parseContent([]byte(tt.content))
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if ok {
				if got := programOps(prog); got != tt.want {
					t.Errorf("program:\n%q\nwant:\n%q", got, tt.want)
				}
			}
			checkSameAsLibrary(t, tt.content)
		})
	}
}

// FuzzParseContent: parseContent never panics, and whatever it reads it
// reads as the library's interpreter does.
func FuzzParseContent(f *testing.F) {
	for _, s := range []string{
		"BT /F1 12 Tf 72 700 Td (Hello) Tj ET",
		"[(A) -120 (wa) 3.5 (y)] TJ",
		`(a\(b\)c\\d\n\101) Tj <48 65 6c> Tj /A#20B Do`,
		"/P <</MCID 3 /K [1 (x)]>> BDC EMC q 1 0 0 1 0 0 cm Q",
		"% c\n1 { 2 } true null [[1]] TJ",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		checkSameAsLibrary(t, string(data))
	})
}

// TestCleanAlready: the lines cleanLine returns as they are are those
// its full pass would not change.
func TestCleanAlready(t *testing.T) {
	for _, tt := range []struct {
		line string
		same bool
	}{
		{"plain words", true},
		{"   indented words", true},
		{"", false},
		{"   ", false},
		{"trailing ", false},
		{"two  spaces", false},
		{"  indent then  two", false},
		{"soft\u00adhyphen", false},
		{"\u00adjoin marker", false},
		{"tab\tkept", true},
	} {
		if got := cleanAlready(tt.line); got != tt.same {
			t.Errorf("cleanAlready(%q) = %v, want %v", tt.line, got, tt.same)
		}
		if cleanAlready(tt.line) && cleanLineFull(tt.line) != tt.line {
			t.Errorf("cleanLineFull(%q) = %q: the shortcut is wrong", tt.line, cleanLineFull(tt.line))
		}
	}
}

// FuzzCleanAlready: cleanLine's shortcut never skips a change.
func FuzzCleanAlready(f *testing.F) {
	for _, s := range []string{"a b", "  a  b ", "\u00ada", "x\u00a0y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if !utf8.ValidString(l) || strings.Contains(l, "\n") {
			return
		}
		if cleanAlready(l) && cleanLineFull(l) != l {
			t.Fatalf("cleanLineFull(%q) = %q, yet cleanAlready", l, cleanLineFull(l))
		}
	})
}

// TestHasPageWord: pageOfRe never matches a line hasPageWord refuses.
func TestHasPageWord(t *testing.T) {
	for _, l := range []string{"Page 3 of 12", " - PAGE 4 -", "page 7/9", "pAgE 1", "Section 3", "12", "pag e 1", "PΑGE 1"} {
		if pageOfRe.MatchString(l) && !hasPageWord(l) {
			t.Errorf("pageOfRe matches %q, hasPageWord refuses it", l)
		}
		if got, want := hasPageWord(l), strings.Contains(strings.ToLower(l), "page"); got != want {
			t.Errorf("hasPageWord(%q) = %v, want %v", l, got, want)
		}
	}
}

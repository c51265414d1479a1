package extract

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ssrm-dev/ssrm/internal/hostile"
)

// hostileWant is what Open must answer for each recipe of package
// hostile: the sentinel and a part of the message, or nil where the file
// is valid and its cost bounded (it is read).
var hostileWant = map[string]struct {
	err error
	msg string
}{
	"pdf-xref-size":           {ErrBudget, "the cross-reference table declares 2147483647 objects in a 32 KB file"},
	"pdf-trailer-size":        {ErrBudget, "declares 2147483647 objects in a 32 KB file"},
	"pdf-xref-index":          {ErrBudget, "lists objects 2147483000 to"},
	"pdf-xref-prev-loop":      {ErrDamaged, "loop through /Prev"},
	"pdf-flate-bomb":          {ErrBudget, "page 1: file exceeds a reading limit: the content stream decompresses to more than 64 MiB"},
	"pdf-tounicode-bomb":      {ErrBudget, "the ToUnicode CMap of font F1 decompresses to more than 64 MiB"},
	"pdf-objstm-bomb":         {ErrBudget, "an object stream decompresses to more than 64 MiB"},
	"pdf-page-repeat":         {ErrBudget, "the page tree declares 100000 pages (at most 10000)"},
	"pdf-page-tree-deep":      {ErrDamaged, "page tree too deep"},
	"pdf-form-fanout":         {ErrBudget, "page 1: file exceeds a reading limit: a page draws forms more than 2000 times"},
	"pdf-deep-array":          {ErrDamaged, "nesting exceeds maximum depth"},
	"pdf-deep-dict":           {ErrDamaged, "nesting exceeds maximum depth"},
	"pdf-deep-content":        {nil, ""},
	"xlsx-zip-bomb":           {ErrBudget, "xl/worksheets/sheet1.xml declares 1.0 GiB uncompressed (at most 128 MiB)"},
	"xlsx-zip-bomb-lying":     {ErrDamaged, "xl/worksheets/sheet1.xml inflates past the 4 KB its zip header declares"},
	"xlsx-sharedstrings-bomb": {ErrBudget, "xl/sharedStrings.xml declares 1.0 GiB"},
	"xlsx-xxe":                {ErrUnsupported, "xl/worksheets/sheet1.xml: unsupported file format: the XML declares a DTD"},
	"xlsx-billion-laughs":     {ErrUnsupported, "the XML declares a DTD"},
	"xlsx-deep-nesting":       {ErrBudget, "XML elements nest more than 5000 deep"},
	"xlsx-far-cell":           {nil, ""},
	"docx-zip-bomb":           {ErrBudget, "word/document.xml declares 1.0 GiB uncompressed (at most 64 MiB)"},
	"docx-zip-bomb-lying":     {ErrDamaged, "word/document.xml inflates past the 4 KB its zip header declares"},
	"docx-styles-bomb":        {ErrBudget, "word/styles.xml declares 1.0 GiB"},
	"docx-xxe":                {ErrUnsupported, "word/document.xml: unsupported file format: the XML declares a DTD"},
	"docx-billion-laughs":     {ErrUnsupported, "the XML declares a DTD"},
	"docx-deep-nesting":       {ErrBudget, "XML elements nest more than 5000 deep"},
}

// TestHostileRecipes opens every hostile recipe at full size: each is
// refused with an *InputError naming the file and what was exceeded, in
// bounded time and memory, or (the valid ones) read. Before the budgets,
// pdf-xref-size, pdf-xref-index, pdf-flate-bomb, pdf-tounicode-bomb and
// pdf-page-repeat killed the test binary (fatal error: out of memory,
// which no recover catches) and pdf-xref-prev-loop never returned.
func TestHostileRecipes(t *testing.T) {
	dir := t.TempDir()
	for _, r := range hostile.All() {
		t.Run(r.Name, func(t *testing.T) {
			want, ok := hostileWant[r.Name]
			if !ok {
				t.Fatalf("recipe %s has no expectation in hostileWant", r.Name)
			}
			path, err := hostile.Write(dir, r)
			if err != nil {
				t.Fatal(err)
			}
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			doc, err := Open(path, Options{})
			took := time.Since(start)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if took > 30*time.Second {
				t.Errorf("took %v", took)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<30 {
				t.Errorf("allocated %d MiB", grew>>20)
			}
			if want.err == nil {
				if err != nil || (doc.Agreement == nil && doc.Questionnaire == nil) {
					t.Fatalf("err %v, want the document read", err)
				}
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) || ie.Path != path || !errors.Is(err, want.err) {
				t.Fatalf("err %v, want an *InputError naming %s wrapping %v", err, path, want.err)
			}
			if !strings.Contains(err.Error(), want.msg) {
				t.Errorf("message %q lacks %q", err, want.msg)
			}
		})
	}
}

// TestPDFBudgets lowers each budget under a small valid agreement.
func TestPDFBudgets(t *testing.T) {
	p := hostile.AgreementPDF(1, 3)
	// Page 1's content in two parts of 500-odd bytes each (under 700
	// alone, over it together).
	c := hostile.TextContent(hostile.AgreementLines(1, 20))
	half := bytes.LastIndex(c[:len(c)/2], []byte("\n")) + 1
	p.Objects[4] = hostile.Stream("", c[:half])
	p.Objects[3] = strings.Replace(p.Objects[3], "/Contents 5 0 R", fmt.Sprintf("/Contents [5 0 R %d 0 R]", len(p.Objects)+1), 1)
	p.Add(hostile.Stream("", c[half:]))
	b := p.Bytes()
	for _, tt := range []struct {
		name string
		set  func(*budget)
		msg  string
	}{
		{"none", func(*budget) {}, ""},
		{"pages", func(b *budget) { b.pages = 2 }, "the page tree declares 3 pages (at most 2)"},
		{"stream", func(b *budget) { b.perStream = 100 }, "page 1: file exceeds a reading limit: the content stream decompresses to more than 100 bytes"},
		{"document", func(b *budget) { b.perDoc = 5000 }, "streams decompress to more than 5 KB in all"},
		{"time", func(b *budget) { b.deadline = time.Now().Add(-time.Second) }, "reading took longer than 1m0s"},
		{"stream of parts", func(b *budget) { b.perStream = 700 }, "page 1: file exceeds a reading limit: the content stream decompresses to more than 700 bytes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bud := newBudget()
			tt.set(bud)
			doc, err := parsePDFWithin("a.pdf", bytes.NewReader(b), int64(len(b)), Options{}, bud)
			if tt.msg == "" {
				if err != nil || len(doc.Agreement.Pages) != 3 {
					t.Fatalf("err %v", err)
				}
				return
			}
			if !errors.Is(err, ErrBudget) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err %v, want ErrBudget with %q", err, tt.msg)
			}
		})
	}
}

// TestCheckXref: valid chains pass (incremental updates, xref streams);
// declared sizes are judged against the file's length.
func TestCheckXref(t *testing.T) {
	base := hostile.AgreementPDF(1, 2)
	plain := base.Bytes()
	// An incremental update: a second table whose /Prev is the first.
	firstX := int64(bytes.LastIndex(plain, []byte("xref\n")))
	upd := append(append([]byte{}, plain...), []byte("xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 8 /Root 1 0 R /Prev "+strconv.FormatInt(firstX, 10)+" >>\n")...)
	upd = append(upd, []byte("startxref\n"+strconv.Itoa(len(plain))+"\n%%EOF\n")...)
	xs := *base
	xs.XRefStream = true
	big := *base
	big.Size = 100_000
	// 19-byte entries (one-byte line ends), as some writers make them.
	x := bytes.LastIndex(plain, []byte("xref\n"))
	short := append(append([]byte{}, plain[:x]...), bytes.ReplaceAll(plain[x:], []byte(" n \n"), []byte(" n\n"))...)
	for _, tt := range []struct {
		name string
		b    []byte
		want error
	}{
		{"table", plain, nil},
		{"xref stream", xs.Bytes(), nil},
		{"incremental update", upd, nil},
		{"19-byte entries", short, nil},
		{"no startxref", []byte("%PDF-1.7\n1 0 obj\n<< >>\nendobj\n"), nil},
		{"size over the length rule", big.Bytes(), ErrBudget},
	} {
		err := checkXref(bytes.NewReader(tt.b), int64(len(tt.b)))
		if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("%s: err %v, want %v", tt.name, err, tt.want)
		}
	}
}

// TestXMLScanner: depth and declarations through the syntax that hides
// '<' and '>' (attribute values, comments, CDATA, instructions), across
// chunk boundaries.
func TestXMLScanner(t *testing.T) {
	for _, tt := range []struct {
		name, xml string
		depth     int
		err       error
	}{
		{"flat", `<?xml version="1.0"?><a><b/><c x="1"></c></a>`, 0, nil},
		{"open", `<a><b><c>`, 3, nil},
		{"quoted >", `<a x="<b>" y='/>'><c/>`, 1, nil},
		{"comment", `<a><!-- <b><c> --><d>`, 2, nil},
		{"cdata", `<a><![CDATA[<b><c>]]><d>`, 2, nil},
		{"instruction", `<a><?pi <b> ?><c>`, 2, nil},
		{"self-closing with space", `<a><b /><c/ >`, 1, nil},
		{"doctype", `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`, 0, ErrUnsupported},
		{"too deep", strings.Repeat("<a>", MaxXMLDepth+1), 0, ErrBudget},
	} {
		for _, chunk := range []int{1, 3, 1 << 20} {
			var s xmlScanner
			var err error
			for p := []byte(tt.xml); len(p) > 0 && err == nil; {
				k := min(chunk, len(p))
				err = s.scan(p[:k])
				p = p[k:]
			}
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Errorf("%s (chunks of %d): err %v, want %v", tt.name, chunk, err, tt.err)
			}
			if tt.err == nil && s.depth != tt.depth {
				t.Errorf("%s (chunks of %d): depth %d, want %d", tt.name, chunk, s.depth, tt.depth)
			}
		}
	}
}

func TestSizeText(t *testing.T) {
	for n, want := range map[int64]string{999: "999 bytes", 32191: "32 KB", 64 << 20: "64 MiB", 1 << 30: "1 GiB", 1500 << 20: "1.5 GiB", 3 << 19: "1.5 MiB"} {
		if got := sizeText(n); got != want {
			t.Errorf("sizeText(%d) = %q, want %q", n, got, want)
		}
	}
}

// FuzzHostilePDF starts from the PDF recipes' small seeds.
func FuzzHostilePDF(f *testing.F) {
	for _, r := range hostile.All() {
		if r.Ext != ".pdf" {
			continue
		}
		s, err := r.Seed()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = parsePDF("f.pdf", bytes.NewReader(b), int64(len(b)), Options{})
		_ = checkXref(bytes.NewReader(b), int64(len(b)))
	})
}

// FuzzHostileOffice starts from the workbook and Word recipes' seeds.
func FuzzHostileOffice(f *testing.F) {
	dir := f.TempDir()
	for _, r := range hostile.All() {
		if r.Ext == ".pdf" {
			continue
		}
		s, err := r.Seed()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(s, r.Ext == ".docx")
	}
	f.Fuzz(func(t *testing.T, b []byte, docx bool) {
		ext := ".xlsx"
		if docx {
			ext = ".docx"
		}
		p := filepath.Join(dir, "f"+ext)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		_, _ = Open(p, Options{})
	})
}

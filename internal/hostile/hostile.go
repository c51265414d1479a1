// Package hostile writes hostile input files at test time: PDFs, workbooks
// and Word documents built from a few parameters to exhaust a reader's
// memory, time or stack (the files of issue 14), so that no large file is
// committed. Each Recipe has a name, a one-line description and a builder;
// Seed builds the same shape at a small scale, for fuzz corpora.
//
// Every recipe starts from a valid document (an invented agreement or
// questionnaire) and changes one thing, so that a reader that survives it
// without the change would read the document.
package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Recipe is one hostile file.
type Recipe struct {
	// Name is the file's base name, e.g. "pdf-xref-size".
	Name string
	// Ext is ".pdf", ".xlsx" or ".docx".
	Ext string
	// Desc says in one line what the file does to a reader.
	Desc string
	// Build writes the full-size file (up to a few MB; built in well under
	// a second).
	Build func() ([]byte, error)
	// Seed writes the same structure at a small scale (under 64 KB), as a
	// fuzz seed.
	Seed func() ([]byte, error)
}

// scale sets the size of a recipe: full is what Build uses, small what
// Seed uses.
type scale struct {
	bomb  int64 // bytes a bomb inflates to
	count int   // repetitions (pages, nesting depth)
}

var (
	full  = scale{bomb: 1 << 30, count: 100_000}
	small = scale{bomb: 1 << 20, count: 20}
)

// GiB is the size most bombs inflate to.
const GiB = 1 << 30

// MaxObjects is the /Size the object-count recipes declare (2^31-1).
const MaxObjects = 2147483647

func recipe(name, ext, desc string, build func(s scale) ([]byte, error)) Recipe {
	return Recipe{
		Name: name, Ext: ext, Desc: desc,
		Build: func() ([]byte, error) { return build(full) },
		Seed:  func() ([]byte, error) { return build(small) },
	}
}

// All returns every recipe, PDFs first, in a fixed order.
func All() []Recipe {
	return []Recipe{
		// A: one number changed.
		recipe("pdf-xref-size", ".pdf", "xref stream declares /Size 2147483647 in a valid 8-page agreement (a table sized by it is 64 GiB)",
			func(scale) ([]byte, error) {
				p := AgreementPDF(1, 8)
				p.XRefStream, p.Size = true, MaxObjects
				return p.Bytes(), nil
			}),
		recipe("pdf-trailer-size", ".pdf", "classic trailer declares /Size 2147483647 in a valid 8-page agreement",
			func(scale) ([]byte, error) {
				p := AgreementPDF(1, 8)
				p.Size = MaxObjects
				return p.Bytes(), nil
			}),
		recipe("pdf-xref-index", ".pdf", "xref stream whose /Index starts at object 2147483000 (a table grown to it is 64 GiB)",
			func(scale) ([]byte, error) {
				p := AgreementPDF(1, 2)
				p.XRefStream, p.IndexStart = true, 2147483000
				return p.Bytes(), nil
			}),
		recipe("pdf-xref-prev-loop", ".pdf", "xref table whose /Prev points back at itself (an endless chain of sections)",
			func(scale) ([]byte, error) {
				p := AgreementPDF(1, 2)
				p.PrevSelf = true
				return p.Bytes(), nil
			}),
		// B: a gibibyte of zeros in a megabyte.
		recipe("pdf-flate-bomb", ".pdf", "page content stream of about 1 MB that inflates to 1 GiB of zeros",
			func(s scale) ([]byte, error) {
				p := AgreementPDF(1, 2)
				p.Objects[4] = Stream("/Filter /FlateDecode", Zlib(TextContent(AgreementLines(2, 20)), 0, s.bomb, nil))
				return p.Bytes(), nil
			}),
		recipe("pdf-tounicode-bomb", ".pdf", "font /ToUnicode CMap that inflates to 1 GiB of spaces",
			func(s scale) ([]byte, error) {
				p := AgreementPDF(1, 2)
				cmap := p.Add(Stream("/Filter /FlateDecode", Zlib([]byte("/CIDInit /ProcSet findresource begin\n"), ' ', s.bomb, []byte("\nend\n"))))
				p.Objects[2] = strings.Replace(helvetica, " >>", fmt.Sprintf(" /ToUnicode %d 0 R >>", cmap), 1)
				return p.Bytes(), nil
			}),
		recipe("pdf-objstm-bomb", ".pdf", "page resources kept in an object stream, at an offset 1 GiB into its inflated data",
			func(s scale) ([]byte, error) { return objStmBomb(s.bomb), nil }),
		// C: one page many times.
		recipe("pdf-page-repeat", ".pdf", "page tree whose /Kids list one page 100,000 times",
			func(s scale) ([]byte, error) {
				p := AgreementPDF(1, 1)
				p.Objects[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.TrimSpace(strings.Repeat("4 0 R ", s.count)), s.count)
				return p.Bytes(), nil
			}),
		recipe("pdf-page-tree-deep", ".pdf", "page tree 10,000 /Pages nodes deep above one page",
			func(s scale) ([]byte, error) {
				depth := s.count / 10
				p := AgreementPDF(1, 1)
				// Objects 1-5 stay; nodes 6.. chain down to page 4.
				first := len(p.Objects) + 1
				p.Objects[1] = fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", first)
				for i := range depth {
					kid := fmt.Sprintf("%d 0 R", first+i+1)
					if i == depth-1 {
						kid = "4 0 R"
					}
					p.Add(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 1 >>", kid))
				}
				return p.Bytes(), nil
			}),
		recipe("pdf-form-fanout", ".pdf", "form XObjects each drawing the next ten times, twelve deep (10^12 draws)",
			func(s scale) ([]byte, error) {
				if s.count < full.count {
					return formFanout(3, 10), nil
				}
				return formFanout(12, 10), nil
			}),
		// Deep nesting.
		recipe("pdf-deep-array", ".pdf", "page /Annots nested 100,000 arrays deep",
			func(s scale) ([]byte, error) {
				return deepPDF("/Annots", strings.Repeat("[", s.count)+strings.Repeat("]", s.count)), nil
			}),
		recipe("pdf-deep-dict", ".pdf", "page entry nested 100,000 dictionaries deep",
			func(s scale) ([]byte, error) {
				return deepPDF("/PieceInfo", strings.Repeat("<< /A ", s.count)+"1"+strings.Repeat(" >>", s.count)), nil
			}),
		recipe("pdf-deep-content", ".pdf", "content stream opening 100,000 arrays before its text",
			func(s scale) ([]byte, error) {
				p := AgreementPDF(1, 1)
				c := []byte(strings.Repeat("[", s.count) + strings.Repeat("]", s.count) + "\n")
				p.Objects[4] = Stream("", append(c, TextContent(AgreementLines(1, 50))...))
				return p.Bytes(), nil
			}),

		// Workbooks.
		recipe("xlsx-zip-bomb", ".xlsx", "worksheet part that inflates to 1 GiB of spaces (sizes declared honestly)",
			func(s scale) ([]byte, error) { return xlsxBomb("xl/worksheets/sheet1.xml", s.bomb, 0) }),
		recipe("xlsx-zip-bomb-lying", ".xlsx", "worksheet part that declares 4 KiB and inflates to 1 GiB of spaces",
			func(s scale) ([]byte, error) { return xlsxBomb("xl/worksheets/sheet1.xml", s.bomb, 4096) }),
		recipe("xlsx-sharedstrings-bomb", ".xlsx", "sharedStrings.xml that inflates to 1 GiB of spaces",
			func(s scale) ([]byte, error) { return xlsxBomb("xl/sharedStrings.xml", s.bomb, 0) }),
		recipe("xlsx-xxe", ".xlsx", "worksheet DTD with an external entity (file:///etc/passwd) used in a question",
			func(scale) ([]byte, error) {
				return Zip(XLSXParts(SheetXML(xxe("worksheet", "/etc/passwd"), SheetRows("&xxe;")), ""))
			}),
		recipe("xlsx-billion-laughs", ".xlsx", "worksheet DTD whose entity lol9 expands to 10^9 'lol', used in a question",
			func(scale) ([]byte, error) {
				return Zip(XLSXParts(SheetXML(billionLaughs("worksheet"), SheetRows("&lol9;")), ""))
			}),
		recipe("xlsx-deep-nesting", ".xlsx", "worksheet with 1,000,000 nested elements before its rows",
			func(s scale) ([]byte, error) {
				n := s.count * 10
				rows := strings.Repeat("<x>", n) + strings.Repeat("</x>", n) + SheetRows("")
				return Zip(XLSXParts(SheetXML("", rows), ""))
			}),
		recipe("xlsx-far-cell", ".xlsx", "questionnaire with one more cell at XFD1048576 (a grid of 17 billion cells)",
			func(scale) ([]byte, error) {
				rows := SheetRows("") + `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>end</t></is></c></row>`
				return Zip(XLSXParts(SheetXML("", rows), ""))
			}),

		// Word documents.
		recipe("docx-zip-bomb", ".docx", "word/document.xml that inflates to 1 GiB of spaces (sizes declared honestly)",
			func(s scale) ([]byte, error) { return docxBomb("word/document.xml", s.bomb, 0) }),
		recipe("docx-zip-bomb-lying", ".docx", "word/document.xml that declares 4 KiB and inflates to 1 GiB of spaces",
			func(s scale) ([]byte, error) { return docxBomb("word/document.xml", s.bomb, 4096) }),
		recipe("docx-styles-bomb", ".docx", "word/styles.xml that inflates to 1 GiB of spaces",
			func(s scale) ([]byte, error) { return docxBomb("word/styles.xml", s.bomb, 0) }),
		recipe("docx-xxe", ".docx", "document DTD with an external entity (file:///etc/passwd) used in the text",
			func(scale) ([]byte, error) {
				body := Paragraphs(AgreementLines(1, 40)) + `<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>`
				return Zip(DOCXParts(DocumentXML(xxe("w:document", "/etc/passwd"), body), ""))
			}),
		recipe("docx-billion-laughs", ".docx", "document DTD whose entity lol9 expands to 10^9 'lol', used in the text",
			func(scale) ([]byte, error) {
				body := Paragraphs(AgreementLines(1, 40)) + `<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>`
				return Zip(DOCXParts(DocumentXML(billionLaughs("w:document"), body), ""))
			}),
		recipe("docx-deep-nesting", ".docx", "document body with 1,000,000 nested elements around its text",
			func(s scale) ([]byte, error) {
				n := s.count * 10
				body := strings.Repeat("<w:customXml>", n) + Paragraphs(AgreementLines(1, 40)) + strings.Repeat("</w:customXml>", n)
				return Zip(DOCXParts(DocumentXML("", body), ""))
			}),
	}
}

// ByName returns the recipe called name.
func ByName(name string) (Recipe, bool) {
	for _, r := range All() {
		if r.Name == name {
			return r, true
		}
	}
	return Recipe{}, false
}

// Write builds r at full size into dir and returns the file's path.
func Write(dir string, r Recipe) (string, error) {
	b, err := r.Build()
	if err != nil {
		return "", fmt.Errorf("%s: %w", r.Name, err)
	}
	p := filepath.Join(dir, r.Name+r.Ext)
	return p, os.WriteFile(p, b, 0o644)
}

// WriteAll builds every recipe into dir, returning the paths in All's
// order.
func WriteAll(dir string) ([]string, error) {
	var out []string
	for _, r := range All() {
		p, err := Write(dir, r)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// docxParser reads Word (.docx) agreements with archive/zip and
// encoding/xml only. The document is one Page numbered 1 (Word files carry
// no reliable page breaks); clauses carry no page numbers.
//
// What the text looks like:
//   - one line per paragraph; a table row is one line with its cells
//     joined by " | " (nested tables are flattened into their cell);
//   - list numbering from numbering.xml is rendered at the start of the
//     paragraph as Word shows it ("4.1 ", "(a) ", "iv. "), so that the clause
//     splitter sees the document's own numbers; bullets become "- ";
//   - a heading paragraph (style Title or Heading 1-9, directly or through
//     basedOn, a style with an outline level, or an outline level set on
//     the paragraph itself) without a number is written as a Markdown
//     heading ("# Service Level Agreement");
//   - checkboxes become "[x]" or "[ ]": w14:checkbox content controls,
//     legacy FORMCHECKBOX fields (w:checked, else w:default), the glyphs
//     ☐ ☒ ☑ ✓ ✔ and Wingdings box symbols, and typed "[   ]" / "[ X ]";
//   - tabs are spaces, w:br and w:cr are line breaks, deleted text and
//     field instructions are dropped.
type docxParser struct{}

func (docxParser) Name() string { return "docx" }

// Limits against zip bombs: the uncompressed size of the main document
// part and of each auxiliary part (styles, numbering). Variables so that
// tests can lower them.
var (
	docxMaxDocument int64 = 64 << 20
	docxMaxPart     int64 = 16 << 20
)

// docxLimits bound the parts of a Word package (checkOfficeZip): XML parts
// inflate to at most docxMaxDocument bytes each (auxiliary parts are held
// to docxMaxPart when read), all parts to MaxDocumentBytes together.
var docxLimits = officeLimits{
	part: func(name string) int64 {
		if isXMLPart(name) {
			return docxMaxDocument
		}
		return MaxDocumentBytes
	},
	total: MaxDocumentBytes,
}

// Sniff accepts a zip archive holding word/document.xml (found in the head,
// or by reading the archive's directory) or another main part under word/
// named by the package relationships.
func (docxParser) Sniff(head []byte, p string) bool {
	if !bytes.HasPrefix(head, zipMagic) {
		return false
	}
	if bytes.Contains(head, []byte("word/document.xml")) {
		return true
	}
	return docxMainInArchive(p)
}

func (docxParser) Parse(p string, opts Options) (doc Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = Document{}, &InputError{Path: p, Err: fmt.Errorf("%w: Word document could not be read (%v)", ErrDamaged, r)}
		}
	}()
	zr, err := zip.OpenReader(p)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrAlgorithm) || errors.Is(err, zip.ErrChecksum) {
			return Document{}, &InputError{Path: p, Err: fmt.Errorf("%w: not a readable zip archive (%v)", ErrDamaged, err)}
		}
		return Document{}, &InputError{Path: p, Err: err}
	}
	defer zr.Close()
	if err := checkOfficeZip(&zr.Reader, docxLimits, newBudget()); err != nil {
		return Document{}, &InputError{Path: p, Err: err}
	}
	raw, auto, spots, err := docxRead(&zr.Reader)
	if err != nil {
		return Document{}, &InputError{Path: p, Err: err}
	}
	text := NormalizeText(raw)
	if strings.TrimSpace(text) == "" {
		return Document{}, &InputError{Path: p, Err: fmt.Errorf("%w: the Word document has no text", ErrEmpty)}
	}
	if n := runningWords(text); n < MinRunningWords {
		return Document{}, &InputError{Path: p, Err: lengthError(n)}
	}
	return Document{Agreement: docxAgreement(p, &zr.Reader, raw, text, auto, spots, opts)}, nil
}

// docxText renders the main document part of a Word archive as text.
func docxText(zr *zip.Reader) (string, []string, error) {
	text, auto, _, err := docxRead(zr)
	return text, auto, err
}

// docxRead is docxText with the paragraphs that hold images.
func docxRead(zr *zip.Reader) (string, []string, []docxImageSpot, error) {
	files, main := docxMainPart(zr)
	mf := files[main]
	if mf == nil {
		return "", nil, nil, fmt.Errorf("%w: no word/document.xml in the archive (not a Word document)", ErrUnsupported)
	}
	if mf.UncompressedSize64 > uint64(docxMaxDocument) {
		return "", nil, nil, fmt.Errorf("%w: %s is %d MiB uncompressed, over the %d MiB limit", ErrBudget, main, mf.UncompressedSize64>>20, docxMaxDocument>>20)
	}
	dir := path.Dir(main)
	st := &docxStyles{byID: map[string]*docxStyle{}}
	if b, err := readZipPart(files[dir+"/styles.xml"], docxMaxPart); err != nil {
		return "", nil, nil, err
	} else if b != nil {
		st.parse(b)
	}
	num := &docxNumbering{abstract: map[string]*docxAbstract{}, nums: map[string]*docxNum{}, counters: map[string]*docxCounter{}}
	if b, err := readZipPart(files[dir+"/numbering.xml"], docxMaxPart); err != nil {
		return "", nil, nil, err
	} else if b != nil {
		num.parse(b)
	}
	num.styles = st
	rc, err := mf.Open()
	if err != nil {
		return "", nil, nil, fmt.Errorf("%w: %s: %v", ErrDamaged, main, err)
	}
	defer rc.Close()
	lr := &limitedReader{r: rc, n: docxMaxDocument, name: main}
	w := &docxWalker{st: st, num: num}
	if err := w.walk(lr); err != nil {
		if lr.over {
			return "", nil, nil, fmt.Errorf("%w: %s is over the %d MiB limit uncompressed", ErrBudget, main, docxMaxDocument>>20)
		}
		return "", nil, nil, fmt.Errorf("%w: %s: %v", ErrDamaged, main, err)
	}
	return w.out.String(), w.auto, w.img.spots, nil
}

// readZipPart reads a whole part up to max bytes; a missing part is (nil, nil).
func readZipPart(f *zip.File, max int64) ([]byte, error) {
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(max) {
		return nil, fmt.Errorf("%w: %s is %d MiB uncompressed, over the %d MiB limit", ErrBudget, f.Name, f.UncompressedSize64>>20, max>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDamaged, f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDamaged, f.Name, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: %s is over the %d MiB limit uncompressed", ErrBudget, f.Name, max>>20)
	}
	return b, nil
}

// officeDocumentTarget finds the main part named in _rels/.rels.
// docxMainPart indexes a Word archive's parts by name and finds its main
// document part: the package relationship's officeDocument target, else
// word/document.xml.
func docxMainPart(zr *zip.Reader) (map[string]*zip.File, string) {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	main := "word/document.xml"
	if rels, err := readZipPart(files["_rels/.rels"], docxMaxPart); err == nil && rels != nil {
		if t := officeDocumentTarget(rels); t != "" && files[t] != nil {
			main = t
		}
	}
	return files, main
}

func officeDocumentTarget(rels []byte) string {
	d := xml.NewDecoder(bytes.NewReader(rels))
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		if strings.HasSuffix(attr(se, "Type"), "/officeDocument") {
			return strings.TrimPrefix(path.Clean("/"+attr(se, "Target")), "/")
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// hasAttr reports whether the attribute is present.
func hasAttr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// onOff reads a WordprocessingML boolean element (absent val means true).
func onOff(se xml.StartElement) bool {
	v, ok := hasAttr(se, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(v) {
	case "0", "false", "off":
		return false
	}
	return true
}

// ---- the document walker ----

type docxPara struct {
	style   string
	numID   string
	ilvl    int
	hasNum  bool
	outline int // the paragraph's own outline level 0-8, else -1
	// markGone: the paragraph mark is deleted (tracked), hidden or a
	// section break, so an empty paragraph takes no number.
	markGone bool
	text     strings.Builder
	bold     docxBold
	images   []string // the relationship IDs of its large images (docxWalker.image)
	pageImgs int      // how many of them are page-sized (docxImagePage)
}

type docxWalker struct {
	st   *docxStyles
	num  *docxNumbering
	out  strings.Builder
	auto []string // first lines of paragraphs numbered by Word's automatic numbering
	img  docxImages

	// Table state: a stack of open tables; each holds its current row's
	// cells and the current cell's paragraphs.
	tables []*docxTable
}

type docxTable struct {
	cells []string
	cell  []string
	inRow bool
	// label is the row's first cell as its paragraphs, when it has
	// several: a form's field label and the line describing it.
	label []string
}

// checkbox glyphs and Wingdings (F0xx) symbol codes.
var (
	checkedGlyphs   = map[rune]bool{'☒': true, '☑': true, '✓': true, '✔': true, '✗': true, '✘': true, '⊠': true}
	uncheckedGlyphs = map[rune]bool{'☐': true, '□': true, '◻': true}
	symChecked      = map[string]bool{"F0FE": true, "F0FD": true, "F0FB": true, "F0FC": true, "F078": true, "F053": true, "F054": true}
	symUnchecked    = map[string]bool{"F0A8": true, "F06F": true, "F071": true, "F0A3": true, "F072": true}
	typedBoxRe      = lazyre.New(`\[[ \t\x{00a0}_]*\]|\[[ \t\x{00a0}]*[xX✓✔][ \t\x{00a0}]*\]`)
	typedRadioRe    = lazyre.New(`\([ \t\x{00a0}]{2,}\)`)
)

func (w *docxWalker) walk(r io.Reader) error {
	d := xml.NewDecoder(r)
	d.Strict = false
	var para *docxPara
	// Skip depth: inside elements whose text is not shown.
	skip := 0
	sdtDepth := 0
	var sdtCheckbox []int // per open sdt: 0 none, 1 unchecked, 2 checked
	inSdtPr := 0
	inPPr, markRPr := false, false
	ffCheck := struct {
		in               bool
		def, chk, hasChk bool
	}{}
	emit := func(s string) {
		if para != nil {
			para.text.WriteString(s)
		}
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "del", "moveFrom":
				if markRPr && para != nil {
					// The paragraph mark is deleted: in Word's final view
					// the paragraph joins the next one, without a number.
					para.markGone = true
				}
				skip = 1
			case "delText", "instrText", "delInstrText",
				// Tracked changes of properties hold the properties as they
				// were (an old w:numPr among them); the current ones apply.
				"pPrChange", "rPrChange", "sectPrChange", "tblPrChange", "tblPrExChange",
				"trPrChange", "tcPrChange", "tblGridChange", "numberingChange":
				skip = 1
			case "vanish":
				if markRPr && para != nil {
					para.markGone = true
				}
			case "sectPr":
				// A paragraph ending a section (w:pPr/w:sectPr): an empty
				// one is the section break, not a list item.
				if inPPr && para != nil {
					para.markGone = true
				}
			case "sdt":
				sdtDepth++
				sdtCheckbox = append(sdtCheckbox, 0)
			case "sdtPr":
				inSdtPr++
			case "checkbox": // w14:checkbox in a content control
				if inSdtPr > 0 && len(sdtCheckbox) > 0 {
					sdtCheckbox[len(sdtCheckbox)-1] = 1
				}
			case "checked":
				switch {
				case inSdtPr > 0 && len(sdtCheckbox) > 0:
					v := attr(t, "val")
					if v == "1" || strings.EqualFold(v, "true") {
						sdtCheckbox[len(sdtCheckbox)-1] = 2
					} else {
						sdtCheckbox[len(sdtCheckbox)-1] = 1
					}
				case ffCheck.in:
					ffCheck.chk, ffCheck.hasChk = onOff(t), true
				}
			case "checkBox": // legacy form field
				ffCheck.in, ffCheck.def, ffCheck.chk, ffCheck.hasChk = true, false, false, false
			case "default":
				if ffCheck.in {
					ffCheck.def = onOff(t)
				}
			case "sdtContent":
				if n := len(sdtCheckbox); n > 0 && sdtCheckbox[n-1] > 0 {
					if sdtCheckbox[n-1] == 2 {
						emit("[x] ")
					} else {
						emit("[ ] ")
					}
					skip = 1 // the glyph inside is replaced by the marker
				}
			case "tbl":
				w.flushPara(para)
				para = nil
				w.tables = append(w.tables, &docxTable{})
			case "tr":
				if tb := w.table(); tb != nil {
					tb.cells, tb.inRow = nil, true
				}
			case "tc":
				if tb := w.table(); tb != nil {
					tb.cell = nil
				}
			case "p":
				w.flushPara(para)
				para = &docxPara{ilvl: -1, outline: -1}
			case "r":
				if para != nil {
					para.bold.run()
				}
			case "b":
				if para != nil && !markRPr && !inPPr {
					para.bold.inBold = onOff(t)
				}
			case "pStyle":
				if para != nil {
					para.style = attr(t, "val")
				}
			case "outlineLvl":
				if para != nil {
					if n, err := strconv.Atoi(attr(t, "val")); err == nil && n >= 0 && n < 9 {
						para.outline = n
					}
				}
			case "numId":
				if para != nil {
					para.numID, para.hasNum = attr(t, "val"), true
				}
			case "ilvl":
				if para != nil {
					para.ilvl = atoiDefault(attr(t, "val"), 0)
				}
			case "tab":
				// w:tab inside w:tabs (pPr) is a tab stop, not a character.
				if _, isStop := hasAttr(t, "pos"); !isStop {
					emit("\t")
				}
			case "br", "cr":
				emit("\n")
			case "noBreakHyphen":
				emit("-")
			case "sym":
				c := strings.ToUpper(attr(t, "char"))
				switch {
				case symChecked[c]:
					emit("[x]")
				case symUnchecked[c]:
					emit("[ ]")
				}
			case "extent", "blip", "imagedata":
				w.image(t, para)
			case "footnoteReference", "endnoteReference":
				// Footnotes are not read; keep the mark out of the text.
			case "fldChar":
				if attr(t, "fldCharType") == "end" && ffCheck.in {
					ffCheck.in = false
				}
			case "pPr":
				inPPr = para != nil
			case "rPr":
				// The paragraph mark's run properties (w:pPr/w:rPr) say
				// whether the mark is deleted or hidden.
				markRPr = inPPr
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "sdt":
				if sdtDepth > 0 {
					sdtDepth--
					sdtCheckbox = sdtCheckbox[:len(sdtCheckbox)-1]
				}
			case "sdtPr":
				if inSdtPr > 0 {
					inSdtPr--
				}
			case "checkBox":
				if ffCheck.in {
					state := ffCheck.def
					if ffCheck.hasChk {
						state = ffCheck.chk
					}
					if state {
						emit("[x] ")
					} else {
						emit("[ ] ")
					}
					ffCheck.in = false
				}
			case "p":
				w.flushPara(para)
				para = nil
			case "pPr":
				inPPr, markRPr = false, false
			case "rPr":
				markRPr = false
			case "tc":
				if tb := w.table(); tb != nil {
					if len(tb.cells) == 0 && len(tb.cell) > 1 {
						tb.label = slices.Clone(tb.cell)
					}
					tb.cells = append(tb.cells, strings.Join(tb.cell, " "))
					tb.cell = nil
				}
			case "tr":
				if tb := w.table(); tb != nil {
					w.flushRow(tb)
				}
			case "tbl":
				if n := len(w.tables); n > 0 {
					tb := w.tables[n-1]
					if tb.inRow {
						w.flushRow(tb)
					}
					w.tables = w.tables[:n-1]
				}
			}
		case xml.CharData:
			if skip > 0 || para == nil {
				continue
			}
			// Text is only inside w:t; other character data is layout whitespace.
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "t" && skip == 0 && para != nil {
			// Read the text content of w:t directly.
			var s string
			if err := d.DecodeElement(&s, &se); err != nil {
				return err
			}
			para.text.WriteString(s)
			para.bold.text(s)
		}
	}
	w.flushPara(para)
	for len(w.tables) > 0 {
		tb := w.tables[len(w.tables)-1]
		if tb.inRow {
			w.flushRow(tb)
		}
		w.tables = w.tables[:len(w.tables)-1]
	}
	return nil
}

func (w *docxWalker) table() *docxTable {
	if n := len(w.tables); n > 0 {
		return w.tables[n-1]
	}
	return nil
}

// flushRow writes a table row as one line, or into the enclosing cell for
// a nested table.
func (w *docxWalker) flushRow(tb *docxTable) {
	cells := tb.cells
	if len(tb.cell) > 0 {
		cells = append(cells, strings.Join(tb.cell, " "))
	}
	label := tb.label
	tb.cells, tb.cell, tb.inRow, tb.label = nil, nil, false, nil
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	if len(cells) > 1 && fieldLabel(label) {
		// A form's field and the line describing it ("Order Date" over
		// "The date access to the Cloud Service starts"): the label
		// stays apart from its description, for a reader to name the
		// row by it.
		cells[0] = strings.TrimSpace(label[0]) + " — " + strings.TrimSpace(strings.Join(label[1:], " "))
	}
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) == 0 {
		return
	}
	line := strings.Join(cells, " | ")
	if n := len(w.tables); n > 1 {
		parent := w.tables[n-2]
		parent.cell = append(parent.cell, line)
		return
	}
	w.out.WriteString(line)
	w.out.WriteString("\n")
}

// fieldLabel says a first cell's paragraphs are a field's label and its
// description: a first paragraph of a few words that ends no sentence,
// then more text.
func fieldLabel(paras []string) bool {
	if len(paras) < 2 {
		return false
	}
	first := strings.TrimSpace(paras[0])
	n := len(strings.Fields(first))
	return n > 0 && n <= 6 && !strings.ContainsAny(first[len(first)-1:], ".:;,|") && strings.TrimSpace(strings.Join(paras[1:], "")) != ""
}

// writeLine adds a paragraph line to the innermost open table cell, or to
// the output.
func (w *docxWalker) writeLine(s string) {
	if n := len(w.tables); n > 0 {
		w.tables[n-1].cell = append(w.tables[n-1].cell, s)
		return
	}
	w.out.WriteString(s)
	w.out.WriteString("\n")
}

// flushPara renders a finished paragraph.
func (w *docxWalker) flushPara(p *docxPara) {
	if p == nil {
		return
	}
	text := p.text.String()
	text = strings.ReplaceAll(text, "\t", " ")
	text = boxGlyphs(text)
	text = typedBoxRe.ReplaceAllStringFunc(text, func(m string) string {
		if strings.ContainsAny(m, "xX✓✔") {
			return "[x]"
		}
		return "[ ]"
	})
	text = typedRadioRe.ReplaceAllString(text, "( )")
	w.imageSpot(p, text)
	visible := strings.TrimSpace(text) != ""
	prefix, depth := "", 0
	if visible || !p.markGone {
		// An empty numbered paragraph shows its number in Word and takes
		// it from the list; only the number is lost here.
		numID, ilvl, has := p.numID, p.ilvl, p.hasNum
		if !has && p.style != "" {
			if id, lv, ok := w.st.numPr(p.style); ok {
				numID, has = id, true
				if ilvl < 0 && lv != "" {
					ilvl = atoiDefault(lv, 0)
				}
			}
		} else if has && ilvl < 0 && p.style != "" {
			if _, lv, ok := w.st.numPr(p.style); ok && lv != "" {
				ilvl = atoiDefault(lv, 0)
			}
		}
		if has {
			prefix, depth = w.num.labelDepth(numID, ilvl, p.style)
		}
	}
	if !visible {
		if len(w.tables) == 0 {
			w.out.WriteString("\n")
		}
		return
	}
	// Each line of the paragraph (w:br splits it).
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if i == 0 {
			if prefix != "" {
				l = prefix + l
				w.noteAuto(prefix, l)
				if depth > 0 && len(w.tables) == 0 {
					// "1." under "2. Security" (a level that shows only
					// its own number): indented as a nested list item, it
					// is read as 2.1.
					l = strings.Repeat("   ", depth) + l
				}
			} else if lvl := w.headingLevel(p); lvl > 0 && len(w.tables) == 0 && l != "" {
				l = strings.Repeat("#", min(lvl, 6)) + " " + l
			} else if len(lines) == 1 && len(w.tables) == 0 && p.bold.whole() {
				l = boldHeadingLine(l)
			}
		}
		if l == "" {
			continue
		}
		w.writeLine(l)
	}
	if len(w.tables) == 0 {
		w.out.WriteString("\n")
	}
}

// headingLevel is the heading level of a paragraph: its own outline level
// (w:outlineLvl in its properties) or its style's (see docxStyles).
func (w *docxWalker) headingLevel(p *docxPara) int {
	if p.outline >= 0 {
		return p.outline + 1
	}
	return w.st.headingLevel(p.style)
}

// boxGlyphs turns checkbox glyphs into "[x]" / "[ ]".
func boxGlyphs(s string) string {
	if !strings.ContainsAny(s, "☐☒☑✓✔✗✘⊠□◻") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case checkedGlyphs[r]:
			b.WriteString("[x]")
		case uncheckedGlyphs[r]:
			b.WriteString("[ ]")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

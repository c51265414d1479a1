// Package extract turns vendor documents into plain data: security
// questionnaires (Excel, CSV) into Items with cell references, and agreements
// (PDF, Markdown, plain text) into numbered Clauses with pages.
//
// It knows file formats and nothing of rules: the responsibility model and
// the rule engine live in package analyze, which consumes these types.
//
// Each input format is one Parser in the Parsers list; Open detects the
// format by content (magic bytes, then text heuristics), not by extension
// alone.
package extract

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// Kind says which role a document plays in an assessment.
type Kind string

// The document kinds.
const (
	KindQuestionnaire Kind = "questionnaire"
	KindAgreement     Kind = "agreement"
)

// Questionnaire is a vendor's security questionnaire as read from a workbook.
type Questionnaire struct {
	Path string `json:"path"`
	// Format names the layout recognised, e.g. "caiq-v4.0.3", "caiq-v4",
	// "hecvat", or "xlsx" for a sheet read from its header captions alone.
	Format string `json:"format"`
	// Vendor and Product are the names the workbook states, where it does.
	// VendorSource says where Vendor comes from: "form" (a field of the
	// form), "answers" (the name the answers use for the vendor) or "file
	// properties" (the workbook's company or title, the last resort).
	Vendor       string `json:"vendor,omitempty"`
	VendorSource string `json:"vendor_source,omitempty"`
	Product      string `json:"product,omitempty"`
	// Sheets lists the data sheets items were read from, in workbook order.
	Sheets []string `json:"sheets"`
	Items  []Item   `json:"items"`
	// Warnings say what is odd about the workbook without making the items
	// wrong, e.g. a published template without its cover sheet.
	Warnings []string `json:"warnings,omitempty"`
}

// Item is one question a reviewer would read, with the vendor's answer.
type Item struct {
	// ID is the question id as written (e.g. "SEF-07.1"), or "SHEET!ROW"
	// where the layout has none.
	ID       string `json:"id"`
	Question string `json:"question"`
	// Answer is the cell as shown (cached formula result), trimmed.
	Answer string `json:"answer"`
	// AnswerNormalized is one of the Answer* constants.
	AnswerNormalized string `json:"answer_normalized"`
	Notes            string `json:"notes"`
	// Ownership is the SSRM control ownership cell as written, e.g.
	// "Shared CSP and CSC"; analyze.ParseOwner maps it onto the owner model.
	Ownership           string `json:"ownership"`
	CSPImplementation   string `json:"csp_implementation,omitempty"`
	CSCResponsibilities string `json:"csc_responsibilities,omitempty"`
	Sheet               string `json:"sheet"`
	// Row is the 1-based worksheet row (the record number for CSV).
	Row int `json:"row"`
	// Cell is the address of the answer cell (e.g. "C12"), or of the
	// question cell where the layout has no answer column.
	Cell string `json:"cell"`
}

// Normalised answers.
const (
	AnswerYes        = "yes"
	AnswerNo         = "no"
	AnswerNA         = "not-applicable"
	AnswerPartial    = "partial"
	AnswerUnanswered = "unanswered"
	AnswerText       = "text"
)

// Agreement is a contract read page by page and split into clauses.
type Agreement struct {
	Path string `json:"path"`
	// Format is "pdf", "docx", "md" or "txt".
	Format string `json:"format"`
	// Paginated is false for formats without pages (Markdown, text); their
	// single Page is numbered 1 and clauses carry no page numbers.
	Paginated bool `json:"paginated"`
	// OCRPages are the pages whose text came from OCR (Options.OCR).
	OCRPages []int `json:"ocr_pages,omitempty"`
	// Unread are the pages whose text could not be read (an image without
	// a text layer, a garbled layer, a damaged page), with the reason: the
	// agreement was read from its other pages and is partial. Options.OCR
	// reads such pages from their images.
	Unread []UnreadPage `json:"unread_pages,omitempty"`
	// Warnings say what the text read may have lost without a page being
	// unread, e.g. a font whose ligatures came out as their first letter
	// ("notfy" for "notify"), or a page with characters that could not be
	// read ("page 3: 5 characters could not be read (U+FFFD): ...").
	Warnings []string `json:"warnings,omitempty"`
	// ImageParts are the places of a document without pages (DOCX) that
	// hold images and no text around them, not read (each also in
	// Warnings).
	ImageParts []ImagePart `json:"image_parts,omitempty"`
	Pages      []Page      `json:"pages"`
	Clauses    []Clause    `json:"clauses"`
}

// UnreadPage is a page of an agreement whose text could not be read.
type UnreadPage struct {
	Page int `json:"page"`
	// Reason says why: "an image without a text layer: a scan?", "only
	// forms without readable text", "garbled text layer: ...",
	// "unreadable: ...".
	Reason string `json:"reason"`
}

// Partial reports whether some pages could not be read.
func (a *Agreement) Partial() bool { return len(a.Unread) > 0 }

// UnreadPages returns the numbers of the pages that could not be read.
func (a *Agreement) UnreadPages() []int {
	var out []int
	for _, u := range a.Unread {
		out = append(out, u.Page)
	}
	return out
}

// Page is the cleaned text of one page; Number is 1-based.
type Page struct {
	Number int    `json:"number"`
	Text   string `json:"text"`
	// Headings are the lines of Text its type sets apart as headings (a
	// PDF's larger or bold lines standing alone), in order; SplitClauses
	// reads them. Not serialised: the clauses carry what they give.
	Headings []Heading `json:"-"`
	// AutoNumbered are the lines of Text that open with a number Word's
	// automatic numbering gives (a DOCX list paragraph), in order: the
	// number is the one Word shows, even where it skips. Not serialised.
	AutoNumbered []string `json:"-"`
}

// Heading is a heading of a page found by its type. Text is its line as
// in Page.Text, or its lines joined by "\n" where it wraps; Level ranks
// its type among the document's headings, 1 for the largest. A bold
// lead-in ("Cancellation. You may cancel ...") has Level 0 and Lead, the
// lead-in's title ("Cancellation"); Text is then its whole line.
type Heading struct {
	Text  string
	Level int
	// BodySize: set in the body text's size, apart by its weight only (a
	// sub-heading inside a numbered clause, as an all-caps line is).
	BodySize bool
	Lead     string
}

// Clause is one numbered unit of an agreement, in the document's own
// numbering: "6", "6.2", "8(b)", "Section 12.4", "A".
type Clause struct {
	ID      string `json:"id"`
	Heading string `json:"heading"`
	Text    string `json:"text"`
	// Pages are the 1-based pages the clause spans (nil when not paginated).
	Pages []int `json:"pages"`
	// Parent is the ID of the enclosing clause ("6" for "6.2"), or "".
	Parent string `json:"parent"`
}

// Document is the result of Open: exactly one of its fields is set.
type Document struct {
	Questionnaire *Questionnaire
	Agreement     *Agreement
	// Assurance is an assurance report (SOC 2, SOC 1, SOC 3, ISO/IEC
	// 27001 certificate, bridge letter): a PDF, DOCX or text document whose
	// content reads as one (templates/assurance/report.yaml) instead of
	// as an agreement.
	Assurance *AssuranceReport
}

// Kind reports the role of the document.
func (d Document) Kind() Kind {
	if d.Questionnaire != nil {
		return KindQuestionnaire
	}
	if d.Assurance != nil {
		return KindAssurance
	}
	return KindAgreement
}

// Options tune extraction.
type Options struct {
	// Password opens encrypted PDFs and workbooks.
	Password string
	// ServiceModel ("saas", "paas", "iaas") picks the ownership column in
	// layouts that give one per service model.
	ServiceModel string
	// OCR reads PDF pages without a text layer with tesseract (see
	// OCRAvailable); off by default, and never used silently: the pages read
	// this way are listed in Agreement.OCRPages.
	OCR bool
}

// Parser reads one input format. Sniff sees the first 8 KiB of the file and
// its path; Parse reads the whole file.
type Parser interface {
	Name() string
	Sniff(head []byte, path string) bool
	Parse(path string, opts Options) (Document, error)
}

// Parsers is the list of supported input formats, tried in order: binary
// formats first, plain text last.
var Parsers = []Parser{
	pdfParser{},
	xlsxParser{},
	docxParser{},
	csvParser{},
	textParser{},
}

// Sentinel errors, wrapped in *InputError.
var (
	ErrUnsupported = errors.New("unsupported file format")
	ErrEncrypted   = errors.New("file is password-protected")
	ErrNoText      = errors.New("no text layer")
	ErrGarbled     = errors.New("text layer is garbled")
	ErrDamaged     = errors.New("file is damaged")
	ErrEmpty       = errors.New("no items or clauses found")
)

// InputError is a problem with one input file, naming the place in it
// (sheet and cell, or pages) where there is one.
type InputError struct {
	Path  string
	Place string // e.g. "pages 1-5", "sheet CAIQv4.0.3 cell C12"; may be ""
	Err   error
}

func (e *InputError) Error() string {
	if e.Place != "" {
		return fmt.Sprintf("%s: %s: %v", e.Path, e.Place, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// sniffSize is how much of a file Sniff sees.
const sniffSize = 8 << 10

// Open detects the format of the file at path and reads it. A document
// that reads as an agreement but whose content is an assurance report is
// returned as Document.Assurance.
//
// Errors are *InputError values wrapping ErrUnsupported, ErrEncrypted,
// ErrNoText, ErrGarbled, ErrDamaged, ErrEmpty or an I/O error.
func Open(path string, opts Options) (Document, error) {
	p, err := detect(path)
	if err != nil {
		return Document{}, err
	}
	return asAssurance(p.Parse(path, opts))
}

// detect reads the head of the file at path and returns the first parser
// in Parsers that takes it.
func detect(path string) (Parser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &InputError{Path: path, Err: err}
	}
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(f, head)
	f.Close()
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, &InputError{Path: path, Err: err}
	}
	head = head[:n]
	if n == 0 {
		return nil, &InputError{Path: path, Err: fmt.Errorf("%w: the file is empty", ErrUnsupported)}
	}
	for _, p := range Parsers {
		if p.Sniff(head, path) {
			return p, nil
		}
	}
	return nil, &InputError{Path: path, Err: fmt.Errorf("%w: not an Excel workbook, CSV, PDF, Markdown or text file", ErrUnsupported)}
}

// EachItem reads the questionnaire at path (an Excel workbook or a CSV file)
// as Open does, with the same detection, layouts, limits and errors, but
// passes each item to fn in order instead of keeping it: the Questionnaire
// it returns holds the metadata (Path, Format, Vendor, Product, Sheets) and
// nil Items. An .xlsx sheet is read as a stream, so memory stays bounded
// whatever the number of rows; a legacy .xls or a CSV file is read whole
// first. An error from fn stops reading and is returned as it is.
//
// A file that Open would read as an agreement gives an *InputError wrapping
// ErrUnsupported.
func EachItem(path string, opts Options, fn func(Item) error) (*Questionnaire, error) {
	p, err := detect(path)
	if err != nil {
		return nil, err
	}
	switch p.(type) {
	case xlsxParser:
		q, _, err := readWorkbook(path, opts, func(it Item, _ *Questionnaire) error { return fn(it) })
		if err != nil {
			return nil, err
		}
		return q, nil
	case csvParser:
		doc, err := p.Parse(path, opts)
		if err != nil {
			return nil, err
		}
		q := doc.Questionnaire
		if err := replayItems(q, func(it Item, _ *Questionnaire) error { return fn(it) }); err != nil {
			return nil, err
		}
		return q, nil
	}
	return nil, &InputError{Path: path, Err: fmt.Errorf("%w: not an Excel workbook or CSV questionnaire", ErrUnsupported)}
}

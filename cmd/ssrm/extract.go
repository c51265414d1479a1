package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
)

// extractItem adds the owner model's reading of the ownership cell.
type extractItem struct {
	extract.Item
	Owner  analyze.Owner `json:"owner"`
	Domain string        `json:"domain,omitempty"`
}

// runExtract prints what ssrm reads from one file, as one JSON document
// written as it is read: a questionnaire's items as they come from the
// reader (read in a child process, they arrive one by one over its pipe),
// then the workbook's metadata; an agreement's pages and clauses one by
// one. Nothing is held whole but the agreement itself.
func runExtract(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ssrm extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	password := fs.String("password", "", "password for an encrypted PDF or workbook")
	ocr := fs.Bool("ocr", false, ocrHelp)
	serviceModel := fs.String("service-model", "saas", "saas, paas or iaas")
	pf := addParseFlags(fs, true, true)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return fmt.Errorf("%w: ssrm extract takes one FILE", errUsage)
	}
	x, err := pf.extractor(0)
	if err != nil {
		return err
	}
	defer x.Close() // the children kept for reuse
	bw := bufio.NewWriterSize(stdout, 64<<10)
	w := &jsonOut{w: bw}
	n := 0
	doc, err := x.Stream(context.Background(), paths[0], extract.Options{Password: *password, ServiceModel: *serviceModel, OCR: *ocr},
		func(it extract.Item, vendor string) error {
			if n == 0 {
				w.raw("{\n")
				w.field("kind", extract.KindQuestionnaire, false)
				w.field("path", paths[0], false)
				w.sep()
				w.raw("  \"items\": [")
			}
			if n > 0 {
				w.raw(",")
			}
			n++
			w.raw("\n    ")
			w.value(extractItem{Item: it, Owner: analyze.ItemOwner(it, vendor), Domain: analyze.ItemDomain(it)}, "    ")
			return w.err
		})
	if err != nil {
		if n > 0 {
			bw.Flush() // what was read before the error; the exit code says it is not whole
		}
		return err
	}
	if q := doc.Questionnaire; q != nil {
		if n == 0 {
			w.raw("{\n")
			w.field("kind", extract.KindQuestionnaire, false)
			w.field("path", q.Path, false)
			w.sep()
			w.raw("  \"items\": []")
		} else {
			w.raw("\n  ]")
		}
		w.field("format", q.Format, false)
		w.field("vendor", q.Vendor, true)
		w.field("product", q.Product, true)
		w.field("sheets", q.Sheets, false)
		w.field("warnings", q.Warnings, true)
		w.end()
	} else {
		writeAgreement(w, doc.Agreement)
	}
	if w.err != nil {
		return w.err
	}
	return bw.Flush()
}

// writeAgreement writes the agreement as encoding/json would (indented by
// two spaces), its pages and clauses one at a time.
func writeAgreement(w *jsonOut, a *extract.Agreement) {
	w.raw("{\n")
	w.field("kind", extract.KindAgreement, false)
	w.field("path", a.Path, false)
	w.field("format", a.Format, false)
	w.field("paginated", a.Paginated, false)
	w.field("ocr_pages", a.OCRPages, true)
	w.field("unread_pages", a.Unread, true)
	w.array("pages", len(a.Pages), a.Pages == nil, func(i int) any { return a.Pages[i] })
	w.array("clauses", len(a.Clauses), a.Clauses == nil, func(i int) any { return a.Clauses[i] })
	w.end()
}

// jsonOut writes one JSON object field by field, indented as
// json.Encoder.SetIndent("", "  ") would, with HTML characters unescaped.
// The first error is kept in err.
type jsonOut struct {
	w      *bufio.Writer
	buf    bytes.Buffer
	ind    []byte
	fields int
	err    error
}

func (o *jsonOut) raw(s string) {
	if o.err == nil {
		_, o.err = o.w.WriteString(s)
	}
}

// value writes v indented as json.Encoder.SetIndent(prefix, "  ") would,
// its inner lines prefixed: encoded compact, then indented by indentJSON
// (encoding/json's own indenting re-scans and validates every byte, a
// tenth of the time of extracting a large sheet).
func (o *jsonOut) value(v any, prefix string) {
	if o.err != nil {
		return
	}
	o.buf.Reset()
	enc := json.NewEncoder(&o.buf)
	enc.SetEscapeHTML(false)
	if o.err = enc.Encode(v); o.err == nil {
		o.ind = indentJSON(o.ind[:0], bytes.TrimSuffix(o.buf.Bytes(), []byte("\n")), prefix)
		_, o.err = o.w.Write(o.ind)
	}
}

// indentJSON appends src, valid compact JSON as encoding/json writes it, to
// dst indented by two spaces a level, each new line starting with prefix:
// the bytes json.Indent(dst, src, prefix, "  ") gives.
func indentJSON(dst, src []byte, prefix string) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	inString, escaped := false, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inString {
			dst = append(dst, c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
			dst = append(dst, c)
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// field writes "name": v; omitEmpty leaves out an empty string, a nil or
// empty slice, as the omitempty tag does.
func (o *jsonOut) field(name string, v any, omitEmpty bool) {
	if omitEmpty && isEmpty(v) {
		return
	}
	o.sep()
	o.raw(`  "` + name + `": `)
	o.value(v, "  ")
}

// array writes "name": [...] with element(i) for i < n, one at a time; a
// nil slice is null, as encoding/json writes it.
func (o *jsonOut) array(name string, n int, isNil bool, element func(int) any) {
	o.sep()
	o.raw(`  "` + name + `": `)
	switch {
	case isNil:
		o.raw("null")
		return
	case n == 0:
		o.raw("[]")
		return
	}
	o.raw("[")
	for i := range n {
		if i > 0 {
			o.raw(",")
		}
		o.raw("\n    ")
		o.value(element(i), "    ")
	}
	o.raw("\n  ]")
}

func (o *jsonOut) sep() {
	if o.fields > 0 {
		o.raw(",\n")
	}
	o.fields++
}

func (o *jsonOut) end() { o.raw("\n}\n") }

func isEmpty(v any) bool {
	switch x := v.(type) {
	case string:
		return x == ""
	case []string:
		return len(x) == 0
	case []int:
		return len(x) == 0
	case []extract.UnreadPage:
		return len(x) == 0
	}
	return false
}

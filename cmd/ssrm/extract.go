package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
)

// runExtract prints what ssrm reads from one file, as one JSON document,
// never held whole. A questionnaire's items come from the reader one at a
// time (read in a child process, over its pipe) and go to a temporary file
// as they come, keeping only their ids: the form the crosswalk places them
// by, and the vendor their owners are read against, are known only once
// the whole workbook is read. The items are then written from that file
// one by one with their placement. An agreement's pages and clauses are
// written one at a time.
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
	if !x.InProcess && os.Getenv("GOMEMLIMIT") == "" {
		// This process holds the rules, the crosswalk and the items' ids;
		// the reader is another. A soft limit keeps its peak below 64 MB
		// on a 100,000-row sheet (74 MB without).
		debug.SetMemoryLimit(40 << 20)
	}
	// The crosswalk (with the rules) loads while the file is read.
	var rs *analyze.RuleSet
	rulesDone := make(chan error, 1)
	rulesReady := make(chan struct{})
	go func() {
		var err error
		rs, err = analyze.LoadRules(nil)
		if err == nil {
			rs.Crosswalk.Warm()
		}
		close(rulesReady)
		rulesDone <- err
	}()
	// Each item's crosswalk topics are found as it comes, on the cores the
	// reading leaves free.
	tf := newTopicFinder(rulesReady, func() *analyze.Crosswalk {
		if rs == nil {
			return nil
		}
		return rs.Crosswalk
	})
	tmp, err := os.CreateTemp("", "ssrm-extract-*.jsonl")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	tw := bufio.NewWriterSize(tmp, 256<<10)
	enc := json.NewEncoder(tw)
	enc.SetEscapeHTML(false)
	var ids []string
	doc, err := x.Stream(context.Background(), paths[0], extract.Options{Password: *password, ServiceModel: *serviceModel, OCR: *ocr},
		func(it extract.Item, _ string) error {
			ids = append(ids, it.ID)
			tf.add(it.Question)
			return enc.Encode(it)
		})
	tf.wait()
	rerr := <-rulesDone
	if err != nil {
		return err
	}
	// The input is named as every report names it (see nameAsGiven).
	switch {
	case doc.Assurance != nil:
		doc.Assurance.Path = shownPath(doc.Assurance.Path, paths)
	case doc.Agreement != nil:
		doc.Agreement.Path = shownPath(doc.Agreement.Path, paths)
	case doc.Questionnaire != nil:
		doc.Questionnaire.Path = shownPath(doc.Questionnaire.Path, paths)
	}
	bw := bufio.NewWriterSize(stdout, 64<<10)
	w := &jsonOut{w: bw}
	if doc.Assurance != nil {
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Kind extract.Kind `json:"kind"`
			*extract.AssuranceReport
		}{extract.KindAssurance, doc.Assurance}); err != nil {
			return err
		}
		return bw.Flush()
	}
	if doc.Agreement != nil {
		writeAgreement(w, doc.Agreement)
	} else {
		if rerr != nil {
			return rerr
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if _, err := tmp.Seek(0, io.SeekStart); err != nil {
			return err
		}
		writeQuestionnaire(w, doc.Questionnaire, rs, ids, tf.topics, bufio.NewReaderSize(tmp, 256<<10))
	}
	if w.err != nil {
		return w.err
	}
	return bw.Flush()
}

// writeQuestionnaire writes the questionnaire q (its metadata; Items nil)
// and the items r holds, one line of compact JSON each (json.Encoder's,
// HTML characters unescaped), each placed by the crosswalk with the topics
// topics(i) gives for item i (Crosswalk.TopicsOf), as encoding/json would
// write them whole (indented by two spaces).
func writeQuestionnaire(w *jsonOut, q *extract.Questionnaire, rs *analyze.RuleSet, ids []string, topics func(int) []int32, r *bufio.Reader) {
	qp, place := rs.Crosswalk.PlacerTopics(q, ids)
	form := ""
	if qp.Form != nil {
		form = qp.Form.ID
	}
	// The metadata as encoding/json orders it, items last: written with a
	// stand-in for the items, cut there.
	if !w.render(struct {
		Kind extract.Kind `json:"kind"`
		*extract.Questionnaire
		Form  string          `json:"crosswalk_form,omitempty"`
		Items json.RawMessage `json:"items"`
	}{extract.KindQuestionnaire, q, form, json.RawMessage("null")}, "") {
		return
	}
	head := append([]byte(nil), w.ind...)
	cut := bytes.LastIndex(head, []byte(`"items": null`))
	if cut < 0 {
		w.fail(fmt.Errorf("writing %s: no items field", q.Path))
		return
	}
	w.raw(string(head[:cut]) + `"items": `)
	if len(ids) == 0 {
		w.raw("[]\n}\n")
		return
	}
	w.raw("[")
	// Placing an item (the crosswalk's topics) and reading it back cost
	// more than reading its line: lines are read a chunk at a time, and
	// items decoded, placed and rendered in parallel, written in order.
	const chunk = 512
	lines := make([][]byte, chunk)
	out := make([][]byte, chunk)
	workers := runtime.GOMAXPROCS(0)
	for start := 0; start < len(ids); start += chunk {
		n := min(chunk, len(ids)-start)
		for k := range n {
			line, err := r.ReadSlice('\n')
			if err == bufio.ErrBufferFull {
				line = append([]byte(nil), line...)
				for err == bufio.ErrBufferFull {
					var more []byte
					more, err = r.ReadSlice('\n')
					line = append(line, more...)
				}
				lines[k] = line
			} else {
				lines[k] = append(lines[k][:0], line...)
			}
			if err != nil {
				w.fail(fmt.Errorf("reading back item %d of %s: %v", start+k+1, q.Path, err))
				return
			}
		}
		var next atomic.Int64
		var wg sync.WaitGroup
		errs := make([]error, workers)
		for g := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf bytes.Buffer
				for {
					k := int(next.Add(1)) - 1
					if k >= n || errs[g] != nil {
						return
					}
					var it extract.Item
					if err := json.Unmarshal(lines[k], &it); err != nil {
						errs[g] = fmt.Errorf("reading back item %d of %s: %v", start+k+1, q.Path, err)
						return
					}
					p := place(it, topics(start+k))
					out[k], errs[g] = renderItem(out[k][:0], &buf, lines[k], analyze.ItemOwner(it, q.Vendor), &p)
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				w.fail(err)
				return
			}
		}
		for k := range n {
			if start+k > 0 {
				w.raw(",")
			}
			w.raw("\n    ")
			if w.err == nil {
				_, w.err = w.w.Write(out[k])
			}
		}
	}
	w.raw("\n  ]\n}\n")
}

// renderItem appends to dst the extracted item whose compact JSON line is
// line (json.Encoder's, HTML characters unescaped: the item as it was
// read, not encoded again), with the owner model's reading of its
// ownership cell ("owner") and where the crosswalk places it ("domain"
// when there is one, "crosswalk"), indented as jsonOut.value would with
// the prefix of an item of the list. Those three fields follow the item's
// own, as encoding/json would order them for a struct embedding
// extract.Item; extract.Item has none of their names and always some
// field, so its object is never empty.
func renderItem(dst []byte, buf *bytes.Buffer, line []byte, owner analyze.Owner, p *analyze.Placement) ([]byte, error) {
	buf.Reset()
	item := bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("}"))
	buf.Write(item)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	buf.WriteString(`,"owner":`)
	if err := enc.Encode(owner); err != nil {
		return dst, err
	}
	buf.Truncate(buf.Len() - 1)
	if p.Domain != "" {
		buf.WriteString(`,"domain":`)
		if err := enc.Encode(p.Domain); err != nil {
			return dst, err
		}
		buf.Truncate(buf.Len() - 1)
	}
	buf.WriteString(`,"crosswalk":`)
	if err := enc.Encode(p); err != nil {
		return dst, err
	}
	buf.Truncate(buf.Len() - 1)
	buf.WriteByte('}')
	return indentJSON(dst, buf.Bytes(), "    "), nil
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
	w.field("warnings", a.Warnings, true)
	w.field("image_parts", a.ImageParts, true)
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
	if o.render(v, prefix) {
		_, o.err = o.w.Write(o.ind)
	}
}

// render encodes v indented into o.ind, reporting success.
func (o *jsonOut) render(v any, prefix string) bool {
	if o.err != nil {
		return false
	}
	o.buf.Reset()
	enc := json.NewEncoder(&o.buf)
	enc.SetEscapeHTML(false)
	if o.err = enc.Encode(v); o.err != nil {
		return false
	}
	o.ind = indentJSON(o.ind[:0], bytes.TrimSuffix(o.buf.Bytes(), []byte("\n")), prefix)
	return true
}

func (o *jsonOut) fail(err error) {
	if o.err == nil {
		o.err = err
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
	case []extract.ImagePart:
		return len(x) == 0
	}
	return false
}

// topicFinder finds the crosswalk topics of each item's question
// (Crosswalk.TopicsOf) in worker goroutines while the items are read, and
// keeps them by item, in chunks (a few bytes an item: no topics is nil).
type topicFinder struct {
	jobs   chan topicJob
	chunks []*topicChunk
	n      int
	wg     sync.WaitGroup
}

const topicChunkLen = 4096

type topicChunk [topicChunkLen][]int32

type topicJob struct {
	c        *topicChunk
	k        int
	question string
}

// newTopicFinder starts the workers; they wait for ready, then ask cw for
// the crosswalk (nil: no topics).
func newTopicFinder(ready <-chan struct{}, cw func() *analyze.Crosswalk) *topicFinder {
	tf := &topicFinder{jobs: make(chan topicJob, 256)}
	for range runtime.GOMAXPROCS(0) {
		tf.wg.Add(1)
		go func() {
			defer tf.wg.Done()
			<-ready
			c := cw()
			for j := range tf.jobs {
				if c != nil {
					j.c[j.k] = c.TopicsOf(j.question)
				}
			}
		}()
	}
	return tf
}

// add queues the question of the next item.
func (tf *topicFinder) add(question string) {
	k := tf.n % topicChunkLen
	if k == 0 {
		tf.chunks = append(tf.chunks, new(topicChunk))
	}
	tf.jobs <- topicJob{tf.chunks[len(tf.chunks)-1], k, question}
	tf.n++
}

// wait waits for every queued question; add must not be called after.
func (tf *topicFinder) wait() {
	close(tf.jobs)
	tf.wg.Wait()
}

// topics returns the topics of item i.
func (tf *topicFinder) topics(i int) []int32 {
	return tf.chunks[i/topicChunkLen][i%topicChunkLen]
}

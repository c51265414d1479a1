package extract

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// csvParser reads a questionnaire exported as CSV (the HECVAT export, or
// any sheet saved as CSV): the same header-caption and ID rules as the
// workbook reader, one record per row. Items have an empty Sheet, and Row is
// the 1-based record number.
type csvParser struct{}

// csvMaxSize bounds the file read.
const csvMaxSize = 64 << 20

func (csvParser) Name() string { return "csv" }

// Sniff accepts UTF-8 text (a BOM is skipped) whose first records parse as
// CSV with a header record of short captions naming at least two questionnaire
// columns, one of them the question ID, question or answer, followed by a
// record of the same width. Prose, Markdown and plain-text agreements do not
// pass; they go to textParser.
func (csvParser) Sniff(head []byte, path string) bool {
	_, ok := csvHeader(head, strings.EqualFold(filepath.Ext(path), ".csv"))
	return ok
}

// csvHeader finds the delimiter of a CSV questionnaire head, or ok=false.
func csvHeader(head []byte, csvExt bool) (delim rune, ok bool) {
	head = bytes.TrimPrefix(head, utf8BOM)
	if len(head) == 0 || bytes.IndexByte(head, 0) >= 0 {
		return 0, false
	}
	for i := 0; i < utf8.UTFMax && len(head) > 0 && !utf8.Valid(head); i++ {
		head = head[:len(head)-1]
	}
	if !utf8.Valid(head) {
		return 0, false
	}
	if t := bytes.TrimSpace(head); bytes.HasPrefix(t, []byte("#")) || bytes.HasPrefix(t, []byte("---")) {
		return 0, false // Markdown heading or front matter
	}
	for _, d := range []rune{',', ';', '\t'} {
		r := csv.NewReader(bytes.NewReader(head))
		r.Comma = d
		r.LazyQuotes = true
		r.FieldsPerRecord = -1
		var recs [][]string
		for len(recs) < 6 {
			rec, err := r.Read()
			if err != nil {
				break
			}
			recs = append(recs, rec)
		}
		// A full head may end inside a record (a long quoted answer): then
		// the last record read is cut short.
		full := len(head) >= sniffSize-utf8.UTFMax
		for i := 0; i+1 < len(recs) && i < 4; i++ {
			if !csvCaptions(recs[i], csvExt) {
				continue
			}
			if len(recs[i+1]) == len(recs[i]) || full && i+1 == len(recs)-1 {
				return d, true
			}
		}
	}
	return 0, false
}

// csvCaptions reports whether rec reads like a questionnaire header.
func csvCaptions(rec []string, csvExt bool) bool {
	if len(rec) < 3 && !(csvExt && len(rec) == 2) || len(rec) > 100 {
		return false
	}
	roles := map[int]bool{}
	for _, f := range rec {
		f = strings.TrimSpace(f)
		if len(f) > 60 || strings.HasSuffix(f, ".") || len(strings.Fields(f)) > 6 {
			return false
		}
		c := normCaption(f)
		for role := range nRoles {
			if captionScore(c, role) > 0 {
				roles[role] = true
				break
			}
		}
	}
	return len(roles) >= 2 && (roles[roleID] || roles[roleQuestion] || roles[roleAnswer])
}

// Parse reads the CSV file at path into a Questionnaire.
func (csvParser) Parse(path string, opts Options) (Document, error) {
	q, _, err := readCSV(path, opts)
	if err != nil {
		return Document{}, err
	}
	settleFromItems(q)
	return Document{Questionnaire: q}, nil
}

// readCSV is Parse, also returning the header record number.
func readCSV(path string, opts Options) (q *Questionnaire, headers map[string]int, err error) {
	defer func() {
		if r := recover(); r != nil {
			q, headers, err = nil, nil, &InputError{Path: path, Err: fmt.Errorf("%w: CSV could not be read (%v)", ErrDamaged, r)}
		}
	}()
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, &InputError{Path: path, Err: err}
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, csvMaxSize+1))
	if err != nil {
		return nil, nil, &InputError{Path: path, Err: err}
	}
	if len(data) > csvMaxSize {
		return nil, nil, &InputError{Path: path, Err: fmt.Errorf("%w: CSV larger than %d MiB", ErrUnsupported, csvMaxSize>>20)}
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		return nil, nil, &InputError{Path: path, Err: fmt.Errorf("%w: CSV is not UTF-8 text; export it as CSV UTF-8", ErrUnsupported)}
	}
	delim, ok := csvHeader(data[:min(len(data), sniffSize)], true)
	if !ok {
		delim = ','
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delim
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	b := newBook(path, opts)
	sr, err := scanSheet(b, "", &csvRows{r: r}, nil, nil)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return nil, nil, err
		}
		return nil, nil, &InputError{Path: path, Err: fmt.Errorf("%w: %v", ErrDamaged, err)}
	}
	b.add("", sr)
	if err := b.finish(); err != nil {
		return nil, nil, err
	}
	if b.q.Format == "xlsx" {
		b.q.Format = "csv"
	}
	return b.q, b.headers, nil
}

// csvRows numbers the records from 1.
type csvRows struct {
	r *csv.Reader
	n int
}

func (c *csvRows) read() (int, []string, bool, error) {
	rec, err := c.r.Read()
	if err == io.EOF {
		return 0, nil, false, nil
	}
	if err != nil {
		return 0, nil, false, err
	}
	c.n++
	for i, v := range rec {
		rec[i] = cleanCell(v)
	}
	return c.n, rec, true, nil
}

package report

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestReportsByteIdentical renders each binary and structured format several
// times from the same input and compares the bytes: the conditional-format
// styles of the workbooks used to come out in map order, and OSCAL's
// last-modified was the clock.
func TestReportsByteIdentical(t *testing.T) {
	res, docs := loadSample(t)
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	// The clock moves between runs: only Options.Modified may show.
	defer func(old func() time.Time) { now = old }(now)
	tick := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	now = func() time.Time { tick = tick.Add(time.Hour); return tick }
	for _, format := range []string{"xlsx", "caiq", "oscal"} {
		var first []byte
		for run := range 4 {
			var b bytes.Buffer
			if err := WriteOptions(&b, format, res, Options{Docs: docs, Modified: at}); err != nil {
				t.Fatal(format, err)
			}
			if run == 0 {
				first = b.Bytes()
				continue
			}
			if !bytes.Equal(first, b.Bytes()) {
				t.Fatalf("%s: run %d differs from run 1 (%d and %d bytes)", format, run+1, len(first), b.Len())
			}
		}
		if format == "oscal" {
			if got := oscalLastModified(t, first); got != "2026-03-04T05:06:07Z" {
				t.Errorf("oscal last-modified = %q, want the input's time 2026-03-04T05:06:07Z", got)
			}
			continue
		}
		if created, modified := coreDates(t, first); created != "2026-03-04T05:06:07Z" || modified != created {
			t.Errorf("%s: docProps created %q modified %q, want 2026-03-04T05:06:07Z", format, created, modified)
		}
	}
	p := samplePortfolio(t)
	var a, b bytes.Buffer
	if err := WritePortfolio(&a, "xlsx", p); err != nil {
		t.Fatal(err)
	}
	if err := WritePortfolio(&b, "xlsx", p); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("portfolio xlsx differs between two runs")
	}
}

// TestSourceDateEpoch: SOURCE_DATE_EPOCH overrides the input's time in
// every format that states one; a malformed value is an error naming it.
func TestSourceDateEpoch(t *testing.T) {
	res, docs := loadSample(t)
	t.Setenv(SourceDateEpoch, "1767225600") // 2026-01-01T00:00:00Z
	opts := Options{Docs: docs, Modified: time.Date(2020, 5, 5, 5, 5, 5, 0, time.UTC)}
	var o bytes.Buffer
	if err := WriteOptions(&o, "oscal", res, opts); err != nil {
		t.Fatal(err)
	}
	if got := oscalLastModified(t, o.Bytes()); got != "2026-01-01T00:00:00Z" {
		t.Errorf("oscal last-modified = %q under SOURCE_DATE_EPOCH", got)
	}
	for _, format := range []string{"xlsx", "caiq"} {
		var x bytes.Buffer
		if err := WriteOptions(&x, format, res, opts); err != nil {
			t.Fatal(err)
		}
		if c, m := coreDates(t, x.Bytes()); c != "2026-01-01T00:00:00Z" || m != c {
			t.Errorf("%s: created %q modified %q under SOURCE_DATE_EPOCH", format, c, m)
		}
	}
	var x bytes.Buffer
	if err := WritePortfolio(&x, "xlsx", samplePortfolio(t)); err != nil {
		t.Fatal(err)
	}
	if c, _ := coreDates(t, x.Bytes()); c != "2026-01-01T00:00:00Z" {
		t.Errorf("portfolio: created %q under SOURCE_DATE_EPOCH", c)
	}
	for _, bad := range []string{"yesterday", "-5", "1.5"} {
		t.Setenv(SourceDateEpoch, bad)
		for _, format := range []string{"xlsx", "caiq", "oscal"} {
			err := WriteOptions(io.Discard, format, res, opts)
			if err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") || !strings.Contains(err.Error(), bad) {
				t.Errorf("%s with SOURCE_DATE_EPOCH=%q: err = %v, want one naming the variable and value", format, bad, err)
			}
		}
	}
}

func oscalLastModified(t *testing.T, b []byte) string {
	t.Helper()
	var doc OSCALDocument
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.ComponentDefinition.Metadata.LastModified
}

// zipPart reads one part of an xlsx package.
func zipPart(t *testing.T, b []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func coreDates(t *testing.T, b []byte) (created, modified string) {
	t.Helper()
	var core struct {
		Created  string `xml:"created"`
		Modified string `xml:"modified"`
	}
	if err := xml.Unmarshal(zipPart(t, b, "docProps/core.xml"), &core); err != nil {
		t.Fatal(err)
	}
	return core.Created, core.Modified
}

// quotePrefixes reads xl/styles.xml itself (not through excelize, which
// wrote it): whether each cellXfs record has quotePrefix="1".
func quotePrefixes(t *testing.T, b []byte) []bool {
	t.Helper()
	var ss struct {
		CellXfs struct {
			Xf []struct {
				QuotePrefix string `xml:"quotePrefix,attr"`
			} `xml:"xf"`
		} `xml:"cellXfs"`
	}
	if err := xml.Unmarshal(zipPart(t, b, "xl/styles.xml"), &ss); err != nil {
		t.Fatal(err)
	}
	out := make([]bool, len(ss.CellXfs.Xf))
	for i, xf := range ss.CellXfs.Xf {
		out[i] = xf.QuotePrefix == "1" || xf.QuotePrefix == "true"
	}
	return out
}

// checkQuotePrefix opens a workbook and checks every cell: one whose text
// starts with = + - @, a tab or a CR has a quote-prefix style, no other cell
// has one. It returns the formula-like cells found.
func checkQuotePrefix(t *testing.T, name string, b []byte) []string {
	t.Helper()
	qp := quotePrefixes(t, b)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var found []string
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				id, err := f.GetCellStyle(sheet, ref)
				if err != nil || id < 0 || id >= len(qp) {
					t.Fatalf("%s %s!%s: style %d of %d: %v", name, sheet, ref, id, len(qp), err)
				}
				if fm, _ := f.GetCellFormula(sheet, ref); fm != "" {
					t.Errorf("%s %s!%s is a formula: %q", name, sheet, ref, fm)
				}
				want := strings.ContainsRune("=+-@\t\r", rune(v[0]))
				if qp[id] != want {
					t.Errorf("%s %s!%s %q: quote prefix %v, want %v", name, sheet, ref, v, qp[id], want)
				}
				if want {
					found = append(found, sheet+"!"+ref)
				}
			}
		}
	}
	return found
}

// TestQuotePrefix: document text that starts like a formula carries the
// quote-prefix style in the report workbook, the CAIQ export and the
// portfolio, read back from the files.
func TestQuotePrefix(t *testing.T) {
	res, docs := loadSample(t)
	res.Vendor = "@SUM(1+1)"
	starts := []string{"=1+1", "+44 20 7946 0000", "-cmd", "@A1", "\tTAB", "\rCR"}
	q := docs.Questionnaire
	for i, s := range starts {
		q.Items[i].Answer = s
		q.Items[i].Notes = s + " note"
	}
	docs.Agreements[0].Clauses[0].Text = "=HYPERLINK(\"http://x\",\"y\")"
	docs.Agreements[0].Clauses[1].Heading = "-- heading"
	var x bytes.Buffer
	if err := WriteOptions(&x, "xlsx", res, Options{Docs: docs}); err != nil {
		t.Fatal(err)
	}
	found := checkQuotePrefix(t, "xlsx", x.Bytes())
	// vendor, 6 answers, 6 notes, a clause text, a heading.
	if len(found) < 15 {
		t.Errorf("xlsx: %d formula-like cells found, want at least 15: %v", len(found), found)
	}
	for _, want := range []string{"Summary!B2", "Questionnaire!D2", "Questionnaire!H7", "Clauses!F2", "Clauses!C3"} {
		if !strings.Contains(strings.Join(found, " ")+" ", want+" ") {
			t.Errorf("xlsx: %s not among the quote-prefixed cells %v", want, found)
		}
	}

	res.Matrix[0].Title = "=evil domain title"
	var c bytes.Buffer
	if err := WriteOptions(&c, "caiq", res, Options{}); err != nil {
		t.Fatal(err)
	}
	if found := checkQuotePrefix(t, "caiq", c.Bytes()); len(found) != 1 || found[0] != SheetCAIQ+"!B2" {
		t.Errorf("caiq: quote-prefixed cells %v, want [%s!B2]", found, SheetCAIQ)
	}

	p := samplePortfolio(t)
	p.Vendors[2].Err = "-x.pdf: damaged"
	var pf bytes.Buffer
	if err := WritePortfolio(&pf, "xlsx", p); err != nil {
		t.Fatal(err)
	}
	found = checkQuotePrefix(t, "portfolio", pf.Bytes())
	for _, want := range []string{"Vendors!B2", "Heatmap!A2", "Failed!B2"} {
		if !strings.Contains(strings.Join(found, " ")+" ", want+" ") {
			t.Errorf("portfolio: %s not among the quote-prefixed cells %v", want, found)
		}
	}
}

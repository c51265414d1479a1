package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/xuri/excelize/v2"
)

// TestPartialInEveryFormat: a result whose agreement was read in part
// says so in every format, names the pages and why, and suggests --ocr;
// a whole result says nothing of it.
func TestPartialInEveryFormat(t *testing.T) {
	res, _ := loadSample(t)
	whole := map[string]string{}
	for _, f := range []string{"text", "md", "html"} {
		var b bytes.Buffer
		if err := Write(&b, f, res); err != nil {
			t.Fatal(err)
		}
		whole[f] = b.String()
	}
	for i := range res.Inputs {
		if res.Inputs[i].Kind == "agreement" {
			res.Inputs[i].Partial = true
			res.Inputs[i].UnreadPages = []extract.UnreadPage{
				{Page: 3, Reason: "an image without a text layer: a scan?"},
				{Page: 4, Reason: "an image without a text layer: a scan?"},
				{Page: 59, Reason: "garbled text layer: only 12% of the text reads as words"},
			}
		}
	}
	want := []string{"pages 3-4: an image without a text layer: a scan?; page 59: garbled text layer: only 12%", "pages 3-4, 59 of samples", "--ocr"}
	for _, tt := range []struct{ format, label string }{
		{"text", "Partial result: "},
		{"md", "> **Partial result.** "},
		{"html", "<strong>Partial result.</strong> "},
		{"json", `"partial": true`},
	} {
		var b bytes.Buffer
		if err := Write(&b, tt.format, res); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if tt.format == "json" {
			want := []string{`"unread_pages": [`, `"page": 59`, `"reason": "garbled text layer: only 12% of the text reads as words"`}
			for _, w := range append(want, tt.label) {
				if !strings.Contains(out, w) {
					t.Errorf("json lacks %q", w)
				}
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := compileSchema(t).Validate(inst); err != nil {
				t.Errorf("partial JSON does not match the schema: %v", err)
			}
			continue
		}
		out = strings.ReplaceAll(out, "../samples", "samples")
		for _, w := range append(want, tt.label) {
			if !strings.Contains(out, w) {
				t.Errorf("%s lacks %q", tt.format, w)
			}
		}
		if strings.Contains(whole[tt.format], "artial result") {
			t.Errorf("%s of a whole result mentions a partial result", tt.format)
		}
	}
	var tb bytes.Buffer
	if err := Write(&tb, "text", res); err != nil {
		t.Fatal(err)
	}
	if head, _, _ := strings.Cut(tb.String(), "\n\nResponsibility"); !strings.Contains(head, "  ! partial result: pages 3-4, 59") {
		t.Errorf("text report does not flag the partial input under the inputs:\n%s", head)
	}

	// xlsx: the Summary sheet.
	var x bytes.Buffer
	if err := Write(&x, "xlsx", res); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(SheetSummary)
	found := false
	for _, r := range rows {
		if len(r) == 2 && r[0] == "partial result" && strings.Contains(r[1], "pages 3-4, 59") && strings.Contains(r[1], "--ocr") {
			found = true
		}
	}
	if !found {
		t.Errorf("xlsx Summary lacks the partial row: %q", rows)
	}

	// The batch portfolio: the vendor is marked in every format.
	p := &Portfolio{Vendors: []PortfolioVendor{PortfolioEntry(res)}}
	if !strings.Contains(p.Line(), "1 assessed on part of their pages") {
		t.Errorf("portfolio line %q", p.Line())
	}
	for _, format := range []string{"csv", "html"} {
		var b bytes.Buffer
		if err := WritePortfolio(&b, format, p); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "pages 3-4, 59") || !strings.Contains(b.String(), "--ocr") {
			t.Errorf("portfolio %s does not name the unread pages", format)
		}
	}
	var px bytes.Buffer
	if err := WritePortfolio(&px, "xlsx", p); err != nil {
		t.Fatal(err)
	}
	pf, err := excelize.OpenReader(&px)
	if err != nil {
		t.Fatal(err)
	}
	vrows, _ := pf.GetRows("Vendors")
	if len(vrows) < 2 || vrows[0][len(vrows[0])-1] != "partial" || !strings.Contains(vrows[1][len(vrows[1])-1], "pages 3-4, 59") {
		t.Errorf("portfolio xlsx Vendors: %q", vrows)
	}
}

// TestWarningsInEveryFormat: what the reader found wrong with an
// agreement's text (lost ligatures) is said in every format, as a partial
// result is, and the JSON carries it under the input.
func TestWarningsInEveryFormat(t *testing.T) {
	res, _ := loadSample(t)
	const w = "font Carlito: 626 ligature glyphs (fi, ti, ff ...) are read as their first letter alone"
	for i := range res.Inputs {
		if res.Inputs[i].Kind == "agreement" {
			res.Inputs[i].Warnings = []string{w}
		}
	}
	for _, format := range []string{"text", "md", "html", "json"} {
		var b bytes.Buffer
		if err := Write(&b, format, res); err != nil {
			t.Fatal(err)
		}
		want := w + "; findings may miss terms written in the damaged words"
		if format == "json" {
			want = `"warnings": [`
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := compileSchema(t).Validate(inst); err != nil {
				t.Errorf("JSON with warnings does not match the schema: %v", err)
			}
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%s lacks %q", format, want)
		}
	}

	// A page whose reading order is in doubt: said in every format, on its
	// own (its words are whole, not damaged).
	res, _ = loadSample(t)
	order := extract.ReadingOrderWarning + " on page 2 (a block drawn out of place, or text over text)"
	for i := range res.Inputs {
		if res.Inputs[i].Kind == "agreement" {
			res.Inputs[i].Warnings = []string{order}
		}
	}
	for _, format := range []string{"text", "md", "html"} {
		var b bytes.Buffer
		if err := Write(&b, format, res); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), order) || strings.Contains(b.String(), order+"; findings may miss") {
			t.Errorf("%s: the reading-order warning is missing or called damage:\n%s", format, b.String())
		}
	}
}

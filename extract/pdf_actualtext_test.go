package extract

import "testing"

// actualTextSeed is a seed of FuzzPDF: a CID TrueType font whose
// ToUnicode CMap maps its ff glyph to U+0000, its program's cmap, and
// ActualText spans (by dictionary and by a /Properties name).
func actualTextSeed() []byte {
	cmap := "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
		"3 beginbfchar <0001> <0065> <0002> <0066> <0003> <0000> endbfchar endcmap"
	prog := sfntProgram(map[string][]byte{"cmap": cmapTable(3, 1, format4(map[rune]uint16{'e': 1, 'f': 2, 0xFB03: 3}))})
	return onePage("<< /Font << /F1 5 0 R >> /Properties << /P0 << /ActualText (ff) >> >> >>",
		"BT /F1 10 Tf 72 700 Td <0001> Tj /Span <</ActualText (ff)>> BDC <0003> Tj EMC /Span /P0 BDC /P BMC <00030001> Tj EMC EMC ET",
		"<< /Type /Font /Subtype /Type0 /BaseFont /BAAAAA+Sans /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 6 0 R >>",
		stream("", cmap),
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BAAAAA+Sans /CIDToGIDMap /Identity /DW 1000 /FontDescriptor 8 0 R >>",
		"<< /Type /FontDescriptor /FontName /BAAAAA+Sans /Flags 32 /FontFile2 9 0 R >>",
		stream("", string(prog)))
}

// TestWalkerActualText: an /ActualText span takes the place of its
// glyphs only when their text was lost (U+FFFD); glyphs that read well
// are kept whatever the span says. Properties named in the resources,
// nesting and unbalanced operators.
func TestWalkerActualText(t *testing.T) {
	// F1: CID font, glyph 1 "e", 2 "f", 3 mapped to U+0000 (read U+FFFD).
	cmap := "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
		"3 beginbfchar <0001> <0065> <0002> <0066> <0003> <0000> endbfchar endcmap"
	font := []string{
		"<< /Type /Font /Subtype /Type0 /BaseFont /BAAAAA+Sans /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 6 0 R >>",
		stream("", cmap),
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BAAAAA+Sans /CIDToGIDMap /Identity /DW 1000 >>",
		helv,
	}
	res := "<< /Font << /F1 5 0 R /F2 8 0 R >> /Properties << /P0 << /ActualText (ff) >> >> >>"
	for _, tt := range []struct {
		name, content, want string
	}{
		{"lost glyph replaced", "BT /F1 10 Tf 72 700 Td <0001> Tj /Span <</ActualText (ff)>> BDC <0003> Tj EMC <0001> Tj ET", "effe"},
		{"properties by name", "BT /F1 10 Tf 72 700 Td <0001> Tj /Span /P0 BDC <0003> Tj EMC <0001> Tj ET", "effe"},
		{"UTF-16 ActualText", "BT /F1 10 Tf 72 700 Td <0001> Tj /Span <</ActualText <FEFF00660066>>> BDC <0003> Tj EMC <0001> Tj ET", "effe"},
		{"readable glyphs kept", "BT /F2 10 Tf 72 700 Td /Span <</ActualText (XY)>> BDC (ab) Tj EMC (c) Tj ET", "abc"},
		{"nested span: the outer one", "BT /F1 10 Tf 72 700 Td /Span <</ActualText (eff)>> BDC <0001> Tj /Span <</ActualText (zz)>> BDC <0003> Tj EMC EMC <0001> Tj ET", "effe"},
		{"marked content inside the span", "BT /F1 10 Tf 72 700 Td /Span <</ActualText (ff)>> BDC /P BMC <0003> Tj EMC EMC <0001> Tj ET", "ffe"},
		{"blank ActualText: glyphs kept", "BT /F1 10 Tf 72 700 Td /Span <</ActualText ( )>> BDC <0003> Tj EMC <0001> Tj ET", "\uFFFDe"},
		{"span left open at the page's end", "BT /F1 10 Tf 72 700 Td <0001> Tj /Span <</ActualText (ff)>> BDC <0003> Tj ET", "eff"},
		{"EMC without a span", "BT /F1 10 Tf 72 700 Td EMC EMC <0001> Tj /Span <</ActualText (ff)>> BDC <0003> Tj EMC ET", "eff"},
		{"span with no glyph", "BT /F1 10 Tf 72 700 Td <0001> Tj /Span <</ActualText (ff)>> BDC EMC <0001> Tj ET", "ee"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := walkBytes(t, onePage(res, tt.content, font...)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWalkerActualTextLong: a span of more glyphs than maxSpanGlyphs is
// written as drawn, every glyph once.
func TestWalkerActualTextLong(t *testing.T) {
	n := maxSpanGlyphs + 10
	s := make([]byte, n)
	for i := range s {
		s[i] = 'a'
	}
	content := "BT /F1 0.1 Tf 10 10 Td /Span <</ActualText (x)>> BDC (" + string(s) + ") Tj EMC ET"
	got := walkBytes(t, onePage("<< /Font << /F1 5 0 R >> >>", content, helv))
	if len(got) != n {
		t.Errorf("got %d characters, want %d", len(got), n)
	}
}

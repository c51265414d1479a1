package extract

import (
	"bytes"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestGlyphNameText(t *testing.T) {
	for _, tt := range []struct {
		name, want string
		ok         bool
	}{
		{"a", "a", true},
		{"T", "T", true},
		{"fi", "fi", true},
		{"ffl", "ffl", true},
		{"f_i", "fi", true},
		{"f_f_i", "ffi", true},
		{"t_i", "ti", true},
		{"T_h", "Th", true},
		{"ti", "ti", true},
		{"f_i.liga", "fi", true},
		{"fi.alt2", "fi", true},
		{"uniFB01", "\uFB01", true},
		{"uni00660069", "fi", true},
		{"uni0066006a", "fj", true},
		{"u1F600", "\U0001F600", true},
		{"u0074_u0069", "ti", true},
		{"f_uni0069", "fi", true},
		{"hyphen", "-", true},
		{"quoteright", "\u2019", true},
		{"space", " ", true},
		{"zero", "0", true},
		{".notdef", "", false},
		{"", "", false},
		{"g12", "", false},
		{"Delta", "", false},   // a real AGL name, but not in the short table
		{"f_g12", "", false},   // one component unread: the whole name is
		{"uniD800", "", false}, // a surrogate
		{"uni0066006", "", false},
		{"uniXYZW", "", false},
		{"u110000", "", false},
		{"u12", "", false},
		{"uni0009", "", false}, // a control character
		{"_", "", false},
	} {
		got, ok := glyphNameText(tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("glyphNameText(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestLostText(t *testing.T) {
	for _, tt := range []struct {
		cmap, glyph string
		lost        bool
	}{
		{"", "fi", true},
		{"\uFFFD", "fi", true},
		{" ", "ti", true},
		{"f", "fi", true},
		{"f", "ffi", true},
		{"t", "ti", true},
		{"T", "Th", true},
		{"fi", "fi", false},
		{"\uFB01", "fi", false}, // a real mapping is kept
		{"ff", "ffi", false},    // two letters: not a truncation
		{"x", "fi", false},      // another letter: the CMap says otherwise
		{"f", "f", false},
		{" ", " ", false}, // a space named space
		{"a", "", false},
		{"", "", false},
	} {
		if got := lostText(tt.cmap, tt.glyph); got != tt.lost {
			t.Errorf("lostText(%q, %q) = %v, want %v", tt.cmap, tt.glyph, got, tt.lost)
		}
	}
}

// TestWalkerGlyphNames: a TrueType font whose ToUnicode CMap lost its
// ligature glyphs (no entry, an empty one, a space, the first letter
// only) while /Differences names them; and a font with no ToUnicode.
func TestWalkerGlyphNames(t *testing.T) {
	cmap := "begincmap 1 begincodespacerange <00> <FF> endcodespacerange\n" +
		"8 beginbfchar <61> <0061> <63> <0063> <6E> <006E> <6F> <006F> <74> <0074> <79> <0079> <66> <0066> <76> <0076> endbfchar\n" +
		"3 beginbfchar <81> <> <82> <0020> <83> <0066> endbfchar\n" +
		"1 beginbfchar <84> <FB02> endbfchar endcmap"
	// <80> t_i has no entry; <81> f_i maps to nothing, <82> uniFB00 to a
	// space, <83> f_f_i to "f" alone; <84> is named fi but maps to ﬂ (a
	// real mapping, kept).
	font := "<< /Type /Font /Subtype /TrueType /BaseFont /X /FirstChar 97 /LastChar 132 /ToUnicode 6 0 R " +
		"/Encoding << /BaseEncoding /WinAnsiEncoding /Differences [128 /t_i /f_i /uniFB00 /f_f_i.liga /fi] >> >>"
	noCMap := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [128 /T_h /u0066_u0074] >> >>"
	b := onePage("<< /Font << /F1 5 0 R /F2 7 0 R >> >>",
		"BT /F1 12 Tf 72 700 Td <6E6F806679> Tj ET BT /F1 12 Tf 72 680 Td <6163807681> Tj ET "+
			"BT /F1 12 Tf 72 660 Td <6F82> Tj ET BT /F1 12 Tf 72 640 Td <6F8383> Tj ET BT /F1 12 Tf 72 620 Td <84> Tj ET "+
			"BT /F2 12 Tf 72 600 Td <80> Tj ET BT /F2 12 Tf 72 580 Td (le) Tj <81> Tj ET",
		font, stream("", cmap), noCMap)
	want := "notify\nactivfi\noff\noffiffi\nfl\nTh\nleft"
	if got := NormalizeText(walkBytes(t, b)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTruncatedLigatures(t *testing.T) {
	cm := parseCMap([]byte("begincmap 1 begincodespacerange <00> <FF> endcodespacerange\n" +
		"9 beginbfchar <01> <0066> <02> <0066> <03> <0074> <04> <0074> <05> <0073> <06> <0073> <07> <0066> <08> <0066> <09> <00660069> endbfchar endcmap"))
	for _, tt := range []struct {
		name   string
		widths map[uint32]float64
		want   []uint32
	}{
		{"f and t ligatures", map[uint32]float64{1: 0.305, 2: 0.529, 3: 0.334, 4: 0.557, 9: 0.529}, []uint32{2, 4}},
		{"an alternate f barely wider", map[uint32]float64{1: 0.305, 7: 0.33}, nil},
		{"s is not a ligature start", map[uint32]float64{5: 0.391, 6: 0.6}, nil},
		{"one f only", map[uint32]float64{2: 0.529}, nil},
		{"width unknown", map[uint32]float64{1: 0.305}, nil},
		{"zero width ignored", map[uint32]float64{1: 0, 2: 0.529, 8: 0.3}, []uint32{2}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Sorted(maps.Keys(truncatedLigatures(cm, tt.widths)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	many := map[uint32]float64{1: 0.305, 2: 0.529}
	for c := uint32(0x100); len(many) <= maxLigatureCheck; c++ {
		many[c] = 0.5
	}
	if got := truncatedLigatures(cm, many); got != nil {
		t.Errorf("more than maxLigatureCheck widths: got %v, want nil", got)
	}
	if truncatedLigatures(nil, map[uint32]float64{1: 1}) != nil {
		t.Error("no CMap: want nil")
	}
}

// TestPDFLigatureWarning: a font mapping its fi glyph to "f" alone,
// with no glyph names, reads "notfes" and says so in Agreement.Warnings;
// the same font drawing no ligature warns of nothing. A simple font and
// a CID font (2-byte codes, widths from /W).
func TestPDFLigatureWarning(t *testing.T) {
	const chars = "<01> <006E> <02> <006F> <03> <0074> <04> <0066> <05> <0065> <06> <0073> <07> <0066> <08> <0020>"
	simpleCMap := "begincmap 1 begincodespacerange <00> <FF> endcodespacerange\n8 beginbfchar " + chars + " endbfchar endcmap"
	cidCMap := "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n8 beginbfchar " +
		regexp.MustCompile(`<(0\d)> `).ReplaceAllString(chars, "<00$1> ") + " endbfchar endcmap"
	simple := "<< /Type /Font /Subtype /TrueType /BaseFont /CAAAAA+Carlito /FirstChar 1 /LastChar 8 " +
		"/Widths [527 527 334 305 498 391 529 226] /ToUnicode 6 0 R >>"
	cid := "<< /Type /Font /Subtype /Type0 /BaseFont /CAAAAA+Carlito /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 6 0 R >>"
	desc := "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /CAAAAA+Carlito /DW 1000 /W [1 [527 527 334 305 498 391 529 226]] >>"
	// "notfes" (n o t fi e s, fi mapped to "f") and "note", a word apart.
	notfes, note := "01020307050608", "0102030508"
	two := func(hex string) string {
		var b strings.Builder
		for i := 0; i < len(hex); i += 2 {
			b.WriteString("00" + hex[i:i+2])
		}
		return b.String()
	}
	for _, tt := range []struct {
		name, text string
		cid        bool
		warn       bool
	}{
		{"simple font, ligature drawn", notfes, false, true},
		{"simple font, no ligature drawn", note, false, false},
		{"CID font, ligature drawn", notfes, true, true},
		{"CID font, no ligature drawn", note, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text, objs := tt.text, []string{simple, stream("", simpleCMap)}
			if tt.cid {
				text, objs = two(text), []string{cid, stream("", cidCMap), desc}
			}
			b := onePage("<< /Font << /F1 5 0 R >> >>", "BT /F1 10 Tf 72 700 Td <"+strings.Repeat(text, 12)+"> Tj ET", objs...)
			doc, err := parsePDF("t.pdf", bytes.NewReader(b), int64(len(b)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			w := doc.Agreement.Warnings
			if !tt.warn {
				if w != nil {
					t.Errorf("warnings %q, want none", w)
				}
				return
			}
			if len(w) != 1 || !strings.HasPrefix(w[0], "font Carlito: 12 ligature glyphs") {
				t.Errorf("warnings %q, want one for Carlito, 12 glyphs", w)
			}
			if !strings.Contains(doc.Agreement.Pages[0].Text, "notfes") {
				t.Errorf("text %q: the ligature is not guessed", doc.Agreement.Pages[0].Text)
			}
		})
	}
}

// TestLigatureGuess: ligature glyphs mapped to their first letter alone
// get the letters their widths make likeliest, no two the same (widths
// of an invented font with kerned ligatures: fi and fl as wide, ff and ft
// narrower than their letters).
func TestLigatureGuess(t *testing.T) {
	cm := parseCMap([]byte("begincmap 1 begincodespacerange <00> <FF> endcodespacerange\n" +
		"11 beginbfchar <01> <0066> <02> <0069> <03> <006C> <04> <0074> <10> <0066> <11> <0066> <12> <0066> <13> <0066> <14> <0066> <20> <0074> <21> <0074> endbfchar endcmap"))
	widths := map[uint32]float64{1: 0.305, 2: 0.229, 3: 0.229, 4: 0.334,
		0x10: 0.529, 0x11: 0.529, 0x12: 0.583, 0x13: 0.615, 0x14: 0.807, 0x20: 0.557, 0x21: 0.634}
	got := truncatedLigatures(cm, widths)
	want := map[uint32]string{0x10: "fi", 0x11: "fl", 0x12: "ff", 0x13: "ft", 0x14: "ffi", 0x20: "ti", 0x21: "tt"}
	if !maps.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// One ligature alone: the nearest letters; one too wide for any: none.
	one := map[uint32]float64{1: 0.305, 2: 0.229, 3: 0.229, 0x12: 0.6}
	if g := truncatedLigatures(cm, one); g[0x12] != "ff" {
		t.Errorf("ff alone: got %q", g[0x12])
	}
	wide := map[uint32]float64{1: 0.305, 2: 0.229, 0x12: 1.5}
	if g := truncatedLigatures(cm, wide); g[0x12] != "f" {
		t.Errorf("no fit: got %q, want the first letter alone", g[0x12])
	}
}

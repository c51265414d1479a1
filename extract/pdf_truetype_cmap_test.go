package extract

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// sfntProgram builds a TrueType program of the given tables (tag → data),
// in tag order.
func sfntProgram(tables map[string][]byte) []byte {
	be := binary.BigEndian
	tags := slices.Sorted(maps.Keys(tables))
	b := be.AppendUint32(nil, 0x00010000)
	b = be.AppendUint16(b, uint16(len(tags)))
	b = append(b, make([]byte, 6)...)
	off := 12 + 16*len(tags)
	for _, tag := range tags {
		b = append(b, tag...)
		b = be.AppendUint32(b, 0)
		b = be.AppendUint32(b, uint32(off))
		b = be.AppendUint32(b, uint32(len(tables[tag])))
		off += len(tables[tag])
	}
	for _, tag := range tags {
		b = append(b, tables[tag]...)
	}
	return b
}

// cmapTable builds a cmap table of one subtable under (pid, eid).
func cmapTable(pid, eid uint16, sub []byte) []byte {
	be := binary.BigEndian
	b := be.AppendUint16(nil, 0)
	b = be.AppendUint16(b, 1)
	b = be.AppendUint16(b, pid)
	b = be.AppendUint16(b, eid)
	b = be.AppendUint32(b, 12)
	return append(b, sub...)
}

// format4 builds a cmap subtable of format 4 mapping each code point of
// m (BMP) to its glyph: one segment a code point, by idDelta, and the
// closing 0xFFFF segment.
func format4(m map[rune]uint16) []byte {
	be := binary.BigEndian
	codes := slices.Sorted(maps.Keys(m))
	segs := len(codes) + 1
	b := be.AppendUint16(nil, 4)
	b = be.AppendUint16(b, uint16(16+8*segs))
	b = be.AppendUint16(b, 0)
	b = be.AppendUint16(b, uint16(2*segs))
	b = append(b, make([]byte, 6)...) // searchRange, entrySelector, rangeShift
	for _, c := range codes {
		b = be.AppendUint16(b, uint16(c))
	}
	b = be.AppendUint16(b, 0xFFFF)
	b = be.AppendUint16(b, 0) // reservedPad
	for _, c := range codes {
		b = be.AppendUint16(b, uint16(c))
	}
	b = be.AppendUint16(b, 0xFFFF)
	for _, c := range codes {
		b = be.AppendUint16(b, m[c]-uint16(c))
	}
	b = be.AppendUint16(b, 1)
	return append(b, make([]byte, 2*segs)...) // idRangeOffset 0
}

// format12 builds a cmap subtable of format 12 of groups (start, end,
// first glyph).
func format12(groups ...[3]uint32) []byte {
	be := binary.BigEndian
	b := be.AppendUint16(nil, 12)
	b = be.AppendUint16(b, 0)
	b = be.AppendUint32(b, uint32(16+12*len(groups)))
	b = be.AppendUint32(b, 0)
	b = be.AppendUint32(b, uint32(len(groups)))
	for _, g := range groups {
		b = be.AppendUint32(b, g[0])
		b = be.AppendUint32(b, g[1])
		b = be.AppendUint32(b, g[2])
	}
	return b
}

// postTable builds a post table of format 2 naming every glyph by a
// custom name ("" for .notdef, standard index 0).
func postTable(names ...string) []byte {
	be := binary.BigEndian
	b := be.AppendUint32(nil, 0x00020000)
	b = append(b, make([]byte, 28)...)
	b = be.AppendUint16(b, uint16(len(names)))
	k := uint16(258)
	var custom []string
	for _, n := range names {
		if n == "" {
			b = be.AppendUint16(b, 0)
			continue
		}
		b = be.AppendUint16(b, k)
		k++
		custom = append(custom, n)
	}
	for _, n := range custom {
		b = append(b, byte(len(n)))
		b = append(b, n...)
	}
	return b
}

func TestGlyphUnicode(t *testing.T) {
	for _, tt := range []struct {
		name string
		sub  []byte
		want map[uint16]string
	}{
		{"format 4", format4(map[rune]uint16{'e': 1, 'f': 2, 0xFB00: 3, 0xFB03: 4, 0xFB04: 5, ' ': 6, 0xA0: 6}),
			map[uint16]string{1: "e", 2: "f", 3: "ff", 4: "ffi", 5: "ffl", 6: " "}},
		{"format 4, lowest code point wins", format4(map[rune]uint16{0x2126: 7, 0x3A9: 7}), map[uint16]string{7: "\u03A9"}},
		{"format 4, private use and controls not read", format4(map[rune]uint16{0xE000: 1, 0x09: 2, 0xF001: 3, 'a': 4}),
			map[uint16]string{4: "a"}},
		{"format 12", format12([3]uint32{'a', 'c', 10}, [3]uint32{0x1F600, 0x1F600, 20}, [3]uint32{0xFB01, 0xFB02, 30}),
			map[uint16]string{10: "a", 11: "b", 12: "c", 20: "\U0001F600", 30: "fi", 31: "fl"}},
		{"format 12, past U+10FFFF and glyph 0xFFFF", format12([3]uint32{0x10FFFF, 0x110005, 1}, [3]uint32{'x', 'y', 0xFFFF}),
			map[uint16]string{}},
		{"format 6 not read", []byte{0, 6, 0, 12, 0, 0, 0, 'a', 0, 1, 0, 5}, nil},
		{"format 4, header only", format4(map[rune]uint16{'a': 1})[:14], nil},
		{"format 4, glyph array past the table", func() []byte {
			b := format4(map[rune]uint16{'a': 1})
			binary.BigEndian.PutUint16(b[len(b)-4:], 200) // idRangeOffset of 'a' points past the end
			return b
		}(), map[uint16]string{}},
		{"empty", nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := glyphUnicode(tt.sub)
			if !maps.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestUnicodeSubtable(t *testing.T) {
	f4 := format4(map[rune]uint16{'a': 1})
	f12 := format12([3]uint32{'a', 'a', 2})
	two := func(a, b []byte, ea, eb uint16) []byte {
		be := binary.BigEndian
		t := be.AppendUint16(nil, 0)
		t = be.AppendUint16(t, 2)
		t = be.AppendUint16(t, 3)
		t = be.AppendUint16(t, ea)
		t = be.AppendUint32(t, 20)
		t = be.AppendUint16(t, 3)
		t = be.AppendUint16(t, eb)
		t = be.AppendUint32(t, uint32(20+len(a)))
		return append(append(t, a...), b...)
	}
	for _, tt := range []struct {
		name  string
		cmap  []byte
		glyph uint16 // the glyph of 'a' by the subtable chosen; 0 for none
	}{
		{"(3,1) format 4", cmapTable(3, 1, f4), 1},
		{"(0,3) format 4", cmapTable(0, 3, f4), 1},
		{"(3,10) format 12 before (3,1)", two(f4, f12, 1, 10), 2},
		{"(3,0) symbol not read", cmapTable(3, 0, f4), 0},
		{"(1,0) Macintosh not read", cmapTable(1, 0, f4), 0},
		{"offset past the table", func() []byte { b := cmapTable(3, 1, f4); return b[:12] }(), 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got uint16
			for g, s := range glyphUnicode(unicodeSubtable(tt.cmap)) {
				if s == "a" {
					got = g
				}
			}
			if got != tt.glyph {
				t.Errorf("glyph of 'a' %d, want %d", got, tt.glyph)
			}
		})
	}
}

// TestTrueTypeNamesCID: a CID font's program read by its Unicode cmap
// first and its post names for the glyphs the cmap leaves out.
func TestTrueTypeNamesCID(t *testing.T) {
	prog := sfntProgram(map[string][]byte{
		"cmap": cmapTable(3, 1, format4(map[rune]uint16{'e': 1, 'f': 2, 0xFB00: 3})),
		"post": postTable("", "eee", "f", "f_f.liga", "f_f_i", "g5"),
	})
	for _, tt := range []struct {
		name string
		gids []byte
		want map[uint32]string
	}{
		{"Identity", nil, map[uint32]string{1: "e", 2: "f", 3: "ff", 4: "ffi"}},
		{"CIDToGIDMap", []byte{0, 0, 0, 4, 0, 3, 0, 5, 0, 1}, map[uint32]string{1: "ffi", 2: "ff", 4: "e"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := trueTypeNames(prog, true, tt.gids); !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	// A format 3 post table (no names): the cmap alone.
	post3 := binary.BigEndian.AppendUint32(nil, 0x00030000)
	prog = sfntProgram(map[string][]byte{"cmap": cmapTable(0, 3, format4(map[rune]uint16{0xFB03: 9})), "post": append(post3, make([]byte, 28)...)})
	if got, want := trueTypeNames(prog, true, nil), map[uint32]string{9: "ffi"}; !maps.Equal(got, want) {
		t.Errorf("post format 3: got %v, want %v", got, want)
	}
}

func FuzzGlyphUnicode(f *testing.F) {
	f.Add(cmapTable(3, 1, format4(map[rune]uint16{'e': 1, 0xFB00: 3})))
	f.Add(cmapTable(3, 10, format12([3]uint32{'a', 'z', 1}, [3]uint32{0, 0xFFFFFFFF, 0})))
	f.Add(cmapTable(0, 3, format4(map[rune]uint16{0xFFFE: 1, 0xE000: 2})))
	f.Fuzz(func(t *testing.T, cmap []byte) {
		m := glyphUnicode(unicodeSubtable(cmap))
		if len(m) > 0xFFFF {
			t.Fatalf("%d glyphs", len(m))
		}
		for g, s := range m {
			if g == 0 || s == "" || strings.ContainsRune(s, '\uFFFD') {
				t.Fatalf("glyph %d → %q", g, s)
			}
		}
	})
}

// TestPDFCIDLigatures: a CID TrueType font (Identity-H) whose ToUnicode
// CMap maps its ff glyph to U+0000, as Google Docs writes it. The text is
// read from the embedded program's cmap or GSUB, or from an /ActualText span
// around the glyph; where neither reads it, the page's text keeps U+FFFD
// and Agreement.Warnings names the page.
func TestPDFCIDLigatures(t *testing.T) {
	// Glyphs: 1 e, 2 f, 3 ff, 4 c, 5 t, 6 i, 7 v, 8 space.
	cmap := "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
		"8 beginbfchar <0001> <0065> <0002> <0066> <0003> <0000> <0004> <0063> <0005> <0074> <0006> <0069> <0007> <0076> <0008> <0020> endbfchar endcmap"
	letters := map[rune]uint16{'e': 1, 'f': 2, 'c': 4, 't': 5, 'i': 6, 'v': 7, ' ': 8}
	withFF := maps.Clone(letters)
	withFF[0xFB00] = 3
	post3 := append(binary.BigEndian.AppendUint32(nil, 0x00030000), make([]byte, 28)...)
	program := func(m map[rune]uint16) string {
		return string(sfntProgram(map[string][]byte{"cmap": cmapTable(3, 1, format4(m)), "post": post3}))
	}
	// "effective effective", the ff drawn as glyph 3, word by word as
	// Google Docs places glyphs (Td between single-glyph Tj).
	word := func(actual bool) string {
		var b strings.Builder
		for _, g := range []string{"0001", "0003", "0001", "0004", "0005", "0006", "0007", "0001"} {
			if g == "0003" && actual {
				b.WriteString("/Span <</ActualText (ff)>> BDC <0003> Tj EMC 10 0 Td ")
				continue
			}
			b.WriteString("<" + g + "> Tj 10 0 Td ")
		}
		return b.String()
	}
	// Two lines of two words, then prose in Helvetica (the gate wants
	// running text, and few replacement characters).
	const prose = "The Provider shall use reasonable measures to protect the data of the Customer at all times."
	content := func(actual bool) string {
		var b strings.Builder
		for i := range 2 {
			fmt.Fprintf(&b, "BT /F1 10 Tf 72 %d Td %s10 0 Td %sET\n", 700-14*i, word(actual), word(false))
		}
		for i := range 30 {
			fmt.Fprintf(&b, "BT /F2 10 Tf 72 %d Td (%s) Tj ET\n", 672-14*i, prose)
		}
		return b.String()
	}
	lines := func(s string) string {
		return strings.Repeat(s+"\n", 2) + strings.TrimSuffix(strings.Repeat(prose+"\n", 30), "\n")
	}
	for _, tt := range []struct {
		name    string
		prog    string
		actual  bool
		want    string
		warning string
		noCMap  bool // the font has no ToUnicode CMap
	}{
		{"program's cmap reads the ligature", program(withFF), false, lines("effective effective"), "", false},
		{"program's GSUB reads the ligature by its components", string(sfntProgram(map[string][]byte{
			"cmap": cmapTable(3, 1, format4(letters)), "post": post3, "GSUB": gsubTable(false, 1, []uint16{3, 2, 2}),
		})), false, lines("effective effective"), "", false},
		{"ActualText reads it, the program does not", program(letters), true, lines("effective e\uFFFDective"),
			"page 1: 2 characters could not be read (U+FFFD)", false},
		{"neither reads it", program(letters), false, lines("e\uFFFDective e\uFFFDective"),
			"page 1: 4 characters could not be read (U+FFFD)", false},
		{"no font program, ActualText", "", true, lines("effective e\uFFFDective"), "page 1: 2 characters could not be read (U+FFFD)", false},
		{"no ToUnicode: the program's cmap reads every glyph", program(withFF), false, lines("effective effective"), "", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fd := "<< /Type /FontDescriptor /FontName /BAAAAA+Sans /Flags 32 >>"
			prog := "null"
			if tt.prog != "" {
				fd = "<< /Type /FontDescriptor /FontName /BAAAAA+Sans /Flags 32 /FontFile2 9 0 R >>"
				prog = stream("", tt.prog)
			}
			tounicode := "/ToUnicode 6 0 R"
			if tt.noCMap {
				tounicode = ""
			}
			objs := []string{
				"<< /Type /Font /Subtype /Type0 /BaseFont /BAAAAA+Sans /Encoding /Identity-H /DescendantFonts [7 0 R] " + tounicode + " >>",
				stream("", cmap),
				"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BAAAAA+Sans /CIDToGIDMap /Identity /DW 1000 /FontDescriptor 8 0 R >>",
				fd, prog, helv,
			}
			b := onePage("<< /Font << /F1 5 0 R /F2 10 0 R >> >>", content(tt.actual), objs...)
			doc, err := parsePDF("t.pdf", bytes.NewReader(b), int64(len(b)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Agreement.Pages[0].Text; got != tt.want {
				t.Errorf("text %q, want %q", got, tt.want)
			}
			w := doc.Agreement.Warnings
			if tt.warning == "" {
				if w != nil {
					t.Errorf("warnings %q, want none", w)
				}
			} else if len(w) != 1 || !strings.HasPrefix(w[0], tt.warning) {
				t.Errorf("warnings %q, want one starting %q", w, tt.warning)
			}
		})
	}
}

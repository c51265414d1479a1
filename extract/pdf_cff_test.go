package extract

import (
	"encoding/binary"
	"maps"
	"testing"
)

// cffIndexBytes writes a CFF INDEX (offsets of one byte) of items.
func cffIndexBytes(items ...string) []byte {
	b := binary.BigEndian.AppendUint16(nil, uint16(len(items)))
	if len(items) == 0 {
		return b
	}
	b = append(b, 1, 1)
	off := 1
	for _, it := range items {
		off += len(it)
		b = append(b, byte(off))
	}
	for _, it := range items {
		b = append(b, it...)
	}
	return b
}

// cffProgram builds a CFF program of glyphs glyphs with the custom
// strings strs, the charset and encoding given as bytes (nil: the
// predefined one, offset 0), and extra Top DICT bytes.
func cffProgram(glyphs int, strs []string, charset, encoding, extra []byte) []byte {
	op := func(v, o int) []byte { return append(binary.BigEndian.AppendUint32([]byte{29}, uint32(v)), byte(o)) }
	head := []byte{1, 0, 4, 1}
	names := cffIndexBytes("X")
	str := cffIndexBytes(strs...)
	gsubrs := cffIndexBytes()
	cs := make([]string, glyphs)
	for i := range cs {
		cs[i] = "\x0e" // endchar
	}
	charStrings := cffIndexBytes(cs...)
	dictLen := 3*6 + len(extra)
	topLen := len(cffIndexBytes(string(make([]byte, dictLen))))
	start := len(head) + len(names) + topLen + len(str) + len(gsubrs)
	csOff, charsetOff := start, start+len(charStrings)
	encOff := charsetOff + len(charset)
	if charset == nil {
		charsetOff = 0
	}
	if encoding == nil {
		encOff = 0
	}
	dict := append(append(append(append([]byte{}, extra...), op(charsetOff, 15)...), op(encOff, 16)...), op(csOff, 17)...)
	b := append(append(append(append(append(head, names...), cffIndexBytes(string(dict))...), str...), gsubrs...), charStrings...)
	return append(append(b, charset...), encoding...)
}

func TestCFFNames(t *testing.T) {
	// Glyphs 1-5: n (SID 79), fi (109), f_i (391), t_i (392), f (71).
	strs := []string{"f_i", "t_i", "uniFB00"}
	charset0 := []byte{0, 0, 79, 0, 109, 1, 135, 1, 136, 0, 71}
	charset1 := []byte{1, 0, 79, 0, 0, 109, 0, 1, 135, 1, 0, 71, 0} // ranges of nLeft 0 and 1
	charset2 := []byte{2, 0, 79, 0, 0, 0, 109, 0, 0, 1, 135, 0, 1, 0, 71, 0, 0}
	enc0 := []byte{0, 5, 'n', 0xAE, 0x80, 0x81, 'f'}
	enc1 := []byte{1, 2, 'n', 0, 0x80, 3} // n; 0x80-0x83 → glyphs 2-5
	want := map[uint32]string{'n': "n", 0xAE: "fi", 0x80: "fi", 0x81: "ti", 'f': "f"}
	for _, tt := range []struct {
		name string
		prog []byte
		want map[uint32]string
	}{
		{"charset 0, encoding 0", cffProgram(6, strs, charset0, enc0, nil), want},
		{"charset 1", cffProgram(6, strs, charset1, enc0, nil), want},
		{"charset 2", cffProgram(6, strs, charset2, enc0, nil), want},
		{"encoding 1", cffProgram(6, strs, charset0, enc1, nil),
			map[uint32]string{'n': "n", 0x80: "fi", 0x81: "fi", 0x82: "ti", 0x83: "f"}},
		{"supplements", cffProgram(6, strs, charset0, append([]byte{0x80, 1, 'n', 1}, 0x90, 0x01, 0x89), nil),
			map[uint32]string{'n': "n", 0x90: "\uFB00"}},
		{"standard encoding", cffProgram(6, strs, charset0, nil, nil), nil},
		{"predefined charset", cffProgram(6, strs, nil, enc0, nil), nil},
		{"CID-keyed", cffProgram(6, strs, charset0, enc0, []byte{139, 139, 139, 12, 30}), nil},
		{"cut short", cffProgram(6, strs, charset0, enc0, nil)[:30], nil},
		{"not CFF", []byte("%!PS-AdobeFont-1.0"), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := cffNames(tt.prog)
			if len(got) == 0 {
				got = nil
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestWalkerCFFNames: a Type 1 font with a CFF program whose ToUnicode
// CMap maps its f_i glyph to "f" alone.
func TestWalkerCFFNames(t *testing.T) {
	// Glyphs 1-6: n o t f_i e s; codes 1-6.
	prog := cffProgram(7, []string{"f_i"}, []byte{0, 0, 79, 0, 80, 0, 85, 1, 135, 0, 70, 0, 84}, []byte{0, 6, 1, 2, 3, 4, 5, 6}, nil)
	cmap := "begincmap 1 begincodespacerange <00> <FF> endcodespacerange\n" +
		"6 beginbfchar <01> <006E> <02> <006F> <03> <0074> <04> <0066> <05> <0065> <06> <0073> endbfchar endcmap"
	b := onePage("<< /Font << /F1 5 0 R >> >>",
		"BT /F1 12 Tf 72 700 Td <010203040506> Tj ET",
		"<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+X /FirstChar 1 /LastChar 6 /ToUnicode 6 0 R /FontDescriptor 7 0 R >>",
		stream("", cmap),
		"<< /Type /FontDescriptor /FontName /ABCDEF+X /Flags 4 /FontFile3 8 0 R >>",
		stream("/Subtype /Type1C", string(prog)))
	if got, want := walkBytes(t, b), "notfies"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzCFFNames(f *testing.F) {
	f.Add(cffProgram(6, []string{"f_i", "t_i"}, []byte{0, 0, 79, 0, 109, 1, 135, 1, 136, 0, 71}, []byte{0x80, 5, 'n', 0xAE, 0x80, 0x81, 'f', 1, 0x90, 1, 0x87}, nil))
	f.Add(cffProgram(6, []string{"f_i"}, []byte{2, 0, 79, 0, 4}, []byte{1, 1, 'a', 4}, nil))
	f.Fuzz(func(t *testing.T, b []byte) {
		for c, s := range cffNames(b) {
			if s == "" || c > 255 {
				t.Fatalf("code %d → %q", c, s)
			}
		}
	})
}

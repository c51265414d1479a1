package extract

import (
	"encoding/binary"
	"fmt"
	"maps"
	"testing"
)

// ttfProgram builds a TrueType program with a cmap table (a format 0
// subtable under platform pid, encoding 0, mapping code → glyph) and a
// post table of format 2 (glyph index → standard name index or custom
// name).
func ttfProgram(pid uint16, codes map[byte]byte, std map[int]uint16, custom []string, numGlyphs int) []byte {
	be := binary.BigEndian
	cmap := be.AppendUint16(nil, 0)
	cmap = be.AppendUint16(cmap, 1)
	cmap = be.AppendUint16(cmap, pid)
	cmap = be.AppendUint16(cmap, 0)
	cmap = be.AppendUint32(cmap, 12)
	cmap = be.AppendUint16(cmap, 0)   // format 0
	cmap = be.AppendUint16(cmap, 262) // length
	cmap = be.AppendUint16(cmap, 0)
	var glyphs [256]byte
	for c, g := range codes {
		glyphs[c] = g
	}
	cmap = append(cmap, glyphs[:]...)

	post := be.AppendUint32(nil, 0x00020000)
	post = append(post, make([]byte, 28)...)
	post = be.AppendUint16(post, uint16(numGlyphs))
	next := uint16(258)
	idx := map[int]uint16{}
	for g := 0; g < numGlyphs; g++ {
		if k, ok := std[g]; ok {
			idx[g] = k
		}
	}
	for g := 0; g < numGlyphs; g++ {
		k, ok := idx[g]
		if !ok && int(next-258) < len(custom) {
			k = next
			next++
		}
		post = be.AppendUint16(post, k)
	}
	for _, n := range custom {
		post = append(post, byte(len(n)))
		post = append(post, n...)
	}

	tables := []struct {
		tag  string
		data []byte
	}{{"cmap", cmap}, {"post", post}}
	b := be.AppendUint32(nil, 0x00010000)
	b = be.AppendUint16(b, uint16(len(tables)))
	b = append(b, make([]byte, 6)...)
	off := 12 + 16*len(tables)
	for _, t := range tables {
		b = append(b, t.tag...)
		b = be.AppendUint32(b, 0)
		b = be.AppendUint32(b, uint32(off))
		b = be.AppendUint32(b, uint32(len(t.data)))
		off += len(t.data)
	}
	for _, t := range tables {
		b = append(b, t.data...)
	}
	return b
}

func TestTrueTypeNames(t *testing.T) {
	// Glyphs: 0 .notdef, 1 f (standard name 73), 2 t_i, 3 f_i, 4 fi
	// (standard 192), 5 a glyph named "g5" (not read), 6 space (3).
	std := map[int]uint16{0: 0, 1: 73, 4: 192, 6: 3}
	custom := []string{"t_i", "f_i.liga", "g5"}
	codes := map[byte]byte{'f': 1, 0x80: 2, 0x81: 3, 0x82: 4, 0x83: 5, ' ': 6}
	for _, tt := range []struct {
		name string
		prog []byte
		cid  bool
		gids []byte
		want map[uint32]string
	}{
		{"simple, Macintosh cmap", ttfProgram(1, codes, std, custom, 7), false, nil,
			map[uint32]string{'f': "f", 0x80: "ti", 0x81: "fi", 0x82: "fi", ' ': " "}},
		{"simple, symbol cmap", ttfProgram(3, codes, std, custom, 7), false, nil,
			map[uint32]string{'f': "f", 0x80: "ti", 0x81: "fi", 0x82: "fi", ' ': " "}},
		{"CID, Identity", ttfProgram(1, codes, std, custom, 7), true, nil,
			map[uint32]string{1: "f", 2: "ti", 3: "fi", 4: "fi", 6: " "}},
		{"CID, CIDToGIDMap", ttfProgram(1, codes, std, custom, 7), true, []byte{0, 0, 0, 3, 0, 2},
			map[uint32]string{1: "fi", 2: "ti"}},
		{"no cmap subtable we read", ttfProgram(0, codes, std, custom, 7), false, nil, map[uint32]string{}},
		{"not a TrueType program", []byte("OTTO and some bytes"), false, nil, nil},
		{"truncated", ttfProgram(1, codes, std, custom, 7)[:40], false, nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := trueTypeNames(tt.prog, tt.cid, tt.gids)
			if !maps.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestWalkerTrueTypeNames: a TrueType font whose ToUnicode CMap maps
// its t_i and f_i glyphs to "t" and "f" alone (as some office suites
// write them), with no /Encoding: the embedded program's post table
// names them.
func TestWalkerTrueTypeNames(t *testing.T) {
	prog := ttfProgram(1, map[byte]byte{1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7},
		map[int]uint16{0: 0, 1: 81, 2: 82, 3: 87, 4: 73, 5: 92},
		[]string{"t_i", "f_i"}, 8)
	cmap := "begincmap 1 begincodespacerange <00> <FF> endcodespacerange\n" +
		"7 beginbfchar <01> <006E> <02> <006F> <03> <0074> <04> <0066> <05> <0079> <06> <0074> <07> <0066> endbfchar endcmap"
	b := onePage("<< /Font << /F1 5 0 R >> >>",
		"BT /F1 12 Tf 72 700 Td <0102060405> Tj ET BT /F1 12 Tf 72 680 Td <01020307> Tj ET",
		"<< /Type /Font /Subtype /TrueType /BaseFont /BAAAAA+Test /FirstChar 1 /LastChar 7 /ToUnicode 6 0 R /FontDescriptor 7 0 R >>",
		stream("", cmap),
		"<< /Type /FontDescriptor /FontName /BAAAAA+Test /Flags 4 /FontFile2 8 0 R >>",
		stream("", string(prog)))
	if got, want := walkBytes(t, b), "notify\nnotfi"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzTrueTypeNames(f *testing.F) {
	f.Add(ttfProgram(1, map[byte]byte{'a': 1, 0x80: 2}, map[int]uint16{1: 68}, []string{"f_i"}, 3), false, []byte(nil))
	f.Add(ttfProgram(3, map[byte]byte{'a': 1}, nil, []string{"uniFB01", "t_i"}, 3), true, []byte{0, 1, 0, 2})
	f.Fuzz(func(t *testing.T, b []byte, cid bool, gids []byte) {
		for c, s := range trueTypeNames(b, cid, gids) {
			if s == "" || (!cid && c > 255) || c > 0xFFFF {
				t.Fatalf("code %d → %q", c, s)
			}
		}
	})
}

func TestType1Names(t *testing.T) {
	head := "%!PS-AdobeFont-1.0: CMR10 003.002\n/FontName /CMR10 def\n"
	for _, tt := range []struct {
		name, prog string
		want       map[uint32]string
	}{
		{"built-in encoding", head + "/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n" +
			"dup 12 /fi put\ndup 14 /f_f_i put\ndup 102 /f put\ndup 200 /uniFB02 put\ndup 201 /g7 put\nreadonly def\ncurrentfile eexec\n",
			map[uint32]string{12: "fi", 14: "ffi", 102: "f", 200: "\uFB02"}},
		{"standard encoding", head + "/Encoding StandardEncoding def\ncurrentfile eexec\n", nil},
		{"after eexec not read", head + "/Encoding 256 array\ncurrentfile eexec\ndup 12 /fi put\n", nil},
		{"code past 255", head + "/Encoding 256 array\ndup 300 /fi put\ndup 1000 /fl put\n", nil},
		{"no encoding", head, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := type1Names([]byte(tt.prog)); !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestWalkerType1Names: a Type 1 font whose ToUnicode CMap maps its fi
// glyph to "f" alone and whose program's built-in encoding names it.
func TestWalkerType1Names(t *testing.T) {
	prog := "%!PS-AdobeFont-1.0: X\n/Encoding 256 array\ndup 1 /n put\ndup 2 /o put\ndup 3 /t put\ndup 4 /f_i put\n" +
		"dup 5 /e put\ndup 6 /s put\ndup 7 /i put\nreadonly def\ncurrentfile eexec\n"
	cmap := "begincmap 1 begincodespacerange <00> <FF> endcodespacerange\n" +
		"7 beginbfchar <01> <006E> <02> <006F> <03> <0074> <04> <0066> <05> <0065> <06> <0073> <07> <0069> endbfchar endcmap"
	b := onePage("<< /Font << /F1 5 0 R >> >>",
		"BT /F1 12 Tf 72 700 Td <01020307040506> Tj ET",
		"<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+X /FirstChar 1 /LastChar 7 /Widths [500 500 300 550 450 400 230] /ToUnicode 6 0 R /FontDescriptor 7 0 R >>",
		stream("", cmap),
		"<< /Type /FontDescriptor /FontName /ABCDEF+X /Flags 4 /FontFile 8 0 R >>",
		stream(fmt.Sprintf("/Length1 %d /Length2 0 /Length3 0", len(prog)), prog))
	if got, want := walkBytes(t, b), "notifies"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzType1Names(f *testing.F) {
	f.Add([]byte("/Encoding 256 array\ndup 12 /f_i put\ndup 13 /uniFB01 put\nreadonly def\ncurrentfile eexec\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for c, s := range type1Names(b) {
			if s == "" || c > 255 {
				t.Fatalf("code %d → %q", c, s)
			}
		}
	})
}

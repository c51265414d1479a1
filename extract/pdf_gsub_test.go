package extract

import (
	"encoding/binary"
	"maps"
	"slices"
	"testing"
)

// gsubTable builds a GSUB table of one lookup of ligature substitutions
// (behind an extension lookup when ext): each of ligs is a ligature glyph
// and its components. The coverage of the first components is of format
// covFormat (1, or 2 with one range per glyph).
func gsubTable(ext bool, covFormat int, ligs ...[]uint16) []byte {
	be := binary.BigEndian
	byFirst := map[uint16][][]uint16{}
	for _, l := range ligs {
		byFirst[l[1]] = append(byFirst[l[1]], l)
	}
	firsts := slices.Sorted(maps.Keys(byFirst))
	// The ligature substitution subtable, offsets from its start.
	head := 6 + 2*len(firsts)
	cov := be.AppendUint16(nil, uint16(covFormat))
	cov = be.AppendUint16(cov, uint16(len(firsts)))
	for i, g := range firsts {
		if covFormat == 1 {
			cov = be.AppendUint16(cov, g)
		} else {
			cov = be.AppendUint16(be.AppendUint16(be.AppendUint16(cov, g), g), uint16(i))
		}
	}
	var sets []byte
	var setOffs []int
	for _, g := range firsts {
		setOffs = append(setOffs, head+len(cov)+len(sets))
		ls := byFirst[g]
		set := be.AppendUint16(nil, uint16(len(ls)))
		var body []byte
		for _, l := range ls {
			set = be.AppendUint16(set, uint16(2+2*len(ls)+len(body)))
			body = be.AppendUint16(body, l[0])
			body = be.AppendUint16(body, uint16(len(l)-1))
			for _, c := range l[2:] {
				body = be.AppendUint16(body, c)
			}
		}
		sets = append(sets, append(set, body...)...)
	}
	sub := be.AppendUint16(nil, 1)
	sub = be.AppendUint16(sub, uint16(head))
	sub = be.AppendUint16(sub, uint16(len(firsts)))
	for _, o := range setOffs {
		sub = be.AppendUint16(sub, uint16(o))
	}
	sub = append(append(sub, cov...), sets...)
	typ := uint16(4)
	if ext {
		e := be.AppendUint16(nil, 1)
		e = be.AppendUint16(e, 4)
		e = be.AppendUint32(e, 8)
		sub, typ = append(e, sub...), 7
	}
	b := []byte{0, 1, 0, 0, 0, 0, 0, 0, 0, 10}
	b = be.AppendUint16(b, 1) // LookupList at 10: one lookup
	b = be.AppendUint16(b, 4)
	b = be.AppendUint16(b, typ) // Lookup at 14
	b = be.AppendUint16(b, 0)
	b = be.AppendUint16(b, 1)
	b = be.AppendUint16(b, 8)
	return append(b, sub...)
}

func TestGSUBLigatures(t *testing.T) {
	ff, ffi, fl := []uint16{10, 2, 2}, []uint16{11, 2, 2, 6}, []uint16{12, 2, 7}
	st := []uint16{13, 8, 5}
	want := map[uint16][]uint16{10: {2, 2}, 11: {2, 2, 6}, 12: {2, 7}, 13: {8, 5}}
	for _, tt := range []struct {
		name string
		gsub []byte
		want map[uint16][]uint16
	}{
		{"coverage format 1", gsubTable(false, 1, ff, ffi, fl, st), want},
		{"coverage format 2", gsubTable(false, 2, ff, ffi, fl, st), want},
		{"extension lookup", gsubTable(true, 1, ff, ffi, fl, st), want},
		{"first substitution wins", gsubTable(false, 1, ff, []uint16{10, 8, 8}), map[uint16][]uint16{10: {2, 2}}},
		{"truncated", gsubTable(false, 1, ff, ffi)[:30], nil},
		{"not version 1", append([]byte{0, 2}, gsubTable(false, 1, ff)[2:]...), nil},
		{"empty", nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := gsubLigatures(tt.gsub)
			if !maps.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCIDGlyphTextsGSUB: ligature glyphs neither the cmap nor a post
// name reads are read by their components (a ligature of a ligature too);
// one with a component of no text stays unread.
func TestCIDGlyphTextsGSUB(t *testing.T) {
	tables := map[string][]byte{
		"cmap": cmapTable(3, 1, format4(map[rune]uint16{'f': 2, 'i': 6, 'l': 7})),
		"GSUB": gsubTable(false, 1, []uint16{10, 2, 2}, []uint16{11, 10, 6}, []uint16{12, 2, 7}, []uint16{13, 2, 40}),
	}
	got := cidGlyphTexts(tables, nil)
	want := map[uint16]string{2: "f", 6: "i", 7: "l", 10: "ff", 11: "ffi", 12: "fl"}
	if !maps.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := cidGlyphTexts(map[string][]byte{"GSUB": tables["GSUB"]}, nil); got != nil {
		t.Errorf("no cmap: got %v, want nil", got)
	}
}

func FuzzGSUBLigatures(f *testing.F) {
	f.Add(gsubTable(false, 1, []uint16{10, 2, 2}, []uint16{11, 2, 2, 6}))
	f.Add(gsubTable(true, 2, []uint16{12, 2, 7}, []uint16{13, 8, 5}))
	f.Fuzz(func(t *testing.T, gsub []byte) {
		m := gsubLigatures(gsub)
		if len(m) > maxGSUBLigatures {
			t.Fatalf("%d ligatures", len(m))
		}
		for g, comps := range m {
			if len(comps) < 2 || len(comps) > maxLigatureLength {
				t.Fatalf("glyph %d: components %v", g, comps)
			}
		}
		text := map[uint16]string{}
		for g := range m {
			for _, c := range m[g] {
				text[c] = "x"
			}
		}
		ligatureTexts(text, m)
	})
}

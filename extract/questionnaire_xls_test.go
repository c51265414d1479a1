package extract

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// biffRec encodes one BIFF record.
func biffRec(id uint16, parts ...any) []byte {
	var data bytes.Buffer
	for _, p := range parts {
		_ = binary.Write(&data, binary.LittleEndian, p)
	}
	out := binary.LittleEndian.AppendUint16(nil, id)
	out = binary.LittleEndian.AppendUint16(out, uint16(data.Len()))
	return append(out, data.Bytes()...)
}

// testBIFF builds a small BIFF8 workbook stream: a visible sheet with a
// header, shared strings (one split over a CONTINUE record, switching to
// two-byte characters), a LABEL, numbers (NUMBER, RK, MULRK), a formula
// with a cached string, a merged range, and a hidden sheet.
func testBIFF() []byte {
	bof := func(dt uint16) []byte {
		return biffRec(0x0809, uint16(0x0600), dt, uint16(0), uint16(0), uint32(0), uint32(0))
	}
	eof := biffRec(0x000A)
	boundsheet := func(pos uint32, hidden byte, name string) []byte {
		return biffRec(0x0085, pos, hidden, byte(0), byte(len(name)), byte(0), []byte(name))
	}
	str := func(s string) []byte { // XLUnicodeRichExtendedString, 1-byte chars
		return append([]byte{byte(len(s)), 0, 0}, s...)
	}
	// SST: "Question", "Answer", "Is MFA on?", then "Café ☕ ok" split: the
	// first part in the SST record, the rest in a CONTINUE as UTF-16.
	sst := []byte{}
	sst = binary.LittleEndian.AppendUint32(sst, 5)
	sst = binary.LittleEndian.AppendUint32(sst, 5)
	for _, s := range []string{"Question ID", "Question", "Answer", "Is MFA on?"} {
		sst = append(sst, str(s)...)
	}
	sst = append(sst, 9, 0, 0) // 9 characters, 1-byte to start
	sst = append(sst, "Caf"...)
	cont := []byte{1} // the rest in two-byte characters
	for _, r := range "é ☕ ok" {
		cont = binary.LittleEndian.AppendUint16(cont, uint16(r))
	}
	globals := func(pos1, pos2 uint32) []byte {
		var b []byte
		b = append(b, bof(5)...)
		b = append(b, boundsheet(pos1, 0, "Questions")...)
		b = append(b, boundsheet(pos2, 1, "Lists")...)
		b = append(b, biffRec(0x00FC, sst)...)
		b = append(b, biffRec(0x003C, cont)...)
		return append(b, eof...)
	}
	labelsst := func(row, col uint16, i uint32) []byte { return biffRec(0x00FD, row, col, uint16(0), i) }
	var sheet []byte
	sheet = append(sheet, bof(0x10)...)
	sheet = append(sheet, labelsst(0, 0, 0)...)
	sheet = append(sheet, labelsst(0, 1, 1)...)
	sheet = append(sheet, labelsst(0, 2, 2)...)
	sheet = append(sheet, biffRec(0x0204, uint16(1), uint16(0), uint16(0), uint16(5), byte(0), []byte("AC-01"))...)
	sheet = append(sheet, labelsst(1, 1, 3)...)
	sheet = append(sheet, labelsst(1, 2, 4)...)
	sheet = append(sheet, biffRec(0x0204, uint16(2), uint16(0), uint16(0), uint16(5), byte(0), []byte("AC-02"))...)
	sheet = append(sheet, biffRec(0x0006, uint16(2), uint16(1), uint16(0), []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, uint16(0), uint32(0))...)
	sheet = append(sheet, biffRec(0x0207, uint16(7), byte(0), []byte("Formula"))...)
	sheet = append(sheet, biffRec(0x0203, uint16(2), uint16(2), uint16(0), math.Float64bits(42))...)
	sheet = append(sheet, biffRec(0x0204, uint16(3), uint16(0), uint16(0), uint16(5), byte(0), []byte("AC-03"))...)
	sheet = append(sheet, biffRec(0x0204, uint16(3), uint16(1), uint16(0), uint16(6), byte(0), []byte("Merged"))...)
	sheet = append(sheet, biffRec(0x027E, uint16(3), uint16(2), uint16(0), uint32(1234<<2|2|1))...)
	sheet = append(sheet, biffRec(0x00BD, uint16(3), uint16(3), uint16(0), uint32(7<<2|2), uint16(0), uint32(8<<2|2), uint16(4))...)
	sheet = append(sheet, biffRec(0x0204, uint16(4), uint16(0), uint16(0), uint16(5), byte(0), []byte("AC-04"))...)
	sheet = append(sheet, biffRec(0x00E5, uint16(1), uint16(3), uint16(4), uint16(1), uint16(1))...)
	sheet = append(sheet, eof...)
	hidden := append(append(bof(0x10), labelsst(0, 0, 2)...), eof...)
	g := globals(0, 0)
	pos1 := uint32(len(g))
	pos2 := pos1 + uint32(len(sheet))
	g = globals(pos1, pos2)
	return append(append(g, sheet...), hidden...)
}

func TestBIFFStream(t *testing.T) {
	wb, err := parseBIFF(testBIFF())
	if err != nil {
		t.Fatal(err)
	}
	if len(wb.sheets) != 2 || wb.sheets[0].name != "Questions" || wb.sheets[0].hidden || !wb.sheets[1].hidden {
		t.Fatalf("sheets: %+v", wb.sheets)
	}
	s := wb.sheets[0]
	next := s.rowFunc()
	var rows [][]string
	for {
		_, cells, ok, err := next()
		if err != nil || !ok {
			break
		}
		rows = append(rows, cells)
	}
	want := [][]string{
		{"Question ID", "Question", "Answer"},
		{"AC-01", "Is MFA on?", "Café ☕ ok"},
		{"AC-02", "Formula", "42"},
		{"AC-03", "Merged", "12.34", "7", "8"},
		{"AC-04"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows:\n got %q\nwant %q", rows, want)
	}
	if len(s.merges) != 1 || s.merges[0][0] != "B4:B5" {
		t.Errorf("merges %v", s.merges)
	}
	// Through the layout rules: the merge fills B5 and the hidden sheet
	// is not read.
	b := newBook("test.xls", Options{})
	src := newRowSource(s.rowFunc(), s.merges)
	sr, err := scanSheet(b, s.name, src, src.byStart, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids, qs []string
	for _, it := range sr.items {
		ids, qs = append(ids, it.ID), append(qs, it.Question)
	}
	if !reflect.DeepEqual(ids, []string{"AC-01", "AC-02", "AC-03", "AC-04"}) || qs[3] != "Merged" {
		t.Errorf("items %q %q", ids, qs)
	}
}

func TestBIFFDamaged(t *testing.T) {
	good := testBIFF()
	for n := range len(good) {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("truncated at %d: panic %v", n, r)
				}
			}()
			if wb, err := parseBIFF(good[:n]); err == nil {
				for _, s := range wb.sheets {
					_ = s.rowFunc()
				}
			}
		}()
	}
	// Not a compound file, or one without a Workbook stream.
	dir := t.TempDir()
	for name, b := range map[string][]byte{
		"garbage.xls": append(append([]byte{}, oleMagic...), make([]byte, 1000)...),
		"text.xls":    []byte("not a workbook"),
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := readXLS(p, Options{})
		var ie *InputError
		if !errors.As(err, &ie) || !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: err = %v, want ErrUnsupported", name, err)
		}
	}
}

func FuzzBIFF(f *testing.F) {
	f.Add(testBIFF())
	f.Fuzz(func(t *testing.T, b []byte) {
		wb, err := parseBIFF(b)
		if err != nil {
			return
		}
		for _, s := range wb.sheets {
			next := s.rowFunc()
			for range 70_000 {
				if _, _, ok, _ := next(); !ok {
					break
				}
			}
		}
	})
}

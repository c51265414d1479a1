package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"io"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
	"github.com/xuri/excelize/v2"
)

// TestDeflateRoundTrip: the hand-built streams inflate to exactly what
// they promise, through the standard library's inflater (which the PDF
// and zip readers use) and its checksums.
func TestDeflateRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		prefix, suffix string
		b              byte
		n              int64
	}{
		{"", "", 0, 0},
		{"", "", 0, 1},
		{"head", "tail", ' ', 2},
		{"", "", 7, 3},
		{"x", "", 250, 257},
		{"", "y", 255, 258},
		{"<a>", "</a>", 'a', 259},
		{"", "", 0, 1000},
		{strings.Repeat("p", 70000), "s", 1, 100_000},
		{"", "", 0, 1<<20 + 3},
	} {
		want := tt.prefix + strings.Repeat(string([]byte{tt.b}), int(tt.n)) + tt.suffix
		got, err := io.ReadAll(flate.NewReader(bytes.NewReader(Deflate([]byte(tt.prefix), tt.b, tt.n, []byte(tt.suffix)))))
		if err != nil || string(got) != want {
			t.Errorf("Deflate(%d×%d): %d bytes, err %v; want %d bytes", tt.n, tt.b, len(got), err, len(want))
		}
		zr, err := zlib.NewReader(bytes.NewReader(Zlib([]byte(tt.prefix), tt.b, tt.n, []byte(tt.suffix))))
		if err != nil {
			t.Fatal(err)
		}
		got, err = io.ReadAll(zr) // checks the Adler-32 at EOF
		if err != nil || string(got) != want {
			t.Errorf("Zlib(%d×%d): %d bytes, err %v", tt.n, tt.b, len(got), err)
		}
	}
}

// TestGibibyteBomb: the full-size stream is about a megabyte and, read
// to the end, gives 1 GiB of zeros with a valid checksum.
func TestGibibyteBomb(t *testing.T) {
	z := Zlib(nil, 0, GiB, nil)
	if len(z) < 900_000 || len(z) > 1_100_000 {
		t.Errorf("1 GiB bomb is %d bytes, want about 1 MB", len(z))
	}
	if testing.Short() {
		t.Skip("reading 1 GiB")
	}
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 1<<20)
	var n int64
	for {
		k, err := zr.Read(buf)
		for _, c := range buf[:k] {
			if c != 0 {
				t.Fatalf("non-zero byte at %d", n)
			}
		}
		n += int64(k)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if n != GiB {
		t.Errorf("inflated to %d bytes, want %d", n, GiB)
	}
}

func TestRecipes(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range All() {
		t.Run(r.Name, func(t *testing.T) {
			if seen[r.Name] || r.Desc == "" || !strings.HasPrefix(r.Name, strings.TrimPrefix(r.Ext, ".")+"-") {
				t.Errorf("recipe %q (%s): duplicate name, no description or name not prefixed by its format", r.Name, r.Ext)
			}
			seen[r.Name] = true
			b, err := r.Build()
			if err != nil {
				t.Fatal(err)
			}
			if len(b) > 4<<20 {
				t.Errorf("full size is %d bytes, want at most 4 MiB", len(b))
			}
			s, err := r.Seed()
			if err != nil {
				t.Fatal(err)
			}
			if len(s) > 64<<10 {
				t.Errorf("seed is %d bytes, want at most 64 KiB", len(s))
			}
			if r.Ext != ".pdf" {
				// Office files are zip archives whose entries all open.
				zr, err := zip.NewReader(bytes.NewReader(s), int64(len(s)))
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range zr.File {
					rc, err := f.Open()
					if err != nil {
						t.Fatal(err)
					}
					_, err = io.Copy(io.Discard, rc)
					rc.Close()
					if err != nil && !strings.Contains(r.Name, "lying") {
						t.Errorf("%s: %v", f.Name, err)
					}
				}
			}
		})
	}
	if _, ok := ByName("pdf-flate-bomb"); !ok {
		t.Error("ByName does not find pdf-flate-bomb")
	}
}

// TestRecipeShapes checks that each recipe carries the change its
// description names, at full size.
func TestRecipeShapes(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"pdf-xref-size", "/Type /XRef /Size 2147483647 "},
		{"pdf-trailer-size", "trailer\n<< /Size 2147483647 "},
		{"pdf-xref-index", "/Index [2147483000 "},
		{"pdf-page-repeat", "/Count 100000 "},
		{"pdf-deep-array", strings.Repeat("[", 100_000)},
		{"pdf-deep-dict", strings.Repeat("<< /A ", 100_000)},
	} {
		r, _ := ByName(tt.name)
		b, err := r.Build()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(tt.want)) {
			t.Errorf("%s does not contain %.40q", tt.name, tt.want)
		}
	}
	r, _ := ByName("pdf-page-repeat")
	b, _ := r.Build()
	if n := bytes.Count(b, []byte("4 0 R")); n != 100_000 {
		t.Errorf("pdf-page-repeat lists the page %d times", n)
	}
}

// TestBenignBases: without the one change, the documents read, so that a
// recipe's failure comes from that change.
func TestBenignBases(t *testing.T) {
	for _, xs := range []bool{false, true} {
		p := AgreementPDF(1, 3)
		p.XRefStream = xs
		b := p.Bytes()
		r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("xref stream %v: %v", xs, err)
		}
		if r.NumPage() != 3 {
			t.Errorf("xref stream %v: %d pages", xs, r.NumPage())
		}
		text, err := r.Page(2).GetPlainText(nil)
		if err != nil || !strings.Contains(text, "Clause") {
			t.Errorf("page 2 text %.60q, err %v", text, err)
		}
	}
	b := objStmBomb(1000)
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if f := r.Page(1).Resources().Key("Font").Key("F1").Key("BaseFont").Name(); f != "Helvetica" {
		t.Errorf("object stream resources: font %q", f)
	}

	x, err := Zip(XLSXParts(SheetXML("", SheetRows("")), ""))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Questionnaire")
	if err != nil || len(rows) != 6 || rows[1][0] != "SEF-07.1" {
		t.Errorf("questionnaire rows %q, err %v", rows, err)
	}
}
